package serve

import (
	"io"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// Robustness: what a hostile or broken client sends is answered by the
// protocol cores as in the simulated world, nothing accepted is lost, and
// the next well-behaved client is served.

// wellBehaved submits one message for alice@isp.example to the relay port
// of mail.isp.example (reachable from alice-pc through OP25B: it is the
// ISP's own server) and checks every reply.
func wellBehaved(t *testing.T, addr, subject string) {
	t.Helper()
	c := dial(t, addr)
	c.expect("220 ")
	c.send("EHLO client.example\r\n")
	c.expect("250 ")
	c.send("MAIL FROM:<carol@example.jp>\r\n")
	c.expect("250 2.1.0")
	c.send("RCPT TO:<alice@isp.example>\r\n")
	c.expect("250 2.1.5")
	c.send("DATA\r\n")
	c.expect("354 ")
	c.send("Subject: " + subject + "\r\n\r\nhello\r\n.\r\n")
	c.expect("250 2.0.0")
	c.send("QUIT\r\n")
	c.expect("221 ")
	if !c.closed() {
		t.Error("the server did not close after 221")
	}
}

func TestRobustness(t *testing.T) {
	s := startScenario(t, "basic-delivery", 0, Options{MaxConns: 4})
	addr := s.addr(t, "mail.isp.example", 25)

	t.Run("command line over 512 octets", func(t *testing.T) {
		c := dial(t, addr)
		c.expect("220 ")
		c.send("EHLO " + strings.Repeat("a", 600) + "\r\n")
		c.expect("500 5.5.0")
		c.send("EHLO client.example\r\n")
		c.expect("250 ")
	})
	t.Run("a line with no end, far over any limit", func(t *testing.T) {
		c := dial(t, addr)
		c.expect("220 ")
		c.send(strings.Repeat("z", 100<<10) + "\r\n")
		c.expect("500 5.5.0")
		c.send("NOOP\r\n")
		c.expect("250 ")
	})
	t.Run("text line over 1000 octets", func(t *testing.T) {
		c := dial(t, addr)
		c.expect("220 ")
		c.send("HELO client.example\r\nMAIL FROM:<carol@example.jp>\r\nRCPT TO:<alice@isp.example>\r\nDATA\r\n")
		c.expect("250 ")
		c.expect("250 ")
		c.expect("250 ")
		c.expect("354 ")
		c.send("Subject: long\r\n\r\n" + strings.Repeat("y", 1200) + "\r\n.\r\n")
		c.expect("5")
		c.send("QUIT\r\n")
		c.expect("221 ")
	})
	t.Run("binary junk", func(t *testing.T) {
		c := dial(t, addr)
		c.expect("220 ")
		c.send("\x00\xff\xfe\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n")
		c.expect("5")
		c.send("\x80\x81\x82 garbage \x1b[31m\r\n")
		c.expect("5")
		c.send("NOOP\r\n")
		c.expect("250 ")
	})
	t.Run("slow client, one byte at a time", func(t *testing.T) {
		c := dial(t, addr)
		c.expect("220 ")
		for _, b := range []byte("EHLO slow.example\r\n") {
			c.send(string(b))
			time.Sleep(2 * time.Millisecond)
		}
		c.expect("250 ")
	})
	t.Run("client drops mid-DATA", func(t *testing.T) {
		c := dial(t, addr)
		c.expect("220 ")
		c.send("EHLO client.example\r\n")
		c.expect("250 ")
		c.send("MAIL FROM:<carol@example.jp>\r\nRCPT TO:<alice@isp.example>\r\nDATA\r\n")
		c.expect("250 ")
		c.expect("250 ")
		c.expect("354 ")
		c.send("Subject: first\r\n\r\nkept\r\n.\r\n")
		c.expect("250 2.0.0")
		c.send("MAIL FROM:<carol@example.jp>\r\nRCPT TO:<alice@isp.example>\r\nDATA\r\n")
		c.expect("250 ")
		c.expect("250 ")
		c.expect("354 ")
		c.send("Subject: second\r\n\r\nhalf a mess")
		c.nc.Close()
		// The first message was accepted (250): it is delivered. The
		// second never got its final dot: it is not.
		s.rec.waitFor(t, "delivery of the accepted message", delivered("alice@isp.example"))
		s.rec.waitFor(t, "the client's FIN", func(e *trace.Event) bool {
			return e.Kind == trace.Close && e.Dir == trace.ClientToServer && e.Dst.Port == 25 && e.Src.Host == "alice-pc"
		})
		n := 0
		for _, e := range s.rec.snapshot() {
			if e.Kind == trace.Deliver {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d deliveries, want exactly the one accepted message", n)
		}
	})
	t.Run("more connections than the cap", func(t *testing.T) {
		var held []*session
		for range 4 {
			c := dial(t, addr)
			c.expect("220 ")
			held = append(held, c)
		}
		over := dial(t, addr)
		over.expect("421 4.3.2")
		if !over.closed() {
			t.Error("the connection past the cap was not closed")
		}
		pop := dial(t, s.addr(t, "mx.example.jp", 110))
		pop.expect("-ERR [SYS/TEMP]")
		for _, c := range held {
			c.send("QUIT\r\n")
			c.expect("221 ")
			c.closed()
		}
		// The count drops as the world learns the sockets closed.
		waitServed(t, addr)
		if got := s.srv.Stats().Refused; got != 2 {
			t.Errorf("Stats().Refused = %d, want 2", got)
		}
	})
	t.Run("the next well-behaved client is served", func(t *testing.T) {
		wellBehaved(t, addr, "after the storm")
	})
}

// waitServed waits, a bounded time, until a new connection gets a 220.
func waitServed(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c := dial(t, addr)
		if r := c.reply(); strings.HasPrefix(r, "220 ") {
			c.send("QUIT\r\n")
			c.reply()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("no 220 within 10s")
}

func TestIdleTimeout(t *testing.T) {
	s := startScenario(t, "basic-delivery", 0, Options{IdleTimeout: 200 * time.Millisecond})
	c := dial(t, s.addr(t, "mail.isp.example", 587))
	c.expect("220 ")
	c.expect("421 4.4.2")
	if !c.closed() {
		t.Error("the idle connection was not closed after 421")
	}
	p := dial(t, s.addr(t, "mx.example.jp", 110))
	p.expect("+OK")
	if !p.closed() {
		t.Error("the idle POP3 connection was not closed")
	}
}

// A real client's lines are in the trace as the server read them, with
// sequence numbers that run on without gap: a capture rebuilt from the
// trace holds the bytes the client sent (pipelined in one write or not).
func TestRecordedStream(t *testing.T) {
	s := startScenario(t, "basic-delivery", 0, Options{})
	c := dial(t, s.addr(t, "mail.isp.example", 25))
	c.expect("220 ")
	sent := "EHLO client.example\r\nMAIL FROM:<carol@example.jp>\r\nRCPT TO:<alice@isp.example>\r\nDATA\r\n"
	c.send(sent)
	for range 4 {
		c.reply()
	}
	text := "Subject: seq\r\n\r\n..dot\r\n.\r\nQUIT\r\n"
	c.send(text)
	c.expect("250 ")
	c.expect("221 ")
	c.closed()
	sent += text
	s.rec.waitFor(t, "the server's FIN", func(e *trace.Event) bool { return e.Kind == trace.Close })
	var got strings.Builder
	var next uint32
	for _, e := range s.rec.snapshot() {
		if e.Kind != trace.Line || e.Dir != trace.ClientToServer || e.Proto != trace.SMTP {
			continue
		}
		if next != 0 && e.TCP.Seq != next {
			t.Errorf("%q at seq %d, want %d", e.Line, e.TCP.Seq, next)
		}
		next = e.TCP.Seq + e.TCP.Len
		got.WriteString(e.Line + "\r\n")
		if e.Line == "..dot" && e.Tag.Kind != trace.MessageText {
			t.Errorf("%q tagged %v, want message text", e.Line, e.Tag.Kind)
		}
	}
	if got.String() != sent {
		t.Errorf("client stream from the trace:\n%q\nwant\n%q", got.String(), sent)
	}
}

func TestListenOneAddress(t *testing.T) {
	s := startWorld(t, fuzzWorld(t), nil, Options{Listen: netip.MustParseAddr("127.0.0.1")})
	for _, l := range s.srv.Listeners() {
		if l.Addr.Addr() != netip.MustParseAddr("127.0.0.1") {
			t.Errorf("%s: not on 127.0.0.1", l)
		}
	}
	c := dial(t, s.addr(t, "mail.example", 110))
	c.expect("+OK ")
}

func TestAddresses(t *testing.T) {
	s := startScenario(t, "basic-delivery", 0, Options{})
	var got []string
	for _, l := range s.srv.Listeners() {
		got = append(got, l.Host.Name+":"+strconv.Itoa(int(l.Port))+" "+l.Addr.Addr().String()+" "+strconv.Itoa(int(l.Addr.Port())-int(l.Port)))
	}
	off := strconv.Itoa(int(s.srv.Listeners()[0].Addr.Port()) - 587)
	want := []string{
		"mail.isp.example:587 127.0.0.3 " + off, "mail.isp.example:25 127.0.0.3 " + off,
		"mx.example.jp:25 127.0.0.5 " + off, "mx.example.jp:110 127.0.0.5 " + off,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("listeners:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.srv.As().Name != "alice-pc" {
		t.Errorf("real clients connect as %s, want alice-pc (the first host without a server)", s.srv.As().Name)
	}
}

// A message over the size limit is refused at the final dot (RFC 1870
// 6.2: 552), and the server keeps none of it past the limit.
func TestMessageSizeLimit(t *testing.T) {
	s := startWorld(t, fuzzWorld(t), nil, Options{})
	c := dial(t, s.addr(t, "mail.example", 25))
	c.expect("220 ")
	c.send("EHLO client.example\r\n")
	c.expect("250 ")
	c.send("MAIL FROM:<x@client.example>\r\nRCPT TO:<bob@example>\r\nDATA\r\n")
	c.expect("250 ")
	c.expect("250 ")
	c.expect("354 ")
	line := strings.Repeat("m", 998) + "\r\n"
	for range 200 { // about 200 KB
		c.send(line)
	}
	c.send(".\r\n")
	c.expect("552 5.3.4")
	c.send("QUIT\r\n")
	c.expect("221 ")
}

// OP25B applies to real clients as to the host they connect as: alice-pc
// is in a dynamic ISP network, so its SYN to another network's port 25 is
// dropped by the ISP's router, retransmitted, and the connection times out
// in the world; the real socket then closes without a greeting.
func TestOP25BForRealClients(t *testing.T) {
	sc, err := scenario.Load("basic-delivery")
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	w, err := sc.Prepare(rec, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.ConnectTimeout = 2 * time.Second // real seconds too: keep the test short
	s := startWorld(t, w, rec, Options{})
	c := dial(t, s.addr(t, "mx.example.jp", 25))
	c.nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	b, err := io.ReadAll(c.r)
	if err != nil || len(b) != 0 {
		t.Errorf("read %q, %v: want the connection closed without a word", b, err)
	}
	if !rec.has(func(e *trace.Event) bool {
		return e.Kind == trace.Drop && e.Rule == trace.OP25B && e.Router == "isp-router"
	}) {
		t.Error("no OP25B drop by isp-router in the trace")
	}
	if !rec.has(func(e *trace.Event) bool { return e.Kind == trace.Timeout }) {
		t.Error("no connect timeout in the trace")
	}
	// The ISP's own server is allowed: the same host, port 25 of mail.isp.example.
	ok := dial(t, s.addr(t, "mail.isp.example", 25))
	ok.expect("220 ")
}
