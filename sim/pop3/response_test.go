package pop3

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

func wire(r Response) []string {
	var out []string
	for i := 0; i < r.NumLines(); i++ {
		out = append(out, r.Line(i))
	}
	return out
}

func TestResponseWireLines(t *testing.T) {
	for _, c := range []struct {
		r    Response
		want []string
	}{
		{Response{OK: true}, []string{"+OK"}},
		{Response{}, []string{"-ERR"}},
		{Response{OK: true, Text: "2 320"}, []string{"+OK 2 320"}},
		{Response{Text: "no such message"}, []string{"-ERR no such message"}},
		// Lines are ignored unless Multi is set.
		{Response{OK: true, Text: "x", Lines: []string{"a"}}, []string{"+OK x"}},
		{Response{OK: true, Text: "0 messages", Multi: true}, []string{"+OK 0 messages", "."}},
		{
			Response{OK: true, Text: "120 octets", Multi: true, Lines: []string{"a", ".", "..b", "", " .c", ".d"}},
			[]string{"+OK 120 octets", "a", "..", "...b", "", " .c", "..d", "."},
		},
	} {
		if got := wire(c.r); !slices.Equal(got, c.want) {
			t.Errorf("%+v: wire lines %q, want %q", c.r, got, c.want)
		}
	}
	r := Response{OK: true, Multi: true, Lines: []string{"a"}}
	for _, i := range []int{-1, 3, 100} {
		if got := r.Line(i); got != "" {
			t.Errorf("Line(%d) = %q, want empty", i, got)
		}
	}
	if got := (Response{OK: true, Text: "x"}).Line(1); got != "" {
		t.Errorf("single-line Line(1) = %q", got)
	}
}

func TestResponseCode(t *testing.T) {
	for text, want := range map[string]string{
		"[AUTH] invalid user name or password": "AUTH",
		"[SYS/TEMP] try later":                 "SYS/TEMP",
		"[IN-USE] maildrop locked":             "IN-USE",
		"invalid password":                     "",
		"[]":                                   "",
		"[unterminated":                        "",
		"":                                     "",
		"not [AUTH] at start":                  "",
	} {
		if got := (Response{Text: text}).Code(); got != want {
			t.Errorf("Code of %q = %q, want %q", text, got, want)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for _, c := range []struct {
		line string
		want Response
		err  bool
	}{
		{"+OK", Response{OK: true}, false},
		{"+OK\r\n", Response{OK: true}, false},
		{"+OK 2 320", Response{OK: true, Text: "2 320"}, false},
		{"+OK  two spaces", Response{OK: true, Text: " two spaces"}, false},
		{"-ERR", Response{}, false},
		{"-ERR [AUTH] invalid user name or password\r\n", Response{Text: "[AUTH] invalid user name or password"}, false},
		{"+ok lower case", Response{OK: true, Text: "lower case"}, false},
		{"-err", Response{}, false},
		{"+OKAY", Response{}, true},
		{"-ERROR", Response{}, true},
		{"", Response{}, true},
		{"OK", Response{}, true},
		{"220 smtp.example ESMTP", Response{}, true},
		{"* OK IMAP4rev1", Response{}, true},
	} {
		got, err := ParseStatus(c.line)
		if (err != nil) != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseStatus(%q) = %+v, %v; want %+v, err=%v", c.line, got, err, c.want, c.err)
		}
		if err != nil && !errors.Is(err, ErrStatus) {
			t.Errorf("ParseStatus(%q) error %v is not ErrStatus", c.line, err)
		}
	}
}

func TestMultiLine(t *testing.T) {
	for cmd, want := range map[string]bool{
		"":              false,
		"RETR 1":        true,
		"retr 1":        true,
		"TOP 1 0":       true,
		"CAPA":          true,
		"CAPA\r\n":      true,
		"LIST":          true,
		"LIST ":         true,
		"LIST\r\n":      true,
		"LIST 1":        false,
		"UIDL":          true,
		"UIDL 2":        false,
		"STAT":          false,
		"USER bob":      false,
		"PASS a b c":    false,
		"APOP mrose 00": false,
		"QUIT":          false,
		"DELE 1":        false,
		"NOOP":          false,
		"RSET":          false,
		"STLS":          false,
		"RETRY":         false,
	} {
		if got := MultiLine(cmd); got != want {
			t.Errorf("MultiLine(%q) = %v, want %v", cmd, got, want)
		}
	}
}

// Every response the server sends comes back whole through the Assembler:
// the wire form is lossless, dot-stuffing included.
func TestAssemblerRoundTrip(t *testing.T) {
	s := NewServer(rfcConfig())
	var a Assembler
	check := func(cmd string, r Response) {
		t.Helper()
		a.Expect(cmd)
		for i := 0; i < r.NumLines(); i++ {
			got, done, err := a.Feed(r.Line(i) + "\r\n")
			if err != nil {
				t.Fatalf("%s: line %d: %v", cmd, i, err)
			}
			if done != (i == r.NumLines()-1) {
				t.Fatalf("%s: line %d of %d: done=%v", cmd, i, r.NumLines(), done)
			}
			if done && !reflect.DeepEqual(got, r) {
				t.Errorf("%s: assembled %+v, want %+v", cmd, got, r)
			}
		}
	}
	check("", s.Greeting())
	for _, cmd := range []string{"CAPA", "STAT", "APOP mrose c4c9334bac560ecc979e58001b3e22fb", "LIST", "LIST 1",
		"UIDL", "UIDL 2", "RETR 1", "RETR 2", "TOP 2 3", "RETR 9", "DELE 1", "LIST", "NOOP", "QUIT"} {
		check(cmd, s.Handle(cmd).Response)
	}
}

func TestAssemblerErrors(t *testing.T) {
	var a Assembler
	a.Expect("RETR 1")
	if r, done, err := a.Feed("-ERR no such message"); !done || err != nil || r.OK || r.Multi {
		t.Errorf("-ERR to RETR: %+v %v %v; want a single-line -ERR", r, done, err)
	}
	// After a complete response the Assembler expects a single line.
	if r, done, _ := a.Feed("+OK"); !done || r.Multi {
		t.Errorf("+OK without Expect: %+v done=%v", r, done)
	}
	a.Expect("LIST")
	if _, done, err := a.Feed("1 120"); !done || !errors.Is(err, ErrStatus) {
		t.Errorf("body line where a status is due: done=%v err=%v", done, err)
	}
	a.Expect("LIST")
	a.Feed("+OK 1 message (120 octets)")
	if _, done, err := a.Feed("+OK not a status here"); done || err != nil {
		t.Errorf("a body line that looks like a status: done=%v err=%v", done, err)
	}
	r, done, err := a.Feed(".\r\n")
	if !done || err != nil || !slices.Equal(r.Lines, []string{"+OK not a status here"}) {
		t.Errorf("end of body: %+v %v %v", r, done, err)
	}
}

func TestVerbs(t *testing.T) {
	verbs := Verbs()
	if len(verbs) != 14 {
		t.Errorf("Verbs() has %d verbs, want 14", len(verbs))
	}
	seen := map[string]bool{}
	cfg := testConfig()
	cfg.STLS, cfg.Timestamp = true, "<1.2@mail.example.jp>"
	for _, v := range verbs {
		if seen[v] {
			t.Errorf("verb %s twice", v)
		}
		seen[v] = true
		if got := VerbOf(v + " x"); got != v {
			t.Errorf("VerbOf(%q) = %q", v+" x", got)
		}
		// Every verb is a command the server implements, in some state.
		s := NewServer(cfg)
		if r := s.Handle(v); r.Response.Text == txtUnknown {
			t.Errorf("server answers %s with %q", v, r.Response.StatusLine())
		}
	}
	verbs[0] = "changed"
	if Verbs()[0] != CmdUSER {
		t.Error("Verbs() shares its slice between calls")
	}
}

func TestVerbOf(t *testing.T) {
	for line, want := range map[string]string{
		"retr 1":          CmdRETR,
		"Top 1 10":        CmdTOP,
		"QUIT":            CmdQUIT,
		"helo client":     "HELO",
		"":                "",
		" STAT":           "",
		"x":               "X",
		"authenticate 1":  "AUTHENTICATE",
		"caf\xc3\xa9 x":   "CAF\xc3\xa9",
		"PASS a b c":      CmdPASS,
		"statistics 1 2":  "STATISTICS",
		"uidl\tx":         "UIDL\tX",
		"NOOP\r\n":        CmdNOOP,
		"apop mrose abcd": CmdAPOP,
	} {
		if got := VerbOf(line); got != want {
			t.Errorf("VerbOf(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestStateString(t *testing.T) {
	for s, want := range map[State]string{
		StateAuthorization: "AUTHORIZATION",
		StateTransaction:   "TRANSACTION",
		StateUpdate:        "UPDATE",
		StateClosed:        "CLOSED",
		State(9):           "State(9)",
	} {
		if got := s.String(); got != want {
			t.Errorf("State(%d).String() = %q, want %q", s, got, want)
		}
	}
}
