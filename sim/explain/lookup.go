package explain

import (
	"sort"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/trace"
)

// aliases maps what a user may type (lower case, single spaces) to a
// canonical key, for the entries whose key is not what people say.
var aliases = map[string]string{
	"ok": keyOK, "err": keyERR,
	"mx": keyDNSMX, "mx record": keyDNSMX, "a": keyDNSA, "a record": keyDNSA, "txt": keyDNSTXT, "ptr": keyDNSPTR, "reverse dns": keyDNSPTR, "reverse lookup": keyDNSPTR,
	"nxdomain": keyNXDOMAIN, "noerror": keyNODATA, "nodata": keyNODATA,
	"null mx": keyNullMX, "nullmx": keyNullMX, "null-mx": keyNullMX, "mx 0 .": keyNullMX,
	"spf": keySPF, "dkim": keyDKIM, "dmarc": keyDMARC,
	"syn": keySYN, "connect": keySYN, "syn-ack": keySYNACK, "synack": keySYNACK, "accept": keySYNACK,
	"drop": keyDrop, "dropped": keyDrop, "blocked": keyDrop,
	"timeout": keyTimeout, "timed out": keyTimeout, "connection timed out": keyTimeout,
	"refused": keyRefused, "rst": keyRefused, "connection refused": keyRefused,
	"fin": keyFIN, "close": keyFIN,
	"tls": keyTLSRecord, "record": keyTLSRecord, "application data": keyTLSRecord,
	"handshake": keyTLSHello, "clienthello": keyTLSHello, "serverhello": keyTLSHello,
	"queue": keyQueue, "queued": keyQueue, "retry": keyQueue,
	"deliver": keyDeliver, "delivered": keyDeliver, "delivery": keyDeliver,
	"bounce": keyBounce, "bounced": keyBounce, "ndr": keyBounce, "dsn": keyBounce, "bounce mail": keyBounce,
	"end of data": keyEndData, "<crlf>.<crlf>": keyEndData,
	"25": "port 25", "smtp port": "port 25",
	"587": "port 587", "submission": "port 587", "submission port": "port 587",
	"465": "port 465", "smtps": "port 465",
	"110": "port 110", "995": "port 995", "pop3s": "port 995",
	"143": "port 143", "imap": "port 143", "993": "port 993", "imaps": "port 993",
	"53": "port 53",
}

// Lookup finds entries for what a user types: a canonical key ("SMTP RCPT",
// "TCP drop"), a reply code ("554", and "554 5.7.1" gives both codes, most
// specific first), an enhanced status code ("5.7.1"), a command verb in any
// case ("RCPT", "rcpt", "STAT"), a whole protocol line as shown in a
// transcript ("RCPT TO:<bob@example.jp>", "550 5.1.1 <bob@example.jp>: ...",
// "example.jp. 3600 IN MX 0 ."), a status ("+OK", "-ERR"), a DNS or TCP
// word ("MX", "NXDOMAIN", "op25b", "refused") or a port ("587"). A verb both
// protocols share (QUIT, NOOP, RSET) returns both, SMTP first. A reply code
// the table lacks gives its class ("571", which qmail sends, gives "5xx").
// Nothing found returns nil.
func Lookup(query string) []Entry {
	q := strings.Join(strings.Fields(widthFold(query)), " ")
	if q == "" {
		return nil
	}
	lower := strings.ToLower(q)
	if i, ok := idx.byKey[lower]; ok {
		return at(i)
	}
	if k, ok := aliases[lower]; ok {
		return at(pos(k))
	}
	if i, ok := folded[fold(q)]; ok {
		return at(i)
	}
	if i, ok := compound(q); ok {
		return at(i)
	}
	if p, ok := portQuery(lower); ok {
		if i, ok := idx.port[p]; ok {
			return at(i)
		}
	}
	// A whole line pasted from a transcript: what the player explains.
	if e, ok := parsePasted(q); ok {
		return pastedEntries(e)
	}
	word := firstWord(q)
	// A reply line or a bare code: "554", "554 5.7.1 ...", "250-SIZE".
	if len(word) >= 3 {
		if code, enh, _, ok := parseReply(q); ok && (len(word) == 3 || word[3] == '-') {
			if isDMARCReject(q) {
				return at(pos(keyDMARCReject), lookupIn(idx.enhanced, enh), codePos(code))
			}
			return at(lookupIn(idx.enhanced, enh), codePos(code))
		}
	}
	if isEnhanced(word) {
		return at(lookupIn(idx.enhanced, word))
	}
	switch upper := strings.ToUpper(word); upper {
	case keyOK, keyERR:
		return at(pos(upper))
	case "NXDOMAIN", "NOERROR":
		return dnsLine(&trace.Event{Kind: trace.Line, Proto: trace.DNS, Dir: trace.ServerToClient, Line: q})
	}
	// A DNS line in presentation format.
	if _, _, _, ok := parseRR(q); ok {
		dir := trace.ServerToClient
		if strings.EqualFold(word, "query") {
			dir = trace.ClientToServer
		}
		if es := dnsLine(&trace.Event{Kind: trace.Line, Proto: trace.DNS, Dir: dir, Line: q}); es != nil {
			return es
		}
	}
	// A command verb, or a command line; SMTP first for shared verbs.
	s, sok := ForCommand(trace.SMTP, word)
	p, pok := ForCommand(trace.POP3, word)
	switch {
	case sok && pok:
		return []Entry{s, p}
	case sok:
		return []Entry{s}
	case pok:
		return []Entry{p}
	}
	// IMAP last: a verb SMTP or POP3 also has (NOOP) is found as "IMAP
	// NOOP"; the others (SELECT, FETCH, EXPUNGE) by their name alone.
	if m, ok := ForCommand(trace.IMAP, word); ok {
		return []Entry{m}
	}
	if m, ok := ForCommand(trace.IMAP, imap.VerbOf("a "+q)); ok {
		return []Entry{m} // "UID FETCH 1:* FLAGS"
	}
	return nil
}

// Words are what a user may type to find an entry, for completion: every
// canonical key, the word after a family prefix ("RCPT" of "SMTP RCPT",
// "587" of "port 587") and the one-word aliases. Sorted, no word twice in
// any case.
func Words() []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		// Lookup ignores case, so "nodata" adds nothing to "NODATA".
		if k := strings.ToLower(w); w != "" && !seen[k] {
			seen[k] = true
			out = append(out, w)
		}
	}
	for _, e := range entries {
		add(e.Key)
		if i := strings.IndexByte(e.Key, ' '); i > 0 && !strings.Contains(e.Key[i+1:], " ") {
			switch e.Key[:i] {
			case "SMTP", "POP3", "IMAP", "DNS", "TCP", "port", "MTA":
				add(e.Key[i+1:])
			}
		}
	}
	for _, m := range []map[string]string{aliases, termAliases} {
		for a := range m {
			if !strings.Contains(a, " ") {
				add(a)
			}
		}
	}
	sort.Strings(out)
	return out
}

// portQuery reads a port number written the ways learners write one: "port
// 587", "TCP/25", "587番ポート", "ポート25", "25番". A bare number is a reply
// code or an alias, not this.
func portQuery(lower string) (uint16, bool) {
	s := strings.ReplaceAll(lower, " ", "")
	t := s
	for _, p := range []string{"port", "ポート番号", "ポート", "tcp/", "udp/", "tcp", "udp"} {
		t = strings.TrimPrefix(t, p)
	}
	for _, suf := range []string{"番ポート", "番"} {
		t = strings.TrimSuffix(t, suf)
	}
	if t == s || !digits(t, 5) {
		return 0, false
	}
	n, err := strconv.ParseUint(t, 10, 16)
	return uint16(n), err == nil
}

// compoundSuffixes are words learners put after a term ("SPFレコード", "DKIM
// signature", "OP25B対策", "Fromヘッダ", "POP3サーバ"), longest first where
// one ends another.
var compoundSuffixes = []string{
	"とは何か", "とは", "って何", "の仕組み", "の暗号化", "レコード", "record", "対策",
	"countermeasure", "署名", "signature", "ポリシー", "policy", "サーバ", "server",
	"技術", "ヘッダ", "header", "方式", "プロトコル", "protocol", "コマンド", "command",
}

// compound finds a term followed by one of compoundSuffixes.
func compound(q string) (int, bool) {
	f := fold(q)
	for _, suf := range compoundSuffixes {
		if rest, ok := strings.CutSuffix(f, fold(suf)); ok && rest != "" {
			if i, ok := folded[rest]; ok {
				return i, true
			}
		}
	}
	return 0, false
}
