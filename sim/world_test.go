package sim

import (
	"bufio"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/netip"
	"net/textproto"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/mailstore"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// testWorld is the basic-delivery world: alice on an OP25B home network, her
// ISP's MTA with 587 and 25, bob's MX with POP3, a DNS server.
type testWorld struct {
	*World
	rec               *trace.Recorder
	alice, isp, mx    *Host
	bob, ns           *Host
	homeNet           *Network
	submission, relay *SMTPService
}

func newTestWorld(t testing.TB, sink trace.Sink) *testWorld {
	t.Helper()
	return newTestWorldMX(t, sink, dns.MX{Pref: 10, Host: "mx.example.jp"})
}

// newTestWorldMX is newTestWorld with example.jp's MX records given, in the
// order the zone lists them.
func newTestWorldMX(t testing.TB, sink trace.Sink, mx ...dns.MX) *testWorld {
	t.Helper()
	tw := &testWorld{}
	if sink == nil {
		tw.rec = &trace.Recorder{}
		sink = tw.rec
	}
	w := New(Options{Seed: 1, Sink: sink})
	tw.World = w
	tw.homeNet = &Network{Name: "isp-home", Prefix: netip.MustParsePrefix("203.0.113.0/24"), Dynamic: true, OP25B: &OP25B{Allow: []string{"mail.isp.example"}}}
	must(t, w.AddNetwork(tw.homeNet))
	tw.alice = &Host{Name: "alice-pc", IP: ip("203.0.113.10"), Network: tw.homeNet}
	tw.submission = &SMTPService{Port: 587, Auth: AuthRequired, Config: smtp.Config{Relay: smtp.RelayAuthenticated}}
	tw.relay = &SMTPService{Port: 25, Config: smtp.Config{Relay: smtp.RelayNone}}
	tw.isp = &Host{Name: "mail.isp.example", IP: ip("198.51.100.25"), Domains: []string{"isp.example"},
		Users: []*User{{Name: "alice", Password: "wonderland"}}, SMTP: []*SMTPService{tw.submission, tw.relay}}
	tw.mx = &Host{Name: "mx.example.jp", IP: ip("192.0.2.25"), Domains: []string{"example.jp"},
		Users: []*User{{Name: "bob", Password: "hunter2"}},
		SMTP:  []*SMTPService{{Port: 25, Config: smtp.Config{Relay: smtp.RelayNone}}}, POP3: []*POP3Service{{Port: 110}}}
	tw.bob = &Host{Name: "bob-pc", IP: ip("192.0.2.100")}
	tw.ns = &Host{Name: "ns.example", IP: ip("198.51.100.53")}
	for _, h := range []*Host{tw.alice, tw.isp, tw.mx, tw.bob, tw.ns} {
		must(t, w.AddHost(h))
	}
	w.SetDNS(tw.ns)
	w.Zone().Add("isp.example", dns.Records{MX: []dns.MX{{Pref: 10, Host: "mail.isp.example"}}})
	w.Zone().Add("example.jp", dns.Records{MX: mx})
	return tw
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ip(s string) netip.Addr { return netip.MustParseAddr(s) }

func (tw *testWorld) submit(to ...string) SMTPResult {
	r := tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587,
		Auth: &smtp.Auth{User: "alice", Pass: "wonderland"},
		From: "alice@isp.example", To: to, Subject: "Hi", Body: "Hello Bob"})
	tw.Settle()
	return r
}

// lines returns the trace's protocol lines as "SMTP > EHLO x", "DNS < ...".
func (tw *testWorld) lines() []string {
	var out []string
	for _, e := range tw.rec.Events {
		if e.Kind != trace.Line {
			continue
		}
		dir := ">"
		if e.Dir == trace.ServerToClient {
			dir = "<"
		}
		out = append(out, e.Proto.String()+" "+dir+" "+e.Line)
	}
	return out
}

func containsInOrder(t *testing.T, got []string, want ...string) {
	t.Helper()
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("trace lacks %q (in order); got:\n%s", want[i], strings.Join(got, "\n"))
	}
}

func TestFullPath(t *testing.T) {
	tw := newTestWorld(t, nil)
	r := tw.submit("bob@example.jp")
	if !r.Client.Sent {
		t.Fatalf("submission failed: %+v", r)
	}
	containsInOrder(t, tw.lines(),
		// The server looks the client up before it greets, as Postfix
		// does: alice-pc has no PTR record.
		"DNS > query 10.113.0.203.in-addr.arpa. IN PTR",
		"DNS < NXDOMAIN 10.113.0.203.in-addr.arpa.",
		"SMTP < 220 mail.isp.example ESMTP mailsim",
		// A host without a domain name greets with its address literal.
		"SMTP > EHLO [203.0.113.10]",
		"SMTP < 235 2.7.0 Authentication successful",
		"SMTP > MAIL FROM:<alice@isp.example>",
		"SMTP > RCPT TO:<bob@example.jp>",
		"SMTP > DATA",
		"SMTP > .",
		"SMTP > QUIT",
		"DNS > query example.jp. IN MX",
		"DNS < example.jp. 3600 IN MX 10 mx.example.jp.",
		"DNS > query mx.example.jp. IN A",
		"DNS < mx.example.jp. 3600 IN A 192.0.2.25",
		// A mail server has a PTR record, confirmed by its A record.
		"DNS > query 25.100.51.198.in-addr.arpa. IN PTR",
		"DNS < 25.100.51.198.in-addr.arpa. 3600 IN PTR mail.isp.example.",
		"DNS > query mail.isp.example. IN A",
		"DNS < mail.isp.example. 3600 IN A 198.51.100.25",
		"SMTP < 220 mx.example.jp ESMTP mailsim",
		"SMTP > EHLO mail.isp.example",
	)
	if got := tw.mx.User("bob").Mailbox.Len(); got != 1 {
		t.Fatalf("bob has %d messages, want 1", got)
	}
	msg := tw.mx.User("bob").Mailbox.Messages()[0].Text()
	for _, want := range []string{"Return-Path: <alice@isp.example>\r\n", "Received: from mail.isp.example (mail.isp.example [198.51.100.25])",
		"Received: from [203.0.113.10] (unknown [203.0.113.10])", "with ESMTPA", "Subject: Hi\r\n"} {
		if !strings.Contains(msg, want) {
			t.Errorf("delivered message lacks %q:\n%s", want, msg)
		}
	}
	// The MX's Received: comes first: each server prepends its own.
	if mx, isp := strings.Index(msg, "by mx.example.jp"), strings.Index(msg, "by mail.isp.example"); mx < 0 || isp < 0 || mx > isp {
		t.Errorf("Received: fields are not in prepend order:\n%s", msg)
	}
	f := tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2"}})
	if len(f.Client.Messages) != 1 || f.Left != 0 {
		t.Errorf("fetch got %d messages, %d left; want 1 and 0", len(f.Client.Messages), f.Left)
	}
}

func TestOP25BDropsPort25Only(t *testing.T) {
	tw := newTestWorld(t, nil)
	r := tw.Send(SendRequest{Client: tw.alice, Server: tw.mx, Port: 25, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	if r.Outcome != Blocked || r.BlockedBy != tw.homeNet {
		t.Fatalf("direct port 25 from a dynamic address: outcome %v by %v, want blocked by isp-home", r.Outcome, r.BlockedBy)
	}
	// RFC 6298 2.1, 5.5: the SYN is sent again after 1, 3, 7 and 15 s, each
	// dropped by the same rule; the connect timer runs out 30 s after the
	// first SYN.
	var syns, drops []time.Duration
	var timeout *trace.Event
	for i := range tw.rec.Events {
		switch e := &tw.rec.Events[i]; e.Kind {
		case trace.Connect:
			syns = append(syns, e.At)
		case trace.Drop:
			if e.Router != "isp-home-router" || e.Rule != trace.OP25B {
				t.Errorf("drop by %q rule %v, want isp-home-router OP25B", e.Router, e.Rule)
			}
			drops = append(drops, e.At)
		case trace.Timeout:
			timeout = e
		}
	}
	wantSyns := []time.Duration{0, time.Second, 3 * time.Second, 7 * time.Second, 15 * time.Second}
	if !slices.Equal(syns, wantSyns) || len(drops) != len(wantSyns) {
		t.Errorf("SYNs at %v with %d drops, want %v each dropped", syns, len(drops), wantSyns)
	}
	if timeout == nil || timeout.At != 30*time.Second {
		t.Errorf("want the connect timeout at 30s, got %+v", timeout)
	}
	// The ISP's own MTA on 25 is reachable (and refuses to relay).
	r = tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 25, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	if r.Outcome != Connected || len(r.Client.Rejected) != 1 || r.Client.Rejected[0].Reply.Code != 554 {
		t.Errorf("port 25 to the ISP's MTA: %+v, want connected and 554 relay denied", r)
	}
	// Port 587 anywhere is not blocked.
	if r := tw.submit("bob@example.jp"); r.Outcome != Connected {
		t.Errorf("587 outcome %v, want connected", r.Outcome)
	}
}

func TestMXPreferenceAndFallback(t *testing.T) {
	// The zone lists the backup first: preference, not order, decides.
	tw := newTestWorldMX(t, nil, dns.MX{Pref: 20, Host: "backup.example.jp"}, dns.MX{Pref: 10, Host: "mx.example.jp"})
	backup := &Host{Name: "backup.example.jp", IP: ip("192.0.2.26"), Domains: []string{"example.jp"},
		Users: []*User{{Name: "bob"}}, SMTP: []*SMTPService{{Port: 25}}}
	must(t, tw.AddHost(backup))
	tw.submit("bob@example.jp")
	if tw.mx.User("bob").Mailbox.Len() != 1 || backup.User("bob").Mailbox.Len() != 0 {
		t.Fatal("with both up, the message belongs at the primary (pref 10)")
	}
	tw.mx.Down = true
	tw.submit("bob@example.jp")
	if backup.User("bob").Mailbox.Len() != 1 {
		t.Fatalf("with the primary MX down, the backup (pref 20) should have the message")
	}
	containsInOrder(t, tw.lines(), "DNS > query mx.example.jp. IN A", "DNS > query backup.example.jp. IN A")
}

func TestNoMXFallsBackToA(t *testing.T) {
	tw := newTestWorld(t, nil)
	solo := &Host{Name: "solo.example", IP: ip("192.0.2.77"), Domains: []string{"solo.example"},
		Users: []*User{{Name: "sam"}}, SMTP: []*SMTPService{{Port: 25}}}
	must(t, tw.AddHost(solo)) // has an A record, no MX
	tw.submit("sam@solo.example")
	if solo.User("sam").Mailbox.Len() != 1 {
		t.Fatal("no MX: delivery should fall back to the A record (RFC 5321 5.1)")
	}
}

func TestUnknownUserBounces(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("nobody@example.jp")
	box := tw.isp.User("alice").Mailbox.Messages()
	if len(box) != 1 {
		t.Fatalf("alice should have one bounce, has %d messages", len(box))
	}
	b := box[0].Text()
	for _, want := range []string{"Return-Path: <>", "Undelivered Mail Returned to Sender", "550 5.1.1", "<nobody@example.jp>"} {
		if !strings.Contains(b, want) {
			t.Errorf("bounce lacks %q:\n%s", want, b)
		}
	}
	if got := tw.Log().Bounced; len(got) != 1 || got[0] != "nobody@example.jp" {
		t.Errorf("log.Bounced = %v", got)
	}
	checkDSN(t, box[0].Text(), "nobody@example.jp", "5.1.1", "mx.example.jp")
}

// checkDSN reads a bounce with the standard library's MIME parsers: a
// multipart/report of a note, a message/delivery-status (RFC 3464) naming
// the recipient, status and remote MTA, and the failed message's header.
func checkDSN(t *testing.T, data string, rcpt, status, remote string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(data))
	if err != nil {
		t.Fatalf("bounce is not a message: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/report" || params["report-type"] != "delivery-status" {
		t.Fatalf("Content-Type %q: %s %v %v", msg.Header.Get("Content-Type"), mt, params, err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var types []string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("part %d: %v", len(types), err)
		}
		ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		types = append(types, ct)
		if ct != "message/delivery-status" {
			continue
		}
		// RFC 3464 2.1: a per-message group, then one group per recipient.
		tp := textproto.NewReader(bufio.NewReader(part))
		perMsg, err := tp.ReadMIMEHeader()
		if err != nil || perMsg.Get("Reporting-MTA") != "dns; mail.isp.example" {
			t.Errorf("per-message fields %v: %v", perMsg, err)
		}
		perRcpt, err := tp.ReadMIMEHeader()
		if err != nil && err != io.EOF {
			t.Fatalf("per-recipient fields: %v", err)
		}
		want := map[string]string{"Final-Recipient": "rfc822; " + rcpt, "Action": "failed", "Status": status, "Remote-MTA": ""}
		if remote != "" { // a remote refusal names the MTA and quotes its reply
			want["Remote-MTA"] = "dns; " + remote
			if !strings.HasPrefix(perRcpt.Get("Diagnostic-Code"), "smtp; 5") {
				t.Errorf("Diagnostic-Code: %q", perRcpt.Get("Diagnostic-Code"))
			}
		}
		for k, v := range want {
			if got := perRcpt.Get(k); got != v {
				t.Errorf("%s: %q, want %q", k, got, v)
			}
		}
	}
	if want := []string{"text/plain", "message/delivery-status", "text/rfc822-headers"}; !slices.Equal(types, want) {
		t.Errorf("parts %v, want %v", types, want)
	}
}

func TestRetryThenDeliver(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.Down = true
	tw.submit("bob@example.jp")
	if q := tw.QueuedRecipients(); len(q) != 1 {
		t.Fatalf("with the only MX down the message should wait in the queue; queued = %v", q)
	}
	tw.mx.Down = false
	tw.Wait(29 * time.Minute)
	if tw.mx.User("bob").Mailbox.Len() != 0 {
		t.Fatal("retried before the 30-minute interval (RFC 5321 4.5.4.1)")
	}
	tw.Wait(2 * time.Minute)
	if tw.mx.User("bob").Mailbox.Len() != 1 {
		t.Fatal("the retry after 30 minutes should deliver")
	}
}

func TestGiveUpAfterQueueLifetime(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.Down = true
	tw.submit("bob@example.jp")
	tw.Wait(5*24*time.Hour + time.Hour)
	if len(tw.QueuedRecipients()) != 0 {
		t.Error("the message is still queued after the queue lifetime")
	}
	box := tw.isp.User("alice").Mailbox.Messages()
	if len(box) != 1 {
		t.Fatalf("want one expiry bounce for alice, got %d messages", len(box))
	}
	// Postfix's way, which RFC 3463 3.1 allows: the bounce of an expired
	// message carries the last temporary problem, not a new status.
	checkDSN(t, box[0].Text(), "bob@example.jp", "4.4.1", "") // given up locally: no remote MTA
	groups := dsnGroups(t, box[0].Text())
	if d := groups[0].Get("Diagnostic-Code"); d != "X-Postfix; connect to mx.example.jp[192.0.2.25]:25: Connection timed out" {
		t.Errorf("Diagnostic-Code %q, want the last real problem", d)
	}
	if !strings.Contains(box[0].Text(), "<bob@example.jp>: connect to mx.example.jp[192.0.2.25]:25: Connection timed out") {
		t.Errorf("the note for people does not quote the last problem:\n%s", box[0].Text())
	}
}

// dsnGroups returns the per-recipient groups of the delivery-status part
// of a bounce (RFC 3464 2.1), in order.
func dsnGroups(t *testing.T, data string) []textproto.MIMEHeader {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(data))
	if err != nil {
		t.Fatalf("bounce is not a message: %v", err)
	}
	_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			t.Fatalf("no delivery-status part: %v", err)
		}
		if ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); ct != "message/delivery-status" {
			continue
		}
		tp := textproto.NewReader(bufio.NewReader(part))
		if _, err := tp.ReadMIMEHeader(); err != nil {
			t.Fatalf("per-message fields: %v", err)
		}
		var groups []textproto.MIMEHeader
		for {
			h, err := tp.ReadMIMEHeader()
			if len(h) > 0 {
				groups = append(groups, h)
			}
			if err != nil {
				return groups
			}
		}
	}
}

// TestOneBouncePerMessage: the recipients of one message that fail, in
// whatever domain and at whatever time, are listed in one bounce
// (RFC 3464 2: one report per message, a group per recipient).
func TestOneBouncePerMessage(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("nobody@example.jp", "bob@example.jp", "ghost@example.jp", "x@nowhere.example")
	box := tw.isp.User("alice").Mailbox.Messages()
	if len(box) != 1 {
		t.Fatalf("alice has %d bounces, want one for the message", len(box))
	}
	var got []string
	for _, g := range dsnGroups(t, box[0].Text()) {
		got = append(got, g.Get("Final-Recipient")+" "+g.Get("Status"))
	}
	want := []string{"rfc822; nobody@example.jp 5.1.1", "rfc822; ghost@example.jp 5.1.1", "rfc822; x@nowhere.example 5.1.2"}
	if !slices.Equal(got, want) {
		t.Errorf("recipients in the bounce %q, want %q", got, want)
	}
	if n := tw.mx.User("bob").Mailbox.Len(); n != 1 {
		t.Errorf("bob has %d messages, want 1", n)
	}
}

// TestRepeatedRecipientOnce: a recipient named twice (in any case) gets
// the message once, as Postfix's cleanup removes duplicate recipients.
func TestRepeatedRecipientOnce(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("bob@example.jp", "BOB@example.jp", "bob@example.jp")
	if n := tw.mx.User("bob").Mailbox.Len(); n != 1 {
		t.Errorf("bob has %d messages, want 1", n)
	}
	tw.Send(SendRequest{Client: tw.bob, Server: tw.mx, Port: 25, From: "carol@elsewhere.example",
		To: []string{"bob@example.jp", "Bob@example.jp"}, Subject: "Hi", Body: "twice"})
	tw.Settle()
	if n := tw.mx.User("bob").Mailbox.Len(); n != 2 {
		t.Errorf("bob has %d messages after a local delivery to him twice, want 2", n)
	}
}

func TestDeterministic(t *testing.T) {
	run := func() []trace.Event {
		// Two MX hosts of equal preference: the seeded random source picks
		// the order each time (RFC 5321 5.1), ten times over.
		tw := newTestWorldMX(t, nil, dns.MX{Pref: 10, Host: "mx.example.jp"}, dns.MX{Pref: 10, Host: "mx2.example.jp"})
		must(t, tw.AddHost(&Host{Name: "mx2.example.jp", IP: ip("192.0.2.27"), Domains: []string{"example.jp"},
			Users: []*User{{Name: "bob"}}, SMTP: []*SMTPService{{Port: 25}}}))
		for range 10 {
			tw.submit("bob@example.jp", "nobody@example.jp")
		}
		return tw.rec.Events
	}
	a, b := run(), run()
	if len(a) != len(b) {
		t.Fatalf("runs differ in length: %d vs %d", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("event %d differs:\n%+v\n%+v", i, a[i], b[i])
		}
	}
}

// countSink stands for a view: it receives every event and keeps the last.
type countSink struct {
	n    int
	last trace.Event
}

func (s *countSink) Emit(e *trace.Event) { s.n++; s.last = *e }

// BenchmarkFullPath measures one complete basic-delivery path: submission on
// 587 with AUTH, MX and A lookups, relay on 25, delivery, and a POP3 session
// with RETR and DELE, every event handed to a sink.
func BenchmarkFullPath(b *testing.B) {
	sink := &countSink{}
	fullPaths(b, sink, false)
	b.ReportMetric(float64(sink.n)/float64(b.N), "events/path")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "paths/s")
}

// fullPaths runs b.N full paths. A world runs at most MaxTasks tasks, about
// 20,000 paths: before it halts the benchmark goes on in a new one, the
// timer stopped while it is built.
//
// With stepLog false the paths are one step, as BenchmarkFullPath has
// always run them: the world's step log (World.Log) keeps every delivery
// of the run, tens of thousands, which costs the path about a tenth of
// its time in growing and scanning it. With stepLog true each path starts
// with an empty log, as each step of a scenario does (BeginStep) and as a
// campaign, which keeps none, would.
func fullPaths(b *testing.B, sink trace.Sink, stepLog bool) {
	paths(b, sink, stepLog, true)
}

// paths runs b.N paths, as fullPaths; without fetch each is the two SMTP
// hops alone, and Bob's mailbox, which no POP3 session empties, is
// replaced every 64 messages (the go-smtp side of BenchmarkVsGoSMTP keeps
// only its newest too).
func paths(b *testing.B, sink trace.Sink, stepLog, fetch bool) {
	tw := newTestWorld(b, sink)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if tw.ran > MaxTasks-10_000 {
			b.StopTimer()
			tw = newTestWorld(b, sink)
			b.StartTimer()
		}
		if stepLog {
			tw.log = StepLog{}
		}
		if bob := tw.mx.Users[0]; !fetch && bob.Mailbox.Len() >= 64 {
			bob.Mailbox = mailstore.New(bob.Mailbox.UIDValidity())
		}
		tw.submit("bob@example.jp")
		if fetch {
			tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2"}})
		}
	}
	b.StopTimer()
	if tw.Halted() {
		b.Fatal("the world halted: the figures are not of full paths")
	}
	if tw.mx.Users[0].Mailbox.Len() == 0 && !fetch {
		b.Fatal("nothing delivered: the figures are not of SMTP hops")
	}
}

// TestPruneSelf checks RFC 5321 5.1: an MTA that finds itself among the MX
// hosts keeps only those with a lower preference value than its own.
func TestPruneSelf(t *testing.T) {
	mx := func(pref uint16, host string) dns.MX { return dns.MX{Pref: pref, Host: host} }
	list := []dns.MX{mx(10, "mx1.example.jp"), mx(20, "mx2.example.jp"), mx(20, "mx3.example.jp"), mx(30, "mx4.example.jp")}
	for _, c := range []struct {
		self string
		want []string
		isMX bool
	}{
		{"mail.isp.example", []string{"mx1.example.jp", "mx2.example.jp", "mx3.example.jp", "mx4.example.jp"}, false},
		{"MX2.example.jp", []string{"mx1.example.jp"}, true},
		{"mx3.example.jp", []string{"mx1.example.jp"}, true}, // mx2 has the same preference: dropped too
		{"mx4.example.jp", []string{"mx1.example.jp", "mx2.example.jp", "mx3.example.jp"}, true},
		{"mx1.example.jp", nil, true}, // the best MX itself: nowhere better to go
	} {
		got, isMX := pruneSelf(list, c.self)
		var names []string
		for _, m := range got {
			names = append(names, m.Host)
		}
		if isMX != c.isMX || !slices.Equal(names, c.want) {
			t.Errorf("pruneSelf(%s) = %v, %v; want %v, %v", c.self, names, isMX, c.want, c.isMX)
		}
	}
}

// TestMaildropUnlocked checks that every way a POP3 session ends gives the
// maildrop lock back (RFC 1939 8): QUIT, a dropped connection, and raw
// lines that stop without QUIT. The next login would get [IN-USE] otherwise.
func TestMaildropUnlocked(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("bob@example.jp")
	fetch := func(drop bool) FetchResult {
		return tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Drop: drop,
			Job: pop3.Job{User: "bob", Pass: "hunter2", Keep: true}})
	}
	fetch(true)
	tw.Talk(tw.bob, tw.mx, 110, []string{"USER bob", "PASS hunter2", "STAT"})
	if r := fetch(false); len(r.Statuses) < 3 || r.Statuses[2] != "+OK" {
		t.Fatalf("login after a drop and an unfinished talk: %v", r.Statuses)
	}
	if tw.mx.User("bob").Mailbox.Locked() {
		t.Fatal("the maildrop is still locked after QUIT")
	}
}

// TestClosedByServerIsRetried checks RFC 5321 6.1 when the next server
// hangs up with 421 in the middle of the transaction: the recipients not
// yet refused are queued for a retry, not lost.
func TestClosedByServerIsRetried(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.SMTP[0].Config.MaxErrors = 1 // the 550 for nobody is one error too many
	tw.submit("nobody@example.jp", "bob@example.jp")
	if got := tw.Log().Bounced; !slices.Equal(got, []string{"nobody@example.jp"}) {
		t.Errorf("bounced %v, want nobody@example.jp", got)
	}
	if got := tw.QueuedRecipients(); !slices.Equal(got, []string{"bob@example.jp"}) {
		t.Fatalf("after a 421, queued = %v; bob's copy must wait for a retry", got)
	}
	tw.mx.SMTP[0].Config.MaxErrors = 0
	tw.Wait(31 * time.Minute)
	if tw.mx.User("bob").Mailbox.Len() != 1 {
		t.Error("the retry did not deliver bob's copy")
	}
}

// TestNothingAcceptedIsLost checks RFC 5321 4.5.1 and 6.1 after a 250:
// postmaster gets a mailbox though none was configured, and a recipient
// the server accepted but has no mailbox for is bounced, not discarded.
func TestNothingAcceptedIsLost(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("postmaster@example.jp")
	if u := tw.mx.User("postmaster"); u == nil || u.Mailbox.Len() != 1 {
		t.Fatal("mail for postmaster@example.jp was not delivered to a postmaster mailbox")
	}
	// The relay service answers for a domain whose users live elsewhere.
	tw.mx.SMTP[0].Config.Domains = []string{"example.jp", "other.example.jp"}
	tw.Zone().Add("other.example.jp", dns.Records{MX: []dns.MX{{Pref: 10, Host: "mx.example.jp"}}})
	tw.submit("ghost@other.example.jp")
	if got := tw.Log().Bounced; !slices.Equal(got, []string{"ghost@other.example.jp"}) {
		t.Errorf("bounced %v: an accepted message without a mailbox must bounce", got)
	}
	if box := tw.isp.User("alice").Mailbox.Messages(); len(box) != 1 {
		t.Errorf("alice has %d messages, want the bounce", len(box))
	}
}

// TestSeqIsPosition checks that Event.Seq counts events from 0 without
// gaps, whatever else the world numbers (queue order).
func TestSeqIsPosition(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("bob@example.jp", "nobody@example.jp")
	for i, e := range tw.rec.Events {
		if e.Seq != i {
			t.Fatalf("event %d has Seq %d", i, e.Seq)
		}
	}
}

// TestBounceOfBounceNotCounted: a bounce that cannot be delivered is
// dropped (RFC 5321 4.5.5), and nothing reports it as bounced.
func TestBounceOfBounceNotCounted(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587,
		Auth: &smtp.Auth{User: "alice", Pass: "wonderland"}, From: "", To: []string{"nobody@example.jp"}, Subject: "x", Body: "x"})
	tw.Settle()
	if got := tw.Log().Bounced; len(got) != 0 {
		t.Errorf("Bounced = %v for a discarded bounce", got)
	}
}

// TestUnusableMXBounces checks RFC 5321 5.1: MX records none of which has
// an address are an error reported at once, not a five-day retry.
func TestUnusableMXBounces(t *testing.T) {
	tw := newTestWorldMX(t, nil, dns.MX{Pref: 10, Host: "nowhere.example.jp"})
	tw.Zone().Add("nowhere.example.jp", dns.Records{}) // exists, no address
	tw.submit("bob@example.jp")
	if q := tw.QueuedRecipients(); len(q) != 0 {
		t.Errorf("queued %v: an MX without an address cannot become usable by waiting", q)
	}
	box := tw.isp.User("alice").Mailbox.Messages()
	if len(box) != 1 {
		t.Fatalf("alice has %d messages, want the bounce", len(box))
	}
	checkDSN(t, box[0].Text(), "bob@example.jp", "5.4.4", "")
}

// TestDNSDownDefers: with the DNS server down the lookup times out, which
// is temporary: the message waits and goes once DNS answers again.
func TestDNSDownDefers(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.ns.Down = true
	tw.submit("bob@example.jp")
	if q := tw.QueuedRecipients(); !slices.Equal(q, []string{"bob@example.jp"}) {
		t.Fatalf("queued = %v, want bob@example.jp waiting for DNS", q)
	}
	tw.ns.Down = false
	tw.Wait(31 * time.Minute)
	if tw.mx.User("bob").Mailbox.Len() != 1 {
		t.Error("not delivered once DNS was back")
	}
}

// TestDownMTAWorksNoQueue: an MTA that is switched off does not relay what
// it queued before; it does once it is back.
func TestDownMTAWorksNoQueue(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.Down = true
	tw.submit("bob@example.jp")
	tw.isp.Down, tw.mx.Down = true, false
	tw.Wait(2 * time.Hour)
	if tw.mx.User("bob").Mailbox.Len() != 0 {
		t.Fatal("a switched-off MTA relayed its queue")
	}
	tw.isp.Down = false
	tw.Wait(31 * time.Minute)
	if tw.mx.User("bob").Mailbox.Len() != 1 {
		t.Error("not relayed once the MTA was back")
	}
}

// TestJapaneseMessage checks a message written in Japanese: the subject as
// an RFC 2047 encoded-word, a MIME header for the UTF-8 body (RFC 2045),
// BODY=8BITMIME on MAIL FROM (RFC 6152), and that a mail reader decodes
// both back.
func TestJapaneseMessage(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587,
		Auth: &smtp.Auth{User: "alice", Pass: "wonderland"}, From: "alice@isp.example",
		To: []string{"bob@example.jp"}, Subject: "明日のランチ", Body: "ボブさん\n正午にどうですか。\n"})
	tw.Settle()
	box := tw.mx.User("bob").Mailbox.Messages()
	if len(box) != 1 {
		t.Fatal("not delivered")
	}
	raw := box[0].Text()
	hdr, _, _ := strings.Cut(raw, "\r\n\r\n")
	if !isASCII(hdr) {
		t.Errorf("the header is not ASCII (RFC 5322 2.2):\n%s", hdr)
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subject != "明日のランチ" {
		t.Errorf("Subject decodes to %q, %v", subject, err)
	}
	if ct := msg.Header.Get("Content-Type"); ct != "text/plain; charset=UTF-8" || msg.Header.Get("MIME-Version") != "1.0" {
		t.Errorf("Content-Type %q, MIME-Version %q", ct, msg.Header.Get("MIME-Version"))
	}
	body, _ := io.ReadAll(msg.Body)
	if string(body) != "ボブさん\r\n正午にどうですか。\r\n" {
		t.Errorf("body %q", body)
	}
	if !slices.Contains(tw.lines(), "SMTP > MAIL FROM:<alice@isp.example> BODY=8BITMIME") {
		t.Error("8-bit text was sent without BODY=8BITMIME")
	}
}

// TestManyRecipientsFolded sends one message to 90 recipients: the To:
// field is folded (RFC 5322 2.2.3), so no line of the message passes 78
// characters and the server takes it, where an unfolded field passed the
// 1000-octet text line limit and got 554 5.6.0.
func TestManyRecipientsFolded(t *testing.T) {
	var to []string
	for i := range 90 {
		to = append(to, "user"+strconv.Itoa(i)+"@example.jp")
	}
	data := composeMessage("alice@isp.example", "", to, "Hi", "Hello", DefaultStart, "x@test")
	r := bufio.NewReader(strings.NewReader(data))
	m, err := mail.ReadMessage(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.Header.AddressList("To")
	if err != nil || len(got) != 90 {
		t.Fatalf("To: parses to %d addresses (%v), want 90", len(got), err)
	}
	for _, l := range strings.Split(string(data), "\r\n") {
		if len(l) > foldAt {
			t.Errorf("line of %d characters: %q", len(l), l)
		}
	}
}

// TestReverseDNSConfirmed: a PTR record that its name's A record does not
// confirm proves nothing, so the client is "unknown" in Received:, as
// Postfix writes it.
func TestReverseDNSConfirmed(t *testing.T) {
	tw := newTestWorld(t, nil)
	liar := &Host{Name: "liar.example", IP: ip("192.0.2.66"), PTR: "mail.isp.example"}
	must(t, tw.AddHost(liar))
	tw.Send(SendRequest{Client: liar, Server: tw.mx, Port: 25, From: "x@liar.example",
		To: []string{"bob@example.jp"}, Subject: "Hi", Body: "trust me"})
	tw.Settle()
	msg := tw.mx.User("bob").Mailbox.Messages()[0].Text()
	if want := "Received: from liar.example (unknown [192.0.2.66])"; !strings.Contains(msg, want) {
		t.Errorf("delivered message lacks %q:\n%s", want, msg)
	}
	var noted bool
	for _, e := range tw.rec.Events {
		noted = noted || e.Kind == trace.Note && strings.Contains(e.Text.In(i18n.EN), "hostname mail.isp.example does not resolve to address 192.0.2.66")
	}
	if !noted {
		t.Error("the server did not say why the client is unknown")
	}
}

// TestIP25B: the provider's router drops TCP/25 into its network from
// another ISP's dynamic range, not from its own customers, not from a
// mail server, and not on 587.
func TestIP25B(t *testing.T) {
	rec := &trace.Recorder{}
	w := New(Options{Seed: 1, Sink: rec})
	other := &Network{Name: "other-home", Prefix: netip.MustParsePrefix("203.0.113.0/25"), Dynamic: true}
	own := &Network{Name: "provider-home", Prefix: netip.MustParsePrefix("203.0.113.128/25"), Dynamic: true}
	prov := &Network{Name: "provider-net", Prefix: netip.MustParsePrefix("198.51.100.0/24"), Router: "provider-router",
		IP25B: &IP25B{Customers: []string{"provider-home"}}}
	for _, n := range []*Network{other, own, prov} {
		must(t, w.AddNetwork(n))
	}
	mx := &Host{Name: "mail.provider.example", IP: ip("198.51.100.25"), Network: prov, Domains: []string{"provider.example"},
		Users: []*User{{Name: "dave", Password: "x"}},
		SMTP:  []*SMTPService{{Port: 25}, {Port: 587, Auth: AuthRequired, Config: smtp.Config{Relay: smtp.RelayAuthenticated}}}}
	bot := &Host{Name: "bot-pc", IP: ip("203.0.113.66"), Network: other}
	customer := &Host{Name: "dave-pc", IP: ip("203.0.113.200"), Network: own}
	server := &Host{Name: "mail.other.example", IP: ip("192.0.2.25"), SMTP: []*SMTPService{{Port: 25}}}
	for _, h := range []*Host{mx, bot, customer, server} {
		must(t, w.AddHost(h))
	}
	send := func(from *Host, port uint16) SMTPResult {
		return w.Send(SendRequest{Client: from, Server: mx, Port: port, From: "x@other.example", To: []string{"dave@provider.example"}})
	}
	if r := send(bot, 25); r.Outcome != Blocked || r.BlockedBy != prov {
		t.Errorf("bot to 25: %v by %v, want blocked by provider-net", r.Outcome, r.BlockedBy)
	}
	var drop *trace.Event
	for i := range rec.Events {
		if e := &rec.Events[i]; e.Kind == trace.Drop && drop == nil {
			drop = e
		}
	}
	if drop == nil || drop.Rule != trace.IP25B || drop.Router != "provider-router" ||
		!strings.Contains(drop.Text.In(i18n.EN), "IP25B: TCP/25 from other-home") {
		t.Errorf("drop event %+v", drop)
	}
	for _, c := range []struct {
		from *Host
		port uint16
	}{{customer, 25}, {server, 25}, {bot, 587}} {
		if r := send(c.from, c.port); r.Outcome != Connected {
			t.Errorf("%s to %d: %v, want connected", c.from.Name, c.port, r.Outcome)
		}
	}
}

// TestPOPBeforeSMTP: a POP3 login from an address lets the SMTP server
// relay for that address for the window, and the trace says why.
func TestPOPBeforeSMTP(t *testing.T) {
	tw := newTestWorld(t, nil)
	pop := &Host{Name: "pop.isp.example", IP: ip("198.51.100.26"), Domains: []string{"pop.isp.example"},
		Users: []*User{{Name: "alice", Password: "wonderland"}},
		SMTP:  []*SMTPService{{Port: 25, Config: smtp.Config{Relay: smtp.RelayPOPBeforeSMTP}}},
		POP3:  []*POP3Service{{Port: 110}}}
	roam := &Host{Name: "cafe-pc", IP: ip("192.0.2.150")}
	must(t, tw.AddHost(pop))
	must(t, tw.AddHost(roam))
	send := func() SMTPResult {
		r := tw.Send(SendRequest{Client: roam, Server: pop, Port: 25, From: "alice@pop.isp.example", To: []string{"bob@example.jp"}})
		tw.Settle()
		return r
	}
	if r := send(); r.Client.Sent {
		t.Fatal("relayed before any POP3 login")
	}
	tw.Fetch(FetchRequest{Client: roam, Server: pop, Port: 110, Job: pop3.Job{User: "alice", Pass: "wonderland"}})
	tw.Wait(2 * time.Minute)
	if r := send(); !r.Client.Sent {
		t.Fatalf("not relayed 2 minutes after a POP3 login: %+v", r.Client)
	}
	if n := tw.mx.User("bob").Mailbox.Len(); n != 1 {
		t.Errorf("bob has %d messages, want 1", n)
	}
	tw.Wait(10 * time.Minute)
	if r := send(); r.Client.Sent {
		t.Fatal("still relayed after the 10-minute window")
	}
	var notes []string
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Note && strings.Contains(e.Text.In(i18n.EN), "POP before SMTP") {
			notes = append(notes, e.Text.In(i18n.EN))
		}
	}
	want := []string{
		"no relay for 192.0.2.150: no POP3 login from this address (POP before SMTP)",
		"POP before SMTP: alice logged in from 192.0.2.150, so pop.isp.example relays for 192.0.2.150 for the next 10 minutes",
		"relay allowed for 192.0.2.150: POP3 login as alice from this address 2 minutes ago (POP before SMTP, window 10 minutes)",
		"no relay for 192.0.2.150: its POP3 login as alice was 12 minutes ago, past the 10-minute window (POP before SMTP)",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}
