package explain

import (
	"strings"

	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// replyCode reports whether s is a three-digit SMTP reply code of a class
// RFC 5321 4.2.1 defines (2yz to 5yz) and returns it.
func replyCode(s string) (int, bool) {
	if len(s) != 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < 3; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n < 200 || n >= 600 {
		return 0, false
	}
	return n, true
}

// isEnhanced reports whether s has the form of an RFC 3463 enhanced status
// code: class "." subject "." detail, the class 2, 4 or 5, subject and detail
// of one to three digits (RFC 3463 2).
func isEnhanced(s string) bool {
	if len(s) < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.' {
		return false
	}
	rest := s[2:]
	dot := strings.IndexByte(rest, '.')
	return dot > 0 && digits(rest[:dot], 3) && digits(rest[dot+1:], 3)
}

// digits reports whether s is 1 to max ASCII digits.
func digits(s string, max int) bool {
	if len(s) == 0 || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseReply reads an SMTP reply line with smtp.ParseReplyLine, the one
// reply-line parser: the code, the enhanced status code when the text starts
// with one (RFC 2034 4), and whether this is the last line of the reply (RFC
// 5321 4.2.1). A code whose second digit RFC 5321 4.2 does not allow (qmail's
// 571) still has a class worth explaining, so it is read with that digit set
// aside.
func parseReply(line string) (code int, enhanced string, last, ok bool) {
	code, enhanced, _, last, err := smtp.ParseReplyLine(line)
	if err == nil {
		return code, enhanced, last, true
	}
	if len(line) < 3 {
		return 0, "", false, false
	}
	wild, ok := replyCode(line[:3])
	if !ok {
		return 0, "", false, false
	}
	if _, enhanced, _, last, err = smtp.ParseReplyLine(line[:1] + "0" + line[2:]); err != nil {
		return 0, "", false, false
	}
	return wild, enhanced, last, true
}

// dnsLine explains a DNS question or answer line. The engine writes them in
// zone-file presentation format: "query example.jp. IN MX", one line per
// record ("example.jp. 3600 IN MX 10 mx.example.jp."), "NXDOMAIN example.jp."
// and "NOERROR example.jp. IN MX (no records)".
func dnsLine(e *trace.Event) []Entry {
	qtype, qname := splitQuery(e.Tag.Query)
	if isClientLine(e) {
		if qtype == "" {
			qname, qtype, _, _ = parseRR(e.Line)
		}
		if strings.EqualFold(qtype, "TXT") {
			return at(txtPos(qname, ""), typePos(qtype))
		}
		return at(typePos(qtype))
	}
	line := e.Line
	switch {
	case e.Tag.RCode == "NXDOMAIN" || strings.HasPrefix(line, "NXDOMAIN"):
		if qtype == "" && (strings.HasSuffix(line, ".in-addr.arpa.") || strings.HasSuffix(line, ".ip6.arpa.")) {
			qtype = "PTR" // a pasted line: the reverse name says what was asked
		}
		return at(pos(keyNXDOMAIN), typePos(qtype))
	case e.Tag.Empty || strings.HasSuffix(line, "(no records)"): // the tag from the engine; the text for a pasted line
		if qtype == "" {
			_, qtype, _, _ = parseRR(line)
		}
		return at(pos(keyNODATA), typePos(qtype))
	}
	name, rtype, rdata, ok := parseRR(line)
	if !ok {
		return at(typePos(qtype))
	}
	switch {
	case strings.EqualFold(rtype, "MX") && isNullMX(rdata):
		return at(pos(keyNullMX), typePos(rtype))
	case strings.EqualFold(rtype, "TXT"):
		return at(txtPos(name, rdata), typePos(rtype))
	}
	return at(typePos(rtype))
}

// splitQuery splits a Tag.Query ("MX example.jp") into type and name.
func splitQuery(q string) (qtype, name string) {
	if i := strings.IndexByte(q, ' '); i >= 0 {
		return q[:i], q[i+1:]
	}
	return q, ""
}

// parseRR finds "IN <type>" in a presentation-format line and returns the
// owner name (the word before the TTL or "IN"), the type and the RDATA that
// follows it.
func parseRR(line string) (name, rtype, rdata string, ok bool) {
	f := strings.Fields(line)
	for i := 0; i+1 < len(f); i++ {
		if f[i] != "IN" {
			continue
		}
		rtype = f[i+1]
		switch {
		case i >= 2 && digits(f[i-1], 10):
			name = f[i-2] // owner TTL IN type
		case i >= 1:
			name = f[i-1] // "query" owner IN type
		}
		if j := strings.Index(line, " IN "+rtype); j >= 0 {
			rdata = strings.TrimSpace(line[j+len(" IN ")+len(rtype):])
		}
		return name, rtype, rdata, true
	}
	return "", "", "", false
}

// isNullMX reports whether MX RDATA is RFC 7505's "0 .".
func isNullMX(rdata string) bool {
	f := strings.Fields(rdata)
	return len(f) == 2 && f[0] == "0" && f[1] == "."
}

// typePos returns the entry of a DNS record type, or -1.
func typePos(t string) int {
	switch strings.ToUpper(t) {
	case "MX":
		return pos(keyDNSMX)
	case "A":
		return pos(keyDNSA)
	case "TXT":
		return pos(keyDNSTXT)
	case "PTR":
		return pos(keyDNSPTR)
	}
	return -1
}

// txtPos recognises the TXT records of sender authentication by where they
// live and how they begin: DMARC at _dmarc.<domain> (RFC 7489 6.1), DKIM keys
// at <selector>._domainkey.<domain> (RFC 6376 3.6.2.1), SPF as "v=spf1"
// (RFC 7208 4.5).
func txtPos(name, rdata string) int {
	switch {
	case hasPrefixFold(name, "_dmarc.") || containsFold(rdata, "v=DMARC1"):
		return pos(keyDMARC)
	case containsFold(name, "._domainkey.") || hasPrefixFold(name, "_domainkey.") || containsFold(rdata, "v=DKIM1"):
		return pos(keyDKIM)
	case containsFold(rdata, "v=spf1"):
		return pos(keySPF)
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
