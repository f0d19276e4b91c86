package player

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

var sgrRE = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// checkFrame asserts what every frame must hold: exactly the height, no row
// wider than the width (wide characters counted as two columns), valid
// UTF-8, no control characters, and escape sequences only as SGR and only
// when colour is on.
func checkFrame(t testing.TB, frame []string, v *View) {
	t.Helper()
	if len(frame) != max(v.Height, 0) && v.Width > 0 {
		t.Fatalf("%dx%d frame has %d rows", v.Width, v.Height, len(frame))
	}
	for y, l := range frame {
		if !v.Color && strings.IndexByte(l, 0x1b) >= 0 {
			t.Fatalf("row %d has an escape code without colour: %q", y, l)
		}
		bare := sgrRE.ReplaceAllString(l, "")
		if !utf8.ValidString(bare) {
			t.Fatalf("row %d is not UTF-8: %q", y, bare)
		}
		for _, r := range bare {
			if r < 0x20 || r == 0x7f || transcript.IsUnsafe(r) {
				t.Fatalf("row %d holds control %U: %q", y, r, bare)
			}
		}
		if w := textWidth(bare); w > v.Width {
			t.Fatalf("%dx%d row %d is %d columns wide: %q", v.Width, v.Height, y, w, bare)
		}
	}
}

// Every beat, every pane, both languages, sizes from absurd to large: the
// frame fits.
func TestFramesFit(t *testing.T) {
	topo := fixtureTopology()
	m := NewModel(topo, fixtureEvents(topo))
	sizes := []struct{ w, h int }{{1, 1}, {10, 3}, {24, 6}, {45, 12}, {80, 24}, {120, 30}, {200, 50}}
	for pos := 0; pos <= m.Len(); pos++ {
		m.Seek(pos)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			for _, sz := range sizes {
				for _, pane := range []Pane{PaneDialogue, PaneExplain, PaneState, PaneTranscript} {
					for _, anim := range []int{0, 3} {
						v := &View{Width: sz.w, Height: sz.h, Lang: lang, Pane: pane, Explain: fixtureExplain,
							Anim: anim, AnimSteps: anim * 2, Big: sz.w == 80, ASCII: sz.w == 45, Color: sz.w == 120, Scroll: pos % 7}
						checkFrame(t, Render(m, v), v)
					}
				}
			}
		}
	}
	if f := Render(m, &View{Width: 0, Height: 24}); f != nil {
		t.Errorf("a zero-width frame has rows: %q", f)
	}
}

// A frame depends only on the model and the view.
func TestFramesDeterministic(t *testing.T) {
	p1 := play(t, Config{Width: 80, Height: 24, Lang: i18n.JA}, nil, "g3\r\r\r\re", 5)
	p2 := play(t, Config{Width: 80, Height: 24, Lang: i18n.JA}, nil, "g3\r\r\r\re", 5)
	a, b := frameText(p1.Frame()), frameText(p2.Frame())
	if a != b || a != frameText(p1.Frame()) {
		t.Error("the same keys and ticks gave different frames")
	}
}

// styleOf returns the SGR parameters in force where text starts on the
// frame row holding it.
func styleOf(t *testing.T, frame []string, text string) string {
	t.Helper()
	for _, l := range frame {
		i := strings.Index(l, text)
		if i < 0 {
			continue
		}
		codes := sgrRE.FindAllString(l[:i], -1)
		if len(codes) == 0 {
			return ""
		}
		return codes[len(codes)-1]
	}
	t.Fatalf("no row holds %q:\n%s", text, strings.Join(frame, "\n"))
	return ""
}

// Client commands, each reply class, DNS, narration, router drops and POP3
// status lines each get their own colour.
func TestColourClasses(t *testing.T) {
	c := trace.Endpoint{Host: "alice-pc", Port: 49152}
	s := trace.Endpoint{Host: "mx.example.jp", Port: 25}
	p := trace.Endpoint{Host: "mx.example.jp", Port: 110}
	ns := trace.Endpoint{Host: "ns.example", Port: 53}
	smtp := func(dir trace.Dir, text string, code int) trace.Event {
		e := trace.Event{Kind: trace.Line, Conn: 1, Proto: trace.SMTP, Dir: dir, Src: c, Dst: s, Line: text, Tag: trace.Tag{Code: code, Last: true}}
		if dir == trace.ServerToClient {
			e.Src, e.Dst = s, c
		}
		return e
	}
	events := []trace.Event{
		{Kind: trace.Step, Text: i18n.Literal(i18n.T("colours", "色"))},
		{Kind: trace.Narration, Text: i18n.Literal(i18n.T("narration text", "ナレーション"))},
		{Kind: trace.Drop, Router: "isp-gw", Src: c, Dst: s, Text: i18n.Literal(i18n.T("dropped by OP25B", "OP25Bで破棄"))},
		smtp(trace.ClientToServer, "MAIL FROM:<a@example.jp>", 0),
		smtp(trace.ServerToClient, "250 2.1.0 Ok", 250),
		smtp(trace.ServerToClient, "354 go ahead", 354),
		smtp(trace.ServerToClient, "451 4.3.0 try later", 451),
		smtp(trace.ServerToClient, "554 5.7.1 Relay access denied", 554),
		{Kind: trace.Line, Conn: 2, Proto: trace.POP3, Dir: trace.ServerToClient, Src: p, Dst: c, Line: "+OK maildrop ready", Tag: trace.Tag{Status: trace.OK, Last: true}},
		{Kind: trace.Line, Conn: 2, Proto: trace.POP3, Dir: trace.ServerToClient, Src: p, Dst: c, Line: "-ERR invalid password", Tag: trace.Tag{Status: trace.Err, Last: true}},
		{Kind: trace.Line, Proto: trace.DNS, Dir: trace.ClientToServer, Src: c, Dst: ns, Line: "QUERY MX example.jp.", Tag: trace.Tag{Query: "MX example.jp", Last: true}},
	}
	m := NewModel(nil, events)
	m.Seek(m.Len())
	frame := Render(m, &View{Width: 80, Height: 24, Lang: i18n.EN, Color: true})
	seen := map[string]string{}
	for _, text := range []string{"MAIL FROM", "250 2.1.0", "354 go", "451 4.3.0", "554 5.7.1", "+OK maildrop", "-ERR invalid", "QUERY MX", "narration text", "dropped by OP25B"} {
		st := styleOf(t, frame, text)
		if st == "" {
			t.Errorf("%q has no colour", text)
			continue
		}
		if other, dup := seen[st]; dup {
			t.Errorf("%q and %q share the style %q", text, other, st)
		}
		seen[st] = text
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"日本語", "日本語"},
		{"a\x1b[2Jb", "a^[[2Jb"},
		{"tab\there", "tab here"},
		{"nul\x00", "nul^@"},
		{"del\x7f", "del^?"},
		{"c1\u009b", "c1?"},
		{"bidi\u202e", "bidi?"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, tc := range tests {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		w     int
		words bool
		want  []string
	}{
		{"short", 10, true, []string{"short"}},
		{"the quick brown fox", 10, true, []string{"the quick", "brown fox"}},
		{"abcdefghij", 4, false, []string{"abcd", "efgh", "ij"}},
		{"unbreakableword", 5, true, []string{"unbre", "akabl", "eword"}},
		// Wide characters are two columns each, and may break anywhere...
		{"日本語の文章", 6, true, []string{"日本語", "の文章"}},
		// ...except before closing punctuation (kinsoku): 。 never starts a line.
		{"送信します。次へ", 10, true, []string{"送信しま", "す。次へ"}},
		{"SMTP-AUTHを使う", 10, true, []string{"SMTP-AUTH", "を使う"}},
		{"漢", 1, true, []string{"漢"}}, // wider than the line: alone, never lost
		{"", 5, true, []string{""}},
	}
	for _, tc := range tests {
		got := wrap(nil, tc.in, tc.w, tc.words)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"hello", 10, "hello"},
		{"hello world", 8, "hello w…"},
		{"日本語テキスト", 7, "日本語…"},
		{"日本語", 1, "…"},
		{"abc", 0, ""},
	}
	for _, tc := range tests {
		if got := truncate(tc.in, tc.w, "…"); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
	if got := speedText(25) + " " + speedText(150) + " " + speedText(1000); got != "0.25x 1.5x 10x" {
		t.Errorf("speeds = %q", got)
	}
}

// FuzzWrap: any text at any width wraps into lines that fit and lose
// nothing but the spaces at the breaks.
func FuzzWrap(f *testing.F) {
	f.Add("the quick brown fox", 7, true)
	f.Add("送信します。次へ進みます、", 5, true)
	f.Add("a\x00b\xff日本", 2, false)
	f.Fuzz(func(t *testing.T, s string, w int, words bool) {
		w = w%200 + 1
		if w < 1 {
			w = -w + 1
		}
		s = clean(s)
		lines := wrap(nil, s, w, words)
		var joined strings.Builder
		for _, l := range lines {
			if textWidth(l) > w && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is wider than %d", l, w)
			}
			joined.WriteString(l)
		}
		strip := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		if strip(joined.String()) != strip(s) {
			t.Fatalf("wrap lost text: %q -> %q", s, lines)
		}
	})
}

// TestASCIIFramesAreASCII: with --ascii and English text, every frame of
// every position and pane draws only ASCII, for terminals that have nothing
// else. (Scenario text itself may still be Japanese or contain other
// characters; the fixture's English is ASCII.)
func TestASCIIFramesAreASCII(t *testing.T) {
	topo := fixtureTopology()
	m := NewModel(topo, fixtureEvents(topo))
	for pos := 0; pos <= m.Len(); pos++ {
		m.Seek(pos)
		for _, pane := range []Pane{PaneDialogue, PaneExplain, PaneState, PaneTranscript} {
			v := &View{Width: 80, Height: 24, Lang: i18n.EN, Pane: pane, ASCII: true, Anim: 1, AnimSteps: 4}
			for _, row := range Render(m, v) {
				for _, r := range row {
					if r >= 0x80 {
						t.Fatalf("position %d, pane %v: %q in %q", pos, pane, r, row)
					}
				}
			}
		}
	}
}
