package player

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// connAt returns connection conn as the fixture's events state it up to
// and including the first line that starts with prefix.
func connAt(t *testing.T, conn int, prefix string) Connection {
	t.Helper()
	topo := fixtureTopology()
	events := fixtureEvents(topo)
	for i := range events {
		if events[i].Conn == conn && line(prefix)(&events[i]) {
			c, ok := ConnectionOf(events[:i+1], conn)
			if !ok {
				t.Fatalf("no connection %d before %q", conn, prefix)
			}
			return c
		}
	}
	t.Fatalf("no line %q on connection %d", prefix, conn)
	return Connection{}
}

// The state is the server's latest snapshot: a line of a reply that is not
// its last carries none, so the state before the reply stays.
func TestConnectionSMTP(t *testing.T) {
	tests := []struct {
		at    string
		check func(c Connection) string
	}{
		{"220 mail.isp.example", func(c Connection) string {
			return want(c.Phase == Open && c.Session != nil && c.Session.State == "CONNECTED" &&
				c.LastReply == "220 mail.isp.example ESMTP ready" && c.LastCommand == "", "greeted, no command yet")
		}},
		{"EHLO alice-pc", func(c Connection) string {
			return want(c.LastCommand == "EHLO alice-pc" && c.Session.State == "CONNECTED", "EHLO sent, not answered")
		}},
		{"250-AUTH", func(c Connection) string {
			return want(c.Session.Helo == "" && c.LastReply == "250-mail.isp.example", "no snapshot inside a multi-line reply (RFC 5321 4.2.1)")
		}},
		{"250 ENHANCEDSTATUSCODES", func(c Connection) string {
			return want(c.Session.Helo == "alice-pc" && c.LastReply == "250-mail.isp.example" && c.Session.State == "READY", "HELO alice-pc, last reply's first line")
		}},
		{"235 ", func(c Connection) string { return want(c.Session.AuthUser == "alice", "authenticated as alice") }},
		{"354 ", func(c Connection) string {
			return want(c.Session.InMail && strings.Join(c.Session.Rcpts, " ") == "bob@example.jp carol@example.jp", "in DATA with two recipients")
		}},
		{"Subject: Hello", func(c Connection) string {
			return want(c.LastCommand == "DATA" && c.Session.State == "DATA", "message text is no command")
		}},
		{"250 2.0.0 Ok: queued as 1A2B3C", func(c Connection) string {
			return want(c.Session.Accepted == 1 && !c.Session.InMail, "one message accepted")
		}},
	}
	for _, tc := range tests {
		if msg := tc.check(connAt(t, 2, tc.at)); msg != "" {
			t.Errorf("at %q: %s", tc.at, msg)
		}
	}
	c := connAt(t, 4, "354 ")
	if s := c.Session; strings.Join(s.Rcpts, " ") != "bob@example.jp" || strings.Join(s.Rejected, " ") != "<carol@example.jp> 550" {
		t.Errorf("relay: rcpts %q rejected %q", s.Rcpts, s.Rejected)
	}
}

func TestConnectionPOP3(t *testing.T) {
	c := connAt(t, 5, "+OK 2 640")
	if s := c.Session; s.User != "bob" || !s.LoggedIn || s.Messages != 2 || s.Octets != 640 || s.State != "TRANSACTION" {
		t.Errorf("after STAT: %+v", s)
	}
	c = connAt(t, 5, "Subject: Hello")
	if len(c.Session.Retrieved) != 0 || c.LastReply != "+OK 320 octets" {
		t.Errorf("inside RETR's response: retrieved %v, last reply %q", c.Session.Retrieved, c.LastReply)
	}
	c = connAt(t, 5, "+OK message 2 deleted")
	if s := c.Session; joinInts(s.Retrieved) != "1" || joinInts(s.Marked) != "1, 2" || s.Deleted != 0 {
		t.Errorf("after DELE 2: %+v", s)
	}
	c = connAt(t, 5, "+OK bob POP3 server signing off")
	if s := c.Session; s.Deleted != 2 || s.State != "UPDATE" {
		t.Errorf("after QUIT: %+v", s)
	}
}

func TestConnectionDNS(t *testing.T) {
	c := connAt(t, 3, "QUERY MX")
	if c.Proto != trace.DNS || c.Phase != NoTCP || len(c.DNS) != 1 || c.DNS[0].Answered {
		t.Fatalf("question asked: %+v", c)
	}
	c = connAt(t, 3, "example.jp. 3600")
	x := c.DNS[0]
	if x.Query != "MX example.jp" || x.RCode != "NOERROR" || !x.Answered || len(x.Lines) != 2 || x.Lines[1] != "example.jp. 3600 IN MX 10 mx.example.jp." {
		t.Errorf("answered: %+v", x)
	}
}

// TCP facts: the drop names its router and rule; a timeout after a drop
// keeps the drop; a refusal and a close are what they are.
func TestConnectionTCP(t *testing.T) {
	topo := fixtureTopology()
	events := fixtureEvents(topo)
	cs := Connections(events)
	if len(cs) != 6 {
		t.Fatalf("%d connections, want 6", len(cs))
	}
	wantPhase := []Phase{Blocked, Closed, NoTCP, Closed, Closed, Refused}
	for i, c := range cs {
		if c.Conn != i+1 || c.Phase != wantPhase[i] {
			t.Errorf("connection %d: #%d phase %d, want #%d phase %d", i, c.Conn, c.Phase, i+1, wantPhase[i])
		}
	}
	if cs[0].Router != "isp-gw" || cs[0].Rule != trace.OP25B || cs[0].Proto != trace.SMTP {
		t.Errorf("blocked: %+v", cs[0])
	}
	if _, ok := ConnectionOf(events, 0); ok {
		t.Error("connection 0 is a connection")
	}
}

func want(ok bool, what string) string {
	if ok {
		return ""
	}
	return "want " + what
}

// FuzzConnections feeds arbitrary lines, tags and snapshots through the
// connection view and the renderer: neither may panic, and frames keep
// their size.
func FuzzConnections(f *testing.F) {
	f.Add(uint8(trace.SMTP), "MAIL FROM:<a@b>", "250 2.1.0 Ok", uint8(trace.Reply), false, "MAIL", "a@b")
	f.Add(uint8(trace.POP3), "STAT", "+OK 1 2", uint8(trace.StatusLine), true, "TRANSACTION", "bob")
	f.Add(uint8(trace.DNS), "QUERY MX x.", "NXDOMAIN x.", uint8(trace.Answer), false, "", "")
	f.Add(uint8(trace.SMTP), "\x1b[2J\x00", "55", uint8(0), false, "\x1b]0;x\a", "\u202e")
	f.Fuzz(func(t *testing.T, proto uint8, cmd, reply string, kind uint8, multi bool, state, name string) {
		c := trace.Endpoint{Host: "c", Port: 1}
		s := trace.Endpoint{Host: "s", Port: 2}
		p := trace.Proto(proto % 6)
		sess := &trace.Session{State: state, Helo: name, AuthUser: name, InMail: multi, From: name,
			Rcpts: []string{name}, Rejected: []string{name}, User: name, LoggedIn: multi, Retrieved: []int{1}, Marked: []int{2}}
		events := []trace.Event{
			{Kind: trace.Connect, Conn: 1, Src: c, Dst: s},
			{Kind: trace.Line, Conn: 1, Proto: p, Dir: trace.ClientToServer, Src: c, Dst: s, Line: cmd,
				Tag: trace.Tag{Kind: trace.LineKind(kind % 10), Query: cmd, Last: true}},
			{Kind: trace.Line, Conn: 1, Proto: p, Dir: trace.ServerToClient, Src: s, Dst: c, Line: reply,
				Tag: trace.Tag{Kind: trace.LineKind(kind % 10), Query: cmd, RCode: state, Last: !multi}},
			{Kind: trace.Line, Conn: 1, Proto: p, Dir: trace.ServerToClient, Src: s, Dst: c, Line: reply,
				Tag: trace.Tag{Kind: trace.LineKind(kind % 10), Last: true}, Session: sess},
			{Kind: trace.Drop, Conn: 1, Src: c, Dst: s, Router: name, Rule: trace.Rule(kind)},
		}
		Connections(events)
		m := NewModel(nil, events)
		for pos := 1; pos <= m.Len(); pos++ {
			m.Seek(pos)
			for _, pane := range []Pane{PaneDialogue, PaneState, PaneTranscript, PaneExplain} {
				v := &View{Width: 40, Height: 12, Pane: pane, Explain: fixtureExplain}
				checkFrame(t, Render(m, v), v)
			}
		}
	})
}
