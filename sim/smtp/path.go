package smtp

import (
	"net/netip"
	"strings"
	"unicode/utf8"
)

// parsePath parses what follows "MAIL FROM:" or "RCPT TO:": a path in angle
// brackets, or, being liberal like Postfix, a bare address, then the ESMTP
// parameters. addr is the mailbox without brackets and without any source
// route, "" for the null path <>; a bare local part is accepted only for
// <Postmaster> (RFC 5321 4.1.1.3). ok is false on a syntax error.
func parsePath(s string) (addr, params string, ok bool) {
	s = strings.TrimLeft(s, " ")
	var rest string
	if strings.HasPrefix(s, "<") {
		end := closingBracket(s)
		if end < 0 {
			return "", "", false
		}
		addr, rest = s[1:end], s[end+1:]
	} else {
		addr, rest = s, ""
		if i := strings.IndexByte(s, ' '); i >= 0 {
			addr, rest = s[:i], s[i:]
		}
		if addr == "" || strings.ContainsAny(addr, "<>") {
			return "", "", false
		}
	}
	// RFC 5321 4.1.2: parameters are separated from the path by a space.
	if rest != "" && rest[0] != ' ' {
		return "", "", false
	}
	params = strings.Trim(rest, " ")
	if addr == "" {
		return "", params, true
	}
	// RFC 5321 4.5.3.1.3: a path is at most 256 octets with its brackets.
	if len(addr)+2 > maxPath || !utf8.ValidString(addr) {
		return "", "", false
	}
	// RFC 5321 4.1.2 and Appendix C: a source route "@a,@b:" MUST be
	// accepted and SHOULD be ignored.
	if addr[0] == '@' {
		route, mbox, found := strings.Cut(addr, ":")
		if !found || !validRoute(route) {
			return "", "", false
		}
		addr = mbox
	}
	if !validMailbox(addr) {
		return "", "", false
	}
	return addr, params, true
}

// closingBracket finds the ">" that ends a path starting with "<", skipping
// any inside a quoted local part.
func closingBracket(s string) int {
	quoted := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && c == '>':
			return i
		}
	}
	return -1
}

// validRoute checks A-d-l = At-domain *( "," At-domain ), At-domain = "@" Domain.
func validRoute(route string) bool {
	for part := range strings.SplitSeq(route, ",") {
		d, ok := strings.CutPrefix(part, "@")
		if !ok || !validDomain(d) {
			return false
		}
	}
	return true
}

// validMailbox checks Mailbox = Local-part "@" ( Domain / address-literal )
// (RFC 5321 4.1.2), or the bare "Postmaster".
func validMailbox(m string) bool {
	at := strings.LastIndexByte(m, '@')
	if at < 0 {
		return strings.EqualFold(m, "postmaster")
	}
	local, domain := m[:at], m[at+1:]
	if len(local) == 0 || len(local) > maxLocalPart || !validLocalPart(local) {
		return false
	}
	if strings.HasPrefix(domain, "[") {
		return validAddressLiteral(domain)
	}
	return validDomain(domain)
}

// validLocalPart checks Local-part = Dot-string / Quoted-string, with the
// UTF-8 of RFC 6531 3.3 allowed.
func validLocalPart(l string) bool {
	if l[0] == '"' {
		if len(l) < 2 || l[len(l)-1] != '"' {
			return false
		}
		for i := 1; i < len(l)-1; i++ {
			c := l[i]
			switch {
			case c == '\\':
				// quoted-pairSMTP = %d92 %d32-126
				i++
				if i >= len(l)-1 || l[i] < 32 || l[i] > 126 {
					return false
				}
			case c == '"' || c < 32 || c == 127:
				return false
			}
		}
		return true
	}
	// Dot-string = Atom *("." Atom): no empty atom, so no leading,
	// trailing or double dot.
	prevDot := true
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c == '.' {
			if prevDot {
				return false
			}
			prevDot = true
			continue
		}
		if !isAtext(c) {
			return false
		}
		prevDot = false
	}
	return !prevDot
}

// isAtext reports RFC 5322 3.2.3 atext, plus UTF-8 octets (RFC 6531 3.3).
func isAtext(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}

// validDomain checks Domain = sub-domain *("." sub-domain), with
// sub-domain = Let-dig [Ldh-str] or a UTF-8 U-label (RFC 6531 3.3).
func validDomain(d string) bool {
	if d == "" || len(d) > maxDomain {
		return false
	}
	for label := range strings.SplitSeq(d, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80) {
				return false
			}
		}
	}
	return true
}

// validAddressLiteral checks "[" ( IPv4-address-literal / IPv6-address-literal ) "]"
// (RFC 5321 4.1.3).
func validAddressLiteral(d string) bool {
	if len(d) < 3 || d[len(d)-1] != ']' {
		return false
	}
	inner := d[1 : len(d)-1]
	if v6, ok := cutPrefixFold(inner, "IPv6:"); ok {
		ip, err := netip.ParseAddr(v6)
		return err == nil && ip.Is6() && ip.Zone() == ""
	}
	ip, err := netip.ParseAddr(inner)
	return err == nil && ip.Is4()
}

// nextParam splits the first ESMTP parameter off a space-separated list.
func nextParam(params string) (param, rest string) {
	param, rest, _ = strings.Cut(params, " ")
	return param, strings.TrimLeft(rest, " ")
}
