package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mailsim/mailsim/sim/transcript"
)

// TestHostileNamesReachNoTerminal gives check, run and play file names and
// contents that carry terminal control sequences (OSC 52 writes the
// clipboard, OSC 8 makes links, CSI moves the cursor, C1 0x9b is a one-byte
// CSI, U+202E reverses the text that follows) and checks that no byte of
// them reaches stdout or stderr as it was written.
func TestHostileNamesReachNoTerminal(t *testing.T) {
	evil := []string{
		"\x1b]52;c;aGVsbG8=\x07",
		"\x1b]8;;http://x.example/\x1b\\link\x1b]8;;\x1b\\",
		"\x1b[2J\x1b[31m",
		"\u009b2J",
		"evil\u202egnp",
	}
	dir := t.TempDir()
	for i, e := range evil {
		name := filepath.Join(dir, "s"+e+".yaml")
		content := "id: t\ntitle: T\nworld:\n  hosts:\n    \"" + strings.ReplaceAll(e, "\x1b", `\e`) + "\": {ip: 192.0.2.1}\nsteps:\n  - wait: 1m\n"
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Skipf("this file system refuses the name: %v", err)
		}
		for _, args := range [][]string{{"check", name}, {"run", name}, {"play", name}, {"check", "--lang", "ja", name}, {"run", name + "x"}, {"nosuch" + e}} {
			ios, out, errOut := testStreams(nil)
			code := Main(args, ios)
			if code != ExitBadInput {
				t.Errorf("case %d %q: exit %d, want 2", i, args[0], code)
			}
			for _, s := range []string{out.String(), errOut.String()} {
				if c := unsafe(s); c >= 0 {
					t.Errorf("case %d %q: output holds U+%04X: %q", i, args[0], c, s)
				}
			}
		}
	}
}

// unsafe returns the first rune of s a terminal would act on, or -1.
func unsafe(s string) rune {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r == utf8.RuneError || transcript.IsUnsafe(r) {
			return r
		}
	}
	return -1
}

// TestEveryCommandHasJapaneseUsage fails when a command is added without
// its Japanese usage line.
func TestEveryCommandHasJapaneseUsage(t *testing.T) {
	ios, _, _ := testStreams(nil)
	root, _ := newRootCmd(ios)
	for _, c := range append(root.Commands(), root) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if shortJA[c.Name()] == "" {
			t.Errorf("command %s has no Japanese usage line in shortJA", c.Name())
		}
	}
}
