package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/trace"
)

// IMAP interop: curl and Python's imaplib read the pop3-vs-imap mailbox
// after Carol's message has arrived (step 8), through the same IMAP server
// core the scenario's clients use.

// pyIMAP logs in, selects INBOX, fetches every message by UID without
// setting \Seen, marks message 1 \Seen, reads the flags back, flags it
// \Deleted, expunges and logs out; it prints each step's result.
const pyIMAP = `
import imaplib, sys
host, port, user, pw = sys.argv[1:5]
m = imaplib.IMAP4(host, int(port), timeout=20)
print("caps", " ".join(sorted(m.capabilities)))
print("login", m.login(user, pw)[0])
print("select", m.select("INBOX"))
typ, data = m.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[])")
for d in data:
    if isinstance(d, tuple):
        print("fetched", d[0].decode())
        sys.stdout.write(d[1].decode())
print("store", m.store("1", "+FLAGS", "(\\Seen)"))
print("flags", m.fetch("1", "(FLAGS)"))
print("delete", m.store("1", "+FLAGS.SILENT", "(\\Deleted)"))
print("expunge", m.expunge())
print("logout", m.logout()[0])
`

func TestPythonIMAP(t *testing.T) {
	s := startScenario(t, "pop3-vs-imap", 8, Options{})
	host, port := splitAddr(t, s.addr(t, "mx.example.jp", 143))
	out, err := python(t, pyIMAP, host, port, "bob", "hunter2")
	if err != nil {
		t.Fatalf("imaplib: %v\n%s\nlog:\n%s", err, out, s.log)
	}
	for _, want := range []string{
		"caps IMAP4REV1\n", "login OK\n", "select ('OK', [b'1'])\n",
		"fetched 1 (UID 2 FLAGS () BODY[] {", "Subject: Minutes\r\n",
		`store ('OK', [b'1 (FLAGS (\\Seen))'])`, `flags ('OK', [b'1 (FLAGS (\\Seen))'])`,
		"expunge ('OK', [b'1'])\n", "logout BYE\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("imaplib output lacks %q:\n%s", want, out)
		}
	}
	// The real client's lines are in the trace, named as the engine names
	// a simulated client's.
	s.rec.waitFor(t, "the client's UID FETCH", func(e *trace.Event) bool {
		return e.Proto == trace.IMAP && e.Dir == trace.ClientToServer && e.Tag.Verb == "UID FETCH"
	})
	s.rec.waitFor(t, "* 1 EXPUNGE", func(e *trace.Event) bool {
		return e.Proto == trace.IMAP && e.Tag.Kind == trace.Untagged && e.Line == "* 1 EXPUNGE"
	})
}

func TestCurlIMAP(t *testing.T) {
	curl := need(t, "curl")
	s := startScenario(t, "pop3-vs-imap", 8, Options{})
	addr := s.addr(t, "mx.example.jp", 143)
	got, err := run(t, curl, "-sS", "imap://"+addr+"/INBOX;UID=2", "--user", "bob:hunter2")
	if err != nil {
		t.Fatalf("curl imap: %v\n%s\nlog:\n%s", err, got, s.log)
	}
	if !strings.HasPrefix(got, "Return-Path: <carol@isp.example>\r\n") || !strings.Contains(got, "\r\nSubject: Minutes\r\n") {
		t.Errorf("curl fetched:\n%q", got)
	}
	// BODY[] (not PEEK) set \Seen on the server: a second reader sees it.
	s.rec.waitFor(t, "the FETCH that sets \\Seen", func(e *trace.Event) bool {
		return e.Proto == trace.IMAP && e.Tag.Kind == trace.Untagged && strings.Contains(e.Line, `FLAGS (\Seen)`)
	})
}

// An idle IMAP client is logged out with an untagged BYE (RFC 9051 5.4).
func TestIdleTimeoutIMAP(t *testing.T) {
	s := startScenario(t, "pop3-vs-imap", 0, Options{IdleTimeout: 200 * time.Millisecond})
	c := dial(t, s.addr(t, "mx.example.jp", 143))
	c.expect("* OK [CAPABILITY IMAP4rev1]")
	c.expect("* BYE autologout")
	if !c.closed() {
		t.Error("the idle IMAP connection was not closed after BYE")
	}
}
