package dns

import (
	"net/netip"
	"slices"
	"testing"
)

func TestReverseName(t *testing.T) {
	for _, tc := range []struct{ ip, want string }{
		{"203.0.113.10", "10.113.0.203.in-addr.arpa"},
		{"255.255.255.255", "255.255.255.255.in-addr.arpa"},
		{"0.0.0.0", "0.0.0.0.in-addr.arpa"},
		{"::ffff:192.0.2.25", "25.2.0.192.in-addr.arpa"},
		{"2001:db8::1", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"},
	} {
		if got := ReverseName(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("ReverseName(%s) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}

// A PTR record answers a reverse lookup; an address without one is
// NXDOMAIN, which a server writes as "unknown" in Received:.
func TestPTRLookup(t *testing.T) {
	z := NewZone()
	z.Add(ReverseName(netip.MustParseAddr("198.51.100.25")), Records{PTR: []string{"Mail.ISP.example."}})
	ask := func(ip string) Answer {
		t.Helper()
		q, err := NewQuery(7, ReverseName(netip.MustParseAddr(ip)), TypePTR)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseAnswer(z.Handle(q))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := ask("198.51.100.25")
	if a.RCode != RCodeNoError || !slices.Equal(a.PTR, []string{"mail.isp.example"}) {
		t.Errorf("PTR answer %+v", a)
	}
	if got := a.Lines(); !slices.Equal(got, []string{"25.100.51.198.in-addr.arpa. 3600 IN PTR mail.isp.example."}) {
		t.Errorf("Lines() = %q", got)
	}
	if a := ask("203.0.113.10"); a.RCode != RCodeNXDomain {
		t.Errorf("no PTR record: %+v, want NXDOMAIN", a)
	}
	if r, _ := z.Lookup("25.100.51.198.in-addr.arpa"); !slices.Equal(r.PTR, []string{"mail.isp.example"}) {
		t.Errorf("Lookup PTR = %q", r.PTR)
	}
}
