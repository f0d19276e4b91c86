package explain

import (
	"strings"
	"unicode"
)

// fold reduces what a user types to the form the term index is keyed by, so
// that spelling variants meet: lower case; full-width ASCII (ＳＭＴＰ, ５８７)
// and the ideographic space as ASCII; half-width katakana (ｻｰﾊﾞ) as
// full-width; and no spaces, hyphens, dots between words, middle dots or
// katakana long vowel marks, so that "SMTP AUTH", "smtp-auth" and
// "ＳＭＴＰ－ＡＵＴＨ" are one word, and サーバー finds サーバ.
func fold(s string) string {
	s = widthFold(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case ' ', '\t', '-', '_', '・', 'ー', '‐', '−', '–', '—':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// widthFold maps full-width ASCII to ASCII, the ideographic space to a space
// and half-width katakana to full-width, joining a following voiced or
// semi-voiced sound mark (ｶﾞ becomes ガ). Everything else is kept.
func widthFold(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\u3000':
			b.WriteByte(' ')
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFEE0)
		case r >= 0xFF61 && r <= 0xFF9F:
			k := halfKana[r-0xFF61]
			if i+1 < len(rs) {
				switch rs[i+1] {
				case 'ﾞ':
					if v, ok := voiced(k, 1); ok {
						k, i = v, i+1
					}
				case 'ﾟ':
					if v, ok := voiced(k, 2); ok {
						k, i = v, i+1
					}
				}
			}
			b.WriteRune(k)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// halfKana is U+FF61 to U+FF9F as full-width characters.
var halfKana = []rune("。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜")

// voiced returns the kana with a voiced (step 1) or semi-voiced (step 2)
// sound mark, if there is one: カ+1 is ガ, ハ+2 is パ, ウ+1 is ヴ.
func voiced(k rune, step rune) (rune, bool) {
	switch {
	case k == 'ウ' && step == 1:
		return 'ヴ', true
	case step == 1 && k >= 'カ' && k <= 'チ' && (k-'カ')%2 == 0,
		step == 1 && k >= 'ツ' && k <= 'ト' && (k-'ツ')%2 == 0:
		return k + 1, true
	case k >= 'ハ' && k <= 'ホ' && (k-'ハ')%3 == 0:
		return k + step, true
	}
	return 0, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
