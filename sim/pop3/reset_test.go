package pop3

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// session plays lines to s and renders everything it says and is: the
// greeting, every wire line, each result, and the session's facts after
// each line.
func session(s *Server, input string) string {
	var b strings.Builder
	writeResponse(&b, s.Greeting())
	for _, line := range strings.Split(input, "\n") {
		b.WriteString("C: " + line + "\n")
		r := s.Handle(line)
		writeResponse(&b, r.Response)
		fmt.Fprintf(&b, "close=%v delete=%q login=%q starttls=%v\n", r.Close, r.Delete, r.Login, r.StartTLS)
		if r.StartTLS {
			s.TLSStarted()
		}
		fmt.Fprintf(&b, "%+v\n", s.Info())
	}
	return b.String()
}

// FuzzServerReset runs a session on a core that served another session
// (under another configuration) and was Reset, and on a new core, and
// compares every response and fact.
func FuzzServerReset(f *testing.F) {
	addScripts(f)
	f.Fuzz(func(t *testing.T, input string) {
		for _, before := range []*Config{fuzzConfig(), rfcConfig(), testConfig(), nil} {
			s := NewServer(before)
			session(s, input)
			for range 2 {
				s.Reset(fuzzConfig())
				got := session(s, input)
				if want := session(NewServer(fuzzConfig()), input); got != want {
					t.Fatalf("a reset core differs from a new one\n--- reset\n%s\n--- new\n%s", got, want)
				}
			}
		}
	})
}

// TestClientReset runs each job on a client core that carried out another
// job and was Reset, and on a new one: the same commands, the same result.
func TestClientReset(t *testing.T) {
	jobs := []Job{
		{User: "bob", Pass: "hunter2"},
		{User: "bob", Pass: "hunter2", Keep: true},
		{User: "erin", Pass: "s3cret"},
		{User: "bob", Pass: "wrong"},
		{User: "dave", Pass: "letmein"},
	}
	for i, prev := range jobs {
		for j, job := range jobs {
			t.Run(fmt.Sprintf("%d-then-%d", i, j), func(t *testing.T) {
				c := NewClient(prev)
				converse(t, NewServer(testConfig()), c)
				c.Reset(job)
				got, _ := converse(t, NewServer(testConfig()), c)
				fresh := NewClient(job)
				want, _ := converse(t, NewServer(testConfig()), fresh)
				if got != want {
					t.Errorf("a reset client differs from a new one\n--- reset\n%s\n--- new\n%s", got, want)
				}
				if g, w := c.Result(), fresh.Result(); !reflect.DeepEqual(g, w) {
					t.Errorf("result %+v, a new client's %+v", g, w)
				}
			})
		}
	}
}
