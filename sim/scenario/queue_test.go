package scenario

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestMaxRecipientsKey: max_recipients on an SMTP service reaches the
// server; past it the relay sends the rest in new transactions at once,
// and its note says that a limit under 100 is below what RFC 5321
// 4.5.3.1.8 asks a server to take.
func TestMaxRecipientsKey(t *testing.T) {
	src := `id: limit
title: T
world:
  hosts:
    pc: {ip: 198.51.100.10}
    relay.example: {ip: 198.51.100.25, smtp: [{port: 25, relay: anyone}]}
    mx.example.jp:
      ip: 192.0.2.25
      domains: [example.jp]
      users: {a: x, b: x, c: x, d: x, e: x}
      smtp: [{port: 25, max_recipients: 2}]
  dns:
    example.jp: {mx: ["10 mx.example.jp"]}
steps:
  - send: {client: pc, server: "relay.example:25", from: s@relay.example,
           to: [a@example.jp, b@example.jp, c@example.jp, d@example.jp, e@example.jp]}
    expect: {delivered_to: [a@example.jp, b@example.jp, c@example.jp, d@example.jp, e@example.jp]}
`
	sc, err := Parse("limit.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("%d of %d expectations missed", rep.Missed, rep.Checks)
	}
	var mails, notes int
	for _, e := range rec.Events {
		if e.Kind == trace.Line && e.Dst.Host == "mx.example.jp" && strings.HasPrefix(e.Line, "MAIL FROM:") {
			mails++
		}
		if e.Kind == trace.Note && strings.Contains(e.Text.In(i18n.EN), "took only 2 recipients") &&
			strings.Contains(e.Text.In(i18n.EN), "fewer than the 100 that RFC 5321 4.5.3.1.8") {
			notes++
		}
	}
	if mails != 3 || notes != 2 {
		t.Errorf("%d transactions and %d notes, want 3 and 2", mails, notes)
	}
}
