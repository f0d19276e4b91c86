package imap

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/mailstore"
)

// login returns a server logged in as bob, INBOX selected when sel is set.
func login(t *testing.T, box *mailstore.Mailbox, sel bool) *Server {
	t.Helper()
	s := NewServer(testConfig(box))
	if r := s.Handle("t1 LOGIN bob hunter2"); last(r).Cond() != CondOK {
		t.Fatalf("LOGIN: %v", r.Responses)
	}
	if sel {
		if r := s.Handle("t2 SELECT INBOX"); last(r).Cond() != CondOK {
			t.Fatalf("SELECT: %v", r.Responses)
		}
	}
	return s
}

func last(r Result) Response {
	if len(r.Responses) == 0 {
		return Response{}
	}
	return r.Responses[len(r.Responses)-1]
}

// TestReplies checks the tagged completion of single commands in each
// state: the condition and the start of the text.
func TestReplies(t *testing.T) {
	long := "a1 NOOP " + strings.Repeat("x", MaxLine)
	cases := []struct {
		name  string
		state State // NotAuthenticated, Authenticated (logged in) or Selected
		line  string
		want  string // the tagged (or untagged BAD) response line
	}{
		{"capability", StateNotAuthenticated, "a1 CAPABILITY", "a1 OK CAPABILITY completed"},
		{"lower case", StateNotAuthenticated, "a1 capability", "a1 OK CAPABILITY completed"},
		{"noop", StateNotAuthenticated, "a1 NOOP", "a1 OK NOOP completed"},
		{"unknown", StateNotAuthenticated, "a1 FROB", "a1 BAD unknown command"},
		{"not implemented", StateSelected, "a1 LIST \"\" *", "a1 BAD LIST is not implemented by this minimal server"},
		{"no tag", StateNotAuthenticated, "LOGIN bob hunter2", "LOGIN BAD unknown command"},
		{"bad tag", StateNotAuthenticated, "a*1 NOOP", "* BAD a command starts with a tag, such as a1 NOOP"},
		{"tag alone", StateNotAuthenticated, "a1", "a1 BAD missing command"},
		{"empty line", StateNotAuthenticated, "", "* BAD a command starts with a tag, such as a1 NOOP"},
		{"args to noop", StateNotAuthenticated, "a1 NOOP now", "a1 BAD NOOP takes no arguments"},
		{"login ok", StateNotAuthenticated, "a1 LOGIN bob hunter2", "a1 OK LOGIN completed"},
		{"login quoted", StateNotAuthenticated, `a1 LOGIN "carol" "two words"`, "a1 OK LOGIN completed"},
		{"login wrong", StateNotAuthenticated, "a1 LOGIN bob hunter3", "a1 NO [AUTHENTICATIONFAILED] invalid user name or password"},
		{"login unknown user", StateNotAuthenticated, "a1 LOGIN mallory x", "a1 NO [AUTHENTICATIONFAILED] invalid user name or password"},
		{"login one arg", StateNotAuthenticated, "a1 LOGIN bob", "a1 BAD usage: LOGIN user password"},
		{"login unterminated quote", StateNotAuthenticated, `a1 LOGIN bob "x`, "a1 BAD syntax error in arguments"},
		{"login list", StateNotAuthenticated, `a1 LOGIN (bob) x`, "a1 BAD syntax error in arguments"},
		{"login twice", StateAuthenticated, "a1 LOGIN bob hunter2", "a1 BAD already logged in"},
		{"select first", StateNotAuthenticated, "a1 SELECT INBOX", "a1 BAD log in first with LOGIN"},
		{"fetch unselected", StateAuthenticated, "a1 FETCH 1 FLAGS", "a1 BAD no mailbox selected: SELECT INBOX first"},
		{"select other", StateAuthenticated, "a1 SELECT Sent", "a1 NO [NONEXISTENT] no such mailbox; this server has only INBOX"},
		{"select inbox case", StateAuthenticated, "a1 SELECT inbox", "a1 OK [READ-WRITE] SELECT completed"},
		{"enable", StateAuthenticated, "a1 ENABLE IMAP4rev2", "a1 OK ENABLE completed"},
		{"enable selected", StateSelected, "a1 ENABLE IMAP4rev2", "a1 BAD ENABLE is valid only before SELECT"},
		{"fetch", StateSelected, "a1 FETCH 1 (FLAGS UID RFC822.SIZE)", "a1 OK FETCH completed"},
		{"fetch beyond", StateSelected, "a1 FETCH 3 FLAGS", "a1 BAD invalid message sequence number"},
		{"fetch zero", StateSelected, "a1 FETCH 0 FLAGS", "a1 BAD syntax error in arguments"},
		{"fetch bad set", StateSelected, "a1 FETCH 1:x FLAGS", "a1 BAD syntax error in arguments"},
		{"fetch unknown item", StateSelected, "a1 FETCH 1 ENVELOPE", "a1 BAD unknown or unsupported FETCH item"},
		{"fetch partial", StateSelected, "a1 FETCH 1 BODY[]<0.10>", "a1 BAD unknown or unsupported FETCH item"},
		{"fetch no items", StateSelected, "a1 FETCH 1 ()", "a1 BAD unknown or unsupported FETCH item"},
		{"uid fetch missing uid", StateSelected, "a1 UID FETCH 99 FLAGS", "a1 OK FETCH completed"},
		{"uid alone", StateSelected, "a1 UID", "a1 BAD unknown command"},
		{"uid copy", StateSelected, "a1 UID COPY 1 Trash", "a1 BAD unknown command"},
		{"store", StateSelected, `a1 STORE 1 +FLAGS (\Flagged)`, "a1 OK STORE completed"},
		{"store keyword", StateSelected, `a1 STORE 1 +FLAGS (Junk)`, "a1 BAD unsupported flag; this server stores only system flags"},
		{"store recent", StateSelected, `a1 STORE 1 +FLAGS (\Recent)`, "a1 BAD unsupported flag; this server stores only system flags"},
		{"store bad op", StateSelected, `a1 STORE 1 *FLAGS (\Seen)`, "a1 BAD usage: STORE sequence-set FLAGS|+FLAGS|-FLAGS[.SILENT] (flags)"},
		{"store two args", StateSelected, `a1 STORE 1 +FLAGS`, "a1 BAD usage: STORE sequence-set +FLAGS (flags)"},
		{"trailing space", StateNotAuthenticated, "a1 NOOP ", "a1 BAD syntax error in arguments"},
		{"uid fetch trailing space", StateSelected, "a1 UID FETCH ", "a1 BAD syntax error in arguments"},
		{"double space", StateSelected, `a1 STORE 1  +FLAGS (\Seen)`, "a1 BAD syntax error in arguments"},
		{"expunge", StateSelected, "a1 EXPUNGE", "a1 OK EXPUNGE completed"},
		{"close", StateSelected, "a1 CLOSE", "a1 OK CLOSE completed"},
		{"close unselected", StateAuthenticated, "a1 CLOSE", "a1 BAD no mailbox selected: SELECT INBOX first"},
		{"logout", StateSelected, "a1 LOGOUT", "a1 OK LOGOUT completed"},
		{"too long", StateNotAuthenticated, long, "a1 BAD command line too long"},
		{"literal too large", StateNotAuthenticated, "a1 LOGIN {5000}", "a1 BAD literal too large"},
		{"literal announced", StateNotAuthenticated, "a1 LOGIN {3}", "+ ready for literal data"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var s *Server
			switch tc.state {
			case StateNotAuthenticated:
				s = NewServer(testConfig(testBox()))
			default:
				s = login(t, testBox(), tc.state == StateSelected)
			}
			r := s.Handle(tc.line)
			if got := last(r).Line(0); got != tc.want {
				t.Errorf("%q: got %q, want %q", tc.line, got, tc.want)
			}
		})
	}
}

// TestLiterals sends LOGIN's arguments as literals, synchronizing and not.
func TestLiterals(t *testing.T) {
	s := NewServer(testConfig(testBox()))
	runScript(t, s, `
S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2 ENABLE] mx.example.jp IMAP4 server ready
C: a1 LOGIN {5}
S: + ready for literal data
C: carol {9+}
C: two words
S: a1 OK LOGIN completed
C: a2 LOGOUT
S: * BYE mx.example.jp IMAP4 server logging out
S: a2 OK LOGOUT completed
C: a3 NOOP
S: * BYE session closed
`)
	// A literal spanning lines keeps its CRLFs; a non-synchronizing
	// literal that is too large is read to its end and refused.
	s = NewServer(testConfig(testBox()))
	if r := s.Handle("a1 LOGIN bob {9}"); last(r).Tag != "+" {
		t.Fatalf("no continuation: %v", r.Responses)
	}
	s.Handle("hunt")
	if r := s.Handle("er2"); last(r).Line(0) != "a1 NO [AUTHENTICATIONFAILED] invalid user name or password" {
		t.Errorf("password with a CRLF inside: %v", r.Responses)
	}
	s = NewServer(testConfig(testBox()))
	for _, l := range []string{"a1 LOGIN bob {5000+}", strings.Repeat("x", 4000), strings.Repeat("y", 900)} {
		if r := s.Handle(l); len(r.Responses) != 0 {
			t.Fatalf("%.20q answered while a literal is dropped: %v", l, r.Responses)
		}
	}
	if r := s.Handle(strings.Repeat("z", 96) + " rest"); last(r).Line(0) != "a1 BAD literal too large" {
		t.Errorf("after a dropped literal: %v", r.Responses)
	}
	if r := s.Handle("a2 NOOP"); last(r).Line(0) != "a2 OK NOOP completed" {
		t.Errorf("the session did not recover: %v", r.Responses)
	}
}

// TestRev2Select: after ENABLE IMAP4rev2 SELECT sends no RECENT and no
// UNSEEN, and a LIST response instead (RFC 9051 6.3.2).
func TestRev2Select(t *testing.T) {
	s := login(t, testBox(), false)
	r := s.Handle("a1 ENABLE IMAP4rev2")
	if r.Responses[0].Line(0) != "* ENABLED IMAP4rev2" {
		t.Fatalf("ENABLE: %v", r.Responses)
	}
	got := strings.Join(wire(s.Handle("a2 SELECT INBOX").Responses), "\n")
	want := `S: * 2 EXISTS
S: * OK [UIDVALIDITY 1] UIDs valid
S: * OK [UIDNEXT 3] predicted next UID
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft)] flags permitted
S: * LIST () "/" INBOX
S: a2 OK [READ-WRITE] SELECT completed`
	if got != want {
		t.Errorf("SELECT under rev2:\n%s\nwant\n%s", got, want)
	}
	// Rev1 only: ENABLE turns nothing on.
	cfg := testConfig(testBox())
	cfg.Rev2 = false
	s = NewServer(cfg)
	s.Handle("a1 LOGIN bob hunter2")
	if r := s.Handle("a2 ENABLE IMAP4rev2"); r.Responses[0].Line(0) != "* ENABLED" {
		t.Errorf("ENABLE on a rev1 server: %v", r.Responses)
	}
}

// TestFetchSetsSeen: BODY[] (not BODY.PEEK[]) sets \Seen in the store and
// reports the new flags.
func TestFetchSetsSeen(t *testing.T) {
	box := testBox()
	s := login(t, box, true)
	got := wire(s.Handle("a1 FETCH 1 BODY[HEADER]").Responses)
	want := []string{"S: * 1 FETCH (FLAGS (\\Seen) BODY[HEADER] {18}", "S: Subject: Lunch", "S: ", "S: )", "S: a1 OK FETCH completed"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if box.Message(1).Flags&mailstore.Seen == 0 {
		t.Error("BODY[HEADER] did not set \\Seen in the store")
	}
	got = wire(s.Handle("a2 FETCH 2 (RFC822.SIZE BODY.PEEK[TEXT])").Responses)
	want = []string{"S: * 2 FETCH (RFC822.SIZE 26 BODY[TEXT] {6}", "S: .dot", "S: )", "S: a2 OK FETCH completed"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSharedState: two sessions on one mailbox, as a PC and a phone: a
// flag one sets is reported to the other at its next command, an expunge
// at its next NOOP, never during FETCH; a POP3-style removal in the store
// likewise.
func TestSharedState(t *testing.T) {
	box := testBox()
	pc, phone := login(t, box, true), login(t, box, true)
	pc.Handle(`a1 STORE 1 +FLAGS (\Seen)`)
	got := wire(phone.Handle("b1 NOOP").Responses)
	if strings.Join(got, "\n") != "S: * 1 FETCH (FLAGS (\\Seen))\nS: b1 OK NOOP completed" {
		t.Errorf("phone NOOP after the PC's STORE: %q", got)
	}
	pc.Handle(`a2 STORE 1 +FLAGS (\Deleted)`)
	pc.Handle("a3 EXPUNGE")
	got = wire(phone.Handle("b2 FETCH 1:2 FLAGS").Responses)
	want := "S: * 2 FETCH (FLAGS (\\Seen))\nS: b2 NO [EXPUNGEISSUED] some messages were expunged"
	if strings.Join(got, "\n") != want {
		t.Errorf("phone FETCH after the PC's EXPUNGE:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	got = wire(phone.Handle("b3 NOOP").Responses)
	if strings.Join(got, "\n") != "S: * 1 EXPUNGE\nS: b3 OK NOOP completed" {
		t.Errorf("phone NOOP: %q", got)
	}
	// New mail and a removal by POP3 (straight in the store).
	box.Append("A3", "", "Subject: New\r\n\r\nnew\r\n")
	box.Remove(2)
	got = wire(phone.Handle("b4 UID FETCH 1:* UID").Responses)
	want = "S: * 1 EXPUNGE\nS: * 1 EXISTS\nS: * 1 FETCH (UID 3)\nS: b4 OK FETCH completed"
	if strings.Join(got, "\n") != want {
		t.Errorf("phone UID FETCH:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestCloseExpungesSilently: CLOSE removes \Deleted messages without
// untagged EXPUNGE; a hang-up removes nothing.
func TestCloseExpungesSilently(t *testing.T) {
	box := testBox()
	s := login(t, box, true)
	s.Handle(`a1 STORE 2 +FLAGS.SILENT (\Deleted)`)
	s.Hangup()
	if box.Len() != 2 {
		t.Fatalf("a hang-up expunged: %d left", box.Len())
	}
	s = login(t, box, true)
	r := s.Handle("a2 CLOSE")
	if len(r.Responses) != 1 || s.State() != StateAuthenticated || box.Len() != 1 {
		t.Errorf("CLOSE: %v, state %v, %d left", r.Responses, s.State(), box.Len())
	}
	if in := s.Info(); in.Expunged != 1 || in.Mailbox != "" {
		t.Errorf("Info after CLOSE: %+v", in)
	}
}

func TestVerbOf(t *testing.T) {
	for line, want := range map[string]string{
		"a1 LOGIN bob x":               "LOGIN",
		"a2 uid fetch 1:* (FLAGS)":     "UID FETCH",
		"a3 UID":                       "UID",
		"a4 select INBOX\r\n":          "SELECT",
		"a5":                           "",
		"":                             "",
		"x y z":                        "Y",
		"a6 UID STORE 1 +FLAGS \\Seen": "UID STORE",
	} {
		if got := VerbOf(line); got != want {
			t.Errorf("VerbOf(%q) = %q, want %q", line, got, want)
		}
	}
}
