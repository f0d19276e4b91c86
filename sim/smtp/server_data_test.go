package smtp

import (
	"runtime"
	"slices"
	"strings"
	"testing"
)

// rfc5321D1 has the shape of RFC 5321 Appendix D.1: three recipients, one
// unknown, and the message still delivered to the other two.
const rfc5321D1 = `
	S: 220 mx.example.jp ESMTP mailsim
	C: EHLO mail.outside.example` + mxEHLO + `
	C: MAIL FROM:<Smith@outside.example>
	S: 250 2.1.0 Ok
	C: RCPT TO:<bob@example.jp>
	S: 250 2.1.5 Ok
	C: RCPT TO:<green@example.jp>
	S: 550 5.1.1 <green@example.jp>: Recipient address rejected: User unknown in local recipient table
	C: RCPT TO:<alice@example.jp>
	S: 250 2.1.5 Ok
	C: DATA
	S: 354 End data with <CR><LF>.<CR><LF>
	C: Blah blah blah...
	C: ...etc. etc. etc.
	C: .
	S: 250 2.0.0 Ok: queued as 1A2B3D
	M: from=<Smith@outside.example> to=<bob@example.jp>,<alice@example.jp> helo=mail.outside.example esmtp bytes=37
	= READY
	C: QUIT
	S: 221 2.0.0 Bye
	-- close`

// dataCases: the message text, its end, and the checks made there.

// toData is the opening every DATA case shares: greeting, HELO, one
// envelope sender and recipient, and the 354 that starts the message text.
const toData = `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>`

var dataCases = []scriptCase{
	{"rfc 5321 appendix D.1", mxConfig, outPeer, rfc5321D1},
	{"without NextID the 250 has no queue id", func() *Config {
		return with(mxConfig(), func(c *Config) { c.NextID = nil })
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA extra
		S: 501 5.5.4 Syntax: DATA
		= RCPT
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		= DATA
		C: QUIT
		C: RSET
		C: .
		S: 250 2.0.0 Ok
		M: from=<x@a.example> to=<bob@example.jp> helo=a.example bytes=12`},
	{"message too big", func() *Config {
		return with(mxConfig(), func(c *Config) { c.MaxSize = 20 })
	}, outPeer, toData + `
		C: 0123456789
		C: 012345678
		C: .
		S: 552 5.3.4 Error: message file too big
		= READY
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: 0123456789
		C: 012345
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp> helo=a.example bytes=20`},
	{"text line over 1000 octets", mxConfig, outPeer, toData + `
		C: .` + strings.Repeat("x", 998) + `
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp> helo=a.example bytes=1000
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: ` + strings.Repeat("x", 999) + `
		C: .
		S: 554 5.6.0 Error: message text line too long
		= READY`},
	{"too many hops", func() *Config {
		return with(mxConfig(), func(c *Config) { c.MaxHops = 2 })
	}, outPeer, toData + `
		C: Received: from a by b; Mon, 1 Jan 2024 00:00:00 +0000
		C: received : from b by c;
		C: ` + "\t" + `Mon, 1 Jan 2024 00:00:00 +0000
		C: Received: from c by d; Mon, 1 Jan 2024 00:00:00 +0000
		C: Subject: loop
		C: .
		S: 554 5.4.6 Too many hops
		= READY`},
	{"two Received: fields pass a limit of two", func() *Config {
		return with(mxConfig(), func(c *Config) { c.MaxHops = 2 })
	}, outPeer, toData + `
		C: Received: from a by b; Mon, 1 Jan 2024 00:00:00 +0000
		C: Received: from b by c; Mon, 1 Jan 2024 00:00:00 +0000
		C: 
		C: Received: in the body does not count
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp> helo=a.example bytes=150`},
}

func TestDataTranscripts(t *testing.T) { runScripts(t, dataCases) }

// TestDataIsUnstuffed checks the exact octets of an accepted message:
// RFC 5321 4.5.2 removes one leading dot, lines end in CRLF.
func TestDataIsUnstuffed(t *testing.T) {
	msgs := runScript(t, mxConfig(), outPeer, toData+`
		C: Subject: dots
		C: 
		C: ..
		C: ...leading
		C: middle . dot
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp> helo=a.example bytes=45`)
	want := "Subject: dots\r\n\r\n.\r\n..leading\r\nmiddle . dot\r\n"
	if len(msgs) != 1 || string(msgs[0].Data) != want {
		t.Fatalf("Data = %q, want %q", msgs[0].Data, want)
	}
	if m := msgs[0]; m.Peer != outPeer || m.TLS {
		t.Errorf("Peer = %+v, TLS = %v", m.Peer, m.TLS)
	}
}

// TestMessageBuffersAreNotReused checks that a second transaction does not
// write into the first Message's envelope or data.
func TestMessageBuffersAreNotReused(t *testing.T) {
	s := NewServer(mxConfig(), outPeer)
	var msgs []*Message
	for _, body := range []string{"first", "second"} {
		for _, l := range []string{"HELO a.example", "MAIL FROM:<x@a.example>", "RCPT TO:<bob@example.jp>", "DATA", body, "."} {
			if r := s.Handle(l); r.Message != nil {
				msgs = append(msgs, r.Message)
			}
		}
	}
	if len(msgs) != 2 || string(msgs[0].Data) != "first\r\n" || string(msgs[1].Data) != "second\r\n" {
		t.Fatalf("messages = %q, %q", msgs[0].Data, msgs[1].Data)
	}
	msgs[1].To[0] = "changed"
	if msgs[0].To[0] != "bob@example.jp" {
		t.Fatalf("first message's To changed to %q", msgs[0].To[0])
	}
}

// TestSizeHint: a hint sizes the DATA buffer and nothing else. Whatever it
// says (too small, exact, past the size limit, stale from an earlier
// segment), the message and the replies are those without one; an exact
// hint buffers the text in one allocation.
func TestSizeHint(t *testing.T) {
	lines := []string{"HELO a.example", "MAIL FROM:<x@a.example>", "RCPT TO:<bob@example.jp>", "DATA", "Subject: x", "", "..dot", strings.Repeat("y", 900), "."}
	text := "Subject: x\r\n\r\n.dot\r\n" + strings.Repeat("y", 900) + "\r\n"
	for _, hint := range []int{0, 1, 20, len(text) + 3, 1 << 30} {
		s := NewServer(mxConfig(), outPeer)
		var replies []int
		var data string
		for i, l := range lines {
			if i == 4 {
				s.SizeHint(hint) // the text arrives in a segment of its own
			}
			r := s.Handle(l)
			replies = append(replies, r.Reply.Code)
			if r.Message != nil {
				data = r.Message.Data
			}
		}
		if data != text || !slices.Equal(replies, []int{250, 250, 250, 354, 0, 0, 0, 0, 250}) {
			t.Errorf("hint %d: Data = %q, replies %v", hint, data, replies)
		}
	}
	// Counted as testing.AllocsPerRun counts, but for one run: a second
	// would find the buffer full.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s := NewServer(mxConfig(), outPeer)
	for _, l := range lines[:4] {
		s.Handle(l)
	}
	s.SizeHint(len(text) + 3)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, l := range lines[4 : len(lines)-1] {
		s.Handle(l)
	}
	runtime.ReadMemStats(&after)
	if n := after.Mallocs - before.Mallocs; n != 1 {
		t.Errorf("text with an exact hint took %d allocations, want 1", n)
	}
}

// TestHoldData: with Config.HoldData the final "." hands the message over
// without a reply; Accept answers 250 and counts it, Refuse answers the
// driver's reply and counts nothing.
func TestHoldData(t *testing.T) {
	cfg := mxConfig()
	cfg.HoldData = true
	s := NewServer(cfg, outPeer)
	var r Result
	for _, l := range []string{"HELO a.example", "MAIL FROM:<x@a.example>", "RCPT TO:<bob@example.jp>", "DATA", "text", "."} {
		r = s.Handle(l)
	}
	if !r.Hold || r.Message == nil || r.Reply.Code != 0 || !s.Held() {
		t.Fatalf("final dot: %+v, held %v; want the message held without a reply", r, s.Held())
	}
	got := s.Refuse(ReplyDMARCReject("bank.example"))
	if got.Line(0) != "550 5.7.1 Unauthenticated email from bank.example is not accepted due to domain's DMARC policy" {
		t.Errorf("refusal: %q", got.Line(0))
	}
	if in := s.Info(); in.Accepted != 0 || in.State != StateReady || s.Held() {
		t.Errorf("after Refuse: accepted %d, state %v, held %v", in.Accepted, in.State, s.Held())
	}
	for _, l := range []string{"MAIL FROM:<x@a.example>", "RCPT TO:<bob@example.jp>", "DATA", "text", "."} {
		r = s.Handle(l)
	}
	if ok := s.Accept(r.Message); ok.Code != C250Completed || s.Info().Accepted != 1 {
		t.Errorf("Accept = %q, accepted %d; want 250 and 1", ok.Line(0), s.Info().Accepted)
	}
}
