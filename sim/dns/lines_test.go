package dns

import (
	"reflect"
	"strings"
	"testing"
)

func TestQuestionLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    Type
		want string
	}{
		{"example.jp", TypeMX, "query example.jp. IN MX"},
		{"example.jp.", TypeMX, "query example.jp. IN MX"},
		{"Mail.Example.JP", TypeA, "query Mail.Example.JP. IN A"},
		{"_dmarc.example.jp", TypeTXT, "query _dmarc.example.jp. IN TXT"},
		{"host.example", TypeAAAA, "query host.example. IN AAAA"},
		{"", TypeA, "query . IN A"},
		{".", TypeANY, "query . IN ANY"},
		{"example.jp", Type(99), "query example.jp. IN TYPE99"},
		{"a b.example", TypeA, `query a\ b.example. IN A`},
	} {
		if got := QuestionLine(tc.name, tc.t); got != tc.want {
			t.Errorf("QuestionLine(%q, %v) = %q, want %q", tc.name, tc.t, got, tc.want)
		}
	}
}

func TestLines(t *testing.T) {
	long := strings.Repeat("a", 255) + "bc"
	tests := []struct {
		name string
		a    Answer
		want []string
	}{
		{"MX", Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeMX, MX: []MX{{10, "mx1.example.jp"}, {20, "mx2.example.jp"}}}, []string{
			"example.jp. 3600 IN MX 10 mx1.example.jp.",
			"example.jp. 3600 IN MX 20 mx2.example.jp.",
		}},
		{"null MX", Answer{RCode: "NOERROR", Name: "nomail.example", Type: TypeMX, MX: []MX{{0, ""}}}, []string{
			"nomail.example. 3600 IN MX 0 .",
		}},
		{"A and AAAA", Answer{RCode: "NOERROR", Name: "mx.example.jp", Type: TypeANY, A: addrs("192.0.2.25", "2001:db8::25")}, []string{
			"mx.example.jp. 3600 IN A 192.0.2.25",
			"mx.example.jp. 3600 IN AAAA 2001:db8::25",
		}},
		{"TXT", Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeTXT, TXT: []string{"v=spf1 ip4:192.0.2.0/24 -all"}}, []string{
			`example.jp. 3600 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"`,
		}},
		{"TXT escapes", Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeTXT, TXT: []string{`say "hi" \o/` + "\t日", ""}}, []string{
			`example.jp. 3600 IN TXT "say \"hi\" \\o/\009\230\151\165"`,
			`example.jp. 3600 IN TXT ""`,
		}},
		{"TXT over 255 octets", Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeTXT, TXT: []string{long}}, []string{
			`example.jp. 3600 IN TXT "` + strings.Repeat("a", 255) + `" "bc"`,
		}},
		{"ANY, MX before A before TXT", Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeANY,
			TXT: []string{"t"}, A: addrs("192.0.2.1"), MX: []MX{{10, "mx.example.jp"}}}, []string{
			"example.jp. 3600 IN MX 10 mx.example.jp.",
			"example.jp. 3600 IN A 192.0.2.1",
			`example.jp. 3600 IN TXT "t"`,
		}},
		{"no records", Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeMX}, []string{
			"NOERROR example.jp. IN MX (no records)",
		}},
		{"NXDOMAIN", Answer{RCode: "NXDOMAIN", Name: "example.jp", Type: TypeMX}, []string{
			"NXDOMAIN example.jp.",
		}},
		{"SERVFAIL", Answer{RCode: "SERVFAIL", Name: "example.jp", Type: TypeMX}, []string{
			"SERVFAIL example.jp. IN MX",
		}},
		{"FORMERR without question", Answer{RCode: "FORMERR"}, []string{
			"FORMERR",
		}},
		{"truncated", Answer{RCode: "NOERROR", Name: "big.example", Type: TypeTXT, Truncated: true}, []string{
			"NOERROR big.example. IN TXT (truncated, retry over TCP)",
		}},
		{"root and special characters", Answer{RCode: "NOERROR", Name: "", Type: TypeMX, MX: []MX{{1, `a(b);c.example`}}}, []string{
			`. 3600 IN MX 1 a\(b\)\;c.example.`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Lines(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lines()\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLinesExchange is the transcript of whole exchanges as the trace
// shows them: the question line, then the answer lines.
func TestLinesExchange(t *testing.T) {
	z := testZone()
	for _, tc := range []struct {
		name string
		t    Type
		want string
	}{
		{"example.jp", TypeMX, `query example.jp. IN MX
example.jp. 3600 IN MX 20 mx2.example.jp.
example.jp. 3600 IN MX 10 mx1.example.jp.
example.jp. 3600 IN MX 10 mx3.example.jp.`},
		{"mx2.example.jp", TypeA, `query mx2.example.jp. IN A
mx2.example.jp. 3600 IN A 192.0.2.26`},
		{"Example.JP", TypeTXT, `query Example.JP. IN TXT
example.jp. 3600 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"`},
		{"nomail.example", TypeMX, `query nomail.example. IN MX
nomail.example. 3600 IN MX 0 .`},
		{"mx1.example.jp", TypeMX, `query mx1.example.jp. IN MX
NOERROR mx1.example.jp. IN MX (no records)`},
		{"nosuch.example.jp", TypeA, `query nosuch.example.jp. IN A
NXDOMAIN nosuch.example.jp.`},
	} {
		q, err := NewQuery(1, tc.name, tc.t)
		must(t, err)
		a, err := ParseAnswer(z.Handle(q))
		must(t, err)
		got := strings.Join(append([]string{QuestionLine(tc.name, tc.t)}, a.Lines()...), "\n")
		if got != tc.want {
			t.Errorf("%s %v:\n got:\n%s\nwant:\n%s", tc.name, tc.t, got, tc.want)
		}
	}
}

func TestTypeString(t *testing.T) {
	for typ, want := range map[Type]string{
		TypeA: "A", TypeMX: "MX", TypeTXT: "TXT", TypeAAAA: "AAAA", TypeANY: "ANY", 0: "TYPE0", 99: "TYPE99", 65535: "TYPE65535",
	} {
		if got := typ.String(); got != want {
			t.Errorf("Type(%d).String() = %q, want %q", uint16(typ), got, want)
		}
	}
}
