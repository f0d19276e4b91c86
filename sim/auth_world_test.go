package sim

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// authWorld is a receiver that checks SPF, DKIM and DMARC, a sender's
// server that signs for bank.example, and a bot elsewhere.
type authWorld struct {
	*World
	rec           *trace.Recorder
	bank, mx, bot *Host
}

func newAuthWorld(t *testing.T) *authWorld {
	t.Helper()
	aw := &authWorld{rec: &trace.Recorder{}}
	w := New(Options{Seed: 1, Sink: aw.rec})
	aw.World = w
	aw.bank = &Host{Name: "mail.bank.example", IP: ip("198.51.100.25"), Domains: []string{"bank.example"},
		SMTP: []*SMTPService{{Port: 25, Config: smtp.Config{Relay: smtp.RelayAnyone}}},
		DKIM: &DKIMSigner{Domain: "bank.example", Selector: "s1"}}
	aw.mx = &Host{Name: "mx.isp.example", IP: ip("192.0.2.25"), Domains: []string{"isp.example"},
		Users: []*User{{Name: "alice", Password: "x"}},
		SMTP:  []*SMTPService{{Port: 25, Checks: CheckSPF | CheckDKIM | CheckDMARC}}}
	aw.bot = &Host{Name: "bot.spam.example", IP: ip("203.0.113.66")}
	ns := &Host{Name: "ns.example", IP: ip("198.51.100.53")}
	for _, h := range []*Host{aw.bank, aw.mx, aw.bot, ns} {
		must(t, w.AddHost(h))
	}
	w.SetDNS(ns)
	z := w.Zone()
	z.Add("isp.example", dns.Records{MX: []dns.MX{{Pref: 10, Host: "mx.isp.example"}}})
	z.Add("bank.example", dns.Records{TXT: []string{"v=spf1 ip4:198.51.100.25 -all"}})
	z.Add("_dmarc.bank.example", dns.Records{TXT: []string{"v=DMARC1; p=reject"}})
	z.Add("soft.example", dns.Records{TXT: []string{"v=spf1 ip4:198.51.100.0/24 ~all"}})
	z.Add("_dmarc.soft.example", dns.Records{TXT: []string{"v=DMARC1; p=quarantine"}})
	z.Add("watch.example", dns.Records{TXT: []string{"v=spf1 -all"}})
	z.Add("_dmarc.watch.example", dns.Records{TXT: []string{"v=DMARC1; p=none"}})
	return aw
}

func (aw *authWorld) inbox() []string {
	var out []string
	for _, m := range aw.mx.User("alice").Mailbox.Messages() {
		out = append(out, m.Text())
	}
	return out
}

// TestAuthPolicies runs each DMARC policy end to end: what the receiver
// answers after the final dot and what lands in the mailbox.
func TestAuthPolicies(t *testing.T) {
	tests := []struct {
		name, from string
		via        *Host // the server the bot hands the message to; nil: the MX itself
		code       int
		want       []string // in the delivered message
		not        []string
	}{
		{"genuine, signed by the bank's server", "notice@bank.example", nil, 250,
			[]string{"DKIM-Signature: v=1; a=ed25519-sha256;", "\tspf=pass smtp.mailfrom=bank.example;\r\n\tdkim=pass header.d=bank.example;\r\n\tdmarc=pass header.from=bank.example\r\n"},
			[]string{"X-Spam-Flag"}},
		{"forged, p=reject", "notice@bank.example", nil, 550, nil, nil},
		{"p=quarantine: delivered as spam", "news@soft.example", nil, 250,
			[]string{"Authentication-Results: mx.isp.example;\r\n\tspf=softfail smtp.mailfrom=soft.example;\r\n\tdkim=none;\r\n\tdmarc=fail header.from=soft.example\r\nX-Spam-Flag: YES\r\n"}, nil},
		{"p=none: delivered, only marked by the results", "a@watch.example", nil, 250,
			[]string{"\tspf=fail smtp.mailfrom=watch.example;", "dmarc=fail header.from=watch.example"}, []string{"X-Spam-Flag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			aw := newAuthWorld(t)
			server := aw.mx
			if tt.code == 250 && strings.HasSuffix(tt.from, "@bank.example") {
				server = aw.bank // the genuine path: through the bank's signing server
			}
			res := aw.Send(SendRequest{Client: aw.bot, Server: server, Port: 25, From: tt.from, To: []string{"alice@isp.example"}, Subject: "s", Body: "b"})
			aw.Settle()
			if server == aw.mx {
				if res.Client.Failure != nil && res.Client.Failure.Code != tt.code || res.Client.Failure == nil && tt.code != 250 {
					t.Fatalf("final dot answered %+v, want %d", res.Client.Failure, tt.code)
				}
			}
			box := aw.inbox()
			if tt.code != 250 {
				if len(box) != 0 {
					t.Fatalf("refused, yet delivered: %q", box)
				}
				return
			}
			if len(box) != 1 {
				t.Fatalf("mailbox has %d messages, want 1", len(box))
			}
			for _, w := range tt.want {
				if !strings.Contains(box[0], w) {
					t.Errorf("message lacks %q:\n%s", w, box[0])
				}
			}
			for _, n := range tt.not {
				if strings.Contains(box[0], n) {
					t.Errorf("message has %q:\n%s", n, box[0])
				}
			}
		})
	}
}

// pipeliner sends EHLO to DATA in one segment and the message, the final
// dot and QUIT in the next, as a PIPELINING client may (RFC 2920 3.1), or
// hangs up right after the dot.
type pipeliner struct {
	from    string // sender, envelope and header
	hangUp  bool
	in      lineReader
	replies []string
	done    bool
}

func (p *pipeliner) Connected(*Conn)          {}
func (p *pipeliner) Failed(Outcome, *Network) {}
func (p *pipeliner) Closed(*Conn)             { p.done = true }
func (p *pipeliner) send(c *Conn, ls ...string) {
	for _, l := range ls {
		c.Line(ClientSide, l, trace.Tag{Kind: trace.Command, Verb: verb(l), Last: true}, nil)
	}
	c.Flush(ClientSide)
}

func (p *pipeliner) Receive(c *Conn, d Data) {
	for line, ok := p.in.next(&d); ok; line, ok = p.in.next(&d) {
		if len(line) < 4 || line[3] != ' ' {
			continue // a continuation line
		}
		p.replies = append(p.replies, line[:3])
		switch line[:3] {
		case "220":
			p.send(c, "EHLO bot.spam.example", "MAIL FROM:<"+p.from+">", "RCPT TO:<alice@isp.example>", "DATA")
		case "354":
			if p.hangUp {
				p.send(c, "From: "+p.from, "", "b", ".")
				c.Close(ClientSide)
				p.done = true
				return
			}
			p.send(c, "From: "+p.from, "", "b", ".", "QUIT")
		}
	}
}

// TestHeldReplyKeepsOrder: lines the client pipelined after the final
// dot wait for the verdict, and their replies come after it.
func TestHeldReplyKeepsOrder(t *testing.T) {
	aw := newAuthWorld(t)
	p := &pipeliner{from: "notice@bank.example"}
	aw.Dial(aw.bot, aw.mx, 25, p)
	aw.runUntil(func() bool { return p.done })
	if got := strings.Join(p.replies, " "); got != "220 250 250 250 354 550 221" {
		t.Errorf("replies %s, want 220 250 250 250 354 550 221", got)
	}
}

// TestHangUpDuringChecks: a client that leaves before the verdict gets
// nothing accepted (it never saw a 250).
func TestHangUpDuringChecks(t *testing.T) {
	aw := newAuthWorld(t)
	p := &pipeliner{from: "a@watch.example", hangUp: true} // p=none: it would be delivered
	aw.Dial(aw.bot, aw.mx, 25, p)
	aw.runUntil(func() bool { return p.done })
	aw.Settle()
	if box := aw.inbox(); len(box) != 0 {
		t.Errorf("delivered after the client left: %q", box)
	}
	for _, e := range aw.rec.Events {
		if e.Kind == trace.Line && e.Tag.Code == 250 && e.Tag.Enhanced == "2.0.0" {
			t.Errorf("a 250 after the client left: %s", e.Line)
		}
	}
}

// TestTopologySenderAuth: what views learn of sender domain
// authentication: every TXT record by name, the checks of each SMTP
// service and who DKIM-signs for what.
func TestTopologySenderAuth(t *testing.T) {
	aw := newAuthWorld(t)
	aw.bank.SMTP[0].Checks = CheckSPF // a subset, in the order it runs
	topo := aw.Topology()
	txt := map[string][]string{}
	for _, r := range topo.TXT {
		txt[r.Name] = append(txt[r.Name], r.Text)
	}
	if got := txt["bank.example"]; len(got) != 1 || got[0] != "v=spf1 ip4:198.51.100.25 -all" {
		t.Errorf("TXT bank.example = %q", got)
	}
	if got := txt["_dmarc.watch.example"]; len(got) != 1 || got[0] != "v=DMARC1; p=none" {
		t.Errorf("TXT _dmarc.watch.example = %q", got)
	}
	if got := txt["s1._domainkey.bank.example"]; len(got) != 1 || !strings.HasPrefix(got[0], "v=DKIM1; k=ed25519; p=") {
		t.Errorf("TXT s1._domainkey.bank.example = %q, want the published key", got)
	}
	for _, c := range []struct {
		host   string
		checks string
		dkim   *trace.DKIM
	}{
		{"mail.bank.example", "spf", &trace.DKIM{Domain: "bank.example", Selector: "s1"}},
		{"mx.isp.example", "spf dkim dmarc", nil},
		{"bot.spam.example", "", nil},
	} {
		h, ok := topo.HostByName(c.host)
		if !ok {
			t.Fatalf("no host %s in the topology", c.host)
		}
		var checks []string
		for _, s := range h.SMTP {
			checks = append(checks, s.Checks...)
		}
		if got := strings.Join(checks, " "); got != c.checks {
			t.Errorf("%s: checks %q, want %q", c.host, got, c.checks)
		}
		if (h.DKIM == nil) != (c.dkim == nil) || h.DKIM != nil && *h.DKIM != *c.dkim {
			t.Errorf("%s: DKIM %+v, want %+v", c.host, h.DKIM, c.dkim)
		}
	}
}
