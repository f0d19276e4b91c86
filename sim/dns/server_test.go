package dns

import (
	"bytes"
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// TestRoundTrip sends real queries through Handle and reads the answers
// back: NewQuery -> Handle -> ParseAnswer.
func TestRoundTrip(t *testing.T) {
	long := strings.Repeat("0123456789", 40) // 400 octets: two <character-string>s (255 + 145)
	z := testZone()
	z.Add("long.example", Records{TXT: []string{long}})

	tests := []struct {
		name  string
		qname string
		qtype Type
		want  Answer
	}{
		{"MX, several preferences, zone order", "example.jp", TypeMX, Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeMX,
			MX: []MX{{20, "mx2.example.jp"}, {10, "mx1.example.jp"}, {10, "mx3.example.jp"}}}},
		{"trailing dot", "example.jp.", TypeMX, Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeMX,
			MX: []MX{{20, "mx2.example.jp"}, {10, "mx1.example.jp"}, {10, "mx3.example.jp"}}}},
		{"case-insensitive name", "EXAMPLE.Jp", TypeMX, Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeMX,
			MX: []MX{{20, "mx2.example.jp"}, {10, "mx1.example.jp"}, {10, "mx3.example.jp"}}}},
		{"A", "mx1.example.jp", TypeA, Answer{RCode: "NOERROR", Name: "mx1.example.jp", Type: TypeA, A: addrs("192.0.2.25")}},
		{"A leaves out IPv6", "mx2.example.jp", TypeA, Answer{RCode: "NOERROR", Name: "mx2.example.jp", Type: TypeA, A: addrs("192.0.2.26")}},
		{"AAAA", "mx2.example.jp", TypeAAAA, Answer{RCode: "NOERROR", Name: "mx2.example.jp", Type: TypeAAAA, A: addrs("2001:db8::26")}},
		{"TXT SPF", "example.jp", TypeTXT, Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeTXT, TXT: []string{"v=spf1 ip4:192.0.2.0/24 -all"}}},
		{"TXT DMARC", "_dmarc.example.jp", TypeTXT, Answer{RCode: "NOERROR", Name: "_dmarc.example.jp", Type: TypeTXT, TXT: []string{"v=DMARC1; p=reject"}}},
		{"TXT over 255 octets joined", "long.example", TypeTXT, Answer{RCode: "NOERROR", Name: "long.example", Type: TypeTXT, TXT: []string{long}}},
		{"null MX", "nomail.example", TypeMX, Answer{RCode: "NOERROR", Name: "nomail.example", Type: TypeMX, MX: []MX{{0, ""}}}},
		{"ANY", "example.jp", TypeANY, Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeANY,
			MX:  []MX{{20, "mx2.example.jp"}, {10, "mx1.example.jp"}, {10, "mx3.example.jp"}},
			TXT: []string{"v=spf1 ip4:192.0.2.0/24 -all"}}},
		{"NXDOMAIN", "nosuch.example.jp", TypeMX, Answer{RCode: "NXDOMAIN", Name: "nosuch.example.jp", Type: TypeMX}},
		{"NXDOMAIN below a host", "a.mx1.example.jp", TypeA, Answer{RCode: "NXDOMAIN", Name: "a.mx1.example.jp", Type: TypeA}},
		{"NOERROR, no MX at a host", "mx1.example.jp", TypeMX, Answer{RCode: "NOERROR", Name: "mx1.example.jp", Type: TypeMX}},
		{"NOERROR, no A at a domain", "example.jp", TypeA, Answer{RCode: "NOERROR", Name: "example.jp", Type: TypeA}},
		{"NOERROR, name added without records", "empty.example.jp", TypeA, Answer{RCode: "NOERROR", Name: "empty.example.jp", Type: TypeA}},
		{"NOERROR, empty non-terminal", "jp", TypeMX, Answer{RCode: "NOERROR", Name: "jp", Type: TypeMX}},
		{"NOERROR, unknown type", "example.jp", Type(99), Answer{RCode: "NOERROR", Name: "example.jp", Type: Type(99)}},
		{"root", ".", TypeA, Answer{RCode: "NOERROR", Name: "", Type: TypeA}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := uint16(0x1000 + i)
			q, err := NewQuery(id, tt.qname, tt.qtype)
			must(t, err)
			got, err := ParseAnswer(z.Handle(q))
			must(t, err)
			tt.want.ID = id
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestHandleWire checks a response octet by octet against RFC 1035 4.1,
// independently of dnsmessage.
func TestHandleWire(t *testing.T) {
	z := NewZone()
	z.Add("example.jp", Records{MX: []MX{{10, "mx.example.jp"}}})
	q, err := NewQuery(0x1234, "example.jp", TypeMX)
	must(t, err)
	wantQuery := []byte{
		0x12, 0x34, // ID
		0x01, 0x00, // QR=0 OPCODE=0 AA=0 TC=0 RD=1 | RA=0 Z=0 RCODE=0
		0, 1, 0, 0, 0, 0, 0, 0, // QDCOUNT=1 ANCOUNT=0 NSCOUNT=0 ARCOUNT=0
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 2, 'j', 'p', 0, // QNAME at offset 12
		0, 15, 0, 1, // QTYPE=MX QCLASS=IN
	}
	if !bytes.Equal(q, wantQuery) {
		t.Fatalf("query\n got % x\nwant % x", q, wantQuery)
	}
	want := []byte{
		0x12, 0x34, // ID echoed
		0x85, 0x00, // QR=1 OPCODE=0 AA=1 TC=0 RD=1 | RA=0 Z=0 RCODE=0
		0, 1, 0, 1, 0, 0, 0, 0, // QDCOUNT=1 ANCOUNT=1
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 2, 'j', 'p', 0, 0, 15, 0, 1, // question echoed
		0xc0, 12, // NAME: pointer to the question's name (RFC 1035 4.1.4)
		0, 15, 0, 1, // TYPE=MX CLASS=IN
		0, 0, 0x0e, 0x10, // TTL=3600
		0, 7, // RDLENGTH
		0, 10, // PREFERENCE
		2, 'm', 'x', 0xc0, 12, // EXCHANGE "mx" + pointer to "example.jp."
	}
	if got := z.Handle(q); !bytes.Equal(got, want) {
		t.Fatalf("response\n got % x\nwant % x", got, want)
	}
}

func TestHandleHeader(t *testing.T) {
	z := testZone()
	for _, rd := range []bool{false, true} {
		q := rawQuery(t, dnsmessage.Header{ID: 7, RecursionDesired: rd}, []dnsmessage.Question{question("ExAmple.JP.", dnsmessage.TypeMX)})
		m := parsed(t, z.Handle(q))
		h := m.Header
		if h.ID != 7 || !h.Response || !h.Authoritative || h.RecursionAvailable || h.RecursionDesired != rd || h.Truncated {
			t.Errorf("RD=%v: header %+v", rd, h)
		}
		// RFC 4343 4.1: the question comes back with its case as sent, and
		// the answers use that name.
		if got := m.Questions[0].Name.String(); got != "ExAmple.JP." {
			t.Errorf("question name %q", got)
		}
		if len(m.Answers) != 3 || m.Answers[0].Header.Name.String() != "ExAmple.JP." || m.Answers[0].Header.TTL != TTL {
			t.Errorf("answers %+v", m.Answers)
		}
	}
}

func TestHandleMalformed(t *testing.T) {
	const noResponse = dnsmessage.RCode(0xffff)
	z := testZone()
	mx := []dnsmessage.Question{question("example.jp.", dnsmessage.TypeMX)}
	valid := rawQuery(t, dnsmessage.Header{ID: 0xbeef}, mx)
	header := func(qd byte) []byte { return []byte{0xbe, 0xef, 0x01, 0x00, 0, qd, 0, 0, 0, 0, 0, 0} }
	chaos := question("version.bind.", dnsmessage.TypeTXT)
	chaos.Class = dnsmessage.ClassCHAOS

	tests := []struct {
		name     string
		query    []byte
		rcode    dnsmessage.RCode // noResponse: Handle returns nil
		question bool             // the response echoes the question
		opt      bool             // the response carries an OPT record
		extRCode string           // the RCode ParseAnswer reports
	}{
		{"empty", nil, noResponse, false, false, ""},
		{"11 octets", valid[:11], noResponse, false, false, ""},
		{"a response", rawQuery(t, dnsmessage.Header{ID: 1, Response: true}, mx), noResponse, false, false, ""},
		{"no question", header(0), dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"QDCOUNT=1, no octets", header(1), dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"name cut short", valid[:16], dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"class missing", valid[:len(valid)-2], dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"pointer loop", append(header(1), 0xc0, 12, 0, 1, 0, 1), dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"two questions", rawQuery(t, dnsmessage.Header{ID: 1}, append(mx, mx...)), dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"ANCOUNT beyond the end", append(append([]byte{}, valid[:7]...), append([]byte{1}, valid[8:]...)...), dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"two OPT records", rawQuery(t, dnsmessage.Header{ID: 1}, mx, 0, 0), dnsmessage.RCodeFormatError, false, false, "FORMERR"},
		{"opcode STATUS", rawQuery(t, dnsmessage.Header{ID: 1, OpCode: 2}, mx), dnsmessage.RCodeNotImplemented, false, false, "NOTIMP"},
		{"class CH", rawQuery(t, dnsmessage.Header{ID: 1}, []dnsmessage.Question{chaos}), dnsmessage.RCodeRefused, true, false, "REFUSED"},
		{"EDNS version 0", rawQuery(t, dnsmessage.Header{ID: 1}, mx, 0), dnsmessage.RCodeSuccess, true, true, "NOERROR"},
		{"EDNS version 1", rawQuery(t, dnsmessage.Header{ID: 1}, mx, 1), dnsmessage.RCodeSuccess, true, true, "BADVERS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := z.Handle(tt.query)
			if tt.rcode == noResponse {
				if resp != nil {
					t.Fatalf("want no response, got % x", resp)
				}
				return
			}
			m := parsed(t, resp)
			if want := tt.query[0:2]; resp[0] != want[0] || resp[1] != want[1] {
				t.Errorf("ID % x, want % x", resp[:2], want)
			}
			if m.Header.RCode != tt.rcode || !m.Header.Response {
				t.Errorf("header %+v, want RCODE %v", m.Header, tt.rcode)
			}
			if got := len(m.Questions) == 1; got != tt.question {
				t.Errorf("question echoed: %v, want %v", got, tt.question)
			}
			var opt *dnsmessage.Resource
			for i := range m.Additionals {
				if m.Additionals[i].Header.Type == dnsmessage.TypeOPT {
					opt = &m.Additionals[i]
				}
			}
			if (opt != nil) != tt.opt {
				t.Fatalf("OPT present: %v, want %v", opt != nil, tt.opt)
			}
			if opt != nil && (opt.Header.Class != ednsSize || opt.Header.TTL&0x00ff0000 != 0) {
				t.Errorf("OPT %+v: want payload size %d, version 0", opt.Header, ednsSize)
			}
			a, err := ParseAnswer(resp)
			must(t, err)
			if a.RCode != tt.extRCode {
				t.Errorf("ParseAnswer RCode %q, want %q", a.RCode, tt.extRCode)
			}
			if len(a.MX) != 0 && tt.extRCode != "NOERROR" {
				t.Errorf("records in an error response: %+v", a)
			}
		})
	}
}

// TestHandleTruncation: RFC 1035 4.2.1, an answer that does not fit in a
// UDP message is cut to its header and question with TC=1; EDNS raises the
// limit to the requestor's size and TCP has none.
func TestHandleTruncation(t *testing.T) {
	z := NewZone()
	var txt []string
	for i := range 20 {
		txt = append(txt, strings.Repeat(string(rune('a'+i)), 100))
	}
	z.Add("big.example", Records{TXT: txt})
	q, err := NewQuery(9, "big.example", TypeTXT)
	must(t, err)
	ednsQuery := func(size uint16) []byte {
		b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: 9})
		must(t, b.StartQuestions())
		must(t, b.Question(question("big.example.", dnsmessage.TypeTXT)))
		must(t, b.StartAdditionals())
		var rh dnsmessage.ResourceHeader
		must(t, rh.SetEDNS0(int(size), 0, false))
		must(t, b.OPTResource(rh, dnsmessage.OPTResource{}))
		msg, err := b.Finish()
		must(t, err)
		return msg
	}

	tests := []struct {
		name      string
		resp      []byte
		truncated bool
	}{
		{"UDP", z.Handle(q), true},
		{"UDP, EDNS 4096", z.Handle(ednsQuery(4096)), false},
		{"UDP, EDNS 100 counts as 512", z.Handle(ednsQuery(100)), true},
		{"TCP", z.HandleTCP(q), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAnswer(tt.resp)
			must(t, err)
			if a.Truncated != tt.truncated || a.RCode != "NOERROR" {
				t.Fatalf("truncated %v rcode %s, want %v NOERROR", a.Truncated, a.RCode, tt.truncated)
			}
			if tt.truncated {
				if len(tt.resp) > maxUDP || len(a.TXT) != 0 {
					t.Errorf("truncated response of %d octets with %d records", len(tt.resp), len(a.TXT))
				}
			} else if !reflect.DeepEqual(a.TXT, txt) {
				t.Errorf("got %d records, want all %d", len(a.TXT), len(txt))
			}
		})
	}
}

// TestHandleServFail: a zone whose data the wire cannot carry answers
// SERVFAIL for that data, and only for it.
func TestHandleServFail(t *testing.T) {
	z := NewZone()
	z.Add("broken.example", Records{MX: []MX{{10, strings.Repeat("x", 64) + ".example"}}, A: addrs("192.0.2.1")})
	z.Add("toolong.example", Records{MX: []MX{{10, strings.Repeat("abcdefghi.", 26) + "example"}}})
	for _, tc := range []struct {
		name  string
		qtype Type
		want  string
	}{
		{"broken.example", TypeMX, "SERVFAIL"},
		{"broken.example", TypeANY, "SERVFAIL"},
		{"broken.example", TypeA, "NOERROR"},
		{"toolong.example", TypeMX, "SERVFAIL"},
	} {
		q, err := NewQuery(1, tc.name, tc.qtype)
		must(t, err)
		resp := z.Handle(q)
		a, err := ParseAnswer(resp)
		must(t, err)
		if a.RCode != tc.want {
			t.Errorf("%s %v: %s, want %s", tc.name, tc.qtype, a.RCode, tc.want)
		}
		if h := parsed(t, resp).Header; a.RCode == "SERVFAIL" && h.Authoritative {
			t.Errorf("%s %v: SERVFAIL with AA set", tc.name, tc.qtype)
		}
	}
}

func TestHandleZeroZone(t *testing.T) {
	var z Zone
	q, err := NewQuery(1, "example.jp", TypeA)
	must(t, err)
	a, err := ParseAnswer(z.Handle(q))
	must(t, err)
	if a.RCode != "NXDOMAIN" {
		t.Errorf("empty zone: %s, want NXDOMAIN", a.RCode)
	}
}

func TestHandleAddressForms(t *testing.T) {
	z := NewZone()
	z.Add("h.example", Records{A: []netip.Addr{netip.MustParseAddr("::ffff:192.0.2.9"), {}}})
	q, err := NewQuery(1, "h.example", TypeA)
	must(t, err)
	a, err := ParseAnswer(z.Handle(q))
	must(t, err)
	if !reflect.DeepEqual(a.A, addrs("192.0.2.9")) {
		t.Errorf("IPv4-mapped address served as %v, want A 192.0.2.9", a.A)
	}
}

// TestHandleTXTSplit: RFC 1035 3.3.14, a TXT string longer than 255 octets
// goes out as several <character-string>s.
func TestHandleTXTSplit(t *testing.T) {
	z := NewZone()
	z.Add("long.example", Records{TXT: []string{strings.Repeat("x", 400), ""}})
	q, err := NewQuery(1, "long.example", TypeTXT)
	must(t, err)
	m := parsed(t, z.Handle(q))
	if len(m.Answers) != 2 {
		t.Fatalf("%d answers, want 2", len(m.Answers))
	}
	var lens [][]int
	for _, rr := range m.Answers {
		var l []int
		for _, s := range rr.Body.(*dnsmessage.TXTResource).TXT {
			l = append(l, len(s))
		}
		lens = append(lens, l)
	}
	if want := [][]int{{255, 145}, {0}}; !reflect.DeepEqual(lens, want) {
		t.Errorf("character-string lengths %v, want %v", lens, want)
	}
}
