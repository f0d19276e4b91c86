package smtp

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestReplyLines(t *testing.T) {
	ehlo := Reply{Code: 250, Lines: []string{"mail.example.jp", "PIPELINING", "SMTPUTF8"}}
	for _, tc := range []struct {
		r    Reply
		i    int
		want string
	}{
		{ehlo, 0, "250-mail.example.jp"},
		{ehlo, 1, "250-PIPELINING"},
		{ehlo, 2, "250 SMTPUTF8"},
		{ehlo, 3, ""},
		{ehlo, -1, ""},
		{Reply{Code: 250, Enhanced: "2.0.0", Lines: []string{"Ok: queued as 1A2B3C"}}, 0, "250 2.0.0 Ok: queued as 1A2B3C"},
		{Reply{Code: 334, Lines: []string{""}}, 0, "334 "}, // RFC 4954 4: "334 " keeps its space
		{Reply{Code: 554, Enhanced: "5.7.1", Lines: []string{""}}, 0, "554 5.7.1"},
		// RFC 2034 4: the enhanced code prefixes every line of a multi-line reply.
		{Reply{Code: 550, Enhanced: "5.1.1", Lines: []string{"first", "second"}}, 0, "550-5.1.1 first"},
		{Reply{Code: 550, Enhanced: "5.1.1", Lines: []string{"first", "second"}}, 1, "550 5.1.1 second"},
	} {
		if got := tc.r.Line(tc.i); got != tc.want {
			t.Errorf("%+v.Line(%d) = %q, want %q", tc.r, tc.i, got, tc.want)
		}
		if got := string(tc.r.AppendLine([]byte("x"), tc.i)); got != "x"+tc.want {
			t.Errorf("%+v.AppendLine(%d) = %q, want %q", tc.r, tc.i, got, "x"+tc.want)
		}
	}
	if got := ehlo.NumLines(); got != 3 {
		t.Errorf("NumLines = %d", got)
	}
	if got := ehlo.Error(); got != "250-mail.example.jp\n250-PIPELINING\n250 SMTPUTF8" {
		t.Errorf("Error() = %q", got)
	}
	var err error = Reply{Code: 535, Enhanced: "5.7.8", Lines: []string{"Error: authentication failed"}}
	var r Reply
	if !errors.As(err, &r) || r.Code != 535 || err.Error() != "535 5.7.8 Error: authentication failed" {
		t.Errorf("Reply as error: %v", err)
	}
	if got := (Reply{Code: 250}).Error(); got != "250" {
		t.Errorf("empty Reply Error() = %q", got)
	}
}

func TestParseReplyLine(t *testing.T) {
	for _, tc := range []struct {
		line     string
		code     int
		enhanced string
		text     string
		last     bool
		ok       bool
	}{
		{"250 2.0.0 Ok: queued as 1A2B3C", 250, "2.0.0", "Ok: queued as 1A2B3C", true, true},
		{"250-mail.example.jp", 250, "", "mail.example.jp", false, true},
		{"250-8BITMIME", 250, "", "8BITMIME", false, true},
		{"250 SIZE 10240000", 250, "", "SIZE 10240000", true, true},
		{"334 ", 334, "", "", true, true},
		{"334 VXNlcm5hbWU6", 334, "", "VXNlcm5hbWU6", true, true},
		{"354 End data with <CR><LF>.<CR><LF>", 354, "", "End data with <CR><LF>.<CR><LF>", true, true},
		{"220", 220, "", "", true, true},
		{"550 5.1.1", 550, "5.1.1", "", true, true},
		{"421 4.7.0 mx Error: too many errors", 421, "4.7.0", "mx Error: too many errors", true, true},
		{"538 5.7.11 Encryption required", 538, "5.7.11", "Encryption required", true, true},
		{"535 5.7.1234 x", 535, "", "5.7.1234 x", true, true}, // detail longer than 3 digits
		{"550 4.1.1 mismatched class", 550, "", "4.1.1 mismatched class", true, true},
		{"250 2.0.0x", 250, "", "2.0.0x", true, true},
		{"250 2.0 Ok", 250, "", "2.0 Ok", true, true},
		{"25", 0, "", "", false, false},
		{"abc def", 0, "", "", false, false},
		{"650 no such class", 0, "", "", false, false},
		{"260 second digit", 0, "", "", false, false},
		{"250_Ok", 0, "", "", false, false},
		{"", 0, "", "", false, false},
	} {
		code, enh, text, last, err := ParseReplyLine(tc.line)
		if (err == nil) != tc.ok || code != tc.code || enh != tc.enhanced || text != tc.text || last != tc.last {
			t.Errorf("ParseReplyLine(%q) = %d, %q, %q, %v, %v", tc.line, code, enh, text, last, err)
		}
	}
	_, _, _, _, err := ParseReplyLine(strings.Repeat("x", 200))
	var se *ReplySyntaxError
	if !errors.As(err, &se) || len(se.Line) != 80 || !strings.Contains(err.Error(), "no reply code") {
		t.Errorf("error = %v", err)
	}
}

func TestReplyParser(t *testing.T) {
	var p ReplyParser
	for _, l := range []string{"250-mail.example.jp", "250-PIPELINING"} {
		if _, done, err := p.Feed(l); done || err != nil {
			t.Fatalf("Feed(%q) = %v, %v", l, done, err)
		}
	}
	r, done, err := p.Feed("250 SMTPUTF8")
	if !done || err != nil || r.Code != 250 || strings.Join(r.Lines, "|") != "mail.example.jp|PIPELINING|SMTPUTF8" {
		t.Fatalf("Feed = %+v, %v, %v", r, done, err)
	}
	r, done, err = p.Feed("550 5.1.1 <x@example.jp>: unknown")
	if !done || err != nil || r.Enhanced != "5.1.1" || r.Lines[0] != "<x@example.jp>: unknown" {
		t.Fatalf("Feed = %+v, %v, %v", r, done, err)
	}
	// RFC 5321 4.2.1: the lines of one reply share a code.
	p.Feed("250-a")
	if _, _, err := p.Feed("251 b"); err == nil {
		t.Fatal("mixed codes accepted")
	}
	r, done, _ = p.Feed("221 2.0.0 Bye")
	if !done || r.Code != 221 || len(r.Lines) != 1 {
		t.Fatalf("after an error the parser does not start afresh: %+v", r)
	}
	// A later line with another enhanced code keeps it as text.
	p.Feed("250-2.0.0 one")
	r, _, _ = p.Feed("250 2.1.0 two")
	if r.Enhanced != "2.0.0" || r.Lines[1] != "2.1.0 two" {
		t.Fatalf("Feed = %+v", r)
	}
	if _, _, err := p.Feed("bad"); err == nil {
		t.Fatal("bad line accepted")
	}
}

func TestClip(t *testing.T) {
	if got := clip("日本語", 4); got != "日" {
		t.Errorf("clip = %q", got)
	}
	if got := clip("abc", 5); got != "abc" {
		t.Errorf("clip = %q", got)
	}
}

// TestAppendCode checks the three-digit fast path against strconv, and
// the codes outside it.
func TestAppendCode(t *testing.T) {
	for _, code := range []int{-1, 0, 7, 42, 99, 100, 101, 220, 250, 354, 421, 550, 599, 909, 999, 1000, 12345} {
		if got, want := string(appendCode(nil, code)), strconv.Itoa(code); got != want {
			t.Errorf("appendCode(%d) = %q, want %q", code, got, want)
		}
	}
}
