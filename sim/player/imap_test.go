package player

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestIMAPStateRows: the state pane shows what the IMAP server says of its
// session: the selected mailbox, the count, the \Seen and \Deleted flags.
func TestIMAPStateRows(t *testing.T) {
	pc := trace.Endpoint{Host: "bob-pc", Port: 49152}
	mx := trace.Endpoint{Host: "mx.example.jp", Port: 143}
	sess := &trace.Session{State: "Selected", User: "bob", LoggedIn: true, Mailbox: "INBOX", Messages: 2,
		Seen: []int{1, 2}, Marked: []int{2}}
	events := []trace.Event{
		{Seq: 0, Kind: trace.Connect, Conn: 1, Proto: trace.IMAP, Src: pc, Dst: mx},
		{Seq: 1, Kind: trace.Accept, Conn: 1, Proto: trace.IMAP, Src: mx, Dst: pc},
		{Seq: 2, Kind: trace.Line, Conn: 1, Proto: trace.IMAP, Dir: trace.ClientToServer, Src: pc, Dst: mx,
			Line: "a5 UID STORE 2 +FLAGS (\\Deleted)", Tag: trace.Tag{Kind: trace.Command, Verb: "UID STORE", Last: true}},
		{Seq: 3, Kind: trace.Line, Conn: 1, Proto: trace.IMAP, Dir: trace.ServerToClient, Src: mx, Dst: pc,
			Line: "a5 OK STORE completed", Tag: trace.Tag{Kind: trace.Tagged, Cond: trace.CondOK, Last: true}, Session: sess},
	}
	m := NewModel(nil, events)
	m.Seek(m.Len())
	for lang, want := range map[i18n.Lang][]string{
		i18n.EN: {"Selected mailbox: INBOX", "Messages (EXISTS): 2", `Read (\Seen): 1, 2`, `Flagged \Deleted: 2 (removed at EXPUNGE or CLOSE)`},
		i18n.JA: {"選択中のメールボックス: INBOX", "メールの件数(EXISTS): 2通", `既読(\Seen): 1, 2`},
	} {
		frame := strings.Join(Render(m, &View{Width: 100, Height: 30, Lang: lang, Pane: PaneState}), "\n")
		for _, w := range want {
			if !strings.Contains(frame, w) {
				t.Errorf("%s: state pane lacks %q:\n%s", lang, w, frame)
			}
		}
	}
}
