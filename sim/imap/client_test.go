package imap

import (
	"errors"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/mailstore"
)

// converse runs a client against a server through their wire lines and a
// Parser, as a connection would, and returns the client's lines.
func converse(t *testing.T, c *Client, s *Server) []string {
	t.Helper()
	var sent []string
	var p Parser
	pending := []Response{s.Greeting()}
	for steps := 0; len(pending) > 0; steps++ {
		if steps > 100 {
			t.Fatal("the conversation does not end")
		}
		var next []Response
		for _, r := range pending {
			for i := 0; i < r.NumLines(); i++ {
				got, complete, err := p.Feed(r.Line(i))
				if err != nil {
					t.Fatalf("Parser: %v on %q", err, r.Line(i))
				}
				if !complete {
					continue
				}
				if got != r {
					t.Fatalf("Parser gave %+v, the server sent %+v", got, r)
				}
				line, done := c.Next(got)
				if done {
					return sent
				}
				if line != "" {
					sent = append(sent, line)
					res := s.Handle(line)
					next = append(next, res.Responses...)
				}
			}
		}
		pending = next
	}
	return sent
}

func TestClientReadsAndMarks(t *testing.T) {
	box := testBox()
	c := NewClient(Job{User: "bob", Pass: "hunter2"})
	sent := converse(t, c, NewServer(testConfig(box)))
	want := []string{"a1 CAPABILITY", "a2 LOGIN bob hunter2", "a3 SELECT INBOX",
		"a4 UID FETCH 1:* (FLAGS BODY.PEEK[])", `a5 UID STORE 1 +FLAGS (\Seen)`, "a6 LOGOUT"}
	if strings.Join(sent, "\n") != strings.Join(want, "\n") {
		t.Errorf("client sent\n%s\nwant\n%s", strings.Join(sent, "\n"), strings.Join(want, "\n"))
	}
	r := c.Result()
	if !r.LoggedIn || r.Exists != 2 || len(r.Messages) != 2 || r.Marked != 1 || r.Failure != nil || r.Err != nil {
		t.Fatalf("result %+v", r)
	}
	if r.Messages[0].Seen() || !r.Messages[1].Seen() || string(r.Messages[1].Data) != "Subject: Minutes\r\n\r\n.dot\r\n" {
		t.Errorf("messages %+v", r.Messages)
	}
	if box.Len() != 2 || box.Message(1).Flags != mailstore.Seen {
		t.Errorf("store after: %d messages, flags of 1: %v", box.Len(), box.Message(1).Flags)
	}
	// The phone, next: both already seen, nothing to mark; it deletes.
	c = NewClient(Job{User: "bob", Pass: "hunter2", Delete: true})
	sent = converse(t, c, NewServer(testConfig(box)))
	want = []string{"a1 CAPABILITY", "a2 LOGIN bob hunter2", "a3 SELECT INBOX",
		"a4 UID FETCH 1:* (FLAGS BODY.PEEK[])", `a5 UID STORE 1:2 +FLAGS (\Deleted)`, "a6 EXPUNGE", "a7 LOGOUT"}
	if strings.Join(sent, "\n") != strings.Join(want, "\n") {
		t.Errorf("client sent\n%s\nwant\n%s", strings.Join(sent, "\n"), strings.Join(want, "\n"))
	}
	r = c.Result()
	if r.Marked != 0 || r.Deleted != 2 || r.Expunged != 2 || box.Len() != 0 {
		t.Errorf("result %+v, %d left", r, box.Len())
	}
	// An empty mailbox: SELECT, then LOGOUT.
	c = NewClient(Job{User: "bob", Pass: "hunter2", Delete: true})
	sent = converse(t, c, NewServer(testConfig(box)))
	if got := sent[len(sent)-1]; got != "a4 LOGOUT" || len(c.Result().Messages) != 0 {
		t.Errorf("empty mailbox: %q", sent)
	}
}

func TestClientFailures(t *testing.T) {
	cases := []struct {
		name string
		job  Job
		last string // the client's last line
		err  error
		fail string // the failure's line, if any
	}{
		{"wrong password", Job{User: "bob", Pass: "hunter3"}, "a3 LOGOUT", nil, "a2 NO [AUTHENTICATIONFAILED] invalid user name or password"},
		{"no mailbox", Job{User: "carol", Pass: "two words"}, "a4 LOGOUT", nil, "a3 NO [NONEXISTENT] no such mailbox; this server has only INBOX"},
		{"unsendable", Job{User: "bob", Pass: "a\r\nb"}, "a1 LOGOUT", ErrBadJob, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClient(tc.job)
			sent := converse(t, c, NewServer(testConfig(testBox())))
			r := c.Result()
			if sent[len(sent)-1] != tc.last || !errors.Is(r.Err, tc.err) {
				t.Errorf("sent %q, err %v", sent, r.Err)
			}
			if tc.fail != "" && (r.Failure == nil || r.Failure.Line(0) != tc.fail) {
				t.Errorf("failure %+v, want %q", r.Failure, tc.fail)
			}
		})
	}
	// A quoted password.
	c := NewClient(Job{User: "carol", Pass: "two words"})
	if sent := converse(t, c, NewServer(testConfig(testBox()))); sent[1] != `a2 LOGIN carol "two words"` {
		t.Errorf("LOGIN line %q", sent[1])
	}
}

func TestParser(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  Response
		err   error
	}{
		{"tagged", []string{"a1 OK done"}, Response{Tag: "a1", Text: "OK done"}, nil},
		{"continuation", []string{"+ go ahead"}, Response{Tag: "+", Text: "go ahead"}, nil},
		{"bare continuation", []string{"+"}, Response{Tag: "+"}, nil},
		{"literal", []string{"* 1 FETCH (BODY[] {5}", "a", "bc)"}, Response{Tag: "*", Text: "1 FETCH (BODY[] {5}\r\na\r\nbc)"}, nil},
		{"literal ends at CRLF", []string{"* 1 FETCH (BODY[] {3}", "a", ")"}, Response{Tag: "*", Text: "1 FETCH (BODY[] {3}\r\na\r\n)"}, nil},
		{"two literals", []string{"* 1 FETCH (A {1}", "x B {0}", ")"}, Response{Tag: "*", Text: "1 FETCH (A {1}\r\nx B {0}\r\n)"}, nil},
		{"no space", []string{"a1"}, Response{}, ErrMalformed},
		{"bad tag", []string{"a(1 OK"}, Response{}, ErrMalformed},
		{"split CRLF", []string{"* X {2}", "a", "b"}, Response{}, ErrMalformed},
		{"too large", []string{"* X {999999999}", "a"}, Response{}, ErrTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var p Parser
			for i, l := range tc.lines {
				r, done, err := p.Feed(l)
				if err != nil || done {
					if !errors.Is(err, tc.err) || r != tc.want {
						t.Errorf("line %d: got %+v, %v; want %+v, %v", i, r, err, tc.want, tc.err)
					}
					return
				}
			}
			t.Errorf("no response after %q", tc.lines)
		})
	}
}

func TestResponseParts(t *testing.T) {
	r := Response{Tag: "*", Text: "OK [UIDVALIDITY 7] UIDs valid"}
	if r.Cond() != CondOK || r.Code() != "UIDVALIDITY 7" || r.Info() != "UIDs valid" || r.Name() != CondOK {
		t.Errorf("status parts: %q %q %q %q", r.Cond(), r.Code(), r.Info(), r.Name())
	}
	r = Response{Tag: "*", Text: "3 EXISTS"}
	if n, ok := r.Number(); r.Name() != DataEXISTS || !ok || n != 3 || r.Cond() != "" {
		t.Errorf("data parts: %q %d", r.Name(), n)
	}
	r = Response{Tag: "*", Text: "1 FETCH (BODY[] {3}\r\na\r\n)"}
	if r.NumLines() != 3 || r.Line(0) != "* 1 FETCH (BODY[] {3}" || r.Line(2) != ")" || r.Line(3) != "" || r.Name() != DataFETCH {
		t.Errorf("lines: %d %q %q", r.NumLines(), r.Line(0), r.Line(2))
	}
	if r.Wire() != "* 1 FETCH (BODY[] {3}\r\na\r\n)\r\n" {
		t.Errorf("wire %q", r.Wire())
	}
}
