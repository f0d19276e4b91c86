package pop3

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fuzzConfig offers everything: APOP, STLS and a maildrop with dot lines.
func fuzzConfig() *Config {
	cfg := testConfig()
	cfg.Timestamp = "<1896.697170952@mail.example.jp>"
	cfg.STLS = true
	return cfg
}

// addScripts seeds a fuzz target with the client lines of every transcript.
func addScripts(f *testing.F) {
	for _, tc := range serverCases {
		var lines []string
		for _, l := range strings.Split(tc.script, "\n") {
			if c, ok := strings.CutPrefix(l, "C: "); ok {
				lines = append(lines, c)
			}
		}
		f.Add(strings.Join(lines, "\n"))
	}
	f.Add("APOP bob " + Digest("<1896.697170952@mail.example.jp>", "hunter2") + "\nUIDL\nTOP 1 1\nDELE 2\nQUIT")
}

// FuzzServer feeds sequences of lines to a server and checks that it never
// panics and never breaks the protocol's invariants.
func FuzzServer(f *testing.F) {
	addScripts(f)
	f.Fuzz(func(t *testing.T, input string) {
		s := NewServer(fuzzConfig())
		for _, line := range strings.Split(input, "\n") {
			before := s.State()
			r := s.Handle(line)
			after := s.State()
			resp := r.Response
			for i := 0; i < resp.NumLines(); i++ {
				if l := resp.Line(i); strings.ContainsAny(l, "\r\n") {
					t.Fatalf("%q: wire line %d %q has a line break", line, i, l)
				}
			}
			if n := len(resp.StatusLine()) + 2; n > MaxStatus {
				t.Fatalf("%q: status line of %d octets", line, n)
			}
			if resp.Multi && !resp.OK {
				t.Fatalf("%q: multi-line -ERR", line)
			}
			if r.Delete != nil && (!r.Close || !resp.OK || after != StateUpdate || before != StateTransaction) {
				t.Fatalf("%q: deletes %q outside QUIT in TRANSACTION (%v -> %v)", line, r.Delete, before, after)
			}
			if r.Close != (after == StateUpdate || after == StateClosed) {
				t.Fatalf("%q: Close=%v in state %v", line, r.Close, after)
			}
			if r.Login != "" && (!resp.OK || after != StateTransaction || s.User() != r.Login) {
				t.Fatalf("%q: Login %q, state %v, user %q", line, r.Login, after, s.User())
			}
			if after < before {
				t.Fatalf("%q: state went back from %v to %v", line, before, after)
			}
			if m := s.Marked(); m < 0 || m > 2 || len(r.Delete) > 2 {
				t.Fatalf("%q: %d marked, deletes %q", line, m, r.Delete)
			}
		}
	})
}

// FuzzClient answers a client with whatever responses the input holds, read
// through the Assembler as from a real connection.
func FuzzClient(f *testing.F) {
	f.Add(false, "+OK ready <1.2@x>\n+OK\n+OK in\n+OK 1 5\n+OK\n1 5\n.\n+OK\n..a\n.\n+OK\n+OK bye")
	f.Add(true, "+OK ready <1.2@x>\n+OK in\n+OK 2 9\n+OK\n1 4\n2 5 x\n.\n-ERR no\n+OK\nb\n.\n+OK\n+OK")
	f.Add(false, "-ERR busy\n+OK")
	f.Add(true, "+OK no timestamp\n+OK")
	f.Add(false, "+OK\n+OK\n+OK\n+OK junk\n+OK\nx y\n.\n-ERR")
	f.Fuzz(func(t *testing.T, apop bool, input string) {
		cli := NewClient(Job{User: "bob", Pass: "hunter2", APOP: apop})
		var a Assembler
		sent, retrs, deles := 0, 0, 0
		done := false
		for _, line := range strings.Split(input, "\n") {
			r, complete, err := a.Feed(line)
			if !complete || err != nil {
				continue
			}
			cmd, end := cli.Next(r)
			if done && !end {
				t.Fatalf("client sent %q after it was done", cmd)
			}
			if end {
				done = true
				continue
			}
			sent++
			if strings.ContainsAny(cmd, "\r\n") || len(cmd)+2 > MaxCommand {
				t.Fatalf("bad command line %q", cmd)
			}
			if !slices.Contains(Verbs(), VerbOf(cmd)) {
				t.Fatalf("unknown verb in %q", cmd)
			}
			switch VerbOf(cmd) {
			case CmdRETR:
				retrs++
			case CmdDELE:
				deles++
			}
			a.Expect(cmd)
		}
		res := cli.Result()
		if len(res.Messages) > retrs || res.Deleted > deles || res.Deleted > len(res.Messages) {
			t.Fatalf("%d messages, %d deleted from %d RETR, %d DELE", len(res.Messages), res.Deleted, retrs, deles)
		}
		if res.Failure != nil && res.Failure.OK {
			t.Fatalf("Failure is a +OK: %+v", res.Failure)
		}
	})
}

// FuzzResponseRoundTrip checks that every Response survives its wire form:
// Line, then the Assembler, gives back the same Response.
func FuzzResponseRoundTrip(f *testing.F) {
	f.Add(true, true, "120 octets", "From: a\n\n.\n..\n.x\nlast")
	f.Add(true, false, "2 320", "")
	f.Add(false, false, "[AUTH] invalid user name or password", "")
	f.Add(true, true, "", "")
	f.Add(true, true, " leading space", ".")
	f.Fuzz(func(t *testing.T, ok, multi bool, text, body string) {
		if strings.ContainsAny(text, "\r\n") {
			t.Skip("a status text cannot hold a line break")
		}
		r := Response{OK: ok, Text: text, Multi: ok && multi}
		if r.Multi && body != "" {
			r.Lines = strings.Split(body, "\n")
		}
		var a Assembler
		cmd := "NOOP"
		if r.Multi {
			cmd = "RETR 1"
		}
		a.Expect(cmd)
		for i := 0; i < r.NumLines(); i++ {
			got, done, err := a.Feed(r.Line(i) + "\r\n")
			if err != nil {
				t.Fatalf("line %d %q: %v", i, r.Line(i), err)
			}
			if done != (i == r.NumLines()-1) {
				t.Fatalf("line %d of %d: done=%v", i, r.NumLines(), done)
			}
			if done && !reflect.DeepEqual(got, r) {
				t.Fatalf("round trip of %+v gave %+v", r, got)
			}
		}
		again, err := ParseStatus(r.StatusLine())
		if err != nil || again.OK != r.OK || again.Text != r.Text {
			t.Fatalf("ParseStatus(%q) = %+v, %v", r.StatusLine(), again, err)
		}
	})
}

// FuzzParse runs the small parsers on any line: ParseStatus, MultiLine,
// VerbOf, Code.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"+OK 2 320", "-ERR [AUTH] no", "retr 1", "LIST", "uidl 1\r\n", "", "[", "+ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if r, err := ParseStatus(line); err == nil {
			// Rendering and parsing again is stable ("-ERR " becomes "-ERR").
			if again, err := ParseStatus(r.StatusLine()); err != nil || !reflect.DeepEqual(again, r) {
				t.Fatalf("ParseStatus(%q) = %+v renders as %q, which parses as %+v, %v", line, r, r.StatusLine(), again, err)
			}
			if !strings.HasPrefix(strings.ToUpper(trimEOL(line)), r.StatusLine()[:3]) {
				t.Fatalf("ParseStatus(%q) renders as %q", line, r.StatusLine())
			}
			if c := r.Code(); c != "" && !strings.HasPrefix(r.Text, "["+c+"]") {
				t.Fatalf("Code %q of %q", c, r.Text)
			}
		}
		v := VerbOf(line)
		if strings.ContainsAny(v, "abcdefghijklmnopqrstuvwxyz") || strings.Contains(v, " ") {
			t.Fatalf("VerbOf(%q) = %q is not one upper-case word", line, v)
		}
		if MultiLine(line) && knownVerb(v) == "" {
			t.Fatalf("MultiLine(%q) for unknown verb %q", line, v)
		}
	})
}

// FuzzLookupCommand: the fast look-up finds what EqualFold finds.
func FuzzLookupCommand(f *testing.F) {
	for _, s := range []string{"RETR", "quit", "top", "ToP", "ſTAT", "uidl", "XYZW", "TO"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, verb string) {
		want := lookupCommandFold(verb)
		if len(verb) < 3 || len(verb) > 4 {
			want = nil
		}
		if got := lookupCommand(verb); got != want {
			t.Errorf("lookupCommand(%q) = %v, want %v", verb, got, want)
		}
	})
}

// FuzzWireSize checks the line splitting RETR and LIST rely on against a
// byte-by-byte reading of RFC 1939 11: lines end at LF, a CR before it is
// part of the end, and a last line without an end is sent with one.
func FuzzWireSize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb\r\n", "a\nb", "\r", "x\r\r\n", "\r\n\r\n.\r\n", "é\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		var want []string
		start := 0
		for i := 0; i < len(data); i++ {
			if data[i] == '\n' {
				end := i
				if end > start && data[end-1] == '\r' {
					end--
				}
				want = append(want, data[start:end])
				start = i + 1
			}
		}
		if start < len(data) {
			want = append(want, data[start:])
		}
		size := 0
		for _, l := range want {
			size += len(l) + 2
		}
		if got := splitLines(data); !slices.Equal(got, want) {
			t.Errorf("splitLines(%q) = %q, want %q", data, got, want)
		}
		if got := wireSize(data); got != size {
			t.Errorf("wireSize(%q) = %d, want %d", data, got, size)
		}
		if got := countLines(data); got != len(want) {
			t.Errorf("countLines(%q) = %d, want %d", data, got, len(want))
		}
	})
}
