package imap

import (
	"errors"
	"strings"
)

// The grammar of RFC 9051 9, as much of it as commands and FETCH responses
// need: atoms, numbers, quoted strings, literals, NIL and parenthesized
// lists. A command or a response is parsed as one string in which each
// literal's CRLF and octets stand inline, "{5}\r\nhello", as they were on
// the wire.

// valueKind says what a parsed value is.
type valueKind uint8

const (
	vAtom   valueKind = iota + 1 // an atom, a number, a flag, a sequence set, BODY[...]
	vString                      // a quoted string or a literal
	vList                        // a parenthesized list
)

// value is one parsed value.
type value struct {
	kind valueKind
	s    string  // the atom or the string's contents
	list []value // for vList
}

// errSyntax is any syntax error in a command or response.
var errSyntax = errors.New("syntax error")

// maxDepth bounds nested lists, so hostile input cannot exhaust the stack.
const maxDepth = 8

// scanner reads values from s.
type scanner struct {
	s string
	i int
}

// done reports whether everything was read.
func (p *scanner) done() bool { return p.i >= len(p.s) }

// space reads the one space between two values (RFC 9051 9: SP).
func (p *scanner) space() bool {
	if p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
		return true
	}
	return false
}

// values reads space-separated values to the end of s.
func (p *scanner) values() ([]value, error) {
	var out []value
	for !p.done() {
		if len(out) > 0 && !p.space() {
			return nil, errSyntax
		}
		v, err := p.value(0)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// value reads one value.
func (p *scanner) value(depth int) (value, error) {
	if p.done() {
		return value{}, errSyntax
	}
	switch c := p.s[p.i]; c {
	case '(':
		if depth >= maxDepth {
			return value{}, errSyntax
		}
		p.i++
		l := value{kind: vList}
		for {
			if p.done() {
				return value{}, errSyntax
			}
			if p.s[p.i] == ')' {
				p.i++
				return l, nil
			}
			if len(l.list) > 0 && !p.space() {
				return value{}, errSyntax
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return value{}, err
			}
			l.list = append(l.list, v)
		}
	case '"':
		return p.quoted()
	case '{':
		return p.literal()
	}
	return p.atom()
}

// quoted reads a quoted string (RFC 9051 9: quoted, with \" and \\).
func (p *scanner) quoted() (value, error) {
	p.i++ // the opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case '"':
			return value{kind: vString, s: b.String()}, nil
		case '\\':
			if p.i >= len(p.s) || (p.s[p.i] != '"' && p.s[p.i] != '\\') {
				return value{}, errSyntax
			}
			b.WriteByte(p.s[p.i])
			p.i++
		case '\r', '\n', 0:
			return value{}, errSyntax
		default:
			b.WriteByte(c)
		}
	}
	return value{}, errSyntax
}

// literal reads "{n}" or "{n+}", CRLF and n octets (RFC 9051 4.3, RFC 7888).
func (p *scanner) literal() (value, error) {
	n, end, ok := literalSize(p.s[p.i:])
	if !ok {
		return value{}, errSyntax
	}
	p.i += end
	if !strings.HasPrefix(p.s[p.i:], "\r\n") || len(p.s)-p.i-2 < n {
		return value{}, errSyntax
	}
	p.i += 2
	v := value{kind: vString, s: p.s[p.i : p.i+n]}
	p.i += n
	return v, nil
}

// literalSize parses the "{n}" or "{n+}" at the start of s and returns n
// and the length of the marker.
func literalSize(s string) (n, end int, ok bool) {
	if len(s) < 3 || s[0] != '{' {
		return 0, 0, false
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if i > 9 {
			return 0, 0, false // more than 999,999,999 octets
		}
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 1 {
		return 0, 0, false
	}
	if i < len(s) && s[i] == '+' {
		i++
	}
	if i >= len(s) || s[i] != '}' {
		return 0, 0, false
	}
	return n, i + 1, true
}

// trailingLiteral reports whether line ends with a literal marker and
// returns its size and whether it is synchronizing (RFC 9051 4.3: the
// client waits for a continuation request before sending the octets).
func trailingLiteral(line string) (n int, sync, ok bool) {
	if !strings.HasSuffix(line, "}") {
		return 0, false, false
	}
	i := strings.LastIndexByte(line, '{')
	if i < 0 {
		return 0, false, false
	}
	n, end, ok := literalSize(line[i:])
	if !ok || i+end != len(line) {
		return 0, false, false
	}
	return n, line[len(line)-2] != '+', true
}

// atom reads an atom. Inside brackets (BODY[HEADER.FIELDS (From)]) spaces
// and parentheses belong to the atom, up to the closing bracket; a partial
// <0.100> that follows is part of it too.
func (p *scanner) atom() (value, error) {
	start := p.i
	depth := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		if depth > 0 {
			switch c {
			case ']':
				depth--
			case '\r', '\n', 0:
				return value{}, errSyntax
			}
			p.i++
			continue
		}
		if c == '[' {
			depth++
			p.i++
			continue
		}
		if c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '{' || c == '"' {
			break
		}
		p.i++
	}
	if depth > 0 || p.i == start {
		return value{}, errSyntax
	}
	return value{kind: vAtom, s: p.s[start:p.i]}, nil
}

// astring returns the string an astring argument carries (RFC 9051 9:
// an atom, a quoted string or a literal).
func astring(v value) (string, bool) {
	switch v.kind {
	case vString:
		return v.s, true
	case vAtom:
		if strings.ContainsAny(v.s, "[]") {
			return v.s, !strings.Contains(v.s, "[") // resp-specials "]" is allowed in ASTRING-CHAR
		}
		return v.s, true
	}
	return "", false
}

// number parses nz-number or number (RFC 9051 9), up to 2^32-1.
func number(s string) (uint32, bool) {
	if s == "" || len(s) > 10 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + uint64(s[i]-'0')
	}
	if n > 1<<32-1 {
		return 0, false
	}
	return uint32(n), true
}

// seqRange is one element of a sequence set; 0 stands for "*".
type seqRange struct{ lo, hi uint32 }

// parseSeqSet parses a sequence set (RFC 9051 9: sequence-set), such as
// "1:*", "2,4:7", "*".
func parseSeqSet(s string) ([]seqRange, bool) {
	if s == "" {
		return nil, false
	}
	var out []seqRange
	for part := range strings.SplitSeq(s, ",") {
		a, b, isRange := strings.Cut(part, ":")
		lo, ok := seqNumber(a)
		if !ok {
			return nil, false
		}
		hi := lo
		if isRange {
			if hi, ok = seqNumber(b); !ok {
				return nil, false
			}
		}
		out = append(out, seqRange{lo, hi})
		if len(out) > 1000 {
			return nil, false
		}
	}
	return out, true
}

// seqNumber parses a seq-number: a non-zero number or "*" (returned as 0).
func seqNumber(s string) (uint32, bool) {
	if s == "*" {
		return 0, true
	}
	n, ok := number(s)
	return n, ok && n > 0
}

// contains reports whether n is in the set, "*" being last (RFC 9051 9:
// a range n:m contains every number between the two, in either order).
func contains(set []seqRange, n, last uint32) bool {
	for _, r := range set {
		lo, hi := r.lo, r.hi
		if lo == 0 {
			lo = last
		}
		if hi == 0 {
			hi = last
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		if lo <= n && n <= hi {
			return true
		}
	}
	return false
}

// quote returns s as a quoted string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// isAtom reports whether s can be sent as an atom (RFC 9051 9: ATOM-CHAR,
// no atom-specials).
func isAtom(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`(){%*"\]`, c) >= 0 {
			return false
		}
	}
	return true
}
