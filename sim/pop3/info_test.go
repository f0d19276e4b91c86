package pop3

import (
	"reflect"
	"testing"
)

// TestInfo drives one session and checks what the server states about it
// after each command: the facts the player's state pane shows.
func TestInfo(t *testing.T) {
	s := NewServer(testConfig())
	steps := []struct {
		cmd  string
		want Info
	}{
		{"", Info{}},
		{"USER bob", Info{User: "bob"}},
		{"PASS wrong", Info{}}, // RFC 1939 7: after a failed PASS the client starts again with USER
		{"USER bob", Info{User: "bob"}},
		{"PASS hunter2", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171}},
		{"RETR 2", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2}}},
		{"RETR 1", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}}},
		{"RETR 2", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}}},
		{"RETR 3", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}}},
		{"DELE 2", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}, Marked: []int{2}}},
		{"RSET", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}}},
		{"DELE 2", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}, Marked: []int{2}}},
		{"DELE 1", Info{State: StateTransaction, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}, Marked: []int{1, 2}}},
		// RFC 1939 6: the marked messages go when QUIT enters UPDATE.
		{"QUIT", Info{State: StateUpdate, User: "bob", LoggedIn: true, Messages: 2, Octets: 171, Retrieved: []int{2, 1}, Marked: []int{1, 2}, Deleted: 2}},
	}
	for _, st := range steps {
		if st.cmd != "" {
			s.Handle(st.cmd)
		}
		if got := s.Info(); !reflect.DeepEqual(got, st.want) {
			t.Errorf("after %q: Info() = %+v, want %+v", st.cmd, got, st.want)
		}
	}
}

// Info's lists are views the session never changes afterwards: a caller
// that keeps one (the trace keeps every snapshot) sees it as it was, through
// RETRs, DELEs in and out of order, and RSET.
func TestInfoViewsStay(t *testing.T) {
	s := NewServer(testConfig())
	type kept struct {
		view       Info
		retr, mark []int
	}
	var all []kept
	for _, l := range []string{"USER bob", "PASS hunter2", "RETR 1", "DELE 2", "RETR 2", "DELE 1", "RSET", "DELE 1", "DELE 2", "RETR 1"} {
		s.Handle(l)
		in := s.Info()
		all = append(all, kept{in, append([]int(nil), in.Retrieved...), append([]int(nil), in.Marked...)})
	}
	if got := all[5].view.Marked; !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("after DELE 2, DELE 1: Marked %v, want [1 2]", got)
	}
	for i, k := range all {
		if !reflect.DeepEqual(append([]int(nil), k.view.Retrieved...), k.retr) || !reflect.DeepEqual(append([]int(nil), k.view.Marked...), k.mark) {
			t.Errorf("view %d changed: now %v %v, was %v %v", i, k.view.Retrieved, k.view.Marked, k.retr, k.mark)
		}
	}
}

// A session that hangs up deletes nothing and keeps no marks (RFC 1939 6).
func TestInfoHangup(t *testing.T) {
	s := NewServer(testConfig())
	for _, l := range []string{"USER bob", "PASS hunter2", "DELE 1"} {
		s.Handle(l)
	}
	s.Hangup()
	if in := s.Info(); in.Marked != nil || in.Deleted != 0 {
		t.Errorf("after Hangup: %+v", in)
	}
}

// The command table agrees with the verb list and with MultiLine: every
// verb is one entry, and an entry's multi says what MultiLine reports.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands {
		if seen[c.verb] {
			t.Errorf("%s is in the table twice", c.verb)
		}
		seen[c.verb] = true
		if knownVerb(c.verb) != c.verb || lookupCommand(c.verb) != lookupCommand(lower(c.verb)) {
			t.Errorf("%s is not found case-insensitively", c.verb)
		}
		if c.in == 0 || c.run == nil {
			t.Errorf("%s: valid in no state, or no handler", c.verb)
		}
		if got, want := MultiLine(c.verb), c.multi != singleLine; got != want {
			t.Errorf("MultiLine(%q) = %v, want %v", c.verb, got, want)
		}
		if c.multi == multiWithout && MultiLine(c.verb+" 1") {
			t.Errorf("MultiLine(%q) with an argument", c.verb)
		}
	}
	if len(seen) != len(Verbs()) {
		t.Errorf("table has %d verbs, Verbs() %d", len(seen), len(Verbs()))
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Unchanged is false whenever the facts changed since the Info it is
// given, and true for commands that only read (STAT, LIST, NOOP), so a
// driver can share one snapshot between responses.
func TestUnchanged(t *testing.T) {
	s := NewServer(testConfig())
	prev := s.Info()
	for _, l := range []string{"STAT", "USER bob", "PASS bad", "USER bob", "PASS hunter2", "STAT", "LIST", "NOOP",
		"RETR 1", "RETR 1", "DELE 1", "DELE 1", "RSET", "DELE 2", "QUIT", "NOOP"} {
		s.Handle(l)
		now := s.Info()
		if same := reflect.DeepEqual(now, prev); s.Unchanged(&prev) != same {
			t.Errorf("after %q: Unchanged = %v, but the facts are the same: %v", l, !same, same)
		}
		prev = now
	}
}
