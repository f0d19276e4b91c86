package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/mailsim/mailsim/sim/player"
)

// The size of the recorded terminal: wide enough for the player's panes
// side by side, small enough for a slide.
const (
	castWidth  = 100
	castHeight = 30
)

// castMaxTicks stops a recording that would never end (a player that never
// reaches its last beat): about 11 hours of playback.
const castMaxTicks = 1_000_000

// Cast writes an asciicast v2 recording (one JSON header line, then one
// [seconds, "o", text] line per frame) of the animated player playing the
// run by itself in in.Lang at 100x30, as `mailsim play --auto` shows it:
// the player is driven tick by tick on the virtual clock, so the recording
// is the same on every run and takes no real time to make. Play it with
// `asciinema play`, or embed it with asciinema-player.
func Cast(w io.Writer, in *Input) error {
	p := player.New(in.Topology, in.Events, player.Config{
		Lang: in.Lang, Width: castWidth, Height: castHeight,
		Color: true, Auto: true, ExitAtEnd: true,
	})
	bw := bufio.NewWriter(w)
	title := ""
	if t := in.Topology; t != nil {
		title = t.ID + ": " + t.Title.In(in.Lang)
	}
	head, err := json.Marshal(struct {
		Version int               `json:"version"`
		Width   int               `json:"width"`
		Height  int               `json:"height"`
		Title   string            `json:"title,omitempty"`
		Idle    float64           `json:"idle_time_limit"`
		Env     map[string]string `json:"env"`
	}{2, castWidth, castHeight, title, 3, map[string]string{"TERM": "xterm-256color"}})
	if err != nil {
		return err
	}
	bw.Write(head)
	bw.WriteByte('\n')
	var d castDrawer
	// Hide the cursor and clear the screen, as the player does on a terminal.
	out := append([]byte("\x1b[?25l\x1b[H\x1b[2J"), d.draw(p.Frame())...)
	if err := castEvent(bw, 0, out); err != nil {
		return err
	}
	ticks := 0
	for !p.Done() {
		if ticks++; ticks > castMaxTicks {
			return errors.New("cast: the player did not reach the end of the trace")
		}
		if !p.Tick() || p.Done() {
			continue
		}
		if b := d.draw(p.Frame()); len(b) > 0 {
			if err := castEvent(bw, ticks*int(player.TickInterval.Milliseconds()), b); err != nil {
				return err
			}
		}
	}
	// Give the terminal back its cursor and colours.
	if err := castEvent(bw, ticks*int(player.TickInterval.Milliseconds()), []byte("\x1b[0m\x1b[?25h\r\n")); err != nil {
		return err
	}
	return bw.Flush()
}

// castEvent writes one output event at ms milliseconds.
func castEvent(w *bufio.Writer, ms int, data []byte) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(string(data)); err != nil {
		return err
	}
	w.WriteByte('[')
	w.WriteString(strconv.FormatFloat(float64(ms)/1000, 'f', 3, 64))
	w.WriteString(`, "o", `)
	w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	_, err := w.WriteString("]\n")
	return err
}

// castDrawer turns frames into the bytes a terminal needs, rewriting only
// the rows that changed since the last frame: CUP to the row, SGR 0 and
// EL 2 to erase it whole, then the row (ECMA-48). Erasing first, rather
// than after, leaves alone the last column of a full-width row, where the
// cursor waits to wrap.
type castDrawer struct{ prev []string }

func (d *castDrawer) draw(frame []string) []byte {
	var b []byte
	if len(d.prev) != len(frame) {
		b = append(b, "\x1b[H\x1b[2J"...)
		d.prev = nil
	}
	for y, line := range frame {
		if d.prev != nil && d.prev[y] == line {
			continue
		}
		b = append(b, "\x1b["...)
		b = strconv.AppendInt(b, int64(y+1), 10)
		b = append(b, ";1H\x1b[0m\x1b[2K"...)
		b = append(b, line...)
	}
	d.prev = frame
	return b
}
