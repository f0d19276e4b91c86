package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// TestBrokenFiles loads each file under testdata/broken, whose first line
// says "# want: <line>:<col>: <start of the message>", and checks that the
// loader reports exactly that problem at exactly that place.
func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil || len(files) < 12 {
		t.Fatalf("want at least a dozen broken files, got %d (%v)", len(files), err)
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
			_, err = Parse(f, src)
			if err == nil {
				t.Fatalf("Parse accepted a broken file; want error %q", want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			if !strings.Contains(err.Error(), f+":"+want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s:%s", err, f, want)
			}
		})
	}
}

func TestBundledScenariosLoad(t *testing.T) {
	all, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 5 {
		t.Fatalf("got %d bundled scenarios, want at least 5", len(all))
	}
	for _, sc := range all {
		if err := Check(sc); err != nil {
			t.Errorf("%s: check refuses a bundled scenario: %v", sc.ID, err)
		}
		if sc.Title.EN == "" || sc.Title.JA == "" || sc.Title.EN == sc.Title.JA {
			t.Errorf("%s: title must exist in English and Japanese, got %+v", sc.ID, sc.Title)
		}
		for i, st := range sc.Steps {
			if !st.Say.IsZero() && (st.Say.EN == st.Say.JA) {
				t.Errorf("%s step %d: narration is not translated", sc.ID, i+1)
			}
		}
		// Every bundled scenario ends with a recap: what happened, three
		// to five lines, and the exam facts it showed, narrated like the
		// steps (です・ます, whole sentences).
		if sc.Recap == nil || len(sc.Recap.Facts) == 0 {
			t.Errorf("%s: no recap, or a recap without exam facts", sc.ID)
			continue
		}
		for _, l := range append(sc.Recap.Lines, sc.Recap.Facts...) {
			if l.EN == l.JA || !strings.HasSuffix(l.EN, ".") {
				t.Errorf("%s: recap line not translated or not a sentence: %+v", sc.ID, l)
			}
			if !strings.HasSuffix(l.JA, "。") || !(strings.Contains(l.JA, "ます") || strings.Contains(l.JA, "です") || strings.Contains(l.JA, "ました") || strings.Contains(l.JA, "ません")) {
				t.Errorf("%s: recap line not in です・ます: %q", sc.ID, l.JA)
			}
			for _, avoid := range []string{"サーバー", "ユーザー", "SMTP AUTH", "復号", "優先度"} {
				if strings.Contains(l.JA, avoid) {
					t.Errorf("%s: recap uses %q, which the glossary avoids: %q", sc.ID, avoid, l.JA)
				}
			}
		}
	}
}

func TestLoadUnknownID(t *testing.T) {
	_, err := Load("op25")
	if err == nil || !strings.Contains(err.Error(), `did you mean "op25b"?`) {
		t.Errorf("Load(op25) error = %v; want a suggestion of op25b", err)
	}
}

// FuzzParse feeds arbitrary bytes to the loader: it may reject them, but it
// must never panic, and check and run must agree within the trace budget.
// The budget is in events, not wall time, so the test says the same on any
// machine. Each input is first played as play and export play it (Record,
// which stops at MaxKeptEvents), so that no input costs the fuzzer more than
// that; what Record keeps, check must accept and run must run.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../scenarios/*.yaml")
	broken, _ := filepath.Glob("testdata/broken/*.yaml")
	hostile, _ := filepath.Glob("testdata/hostile/*.yaml")
	for _, p := range append(append(seeds, broken...), hostile...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("fuzz.yaml", src)
		if err != nil {
			if sc != nil {
				t.Fatal("Parse returned a scenario and an error")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse error is %T, want ErrorList", err)
			}
			for _, e := range list {
				if e.Line == 0 {
					t.Fatalf("error without a position: %v", e)
				}
			}
			return
		}
		_, kept, err := Record(sc)
		if err != nil {
			return // refused by a budget: play and export refuse it the same way
		}
		if len(kept) > MaxKeptEvents {
			t.Fatalf("Record kept %d events, more than MaxKeptEvents", len(kept))
		}
		if err := Check(sc); err != nil {
			t.Fatalf("Record kept the scenario but check refused it: %v", err)
		}
		if sc.Attempts() > 0 {
			// mailsim run plays a campaign summarised, as Check did.
			if _, err := RunWith(sc, trace.Discard, RunOptions{Summary: true}); err != nil {
				t.Fatalf("check accepted the scenario but run refused it: %v", err)
			}
			return
		}
		rec := &trace.Recorder{}
		if _, err := Run(sc, rec); err != nil {
			t.Fatalf("check accepted the scenario but run refused it: %v", err)
		}
		if len(rec.Events) != len(kept) {
			t.Fatalf("run made %d events, Record %d", len(rec.Events), len(kept))
		}
	})
}

func TestUnfoldJapanese(t *testing.T) {
	tests := map[string]string{
		"割り当てられており、 ISPのメールサーバ": "割り当てられており、ISPのメールサーバ",
		"ISPのサーバの 25番には":        "ISPのサーバの25番には",
		"SMTP-AUTH を使う":         "SMTP-AUTHを使う",
		"RFC 1939 6章":           "RFC 1939 6章",
		"AUTH PLAIN(Base64)":    "AUTH PLAIN(Base64)",
	}
	for in, want := range tests {
		if got := UnfoldJapanese(in); got != want {
			t.Errorf("UnfoldJapanese(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLoadIDAnyCase: bundled ids are lower case, and a name in another
// case finds the same scenario; a near miss gets "did you mean".
func TestLoadIDAnyCase(t *testing.T) {
	for _, arg := range []string{"op25b", "OP25B", "Op25B"} {
		sc, err := Load(arg)
		if err != nil {
			t.Errorf("Load(%q): %v", arg, err)
			continue
		}
		if sc.ID != "op25b" || sc.File != "scenarios/op25b.yaml" {
			t.Errorf("Load(%q) = %s from %s, want op25b from scenarios/op25b.yaml", arg, sc.ID, sc.File)
		}
	}
	_, err := Load("OP25V")
	if err == nil || !strings.Contains(err.Error(), `(did you mean "op25b"?)`) {
		t.Errorf("Load(OP25V): %v, want a did-you-mean for op25b", err)
	}
}

// TestExcerpt: quoted, cut on a rune boundary, control characters escaped.
func TestExcerpt(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 40, `"short"`},
		{"abcdef", 3, `"abc..."`},
		{"ああああ", 2, `"ああ..."`},
		{"a\x1b[31mb", 40, `"a\x1b[31mb"`},
		{"", 5, `""`},
	} {
		if got := excerpt(c.in, c.max); got != c.want {
			t.Errorf("excerpt(%q, %d) = %s, want %s", c.in, c.max, got, c.want)
		}
	}
}
