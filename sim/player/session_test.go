package player

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// sessionAt reconstructs connection conn from the fixture's events up to
// and including the first line that starts with prefix.
func sessionAt(t *testing.T, conn int, prefix string) Session {
	t.Helper()
	topo := fixtureTopology()
	events := fixtureEvents(topo)
	for i := range events {
		if events[i].Conn == conn && line(prefix)(&events[i]) {
			s, ok := SessionOf(events[:i+1], conn)
			if !ok {
				t.Fatalf("no connection %d before %q", conn, prefix)
			}
			return s
		}
	}
	t.Fatalf("no line %q", prefix)
	return Session{}
}

func TestSMTPSession(t *testing.T) {
	tests := []struct {
		at    string
		check func(s Session) string
	}{
		{"220 mail.isp.example", func(s Session) string {
			return want(s.Phase == Open && s.Helo == "" && s.State == "GREETED" && s.LastReply == "220 mail.isp.example ESMTP ready", "greeted, no HELO yet")
		}},
		{"250-AUTH", func(s Session) string {
			return want(s.Helo == "", "HELO name only once the reply is complete (RFC 5321 4.2.1)")
		}},
		{"250 ENHANCEDSTATUSCODES", func(s Session) string {
			return want(s.Helo == "alice-pc" && s.LastReply == "250-mail.isp.example" && s.State == "READY", "HELO alice-pc, last reply's first line")
		}},
		{"235 ", func(s Session) string { return want(s.Auth, "authenticated by 235") }},
		{"RCPT TO:<bob", func(s Session) string {
			return want(s.MailFrom == "<alice@isp.example>" && len(s.Rcpts) == 0, "reverse-path set, RCPT not yet answered")
		}},
		{"354 ", func(s Session) string {
			return want(s.InData && strings.Join(s.Rcpts, " ") == "<bob@example.jp> <carol@example.jp>", "in DATA with two recipients")
		}},
		{"250 2.0.0 Ok: queued as 1A2B3C", func(s Session) string {
			return want(!s.InData && s.Accepted == 1 && s.MailFrom == "" && s.Rcpts == nil, "one message accepted, transaction reset (RFC 5321 4.1.4)")
		}},
	}
	for _, tc := range tests {
		if msg := tc.check(sessionAt(t, 2, tc.at)); msg != "" {
			t.Errorf("at %q: %s", tc.at, msg)
		}
	}
	// RFC 5321 Appendix D.1: one refused recipient does not stop the others.
	s := sessionAt(t, 3, "354 ")
	if strings.Join(s.Rcpts, " ") != "<bob@example.jp>" || strings.Join(s.Rejected, " ") != "<carol@example.jp> 550" {
		t.Errorf("relay: rcpts %q rejected %q", s.Rcpts, s.Rejected)
	}
}

func TestPOP3Session(t *testing.T) {
	s := sessionAt(t, 4, "+OK 2 640")
	if s.User != "bob" || !s.LoggedIn || !s.HaveStat || s.Messages != 2 || s.Octets != 640 || s.State != "TRANSACTION" {
		t.Errorf("after STAT: %+v", s)
	}
	s = sessionAt(t, 4, "+OK message 2 deleted")
	if joinInts(s.Retrieved) != "1" || joinInts(s.Deleted) != "1, 2" || s.Updated {
		t.Errorf("after DELE 2: retrieved %v deleted %v updated %v", s.Retrieved, s.Deleted, s.Updated)
	}
	// RFC 1939 6: the deletions happen when QUIT ends TRANSACTION.
	s = sessionAt(t, 4, "+OK bob POP3 server signing off")
	if !s.Updated || s.State != "UPDATE" {
		t.Errorf("after QUIT: updated %v state %q", s.Updated, s.State)
	}
}

func TestSessionEdges(t *testing.T) {
	c := trace.Endpoint{Host: "c", Port: 5000}
	srv := trace.Endpoint{Host: "s", Port: 110}
	ln := func(dir trace.Dir, text, status string) trace.Event {
		e := trace.Event{Kind: trace.Line, Conn: 7, Proto: trace.POP3, Dir: dir, Line: text, Tag: trace.Tag{Status: map[string]trace.Status{"+OK": trace.OK, "-ERR": trace.Err}[status], Last: true}}
		if dir == trace.ClientToServer {
			e.Src, e.Dst = c, srv
			e.Tag.Verb = strings.ToUpper(firstField(text))
		} else {
			e.Src, e.Dst = srv, c
		}
		return e
	}
	events := []trace.Event{
		{Kind: trace.Connect, Conn: 7, Proto: trace.TCP, Src: c, Dst: srv},
		ln(trace.ServerToClient, "+OK ready", "+OK"),
		ln(trace.ClientToServer, "USER bob", ""),
		ln(trace.ServerToClient, "+OK", "+OK"),
		ln(trace.ClientToServer, "PASS wrong", ""),
		ln(trace.ServerToClient, "-ERR invalid password", "-ERR"),
		ln(trace.ClientToServer, "PASS hunter2", ""),
		ln(trace.ServerToClient, "+OK", "+OK"),
		ln(trace.ClientToServer, "DELE 1", ""),
		ln(trace.ServerToClient, "+OK", "+OK"),
		ln(trace.ClientToServer, "DELE x", ""),
		ln(trace.ServerToClient, "-ERR no such message", "-ERR"),
		ln(trace.ClientToServer, "RSET", ""),
		ln(trace.ServerToClient, "+OK", "+OK"),
		ln(trace.ClientToServer, "STAT", ""),
		ln(trace.ServerToClient, "+OK two", "+OK"), // not numbers: ignored
		{Kind: trace.Close, Conn: 7, Src: srv, Dst: c},
	}
	ss := Sessions(events)
	if len(ss) != 1 {
		t.Fatalf("%d sessions, want 1", len(ss))
	}
	s := ss[0]
	if !s.LoggedIn || s.Deleted != nil || s.HaveStat || s.Phase != Closed || s.Proto != trace.POP3 {
		t.Errorf("session = %+v", s)
	}
	if _, ok := SessionOf(events, 0); ok {
		t.Error("connection 0 is a session")
	}
}

func TestPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MAIL FROM:<a@b.example> SIZE=100", "<a@b.example>"},
		{"RCPT TO:<b@c.example>", "<b@c.example>"},
		{"MAIL FROM:<>", "<>"},
		{"RCPT TO: <spaced@example>", "<spaced@example>"},
		{"RCPT TO:bare@example NOTIFY=NEVER", "bare@example"},
		{"RCPT TO:<unterminated", "<unterminated"},
		{"MAIL", ""},
	}
	for _, tc := range tests {
		if got := path(tc.in); got != tc.want {
			t.Errorf("path(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func want(ok bool, what string) string {
	if ok {
		return ""
	}
	return "want " + what
}

// FuzzSessions feeds arbitrary command and reply lines through the session
// reconstruction and the renderer: neither may panic, and frames keep their
// size.
func FuzzSessions(f *testing.F) {
	f.Add(uint8(trace.SMTP), "MAIL FROM:<a@b>", "250 2.1.0 Ok", false)
	f.Add(uint8(trace.POP3), "STAT", "+OK 1 2", true)
	f.Add(uint8(trace.POP3), "DELE 99999999999999999999", "+OK", true)
	f.Add(uint8(trace.SMTP), "\x1b[2J\x00", "55", false)
	f.Fuzz(func(t *testing.T, proto uint8, cmd, reply string, multi bool) {
		c := trace.Endpoint{Host: "c", Port: 1}
		s := trace.Endpoint{Host: "s", Port: 2}
		p := trace.Proto(proto % 6)
		status := trace.NoStatus
		if strings.HasPrefix(reply, "+OK") {
			status = trace.OK
		}
		events := []trace.Event{
			{Kind: trace.Connect, Conn: 1, Src: c, Dst: s},
			{Kind: trace.Line, Conn: 1, Proto: p, Dir: trace.ClientToServer, Src: c, Dst: s, Line: cmd, Tag: trace.Tag{Verb: strings.ToUpper(firstField(cmd)), Last: true}},
			{Kind: trace.Line, Conn: 1, Proto: p, Dir: trace.ServerToClient, Src: s, Dst: c, Line: reply, Tag: trace.Tag{Status: status, Last: !multi, Code: transcript.ReplyCode(reply)}},
			{Kind: trace.Line, Conn: 1, Proto: p, Dir: trace.ServerToClient, Src: s, Dst: c, Line: reply, Tag: trace.Tag{Last: true}},
		}
		Sessions(events)
		m := NewModel(nil, events)
		m.Seek(m.Len())
		for _, pane := range []Pane{PaneDialogue, PaneState, PaneTranscript, PaneExplain} {
			v := &View{Width: 40, Height: 12, Pane: pane, Explain: fixtureExplain}
			checkFrame(t, Render(m, v), v)
		}
	})
}
