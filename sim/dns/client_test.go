package dns

import (
	"errors"
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

func TestNewQueryNames(t *testing.T) {
	label63 := strings.Repeat("a", 63)
	longest := label63 + "." + label63 + "." + label63 + "." + strings.Repeat("b", 61) // 255 octets on the wire
	z := NewZone()
	z.Add(longest, Records{A: addrs("192.0.2.1")})

	q, err := NewQuery(1, longest+".", TypeA)
	must(t, err)
	a, err := ParseAnswer(z.Handle(q))
	must(t, err)
	if a.Name != longest || len(a.A) != 1 {
		t.Errorf("longest name: %+v", a)
	}

	for _, bad := range []string{longest + "b", "a..b", strings.Repeat("c", 64) + ".jp", ".jp"} {
		if _, err := NewQuery(1, bad, TypeA); !errors.Is(err, ErrInvalidName) {
			t.Errorf("NewQuery(%q) error %v, want ErrInvalidName", bad, err)
		}
	}
}

// answerMsg builds a response with the given answer records, for the
// parser tests.
func answerMsg(t *testing.T, h dnsmessage.Header, q *dnsmessage.Question, answers []dnsmessage.Resource, additionals ...dnsmessage.Resource) []byte {
	t.Helper()
	m := dnsmessage.Message{Header: h, Answers: answers, Additionals: additionals}
	if q != nil {
		m.Questions = []dnsmessage.Question{*q}
	}
	msg, err := m.Pack()
	must(t, err)
	return msg
}

func rr(name string, body dnsmessage.ResourceBody) dnsmessage.Resource {
	return dnsmessage.Resource{
		Header: dnsmessage.ResourceHeader{Name: dnsmessage.MustNewName(name), Class: dnsmessage.ClassINET, TTL: 60},
		Body:   body,
	}
}

// TestParseAnswerSelects: a resolver takes only the records about its
// question's name, class IN, of types it knows.
func TestParseAnswerSelects(t *testing.T) {
	q := question("Example.JP.", dnsmessage.TypeMX)
	chaos := rr("example.jp.", &dnsmessage.AResource{A: [4]byte{192, 0, 2, 99}})
	chaos.Header.Class = dnsmessage.ClassCHAOS
	msg := answerMsg(t, dnsmessage.Header{ID: 5, Response: true}, &q, []dnsmessage.Resource{
		rr("EXAMPLE.jp.", &dnsmessage.MXResource{Pref: 5, MX: dnsmessage.MustNewName("Mail.Example.JP.")}),
		rr("other.example.", &dnsmessage.MXResource{Pref: 1, MX: dnsmessage.MustNewName("evil.example.")}),
		rr("example.jp.", &dnsmessage.CNAMEResource{CNAME: dnsmessage.MustNewName("x.example.")}),
		chaos,
		rr("example.jp.", &dnsmessage.AAAAResource{AAAA: netip.MustParseAddr("2001:db8::1").As16()}),
		rr("example.jp.", &dnsmessage.TXTResource{TXT: []string{"v=spf1 ", "-all"}}),
	})
	got, err := ParseAnswer(msg)
	must(t, err)
	want := Answer{ID: 5, RCode: "NOERROR", Name: "example.jp", Type: TypeMX,
		MX: []MX{{5, "mail.example.jp"}}, A: addrs("2001:db8::1"), TXT: []string{"v=spf1 -all"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseAnswerRCodes(t *testing.T) {
	q := question("example.jp.", dnsmessage.TypeA)
	opt := func(ext dnsmessage.RCode) dnsmessage.Resource {
		var h dnsmessage.ResourceHeader
		must(t, h.SetEDNS0(1232, ext, false))
		return dnsmessage.Resource{Header: h, Body: &dnsmessage.OPTResource{}}
	}
	for _, tc := range []struct {
		h    dnsmessage.Header
		add  []dnsmessage.Resource
		want string
	}{
		{dnsmessage.Header{RCode: 0}, nil, "NOERROR"},
		{dnsmessage.Header{RCode: 1}, nil, "FORMERR"},
		{dnsmessage.Header{RCode: 2}, nil, "SERVFAIL"},
		{dnsmessage.Header{RCode: 3}, nil, "NXDOMAIN"},
		{dnsmessage.Header{RCode: 4}, nil, "NOTIMP"},
		{dnsmessage.Header{RCode: 5}, nil, "REFUSED"},
		{dnsmessage.Header{RCode: 9}, nil, "RCODE9"},
		{dnsmessage.Header{RCode: 0}, []dnsmessage.Resource{opt(16)}, "BADVERS"},
		{dnsmessage.Header{RCode: 3}, []dnsmessage.Resource{opt(0)}, "NXDOMAIN"},
	} {
		tc.h.Response = true
		a, err := ParseAnswer(answerMsg(t, tc.h, &q, nil, tc.add...))
		must(t, err)
		if a.RCode != tc.want {
			t.Errorf("header RCODE %d, %d additionals: %s, want %s", tc.h.RCode, len(tc.add), a.RCode, tc.want)
		}
	}
}

func TestParseAnswerErrors(t *testing.T) {
	q := question("example.jp.", dnsmessage.TypeA)
	good := answerMsg(t, dnsmessage.Header{ID: 1, Response: true}, &q,
		[]dnsmessage.Resource{rr("example.jp.", &dnsmessage.AResource{A: [4]byte{192, 0, 2, 1}})})
	query, err := NewQuery(1, "example.jp", TypeA)
	must(t, err)
	for _, tc := range []struct {
		name string
		msg  []byte
	}{
		{"empty", nil},
		{"header cut short", good[:5]},
		{"question cut short", good[:20]},
		{"record cut short", good[:len(good)-2]},
		{"a query", query},
	} {
		if a, err := ParseAnswer(tc.msg); err == nil {
			t.Errorf("%s: no error, got %+v", tc.name, a)
		}
	}
	if _, err := ParseAnswer(query); !errors.Is(err, ErrNotResponse) {
		t.Errorf("a query: %v, want ErrNotResponse", err)
	}
	if _, err := ParseAnswer(good); err != nil {
		t.Errorf("the uncut message: %v", err)
	}
}
