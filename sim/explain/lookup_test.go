package explain_test

import (
	"reflect"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
)

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"554", []string{"554"}},
		{"5.7.1", []string{"5.7.1"}},
		{"5.1.10", []string{"5.1.10"}},
		{"554 5.7.1", []string{"5.7.1", "554"}},
		{"554 5.7.1 <bob@example.net>: Relay access denied", []string{"5.7.1", "554"}},
		{"250-SIZE 10240000", []string{"250"}},
		{"571", []string{"5xx"}},
		{"2xx", []string{"2xx"}},
		{"RCPT", []string{"SMTP RCPT"}},
		{"rcpt", []string{"SMTP RCPT"}},
		{"RCPT TO:<bob@example.jp>", []string{"SMTP RCPT"}},
		{"MAIL FROM:<>", []string{"SMTP MAIL"}},
		{"  smtp   rcpt ", []string{"SMTP RCPT"}},
		{"STAT", []string{"POP3 STAT"}},
		{"pop3 retr", []string{"POP3 RETR"}},
		{"USER alice", []string{"POP3 USER"}},
		{"QUIT", []string{"SMTP QUIT", "POP3 QUIT"}},
		{"noop", []string{"SMTP NOOP", "POP3 NOOP"}},
		{"RSET", []string{"SMTP RSET", "POP3 RSET"}},
		{".", []string{"SMTP ."}},
		{"AUTH-DATA", []string{"SMTP AUTH-DATA"}},
		{"+OK", []string{"+OK"}},
		{"+OK 2 320", []string{"+OK"}},
		{"-ERR", []string{"-ERR"}},
		{"-err [AUTH] invalid user name or password", []string{"-ERR"}},
		{"MX", []string{"DNS MX"}},
		{"a", []string{"DNS A"}},
		{"TXT", []string{"DNS TXT"}},
		{"NXDOMAIN", []string{"DNS NXDOMAIN"}},
		{"NXDOMAIN examp1e.jp.", []string{"DNS NXDOMAIN"}},
		{"NOERROR", []string{"DNS NODATA"}},
		{"NOERROR example.jp. IN MX (no records)", []string{"DNS NODATA", "DNS MX"}},
		{"null MX", []string{"DNS null MX"}},
		{"example.jp. 3600 IN MX 0 .", []string{"DNS null MX", "DNS MX"}},
		{"query example.jp. IN MX", []string{"DNS MX"}},
		{"spf", []string{"DNS SPF"}},
		{"op25b", []string{"OP25B"}},
		{"OP25B", []string{"OP25B"}},
		{"drop", []string{"TCP drop"}},
		{"tcp drop", []string{"TCP drop"}},
		{"refused", []string{"TCP refused"}},
		{"timeout", []string{"TCP timeout"}},
		{"587", []string{"port 587"}},
		{"25", []string{"port 25"}},
		{"submission", []string{"port 587"}},
		{"bounce", []string{"MTA bounce"}},
		{"", nil},
		{"   ", nil},
		{"xyzzy", nil},
		{"DATA-LINE", nil},
		{"5.9.9", nil},
		{"1234", nil},
		{"SMTP", []string{"SMTP"}},
		{"199", nil},
	} {
		if got := keys(explain.Lookup(c.query)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Lookup(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}

func TestGet(t *testing.T) {
	if e, ok := explain.Get("tcp DROP"); !ok || e.Key != "TCP drop" {
		t.Errorf(`Get("tcp DROP") = %q, %v`, e.Key, ok)
	}
	if _, ok := explain.Get("refused"); ok {
		t.Error(`Get("refused") found an alias; Get takes canonical keys only`)
	}
}

// Every key that All lists must be found again by Lookup, first: that is
// what `mailsim explain --list` promises.
func TestLookupFindsEveryKey(t *testing.T) {
	for _, e := range explain.All() {
		got := explain.Lookup(e.Key)
		if len(got) == 0 || got[0].Key != e.Key {
			t.Errorf("Lookup(%q) = %q", e.Key, keys(got))
		}
	}
}

// TestWordsFind checks that every completion word finds an entry, and that
// the words people type are among them.
func TestWordsFind(t *testing.T) {
	words := explain.Words()
	have := map[string]bool{}
	for _, w := range words {
		have[w] = true
		if len(explain.Lookup(w)) == 0 {
			t.Errorf("completion word %q finds nothing", w)
		}
	}
	for _, w := range []string{"RCPT", "STAT", "554", "5.7.1", "587", "MX", "OP25B", "NXDOMAIN", "SMTP RCPT"} {
		if !have[w] {
			t.Errorf("Words lacks %q", w)
		}
	}
}
