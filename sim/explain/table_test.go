package explain

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/mailsim/mailsim/sim/i18n"
)

// isJapanese reports whether r is a kana, a kanji or Japanese punctuation.
func isJapanese(r rune) bool {
	return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

func hasJapanese(s string) bool { return strings.IndexFunc(s, isJapanese) >= 0 }

// sentences counts the sentences of a text: "。" in Japanese; in English a
// '.', '!' or '?' that ends the text or is followed by a space (so "5.7.1",
// "example.jp" and a quoted "." do not count, nor the dots of "...").
func sentences(s string, lang i18n.Lang) int {
	if lang == i18n.JA {
		return strings.Count(s, "。")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			if (i+1 == len(s) || s[i+1] == ' ') && (i == 0 || s[i-1] != '.') {
				n++
			}
		}
	}
	return n
}

// isError reports whether an entry explains a failure, and so must say the
// usual cause and the fix.
func isError(key string) bool {
	if c, ok := replyCode(key); ok {
		return c >= 400
	}
	if isEnhanced(key) {
		return key[0] == '4' || key[0] == '5'
	}
	switch key {
	case "4xx", "5xx", keyERR, keyIMAPNO, keyIMAPBAD, keyDrop, keyTimeout, keyRefused, keyNXDOMAIN, keyNullMX, keyBounce, keyDMARCReject:
		return true
	}
	return false
}

// knownRFCs are the documents the explainer may cite; a number outside this
// list is a typo (RFC 5231 for 5321) until someone adds it on purpose.
// isPOP3Command reports whether key is a POP3 command's entry ("POP3
// RETR"), not a term that starts with the protocol's name.
func isPOP3Command(key string) bool {
	return strings.HasPrefix(key, prefixPOP3) && !strings.Contains(key[len(prefixPOP3):], " ")
}

var knownRFCs = map[string]bool{
	"1035": true, "1939": true, "2308": true, "2449": true, "2595": true, "3206": true,
	"3207": true, "3463": true, "8446": true, "3464": true, "4954": true, "5068": true, "5321": true, "6376": true,
	"6409": true, "7208": true, "7372": true, "7489": true, "7504": true, "7505": true,
	"8314": true, "9051": true, "3501": true, "5530": true, "9293": true, "4616": true, "4648": true, "5322": true, "5598": true, "5782": true,
	"8463": true, "8601": true,
}

var rfcRef = regexp.MustCompile(`RFC (\d+)`)

func TestEntriesComplete(t *testing.T) {
	es := All()
	if len(es) < 100 {
		t.Fatalf("only %d entries", len(es))
	}
	for _, e := range es {
		texts := []struct {
			name     string
			t        i18n.Text
			required bool
		}{
			{"Title", e.Title, true},
			{"Text", e.Text, true},
			{"Cause", e.Cause, isError(e.Key)},
			{"Fix", e.Fix, isError(e.Key)},
			{"OK", e.OK, isPOP3Command(e.Key)},
			{"Err", e.Err, isPOP3Command(e.Key)},
			{"Servers", e.Servers, false},
		}
		for _, f := range texts {
			switch {
			case f.required && (f.t.EN == "" || f.t.JA == ""):
				t.Errorf("%s: %s must be set in both languages: %+v", e.Key, f.name, f.t)
				continue
			case !f.required && !f.t.IsZero() && f.name != "Servers":
				t.Errorf("%s: %s must be empty for this kind of entry, got %+v", e.Key, f.name, f.t)
				continue
			case !f.required && f.t.IsZero():
				continue
			case !f.required && (f.t.EN == "" || f.t.JA == ""):
				t.Errorf("%s: %s must be set in both languages or in neither: %+v", e.Key, f.name, f.t)
				continue
			}
			if hasJapanese(f.t.EN) {
				t.Errorf("%s: %s EN contains Japanese: %q", e.Key, f.name, f.t.EN)
			}
			if !hasJapanese(f.t.JA) {
				t.Errorf("%s: %s JA has no Japanese: %q", e.Key, f.name, f.t.JA)
			}
			max := 3
			if f.name == "Title" {
				max = 0
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
				if n := sentences(f.t.In(lang), lang); n > max || (max > 0 && n == 0) {
					t.Errorf("%s: %s %s has %d sentences (want %s): %q", e.Key, f.name, lang, n, map[int]string{0: "none", 3: "1-3"}[max], f.t.In(lang))
				}
			}
		}
		cited := rfcRef.FindAllStringSubmatch(e.RFC, -1)
		if len(cited) == 0 && !strings.Contains(e.RFC, Practice) {
			t.Errorf("%s: RFC %q names no RFC and no %q", e.Key, e.RFC, Practice)
		}
		for _, m := range cited {
			if !knownRFCs[m[1]] {
				t.Errorf("%s: cites RFC %s, not in the list of RFCs the explainer covers", e.Key, m[1])
			}
		}
	}
}

func TestKeysUnique(t *testing.T) {
	if len(idx.dups) > 0 {
		t.Fatalf("duplicate keys: %v", idx.dups)
	}
	if len(idx.byKey) != len(entries) {
		t.Fatalf("index has %d keys for %d entries", len(idx.byKey), len(entries))
	}
}

func TestAliasesResolve(t *testing.T) {
	for alias, key := range aliases {
		if _, ok := Get(key); !ok {
			t.Errorf("alias %q points to missing key %q", alias, key)
		}
		if alias != strings.ToLower(alias) || alias != strings.Join(strings.Fields(alias), " ") {
			t.Errorf("alias %q is not normalised (lower case, single spaces)", alias)
		}
		if _, ok := idx.byKey[alias]; ok {
			t.Errorf("alias %q shadows nothing: it is already a key", alias)
		}
	}
}

// The constant keys ForEvent uses must all exist, or it would silently
// explain nothing.
func TestInternalKeysExist(t *testing.T) {
	for _, k := range []string{
		keySYN, keySYNACK, keyDrop, keyTimeout, keyRefused, keyFIN, keyOK, keyERR,
		keyDNSMX, keyDNSA, keyDNSTXT, keyDNSPTR, keyNXDOMAIN, keyNODATA, keyNullMX, keySPF, keyDKIM,
		keyDMARC, keyQueue, keyDeliver, keyBounce, keyEndData, "2xx", "3xx", "4xx", "5xx",
		keyTLSRecord, keyTLSHello,
	} {
		if pos(k) < 0 {
			t.Errorf("key %q used by ForEvent has no entry", k)
		}
	}
}

// All must hand out copies: a caller that edits its slice must not change
// what the next caller sees.
func TestAllReturnsCopy(t *testing.T) {
	a := All()
	a[0].Key = "changed"
	a[0].Title.EN = "changed"
	if b := All(); b[0].Key == "changed" || b[0].Title.EN == "changed" {
		t.Fatal("All exposes the table")
	}
}

func TestSentenceCounter(t *testing.T) {
	for _, c := range []struct {
		s    string
		lang i18n.Lang
		want int
	}{
		{`One. Two.`, i18n.EN, 2},
		{`"250 2.0.0 Ok" means it is queued at example.jp.`, i18n.EN, 1},
		{`A line holding only "." ends it.`, i18n.EN, 1},
		{`Lists (TOP, UIDL, ...). Then more`, i18n.EN, 1},
		{`一つ。二つ。`, i18n.JA, 2},
	} {
		if got := sentences(c.s, c.lang); got != c.want {
			t.Errorf("sentences(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}
