package smtp

import (
	"net/netip"
	"strconv"
	"strings"
	"testing"
)

// A script is a transcript as a reader sees it:
//
//	S: a line the server sends
//	C: a line the client sends
//	M: the message the server accepted (envelope and size)
//	-- close            the server closes the connection
//	-- tls              the server starts TLS (STARTTLS), which completes
//	= READY             the server's state at this point
//
// runScript feeds the C: lines to a server and rebuilds the whole transcript
// from what the server answers; the test compares it with the script, so the
// expected server lines, messages, closes and states are asserted exactly.
func runScript(t *testing.T, cfg *Config, peer Peer, script string) []*Message {
	t.Helper()
	want := cleanScript(script)
	s := NewServer(cfg, peer)
	var got strings.Builder
	writeReply(&got, s.Greeting())
	var msgs []*Message
	for _, line := range strings.Split(want, "\n") {
		switch {
		case strings.HasPrefix(line, "C: "):
			in := line[len("C: "):]
			got.WriteString(line + "\n")
			r := s.Handle(in)
			if r.Reply.Code != 0 {
				writeReply(&got, r.Reply)
			}
			if r.Message != nil {
				got.WriteString(describeMessage(r.Message) + "\n")
				msgs = append(msgs, r.Message)
			}
			if r.Close {
				got.WriteString("-- close\n")
			}
			if r.StartTLS {
				// The driver's part: the handshake, then the same core.
				got.WriteString("-- tls\n")
				s.TLSStarted()
			}
		case strings.HasPrefix(line, "= "):
			got.WriteString("= " + s.State().String() + "\n")
		case strings.HasPrefix(line, "S: "), strings.HasPrefix(line, "M: "), line == "-- close", line == "-- tls":
		default:
			t.Fatalf("script line %q is none of C:, S:, M:, -- close, =", line)
		}
	}
	if g := strings.TrimSuffix(got.String(), "\n"); g != want {
		t.Errorf("transcript differs\n--- got\n%s\n--- want\n%s", g, want)
	}
	return msgs
}

// cleanScript drops the indentation and blank lines of a script constant.
func cleanScript(script string) string {
	var lines []string
	for _, l := range strings.Split(script, "\n") {
		if l = strings.TrimLeft(l, " \t"); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func writeReply(b *strings.Builder, r Reply) {
	for i := range r.NumLines() {
		b.WriteString("S: " + r.Line(i) + "\n")
	}
}

func describeMessage(m *Message) string {
	var b strings.Builder
	b.WriteString("M: from=<" + m.From + "> to=")
	for i, to := range m.To {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("<" + to + ">")
	}
	b.WriteString(" helo=" + m.Helo)
	if m.ESMTP {
		b.WriteString(" esmtp")
	}
	if m.User != "" {
		b.WriteString(" user=" + m.User)
	}
	b.WriteString(" bytes=" + strconv.Itoa(len(m.Data)))
	return b.String()
}

// The configurations the tests use: a receiving MX, the ISP's submission
// server, and variants.

var (
	homeIP    = netip.MustParseAddr("203.0.113.10")  // a customer PC on a dynamic range
	outsideIP = netip.MustParseAddr("198.51.100.77") // somebody on the Internet
	ispIP     = netip.MustParseAddr("192.0.2.25")    // a host in the ISP's own network
	homePeer  = Peer{IP: homeIP, Name: "pc10.home.isp.example"}
	outPeer   = Peer{IP: outsideIP, Name: "mail.outside.example"}
)

// mxConfig is the final destination for example.jp: bob and alice exist.
func mxConfig() *Config {
	return &Config{
		Hostname: "mx.example.jp",
		Domains:  []string{"example.jp"},
		// Like Postfix's local_recipient_maps, the lookup ignores case.
		Mailbox: func(addr string) bool {
			return strings.EqualFold(addr, "bob@example.jp") || strings.EqualFold(addr, "alice@example.jp")
		},
		NextID: sequentialIDs(),
	}
}

// submissionConfig is the ISP's port 587: AUTH required, relay for
// authenticated users, no STARTTLS (so AUTH is offered in the clear).
func submissionConfig() *Config {
	return &Config{
		Hostname:     "mail.isp.example",
		Domains:      []string{"isp.example"},
		Relay:        RelayAuthenticated,
		AuthRequired: true,
		Users:        map[string]string{"alice": "secret"},
		NextID:       sequentialIDs(),
	}
}

// submissionTLSConfig is port 587 as real providers set it up: STARTTLS
// offered, AUTH only inside TLS.
func submissionTLSConfig() *Config {
	return with(submissionConfig(), func(c *Config) { c.StartTLS = true })
}

// sequentialIDs gives queue ids like Postfix's hex ones, deterministically.
func sequentialIDs() func() string {
	n := 0x1A2B3C
	return func() string {
		n++
		return strings.ToUpper(strconv.FormatInt(int64(n), 16))
	}
}

func with(cfg *Config, change func(*Config)) *Config {
	change(cfg)
	return cfg
}
