package dns

import (
	"net/netip"
	"reflect"
	"testing"
)

func TestZoneNames(t *testing.T) {
	z := NewZone()
	z.Add("B.example.", Records{})
	z.Add("a.example", Records{})
	z.Add("mx.b.EXAMPLE", Records{})
	z.Add("b.example", Records{}) // the same name as "B.example."
	// Sorted bytewise, normalized, each once; the empty non-terminals
	// "example" and the root are not listed.
	want := []string{"a.example", "b.example", "mx.b.example"}
	if got := z.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if got := new(Zone).Names(); len(got) != 0 {
		t.Errorf("zero Zone Names() = %q", got)
	}
}

func TestZoneAddMerges(t *testing.T) {
	z := NewZone()
	z.Add("Example.JP.", Records{
		MX:  []MX{{10, "MX1.example.jp."}},
		A:   addrs("192.0.2.1"),
		TXT: []string{"v=spf1 -all"},
	})
	z.Add("example.jp", Records{
		MX:  []MX{{10, "mx1.example.jp"}, {20, "mx2.example.jp"}, {10, "mx2.example.jp"}},
		A:   []netip.Addr{netip.MustParseAddr("::ffff:192.0.2.1"), {}, netip.MustParseAddr("2001:db8::1")},
		TXT: []string{"v=spf1 -all", "hello"},
	})
	want := Records{
		MX:  []MX{{10, "mx1.example.jp"}, {20, "mx2.example.jp"}, {10, "mx2.example.jp"}},
		A:   addrs("192.0.2.1", "2001:db8::1"),
		TXT: []string{"v=spf1 -all", "hello"},
	}
	got, ok := z.Lookup("EXAMPLE.jp.")
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("Lookup = %+v, %v\nwant %+v, true", got, ok, want)
	}

	// Lookup hands out copies.
	got.MX[0].Pref = 99
	if again, _ := z.Lookup("example.jp"); again.MX[0].Pref != 10 {
		t.Error("changing a Lookup result changed the zone")
	}
}

func TestZoneLookup(t *testing.T) {
	z := testZone()
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"example.jp", true},
		{"empty.example.jp", true},
		{"jp", false}, // exists in DNS, as an empty non-terminal, but was never added
		{"nosuch.example.jp", false},
	} {
		if _, ok := z.Lookup(tc.name); ok != tc.ok {
			t.Errorf("Lookup(%q) ok = %v, want %v", tc.name, ok, tc.ok)
		}
	}
	if r, _ := z.Lookup("nomail.example"); !reflect.DeepEqual(r.MX, []MX{{0, ""}}) {
		t.Errorf("null MX stored as %+v, want host \"\"", r.MX)
	}
}

func TestCheckName(t *testing.T) {
	label63 := "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"
	name253 := label63 + "." + label63 + "." + label63 + "." + label63[:61] // 253 octets: 255 on the wire
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"", true},
		{".", true},
		{"example.jp", true},
		{"example.jp.", true},
		{"_dmarc.example.jp", true},
		{label63 + ".jp", true},
		{name253, true},
		{name253 + ".", true},
		{label63 + "x.jp", false},
		{name253 + "x", false},
		{"a..b", false},
		{".a", false},
		{"a.b..", false},
	} {
		if err := CheckName(tc.name); (err == nil) != tc.ok {
			t.Errorf("CheckName(%q) = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}
