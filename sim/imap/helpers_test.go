package imap

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/mailstore"
)

// testBox is bob's INBOX: two messages, the second already seen.
func testBox() *mailstore.Mailbox {
	b := mailstore.New(1)
	b.Append("A1", "", "Subject: Lunch\r\n\r\nHi Bob\r\n")
	b.Append("A2", "", "Subject: Minutes\r\n\r\n.dot\r\n")
	b.SetFlags(2, mailstore.Seen)
	return b
}

// testConfig serves testBox (the same mailbox to every session) to bob.
func testConfig(box *mailstore.Mailbox) *Config {
	return &Config{
		Hostname: "mx.example.jp",
		Users:    map[string]string{"bob": "hunter2", "carol": "two words"},
		Open: func(user string) Mailbox {
			if user != "bob" {
				return nil
			}
			return box
		},
		Rev2: true,
	}
}

// wire renders every response of r as its wire lines, "S: " before each.
func wire(rs []Response) []string {
	var out []string
	for _, r := range rs {
		for i := 0; i < r.NumLines(); i++ {
			out = append(out, "S: "+r.Line(i))
		}
	}
	return out
}

// runScript plays a transcript: "C: " lines go to the server, and the "S: "
// lines after them must be exactly what it answers. The greeting is the
// first "S: " line.
func runScript(t *testing.T, s *Server, script string) {
	t.Helper()
	lines := strings.Split(strings.Trim(script, "\n"), "\n")
	got := wire([]Response{s.Greeting()})
	var want []string
	for _, l := range lines {
		l = strings.TrimLeft(l, " \t")
		if l == "S:" {
			l = "S: " // an empty line of a literal; editors trim the space
		}
		switch {
		case strings.HasPrefix(l, "C: "):
			got = append(got, l)
			want = append(want, l)
			got = append(got, wire(s.Handle(strings.TrimPrefix(l, "C: ")).Responses)...)
		case strings.HasPrefix(l, "S: "):
			want = append(want, l)
		case l == "":
		default:
			t.Fatalf("script line %q is neither C: nor S:", l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("transcript differs\n--- got\n%s\n--- want\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
