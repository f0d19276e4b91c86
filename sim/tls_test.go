// The TLS records must be the same bytes run after run (see tls.go).
//
//go:debug cryptocustomrand=1
package sim

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// tlsWorld is the test world with TLS where real providers have it: 587
// with STARTTLS, 465, POP3 on 110 with STLS and on 995.
func tlsWorld(t *testing.T) *testWorld {
	tw := newTestWorld(t, nil)
	tw.submission.Config.StartTLS = true
	tw.isp.SMTP = append(tw.isp.SMTP, &SMTPService{Port: 465, Auth: AuthRequired, Config: smtp.Config{Relay: smtp.RelayAuthenticated}})
	tw.wireSMTP(tw.isp, tw.isp.SMTP[2])
	tw.mx.POP3 = []*POP3Service{{Port: 110, STLS: true}, {Port: 995}}
	return tw
}

// tlsSessions runs the four protected sessions and returns the trace.
func tlsSessions(t *testing.T) []trace.Event {
	tw := tlsWorld(t)
	auth := &smtp.Auth{User: "alice", Pass: "wonderland"}
	for _, s := range []struct {
		port uint16
		mode TLSMode
	}{{587, TLSStartTLS}, {465, TLSImplicit}} {
		r := tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: s.port, Auth: auth, TLS: s.mode,
			From: "alice@isp.example", To: []string{"bob@example.jp"}, Subject: "Secret plans", Body: "Meet me at the old mill.\n"})
		if !r.Client.Sent {
			t.Fatalf("port %d: not sent: %+v", s.port, r.Client)
		}
		tw.Settle()
	}
	for _, s := range []struct {
		port uint16
		mode TLSMode
	}{{110, TLSStartTLS}, {995, TLSImplicit}} {
		r := tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: s.port, TLS: s.mode,
			Job: pop3.Job{User: "bob", Pass: "hunter2", Keep: true}})
		if !r.Client.LoggedIn || len(r.Client.Messages) != 2 {
			t.Fatalf("port %d: %+v", s.port, r.Client)
		}
	}
	return tw.rec.Events
}

// TestTLSWireHidesSecrets: after STARTTLS and STLS, and on 465 and 995 from
// the first byte, the wire carries no password, no PASS, no base64 of the
// credentials and no message text; the same dialogue is in the trace as
// encrypted lines.
func TestTLSWireHidesSecrets(t *testing.T) {
	events := tlsSessions(t)
	secrets := []string{"PASS", "hunter2", "wonderland", "Meet me at the old mill", "Secret plans",
		base64.StdEncoding.EncodeToString([]byte("\x00alice\x00wonderland")),
		base64.StdEncoding.EncodeToString([]byte("wonderland")), "AUTH"}
	wire := map[int]*bytes.Buffer{} // what each protected connection carried after TLS began
	inTLS := map[int]bool{}
	var inner []string
	records := 0
	for _, e := range events {
		if e.Conn == 0 || e.Proto == trace.DNS {
			continue
		}
		if wire[e.Conn] == nil {
			wire[e.Conn] = &bytes.Buffer{}
		}
		switch {
		case e.Kind == trace.Record:
			inTLS[e.Conn] = true
			records++
			wire[e.Conn].Write(e.Payload)
			if e.TCP.Len != uint32(len(e.Payload)) || e.TLS.Length != len(e.Payload)-5 {
				t.Errorf("record %d: TCP.Len %d, TLS.Length %d, payload %d", e.Seq, e.TCP.Len, e.TLS.Length, len(e.Payload))
			}
		case e.Kind == trace.Line && e.Tag.Encrypted:
			inner = append(inner, e.Line)
			if !inTLS[e.Conn] {
				t.Errorf("encrypted line %q before any record on conn %d", e.Line, e.Conn)
			}
		case e.Kind == trace.Line && inTLS[e.Conn]:
			t.Errorf("plain line %q on the wire after TLS began", e.Line)
		case e.Kind == trace.Line && e.Tag.Code == 454:
			t.Errorf("454: %q", e.Line)
		}
	}
	if records == 0 {
		t.Fatal("no TLS record in the trace")
	}
	for conn, b := range wire {
		if !inTLS[conn] {
			continue // the relay hop from the ISP to the MX is plain
		}
		for _, s := range secrets {
			if bytes.Contains(b.Bytes(), []byte(s)) {
				t.Errorf("conn %d: %q is readable on the wire", conn, s)
			}
		}
	}
	all := strings.Join(inner, "\n")
	for _, want := range []string{"EHLO ", "AUTH PLAIN " + secrets[5], "PASS hunter2", "Meet me at the old mill."} {
		if !strings.Contains(all, want) {
			t.Errorf("the encrypted dialogue lacks %q", want)
		}
	}
	// STARTTLS shows the 220 and a second EHLO, never 454 (issue 14).
	var plain []string
	for _, e := range events {
		if e.Kind == trace.Line && !e.Tag.Encrypted && e.Dst.Port == 587 || e.Kind == trace.Line && !e.Tag.Encrypted && e.Src.Port == 587 {
			plain = append(plain, e.Line)
		}
	}
	if got := strings.Join(plain, "|"); !strings.Contains(got, "STARTTLS|220 2.0.0 Ready to start TLS") || strings.Contains(got, "AUTH PLAIN LOGIN") {
		t.Errorf("plain part of the 587 session: %s", got)
	}
	if n := strings.Count(all, "EHLO "); n != 2 {
		t.Errorf("EHLO inside TLS %d times, want 2 (587 after STARTTLS, 465)", n)
	}
}

// TestTLSDeterministic runs the same sessions twice and compares every
// byte of every record.
func TestTLSDeterministic(t *testing.T) {
	a, b := tlsSessions(t), tlsSessions(t)
	if len(a) != len(b) {
		t.Fatalf("%d events, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Line != b[i].Line || !bytes.Equal(a[i].Payload, b[i].Payload) || a[i].TCP != b[i].TCP {
			t.Fatalf("event %d differs:\n%+v\n%+v", i, a[i], b[i])
		}
	}
}

// TestTLSNoGoroutineLeak: every TLS goroutine ends with its connection.
// It counts the goroutines running a TLS end, not all of them, so that
// goroutines of other tests still winding down do not count.
func TestTLSNoGoroutineLeak(t *testing.T) {
	for range 3 {
		tlsSessions(t)
	}
	if n := tlsGoroutines(); n != 0 {
		t.Errorf("%d TLS goroutines outlive their connections", n)
	}
	// And the count sees them when they run.
	tw := tlsWorld(t)
	tw.Dial(tw.alice, tw.isp, 465, &talker{w: tw.World, done: func(TalkResult) {}})
	tw.runUntil(func() bool { return tlsGoroutines() > 0 })
	if n := tlsGoroutines(); n != 1 {
		t.Errorf("%d TLS goroutines while a server waits for a ClientHello, want 1", n)
	}
	tw.Settle()
	tw.Wait(time.Minute) // the server gives up on the handshake
	if n := tlsGoroutines(); n != 0 {
		t.Errorf("%d TLS goroutines after the server hung up", n)
	}
}

// tlsGoroutines counts the goroutines running a TLS end. A goroutine that
// has said it is done may still be returning: the scheduler gets a bounded
// number of turns to let it go (no clock involved).
func tlsGoroutines() int {
	buf := make([]byte, 1<<20)
	n := 0
	for range 1000 {
		b := buf[:runtime.Stack(buf, true)]
		if n = bytes.Count(b, []byte("sim.(*tlsEnd).run(")); n == 0 {
			return 0
		}
		runtime.Gosched()
	}
	return n
}

// TestTLSRealClientAcceptsHandshake: crypto/tls, outside the world,
// accepts the world's server certificate for the host name against the
// world's CA, at the world's date, and completes a handshake with a
// server configured as the world's servers are.
func TestTLSRealClientAcceptsHandshake(t *testing.T) {
	tw := tlsWorld(t)
	pool := x509.NewCertPool()
	ca, err := x509.ParseCertificate(tw.CACertificate())
	if err != nil {
		t.Fatal(err)
	}
	pool.AddCert(ca)
	cli, srv := net.Pipe()
	defer cli.Close()
	defer srv.Close()
	go func() {
		s := tls.Server(srv, tw.serverTLS("mail.isp.example", 1))
		_ = s.Handshake()
	}()
	c := tls.Client(cli, &tls.Config{ServerName: "mail.isp.example", RootCAs: pool, Time: tw.Date})
	if err := c.Handshake(); err != nil {
		t.Fatalf("crypto/tls refuses the handshake: %v", err)
	}
	if v := c.ConnectionState().Version; v != tls.VersionTLS13 {
		t.Errorf("version %x, want TLS 1.3", v)
	}
	// The wrong name is refused: the certificate is for its host only.
	cli2, srv2 := net.Pipe()
	defer cli2.Close()
	defer srv2.Close()
	go func() { _ = tls.Server(srv2, tw.serverTLS("mail.isp.example", 2)).Handshake() }()
	if err := tls.Client(cli2, &tls.Config{ServerName: "mx.example.jp", RootCAs: pool, Time: tw.Date}).Handshake(); err == nil {
		t.Error("a certificate for mail.isp.example passes as mx.example.jp")
	}
}

// TestTLSNotOffered: a client that asks for STARTTLS or STLS of a server
// that does not offer it gives up without sending the password.
func TestTLSNotOffered(t *testing.T) {
	tw := newTestWorld(t, nil)
	r := tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587, TLS: TLSStartTLS,
		Auth: &smtp.Auth{User: "alice", Pass: "wonderland"}, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	if r.Client.Sent || !r.Client.TLSUnavailable {
		t.Errorf("send: %+v", r.Client)
	}
	f := tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, TLS: TLSStartTLS, Job: pop3.Job{User: "bob", Pass: "hunter2"}})
	if f.Client.LoggedIn || !f.Client.TLSUnavailable {
		t.Errorf("fetch: %+v", f.Client)
	}
	notes := 0
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Line && e.Tag.Kind == trace.Command && (strings.Contains(e.Line, "wonderland") || strings.HasPrefix(e.Line, "AUTH") || strings.HasPrefix(e.Line, "PASS")) {
			t.Errorf("sent in the clear: %q", e.Line)
		}
		if e.Kind == trace.Note && e.Text.ID() == msgNoSTARTTLS.ID {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("%d notes that TLS is not offered, want 2", notes)
	}
}
