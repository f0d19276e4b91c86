package dns

import (
	"net/netip"
	"strconv"
)

// TTL is the time to live of every record the server hands out, in seconds.
// The simulation never caches, so one constant keeps the lines predictable.
const TTL = 3600

// Type is a DNS RR type (RFC 1035 3.2.2, 3.2.3).
type Type uint16

// The types mailsim serves. Values are the IANA registry's.
const (
	TypeA    Type = 1   // RFC 1035 3.4.1: an IPv4 host address
	TypePTR  Type = 12  // RFC 1035 3.3.12: a pointer, the name of an address (reverse lookup)
	TypeMX   Type = 15  // RFC 1035 3.3.9: preference and mail exchange
	TypeTXT  Type = 16  // RFC 1035 3.3.14: text, where SPF and DMARC live
	TypeAAAA Type = 28  // RFC 3596: an IPv6 host address
	TypeANY  Type = 255 // RFC 1035 3.2.3: QTYPE "*", every record at a name
)

// String returns the mnemonic used in zone files: "A", "PTR", "MX", "TXT", "AAAA",
// "ANY", or "TYPEnnn" for anything else (RFC 3597 5).
func (t Type) String() string {
	switch t {
	case TypeA:
		return "A"
	case TypePTR:
		return "PTR"
	case TypeMX:
		return "MX"
	case TypeTXT:
		return "TXT"
	case TypeAAAA:
		return "AAAA"
	case TypeANY:
		return "ANY"
	}
	return "TYPE" + strconv.Itoa(int(t))
}

// MX is one mail exchange record (RFC 1035 3.3.9).
type MX struct {
	Pref uint16
	Host string // without trailing dot, lower case; "" is the root (null MX)
}

// Records are the records at one name. A holds IPv4 and IPv6 addresses:
// IPv4 ones are served as A records, IPv6 ones as AAAA.
type Records struct {
	MX  []MX
	A   []netip.Addr
	TXT []string
	PTR []string // host names, stored like MX hosts; at a ReverseName
}

// ReverseName is the name at which the PTR record of ip lives
// (RFC 1035 3.5; RFC 3596 2.5 for IPv6): "10.113.0.203.in-addr.arpa" for
// 203.0.113.10.
func ReverseName(ip netip.Addr) string {
	ip = ip.Unmap()
	if ip.Is4() {
		a := ip.As4()
		var buf [len("255.255.255.255.in-addr.arpa")]byte
		b := buf[:0]
		for i := 3; i >= 0; i-- {
			b = strconv.AppendUint(b, uint64(a[i]), 10)
			b = append(b, '.')
		}
		return string(append(b, "in-addr.arpa"...))
	}
	const hex = "0123456789abcdef"
	a := ip.As16()
	b := make([]byte, 0, 64+8)
	for i := len(a) - 1; i >= 0; i-- {
		b = append(b, hex[a[i]&0xf], '.', hex[a[i]>>4], '.')
	}
	return string(append(b, "ip6.arpa"...))
}

// Response codes as an Answer carries them, spelled as dig prints them.
// RFC 1035 4.1.1 defines 0-5; RFC 6891 6.1.3 adds BADVERS (16).
const (
	RCodeNoError  = "NOERROR"
	RCodeFormErr  = "FORMERR"
	RCodeServFail = "SERVFAIL"
	RCodeNXDomain = "NXDOMAIN"
	RCodeNotImp   = "NOTIMP"
	RCodeRefused  = "REFUSED"
	RCodeBadVers  = "BADVERS"
)

// rcodeName returns the mnemonic of an (extended) response code.
func rcodeName(rc int) string {
	switch rc {
	case 0:
		return RCodeNoError
	case 1:
		return RCodeFormErr
	case 2:
		return RCodeServFail
	case 3:
		return RCodeNXDomain
	case 4:
		return RCodeNotImp
	case 5:
		return RCodeRefused
	case 16:
		return RCodeBadVers
	}
	return "RCODE" + strconv.Itoa(rc)
}
