package sim

import (
	"reflect"
	"slices"
	"testing"

	"github.com/mailsim/mailsim/sim/pop3"
)

// TestPathReusesConnections checks that a full path (submission, relay,
// delivery, POP3) gives its connections and handlers back, and that the
// next path runs on those: the free lists hold the same objects after it,
// and nothing new was made.
func TestPathReusesConnections(t *testing.T) {
	tw := newTestWorld(t, nil)
	path := func() {
		if r := tw.submit("bob@example.jp"); r.Outcome != Connected || !r.Client.Sent {
			t.Fatalf("submission: %+v", r)
		}
		if r := tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2"}}); len(r.Client.Messages) != 1 {
			t.Fatalf("fetch: %+v", r)
		}
	}
	path()
	f := tw.free
	if len(f.conns) == 0 || len(f.smtpClients) == 0 || len(f.smtpServers) == 0 || len(f.pop3Clients) == 0 || len(f.pop3Servers) == 0 {
		t.Fatalf("after a path the free lists hold %d conns, %d/%d SMTP clients/servers, %d/%d POP3 clients/servers",
			len(f.conns), len(f.smtpClients), len(f.smtpServers), len(f.pop3Clients), len(f.pop3Servers))
	}
	conns, clients, servers := slices.Clone(f.conns), slices.Clone(f.smtpClients), slices.Clone(f.smtpServers)
	path()
	same := func(what string, a, b []any) {
		t.Helper()
		for _, x := range a {
			if !slices.Contains(b, x) {
				t.Errorf("the second path did not give back every %s of the first: %d before, %d after", what, len(a), len(b))
				return
			}
		}
	}
	same("conn", anys(conns), anys(tw.free.conns))
	same("SMTP client", anys(clients), anys(tw.free.smtpClients))
	same("SMTP server", anys(servers), anys(tw.free.smtpServers))
	// A free conn keeps only the room it had for lines, empty.
	c := tw.free.conns[0]
	for _, o := range c.out {
		if len(o) != 0 || slices.ContainsFunc(o[:cap(o)], func(l string) bool { return l != "" }) {
			t.Errorf("a free conn keeps lines: %q", o[:cap(o)])
		}
	}
	if !reflect.DeepEqual(*c, Conn{w: tw.World, out: c.out}) {
		t.Errorf("a free conn is not cleared: %+v", *c)
	}
}

func anys[T any](s []T) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

// TestReleaseOnlyWhenDead checks release's conditions one by one: a
// connection whose ends are over is reused; one that anything may still
// reach (a task, the handshake, a pending look-up, content check or
// delayed close, TLS, an end the world does not run) is left alone.
func TestReleaseOnlyWhenDead(t *testing.T) {
	w := newTestWorld(t, nil).World
	smtpConn := func() *Conn {
		cl, s := w.newSMTPClient(), w.newSMTPServer()
		cl.ended = true
		s.done, s.core = true, s.spare
		return &Conn{w: w, pooled: true, peer: [2]Peer{cl, s}}
	}
	pop3Conn := func() *Conn {
		cl, s := w.newPOP3Client(), w.newPOP3Server()
		cl.ended, s.done = true, true
		return &Conn{w: w, pooled: true, peer: [2]Peer{cl, s}}
	}
	for _, tc := range []struct {
		name  string
		conn  func() *Conn
		spoil func(c *Conn)
	}{
		{"SMTP, dead", smtpConn, nil},
		{"POP3, dead", pop3Conn, nil},
		{"refused, dead", smtpConn, func(c *Conn) { c.peer[ServerSide] = nil }},
		{"a task refers to it", smtpConn, func(c *Conn) { c.tasks = 1 }},
		{"the handshake is under way", smtpConn, func(c *Conn) { c.dial.d = c.peer[ClientSide].(Dialer) }},
		{"dialled by a client the world does not run", smtpConn, func(c *Conn) { c.pooled = false }},
		{"the SMTP client is not over", smtpConn, func(c *Conn) { c.peer[ClientSide].(*smtpClient).ended = false }},
		{"the SMTP client runs TLS", smtpConn, func(c *Conn) { c.peer[ClientSide].(*smtpClient).tls.side = &tlsSide{} }},
		{"the SMTP server has not ended", smtpConn, func(c *Conn) { c.peer[ServerSide].(*smtpServer).done = false }},
		{"the SMTP server looks up the client's name", smtpConn, func(c *Conn) { c.peer[ServerSide].(*smtpServer).core = nil }},
		{"the SMTP server checks a message", smtpConn, func(c *Conn) { c.peer[ServerSide].(*smtpServer).holding = true }},
		{"the SMTP server runs TLS", smtpConn, func(c *Conn) { c.peer[ServerSide].(*smtpServer).tls = &tlsSide{} }},
		{"the server end is not reusable", smtpConn, func(c *Conn) { c.peer[ServerSide] = &imapServer{} }},
		{"the POP3 client has not ended", pop3Conn, func(c *Conn) { c.peer[ClientSide].(*pop3Client).ended = false }},
		{"the POP3 client's delayed close is pending", pop3Conn, func(c *Conn) { c.peer[ClientSide].(*pop3Client).closing = true }},
		{"the POP3 server has not ended", pop3Conn, func(c *Conn) { c.peer[ServerSide].(*pop3Server).done = false }},
		{"the POP3 server runs TLS", pop3Conn, func(c *Conn) { c.peer[ServerSide].(*pop3Server).tls = &tlsSide{} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.conn()
			if tc.spoil != nil {
				tc.spoil(c)
			}
			peers := c.peer
			n := len(w.free.conns)
			w.release(c)
			reused := len(w.free.conns) == n+1
			if want := tc.spoil == nil || tc.name == "refused, dead"; reused != want {
				t.Fatalf("reused = %v, want %v", reused, want)
			}
			if !reused && c.peer != peers {
				t.Fatal("a conn left alone was changed")
			}
			if reused {
				if w.free.conns[n] != c || c.peer != [2]Peer{} {
					t.Fatal("the reused conn is not the one released, cleared")
				}
			}
		})
	}
}

// TestWaiterOnlyReusedWhenDone: Send's waiter goes back to the free list
// once the session called done, and not while the session may still call
// it (an SMTP client on the DNS port waits for a greeting that never
// comes: the world runs out of work first).
func TestWaiterOnlyReusedWhenDone(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.submit("bob@example.jp")
	if n := len(tw.free.sendWaits); n != 1 {
		t.Fatalf("after a Send %d waiters are free, want 1", n)
	}
	wt := tw.free.sendWaits[0]
	r := tw.Send(SendRequest{Client: tw.alice, Server: tw.ns, Port: 53, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	if r.Outcome != Connected || r.Replies != nil {
		t.Fatalf("a session on the DNS port: %+v", r)
	}
	if len(tw.free.sendWaits) != 0 {
		t.Fatal("the waiter of a session that may still end was put back")
	}
	if wt.doneFn == nil || wt.finished {
		t.Fatalf("the waiter in use was changed: %+v", wt)
	}
}
