package smtp

import (
	"slices"
	"strings"
	"testing"
)

func TestRelayPolicy(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want RelayPolicy
		ok   bool
	}{
		{"none", RelayNone, true},
		{"mynetworks", RelayMyNetworks, true},
		{"Authenticated", RelayAuthenticated, true},
		{" anyone ", RelayAnyone, true},
		{"open", RelayAnyone, true},
		{"relay", 0, false},
		{"", 0, false},
	} {
		got, err := ParseRelayPolicy(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseRelayPolicy(%q) = %v, %v", tc.in, got, err)
		}
		if tc.ok && tc.in != "open" {
			if again, _ := ParseRelayPolicy(got.String()); again != got {
				t.Errorf("%v does not round-trip through String", got)
			}
		}
	}
	if s := RelayPolicy(9).String(); s != "relay(9)" {
		t.Errorf("String() = %q", s)
	}
	var p RelayPolicy
	if err := p.UnmarshalText([]byte("mynetworks")); err != nil || p != RelayMyNetworks {
		t.Errorf("UnmarshalText = %v, %v", p, err)
	}
	if err := p.UnmarshalText([]byte("everybody")); err == nil || p != RelayMyNetworks {
		t.Errorf("UnmarshalText of a bad name = %v, %v", p, err)
	}
	if b, _ := RelayAnyone.MarshalText(); string(b) != "anyone" {
		t.Errorf("MarshalText = %q", b)
	}
}

func TestStateNames(t *testing.T) {
	want := []string{"CONNECTED", "READY", "MAIL", "RCPT", "DATA", "AUTH", "CLOSED"}
	for s := StateConnected; s <= StateClosed; s++ {
		if s.String() != want[s] {
			t.Errorf("State(%d) = %q", s, s.String())
		}
	}
	if got := State(42).String(); got != "STATE(42)" {
		t.Errorf("State(42) = %q", got)
	}
	if n := testing.AllocsPerRun(10, func() { _ = StateRcpt.String() }); n != 0 {
		t.Errorf("State.String allocates %v times", n)
	}
}

func TestVerbs(t *testing.T) {
	want := []string{"EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT", "VRFY", "HELP", "AUTH", "STARTTLS", "EXPN"}
	if got := Verbs(); !slices.Equal(got, want) {
		t.Errorf("Verbs() = %v", got)
	}
	for _, tc := range []struct{ line, want string }{
		{"mail FROM:<a@b.example>", VerbMAIL},
		{"StartTLS", VerbSTARTTLS},
		{"EXPN list", VerbEXPN},
		{"TURN", ""},
		{"", ""},
		{"MAILFROM:<a@b>", ""},
	} {
		if got := Verb(tc.line); got != tc.want {
			t.Errorf("Verb(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
	if !slices.IsSorted(Codes()) || !slices.IsSorted(EnhancedCodes()) {
		t.Error("Codes() or EnhancedCodes() is not sorted")
	}
}

func TestLineVerb(t *testing.T) {
	s := NewServer(submissionConfig(), homePeer)
	for _, step := range []struct{ line, tag string }{
		{"ehlo pc10", VerbEHLO},
		{"AUTH LOGIN", VerbAUTH},
		{"YWxpY2U=", TagAuthData},
		{"c2VjcmV0", TagAuthData},
		{"MAIL FROM:<alice@isp.example>", VerbMAIL},
		{"RCPT TO:<bob@example.jp>", VerbRCPT},
		{"DATA", VerbDATA},
		{"QUIT", TagDataLine},
		{".", TagDataLine},
		{"QUIT", VerbQUIT},
	} {
		if got := s.LineVerb(step.line); got != step.tag {
			t.Errorf("LineVerb(%q) in %v = %q, want %q", step.line, s.State(), got, step.tag)
		}
		s.Handle(step.line)
	}
}

func TestNilConfig(t *testing.T) {
	s := NewServer(nil, Peer{})
	if got := s.Greeting().Line(0); got != "220 localhost ESMTP mailsim" {
		t.Errorf("Greeting = %q", got)
	}
	s.Handle("HELO a")
	s.Handle("MAIL FROM:<a@b.example>")
	// No domains and no relay: nothing can be delivered.
	if r := s.Handle("RCPT TO:<c@d.example>"); r.Reply.Code != 554 {
		t.Errorf("RCPT = %v", r.Reply)
	}
}

// TestLookupCommand checks the ASCII fast path of lookupCommand against
// strings.EqualFold over the table, including the Unicode folds that
// make a longer word match (U+017F folds to s, U+212A to k).
func TestLookupCommand(t *testing.T) {
	for _, c := range []struct {
		word, want string
	}{
		{"MAIL", VerbMAIL}, {"mail", VerbMAIL}, {"MaIl", VerbMAIL}, {"starttls", VerbSTARTTLS},
		{"STARTTLS", VerbSTARTTLS}, {"ſTARTTLS", VerbSTARTTLS}, {"rſet", VerbRSET},
		{"MAI", ""}, {"MAILX", ""}, {"STARTTLSX", ""}, {"", ""}, {"M@IL", ""}, {"STARTTLS\x00", ""},
	} {
		got := ""
		if cmd := lookupCommand(c.word); cmd != nil {
			got = cmd.verb
		}
		if got != c.want {
			t.Errorf("lookupCommand(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// FuzzLookupCommand: the fast look-up finds what EqualFold finds.
func FuzzLookupCommand(f *testing.F) {
	for _, s := range []string{"EHLO", "quit", "ſTARTTLS", "Rcpt", "xyzw", "STARTTLSS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		if got, want := lookupCommand(word), lookupCommandFold(word); got != want {
			t.Errorf("lookupCommand(%q) = %v, want %v", word, got, want)
		}
	})
}

// hasControl is scanLine's control half written plainly: the oracle of
// TestScanLine and of FuzzParsePath.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return true
		}
	}
	return false
}

// TestScanLine: scanLine agrees with hasControl and an ASCII check.
func TestScanLine(t *testing.T) {
	for _, s := range []string{"", "MAIL FROM:<a@b>", "a\tb", "a\x00b", "a\x7fb", "caf\xc3\xa9", "\xff", "\xc3\xa9\r"} {
		control, nonASCII := scanLine(s)
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < 0x80
		}
		if control != hasControl(s) || nonASCII == ascii {
			t.Errorf("scanLine(%q) = %v, %v", s, control, nonASCII)
		}
	}
}

// FuzzListsMechanism: listsMechanism decides as the upper-cased
// substring search it replaces.
func FuzzListsMechanism(f *testing.F) {
	for _, s := range []string{"PLAIN LOGIN", "login  plain", "CRAM-MD5", "", "PLAıN", "XPLAIN PLAINX", "LOGIN\tPLAIN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		for _, mech := range []string{"PLAIN", "LOGIN"} {
			want := strings.Contains(strings.ToUpper(" "+list+" "), " "+mech+" ")
			if got := listsMechanism(list, mech); got != want {
				t.Errorf("listsMechanism(%q, %s) = %v, want %v", list, mech, got, want)
			}
		}
	})
}

// TestAppendPlainResponse: the AUTH PLAIN line is the prefix and the
// response, for short credentials and long ones.
func TestAppendPlainResponse(t *testing.T) {
	for _, a := range []*Auth{{User: "u", Pass: "p"}, {User: strings.Repeat("u", 60), Pass: strings.Repeat("p", 300)}} {
		if got, want := appendPlainResponse("AUTH PLAIN ", a), "AUTH PLAIN "+plainResponse(a); got != want {
			t.Errorf("appendPlainResponse = %q, want %q", got, want)
		}
	}
}
