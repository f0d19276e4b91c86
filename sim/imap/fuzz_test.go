package imap

import (
	"strings"
	"testing"
)

// FuzzServer feeds lines to a server and checks its invariants: every
// command line gets at most one tagged response, last; a tagged response
// has a condition; a response's wire lines carry no stray line breaks
// outside announced literals; Close only with LOGOUT.
func FuzzServer(f *testing.F) {
	f.Add("a1 LOGIN bob hunter2\na2 SELECT INBOX\na3 UID FETCH 1:* (FLAGS BODY.PEEK[])\na4 STORE 1 +FLAGS (\\Deleted)\na5 EXPUNGE\na6 LOGOUT")
	f.Add("a1 LOGIN {3}\nbob {7+}\nhunter2\na2 ENABLE IMAP4rev2\na3 SELECT inbox\na4 FETCH 1:* (UID RFC822.SIZE BODY[HEADER] RFC822)\na5 CLOSE")
	f.Add("a1 LOGIN bob hunter2\na2 SELECT INBOX\na3 STORE 2,1 -FLAGS.SILENT \\Seen\na4 FETCH * BODY[TEXT]\na5 NOOP\na6 UID STORE 1:* FLAGS ()")
	f.Add("a1 LOGIN bob {5000+}\nx\ny")
	f.Fuzz(func(t *testing.T, input string) {
		box := testBox()
		s := NewServer(testConfig(box))
		other := NewServer(testConfig(box))
		other.Handle("o1 LOGIN bob hunter2")
		other.Handle("o2 SELECT INBOX")
		for _, line := range strings.Split(input, "\n") {
			r := s.Handle(line)
			for i, resp := range r.Responses {
				if resp.Tagged() && i != len(r.Responses)-1 {
					t.Fatalf("%q: tagged response %q before others", line, resp.Line(0))
				}
				if resp.Tagged() && resp.Cond() == "" {
					t.Fatalf("%q: tagged response without a condition: %q", line, resp.Text)
				}
				if n := strings.Count(resp.Text, "\r\n"); n > 0 && !strings.Contains(resp.Text, "}\r\n") {
					t.Fatalf("%q: line break outside a literal in %q", line, resp.Text)
				}
				if strings.ContainsAny(strings.ReplaceAll(resp.Wire(), "\r\n", ""), "\r\n") && !strings.Contains(resp.Text, "}\r\n") {
					t.Fatalf("%q: bare CR or LF in %q", line, resp.Text)
				}
			}
			if r.Close && s.State() != StateLogout {
				t.Fatalf("%q: Close in state %v", line, s.State())
			}
			// The other session follows whatever this one did.
			other.Handle("o3 NOOP")
			if got, want := other.Info().Exists, box.Len(); got != want {
				t.Fatalf("%q: the other session sees %d messages, the store has %d", line, got, want)
			}
		}
	})
}

// FuzzParser feeds lines to the response parser: it never panics, a
// response it returns reproduces the lines it came from, and it never
// keeps more than MaxResponse.
func FuzzParser(f *testing.F) {
	f.Add("* 1 FETCH (UID 1 BODY[] {5}\nab\n)\na1 OK done")
	f.Add("* OK [UIDVALIDITY 1] x\n+ go\n+\n* 2 EXISTS")
	f.Add("* X {0}\n)\n* Y {2}\na\nb")
	f.Fuzz(func(t *testing.T, input string) {
		var p Parser
		var lines []string
		for _, l := range strings.Split(input, "\n") {
			lines = append(lines, l)
			r, done, err := p.Feed(l)
			if !done {
				continue
			}
			if err == nil {
				want := strings.Join(lines, "\r\n")
				if got := strings.TrimSuffix(r.Wire(), "\r\n"); got != want && !(want == "+" && got == "+ ") {
					t.Fatalf("response %q from lines %q", got, want)
				}
				for i := 0; i < r.NumLines(); i++ {
					_ = r.Line(i)
				}
				_, _, _, _ = r.Cond(), r.Code(), r.Info(), r.Name()
				c := NewClient(Job{User: "bob", Pass: "x"})
				c.Next(r)
			}
			lines = lines[:0]
		}
	})
}
