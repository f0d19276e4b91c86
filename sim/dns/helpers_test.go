package dns

import (
	"net/netip"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

func addrs(s ...string) []netip.Addr {
	out := make([]netip.Addr, len(s))
	for i, a := range s {
		out[i] = netip.MustParseAddr(a)
	}
	return out
}

// testZone is a small mail domain: three MX hosts at two preferences, SPF
// and DMARC, a domain with a null MX, and a name with no records.
func testZone() *Zone {
	z := NewZone()
	z.Add("example.jp", Records{
		MX:  []MX{{20, "mx2.example.jp"}, {10, "mx1.example.jp"}, {10, "MX3.Example.JP."}},
		TXT: []string{"v=spf1 ip4:192.0.2.0/24 -all"},
	})
	z.Add("mx1.example.jp", Records{A: addrs("192.0.2.25")})
	z.Add("mx2.example.jp", Records{A: addrs("192.0.2.26", "2001:db8::26")})
	z.Add("mx3.example.jp", Records{A: addrs("192.0.2.27")})
	z.Add("_dmarc.example.jp", Records{TXT: []string{"v=DMARC1; p=reject"}})
	z.Add("nomail.example", Records{MX: []MX{{0, "."}}})
	z.Add("empty.example.jp", Records{})
	return z
}

// rawQuery builds a query the way a test needs it, not the way NewQuery
// would: any header, any questions, and an OPT record per entry of opts
// (each the EDNS version; the payload size is 4096).
func rawQuery(t testing.TB, h dnsmessage.Header, qs []dnsmessage.Question, opts ...uint8) []byte {
	t.Helper()
	b := dnsmessage.NewBuilder(nil, h)
	must(t, b.StartQuestions())
	for _, q := range qs {
		must(t, b.Question(q))
	}
	must(t, b.StartAdditionals())
	for _, v := range opts {
		var rh dnsmessage.ResourceHeader
		must(t, rh.SetEDNS0(4096, 0, false))
		rh.TTL |= uint32(v) << 16
		must(t, b.OPTResource(rh, dnsmessage.OPTResource{}))
	}
	msg, err := b.Finish()
	must(t, err)
	return msg
}

func question(name string, typ dnsmessage.Type) dnsmessage.Question {
	return dnsmessage.Question{Name: dnsmessage.MustNewName(name), Type: typ, Class: dnsmessage.ClassINET}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// parsed is a response read with dnsmessage itself, for tests that look at
// header bits and sections ParseAnswer does not report.
func parsed(t testing.TB, resp []byte) dnsmessage.Message {
	t.Helper()
	var m dnsmessage.Message
	if err := m.Unpack(resp); err != nil {
		t.Fatalf("response does not unpack: %v\n% x", err, resp)
	}
	return m
}
