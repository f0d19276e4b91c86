package player

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
)

// TestNothingCutAt80: every frame of every bundled scenario, at 80x24 in
// both languages, normal and --big, fits without an ellipsis: labels, the
// path, the status bar and the key help wrap or abbreviate instead.
func TestNothingCutAt80(t *testing.T) {
	if testing.Short() {
		t.Skip("plays every bundled scenario")
	}
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		topo, events := runBundled(t, id)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			for _, big := range []bool{false, true} {
				p := New(topo, events, Config{Width: 80, Height: 24, Lang: lang, NoAnim: true, Big: big})
				cut := 0
				for {
					frame := p.Frame()
					for i, l := range frame {
						// The header, path and strip, and the status and key
						// rows: the dialogue wraps by construction, and
						// narration may hold an ellipsis of its own.
						if i > 6 && i < len(frame)-3 {
							continue
						}
						if strings.Contains(l, "…") && cut < 3 {
							cut++
							t.Errorf("%s %s big=%v beat %d: %q", id, lang, big, p.Model().Pos(), l)
						}
					}
					if p.Model().AtEnd() {
						break
					}
					p.Key(Key{Code: KeyEnter})
				}
			}
		}
	}
}
