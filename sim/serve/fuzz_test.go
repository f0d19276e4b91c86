package serve

import (
	"bufio"
	"io"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// fuzzWorld is a small world with a short latency, so that a fuzzed
// session takes milliseconds: a client PC, a mail server with submission
// (AUTH required), relay port (messages up to 64 KiB) and POP3, and a DNS
// server.
func fuzzWorld(t testing.TB) *sim.World {
	w := sim.New(sim.Options{Latency: 50 * time.Microsecond, Sink: trace.Discard})
	hosts := []*sim.Host{
		{Name: "pc.example", IP: netip.MustParseAddr("192.0.2.10")},
		{Name: "mail.example", IP: netip.MustParseAddr("192.0.2.25"), Domains: []string{"example"},
			Users: []*sim.User{{Name: "bob", Password: "pw"}},
			SMTP: []*sim.SMTPService{
				{Port: 25, Config: smtp.Config{MaxSize: 64 << 10}},
				{Port: 587, Auth: sim.AuthRequired, Config: smtp.Config{Relay: smtp.RelayAuthenticated}},
			},
			POP3: []*sim.POP3Service{{Port: 110}}},
		{Name: "ns.example", IP: netip.MustParseAddr("192.0.2.53")},
	}
	for _, h := range hosts {
		if err := w.AddHost(h); err != nil {
			t.Fatal(err)
		}
	}
	w.SetDNS(hosts[2])
	w.Zone().Add("example", dns.Records{MX: []dns.MX{{Pref: 10, Host: "mail.example"}}})
	return w
}

// FuzzServedSession sends arbitrary bytes to a served port (the first
// byte picks which), half-closes, and reads what comes back: every SMTP
// line must be a well-formed reply, a POP3 session must open with a
// status line, and the server must close the connection once it has
// answered, whatever it got.
func FuzzServedSession(f *testing.F) {
	f.Add([]byte("\x00EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<bob@example>\r\nDATA\r\nhi\r\n.\r\nQUIT\r\n"))
	f.Add([]byte("\x01EHLO a\r\nAUTH PLAIN AGJvYgBwdw==\r\nMAIL FROM:<bob@example>\r\nRCPT TO:<x@elsewhere.example>\r\nDATA\r\n..\r\n.\r\n"))
	f.Add([]byte("\x02USER bob\r\nPASS pw\r\nSTAT\r\nRETR 1\r\nDELE 1\r\nQUIT\r\n"))
	f.Add([]byte("\x00\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\n\n\rBDAT 10 LAST\r\n"))
	f.Add([]byte("\x01AUTH LOGIN\r\n*\r\nAUTH PLAIN =\r\n" + strings.Repeat("A", 3000)))
	s := startWorld(f, fuzzWorld(f), nil, Options{MaxConns: 1000})
	addrs := make([]string, 0, 3)
	for _, l := range s.srv.Listeners() {
		addrs = append(addrs, l.Addr.String())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		l := s.srv.Listeners()[int(data[0])%len(addrs)]
		nc, err := net.DialTimeout("tcp", l.Addr.String(), 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		nc.SetDeadline(time.Now().Add(10 * time.Second))
		// Write while reading: a server may answer, and close, before all
		// is sent.
		go func() {
			nc.Write(data[1:])
			nc.(*net.TCPConn).CloseWrite()
		}()
		r := bufio.NewReader(nc)
		first := true
		for {
			line, err := r.ReadString('\n')
			if err == io.EOF && line == "" {
				break
			}
			if err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Fatalf("the server did not close within 10s (%s)", l)
				}
				break // reset after a close with unread input: fine
			}
			if l.Proto == trace.SMTP && !wellFormedReply(line) {
				t.Fatalf("not an SMTP reply: %q", line)
			}
			if l.Proto == trace.POP3 && first && !strings.HasPrefix(line, "+OK ") && !strings.HasPrefix(line, "-ERR ") {
				t.Fatalf("POP3 greeting %q", line)
			}
			first = false
		}
	})
}

// wellFormedReply: three digits, a space or a hyphen, CRLF (RFC 5321 4.2).
func wellFormedReply(line string) bool {
	if len(line) < 6 || !strings.HasSuffix(line, "\r\n") {
		return false
	}
	for _, c := range line[:3] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return line[3] == ' ' || line[3] == '-'
}
