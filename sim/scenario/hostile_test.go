package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
)

// TestHostileFiles loads each file under testdata/hostile: files a stranger
// could share, headed like the broken ones by "# want: <line>:<col>:
// <message>". Each must be refused at that place, by Parse, or by Record
// (the run budget that check applies too, or what play and export keep),
// and its message must be safe to print in both languages: no
// control character, no bidirectional override, whatever the file held.
func TestHostileFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.yaml")
	if err != nil || len(files) < 20 {
		t.Fatalf("want at least 20 hostile files, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			want, ok := strings.CutPrefix(first, "# want: ")
			if !ok {
				t.Fatalf("first line %q does not say what error to want", first)
			}
			sc, err := Parse(f, src)
			if err == nil {
				_, _, err = Record(sc)
			}
			if err == nil {
				t.Fatalf("accepted a hostile file; want error %q", want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			if !strings.Contains(err.Error(), f+":"+want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s:%s", err, f, want)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
				for _, e := range list {
					if e.Line == 0 || e.Col == 0 {
						t.Errorf("%s: no line:col", e)
					}
					if i, r := control(e.In(lang), ""); i >= 0 {
						t.Errorf("%s error holds U+%04X at %d: %q", lang, r, i, e.In(lang))
					}
				}
			}
		})
	}
}
