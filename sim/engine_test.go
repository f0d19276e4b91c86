package sim

import (
	"bufio"
	"bytes"
	"flag"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestWireStreamsRebuild rebuilds every TCP byte stream of a full path
// from the trace alone, as a capture writer will: the sequence numbers run
// on from the handshake without a gap, the bytes parse back into the same
// lines with net/textproto, and every DNS message parses with dnsmessage
// and answers its query.
func TestWireStreamsRebuild(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("bob@example.jp")
	tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2"}})

	type key struct {
		conn int
		dir  trace.Dir
	}
	next := map[key]uint32{}    // the next sequence number expected
	stream := map[key][]byte{}  // the bytes, rebuilt
	lines := map[key][]string{} // the lines as the trace states them
	queries := map[int]*dnsmessage.Header{}
	for i := range tw.rec.Events {
		e := &tw.rec.Events[i]
		k := key{e.Conn, e.Dir}
		switch {
		case e.Kind == trace.Connect && e.TCP.Try == 0:
			next[key{e.Conn, trace.ClientToServer}] = e.TCP.Seq + 1
		case e.Kind == trace.Accept:
			next[key{e.Conn, trace.ServerToClient}] = e.TCP.Seq + 1
			if e.TCP.Ack != next[key{e.Conn, trace.ClientToServer}] {
				t.Errorf("conn %d: SYN-ACK acknowledges %d, want %d", e.Conn, e.TCP.Ack, next[key{e.Conn, trace.ClientToServer}])
			}
		case e.Kind == trace.Line && e.Proto == trace.DNS && len(e.Payload) > 0:
			var p dnsmessage.Parser
			h, err := p.Start(e.Payload)
			if err != nil {
				t.Fatalf("DNS message of %q does not parse: %v", e.Line, err)
			}
			q, err := p.Question()
			if err != nil {
				t.Fatalf("DNS message of %q has no question: %v", e.Line, err)
			}
			if !strings.HasSuffix(e.Tag.Query, strings.TrimSuffix(q.Name.String(), ".")) {
				t.Errorf("DNS question %v does not match the tag %q", q.Name, e.Tag.Query)
			}
			if e.Dir == trace.ClientToServer {
				queries[e.Conn] = &h
			} else if qh := queries[e.Conn]; qh == nil || qh.ID != h.ID || !h.Response {
				t.Errorf("DNS answer %q (id %d) answers no query of its exchange", e.Line, h.ID)
			}
		case e.Kind == trace.Line && e.Proto != trace.DNS:
			if e.TCP.Seq != next[k] {
				t.Fatalf("conn %d %v: line %q at seq %d, want %d (a gap or an overlap)", e.Conn, e.Dir, e.Line, e.TCP.Seq, next[k])
			}
			wire := e.Line + "\r\n"
			if e.TCP.Len != uint32(len(wire)) {
				t.Fatalf("line %q has Len %d, want %d", e.Line, e.TCP.Len, len(wire))
			}
			next[k] += e.TCP.Len
			stream[k] = append(stream[k], wire...)
			lines[k] = append(lines[k], e.Line)
		}
	}
	if len(stream) < 6 {
		t.Fatalf("rebuilt only %d streams; want both directions of the submission, relay and POP3 connections", len(stream))
	}
	for k, b := range stream {
		r := textproto.NewReader(bufio.NewReader(bytes.NewReader(b)))
		for i, want := range lines[k] {
			got, err := r.ReadLine()
			if err != nil || got != want {
				t.Fatalf("conn %d %v line %d: read %q (%v), the trace says %q", k.conn, k.dir, i, got, err, want)
			}
		}
	}
	if len(queries) < 2 {
		t.Errorf("found %d DNS queries with their bytes, want the MX and A look-ups", len(queries))
	}
}

// TestTwoClientsAtOnce connects two mail programs to one submission server
// at the same moment: both sessions run side by side on the one clock,
// and both messages are delivered.
func TestTwoClientsAtOnce(t *testing.T) {
	tw := newTestWorld(t, nil)
	carol := &Host{Name: "carol-pc", IP: ip("203.0.113.11"), Network: tw.homeNet}
	must(t, tw.AddHost(carol))
	tw.isp.Users = append(tw.isp.Users, &User{Name: "carol", Password: "queen"})
	tw.Rewire(tw.isp, tw.submission)
	tw.isp.User("carol").Mailbox = tw.isp.User("alice").Mailbox // any box: carol receives nothing here

	done := 0
	for _, c := range []struct {
		host       *Host
		user, pass string
	}{{tw.alice, "alice", "wonderland"}, {carol, "carol", "queen"}} {
		from := c.user + "@isp.example"
		data := composeMessage(from, "", []string{"bob@example.jp"}, "Hi from "+c.user, "Hello", tw.Date(), c.user+"@test")
		tw.smtpSession(c.host, tw.isp, 587, smtp.Job{Helo: c.host.Name, Auth: &smtp.Auth{User: c.user, Pass: c.pass},
			From: from, To: []string{"bob@example.jp"}, Data: data}, TLSNone, func(r SMTPResult) {
			if !r.Client.Sent {
				t.Errorf("%s's message was not sent: %+v", c.user, r.Client)
			}
			done++
		})
	}
	tw.runUntil(func() bool { return done == 2 })
	tw.Settle()
	if n := tw.mx.User("bob").Mailbox.Len(); n != 2 {
		t.Errorf("bob has %d messages, want 2", n)
	}
	// The second client's SYN leaves before the first session ends.
	var syn2, fin1 time.Duration = -1, -1
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Connect && e.Src.Host == "carol-pc" && syn2 < 0 {
			syn2 = e.At
		}
		if e.Kind == trace.Close && e.Dst.Host == "alice-pc" && fin1 < 0 {
			fin1 = e.At
		}
	}
	if syn2 < 0 || fin1 < 0 || syn2 >= fin1 {
		t.Errorf("carol's SYN at %v, alice's FIN at %v: the sessions did not overlap", syn2, fin1)
	}
	golden(t, "two-clients", tw.rec.Events)
}

// TestRetryDuringAnotherSession lets a queued message's retry come due
// while bob is collecting his mail: the relay runs in the middle of the
// POP3 session, on the same clock.
func TestRetryDuringAnotherSession(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.Down = true
	tw.submit("bob@example.jp") // deferred: retried in 30 minutes
	tw.mx.Down = false
	tw.Wait(tw.RetryInterval - 50*time.Millisecond)
	start := tw.Date()
	r := tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2", Keep: true}})
	tw.Settle()
	if r.Outcome != Connected || tw.mx.User("bob").Mailbox.Len() != 1 {
		t.Fatalf("fetch %v, bob has %d messages; want the retry to deliver one", r.Outcome, tw.mx.User("bob").Mailbox.Len())
	}
	// Between the fetch's SYN and its FIN, the retry's MX look-up.
	var syn, fin, query time.Duration = -1, -1, -1
	for _, e := range tw.rec.Events {
		if tw.opts.Start.Add(e.At).Before(start) {
			continue
		}
		switch {
		case e.Kind == trace.Connect && e.Src.Host == "bob-pc" && syn < 0:
			syn = e.At
		case e.Kind == trace.Close && e.Dst.Host == "bob-pc":
			fin = e.At
		case e.Kind == trace.Line && e.Proto == trace.DNS && e.Tag.Kind == trace.Query && query < 0:
			query = e.At
		}
	}
	if !(syn < query && query < fin) {
		t.Errorf("POP3 session from %v to %v, retry's DNS query at %v: the retry did not run during it", syn, fin, query)
	}
	golden(t, "retry-during-session", tw.rec.Events)
}

// golden compares the plain transcript of events with testdata/name.txt.
func golden(t *testing.T, name string, events []trace.Event) {
	t.Helper()
	var b bytes.Buffer
	if err := transcript.Write(&b, i18n.EN, events); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+".txt")
	if *update {
		must(t, os.MkdirAll("testdata", 0o755))
		must(t, os.WriteFile(path, b.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("transcript differs from %s (run with -update and review the diff):\n%s", path, b.String())
	}
}

// TestRunawayHalts schedules work that never ends: the world stops after
// MaxTasks instead of running for ever, and says so.
func TestRunawayHalts(t *testing.T) {
	w := New(Options{})
	var again func()
	again = func() { w.after(0, again) }
	w.after(0, again)
	w.settle()
	if !w.Halted() || w.pending() {
		t.Fatalf("Halted = %v with %d tasks left, want a halted, empty world", w.Halted(), len(w.tasks)+len(w.soon)-w.soonHead)
	}
}
