// Package jastyle checks mailsim's Japanese text against the project's
// Japanese glossary and style guide (/work/shared/GLOSSARY-ja.md): the terms
// of its "Use" column, one register per kind of text, and its notation
// rules. The rules are data (rules.go); Check applies them to one document,
// such as a scenario, an explain entry or a table of UI labels, so that the
// "at most once, in parentheses" words can be counted per document.
package jastyle

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of text a string is, which decides its register
// (GLOSSARY-ja.md, "Registers").
type Kind int

// The kinds of Japanese text mailsim shows.
const (
	// Label: titles, labels, key help, trace notes and step headings. Noun
	// endings are fine; only the terms and the notation are checked.
	Label Kind = iota
	// Narration: scenario narration and summaries, lesson bodies. Every
	// sentence ends in です・ます.
	Narration
	// Explanation: the explain table's text, fix and +OK/-ERR meanings,
	// quiz feedback. Whole sentences in だ・である: no です・ます, no noun
	// or fragment endings.
	Explanation
	// Cause: an explanation's Cause line. だ・である; a noun ending is fine.
	Cause
	// UI: prompts, errors, run result lines. A sentence that ends in 「。」
	// ends in です・ます.
	UI
	// Quiz: question stems and choices, in the plain form IPA writes
	// (〜はどれか。): no です・ます.
	Quiz
)

var kindNames = [...]string{Label: "label", Narration: "narration", Explanation: "explanation", Cause: "cause", UI: "UI", Quiz: "quiz"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Part is one string of a document and the kind of text it is.
type Part struct {
	Kind Kind
	Text string
}

// Finding is one place where a text breaks a rule.
type Finding struct {
	Part  int    // index of the part in the document
	Rule  string // the rule's name, as in rules.go
	Match string // the offending text
	Hint  string // what to write instead
}

func (f Finding) String() string {
	return fmt.Sprintf("part %d: %s: %q: %s", f.Part, f.Rule, f.Match, f.Hint)
}

// Check applies every rule to the parts of one document. Words that the
// glossary allows once (in parentheses, to link to what learners have read
// elsewhere) are counted over the whole document.
func Check(parts ...Part) []Finding {
	var out []Finding
	seen := map[string]int{} // once-words already used in this document
	for i, p := range parts {
		if !hasJapanese(p.Text) {
			continue
		}
		add := func(rule, match, hint string) {
			out = append(out, Finding{Part: i, Rule: rule, Match: match, Hint: hint})
		}
		checkTerms(p, seen, add)
		checkNotation(p.Text, add)
		checkEnglish(p.Text, add)
		checkRegister(p, add)
	}
	out = append(out, checkFirstUse(parts)...)
	return out
}

// checkFirstUse checks that the narration of a document introduces each
// firstUses word in its long form the first time.
func checkFirstUse(parts []Part) []Finding {
	var out []Finding
	for _, f := range firstUses {
		for i, p := range parts {
			if p.Kind != Narration {
				continue
			}
			at := strings.Index(p.Text, f.word)
			if at < 0 {
				continue
			}
			off := strings.Index(f.first, f.word)
			if at < off || !strings.HasPrefix(p.Text[at-off:], f.first) {
				out = append(out, Finding{Part: i, Rule: "first use", Match: f.word, Hint: "write " + f.first + " the first time"})
			}
			break
		}
	}
	return out
}

// checkTerms applies the glossary's "Avoid / once" column.
func checkTerms(p Part, seen map[string]int, add func(rule, match, hint string)) {
	for _, t := range terms {
		if t.kinds != nil && !t.kinds[p.Kind] {
			continue
		}
		for _, loc := range t.re.FindAllStringIndex(p.Text, -1) {
			m := p.Text[loc[0]:loc[1]]
			if t.fine != nil && t.fine.MatchString(m) {
				continue
			}
			if t.allowed != nil && t.allowed.MatchString(around(p.Text, loc)) {
				continue
			}
			if t.within != nil && !t.within.MatchString(around(p.Text, loc)) {
				continue
			}
			if t.once && inParens(p.Text, loc[0]) {
				seen[t.name]++
				if seen[t.name] == 1 {
					continue
				}
				add("term", m, "「"+t.name+"」 is allowed once per document; use "+t.use)
				continue
			}
			hint := "use " + t.use
			if t.once {
				hint += " (or put it once in parentheses)"
			}
			add("term", m, hint)
		}
	}
}

// around returns the text of the sentence around loc, so that an allowed
// context ("迷惑メール対策", "Base64" near "復号") can be matched.
func around(s string, loc []int) string {
	start := strings.LastIndex(s[:loc[0]], "。") + 1
	if start > 0 {
		start += len("。") - 1
	}
	end := strings.Index(s[loc[1]:], "。")
	if end < 0 {
		end = len(s)
	} else {
		end += loc[1]
	}
	return s[start:end]
}

// inParens reports whether byte offset i of s is inside half-width
// parentheses.
func inParens(s string, i int) bool {
	depth := 0
	for _, r := range s[:i] {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// checkNotation applies the notation rules: half-width ASCII, no space
// between Japanese and ASCII, 「」 for quotes.
func checkNotation(s string, add func(rule, match, hint string)) {
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			add("full-width", string(r), "write ASCII half-width: "+string(r-0xFEE0))
		case r == 0x3000:
			add("full-width", "U+3000", "no ideographic space")
		}
	}
	// Text quoted in 「」 is verbatim (「:connect ホスト ポート」).
	s = stripJapaneseQuotes(s)
	for _, m := range spaceRe.FindAllStringSubmatchIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[2]])
		after, _ := utf8.DecodeRuneInString(s[m[3]:])
		// A label is written 項目: 値, with a half-width colon and a space;
		// a banner or a marker is set off by ASCII signs (== まとめ ==,
		// -- 実クライアント, <- あなたの場所).
		if before == ':' || strings.ContainsRune("=-<>", before) || strings.ContainsRune("=-<>", after) {
			continue
		}
		if isJapanese(before) && isASCIIGraphic(after) || isASCIIGraphic(before) && isJapanese(after) {
			add("space", context(s, m[2], m[3]), "no space between Japanese and ASCII")
		}
	}
	for _, q := range asciiQuoteRe.FindAllString(stripJapaneseQuotes(s), -1) {
		add("quote", q, "quote with 「」, not \"…\"")
	}
}

var (
	spaceRe      = regexp.MustCompile(`( +)`)
	asciiQuoteRe = regexp.MustCompile(`"[^"]*"?`)
)

// checkEnglish finds English words left in Japanese text. Acronyms, wire
// text (anything with a digit, a dot, an @, a colon, a slash, an equals
// sign, angle brackets or a hyphen: host names, addresses, header names,
// reply lines), text quoted in 「」 and the expansion of an acronym in the
// parentheses right after it are not English prose.
func checkEnglish(s string, add func(rule, match, hint string)) {
	s = stripJapaneseQuotes(s)
	s = expansionRe.ReplaceAllString(s, "$1($2")
	for _, t := range englishTerms {
		s = strings.ReplaceAll(s, t, "")
	}
	s = labelValueRe.ReplaceAllString(s, "$1: ")
	s = labelPrefixRe.ReplaceAllString(s, "")
	for _, tok := range tokenRe.FindAllString(s, -1) {
		if strings.ContainsAny(tok, "0123456789.@:/=<>_-\\'+*$`?#%") {
			continue
		}
		if utf8.RuneCountInString(tok) == 1 || strings.ToUpper(tok) == tok || englishAllowed[tok] {
			continue
		}
		add("english", tok, "translate it, quote wire text in 「」, or add it to the allow-list if it is a name")
	}
}

var (
	// tokenRe is a run of ASCII that is not space or punctuation that
	// separates words.
	tokenRe = regexp.MustCompile("[A-Za-z0-9.@:/=<>_\\\\'+*$#&%~^|{}\"?`-]+")
	// expansionRe is an acronym followed by its expansion in parentheses:
	// OP25B(Outbound Port 25 Blocking), MUA(Mail User Agent、メールソフト).
	expansionRe = regexp.MustCompile(`([A-Z][A-Z0-9]+)\([A-Za-z][A-Za-z0-9 -]*([、)])`)
	// labelValueRe is the value of a label (ユーザ名: bob), a name or a
	// wire token rather than prose.
	// labelPrefixRe is where a message says where it is about, as the
	// English does (send subject: 件名は1行です).
	labelPrefixRe = regexp.MustCompile(`^[A-Za-z0-9_ .%-]+: `)
	labelValueRe  = regexp.MustCompile(`(\p{Han}|\p{Hiragana}|\p{Katakana}|ー): [!-~]+`)
)

// stripJapaneseQuotes removes text quoted in 「」 (wire text, terms) and in
// 『』.
func stripJapaneseQuotes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '「', '『':
			depth++
			b.WriteRune(r)
			continue
		case '」', '』':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkRegister checks the endings of the sentences of a text against the
// register of its kind.
func checkRegister(p Part, add func(rule, match, hint string)) {
	if p.Kind == Label {
		return
	}
	text := strings.TrimSpace(p.Text)
	if (p.Kind == Narration || p.Kind == Explanation) && !strings.HasSuffix(text, "。") && !strings.HasSuffix(text, "」") {
		add("register", tail(text), "end the sentence with 。")
	}
	for _, sent := range strings.SplitAfter(text, "。") {
		if !strings.HasSuffix(sent, "。") {
			continue
		}
		body := trimEnding(strings.TrimSuffix(sent, "。"))
		if body == "" || strings.HasSuffix(body, "」") || strings.HasSuffix(body, "』") {
			continue
		}
		polite := hasAnySuffix(body, politeEndings)
		// A UI line written as a label (得点: 10問中8問正解。) is not a
		// sentence.
		if p.Kind == UI && strings.Contains(body, ": ") {
			continue
		}
		switch p.Kind {
		case Narration, UI:
			if !polite {
				add("register", tail(body), p.Kind.String()+" is written in です・ます")
			}
		case Explanation:
			if polite {
				add("register", tail(body), "explanations are written in だ・である")
			} else if !plainEnding(body) {
				add("register", tail(body), "explanations are whole sentences (〜を表す。〜である。), not noun or fragment endings")
			}
		case Cause, Quiz:
			if polite {
				add("register", tail(body), "explanations are written in だ・である")
			}
		}
	}
}

// trimEnding drops a parenthesis that closes a sentence, as in
// 「〜を試します(RFC 5321 5.1)。」, so that the verb before it is judged.
func trimEnding(s string) string {
	for strings.HasSuffix(s, ")") {
		depth := 0
		cut := -1
		for i := len(s) - 1; i >= 0; i-- {
			switch s[i] {
			case ')':
				depth++
			case '(':
				depth--
			}
			if depth == 0 {
				cut = i
				break
			}
		}
		if cut <= 0 {
			return s
		}
		s = s[:cut]
	}
	return s
}

// context returns s[i:j] with up to three runes either side.
func context(s string, i, j int) string {
	for k := 0; k < 3 && i > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
	}
	for k := 0; k < 3 && j < len(s); k++ {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return s[i:j]
}

func tail(s string) string {
	rs := []rune(s)
	if len(rs) > 14 {
		rs = rs[len(rs)-14:]
	}
	return string(rs)
}

func hasAnySuffix(s string, xs []string) bool {
	for _, x := range xs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// plainEnding reports whether a sentence ends like a plain-form verb,
// adjective or copula (〜る、〜た、〜ない、〜だ、〜である、〜示す).
func plainEnding(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(plainLastKana, r)
}

// hasJapanese reports whether s holds a kana or a kanji: strings of
// punctuation alone, such as a line-breaking table, are not text.
func hasJapanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// HasJapanese reports whether s holds Japanese text (a kana or a kanji).
func HasJapanese(s string) bool { return hasJapanese(s) }

// IsJapaneseText reports whether s is Japanese text rather than English
// that quotes a Japanese term (a help text naming 第三者中継): it holds a
// kana or a kanji, and at least one for every three ASCII letters.
func IsJapaneseText(s string) bool {
	ja, en := 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			ja++
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			en++
		}
	}
	return ja > 0 && 3*ja >= en
}

// isJapanese reports whether r is a kana, a kanji or Japanese punctuation.
func isJapanese(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r == 'ー' || r == '々' || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF5E
}

func isASCIIGraphic(r rune) bool { return r > ' ' && r <= '~' }
