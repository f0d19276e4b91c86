package dns

import (
	"strconv"
	"strings"
)

// QuestionLine is the trace line for a query: "query example.jp. IN MX".
// The name is shown as it is sent, case kept, with its trailing dot.
func QuestionLine(name string, t Type) string {
	b := make([]byte, 0, 6+len(name)+1+4+4)
	b = append(b, "query "...)
	b = presentName(b, strings.TrimSuffix(name, "."))
	b = append(b, " IN "...)
	b = append(b, t.String()...)
	return string(b)
}

// Lines are the trace lines for a response, in master-file presentation
// (RFC 1035 5.1), the way dig's answer section shows them:
//
//	example.jp. 3600 IN MX 10 mx.example.jp.
//	mx.example.jp. 3600 IN A 192.0.2.25
//	example.jp. 3600 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
//
//	10.113.0.203.in-addr.arpa. 3600 IN PTR mail.isp.example.
//
// one line per record, MX first, then A and AAAA, then TXT, then PTR. Without records
// there is one status line: "NOERROR example.jp. IN MX (no records)",
// "NXDOMAIN example.jp.", or for other codes "SERVFAIL example.jp. IN MX"
// (just "FORMERR" when the response has no question). A truncated response
// ends with "NOERROR example.jp. IN TXT (truncated, retry over TCP)".
func (a Answer) Lines() []string {
	owner := presentName(make([]byte, 0, len(a.Name)+1), a.Name)
	switch a.RCode {
	case RCodeNoError, "":
	case RCodeNXDomain:
		return []string{"NXDOMAIN " + string(owner)}
	default:
		if a.Type == 0 {
			return []string{a.RCode}
		}
		return []string{a.RCode + " " + string(owner) + " IN " + a.Type.String()}
	}

	n := len(a.MX) + len(a.A) + len(a.TXT) + len(a.PTR)
	lines := make([]string, 0, n+1)
	var b []byte
	start := func(typ string) {
		b = append(b[:0], owner...)
		b = append(b, ' ')
		b = strconv.AppendUint(b, TTL, 10)
		b = append(b, " IN "...)
		b = append(b, typ...)
		b = append(b, ' ')
	}
	for _, m := range a.MX {
		start("MX")
		b = strconv.AppendUint(b, uint64(m.Pref), 10)
		b = append(b, ' ')
		b = presentName(b, m.Host)
		lines = append(lines, string(b))
	}
	for _, ip := range a.A {
		if ip.Is4() {
			start("A")
		} else {
			start("AAAA")
		}
		b = ip.AppendTo(b)
		lines = append(lines, string(b))
	}
	for _, t := range a.TXT {
		start("TXT")
		b = presentText(b, t)
		lines = append(lines, string(b))
	}
	for _, p := range a.PTR {
		start("PTR")
		b = presentName(b, p)
		lines = append(lines, string(b))
	}
	switch {
	case a.Truncated:
		lines = append(lines, "NOERROR "+string(owner)+" IN "+a.Type.String()+" (truncated, retry over TCP)")
	case n == 0:
		lines = append(lines, "NOERROR "+string(owner)+" IN "+a.Type.String()+" (no records)")
	}
	return lines
}
