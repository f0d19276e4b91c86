package pop3

import (
	"slices"
	"strings"
	"testing"
)

func TestAPOPUpperCaseDigest(t *testing.T) {
	cfg := rfcConfig()
	s := NewServer(cfg)
	r := s.Handle("APOP mrose " + strings.ToUpper(Digest(cfg.Timestamp, "tanstaaf")))
	if !r.Response.OK || r.Login != "mrose" || s.State() != StateTransaction {
		t.Errorf("upper-case digest: %+v, state %v", r, s.State())
	}
}

func TestLoginResult(t *testing.T) {
	s := NewServer(testConfig())
	for _, c := range []struct{ line, login string }{
		{"USER bob", ""}, {"PASS wrong", ""}, {"USER bob", ""}, {"PASS hunter2", "bob"}, {"STAT", ""},
	} {
		if r := s.Handle(c.line); r.Login != c.login {
			t.Errorf("%s: Login = %q, want %q", c.line, r.Login, c.login)
		}
	}
}

func TestDropAfterDeleDeletesNothing(t *testing.T) {
	s := NewServer(testConfig())
	for _, l := range []string{"USER bob", "PASS hunter2", "DELE 1", "DELE 2"} {
		if r := s.Handle(l); r.Delete != nil || r.Close {
			t.Fatalf("%s: %+v", l, r)
		}
	}
	if s.Marked() != 2 {
		t.Errorf("Marked = %d, want 2", s.Marked())
	}
	// RFC 1939 6: the connection drops without QUIT.
	s.Hangup()
	if s.State() != StateClosed || s.Marked() != 0 {
		t.Errorf("after Hangup: state %v, marked %d; want CLOSED, 0", s.State(), s.Marked())
	}
	if r := s.Handle("QUIT"); r.Delete != nil || r.Response.OK {
		t.Errorf("QUIT after Hangup: %+v, want -ERR without deletions", r)
	}
}

func TestDeleRsetQuitDeletesNothing(t *testing.T) {
	s := NewServer(testConfig())
	var last Result
	for _, l := range []string{"USER bob", "PASS hunter2", "DELE 1", "DELE 2", "RSET", "QUIT"} {
		last = s.Handle(l)
	}
	if last.Delete != nil || !last.Close || s.Marked() != 0 {
		t.Errorf("QUIT after RSET: %+v, marked %d", last, s.Marked())
	}
}

func TestDeleQuitDeletesAllMarked(t *testing.T) {
	s := NewServer(testConfig())
	var last Result
	for _, l := range []string{"USER bob", "PASS hunter2", "DELE 2", "DELE 1", "QUIT"} {
		last = s.Handle(l)
	}
	// In message order, whatever the order of DELE.
	if want := []string{bobUID1, bobUID2}; !slices.Equal(last.Delete, want) {
		t.Errorf("Delete = %q, want %q", last.Delete, want)
	}
	if got, want := last.Response.Text, "mail.example.jp POP3 server signing off (maildrop empty)"; got != want {
		t.Errorf("QUIT text = %q, want %q", got, want)
	}
}

// The server keeps the maildrop it opened at login: a message arriving during
// the session is not seen (RFC 1939 8). The texts are strings, so nobody can
// change one under the server.
func TestSnapshot(t *testing.T) {
	drop := []Message{{UID: "a", Data: bobMsg2}}
	cfg := testConfig()
	cfg.Open = func(string) []Message { return drop }
	s := NewServer(cfg)
	s.Handle("USER bob")
	s.Handle("PASS hunter2")
	drop = append(drop, Message{UID: "b", Data: bobMsg1})
	if r := s.Handle("STAT"); r.Response.Text != "1 69" {
		t.Errorf("STAT = %q, want 1 69", r.Response.Text)
	}
	if r := s.Handle("RETR 1"); r.Response.Lines[0] != "From: carol@example.jp" {
		t.Errorf("RETR 1 first line = %q", r.Response.Lines[0])
	}
}

func TestNilConfig(t *testing.T) {
	s := NewServer(nil)
	for _, l := range []string{"CAPA", "USER a", "PASS b", "APOP a b", "STAT", "QUIT"} {
		s.Handle(l)
	}
	if s.State() != StateClosed {
		t.Errorf("state = %v", s.State())
	}
}

func TestWireSize(t *testing.T) {
	for _, c := range []struct {
		data  string
		size  int
		lines []string
	}{
		{"", 0, nil},
		{"a\r\nb\r\n", 6, []string{"a", "b"}},
		{"a\nb\n", 6, []string{"a", "b"}}, // bare LF is sent as CRLF
		{"a\r\nb", 6, []string{"a", "b"}}, // a last line without an end gets one
		{"\r\n\r\n", 4, []string{"", ""}}, // empty lines
		{"a\rb\r\n", 5, []string{"a\rb"}}, // a bare CR is data
		{"\r", 3, []string{"\r"}},         // a lone CR
		{"x\r\r\n", 4, []string{"x\r"}},   // only the CR before LF ends the line
		{".\r\n..\r\n", 7, []string{".", ".."}},
	} {
		if got := wireSize(c.data); got != c.size {
			t.Errorf("wireSize(%q) = %d, want %d", c.data, got, c.size)
		}
		if got := splitLines(c.data); !slices.Equal(got, c.lines) {
			t.Errorf("splitLines(%q) = %q, want %q", c.data, got, c.lines)
		}
		if got := len(join(splitLines(c.data))); got != c.size {
			t.Errorf("join(splitLines(%q)) is %d octets, wireSize says %d", c.data, got, c.size)
		}
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Config)
		ok   bool
	}{
		{"test config", func(*Config) {}, true},
		{"RFC timestamp", func(c *Config) { c.Timestamp = "<1896.697170952@dbc.mtview.ca.us>" }, true},
		{"no host", func(c *Config) { c.Hostname = "" }, true},
		{"host with space", func(c *Config) { c.Hostname = "mail example" }, false},
		{"timestamp without brackets", func(c *Config) { c.Timestamp = "1896.697170952@dbc" }, false},
		{"timestamp with space", func(c *Config) { c.Timestamp = "<a b>" }, false},
		{"greeting too long", func(c *Config) { c.Hostname = strings.Repeat("h", 500) }, false},
		{"user with space", func(c *Config) { c.Users["a b"] = "x" }, false},
		{"empty user", func(c *Config) { c.Users[""] = "x" }, false},
		{"user too long", func(c *Config) { c.Users[strings.Repeat("u", 249)] = "x" }, false},
		{"password with line break", func(c *Config) { c.Users["x"] = "a\r\nDELE 1" }, false},
	} {
		cfg := testConfig()
		c.edit(cfg)
		if err := cfg.Validate(); (err == nil) != c.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", c.name, err, c.ok)
		}
	}
}

func TestValidUID(t *testing.T) {
	for _, c := range []struct {
		uid string
		ok  bool
	}{
		{"whqtswO00WBw418f9t5JxYwZ", true},
		{"QhdPYR:00WBw1Ph7x7", true},
		{"", false},
		{"a b", false},
		{strings.Repeat("x", 70), true},
		{strings.Repeat("x", 71), false},
		{"caf\xc3\xa9", false},
	} {
		if got := ValidUID(c.uid); got != c.ok {
			t.Errorf("ValidUID(%q) = %v, want %v", c.uid, got, c.ok)
		}
	}
}

// TestMessageHead: a message given as Head and Data is listed and retrieved
// as the one text Head+Data, whether Head is whole lines or not.
func TestMessageHead(t *testing.T) {
	for _, head := range []string{"", "Return-Path: <a@b.example>\r\n", ".Return-Path: <>\n", "Return-Path: <a@b.example>"} {
		split := testConfig()
		split.Open = func(string) []Message { return []Message{{UID: "a", Head: head, Data: bobMsg2}} }
		whole := testConfig()
		whole.Open = func(string) []Message { return []Message{{UID: "a", Data: head + bobMsg2}} }
		var got, want []string
		for cfg, out := range map[*Config]*[]string{split: &got, whole: &want} {
			s := NewServer(cfg)
			for _, cmd := range []string{"USER bob", "PASS hunter2", "LIST", "RETR 1", "TOP 1 0"} {
				r := s.Handle(cmd).Response
				for i := range r.NumLines() {
					*out = append(*out, r.Line(i))
				}
			}
		}
		if !slices.Equal(got, want) || !slices.Contains(got, "To: bob@example.jp") {
			t.Errorf("head %q:\n got %q\nwant %q", head, got, want)
		}
	}
}

// TestCommandAt checks commandAt against the command table: every verb at
// its place, and nothing else.
func TestCommandAt(t *testing.T) {
	for i := range commands {
		if got := commandAt(commands[i].verb); got != i {
			t.Errorf("commandAt(%q) = %d, want %d", commands[i].verb, got, i)
		}
	}
	for _, v := range []string{"", "XTND", "AUTH", "TO", "user", "LAST"} {
		if got := commandAt(v); got != -1 {
			t.Errorf("commandAt(%q) = %d, want -1", v, got)
		}
	}
}
