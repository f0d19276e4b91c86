package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hinshun/vt10x"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/player"
)

// TestCastReplay plays the recording into a terminal emulator and checks
// that the screen shows what the player draws at that moment of its
// virtual clock: the cast is the player, not a picture of it. Every event
// goes into the emulator; the screen is compared at every seventh (a
// stride that visits every kind of frame, at a cost the race detector
// can bear) and at the last.
func TestCastReplay(t *testing.T) {
	for _, tc := range []struct {
		id   string
		lang i18n.Lang
	}{{"basic-delivery", i18n.EN}, {"op25b", i18n.JA}} {
		id, lang := tc.id, tc.lang
		t.Run(id+"."+string(lang), func(t *testing.T) {
			in := run(t, id, lang)
			cast := render(t, Cast, id, lang)
			if again := render(t, Cast, id, lang); !bytes.Equal(cast, again) {
				t.Fatal("two recordings of the same run differ")
			}
			sc := bufio.NewScanner(bytes.NewReader(cast))
			sc.Buffer(nil, 1<<20)
			sc.Scan()
			var head struct {
				Version, Width, Height int
				Title                  string
			}
			if err := json.Unmarshal(sc.Bytes(), &head); err != nil || head.Version != 2 || head.Width != castWidth || head.Height != castHeight {
				t.Fatalf("header %s: %v", sc.Bytes(), err)
			}
			vt := vt10x.New(vt10x.WithSize(castWidth, castHeight))
			// The same player without colour, stepped to each event's time.
			p := player.New(in.Topology, in.Events, player.Config{Lang: lang, Width: castWidth, Height: castHeight, Auto: true, ExitAtEnd: true})
			tick, last, frames, n := 0, -1.0, 0, 0
			var lines [][]byte
			for sc.Scan() {
				lines = append(lines, append([]byte(nil), sc.Bytes()...))
			}
			for _, line := range lines {
				n++
				var ev []any
				if err := json.Unmarshal(line, &ev); err != nil || len(ev) != 3 || ev[1] != "o" {
					t.Fatalf("event %s: %v", line, err)
				}
				at := ev[0].(float64)
				if at < last {
					t.Fatalf("event at %.3f after one at %.3f", at, last)
				}
				last = at
				vt.Write([]byte(ev[2].(string)))
				for ; float64(tick)*player.TickInterval.Seconds() < at-1e-9; tick++ {
					p.Tick()
				}
				if p.Done() {
					continue // the closing event: cursor back on
				}
				if n%7 != 0 && n < len(lines)-1 {
					continue
				}
				frames++
				want := p.Frame()
				got := strings.Split(vt.String(), "\n")
				for y := range want {
					if strings.TrimRight(got[y], " ") != strings.TrimRight(want[y], " ") {
						t.Fatalf("at %.3fs row %d shows\n  %q\nthe player draws\n  %q", at, y+1, got[y], want[y])
					}
				}
			}
			if !p.Done() {
				t.Error("the recording ends before the player does")
			}
			if frames < 20 {
				t.Errorf("only %d frames", frames)
			}
			if vt.Mode()&vt10x.ModeHide != 0 {
				t.Error("the recording leaves the cursor hidden")
			}
		})
	}
}
