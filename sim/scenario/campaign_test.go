package scenario

import (
	"bytes"
	"errors"
	"net/netip"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

const repeatSrc = `id: repeat
title: {en: Repeat, ja: 繰り返し}
world:
  hosts:
    pc: {ip: 192.0.2.1}
    mx.example.jp:
      ip: 192.0.2.25
      domains: [example.jp]
      users: {bob: pw}
      smtp: [{port: 25}]
      pop3: [{port: 110}]
  dns:
    example.jp: {mx: ["10 mx.example.jp"]}
steps:
  - send: {client: pc, server: "mx.example.jp:25", from: a@b.example, to: bob@example.jp}
    expect: {delivered_to: [bob@example.jp]}
    repeat: 3
  - fetch: {client: pc, server: "mx.example.jp:110", user: bob, pass: pw, keep: true}
    expect: {retrieved: 3}
`

// TestRepeat plays a step three times over, checking its expectation each
// time: three messages wait in the mailbox.
func TestRepeat(t *testing.T) {
	sc, err := Parse("repeat.yaml", []byte(repeatSrc))
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checks != 4 || !rep.OK() {
		t.Errorf("%d checks, %d missed; want 4 met (3 sends, 1 fetch)", rep.Checks, rep.Missed)
	}
	steps := 0
	for _, e := range rec.Events {
		if e.Kind == trace.Step {
			steps++
		}
	}
	if steps != 4 {
		t.Errorf("%d step headings, want 4", steps)
	}
}

// TestBotsTemplate checks the names and addresses a group of bots gets,
// in IPv4 and IPv6, without making the hosts.
func TestBotsTemplate(t *testing.T) {
	tests := []struct {
		b         Bots
		n         int
		name, ip  string
		fitsCount int
	}{
		{Bots{Name: "bot-{n}", Range: netip.MustParsePrefix("198.18.0.0/16")}, 1, "bot-1", "198.18.0.1", 65535},
		{Bots{Name: "bot-{n}", Range: netip.MustParsePrefix("198.18.0.0/16")}, 256, "bot-256", "198.18.1.0", 65535},
		{Bots{Name: "pc{n}.home.example", Range: netip.MustParsePrefix("198.18.4.0/22")}, 1023, "pc1023.home.example", "198.18.7.255", 1023},
		{Bots{Name: "b{n}", Range: netip.MustParsePrefix("2001:db8::/64")}, 65536, "b65536", "2001:db8::1:0", 1<<31 - 1},
	}
	for _, tc := range tests {
		if got := tc.b.HostName(tc.n); got != tc.name {
			t.Errorf("HostName(%d) = %q, want %q", tc.n, got, tc.name)
		}
		if got := tc.b.Addr(tc.n); got != netip.MustParseAddr(tc.ip) {
			t.Errorf("%s: Addr(%d) = %s, want %s", tc.b.Range, tc.n, got, tc.ip)
		}
		if got := tc.b.size(); got != tc.fitsCount {
			t.Errorf("%s: size = %d, want %d", tc.b.Range, got, tc.fitsCount)
		}
	}
}

// TestSwitches checks what --compare changes in a scenario, and that the
// scenario it was given stays as it was.
func TestSwitches(t *testing.T) {
	sc, err := Load("botnet")
	if err != nil {
		t.Fatal(err)
	}
	off, err := sc.With("op25b", "off")
	if err != nil {
		t.Fatal(err)
	}
	if off.World.Networks[0].HasOP25 || !sc.World.Networks[0].HasOP25 {
		t.Error("op25b=off must remove OP25B from the copy only")
	}
	closed, err := sc.With("relay", "closed")
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range closed.World.Hosts {
		for j, s := range h.SMTP {
			if s.Relay != nil && s.Relay.String() == "anyone" {
				t.Errorf("relay=closed left %s open", h.Name)
			}
			if orig := sc.World.Hosts[i].SMTP[j]; h.Name == "relay.example.com" && (orig.Relay == nil || orig.Relay.String() != "anyone") {
				t.Error("relay=closed changed the original scenario")
			}
		}
	}
	for _, bad := range [][2]string{{"op25", "on"}, {"op25b", "maybe"}} {
		if _, err := sc.With(bad[0], bad[1]); err == nil {
			t.Errorf("With(%q, %q) accepted", bad[0], bad[1])
		}
	}
	if err := sc.Scale(MaxAttempts); err == nil {
		t.Error("Scale past MaxAttempts accepted")
	}
}

// TestShardsCountAsOneWorld plays a small campaign in one world and in
// Shards worlds side by side: the counters add up to the same, and the
// sharded run gives the same result every time.
func TestShardsCountAsOneWorld(t *testing.T) {
	src, err := os.ReadFile("../campaign/testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Parse("small.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	w, err := sc.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	topo := sc.Topology(w)
	one := campaign.New(&topo)
	// A Tee is not a *campaign.Summary: never sharded.
	rep, err := RunWith(sc, trace.Tee(one), RunOptions{Summary: true})
	if err != nil {
		t.Fatal(err)
	}
	// Two expectations of sends, and the counters of the campaign steps:
	// four of the first, five of the second, played twice.
	const checks = 2 + 4 + 5*2
	if rep.Checks != checks || !rep.OK() {
		t.Errorf("one world: %d checks, %d missed; want %d met", rep.Checks, rep.Missed, checks)
	}
	defer func(n int) { shardAttempts = n }(shardAttempts)
	shardAttempts = 1
	var sharded [2]*campaign.Summary
	for i := range sharded {
		sharded[i] = campaign.New(&topo)
		rep, err := RunWith(sc, sharded[i], RunOptions{Summary: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Checks != checks || !rep.OK() {
			t.Errorf("sharded run: %d checks, %d missed; want %d met: the counters of a campaign step are those of every shard", rep.Checks, rep.Missed, checks)
		}
	}
	for i, s := range sharded {
		if s.Total() != one.Total() {
			t.Errorf("run %d: sharded totals %v, one world %v", i, s.Total(), one.Total())
		}
		if !reflect.DeepEqual(s.ByNetwork(), one.ByNetwork()) || !reflect.DeepEqual(s.ByServer(), one.ByServer()) {
			t.Errorf("run %d: sharded counters per network or server differ:\n%v\n%v\n%v\n%v", i, s.ByNetwork(), one.ByNetwork(), s.ByServer(), one.ByServer())
		}
	}
	if !reflect.DeepEqual(sharded[0].Buckets(), sharded[1].Buckets()) {
		t.Error("two sharded runs differ over time")
	}
	if one.Total()[campaign.Sessions] == 0 {
		t.Fatal("nothing counted")
	}
}

// TestCampaignOverOneError checks that a campaign's over: that is too long
// or not a duration gets its one error, not a second one saying the
// duration is missing.
func TestCampaignOverOneError(t *testing.T) {
	for over, want := range map[string]string{
		"100000h": "campaign over: 100000h is longer than 30d",
		"soon":    "campaign over: expected a duration",
		"0s":      "campaign over: give the time the attempts are spread over",
	} {
		src := `id: t
title: {en: T, ja: T}
world:
  networks:
    home: {cidr: 198.18.0.0/24, dynamic: true}
  hosts:
    mx.example.jp: {ip: 192.0.2.25, domains: [example.jp], users: {bob: pw}, smtp: [{port: 25}]}
  bots:
    home-bots: {count: 10, network: home}
steps:
  - campaign: {bots: home-bots, server: "mx.example.jp:25", to: [bob@example.jp], over: ` + over + `}
`
		_, err := Parse("t.yaml", []byte(src))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Error(), want) {
			t.Errorf("over: %s: got %v; want one error containing %q", over, err, want)
		}
	}
}

// TestCampaignCountsMissed checks that a campaign step's counters are
// checked, not merely shown: a count the campaign does not reach is a miss,
// in one world and in shards alike, and the transcript says what it got.
func TestCampaignCountsMissed(t *testing.T) {
	src, err := os.ReadFile("../campaign/testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte("sessions: 36, blocked: 23"), []byte("sessions: 36, blocked: {at_most: 22}"), 1)
	sc, err := Parse("small.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { shardAttempts = n }(shardAttempts)
	for _, n := range []int{ShardAttempts, 1} {
		shardAttempts = n
		w, err := sc.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		topo := sc.Topology(w)
		sum := campaign.New(&topo)
		rep, err := RunWith(sc, sum, RunOptions{Summary: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Missed != 1 {
			t.Errorf("shardAttempts %d: %d missed, want 1", n, rep.Missed)
		}
		found := false
		for _, e := range sum.Sample() {
			found = found || e.Kind == trace.Expect && !e.OK && strings.Contains(e.Text.In(i18n.EN), "at most 22 (got: 23)")
		}
		if !found {
			t.Errorf("shardAttempts %d: no missed expectation saying at most 22 (got: 23) in the sample", n)
		}
	}
}

// TestTalliesShardGone checks that the first shard does not wait for a
// shard that stopped early: its counters so far count, later steps count
// without it.
func TestTalliesShardGone(t *testing.T) {
	tl := newTallies(2)
	one := campaign.Counts{campaign.Sessions: 3}
	if got := tl.post(0, 1, &one); got != nil {
		t.Fatalf("shard 1 got a sum: %v", got)
	}
	tl.leave(1)
	tl.leave(1) // twice is once
	two := campaign.Counts{campaign.Sessions: 4}
	if got := tl.post(0, 0, &two); got[campaign.Sessions] != 7 {
		t.Errorf("step 0: %d sessions, want 7", got[campaign.Sessions])
	}
	if got := tl.post(1, 0, &two); got[campaign.Sessions] != 4 {
		t.Errorf("step 1, shard 1 gone: %d sessions, want 4", got[campaign.Sessions])
	}
}

// TestHasMatchesWith checks Has against With on every bundled scenario:
// a setting the scenario has already is one under which With changes
// nothing in the world, and only such a setting.
func TestHasMatchesWith(t *testing.T) {
	all, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		id := sc.ID
		for _, key := range SwitchKeys() {
			for _, val := range Switches[key] {
				s, err := sc.With(key, val)
				if err != nil {
					t.Fatal(err)
				}
				same := reflect.DeepEqual(s.World, sc.World)
				if has := sc.Has(key, val); has != same {
					t.Errorf("%s: Has(%s=%s) = %v, but With leaves the world as it was: %v", id, key, val, has, same)
				}
			}
		}
	}
}
