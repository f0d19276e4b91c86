package pop3

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// converse wires a client to a server through the wire form of every
// response (Line, then the Assembler, as a real connection would carry them)
// and returns the transcript and the server's last Result.
func converse(t *testing.T, srv *Server, cli *Client) (string, Result) {
	t.Helper()
	var b strings.Builder
	var a Assembler
	var last Result
	r, cmd := srv.Greeting(), ""
	for steps := 0; ; steps++ {
		if steps > 100 {
			t.Fatalf("no end after %d commands:\n%s", steps, b.String())
		}
		writeResponse(&b, r)
		a.Expect(cmd)
		var got Response
		for i := 0; i < r.NumLines(); i++ {
			var done bool
			var err error
			got, done, err = a.Feed(r.Line(i) + "\r\n")
			if err != nil || done != (i == r.NumLines()-1) {
				t.Fatalf("wire line %d of %q: done=%v err=%v", i, r.Line(0), done, err)
			}
		}
		line, done := cli.Next(got)
		if cli.NeedTLS() {
			if !last.StartTLS {
				t.Fatal("the client starts TLS but the server did not")
			}
			srv.TLSStarted()
			b.WriteString("-- tls\n")
			line = cli.TLSStarted()
		}
		if done {
			if !last.Close {
				t.Errorf("client done but the server did not close")
			}
			return b.String(), last
		}
		if last.Close {
			t.Fatalf("client sends %q after the server closed", line)
		}
		b.WriteString("C: " + line + "\n")
		last = srv.Handle(line)
		r, cmd = last.Response, line
	}
}

func TestClientRFC1939Example(t *testing.T) {
	srv := NewServer(rfcConfig())
	cli := NewClient(Job{User: "mrose", Pass: "tanstaaf", APOP: true})
	got, last := converse(t, srv, cli)
	compareTranscript(t, got, rfc1939Example)
	res := cli.Result()
	if !res.LoggedIn || res.Deleted != 2 || res.Failure != nil || res.Err != nil {
		t.Errorf("result %+v", res)
	}
	if len(res.Messages) != 2 || string(res.Messages[0]) != roseMsg1 || string(res.Messages[1]) != roseMsg2 {
		t.Errorf("messages %q", res.Messages)
	}
	if len(last.Delete) != 2 {
		t.Errorf("server deletes %q", last.Delete)
	}
}

const clientUserPass = loggedIn + `
C: STAT
S: +OK 2 171
C: LIST
S: +OK 2 messages (171 octets)
S: 1 102
S: 2 69
S: .
C: RETR 1
S: +OK 102 octets
S: From: alice@isp.example
S: To: bob@example.jp
S: Subject: Hello
S: 
S: Hi Bob,
S: ..signature follows
S: ..
S: Alice
S: .
C: DELE 1
S: +OK message 1 deleted
C: RETR 2
S: +OK 69 octets
S: From: carol@example.jp
S: To: bob@example.jp
S: Subject: Lunch
S: 
S: Noon?
S: .
C: DELE 2
S: +OK message 2 deleted
C: QUIT
S: +OK mail.example.jp POP3 server signing off (maildrop empty)
`

func TestClientUserPass(t *testing.T) {
	srv := NewServer(testConfig())
	cli := NewClient(Job{User: "bob", Pass: "hunter2"})
	got, last := converse(t, srv, cli)
	compareTranscript(t, got, clientUserPass)
	res := cli.Result()
	// The byte-stuffed lines of message 1 come back as they were.
	if len(res.Messages) != 2 || string(res.Messages[0]) != bobMsg1 || string(res.Messages[1]) != bobMsg2 {
		t.Errorf("messages %q", res.Messages)
	}
	if res.Deleted != 2 || !slices.Equal(last.Delete, []string{bobUID1, bobUID2}) {
		t.Errorf("Deleted %d, server deletes %q", res.Deleted, last.Delete)
	}
}

func TestClientKeep(t *testing.T) {
	const want = `S: +OK mail.example.jp POP3 server ready
C: USER erin
S: +OK send PASS
C: PASS s3cret
S: +OK erin's maildrop has 1 message (69 octets)
C: STAT
S: +OK 1 69
C: LIST
S: +OK 1 message (69 octets)
S: 1 69
S: .
C: RETR 1
S: +OK 69 octets
S: From: carol@example.jp
S: To: bob@example.jp
S: Subject: Lunch
S: 
S: Noon?
S: .
C: QUIT
S: +OK mail.example.jp POP3 server signing off (1 message left)
`
	cli := NewClient(Job{User: "erin", Pass: "s3cret", Keep: true})
	got, last := converse(t, NewServer(testConfig()), cli)
	compareTranscript(t, got, want)
	if res := cli.Result(); len(res.Messages) != 1 || res.Deleted != 0 || last.Delete != nil {
		t.Errorf("result %+v, server deletes %q", res, last.Delete)
	}
}

func TestClientBadPassword(t *testing.T) {
	const want = `S: +OK mail.example.jp POP3 server ready
C: USER bob
S: +OK send PASS
C: PASS hunter3
S: -ERR [AUTH] invalid user name or password
C: QUIT
S: +OK mail.example.jp POP3 server signing off
`
	cli := NewClient(Job{User: "bob", Pass: "hunter3"})
	got, _ := converse(t, NewServer(testConfig()), cli)
	compareTranscript(t, got, want)
	res := cli.Result()
	if res.LoggedIn || res.Failure == nil || res.Failure.Code() != CodeAuth || res.Err != nil {
		t.Errorf("result %+v", res)
	}
}

func TestClientEmptyMaildrop(t *testing.T) {
	const want = `S: +OK mail.example.jp POP3 server ready
C: USER dave
S: +OK send PASS
C: PASS letmein
S: +OK dave's maildrop has 0 messages (0 octets)
C: STAT
S: +OK 0 0
C: QUIT
S: +OK mail.example.jp POP3 server signing off (maildrop empty)
`
	cli := NewClient(Job{User: "dave", Pass: "letmein"})
	got, _ := converse(t, NewServer(testConfig()), cli)
	compareTranscript(t, got, want)
	if res := cli.Result(); !res.LoggedIn || len(res.Messages) != 0 || res.Failure != nil {
		t.Errorf("result %+v", res)
	}
}

func TestClientAPOPWithoutTimestamp(t *testing.T) {
	const want = `S: +OK mail.example.jp POP3 server ready
C: QUIT
S: +OK mail.example.jp POP3 server signing off
`
	cli := NewClient(Job{User: "bob", Pass: "hunter2", APOP: true})
	got, _ := converse(t, NewServer(testConfig()), cli)
	compareTranscript(t, got, want)
	if res := cli.Result(); !errors.Is(res.Err, ErrNoTimestamp) || res.LoggedIn {
		t.Errorf("result %+v", res)
	}
}

func TestClientBadJob(t *testing.T) {
	for _, job := range []Job{
		{User: "", Pass: "x"},
		{User: "bob", Pass: ""},
		{User: "bob smith", Pass: "x"},
		{User: "bob", Pass: "x\r\nDELE 1"},
		{User: "bob\n", Pass: "x"},
		{User: "bob", Pass: strings.Repeat("p", 250)},
	} {
		cli := NewClient(job)
		if line, done := cli.Next(Response{OK: true, Text: "ready"}); line != CmdQUIT || done {
			t.Errorf("%+v: first command %q, done=%v; want QUIT", job, line, done)
		}
		if res := cli.Result(); !errors.Is(res.Err, ErrBadJob) {
			t.Errorf("%+v: Err = %v", job, res.Err)
		}
	}
}

// scripted drives a client with hand-made responses and returns the commands.
func scripted(cli *Client, responses ...Response) []string {
	var cmds []string
	for _, r := range responses {
		line, done := cli.Next(r)
		if done {
			cmds = append(cmds, "<done>")
			break
		}
		cmds = append(cmds, line)
	}
	return cmds
}

func ok(text string, lines ...string) Response {
	return Response{OK: true, Text: text, Multi: lines != nil, Lines: lines}
}

func TestClientAgainstOddServers(t *testing.T) {
	job := Job{User: "u", Pass: "p"}
	cases := []struct {
		name      string
		responses []Response
		want      []string
		check     func(ClientResult) bool
	}{
		{
			"-ERR greeting",
			[]Response{{Text: "go away"}, ok("bye")},
			[]string{"QUIT", "<done>"},
			func(r ClientResult) bool { return r.Failure != nil && r.Failure.Text == "go away" },
		},
		{
			"-ERR to USER",
			[]Response{ok("hi"), {Text: "no"}, ok("bye")},
			[]string{"USER u", "QUIT", "<done>"},
			func(r ClientResult) bool { return r.Failure != nil && !r.LoggedIn },
		},
		{
			"-ERR to STAT",
			[]Response{ok("hi"), ok(""), ok(""), {Text: "[SYS/TEMP] busy"}, ok("bye")},
			[]string{"USER u", "PASS p", "STAT", "QUIT", "<done>"},
			func(r ClientResult) bool { return r.LoggedIn && r.Failure.Code() == "SYS/TEMP" },
		},
		{
			"malformed STAT, LIST with extra information and a bad line",
			[]Response{ok("hi"), ok(""), ok(""), ok("lots"), ok("2 messages", "1 10 extra", "junk", "2 20"),
				ok("10 octets", "a"), ok(""), {Text: "no such message"}, ok("bye")},
			[]string{"USER u", "PASS p", "STAT", "LIST", "RETR 1", "DELE 1", "RETR 2", "QUIT", "<done>"},
			func(r ClientResult) bool {
				return errors.Is(r.Err, ErrMalformed) && len(r.Messages) == 1 && r.Deleted == 1 && r.Failure == nil
			},
		},
		{
			"-ERR to DELE and to QUIT",
			[]Response{ok("hi"), ok(""), ok(""), ok("1 1"), ok("", "7 1"), ok("", "x"), {Text: "locked"},
				{Text: "some deleted messages not removed"}, ok("extra")},
			[]string{"USER u", "PASS p", "STAT", "LIST", "RETR 7", "DELE 7", "QUIT", "<done>"},
			func(r ClientResult) bool {
				return r.Deleted == 0 && r.Failure != nil && r.Failure.Text == "some deleted messages not removed"
			},
		},
		{
			"STAT says 00",
			[]Response{ok("hi"), ok(""), ok(""), ok("00 0"), ok("")},
			[]string{"USER u", "PASS p", "STAT", "QUIT", "<done>"},
			func(r ClientResult) bool { return r.Err == nil },
		},
		{
			"huge message number in LIST",
			[]Response{ok("hi"), ok(""), ok(""), ok("1 1"), ok("", "99999999999 1"), ok("")},
			[]string{"USER u", "PASS p", "STAT", "LIST", "QUIT", "<done>"},
			func(r ClientResult) bool { return errors.Is(r.Err, ErrMalformed) },
		},
	}
	for _, c := range cases {
		cli := NewClient(job)
		got := scripted(cli, c.responses...)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: commands %q, want %q", c.name, got, c.want)
		}
		if res := cli.Result(); !c.check(res) {
			t.Errorf("%s: result %+v", c.name, res)
		}
		// Once done, a client stays done.
		if line, done := cli.Next(ok("more")); line != "" || !done {
			t.Errorf("%s: after done Next = %q, %v", c.name, line, done)
		}
	}
}

// Messages of every awkward shape survive RETR, byte-stuffing, the wire and
// the client, and arrive with exactly the size LIST announced.
func TestDotStuffingRoundTrip(t *testing.T) {
	bodies := []string{
		"",
		".\r\n",
		"..\r\n",
		"...\r\n",
		"Subject: dots\r\n\r\n.\r\n..\r\n...\r\n.x\r\n x\r\n.\r\n",
		"Subject: no final CRLF\r\n\r\nlast line",
		"Subject: bare LF\n\n.hidden\n",
		"\r\n\r\n\r\n",
		".\r\n.\r\n",
	}
	var msgs []Message
	for i, b := range bodies {
		msgs = append(msgs, Message{UID: "m" + string(rune('a'+i)), Data: b})
	}
	cfg := testConfig()
	cfg.Open = func(string) []Message { return msgs }
	srv := NewServer(cfg)
	cli := NewClient(Job{User: "bob", Pass: "hunter2"})
	transcript, last := converse(t, srv, cli)
	res := cli.Result()
	if len(res.Messages) != len(bodies) || len(last.Delete) != len(bodies) {
		t.Fatalf("got %d messages, server deletes %d; want %d\n%s", len(res.Messages), len(last.Delete), len(bodies), transcript)
	}
	for i, b := range bodies {
		want := string(join(splitLines(b))) // the message with CRLF line ends
		if got := string(res.Messages[i]); got != want {
			t.Errorf("message %d: got %q, want %q", i+1, got, want)
		}
		if len(res.Messages[i]) != wireSize(b) {
			t.Errorf("message %d: %d octets, LIST said %d", i+1, len(res.Messages[i]), wireSize(b))
		}
	}
	if !strings.Contains(transcript, "S: ...\n") || !strings.Contains(transcript, "S: ..x\n") {
		t.Errorf("transcript shows no byte-stuffing:\n%s", transcript)
	}
}

// TestClientSTLS: RFC 2595 4. The client asks CAPA, starts TLS with STLS,
// then logs in; when STLS is not offered it quits without a password.
func TestClientSTLS(t *testing.T) {
	cfg := testConfig()
	cfg.STLS = true
	cli := NewClient(Job{User: "bob", Pass: "hunter2", Keep: true, STLS: true})
	got, _ := converse(t, NewServer(cfg), cli)
	want := `S: +OK mail.example.jp POP3 server ready
C: CAPA
S: +OK Capability list follows
S: TOP
S: RESP-CODES
S: AUTH-RESP-CODE
S: UIDL
S: STLS
S: IMPLEMENTATION mailsim
S: .
C: STLS
S: +OK Begin TLS negotiation
-- tls
C: CAPA
S: +OK Capability list follows
S: TOP
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: UIDL
S: IMPLEMENTATION mailsim
S: .
C: USER bob
S: +OK send PASS
C: PASS hunter2
`
	if !strings.HasPrefix(got, want) {
		t.Errorf("transcript starts\n%s\nwant\n%s", got[:min(len(got), len(want)+40)], want)
	}
	if r := cli.Result(); !r.LoggedIn || len(r.Messages) != 2 || r.TLSUnavailable {
		t.Errorf("Result = %+v", r)
	}

	cli = NewClient(Job{User: "bob", Pass: "hunter2", STLS: true})
	got, _ = converse(t, NewServer(testConfig()), cli)
	if strings.Contains(got, "C: PASS") || strings.Contains(got, "C: USER") || !strings.HasSuffix(got, "C: QUIT\nS: +OK mail.example.jp POP3 server signing off\n") {
		t.Errorf("without STLS offered:\n%s", got)
	}
	if r := cli.Result(); !r.TLSUnavailable || r.LoggedIn {
		t.Errorf("without STLS offered: Result = %+v", r)
	}
}
