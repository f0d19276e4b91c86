package explain

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Entry is the explanation of one command, reply code, status or event.
type Entry struct {
	Key   string    // canonical key: "554", "5.7.1", "SMTP RCPT", "POP3 RETR", "DNS MX", "TCP drop"
	Title i18n.Text // a few words: "Transaction failed / relay denied"
	Text  i18n.Text // what it means
	Cause i18n.Text // for errors: the usual cause ("" otherwise)
	Fix   i18n.Text // for errors: what to do
	RFC   string    // "RFC 5321 4.2.3", "RFC 1939 7", "RFC 4954 6"; operational practice: say so
	// OK and Err are set on POP3 command entries only: what the +OK and the
	// -ERR answer to that command mean (RFC 1939 gives both for every
	// command). A view that knows the command a status line answers shows
	// the one that applies.
	OK  i18n.Text
	Err i18n.Text
	// Servers, where set, says how real servers (Postfix, Dovecot) answer
	// when the RFC allows more than one answer or they differ from this
	// simulator, so that a learner who meets them is not surprised.
	Servers i18n.Text
}

// Practice is the phrase the RFC field carries when behaviour comes from
// operational practice rather than from an RFC (OP25B, connect timeouts).
const Practice = "operational practice"

// Key prefixes of the entry families.
const (
	prefixSMTP = "SMTP "
	prefixPOP3 = "POP3 "
	prefixPort = "port "
)

// Keys of the entries that ForEvent picks by event kind rather than by a
// code or a verb.
const (
	keySYN      = "TCP SYN"
	keySYNACK   = "TCP SYN-ACK"
	keyDrop     = "TCP drop"
	keyTimeout  = "TCP timeout"
	keyRefused  = "TCP refused"
	keyFIN      = "TCP FIN"
	keyOK       = "+OK"
	keyERR      = "-ERR"
	keyDNSMX    = "DNS MX"
	keyDNSA     = "DNS A"
	keyDNSTXT   = "DNS TXT"
	keyDNSPTR   = "DNS PTR"
	keyNXDOMAIN = "DNS NXDOMAIN"
	keyNODATA   = "DNS NODATA"
	keyNullMX   = "DNS null MX"
	keySPF      = "DNS SPF"
	keyDKIM     = "DNS DKIM"
	keyDMARC    = "DNS DMARC"
	keyQueue    = "MTA queue"
	keyDeliver  = "MTA deliver"
	keyBounce   = "MTA bounce"
	keyEndData  = "SMTP ."
)

// entries is the whole table in the order All returns it. It is assembled
// from the per-protocol files and never modified.
var entries = slices.Concat(
	smtpCommands, smtpReplies, enhancedCodes,
	pop3Entries, imapEntries, dnsEntries, tcpEntries, tlsEntries, portEntries, mtaEntries, termEntries, authEntries,
)

// idx finds entries by key, code, verb and port. Built once from entries
// during package initialisation and read-only afterwards.
var idx = newIndex(entries)

type index struct {
	byKey    map[string]int // strings.ToLower(Key) -> position
	exact    map[string]int // Key -> position, for this package's constants
	code     map[int]int    // SMTP reply code -> position
	enhanced map[string]int // "5.7.1" -> position
	smtpVerb map[string]int // "RCPT" -> position
	pop3Verb map[string]int // "RETR" -> position
	imapVerb map[string]int // "UID FETCH", "EXISTS", "UIDVALIDITY", "OK" -> position
	port     map[uint16]int // 25 -> position
	dups     []string       // keys that occur twice (a defect the tests catch)
}

func newIndex(es []Entry) *index {
	x := &index{
		byKey:    make(map[string]int, len(es)),
		exact:    make(map[string]int, len(es)),
		code:     map[int]int{},
		enhanced: map[string]int{},
		smtpVerb: map[string]int{},
		pop3Verb: map[string]int{},
		imapVerb: map[string]int{},
		port:     map[uint16]int{},
	}
	for i, e := range es {
		k := strings.ToLower(e.Key)
		if _, dup := x.byKey[k]; dup {
			x.dups = append(x.dups, e.Key)
			continue
		}
		x.byKey[k] = i
		x.exact[e.Key] = i
		switch {
		case strings.HasPrefix(e.Key, prefixIMAP):
			// Before the term rule: "IMAP UID FETCH" is one command.
			x.imapVerb[e.Key[len(prefixIMAP):]] = i
		case strings.Contains(e.Key, " ") && strings.Count(e.Key, " ") > 1:
			// A term such as "POP3 session states", not a verb entry.
		case strings.HasPrefix(e.Key, prefixSMTP):
			x.smtpVerb[e.Key[len(prefixSMTP):]] = i
		case strings.HasPrefix(e.Key, prefixPOP3):
			x.pop3Verb[e.Key[len(prefixPOP3):]] = i
		case strings.HasPrefix(e.Key, prefixPort):
			if p, err := strconv.ParseUint(e.Key[len(prefixPort):], 10, 16); err == nil {
				x.port[uint16(p)] = i
			}
		case isEnhanced(e.Key):
			x.enhanced[e.Key] = i
		default:
			if c, ok := replyCode(e.Key); ok {
				x.code[c] = i
			}
		}
	}
	return x
}

// All returns every entry in a stable order: SMTP commands, SMTP reply codes
// (classes first), enhanced status codes, POP3, DNS, TCP, ports, MTA events.
func All() []Entry { return slices.Clone(entries) }

// Get returns the entry with exactly this canonical key (case-insensitive).
func Get(key string) (Entry, bool) {
	if i, ok := idx.byKey[strings.ToLower(key)]; ok {
		return entries[i], true
	}
	return Entry{}, false
}

// ForCommand returns the entry of an SMTP, POP3 or IMAP verb ("SMTP RCPT",
// "POP3 STAT", "IMAP UID FETCH"); verb is case-insensitive. For IMAP the
// names of untagged data ("EXISTS") and of response codes ("UIDVALIDITY")
// have entries too. For SMTP, "AUTH-DATA" (a line
// answering a 334 challenge) and "." (the end of the message text) have
// entries too; "DATA-LINE" (message text) has none.
func ForCommand(proto trace.Proto, verb string) (Entry, bool) {
	var m map[string]int
	switch proto {
	case trace.SMTP:
		m = idx.smtpVerb
	case trace.POP3:
		m = idx.pop3Verb
	case trace.IMAP:
		m = idx.imapVerb
	default:
		return Entry{}, false
	}
	i, ok := m[verb]
	if !ok && hasLower(verb) {
		i, ok = m[strings.ToUpper(verb)]
	}
	if !ok {
		return Entry{}, false
	}
	return entries[i], true
}

func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// at returns the entries at the given positions, skipping -1.
func at(pos ...int) []Entry {
	n := 0
	for _, p := range pos {
		if p >= 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Entry, 0, n)
	for _, p := range pos {
		if p >= 0 {
			out = append(out, entries[p])
		}
	}
	return out
}

// pos returns the position of a canonical key spelt exactly as in the table
// (the constants of this package), or -1.
func pos(key string) int { return lookupIn(idx.exact, key) }

// lookupIn returns the position of k in m, or -1.
func lookupIn[K comparable](m map[K]int, k K) int {
	if i, ok := m[k]; ok {
		return i
	}
	return -1
}

// sourceJA puts the English words of the RFC field into Japanese, for a
// Japanese reader of "Source:".
var sourceJA = strings.NewReplacer(
	"; the time limit is "+Practice, "、待ち時間の長さは運用上の慣行",
	Practice+" (", "運用上の慣行(",
	Practice, "運用上の慣行",
	", Appendix ", "、付録",
	"; ", "、",
)

// Source is the RFC field in both languages: where the behaviour comes
// from, with "operational practice" put into Japanese.
func (e Entry) Source() i18n.Text { return i18n.T(e.RFC, sourceJA.Replace(e.RFC)) }
