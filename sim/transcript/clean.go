package transcript

import (
	"strings"
	"unicode/utf8"
)

// Clean makes s safe to print on a terminal: control characters (which
// could move the cursor or start an escape sequence) become caret forms
// ("^["), C1 controls and bidirectional overrides become '?', and invalid
// UTF-8 becomes U+FFFD. Tabs stay: header continuation lines start with
// one. A clean string is returned as is, without allocating.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case IsUnsafe(r):
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || IsUnsafe(r) {
			return false
		}
		i += size
	}
	return true
}

// IsUnsafe reports runes that are not controls in ASCII but still change
// how a terminal draws what follows: C1 controls, bidi embeddings and
// isolates, line and paragraph separators.
func IsUnsafe(r rune) bool {
	return r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e ||
		r >= 0x2066 && r <= 0x2069 ||
		r == 0x2028 || r == 0x2029
}
