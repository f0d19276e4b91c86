package smtp

import "testing"

func TestParsePath(t *testing.T) {
	for _, tc := range []struct {
		in     string
		addr   string
		params string
		ok     bool
	}{
		{"<bob@example.jp>", "bob@example.jp", "", true},
		{" <bob@example.jp>", "bob@example.jp", "", true},
		{"<bob@example.jp> SIZE=100 BODY=8BITMIME", "bob@example.jp", "SIZE=100 BODY=8BITMIME", true},
		{"<bob@example.jp>  SIZE=100 ", "bob@example.jp", "SIZE=100", true},
		{"bob@example.jp SIZE=100", "bob@example.jp", "SIZE=100", true},
		{"<>", "", "", true},
		{"<> SIZE=1", "", "SIZE=1", true},
		{"<Postmaster>", "Postmaster", "", true},
		{"<@a.example,@b.example:bob@example.jp>", "bob@example.jp", "", true},
		{`<"bob smith"@example.jp>`, `"bob smith"@example.jp`, "", true},
		{`<"a>b"@example.jp>`, `"a>b"@example.jp`, "", true},
		{`<"a\"b"@example.jp>`, `"a\"b"@example.jp`, "", true},
		{"<bob@[192.0.2.1]>", "bob@[192.0.2.1]", "", true},
		{"<bob@[IPv6:2001:db8::1]>", "bob@[IPv6:2001:db8::1]", "", true},
		{"<o'neil+tag@sub-1.example.jp>", "o'neil+tag@sub-1.example.jp", "", true},
		{"<山田@例え.jp>", "山田@例え.jp", "", true}, // RFC 6531
		{"", "", "", false},
		{"<", "", "", false},
		{"<bob@example.jp", "", "", false},
		{"<bob@example.jp>x", "", "", false},
		{"<bob>", "", "", false},
		{"<@example.jp>", "", "", false},
		{"<bob@>", "", "", false},
		{"<.bob@example.jp>", "", "", false},
		{"<bob.@example.jp>", "", "", false},
		{"<b..ob@example.jp>", "", "", false},
		{"<bob@example..jp>", "", "", false},
		{"<bob@-example.jp>", "", "", false},
		{"<bob@example-.jp>", "", "", false},
		{"<bob@exa_mple.jp>", "", "", false},
		{"<bob smith@example.jp>", "", "", false},
		{"<bob@[192.0.2.300]>", "", "", false},
		{"<bob@[IPv6:192.0.2.1]>", "", "", false},
		{"<bob@[2001:db8::1]>", "", "", false},
		{"<bob@[IPv6:fe80::1%eth0]>", "", "", false},
		{"<@a.example:>", "", "", false},
		{"<@a_b:bob@example.jp>", "", "", false},
		{`<"unterminated@example.jp>`, "", "", false},
		{"<<bob@example.jp>>", "", "", false},
		{"bob<@example.jp", "", "", false},
		{"<bob@example.jp\xff>", "", "", false},
		{"<" + string(make([]byte, 65)) + "@example.jp>", "", "", false},
	} {
		addr, params, ok := parsePath(tc.in)
		if addr != tc.addr || params != tc.params || ok != tc.ok {
			t.Errorf("parsePath(%q) = %q, %q, %v; want %q, %q, %v", tc.in, addr, params, ok, tc.addr, tc.params, tc.ok)
		}
	}
}

func TestPathLimits(t *testing.T) {
	local64 := repeat('a', 64)
	if _, _, ok := parsePath("<" + local64 + "@example.jp>"); !ok {
		t.Error("a 64-octet local part is refused")
	}
	if _, _, ok := parsePath("<a" + local64 + "@example.jp>"); ok {
		t.Error("a 65-octet local part is accepted (RFC 5321 4.5.3.1.1)")
	}
	// A 256-octet path with its brackets is the limit (RFC 5321 4.5.3.1.3).
	domain := repeat('d', 63) + "." + repeat('d', 63) + "." + repeat('d', 63) + "." + repeat('d', 56) // 248 octets
	if _, _, ok := parsePath("<bob@" + domain + "jp>"); len("<bob@"+domain+"jp>") != 256 || !ok {
		t.Errorf("a 256-octet path is refused")
	}
	if _, _, ok := parsePath("<bob@" + domain + "jpx>"); ok {
		t.Errorf("a 257-octet path is accepted")
	}
	if validDomain(repeat('d', 64) + ".jp") {
		t.Error("a 64-octet label is accepted")
	}
}

func repeat(c byte, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
