package shell

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/mailstore"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

func newShell(t *testing.T, id, as string) (*Shell, *strings.Builder) {
	t.Helper()
	sc, err := scenario.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	out := &strings.Builder{}
	sh, err := New(sc, Options{As: as, Lang: i18n.EN, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	sh.Welcome()
	return sh, out
}

// What the learner types is what the server reads: the client's byte
// stream rebuilt from the trace, in sequence-number order, is the typed
// lines with CRLF, and the mail reaches the mailbox.
func TestTypedSessionReachesMailbox(t *testing.T) {
	sh, out := newShell(t, "basic-delivery", "")
	typed := []string{
		"EHLO alice-pc", "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", "MAIL FROM:<alice@isp.example>",
		"RCPT TO:<bob@example.jp>", "DATA", "Subject: by hand", "", "..a dotted line", ".", "QUIT",
	}
	sh.Exec(":connect mail.isp.example 587")
	for _, l := range typed {
		sh.Exec(l)
	}
	if n := sh.World().Host("mx.example.jp").User("bob").Mailbox.Len(); n != 1 {
		t.Fatalf("bob has %d messages, want 1\n%s", n, out)
	}
	var conn int
	var stream strings.Builder
	next := uint32(0)
	for _, e := range sh.rec.Events {
		if e.Kind == trace.Connect && e.Dst.Port == 587 {
			conn = e.Conn
		}
		if e.Conn != conn || e.Kind != trace.Line || e.Dir != trace.ClientToServer {
			continue
		}
		if next != 0 && e.TCP.Seq != next {
			t.Errorf("line %q at seq %d, want %d: a gap or overlap in the stream", e.Line, e.TCP.Seq, next)
		}
		next = e.TCP.Seq + e.TCP.Len
		stream.WriteString(e.Line + "\r\n")
	}
	if want := strings.Join(typed, "\r\n") + "\r\n"; stream.String() != want {
		t.Errorf("client stream from the trace:\n%q\nwant\n%q", stream.String(), want)
	}
}

func TestHints(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		hint  string
	}{
		{[]string{":connect mail.isp.example 587", "MAIL FROM:<a@isp.example>"}, "    ^ Authentication required  (:explain)"},
		{[]string{":connect mx.example.jp 110", "USER bob"}, "    ^ The server wants the password next.  (:explain)"},
		{[]string{":connect mx.example.jp 110", "USER bob", "PASS wrong"}, "-ERR"},
		{[]string{"EHLO x"}, "Not connected: open a connection first"},
		{[]string{":dig MX nowhere.example"}, "NXDOMAIN"},
		{[]string{":as mail.isp.example", ":connect mx.example.jp 25", "HELO me"}, "250 mx.example.jp"},
		{[]string{":auth login alice wonderland"}, "first 334 with YWxpY2U= (the user name) and the second with d29uZGVybGFuZA=="},
	} {
		sh, out := newShell(t, "basic-delivery", "")
		for _, l := range tc.lines {
			sh.Exec(l)
		}
		if !strings.Contains(out.String(), tc.hint) {
			t.Errorf("%q: output lacks %q:\n%s", tc.lines, tc.hint, out)
		}
	}
}

func TestPrompt(t *testing.T) {
	sh, _ := newShell(t, "basic-delivery", "bob-pc")
	if p := sh.Prompt(); p != "bob-pc> " {
		t.Errorf("prompt %q", p)
	}
	sh.Exec(":connect mx.example.jp 110")
	if p := sh.Prompt(); p != "bob-pc -> mx.example.jp:110> " {
		t.Errorf("connected prompt %q", p)
	}
	sh.Exec("QUIT")
	if p := sh.Prompt(); p != "bob-pc> " {
		t.Errorf("prompt after QUIT %q", p)
	}
	sh.Exec(":quit")
	if !sh.Done() {
		t.Error(":quit did not end the shell")
	}
}

// Completion follows the server's state as its replies state it.
func TestWordsFollowState(t *testing.T) {
	has := func(ws []string, w string) bool {
		for _, x := range ws {
			if x == w {
				return true
			}
		}
		return false
	}
	sh, _ := newShell(t, "basic-delivery", "")
	for _, step := range []struct {
		line    string
		want    []string
		wantNot []string
	}{
		{"", []string{":connect", "mx.example.jp"}, []string{"EHLO", "RETR"}},
		{":connect mail.isp.example 587", []string{"EHLO", "HELO"}, []string{"DATA", "RETR"}},
		{"EHLO me", []string{"MAIL FROM:<", "AUTH PLAIN"}, []string{"DATA"}},
		{"AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=", []string{"MAIL FROM:<"}, nil},
		{"MAIL FROM:<alice@isp.example>", []string{"RCPT TO:<"}, []string{"DATA"}},
		{"RCPT TO:<bob@example.jp>", []string{"DATA", "RCPT TO:<"}, nil},
		{"QUIT", []string{":connect"}, []string{"EHLO", "DATA"}},
		{":connect mx.example.jp 110", []string{"USER", "PASS"}, []string{"RETR"}},
		{"USER bob", []string{"PASS"}, nil},
		{"PASS hunter2", []string{"RETR", "DELE", "STAT"}, []string{"USER"}},
	} {
		if step.line != "" {
			sh.Exec(step.line)
		}
		ws := sh.Words()
		for _, w := range step.want {
			if !has(ws, w) {
				t.Errorf("after %q: completion lacks %q (%v)", step.line, w, ws)
			}
		}
		for _, w := range step.wantNot {
			if has(ws, w) {
				t.Errorf("after %q: completion offers %q", step.line, w)
			}
		}
	}
}

// IMAP typed by hand: each command waits for its tagged response, the
// untagged ones and a message's literal come with it, and the flag the
// learner stores is the mailbox's.
func TestTypedIMAP(t *testing.T) {
	sh, out := newShell(t, "pop3-vs-imap", "bob-phone")
	sh.Exec(":connect mx.example.jp 25")
	for _, l := range []string{"HELO bob-phone", "MAIL FROM:<alice@isp.example>", "RCPT TO:<bob@example.jp>", "DATA", "Subject: typed", "", "hi", ".", "QUIT"} {
		sh.Exec(l)
	}
	sh.Exec(":connect mx.example.jp 143")
	for _, l := range []string{"a1 LOGIN bob hunter2", "a2 SELECT INBOX", "a3 FETCH 1 (FLAGS BODY[TEXT])", "a4 STORE 1 +FLAGS (\\Deleted)", "a5 LOGOUT"} {
		sh.Exec(l)
	}
	for _, want := range []string{"IMAP * OK [CAPABILITY IMAP4rev1]", "IMAP a1 OK LOGIN completed", "IMAP * 1 EXISTS",
		"IMAP * 1 FETCH (FLAGS (\\Seen) BODY[TEXT] {4}", "IMAP hi", "IMAP a4 OK STORE completed", "IMAP a5 OK LOGOUT completed"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	m := sh.World().Host("mx.example.jp").User("bob").Mailbox.Messages()
	if len(m) != 1 || m[0].Flags != mailstore.Seen|mailstore.Deleted {
		t.Fatalf("mailbox after the session: %d messages, want 1 flagged \\Seen and \\Deleted", len(m))
	}
}
