package player

import (
	"bytes"
	"slices"
	"testing"
)

func TestDecodeKeys(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Key
		rest string
	}{
		{"enter", "\r", []Key{{Code: KeyEnter}}, ""},
		{"crlf is one enter", "\r\n", []Key{{Code: KeyEnter}}, ""},
		{"lf", "\n", []Key{{Code: KeyEnter}}, ""},
		{"letters", "gq ", []Key{{KeyRune, 'g'}, {KeyRune, 'q'}, {KeyRune, ' '}}, ""},
		{"arrows CSI", "\x1b[A\x1b[B\x1b[C\x1b[D", []Key{{Code: KeyUp}, {Code: KeyDown}, {Code: KeyRight}, {Code: KeyLeft}}, ""},
		{"arrows SS3", "\x1bOC\x1bOD", []Key{{Code: KeyRight}, {Code: KeyLeft}}, ""},
		{"home end", "\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[7~\x1b[8~", []Key{{Code: KeyHome}, {Code: KeyEnd}, {Code: KeyHome}, {Code: KeyEnd}, {Code: KeyHome}, {Code: KeyEnd}}, ""},
		{"pages", "\x1b[5~\x1b[6~", []Key{{Code: KeyPgUp}, {Code: KeyPgDn}}, ""},
		{"modified arrow", "\x1b[1;5C", []Key{{Code: KeyRight}}, ""},
		{"unknown CSI skipped", "\x1b[200~x", []Key{{KeyRune, 'x'}}, ""},
		{"lone esc", "\x1b", []Key{{Code: KeyEsc}}, ""},
		{"esc esc", "\x1b\x1b", []Key{{Code: KeyEsc}, {Code: KeyEsc}}, ""},
		{"alt+key", "\x1bq", []Key{{Code: KeyEsc}, {KeyRune, 'q'}}, ""},
		{"ctrl-c", "\x03", []Key{{Code: KeyCtrlC}}, ""},
		{"backspace", "\x7f\x08", []Key{{Code: KeyBackspace}, {Code: KeyBackspace}}, ""},
		{"other controls skipped", "\x01\x02\t", nil, ""},
		{"utf-8", "é日", []Key{{KeyRune, 'é'}, {KeyRune, '日'}}, ""},
		{"split CSI waits", "a\x1b[", []Key{{KeyRune, 'a'}}, "\x1b["},
		{"split SS3 waits", "\x1bO", nil, "\x1bO"},
		{"split UTF-8 waits", "\xe6\x97", nil, "\xe6\x97"},
		{"invalid UTF-8 skipped", "\xff\xfeq", []Key{{KeyRune, 'q'}}, ""},
		{"long CSI skipped whole", "\x1b[" + string(bytes.Repeat([]byte("1"), 40)) + "qx", []Key{{KeyRune, 'x'}}, ""},
		{"unfinished long CSI dropped", "\x1b[" + string(bytes.Repeat([]byte("1"), 40)), nil, ""},
		{"malformed CSI dropped", "\x1b[1\x01x", []Key{{KeyRune, 'x'}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rest := DecodeKeys(nil, []byte(tc.in))
			if len(got) != len(tc.want) {
				t.Fatalf("keys = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("keys = %v, want %v", got, tc.want)
				}
			}
			if string(rest) != tc.rest {
				t.Fatalf("rest = %q, want %q", rest, tc.rest)
			}
		})
	}
	// A sequence split over two reads decodes once joined.
	keys, rest := DecodeKeys(nil, []byte("\x1b["))
	keys, rest = DecodeKeys(keys, append(rest, 'D'))
	if len(keys) != 1 || keys[0].Code != KeyLeft || len(rest) != 0 {
		t.Errorf("split arrow = %v rest %q", keys, rest)
	}
}

// FuzzDecodeKeys: any bytes decode without panicking, the rest is a short
// suffix of the input, and feeding input in pieces never loses a whole key.
func FuzzDecodeKeys(f *testing.F) {
	f.Add([]byte("\x1b[A\r q"))
	f.Add([]byte("\x1b[1;5C\x1bO"))
	f.Add([]byte("\xe6\x97\xa5\x1b"))
	f.Fuzz(func(t *testing.T, b []byte) {
		keys, rest := DecodeKeys(nil, b)
		if len(rest) > maxEscape || !bytes.HasSuffix(b, rest) {
			t.Fatalf("rest %q of %q", rest, b)
		}
		for _, k := range keys {
			if k.Code == KeyNone || k.Code == KeyRune && k.Rune < 0x20 {
				t.Fatalf("decoded a non-key %v from %q", k, b)
			}
		}
		// Byte by byte, carrying the rest along, as a slow terminal would.
		var all []Key
		var pending []byte
		for _, c := range b {
			var ks []Key
			ks, pending = DecodeKeys(nil, append(pending, c))
			pending = append([]byte(nil), pending...)
			all = append(all, ks...)
		}
		if len(pending) > maxEscape {
			t.Fatalf("pending grew to %q", pending)
		}
		// Without ESC or CR LF nothing depends on where reads end, so byte
		// by byte decodes to the same keys. (With them it may not: a lone
		// ESC at the end of a read is the Esc key, and CR LF read at once is
		// one Enter, as on a real terminal.)
		if !bytes.Contains(b, []byte{0x1b}) && !bytes.Contains(b, []byte("\r\n")) && !slices.Equal(all, keys) {
			t.Fatalf("%q: whole %v, byte by byte %v", b, keys, all)
		}
	})
}
