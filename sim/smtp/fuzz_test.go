package smtp

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzConfig turns every feature on, with small limits so that the fuzzer
// reaches them.
func fuzzConfig() *Config {
	return &Config{
		Hostname:      "mx.example.jp",
		Domains:       []string{"example.jp"},
		Mailbox:       func(addr string) bool { return strings.HasPrefix(addr, "bob@") },
		Relay:         RelayMyNetworks,
		MyNetworks:    []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")},
		Users:         map[string]string{"alice": "secret"},
		StartTLS:      true,
		MaxSize:       200,
		MaxRecipients: 3,
		MaxHops:       2,
		MaxErrors:     30,
		NextID:        func() string { return "ID" },
	}
}

// FuzzServer feeds a session any sequence of lines (split on LF) and checks
// what must hold whatever the bytes: no panic, only codes from Codes(), reply
// lines within RFC 5321 4.5.3.1.5's 512 octets and free of CR/LF, nothing
// after a close, and a state that matches the replies.
func FuzzServer(f *testing.F) {
	for _, seed := range []string{
		"EHLO a\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\nMAIL FROM:<a@b.example> SIZE=10\nRCPT TO:<bob@example.jp>\nDATA\n.x\nReceived: a\n.\nQUIT",
		"HELO a\nMAIL FROM:<>\nRCPT TO:<c@elsewhere.example>\nRCPT TO:<Postmaster>\nDATA\n" + strings.Repeat("x", 1001) + "\n.",
		"EHLO a\nAUTH LOGIN\nYWxpY2U=\n*\nAUTH LOGIN YWxpY2U=\nc2VjcmV0\nSTARTTLS\nVRFY x\nHELP\nRSET\nNOOP",
		"ehlo a\nauth plain\n=\nmail from:<@a,@b:x@[IPv6:::1]> BODY=8BITMIME AUTH=<> SMTPUTF8\nrcpt to:<\"q\\\"x\"@example.jp>",
		"\x00\xff\r\n\n\nEHLO\nMAIL FROM:<\nRCPT TO:\nDATA x\nQUIT",
	} {
		f.Add(seed)
	}
	codes := Codes()
	f.Fuzz(func(t *testing.T, input string) {
		s := NewServer(fuzzConfig(), homePeer)
		closed := false
		for _, line := range strings.Split(input, "\n") {
			before := s.State()
			r := s.Handle(line)
			if closed {
				if r.Reply.Code != 0 || !r.Close {
					t.Fatalf("after close %q got %+v", line, r)
				}
				continue
			}
			closed = r.Close
			if r.Reply.Code == 0 {
				if before != StateData || s.State() != StateData {
					t.Fatalf("no reply to %q in %v", line, before)
				}
				continue
			}
			if !slices.Contains(codes, r.Reply.Code) {
				t.Fatalf("reply %d to %q is not in Codes()", r.Reply.Code, line)
			}
			for i := range r.Reply.NumLines() {
				l := r.Reply.Line(i)
				if len(l)+2 > 512 || strings.ContainsAny(l, "\r\n") || !utf8.ValidString(l) {
					t.Fatalf("bad reply line %q to %q", l, line)
				}
			}
			if r.Message != nil {
				if r.Reply.Code != 250 || len(r.Message.To) == 0 || len(r.Message.Data) > 200 {
					t.Fatalf("message %+v with reply %v", r.Message, r.Reply)
				}
				if Received(r.Message, "mx", "ID", fixedTime) == "" {
					t.Fatal("no Received field")
				}
			}
			switch st := s.State(); {
			case r.Close != (st == StateClosed):
				t.Fatalf("Close = %v in state %v", r.Close, st)
			case r.Reply.Code == 354 && st != StateData, r.Reply.Code == 334 && st != StateAuth:
				t.Fatalf("reply %d in state %v", r.Reply.Code, st)
			case r.Reply.Code >= 500 && before != StateAuth && before != StateData && st != before:
				// RFC 5321 4.1.4: a rejected command changes no state.
				t.Fatalf("%q rejected with %d but the state went from %v to %v", line, r.Reply.Code, before, st)
			}
		}
	})
}

// FuzzParseReplyLine: no panic, and what parses re-encodes to a line that
// parses the same.
func FuzzParseReplyLine(f *testing.F) {
	for _, seed := range []string{"250-mx.example.jp", "250 2.0.0 Ok", "334 ", "220", "550 5.1.10 x", "999 x", "25"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		code, enh, text, last, err := ParseReplyLine(line)
		if err != nil {
			return
		}
		if code < 200 || code > 559 {
			t.Fatalf("code %d from %q", code, line)
		}
		lines := []string{text}
		if !last {
			lines = append(lines, "end")
		}
		again := Reply{Code: code, Enhanced: enh, Lines: lines}.Line(0)
		c2, e2, t2, l2, err := ParseReplyLine(again)
		if err != nil || c2 != code || e2 != enh || t2 != text || l2 != last {
			t.Fatalf("%q -> %q -> %d %q %q %v %v", line, again, c2, e2, t2, l2, err)
		}
	})
}

// FuzzParsePath: no panic; an accepted address is within the limits, has no
// brackets, spaces outside quotes or control characters, and parses again
// to itself.
func FuzzParsePath(f *testing.F) {
	for _, seed := range []string{"<bob@example.jp> SIZE=1", "<>", "<@a,@b:x@[1.2.3.4]>", `<"a b"@c.example>`, "bare@example.jp", "<Postmaster>", "<山田@例え.jp>"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		addr, params, ok := parsePath(in)
		if !ok {
			return
		}
		if strings.HasPrefix(params, " ") || strings.HasSuffix(params, " ") {
			t.Fatalf("params %q not trimmed", params)
		}
		if addr == "" {
			return
		}
		if len(addr)+2 > maxPath || hasControl(addr) || !utf8.ValidString(addr) || strings.ContainsAny(addr, "<>") && !strings.HasPrefix(addr, `"`) {
			t.Fatalf("parsePath(%q) accepted %q", in, addr)
		}
		if again, rest, ok := parsePath("<" + addr + ">"); !ok || again != addr || rest != "" {
			t.Fatalf("%q -> %q does not parse again: %q %q %v", in, addr, again, rest, ok)
		}
	})
}

// FuzzClient answers a client with arbitrary replies: no panic, and the
// session ends within a bounded number of steps once QUIT is sent.
func FuzzClient(f *testing.F) {
	f.Add([]byte{220, 250, 235, 250, 250, 250, 100, 250, 221}, true)
	f.Add([]byte{220, 200, 250, 34, 34, 34}, true)
	f.Add([]byte{220, 250, 250, 250, 50, 4}, false)
	f.Fuzz(func(t *testing.T, codes []byte, login bool) {
		job := Job{Helo: "a", From: "x@a.example", To: []string{"b@example.jp", "c@example.jp"}, Data: ".x\nbody"}
		job.Auth = &Auth{User: "alice", Pass: "secret"}
		if login {
			job.Auth.Mechanism = "LOGIN"
		}
		c := NewClient(job)
		for i, b := range codes {
			// Codes 200..455 and 500..555, and AUTH advertised in 2xx.
			code := 200 + int(b)%56 + 100*(int(b)/56%4)
			r := Reply{Code: code, Lines: []string{"x", "AUTH PLAIN LOGIN"}}
			if c.Next(r) == nil {
				if !c.Done() {
					t.Fatal("nil lines but not done")
				}
				return
			}
			if i > 40 {
				t.Fatalf("no end after %d replies", i)
			}
		}
		res := c.Result()
		if res.Sent && res.Failure != nil {
			t.Fatalf("sent with a failure: %+v", res)
		}
	})
}

// FuzzCountReceived: no panic on any message data, and never more fields
// than lines.
func FuzzCountReceived(f *testing.F) {
	f.Add([]byte("Received: a\r\nreceived : b\r\n\tc\r\n\r\nReceived: d\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if n := CountReceived(string(data)); n < 0 || n > strings.Count(string(data), "\n")+1 {
			t.Fatalf("CountReceived = %d", n)
		}
	})
}

// FuzzReplyParser: the parser assembles what a plain model of RFC 5321
// 4.2.1 assembles from the same lines (split at "\n").
func FuzzReplyParser(f *testing.F) {
	f.Add("250-a\n250-2.0.0 b\n250 c")
	f.Add("250-2.1.0 a\n250-2.1.5 b\n250 2.1.0 c\n354 go")
	f.Add("220 x\n250-a\n550 b\n250 ok")
	f.Fuzz(func(t *testing.T, in string) {
		var p ReplyParser
		var cur *Reply // the model's reply in progress
		for _, line := range strings.Split(in, "\n") {
			got, complete, err := p.Feed(line)
			code, enh, text, last, perr := ParseReplyLine(line)
			var want Reply
			var wantComplete, wantErr bool
			switch {
			case perr != nil:
				cur, wantErr = nil, true
			case cur != nil && code != cur.Code:
				cur, wantErr = nil, true
			default:
				if cur == nil {
					cur = &Reply{Code: code, Enhanced: enh}
				} else if enh != cur.Enhanced && enh != "" {
					text = enh + " " + text
				}
				cur.Lines = append(cur.Lines, text)
				if last {
					want, wantComplete, cur = *cur, true, nil
				}
			}
			if (err != nil) != wantErr || complete != wantComplete ||
				complete && (got.Code != want.Code || got.Enhanced != want.Enhanced || !slices.Equal(got.Lines, want.Lines)) {
				t.Fatalf("Feed(%q) = %+v, %v, %v; want %+v, %v, error %v", line, got, complete, err, want, wantComplete, wantErr)
			}
		}
	})
}
