package player

import (
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

func fixtureModel() *Model {
	topo := fixtureTopology()
	return NewModel(topo, fixtureEvents(topo))
}

// beatLines returns the protocol lines of beat b.
func beatLines(m *Model, b int) []string {
	var out []string
	for _, e := range m.Beat(b) {
		if e.Kind == trace.Line {
			out = append(out, e.Line)
		} else {
			out = append(out, "<"+e.Kind.String()+">")
		}
	}
	return out
}

// findBeat returns the beat holding the line that starts with prefix.
func findBeat(t *testing.T, m *Model, prefix string) int {
	t.Helper()
	for b := 0; b < m.Len(); b++ {
		for _, e := range m.Beat(b) {
			if line(prefix)(&e) {
				return b
			}
		}
	}
	t.Fatalf("no beat holds %q", prefix)
	return -1
}

func TestBeats(t *testing.T) {
	m := fixtureModel()
	tests := []struct {
		name, first string
		want        []string
	}{
		// RFC 5321 4.2.1: a multi-line reply is one unit.
		{"EHLO reply", "250-mail.isp.example", []string{"250-mail.isp.example", "250-AUTH PLAIN LOGIN", "250-SIZE 10240000", "250 ENHANCEDSTATUSCODES"}},
		{"command alone", "EHLO alice-pc", []string{"EHLO alice-pc"}},
		// The message text after 354, up to and including ".".
		{"message text", "From: Alice", []string{"From: Alice <alice@isp.example>", "To: Bob <bob@example.jp>", "Subject: Hello", "", "Hi Bob, this went through the submission port.", "."}},
		// RFC 1939 3: a multi-line response runs to its "." line.
		{"POP3 listing", "+OK 2 messages", []string{"+OK 2 messages (640 octets)", "1 320", "2 320", "."}},
		{"DNS answer", "ANSWER NOERROR", []string{"ANSWER NOERROR 1 record", "example.jp. 3600 IN MX 10 mx.example.jp."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := beatLines(m, findBeat(t, m, tc.first))
			if len(got) != len(tc.want) {
				t.Fatalf("beat = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("beat = %q, want %q", got, tc.want)
				}
			}
		})
	}
	// A "say" step is its heading and its narration.
	if got := beatLines(m, 0); len(got) != 2 || got[0] != "<step>" || got[1] != "<say>" {
		t.Errorf("first beat = %q, want the step heading and its narration", got)
	}
	// Two expectations of one step are one beat.
	for b := 0; b < m.Len(); b++ {
		beat := m.Beat(b)
		if beat[0].Kind == trace.Expect && !beat[0].OK {
			t.Errorf("the missed expectation starts beat %d; it should follow the met one in the same beat", b)
		}
	}
	// Every event is in exactly one beat, in order.
	n := 0
	for b := 0; b < m.Len(); b++ {
		for _, e := range m.Beat(b) {
			if e.Seq != n {
				t.Fatalf("beat %d holds event %d, want %d", b, e.Seq, n)
			}
			n++
		}
	}
	if n != len(m.Events()) {
		t.Fatalf("beats hold %d events, trace has %d", n, len(m.Events()))
	}
}

func TestCursor(t *testing.T) {
	m := fixtureModel()
	if m.Pos() != 0 || m.Step() != 0 || m.Current() != nil || len(m.Visible()) != 0 {
		t.Fatalf("a new model shows something: pos %d step %d", m.Pos(), m.Step())
	}
	if m.Back() {
		t.Error("Back at the start reported a move")
	}
	if !m.Next() || m.Pos() != 1 || m.Step() != 1 {
		t.Fatalf("after Next: pos %d step %d, want 1 1", m.Pos(), m.Step())
	}
	if !m.JumpStep(4) || m.Step() != 4 || m.Current()[0].Kind != trace.Step {
		t.Fatalf("JumpStep(4): step %d, current %v", m.Step(), m.Current()[0].Kind)
	}
	if got := m.Visible(); got[len(got)-1].Kind != trace.Step || got[len(got)-1].Step != 3 {
		t.Errorf("after JumpStep(4) the last visible event is %v of step %d", got[len(got)-1].Kind, got[len(got)-1].Step+1)
	}
	pos := m.Pos()
	if m.JumpStep(0) || m.JumpStep(6) || m.Pos() != pos {
		t.Error("JumpStep to a step that does not exist moved the cursor")
	}
	if !m.Back() || m.Pos() != pos-1 || m.Step() != 3 {
		t.Errorf("Back from step 4's heading: pos %d step %d, want %d 3", m.Pos(), m.Step(), pos-1)
	}
	m.Seek(1 << 30)
	if !m.AtEnd() || m.Next() || len(m.Visible()) != len(m.Events()) {
		t.Error("Seek past the end does not stop at the end")
	}
	m.Seek(-5)
	if m.Pos() != 0 {
		t.Errorf("Seek(-5) = %d, want 0", m.Pos())
	}
	if m.Steps() != 5 {
		t.Errorf("Steps() = %d, want 5", m.Steps())
	}
}

func TestExchange(t *testing.T) {
	m := fixtureModel()
	m.Seek(0)
	if _, ok := m.Exchange(); ok {
		t.Error("the title has an exchange")
	}
	m.Seek(1)
	if _, ok := m.Exchange(); ok {
		t.Error("narration has an exchange")
	}

	// The blocked SYN: bot-pc's router is on the path and drops it.
	m.JumpStep(2)
	m.Next() // the SYN
	x, ok := m.Exchange()
	if !ok || x.Client.Host != "bot-pc" || x.Server.String() != "mx.example.jp:25" || x.Proto != trace.SMTP {
		t.Fatalf("SYN exchange = %+v", x)
	}
	if len(x.Gates) != 1 || x.Gates[0].Router != "isp-gw" || x.Gates[0].Dropped || x.DropAhead != "isp-gw" {
		t.Fatalf("before the drop: gates %+v, drop ahead %q; want isp-gw not yet dropped but ahead", x.Gates, x.DropAhead)
	}
	m.Next() // the drop
	x, _ = m.Exchange()
	if !x.Gates[0].Dropped || x.DropAhead != "" {
		t.Fatalf("after the drop: gates %+v, drop ahead %q", x.Gates, x.DropAhead)
	}

	// Server to server on the internet: no router between them.
	m.Seek(findBeat(t, m, "EHLO mail.isp.example") + 1)
	x, _ = m.Exchange()
	if x.Client.Host != "mail.isp.example" || x.Server.Port != 25 || len(x.Gates) != 0 {
		t.Errorf("relay exchange = %+v", x)
	}
	// DNS: the MTA asks the DNS server.
	m.Seek(findBeat(t, m, "ANSWER NOERROR") + 1)
	x, _ = m.Exchange()
	if x.Proto != trace.DNS || x.Client.Host != "mail.isp.example" || x.Server.String() != "ns.example:53" {
		t.Errorf("DNS exchange = %+v", x)
	}
	// A note after a session stays with that session's exchange.
	m.Seek(findBeat(t, m, "QUERY MX") + 0)
	x, _ = m.Exchange()
	if x.Server.String() != "mail.isp.example:587" {
		t.Errorf("the queue note's exchange = %+v, want the submission session", x)
	}
	// Refused.
	m.Seek(m.Len())
	x, _ = m.Exchange()
	if !x.Refused || x.Server.String() != "mx.example.jp:587" {
		t.Errorf("refused exchange = %+v", x)
	}
}

func TestEmptyModel(t *testing.T) {
	m := NewModel(nil, nil)
	if m.Len() != 0 || m.Next() || m.Back() || m.JumpStep(1) || m.Current() != nil {
		t.Error("an empty model moves")
	}
	for _, pane := range []Pane{PaneDialogue, PaneExplain, PaneState, PaneTranscript} {
		frame := Render(m, &View{Width: 80, Height: 24, Pane: pane})
		if len(frame) != 24 {
			t.Errorf("pane %d: %d rows", pane, len(frame))
		}
	}
}

// TestAnswersAuthExchange: the replies inside an AUTH LOGIN exchange answer
// AUTH, not the base64 line the client sent last, so the explain pane shows
// what 334 and 235 mean for AUTH.
func TestAnswersAuthExchange(t *testing.T) {
	c := trace.Endpoint{Host: "alice-pc", Port: 49152}
	s := trace.Endpoint{Host: "mail.isp.example", Port: 587}
	ev := func(dir trace.Dir, line, verb string) trace.Event {
		e := trace.Event{Kind: trace.Line, Proto: trace.SMTP, Conn: 1, Dir: dir, Line: line, Tag: trace.Tag{Verb: verb, Last: true}, Src: c, Dst: s}
		if verb == "AUTH-DATA" {
			e.Tag = trace.Tag{Kind: trace.AuthData, Last: true}
		}
		if dir == trace.ServerToClient {
			e.Src, e.Dst = s, c
		}
		return e
	}
	events := []trace.Event{
		ev(trace.ClientToServer, "AUTH LOGIN", "AUTH"),
		ev(trace.ServerToClient, "334 VXNlcm5hbWU6", ""),
		ev(trace.ClientToServer, "YWxpY2U=", "AUTH-DATA"),
		ev(trace.ServerToClient, "334 UGFzc3dvcmQ6", ""),
		ev(trace.ClientToServer, "c2VjcmV0", "AUTH-DATA"),
		ev(trace.ServerToClient, "235 2.7.0 Authentication successful", ""),
	}
	m := NewModel(&trace.Topology{}, events)
	for _, i := range []int{1, 3, 5} {
		if got := m.answers(i); got != "AUTH" {
			t.Errorf("%q answers %q, want AUTH", events[i].Line, got)
		}
	}
}
