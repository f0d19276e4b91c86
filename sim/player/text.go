package player

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/mailsim/mailsim/sim/transcript"
)

// widths measures terminal columns. East Asian ambiguous characters (box
// drawing, ✉, ▶) count as one column whatever the locale, so that frames are
// the same on every machine; wide characters (漢字, かな) count as two.
var widths = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// runeWidth is the number of columns r takes.
func runeWidth(r rune) int { return widths.RuneWidth(r) }

// textWidth is the number of columns s takes. It sums rune widths, which is
// never less than what a terminal draws, so a frame measured this way never
// overflows.
func textWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				n += runeWidth(r)
			}
			return n
		}
		n++
	}
	return n
}

// clean makes s safe to draw: transcript.Clean, with tabs as one space so
// that every character is one cell the frame can measure.
func clean(s string) string {
	s = transcript.Clean(s)
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", " ")
	}
	return s
}

// truncate cuts s to at most w columns, ending in tail when it had to cut.
func truncate(s string, w int, tail string) string {
	if textWidth(s) <= w {
		return s
	}
	tw := textWidth(tail)
	if tw > w {
		tail, tw = "", 0
	}
	n := 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > w-tw {
			return s[:i] + tail
		}
		n += rw
	}
	return s
}

// noLineStart holds the characters Japanese typesetting (kinsoku) keeps from
// starting a line: closing brackets and punctuation.
const noLineStart = "、。，．・：；？！ー）」』】〕〉》”’)]}.,!?:;"

// wrap splits s into lines of at most w columns and appends them to dst.
// With words set it breaks at spaces or next to wide (CJK) characters and
// keeps closing punctuation off the start of a line (kinsoku); otherwise
// (protocol lines, which must stay exact) it breaks at the column. Lines are
// substrings of s.
func wrap(dst []string, s string, w int, words bool) []string {
	if w < 1 {
		w = 1
	}
	for textWidth(s) > w {
		at := breakAt(s, w, words)
		line, rest := s[:at], s[at:]
		if words {
			line = strings.TrimRight(line, " ")
			rest = strings.TrimLeft(rest, " ")
		}
		dst = append(dst, line)
		if rest == "" {
			return dst
		}
		s = rest
	}
	return append(dst, s)
}

// breakAt returns the byte offset, greater than zero, at which to end the
// first line of s (wider than w).
func breakAt(s string, w int, words bool) int {
	n, best, prev := 0, 0, rune(0)
	for i, r := range s {
		if words && i > 0 && breakable(prev, r) {
			best = i
		}
		rw := runeWidth(r)
		if n+rw > w {
			if words && best > 0 {
				return best
			}
			if i == 0 { // one character wider than the line: it goes alone
				_, size := utf8.DecodeRuneInString(s)
				return size
			}
			return i
		}
		n += rw
		prev = r
	}
	return len(s)
}

// breakable reports whether a line may end between prev and r.
func breakable(prev, r rune) bool {
	if strings.ContainsRune(noLineStart, r) {
		return false
	}
	return r == ' ' || prev == ' ' || runeWidth(r) == 2 || runeWidth(prev) == 2
}

// WrapText splits s into lines of at most width terminal columns the way
// the player's panes do: between words or next to wide (CJK) characters,
// never with closing punctuation at the start of a line (kinsoku).
func WrapText(s string, width int) []string { return wrap(nil, s, width, true) }

// firstField is the first space-separated word of s.
func firstField(s string) string {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}
