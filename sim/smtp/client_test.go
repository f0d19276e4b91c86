package smtp

import (
	"strings"
	"testing"
)

// converse wires a client to a server, every reply going over the "wire" as
// text (Reply.Line, then ReplyParser) as it would on a socket, and returns the
// transcript, in the script format of runScript, ending with "-- done".
func converse(t *testing.T, c *Client, s *Server) (string, []*Message) {
	t.Helper()
	var b strings.Builder
	var msgs []*Message
	r := s.Greeting()
	writeReply(&b, r)
	for range 1000 {
		lines := c.Next(wire(t, r))
		if c.NeedTLS() {
			// Both ends' drivers run the handshake, then the cores go on.
			if !s.TLS() {
				t.Fatal("the client starts TLS but the server did not")
			}
			b.WriteString("-- tls\n")
			lines = c.TLSStarted()
		}
		if lines == nil {
			if !c.Done() {
				t.Fatal("Next returned nil but Done is false")
			}
			b.WriteString("-- done")
			return b.String(), msgs
		}
		r = Reply{}
		for _, l := range lines {
			b.WriteString("C: " + l + "\n")
			res := s.Handle(l)
			if res.Reply.Code != 0 {
				writeReply(&b, res.Reply)
				r = res.Reply
			}
			if res.Message != nil {
				msgs = append(msgs, res.Message)
				b.WriteString(describeMessage(res.Message) + "\n")
			}
			if res.Close {
				b.WriteString("-- close\n")
			}
			if res.StartTLS {
				s.TLSStarted()
			}
		}
	}
	t.Fatal("the conversation does not end")
	return "", nil
}

// converseScript is converse checked against an expected transcript in the
// script format (indentation and blank lines ignored).
func converseScript(t *testing.T, c *Client, s *Server, script string) []*Message {
	t.Helper()
	got, msgs := converse(t, c, s)
	if want := cleanScript(script); got != want {
		t.Errorf("transcript differs\n--- got\n%s\n--- want\n%s", got, want)
	}
	return msgs
}

// wire sends r through its text form and back.
func wire(t *testing.T, r Reply) Reply {
	t.Helper()
	var p ReplyParser
	for i := range r.NumLines() {
		got, done, err := p.Feed(r.Line(i))
		if err != nil {
			t.Fatalf("reply line %q: %v", r.Line(i), err)
		}
		if done != (i == r.NumLines()-1) {
			t.Fatalf("reply line %q: done = %v", r.Line(i), done)
		}
		if done {
			return got
		}
	}
	return r // Code 0: the line got no reply
}

const helloMessage = "From: alice@isp.example\nTo: bob@example.jp\nSubject: Hello\n\nHi Bob.\n.hidden dot\n"

func TestClientSubmissionPlain(t *testing.T) {
	c := NewClient(Job{
		Helo: "pc10.home.isp.example",
		Auth: &Auth{User: "alice", Pass: "secret"},
		From: "alice@isp.example",
		To:   []string{"bob@example.jp"},
		Data: helloMessage,
	})
	msgs := converseScript(t, c, NewServer(submissionConfig(), homePeer), `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10.home.isp.example`+submissionEHLO+`
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: From: alice@isp.example
		C: To: bob@example.jp
		C: Subject: Hello
		C: 
		C: Hi Bob.
		C: ..hidden dot
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<alice@isp.example> to=<bob@example.jp> helo=pc10.home.isp.example esmtp user=alice bytes=85
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	// The dot-stuffing round trip: the server gets the message back with
	// CRLF line ends.
	if wantData := strings.ReplaceAll(helloMessage, "\n", "\r\n"); len(msgs) != 1 || string(msgs[0].Data) != wantData {
		t.Errorf("Data = %q, want %q", msgs[0].Data, wantData)
	}
	res := c.Result()
	if !res.Sent || res.Failure != nil || res.Transient || len(res.Rejected) != 0 || strings.Join(res.Accepted, ",") != "bob@example.jp" {
		t.Errorf("Result = %+v", res)
	}
}

func TestClientSubmissionLogin(t *testing.T) {
	c := NewClient(Job{
		Helo: "pc10",
		Auth: &Auth{Mechanism: "login", User: "alice", Pass: "secret"},
		From: "alice@isp.example",
		To:   []string{"bob@example.jp"},
		Data: "Subject: x\r\n\r\nbody\r\n",
	})
	converseScript(t, c, NewServer(submissionConfig(), homePeer), `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10`+submissionEHLO+`
		C: AUTH LOGIN
		S: 334 VXNlcm5hbWU6
		C: YWxpY2U=
		S: 334 UGFzc3dvcmQ6
		C: c2VjcmV0
		S: 235 2.7.0 Authentication successful
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: Subject: x
		C: 
		C: body
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<alice@isp.example> to=<bob@example.jp> helo=pc10 esmtp user=alice bytes=20
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	if !c.Result().Sent {
		t.Errorf("Result = %+v", c.Result())
	}
}

func TestClientRejectedRecipient(t *testing.T) {
	c := NewClient(Job{
		Helo: "mail.outside.example",
		From: "smith@outside.example",
		To:   []string{"bob@example.jp", "green@example.jp", "alice@example.jp"},
		Data: "Blah blah blah...\n...etc. etc. etc.\n",
	})
	converseScript(t, c, NewServer(mxConfig(), outPeer), `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO mail.outside.example`+mxEHLO+`
		C: MAIL FROM:<smith@outside.example>
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
		C: ....etc. etc. etc.
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<smith@outside.example> to=<bob@example.jp>,<alice@example.jp> helo=mail.outside.example esmtp bytes=38
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	res := c.Result()
	if !res.Sent || res.Failure != nil || res.Transient ||
		strings.Join(res.Accepted, ",") != "bob@example.jp,alice@example.jp" ||
		len(res.Rejected) != 1 || res.Rejected[0].Addr != "green@example.jp" || res.Rejected[0].Reply.Code != 550 {
		t.Errorf("Result = %+v", res)
	}
}

func TestClientWrongPassword(t *testing.T) {
	c := NewClient(Job{
		Helo: "pc10",
		Auth: &Auth{Mechanism: "PLAIN", User: "alice", Pass: "wrong"},
		From: "alice@isp.example",
		To:   []string{"bob@example.jp"},
		Data: "x\n",
	})
	msgs := converseScript(t, c, NewServer(submissionConfig(), homePeer), `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10`+submissionEHLO+`
		C: AUTH PLAIN AGFsaWNlAHdyb25n
		S: 535 5.7.8 Error: authentication failed
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	res := c.Result()
	if res.Sent || len(msgs) != 0 || res.Failure == nil || res.Failure.Code != 535 || res.Transient || res.Accepted != nil {
		t.Errorf("Result = %+v", res)
	}
}

func TestClientNoAuthOnSubmission(t *testing.T) {
	c := NewClient(Job{Helo: "pc10", From: "alice@isp.example", To: []string{"bob@example.jp"}})
	converseScript(t, c, NewServer(submissionConfig(), homePeer), `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10`+submissionEHLO+`
		C: MAIL FROM:<alice@isp.example>
		S: 530 5.7.0 Authentication required
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	if res := c.Result(); res.Sent || res.Failure == nil || res.Failure.Code != 530 || res.Transient {
		t.Errorf("Result = %+v", res)
	}
}

func TestClientAuthNotAdvertised(t *testing.T) {
	c := NewClient(Job{Helo: "pc10", Auth: &Auth{User: "alice", Pass: "secret"}, From: "alice@isp.example", To: []string{"bob@example.jp"}})
	converseScript(t, c, NewServer(mxConfig(), homePeer), `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO pc10`+mxEHLO+`
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	if res := c.Result(); !res.AuthUnavailable || res.Sent || res.Failure == nil || res.Failure.Code != 250 {
		t.Errorf("Result = %+v", res)
	}
}

func TestClientEveryRecipientRefused(t *testing.T) {
	for _, tc := range []struct {
		name      string
		cfg       *Config
		to        []string
		sent      bool
		transient bool
	}{
		{"permanent", mxConfig(), []string{"green@example.jp", "x@elsewhere.example"}, false, false},
		// 452 is transient: only the refused recipient is to be retried.
		{"too many is transient", with(mxConfig(), func(c *Config) { c.MaxRecipients = 1 }), []string{"bob@example.jp", "alice@example.jp"}, true, true},
		{"mixed", with(mxConfig(), func(c *Config) { c.MaxRecipients = 1 }), []string{"green@example.jp", "bob@example.jp", "alice@example.jp"}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClient(Job{Helo: "a.example", From: "x@a.example", To: tc.to, Data: "x"})
			got, _ := converse(t, c, NewServer(tc.cfg, outPeer))
			res := c.Result()
			if res.Sent != tc.sent || res.Transient != tc.transient || res.Failure != nil || len(res.Rejected)+len(res.Accepted) != len(tc.to) {
				t.Errorf("Result = %+v", res)
			}
			if !tc.sent && strings.Contains(got, "C: DATA") {
				t.Errorf("DATA sent with no recipient accepted:\n%s", got)
			}
		})
	}
}

func TestClientBounceAndEightBit(t *testing.T) {
	c := NewClient(Job{Helo: "mx.example.jp", To: []string{"bob@example.jp"}, Data: "Subject: 配送エラー\n\n本文\n"})
	got, msgs := converse(t, c, NewServer(mxConfig(), outPeer))
	// RFC 5321 4.5.5: a bounce has the null reverse-path; RFC 6152 3: 8-bit
	// text is declared when the server offers 8BITMIME.
	if !strings.Contains(got, "C: MAIL FROM:<> BODY=8BITMIME\nS: 250 2.1.0 Ok") || len(msgs) != 1 || msgs[0].From != "" {
		t.Errorf("transcript:\n%s", got)
	}
	c = NewClient(Job{Helo: "a.example", From: "山田@例え.jp", To: []string{"bob@example.jp"}, Data: "x"})
	got, _ = converse(t, c, NewServer(mxConfig(), outPeer))
	if !strings.Contains(got, "C: MAIL FROM:<山田@例え.jp> SMTPUTF8\nS: 250 2.1.0 Ok") {
		t.Errorf("transcript:\n%s", got)
	}
}

// runClientScript drives a client alone with the S: replies of a script and
// checks its C: lines; "-- done" marks where Next returns nil.
func runClientScript(t *testing.T, job Job, script string) *Client {
	t.Helper()
	want := cleanScript(script)
	c := NewClient(job)
	var got strings.Builder
	var p ReplyParser
	for _, line := range strings.Split(want, "\n") {
		if !strings.HasPrefix(line, "S: ") {
			continue
		}
		got.WriteString(line + "\n")
		r, done, err := p.Feed(line[3:])
		if err != nil {
			t.Fatal(err)
		}
		if !done {
			continue
		}
		lines := c.Next(r)
		for _, l := range lines {
			got.WriteString("C: " + l + "\n")
		}
		if lines == nil {
			got.WriteString("-- done\n")
		}
	}
	if g := strings.TrimSuffix(got.String(), "\n"); g != want {
		t.Errorf("client lines differ\n--- got\n%s\n--- want\n%s", g, want)
	}
	return c
}

var simpleJob = Job{Helo: "a.example", From: "x@a.example", To: []string{"bob@example.jp"}, Data: "hi\n"}

func TestClientScripts(t *testing.T) {
	t.Run("554 greeting", func(t *testing.T) {
		c := runClientScript(t, simpleJob, `
			S: 554 mx.example.jp No SMTP service here
			C: QUIT
			S: 221 2.0.0 Bye
			-- done`)
		if res := c.Result(); res.Failure == nil || res.Failure.Code != 554 || res.Transient || !c.Done() {
			t.Errorf("Result = %+v", res)
		}
	})
	t.Run("421 greeting ends at once", func(t *testing.T) {
		c := runClientScript(t, simpleJob, `
			S: 421 4.3.2 mx.example.jp Service not available
			-- done
			S: 250 late
			-- done`)
		if res := c.Result(); res.Failure == nil || res.Failure.Code != 421 || !res.Transient {
			t.Errorf("Result = %+v", res)
		}
	})
	t.Run("fallback to HELO", func(t *testing.T) {
		runClientScript(t, simpleJob, `
			S: 220 old.example SMTP
			C: EHLO a.example
			S: 502 5.5.2 Error: command not recognized
			C: HELO a.example
			S: 250 old.example
			C: MAIL FROM:<x@a.example>
			S: 250 Ok
			C: RCPT TO:<bob@example.jp>
			S: 250 Ok
			C: DATA
			S: 354 go ahead
			C: hi
			C: .
			S: 250 Ok
			C: QUIT
			S: 221 Bye
			-- done`)
	})
	t.Run("421 in the middle", func(t *testing.T) {
		c := runClientScript(t, simpleJob, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250 mx
			C: MAIL FROM:<x@a.example>
			S: 421 4.7.0 mx Error: too many errors
			-- done`)
		if res := c.Result(); res.Failure == nil || res.Failure.Code != 421 || !res.Transient || res.Sent {
			t.Errorf("Result = %+v", res)
		}
	})
	t.Run("temporary failure after the data", func(t *testing.T) {
		c := runClientScript(t, simpleJob, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250-mx
			S: 250 PIPELINING
			C: MAIL FROM:<x@a.example>
			S: 250 2.1.0 Ok
			C: RCPT TO:<bob@example.jp>
			S: 250 2.1.5 Ok
			C: DATA
			S: 354 End data with <CR><LF>.<CR><LF>
			C: hi
			C: .
			S: 451 4.3.0 Error: queue file write error
			C: QUIT
			S: 221 2.0.0 Bye
			-- done`)
		if res := c.Result(); res.Failure == nil || res.Failure.Code != 451 || !res.Transient || res.Sent || res.Accepted != nil {
			t.Errorf("Result = %+v", res)
		}
	})
	t.Run("data refused", func(t *testing.T) {
		c := runClientScript(t, simpleJob, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250 mx
			C: MAIL FROM:<x@a.example>
			S: 250 Ok
			C: RCPT TO:<bob@example.jp>
			S: 250 Ok
			C: DATA
			S: 554 5.5.1 Error: no valid recipients
			C: QUIT
			S: 221 Bye
			-- done`)
		if res := c.Result(); res.Failure == nil || res.Failure.Code != 554 || res.Sent {
			t.Errorf("Result = %+v", res)
		}
	})
	t.Run("an unexpected challenge is cancelled", func(t *testing.T) {
		job := simpleJob
		job.Auth = &Auth{User: "alice", Pass: "secret"}
		runClientScript(t, job, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250-mx
			S: 250 AUTH LOGIN PLAIN
			C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
			S: 334 
			C: *
			S: 501 5.7.0 Authentication aborted
			C: QUIT
			S: 221 Bye
			-- done`)
	})
	t.Run("a long PLAIN response waits for the empty challenge", func(t *testing.T) {
		job := simpleJob
		job.Auth = &Auth{User: "alice", Pass: strings.Repeat("p", 400)}
		long := plainResponse(job.Auth)
		runClientScript(t, job, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250-mx
			S: 250 AUTH PLAIN
			C: AUTH PLAIN
			S: 334 
			C: `+long+`
			S: 235 2.7.0 Authentication successful
			C: MAIL FROM:<x@a.example>`)
	})
	t.Run("mechanism not offered", func(t *testing.T) {
		job := simpleJob
		job.Auth = &Auth{Mechanism: "LOGIN", User: "alice", Pass: "secret"}
		c := runClientScript(t, job, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250-mx
			S: 250 AUTH PLAIN CRAM-MD5
			C: QUIT
			S: 221 Bye
			-- done`)
		if !c.Result().AuthUnavailable {
			t.Errorf("Result = %+v", c.Result())
		}
	})
	t.Run("no recipients", func(t *testing.T) {
		job := simpleJob
		job.To = nil
		runClientScript(t, job, `
			S: 220 mx ESMTP
			C: EHLO a.example
			S: 250 mx
			C: QUIT
			S: 221 Bye
			-- done`)
	})
}

// TestClientStartTLS: RFC 3207 4 and 4.2. The client asks for STARTTLS
// after the first EHLO, says EHLO again inside TLS and only then logs in;
// a server that does not offer STARTTLS, or refuses it, makes it quit
// without sending the password in the clear.
func TestClientStartTLS(t *testing.T) {
	job := Job{Helo: "pc10", Auth: &Auth{User: "alice", Pass: "secret"}, From: "alice@isp.example",
		To: []string{"bob@example.jp"}, Data: "Subject: x\n\nhi\n", StartTLS: true}
	c := NewClient(job)
	converseScript(t, c, NewServer(submissionTLSConfig(), homePeer), `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10
		S: 250-mail.isp.example
		S: 250-PIPELINING
		S: 250-SIZE 10240000
		S: 250-STARTTLS
		S: 250-ENHANCEDSTATUSCODES
		S: 250-8BITMIME
		S: 250 SMTPUTF8
		C: STARTTLS
		S: 220 2.0.0 Ready to start TLS
		-- tls
		C: EHLO pc10`+submissionEHLO+`
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: Subject: x
		C: 
		C: hi
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<alice@isp.example> to=<bob@example.jp> helo=pc10 esmtp user=alice bytes=18
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	if r := c.Result(); !r.Sent || r.TLSUnavailable {
		t.Errorf("Result = %+v", r)
	}

	c = NewClient(job)
	converseScript(t, c, NewServer(submissionConfig(), homePeer), `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10`+submissionEHLO+`
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		-- done`)
	if r := c.Result(); r.Sent || !r.TLSUnavailable || r.Failure == nil || r.Failure.Code != 250 || r.FailedAt != "EHLO" {
		t.Errorf("without STARTTLS offered: Result = %+v", r)
	}

	// A server that offers STARTTLS but refuses it (RFC 3207 4: 454).
	c = NewClient(job)
	c.Next(Reply{Code: 220, Lines: []string{"x"}})
	if got := c.Next(Reply{Code: 250, Lines: []string{"x", "STARTTLS"}}); len(got) != 1 || got[0] != "STARTTLS" {
		t.Fatalf("after EHLO: %q", got)
	}
	if got := c.Next(Reply{Code: 454, Enhanced: "4.7.0", Lines: []string{"TLS not available"}}); len(got) != 1 || got[0] != "QUIT" {
		t.Fatalf("after 454: %q", got)
	}
	if r := c.Result(); !r.TLSUnavailable || !r.Transient || r.FailedAt != "STARTTLS" {
		t.Errorf("after 454: Result = %+v", r)
	}
}

// TestHas8bit puts one byte outside ASCII at every place of strings of
// every length up to 20, across has8bit's eight-byte steps and its tail.
func TestHas8bit(t *testing.T) {
	for n := 0; n <= 20; n++ {
		ascii := strings.Repeat("\x7f", n)
		if has8bit(ascii) {
			t.Errorf("has8bit(%q) = true", ascii)
		}
		for i := range n {
			s := ascii[:i] + "\x80" + ascii[i+1:]
			if !has8bit(s) {
				t.Errorf("has8bit(%q) = false", s)
			}
		}
	}
}

// TestEHLOKeyword checks ehloKeyword against strings.EqualFold, the
// comparison it stands for, on ASCII keywords in any case and on ones that
// fold to a keyword only under Unicode rules.
func TestEHLOKeyword(t *testing.T) {
	for _, kw := range []string{"AUTH", "auth", "Auth", "8bitmime", "SMTPUTF8", "smtputf8", "StartTLS", "STARTTLS",
		"PIPELINING", "SIZE", "", "AUT", "AUTHX", "STARTTLSX", "ſmtputf8", "ſtarttls", "\u212aUTH", "AUTH\x00", "ENHANCEDSTATUSCODES", "ENHANCEDSTATUSCODESſ"} {
		want := ""
		for _, k := range ehloKeywords {
			if strings.EqualFold(kw, k) {
				want = k
			}
		}
		if got := ehloKeyword(kw); got != want {
			t.Errorf("ehloKeyword(%q) = %q, want %q", kw, got, want)
		}
	}
}
