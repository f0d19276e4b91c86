package explain_test

import (
	"net/netip"
	"testing"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// engineTrace runs the engine through the situations the exams ask about
// (submission with SMTP-AUTH, relay, OP25B, relay denied, unknown user and
// its bounce, bad sequence, POP3 with a wrong password and a good one, a
// closed port) and returns what it recorded.
func engineTrace(t *testing.T) []trace.Event {
	t.Helper()
	rec := &trace.Recorder{}
	w := sim.New(sim.Options{Seed: 1, Sink: rec})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	home := &sim.Network{Name: "isp-home", Prefix: netip.MustParsePrefix("203.0.113.0/24"), Dynamic: true,
		OP25B: &sim.OP25B{Allow: []string{"mail.isp.example"}}}
	must(w.AddNetwork(home))
	alice := &sim.Host{Name: "alice-pc", IP: netip.MustParseAddr("203.0.113.10"), Network: home}
	isp := &sim.Host{Name: "mail.isp.example", IP: netip.MustParseAddr("198.51.100.25"), Domains: []string{"isp.example"},
		Users: []*sim.User{{Name: "alice", Password: "wonderland"}},
		SMTP: []*sim.SMTPService{
			{Port: 587, Auth: sim.AuthRequired, Config: smtp.Config{Relay: smtp.RelayAuthenticated}},
			{Port: 25, Config: smtp.Config{Relay: smtp.RelayNone}},
		}}
	mx := &sim.Host{Name: "mx.example.jp", IP: netip.MustParseAddr("192.0.2.25"), Domains: []string{"example.jp"},
		Users: []*sim.User{{Name: "bob", Password: "hunter2"}},
		SMTP:  []*sim.SMTPService{{Port: 25, Config: smtp.Config{Relay: smtp.RelayNone}}},
		POP3:  []*sim.POP3Service{{Port: 110}}}
	bob := &sim.Host{Name: "bob-pc", IP: netip.MustParseAddr("192.0.2.100")}
	ns := &sim.Host{Name: "ns.example", IP: netip.MustParseAddr("198.51.100.53")}
	for _, h := range []*sim.Host{alice, isp, mx, bob, ns} {
		must(w.AddHost(h))
	}
	w.SetDNS(ns)
	w.Zone().Add("isp.example", dns.Records{MX: []dns.MX{{Pref: 10, Host: "mail.isp.example"}}})
	w.Zone().Add("example.jp", dns.Records{MX: []dns.MX{{Pref: 10, Host: "mx.example.jp"}}})

	w.Send(sim.SendRequest{Client: alice, Server: isp, Port: 587, Auth: &smtp.Auth{User: "alice", Pass: "wonderland"},
		From: "alice@isp.example", To: []string{"bob@example.jp", "nobody@example.jp", "carol@nowhere.example"},
		Subject: "Hi", Body: "Hello Bob\n.hidden dot"})
	w.Settle()
	w.Send(sim.SendRequest{Client: alice, Server: mx, Port: 25, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	w.Send(sim.SendRequest{Client: bob, Server: mx, Port: 25, From: "bob@example.jp", To: []string{"x@isp.example"}})
	w.Send(sim.SendRequest{Client: alice, Server: isp, Port: 587, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	w.Talk(bob, mx, 25, []string{"HELO bob-pc", "RCPT TO:<bob@example.jp>", "FOO", "EXPN staff", "VRFY bob", "NOOP", "RSET", "QUIT"})
	w.Talk(bob, mx, 110, []string{"CAPA", "STAT", "USER bob", "PASS wrong", "QUIT"})
	w.Fetch(sim.FetchRequest{Client: bob, Server: mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2"}})
	w.Fetch(sim.FetchRequest{Client: bob, Server: mx, Port: 995, Job: pop3.Job{User: "bob", Pass: "hunter2"}})
	return rec.Events
}

// Every event the engine emits that a learner can point at must have an
// explanation: each command, the last line of each SMTP reply, each POP3
// status line, each DNS line and each TCP event.
func TestEngineTraceExplained(t *testing.T) {
	evs := engineTrace(t)
	kinds := map[trace.Kind]int{}
	var seen = map[string]bool{}
	for i := range evs {
		e := &evs[i]
		got := explain.ForEvent(e)
		for _, x := range got {
			seen[x.Key] = true
		}
		need := false
		switch e.Kind {
		case trace.Connect, trace.Accept, trace.Drop, trace.Timeout, trace.Refused, trace.Close,
			trace.Queue, trace.Deliver, trace.Bounce:
			need = true
			kinds[e.Kind]++
		case trace.Line:
			switch {
			case e.Proto == trace.SMTP && e.Dir == trace.ClientToServer:
				need = e.Tag.Kind != trace.MessageText && e.Tag.Verb != "FOO"
			case e.Proto == trace.SMTP:
				need = e.Tag.Last
			case e.Proto == trace.POP3 && e.Dir == trace.ClientToServer:
				need = true
			case e.Proto == trace.POP3:
				need = e.Tag.Status != trace.NoStatus
			case e.Proto == trace.DNS:
				need = true
			}
		}
		if need && len(got) == 0 {
			t.Errorf("event %d (%v %v %q, tag %+v) has no explanation", i, e.Kind, e.Proto, e.Line, e.Tag)
		}
		if !need && len(got) > 0 && e.Kind == trace.Line && e.Tag.Verb == "DATA-LINE" && e.Line != "." {
			t.Errorf("message text %q explained as %q", e.Line, keys(got))
		}
	}
	// The scenario must really have produced what the test claims to cover.
	for _, k := range []string{"TCP drop", "TCP refused", "5.7.1", "5.1.1", "503", "500", "502", "252",
		"235", "SMTP .", "-ERR", "POP3 PASS", "POP3 RETR", "DNS MX", "MTA bounce", "MTA deliver"} {
		if !seen[k] {
			t.Errorf("the engine trace never produced %q", k)
		}
	}
}
