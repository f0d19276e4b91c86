package dns

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/dns/dnsmessage"
)

// ErrInvalidName is wrapped by every error about a domain name that cannot
// be put on the wire.
var ErrInvalidName = errors.New("dns: invalid domain name")

// Wire limits of a name, RFC 1035 2.3.4.
const (
	maxLabel = 63  // octets in one label
	maxName  = 255 // octets of the whole name in wire form, length octets included
)

// CheckName reports whether name (trailing dot optional) can be sent as a
// domain name. RFC 1035 2.3.4: a label is at most 63 octets and the name at
// most 255 octets in wire form; RFC 1035 3.1: only the root label is empty,
// so "a..b" and ".a" are not names. "" and "." are the root.
func CheckName(name string) error {
	s := strings.TrimSuffix(name, ".")
	if s == "" {
		return nil
	}
	// Wire form: one length octet per label plus the label, then the root's
	// zero octet: len(s) + 2.
	if len(s)+2 > maxName {
		return fmt.Errorf("%w %q: longer than 255 octets on the wire (RFC 1035 2.3.4)", ErrInvalidName, name)
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '.' {
			continue
		}
		switch n := i - start; {
		case n == 0:
			return fmt.Errorf("%w %q: empty label (RFC 1035 3.1)", ErrInvalidName, name)
		case n > maxLabel:
			return fmt.Errorf("%w %q: label longer than 63 octets (RFC 1035 2.3.4)", ErrInvalidName, name)
		}
		start = i + 1
	}
	return nil
}

// normalize returns the form a zone keys a name by: without the trailing
// dot, ASCII letters in lower case. RFC 4343 2: DNS case-insensitivity is
// ASCII only, so bytes above 0x7F are left alone.
func normalize(name string) string {
	name = strings.TrimSuffix(name, ".")
	for i := 0; i < len(name); i++ {
		if c := name[i]; 'A' <= c && c <= 'Z' {
			b := []byte(name)
			lowerASCII(b[i:])
			return string(b)
		}
	}
	return name
}

func lowerASCII(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// wireName converts a name (trailing dot optional) to the canonical,
// dot-terminated form dnsmessage packs.
func wireName(name string) (dnsmessage.Name, error) {
	if err := CheckName(name); err != nil {
		return dnsmessage.Name{}, err
	}
	var n dnsmessage.Name
	s := strings.TrimSuffix(name, ".")
	copy(n.Data[:], s)
	n.Data[len(s)] = '.'
	n.Length = uint8(len(s) + 1)
	return n, nil
}

// keyBytes writes the zone key of a parsed name into buf (normalized like
// normalize) and returns its length. Keeping it in a caller's array lets
// the map lookup in the server avoid allocating.
func keyBytes(buf *[255]byte, n *dnsmessage.Name) int {
	l := int(n.Length)
	if l > 0 && n.Data[l-1] == '.' {
		l--
	}
	copy(buf[:l], n.Data[:l])
	lowerASCII(buf[:l])
	return l
}

// keyString is keyBytes as a string, for names a caller keeps.
func keyString(n *dnsmessage.Name) string {
	var buf [255]byte
	return string(buf[:keyBytes(&buf, n)])
}

// sameName compares two parsed names ASCII case-insensitively (RFC 4343).
func sameName(a, b *dnsmessage.Name) bool {
	if a.Length != b.Length {
		return false
	}
	for i := 0; i < int(a.Length); i++ {
		x, y := a.Data[i], b.Data[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// presentName appends the master-file form of name (given without its
// trailing dot) to b: dot-terminated, "." for the root. RFC 1035 5.1:
// characters special in a zone file are escaped as \X, other bytes that are
// not printable ASCII as \DDD, as dig prints them.
func presentName(b []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '.':
			// A separator: labels never contain a dot (dnsmessage refuses
			// to decode one), so every dot here divides two labels.
			b = append(b, c)
		case c == '"' || c == '(' || c == ')' || c == ';' || c == '\\' || c == '@' || c == '$' || c == ' ':
			b = append(b, '\\', c)
		case c < 0x21 || c > 0x7e:
			b = appendDDD(b, c)
		default:
			b = append(b, c)
		}
	}
	return append(b, '.')
}

// presentText appends one TXT record in master-file form: quoted
// <character-string>s of at most 255 octets each (RFC 1035 3.3.14, 5.1),
// with '"' and '\' escaped and non-printable bytes as \DDD.
func presentText(b []byte, s string) []byte {
	for first := true; first || s != ""; first = false {
		chunk := s[:min(len(s), maxString)]
		s = s[len(chunk):]
		if !first {
			b = append(b, ' ')
		}
		b = append(b, '"')
		for i := 0; i < len(chunk); i++ {
			switch c := chunk[i]; {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20 || c > 0x7e:
				b = appendDDD(b, c)
			default:
				b = append(b, c)
			}
		}
		b = append(b, '"')
	}
	return b
}

// maxString is the longest <character-string>, RFC 1035 3.3: one length octet.
const maxString = 255

func appendDDD(b []byte, c byte) []byte {
	return append(b, '\\', '0'+c/100, '0'+c/10%10, '0'+c%10)
}
