package player

import "unicode/utf8"

// KeyCode is a key the player understands.
type KeyCode uint8

// Keys. A printable character is KeyRune with Key.Rune set.
const (
	KeyNone KeyCode = iota
	KeyRune
	KeyEnter
	KeyEsc
	KeyBackspace
	KeyUp
	KeyDown
	KeyRight
	KeyLeft
	KeyHome
	KeyEnd
	KeyPgUp
	KeyPgDn
	KeyCtrlC
	KeyCtrlZ // suspend, as in a shell
)

// Key is one key press.
type Key struct {
	Code KeyCode
	Rune rune
}

// maxEscape bounds how many bytes an unfinished escape sequence may hold
// before it is dropped as garbage.
const maxEscape = 16

// DecodeKeys appends the keys in buf to dst. Bytes that may begin an
// escape sequence or a UTF-8 character not finished in buf are returned as
// rest, to be put in front of the next read. Terminals write a key's whole
// sequence at once, so an ESC at the very end of a read is the Esc key.
//
// Understood: Enter (CR, LF, CRLF), Backspace (DEL, BS), Ctrl-C, Ctrl-Z, Esc, the
// arrows, Home, End, Page Up and Page Down in their CSI (ESC [) and SS3
// (ESC O) forms (ECMA-48 5.4; xterm's application cursor mode), and any
// printable character. Everything else is skipped.
func DecodeKeys(dst []Key, buf []byte) (keys []Key, rest []byte) {
	for i := 0; i < len(buf); {
		c := buf[i]
		switch {
		case c == 0x1b:
			k, n, more := escape(buf[i:])
			if more {
				return dst, buf[i:]
			}
			if k.Code != KeyNone {
				dst = append(dst, k)
			}
			i += n
			continue
		case c == '\r':
			dst = append(dst, Key{Code: KeyEnter})
			if i+1 < len(buf) && buf[i+1] == '\n' {
				i++
			}
		case c == '\n':
			dst = append(dst, Key{Code: KeyEnter})
		case c == 0x7f || c == 0x08:
			dst = append(dst, Key{Code: KeyBackspace})
		case c == 0x03:
			dst = append(dst, Key{Code: KeyCtrlC})
		case c == 0x1a:
			// In raw mode the terminal no longer turns Ctrl-Z into SIGTSTP;
			// the driver suspends as the shell user expects.
			dst = append(dst, Key{Code: KeyCtrlZ})
		case c < 0x20:
			// Other control characters mean nothing here.
		case c < utf8.RuneSelf:
			dst = append(dst, Key{Code: KeyRune, Rune: rune(c)})
		default:
			if !utf8.FullRune(buf[i:]) {
				return dst, buf[i:]
			}
			r, size := utf8.DecodeRune(buf[i:])
			if r != utf8.RuneError && r >= 0xa0 {
				dst = append(dst, Key{Code: KeyRune, Rune: r})
			}
			i += size
			continue
		}
		i++
	}
	return dst, nil
}

// escape decodes the sequence at the start of b (b[0] is ESC). It returns
// the key (KeyNone for sequences that mean nothing here), how many bytes it
// took, and whether the sequence is unfinished.
func escape(b []byte) (Key, int, bool) {
	if len(b) == 1 {
		return Key{Code: KeyEsc}, 1, false
	}
	switch b[1] {
	case '[':
		// CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, then a
		// final byte 0x40-0x7E. Unknown sequences are skipped whole.
		for j := 2; j < len(b); j++ {
			c := b[j]
			if c >= 0x40 && c <= 0x7e {
				return csiKey(b[2:j], c), j + 1, false
			}
			if c < 0x20 || c > 0x3f {
				return Key{}, j, false // malformed: drop what we have
			}
		}
		if len(b) < maxEscape {
			return Key{}, 0, true
		}
		return Key{}, len(b), false // too long to be a key: garbage
	case 'O':
		if len(b) < 3 {
			return Key{}, 0, true
		}
		return csiKey(nil, b[2]), 3, false
	case 0x1b:
		return Key{Code: KeyEsc}, 1, false
	}
	// ESC followed by a key is Alt+key; the Esc part matters to us.
	return Key{Code: KeyEsc}, 1, false
}

func csiKey(params []byte, final byte) Key {
	switch final {
	case 'A':
		return Key{Code: KeyUp}
	case 'B':
		return Key{Code: KeyDown}
	case 'C':
		return Key{Code: KeyRight}
	case 'D':
		return Key{Code: KeyLeft}
	case 'H':
		return Key{Code: KeyHome}
	case 'F':
		return Key{Code: KeyEnd}
	case '~':
		n := 0
		for _, c := range params {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
			if n > 1000 {
				break
			}
		}
		switch n {
		case 1, 7:
			return Key{Code: KeyHome}
		case 4, 8:
			return Key{Code: KeyEnd}
		case 5:
			return Key{Code: KeyPgUp}
		case 6:
			return Key{Code: KeyPgDn}
		}
	}
	return Key{}
}
