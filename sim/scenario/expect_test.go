package scenario

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// expectWorld has bob's mailbox on mx.example.jp, one message in it once
// the first step has run, and the MX reachable from bob-pc.
const expectWorld = `id: expect
title: {en: Expect, ja: 期待}
world:
  hosts:
    mail.isp.example:
      ip: 198.51.100.25
      domains: [isp.example]
      users: {alice: wonderland}
      smtp: [587, 25]
    mx.example.jp:
      ip: 192.0.2.25
      domains: [example.jp]
      users: {bob: hunter2}
      smtp: [25]
      pop3: [110]
    bob-pc: {ip: 192.0.2.100}
  dns:
    example.jp: {mx: ["10 mx.example.jp"]}
steps:
`

// missed runs the world with steps and returns how many expectations missed.
func missed(t *testing.T, steps string) int {
	t.Helper()
	return runYAML(t, expectWorld+steps).Missed
}

// runYAML loads and runs a whole scenario given as text.
func runYAML(t *testing.T, src string) *Report {
	t.Helper()
	sc, err := Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(sc, &trace.Recorder{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestExpectationsCanMiss checks expectations that once passed when they
// should not: left after a fetch that never connected, and queued with an
// address spelled in another case.
func TestExpectationsCanMiss(t *testing.T) {
	send := `  - send: {client: bob-pc, server: mail.isp.example:587, auth: alice/wonderland, from: alice@isp.example, to: bob@example.jp}
`
	for _, c := range []struct {
		name  string
		steps string
		want  int
	}{
		{"left after a fetch that connected", send + `  - fetch: {client: bob-pc, server: mx.example.jp:110, user: bob, pass: hunter2}
    expect: {left: 0}
`, 0},
		{"left after a fetch from a server that is down", send + `  - configure: {host: mx.example.jp, down: true}
  - fetch: {client: bob-pc, server: mx.example.jp:110, user: bob, pass: hunter2}
    expect: {left: 0}
`, 1},
		{"queued, in another case", `  - configure: {host: mx.example.jp, down: true}
  - send: {client: bob-pc, server: mail.isp.example:587, auth: alice/wonderland, from: alice@isp.example, to: Bob@Example.JP}
    expect: {queued: [bob@example.jp]}
`, 0},
	} {
		if got := missed(t, c.steps); got != c.want {
			t.Errorf("%s: %d missed, want %d", c.name, got, c.want)
		}
	}
}

// TestBlockedByDefaultRouter: a network that names no router gets one
// called <network>-router, and blocked_by may name it as the trace does.
func TestBlockedByDefaultRouter(t *testing.T) {
	src := `id: r
title: {en: R, ja: R}
world:
  networks:
    home: {cidr: 203.0.113.0/24, dynamic: true, op25b: {allow: []}}
  hosts:
    pc: {ip: 203.0.113.5, network: home}
    mx.example.jp: {ip: 192.0.2.25, domains: [example.jp], users: {bob: x}, smtp: [25]}
steps:
  - send: {client: pc, server: mx.example.jp:25, from: a@home.example, to: bob@example.jp}
    expect: {blocked_by: home-router}
`
	if rep := runYAML(t, src); !rep.OK() {
		t.Fatalf("blocked_by home-router: %d missed", rep.Missed)
	}
}

// TestConfigureMyNetworks: relay: mynetworks set mid-scenario trusts the
// server's own network, as it does when written in the world.
func TestConfigureMyNetworks(t *testing.T) {
	src := `id: m
title: {en: M, ja: M}
world:
  networks:
    office: {cidr: 198.51.100.0/24}
  hosts:
    web: {ip: 198.51.100.80, network: office}
    mail.office.example: {ip: 198.51.100.25, network: office, domains: [office.example], smtp: [25]}
    mx.example.jp: {ip: 192.0.2.25, domains: [example.jp], users: {bob: x}, smtp: [25]}
  dns:
    example.jp: {mx: ["10 mx.example.jp"]}
steps:
  - configure: {server: "mail.office.example:25", relay: mynetworks}
  - send: {client: web, server: mail.office.example:25, from: www@office.example, to: bob@example.jp}
    expect: {delivered_to: [bob@example.jp]}
`
	if rep := runYAML(t, src); !rep.OK() {
		t.Fatalf("relay after configure mynetworks: %d missed", rep.Missed)
	}
}

// TestOrNoneLists checks what a missed expectation says it got: none, the
// whole list, or the first ten and how many more (a queue of 100,000
// recipients is not one line).
func TestOrNoneLists(t *testing.T) {
	var many []string
	for i := range 12 {
		many = append(many, fmt.Sprintf("u%d@example.jp", i))
	}
	for _, c := range []struct {
		in     []string
		en, ja string
	}{
		{nil, "none", "なし"},
		{many[:2], "u0@example.jp, u1@example.jp", "u0@example.jp, u1@example.jp"},
		{many[:10], strings.Join(many[:10], ", "), strings.Join(many[:10], ", ")},
		{many, strings.Join(many[:10], ", ") + " and 2 more", strings.Join(many[:10], ", ") + "ほか2件"},
	} {
		got := orNone(c.in)
		if got.EN != c.en || got.JA != c.ja {
			t.Errorf("orNone(%d addresses) = %q / %q, want %q / %q", len(c.in), got.EN, got.JA, c.en, c.ja)
		}
	}
}
