package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/player"
	"github.com/mailsim/mailsim/sim/scenario"
)

// `mailsim play --plain` prints exactly the transcript part of `mailsim
// run`: run's output is play's followed by the one-line summary.
func TestPlayPlainIsRunTranscript(t *testing.T) {
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		for _, lang := range []string{"en", "ja"} {
			t.Run(id+"."+lang, func(t *testing.T) {
				ios, out, errOut := testStreams(nil)
				if code := Main([]string{"play", id, "--plain", "--lang", lang}, ios); code != ExitOK {
					t.Fatalf("play exited %d: %s", code, errOut)
				}
				if bytes.IndexByte(out.Bytes(), 0x1b) >= 0 {
					t.Fatal("play --plain wrote an escape code")
				}
				rios, runOut, _ := testStreams(nil)
				Main([]string{"run", id, "--lang", lang}, rios)
				play, run := out.String(), runOut.String()
				if !strings.HasPrefix(run, play) {
					t.Fatalf("play --plain is not the start of run's output\n--- play:\n%s\n--- run:\n%s", play, run)
				}
				summary := run[len(play):]
				if sc, _ := scenario.Load(id); sc != nil && sc.Attempts() > 0 {
					// Between a campaign's sample and the summary line run
					// prints the counters of the whole run.
					if !strings.Contains(summary, "\n== ") {
						t.Fatalf("run of a campaign printed no counters: %q", summary)
					}
					summary = summary[strings.LastIndex(summary, "\n\n"+id+": ")+1:]
				}
				if strings.Count(summary, "\n") != 2 || !strings.HasPrefix(summary, "\n"+id+": ") {
					t.Fatalf("run adds more than its summary line after the transcript: %q", summary)
				}
			})
		}
	}
}

// Whenever play cannot animate it prints the plain transcript: output not a
// terminal, TERM=dumb, or no keyboard for step mode. NO_COLOR is not one of
// them: it drops colour only (TestPlayNoColorAnimates).
func TestPlayFallsBackToPlain(t *testing.T) {
	ref, want, _ := testStreams(nil)
	Main([]string{"play", "op25b", "--plain", "--lang", "en"}, ref)
	f, err := os.CreateTemp(t.TempDir(), "tty")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tests := []struct {
		name string
		env  map[string]string
		args []string
		term bool
		in   bool
	}{
		{name: "not a terminal", args: nil},
		{name: "TERM=dumb", env: map[string]string{"TERM": "dumb"}, term: true, in: true},
		{name: "no keyboard for step mode", term: true, in: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ios, out, errOut := testStreams(tc.env)
			if tc.term {
				ios.IsTerminal, ios.OutFile = true, f
			}
			if tc.in {
				ios.InFile = f
			}
			if code := Main(append([]string{"play", "op25b", "--lang", "en"}, tc.args...), ios); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if out.String() != want.String() {
				t.Errorf("output differs from --plain:\n%s", out)
			}
		})
	}
}

func TestPlayBadInput(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"play", "no-such-scenario"}, "no-such-scenario"},
		{[]string{"play"}, "play: name a bundled scenario or the path of a .yaml file"},
		{[]string{"play", "op25b", "basic-delivery"}, "accepts 1 arg"},
		{[]string{"play", "op25b", "--speed", "11"}, "--speed 11 is out of range"},
		{[]string{"play", "op25b", "--speed", "0.1"}, "out of range"},
		{[]string{"play", "op25b", "--auto", "--step"}, "exclude each other"},
		{[]string{"play", "op25b", "--lang", "fr"}, "unknown language"},
	}
	for _, tc := range tests {
		ios, out, errOut := testStreams(nil)
		if code := Main(tc.args, ios); code != ExitBadInput {
			t.Errorf("%q: exit %d, want %d", tc.args, code, ExitBadInput)
		}
		if !strings.Contains(errOut.String(), tc.msg) || out.Len() != 0 {
			t.Errorf("%q: stderr %q (want %q), stdout %q", tc.args, errOut, tc.msg, out)
		}
	}
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// Real traces, every beat, every pane, both languages: frames fit 80x24 and
// 120x30 with wide characters counted as two columns, and the real
// explainer never fails.
func TestPlayFramesOfBundledScenarios(t *testing.T) {
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	width := &runewidth.Condition{EastAsianWidth: false}
	for _, id := range ids {
		topo, events, err := loadTrace(id)
		if err != nil {
			t.Fatal(err)
		}
		m := player.NewModel(topo, events)
		explained := 0
		for pos := 0; pos <= m.Len(); pos++ {
			m.Seek(pos)
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
				for _, pane := range []player.Pane{player.PaneDialogue, player.PaneExplain, player.PaneState, player.PaneTranscript} {
					for _, sz := range [][2]int{{80, 24}, {120, 30}} {
						v := &player.View{Width: sz[0], Height: sz[1], Lang: lang, Pane: pane, Explain: explainEvent, Color: true, Scroll: -1}
						frame := player.Render(m, v)
						if len(frame) != sz[1] {
							t.Fatalf("%s beat %d: %d rows", id, pos, len(frame))
						}
						for y, l := range frame {
							if w := width.StringWidth(sgr.ReplaceAllString(l, "")); w > sz[0] {
								t.Fatalf("%s beat %d %s pane %d: row %d is %d wide: %q", id, pos, lang, pane, y, w, l)
							}
						}
						if pane == player.PaneExplain && lang == i18n.EN && sz[0] == 80 && !strings.Contains(strings.Join(frame, "\n"), "Nothing to explain") {
							explained++
						}
					}
				}
			}
		}
		// Most beats are protocol lines, and every protocol line the engine
		// tags has an explanation.
		if explained < m.Len()/2 {
			t.Errorf("%s: only %d of %d beats have an explanation", id, explained, m.Len())
		}
	}
}
