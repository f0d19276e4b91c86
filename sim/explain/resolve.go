package explain

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// folded finds entries by the folded form (fold) of a key, an alias or a
// term alias. Aliases win over keys that fold alike: "smtp-auth" is the
// SMTP-AUTH term, while "SMTP AUTH", spelt as the key, is still found as the
// command by Lookup's exact match first. Built once, read-only afterwards.
var folded = func() map[string]int {
	m := map[string]int{}
	for _, as := range []map[string]string{termAliases, aliases} {
		for a, k := range as {
			f := fold(a)
			if _, dup := m[f]; !dup && pos(k) >= 0 {
				m[f] = pos(k)
			}
		}
	}
	for i, e := range entries {
		if f := fold(e.Key); f != "" {
			if _, dup := m[f]; !dup {
				m[f] = i
			}
		}
	}
	return m
}()

// isKey reports whether q is, folded, a key or an alias: what a run of
// words must be to count as one query.
func isKey(q string) bool {
	lower := strings.ToLower(q)
	if _, ok := idx.byKey[lower]; ok {
		return true
	}
	if _, ok := aliases[lower]; ok {
		return true
	}
	_, ok := folded[fold(q)]
	return ok
}

// Result is what Resolve found for a user's queries.
type Result struct {
	Entries []Entry // in the order found, each key once
	Missing []string
	// Suggest holds, for a missing query, the nearest words that would
	// have found something ("did you mean").
	Suggest map[string][]string
}

func (r *Result) add(es ...Entry) {
	for _, e := range es {
		if !slices.ContainsFunc(r.Entries, func(x Entry) bool { return x.Key == e.Key }) {
			r.Entries = append(r.Entries, e)
		}
	}
}

func (r *Result) miss(q string) {
	r.Missing = append(r.Missing, q)
	if s := Suggest(q); len(s) > 0 {
		if r.Suggest == nil {
			r.Suggest = map[string][]string{}
		}
		r.Suggest[q] = s
	}
}

// Resolve answers the queries of one command line, where the shell has
// split what the user typed into words: a run of words that together make a
// key or an alias is one query (`null MX`, `SMTP RCPT`, `554 null MX` is 554
// and null MX, `POP before SMTP`); every other word is a query of its own.
// When some words still match nothing, the whole line is tried as one query,
// and wins if it is a pasted transcript line or finds something new:
// `RCPT TO:<bob@example.jp>` unquoted, but not `QUIT xyzzy`, which must
// still report the unknown "xyzzy".
func Resolve(queries []string) Result {
	var units []string
	for _, q := range queries {
		if q = strings.TrimSpace(q); q != "" {
			units = append(units, q)
		}
	}
	var r Result
	for i := 0; i < len(units); {
		j := len(units)
		for ; j > i+1; j-- {
			if isKey(strings.Join(units[i:j], " ")) {
				break
			}
		}
		q := strings.Join(units[i:j], " ")
		if es := Answer(q); len(es) > 0 {
			r.add(es...)
		} else {
			r.miss(q)
		}
		i = j
	}
	if len(r.Missing) > 0 && len(units) > 1 {
		joined := strings.Join(units, " ")
		es := Answer(joined)
		_, pasted := parsePasted(joined)
		if len(es) > 0 && (pasted || slices.ContainsFunc(es, func(e Entry) bool {
			return !slices.ContainsFunc(r.Entries, func(x Entry) bool { return x.Key == e.Key })
		})) {
			return Result{Entries: es}
		}
	}
	return r
}

// ResolveEach answers each query on its own, as the lines of a pipe or of
// the interactive prompt are.
func ResolveEach(queries []string) Result {
	var r Result
	for _, q := range queries {
		if q = strings.TrimSpace(q); q == "" {
			continue
		}
		if es := Answer(q); len(es) > 0 {
			r.add(es...)
		} else {
			r.miss(q)
		}
	}
	return r
}

// Answer explains one query: Lookup's entries, preceded by what base64 in
// it decodes to (`AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=`, a bare `YWxpY2U=`
// answering a 334, the server's `334 VXNlcm5hbWU6`). A query of several
// words that Lookup reads as one line but that is really several keys
// (`554 null MX`) gives each key's entries.
func Answer(query string) []Entry {
	q := strings.Join(strings.Fields(widthFold(query)), " ")
	es := Lookup(q)
	content := q
	if e, ok := parsePasted(q); ok {
		content = e.Line
	} else if words := strings.Fields(q); len(words) > 1 {
		// A reply line ("250 OK") gives way only to a key of several
		// words in it ("554 null MX").
		_, _, _, reply := parseReply(q)
		if seg, multi, ok := segment(words); ok && len(seg) > len(es) && (multi || !reply) {
			es = seg
		}
	}
	bare := len(es) == 0 || len(es) == 1 && es[0].Key == prefixSMTP+verbAuthData
	if d, ok := decodeAuth(content, bare); ok {
		out := []Entry{d}
		if len(es) == 0 && len(strings.Fields(content)) == 1 {
			es = at(lookupIn(idx.smtpVerb, verbAuthData))
		}
		out = append(out, es...)
		return append(out, entries[pos(keyTermBase64)])
	}
	return es
}

// segment splits words into runs that are each a key, an alias or (one
// word) anything Lookup finds, longest runs first; ok is false when a word
// is left over. multi reports a run of more than one word.
func segment(words []string) (out []Entry, multi, ok bool) {
	for i := 0; i < len(words); {
		j := len(words)
		var es []Entry
		for ; j > i; j-- {
			run := strings.Join(words[i:j], " ")
			if j-i > 1 && !isKey(run) {
				continue
			}
			if es = Lookup(run); len(es) > 0 {
				break
			}
		}
		if j == i {
			return nil, false, false
		}
		multi = multi || j-i > 1
		for _, e := range es {
			if !slices.ContainsFunc(out, func(x Entry) bool { return x.Key == e.Key }) {
				out = append(out, e)
			}
		}
		i = j
	}
	return out, multi, true
}

// decodeAuth finds base64 in an SMTP-AUTH line and decodes it into an entry
// of its own: the argument of "AUTH PLAIN ..." or "AUTH LOGIN ...", the
// challenge of a "334 ..." reply, or, when bare is set (nothing else
// matched), a line that is base64 alone. The decoded text must be printable
// (NUL separates the parts of PLAIN), so that an ordinary word is not taken
// for base64.
func decodeAuth(line string, bare bool) (Entry, bool) {
	words := strings.Fields(line)
	var mech, enc string
	switch {
	case len(words) == 3 && strings.EqualFold(words[0], "AUTH"):
		mech, enc = strings.ToUpper(words[1]), words[2]
	case len(words) == 2 && words[0] == "334":
		mech, enc = "334", words[1]
	case len(words) == 1 && bare:
		enc = words[0]
	default:
		return Entry{}, false
	}
	text, ok := decodeBase64(enc)
	if !ok {
		return Entry{}, false
	}
	return decodedEntry(mech, enc, text), true
}

// decodeBase64 decodes s, padded or not (RFC 4648 4), and reports whether
// the result is printable UTF-8 text.
func decodeBase64(s string) (string, bool) {
	if len(s) < 4 || len(s) > 1024 {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(s); err != nil {
			return "", false
		}
	}
	if len(b) == 0 || !utf8.Valid(b) {
		return "", false
	}
	printable := 0
	for _, r := range string(b) {
		switch {
		case r == 0:
		case unicode.IsPrint(r):
			printable++
		default:
			return "", false
		}
	}
	return string(b), printable > 0
}

// decodedEntry explains what a base64 string decodes to.
func decodedEntry(mech, enc, text string) Entry {
	shown := strings.ReplaceAll(text, "\x00", `\0`)
	e := Entry{
		Key:   enc,
		Title: i18n.T(fmt.Sprintf(`base64, decoded: %q`, shown), fmt.Sprintf(`Base64をデコードした結果: 「%s」`, shown)),
		RFC:   "RFC 4648 4; RFC 4954 4",
	}
	what := i18n.T(
		fmt.Sprintf(`%q is base64 for %q.`, enc, shown),
		fmt.Sprintf(`「%s」をデコードすると「%s」になる。`, enc, shown))
	switch parts := strings.Split(text, "\x00"); {
	case mech == "PLAIN" && len(parts) == 3:
		// RFC 4616 2: [authzid] NUL authcid NUL passwd.
		what = i18n.T(
			fmt.Sprintf(`AUTH PLAIN sends one base64 string: an authorization identity (%q), the user name %q and the password %q, separated by NUL bytes.`, parts[0], parts[1], parts[2]),
			fmt.Sprintf(`AUTH PLAINは、認可ID(「%s」)、ユーザ名「%s」、パスワード「%s」をNULで区切り、1つのBase64の文字列にして送る。`, parts[0], parts[1], parts[2]))
		e.RFC = "RFC 4648 4; RFC 4954 4; RFC 4616 2"
	case mech == "334":
		what = i18n.T(
			fmt.Sprintf(`The server's challenge %q is base64 for %q: AUTH LOGIN asks for the user name and then the password, each answered in base64.`, enc, shown),
			fmt.Sprintf(`サーバのチャレンジ「%s」をデコードすると「%s」になる。AUTH LOGINではユーザ名とパスワードを順に尋ね、クライアントはそれぞれBase64で答える。`, enc, shown))
	}
	e.Text = i18n.T(
		what.EN+` Base64 is an encoding, not encryption: anyone who can read this line can decode it, which is why AUTH belongs after STARTTLS or on port 465.`,
		what.JA+`Base64は暗号化ではなくエンコードなので、この行を読める者は誰でもデコードできる。そのため、AUTHはSTARTTLSの後か465番ポートで使う。`)
	return e
}

// Suggest returns the words nearest to a query that found nothing, for a
// "did you mean": at most three, closest first, compared after folding, at
// an edit distance of one (two for a query of six characters or more).
func Suggest(q string) []string {
	fq := []rune(fold(widthFold(q)))
	if len(fq) < 3 || len(fq) > 40 {
		return nil
	}
	limit := 1
	if len(fq) >= 6 {
		limit = 2
	}
	type cand struct {
		word string
		d    int
	}
	var best []cand
	seen := map[string]bool{}
	consider := func(w string) {
		f := fold(w)
		if seen[f] {
			return
		}
		seen[f] = true
		if d := suggest.Distance(fq, []rune(f), limit); d <= limit {
			best = append(best, cand{w, d})
		}
	}
	for _, w := range Words() {
		consider(w)
	}
	for _, m := range []map[string]string{aliases, termAliases} {
		for a := range m {
			consider(a)
		}
	}
	slices.SortFunc(best, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.word, b.word)
	})
	var out []string
	for _, c := range best {
		if len(out) == 3 {
			break
		}
		out = append(out, c.word)
	}
	return out
}

// ForView is what the player's explain pane and `mailsim explain` for a
// pasted transcript line both show for one event: ForReply's entries.
func ForView(e *trace.Event, cmd string) []Entry { return ForReply(e, cmd) }

// Outcome is what a POP3 status means for the command entry it answers:
// the entry's OK for +OK, its Err for -ERR, nothing otherwise.
func (e Entry) Outcome(status trace.Status) i18n.Text {
	switch status {
	case trace.OK:
		return e.OK
	case trace.Err:
		return e.Err
	}
	return i18n.Text{}
}
