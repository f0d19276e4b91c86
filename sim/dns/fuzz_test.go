package dns

import (
	"bytes"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// fuzzSeeds are queries and responses worth mutating: every path of the
// server and of the parser.
func fuzzSeeds(f *testing.F) [][]byte {
	z := testZone()
	z.Add("25.2.0.192.in-addr.arpa", Records{PTR: []string{"mx1.example.jp"}})
	var seeds [][]byte
	for _, tc := range []struct {
		name string
		t    Type
	}{
		{"example.jp", TypeMX}, {"mx1.example.jp", TypeA}, {"mx2.example.jp", TypeAAAA},
		{"example.jp", TypeTXT}, {"example.jp", TypeANY}, {"nosuch.example", TypeMX}, {".", TypeA},
		{"25.2.0.192.in-addr.arpa", TypePTR}, {"10.113.0.203.in-addr.arpa", TypePTR},
	} {
		q, err := NewQuery(42, tc.name, tc.t)
		must(f, err)
		seeds = append(seeds, q, z.Handle(q))
	}
	mx := []dnsmessage.Question{question("example.jp.", dnsmessage.TypeMX)}
	for _, q := range [][]byte{
		rawQuery(f, dnsmessage.Header{ID: 1}, mx, 0),
		rawQuery(f, dnsmessage.Header{ID: 1}, mx, 1),
		rawQuery(f, dnsmessage.Header{ID: 1}, mx, 0, 0),
		rawQuery(f, dnsmessage.Header{ID: 1, OpCode: 5}, mx),
		rawQuery(f, dnsmessage.Header{ID: 1}, append(mx, mx...)),
		{0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1},
		{0, 0, 0, 0},
	} {
		seeds = append(seeds, q, z.Handle(q))
	}
	return seeds
}

// FuzzHandle: no input makes the server panic, and whatever it sends back
// is a well-formed response to that query.
func FuzzHandle(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	z := testZone()
	f.Fuzz(func(t *testing.T, query []byte) {
		resp := z.Handle(query)
		if tcp := z.HandleTCP(query); (tcp == nil) != (resp == nil) {
			t.Fatalf("UDP answered %v, TCP answered %v", resp != nil, tcp != nil)
		}
		if !bytes.Equal(resp, z.Handle(query)) {
			t.Fatal("two answers to one query differ")
		}
		if resp == nil {
			if len(query) >= 12 && query[2]&0x80 == 0 {
				t.Fatalf("no answer to a query with a whole header: % x", query)
			}
			return
		}
		if len(query) < 12 {
			t.Fatalf("answered a message without a header: % x", query)
		}
		a, err := ParseAnswer(resp)
		if err != nil {
			t.Fatalf("response does not parse: %v\nquery % x\nresp  % x", err, query, resp)
		}
		if a.ID != uint16(query[0])<<8|uint16(query[1]) {
			t.Fatalf("ID %#x does not echo the query's % x", a.ID, query[:2])
		}
		if len(a.Lines()) == 0 {
			t.Fatal("no trace lines")
		}
	})
}

// FuzzParseAnswer: no message makes the parser panic, and every parsed
// answer can be shown.
func FuzzParseAnswer(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		a, err := ParseAnswer(msg)
		if err != nil {
			return
		}
		lines := a.Lines()
		if len(lines) == 0 {
			t.Fatal("no trace lines")
		}
		for _, l := range lines {
			if l == "" {
				t.Fatalf("empty trace line in %q", lines)
			}
		}
	})
}

// FuzzNameRoundTrip: any name NewQuery accepts can be put in a zone, asked
// for, and comes back as the same normalized name with the same data.
func FuzzNameRoundTrip(f *testing.F) {
	for _, s := range []string{"example.jp", "Example.JP.", "_dmarc.example.jp", "", ".", "a b.\x00\xff", "x..y"} {
		f.Add(s, uint16(TypeTXT))
	}
	f.Add("mx.example.jp", uint16(TypeA))
	f.Fuzz(func(t *testing.T, name string, typ uint16) {
		_ = QuestionLine(name, Type(typ))
		q, err := NewQuery(7, name, Type(typ))
		if err != nil {
			if CheckName(name) == nil {
				t.Fatalf("CheckName accepts %q but NewQuery fails: %v", name, err)
			}
			return
		}
		z := NewZone()
		z.Add(name, Records{TXT: []string{name}})
		a, err := ParseAnswer(z.HandleTCP(q))
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if a.Name != normalize(name) || a.Type != Type(typ) || a.RCode != RCodeNoError {
			t.Fatalf("%q: got %+v", name, a)
		}
		if wantTXT := Type(typ) == TypeTXT || Type(typ) == TypeANY; wantTXT != (len(a.TXT) == 1 && a.TXT[0] == name) {
			t.Fatalf("%q type %d: TXT %q", name, typ, a.TXT)
		}
	})
}
