package serve

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/smtp"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestRealTLSClients: Go's own TLS and SMTP clients, outside the world,
// complete the handshake with the world's servers and check their
// certificates against the world's CA: STARTTLS on 587, implicit TLS on
// 465 and on 993 (IMAPS). The trace shows the real client's records and,
// marked, the lines inside them.
func TestRealTLSClients(t *testing.T) {
	sc, err := scenario.Load("eavesdropping")
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	w, err := sc.Prepare(rec, 0)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	ca, err := x509.ParseCertificate(w.CACertificate()) // before the world goroutine owns w
	if err != nil {
		t.Fatal(err)
	}
	roots.AddCert(ca)
	s := startWorld(t, w, rec, Options{})
	cfg := &tls.Config{ServerName: "mail.isp.example", RootCAs: roots, Time: sim.DefaultStart.Local}

	t.Run("STARTTLS on 587 with net/smtp", func(t *testing.T) {
		conn, err := net.Dial("tcp", s.addr(t, "mail.isp.example", 587))
		if err != nil {
			t.Fatal(err)
		}
		c, err := smtp.NewClient(conn, "mail.isp.example")
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.Hello("alice-laptop"); err != nil {
			t.Fatal(err)
		}
		if ok, _ := c.Extension("AUTH"); ok {
			t.Error("AUTH offered before STARTTLS")
		}
		if err := c.StartTLS(cfg); err != nil {
			t.Fatalf("STARTTLS: %v", err)
		}
		if ok, mechs := c.Extension("AUTH"); !ok || !strings.Contains(mechs, "PLAIN") {
			t.Errorf("AUTH inside TLS: %v %q", ok, mechs)
		}
		if err := c.Auth(smtp.PlainAuth("", "alice", "looking-glass", "mail.isp.example")); err != nil {
			t.Fatalf("AUTH: %v", err)
		}
		if err := c.Quit(); err != nil {
			t.Error(err)
		}
	})
	t.Run("implicit TLS on 465", func(t *testing.T) {
		c, err := tls.Dial("tcp", s.addr(t, "mail.isp.example", 465), cfg)
		if err != nil {
			t.Fatalf("handshake: %v", err)
		}
		defer c.Close()
		buf := make([]byte, 512)
		n, err := c.Read(buf)
		if err != nil || !strings.HasPrefix(string(buf[:n]), "220 mail.isp.example ESMTP") {
			t.Fatalf("greeting inside TLS: %q, %v", buf[:n], err)
		}
		if v := c.ConnectionState().Version; v != tls.VersionTLS13 {
			t.Errorf("version %x", v)
		}
	})
	t.Run("implicit TLS on 993 (IMAPS)", func(t *testing.T) {
		c, err := tls.Dial("tcp", s.addr(t, "mail.isp.example", 993), cfg)
		if err != nil {
			t.Fatalf("handshake: %v", err)
		}
		defer c.Close()
		r := bufio.NewReader(c)
		expect := func(prefix string) {
			t.Helper()
			line, err := r.ReadString('\n')
			if err != nil || !strings.HasPrefix(line, prefix) {
				t.Fatalf("want %q..., got %q, %v", prefix, line, err)
			}
		}
		expect("* OK [CAPABILITY IMAP4rev1] mail.isp.example") // the greeting, inside TLS
		if _, err := c.Write([]byte("a1 LOGIN alice looking-glass\r\n")); err != nil {
			t.Fatal(err)
		}
		expect("a1 OK")
		if _, err := c.Write([]byte("a2 LOGOUT\r\n")); err != nil {
			t.Fatal(err)
		}
		expect("* BYE")
		expect("a2 OK")
	})
	rec.waitFor(t, "the real IMAP client's LOGIN, marked encrypted", func(e *trace.Event) bool {
		return e.Kind == trace.Line && e.Tag.Encrypted && e.Dir == trace.ClientToServer && strings.HasPrefix(e.Line, "a1 LOGIN")
	})
	rec.waitFor(t, "the real client's ClientHello", func(e *trace.Event) bool {
		return e.Kind == trace.Record && e.Dir == trace.ClientToServer && e.TLS.HandshakeType == 1
	})
	rec.waitFor(t, "the real client's EHLO, marked encrypted", func(e *trace.Event) bool {
		return e.Kind == trace.Line && e.Tag.Encrypted && e.Dir == trace.ClientToServer && strings.HasPrefix(e.Line, "EHLO")
	})
}
