package player

import (
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TickInterval is how often the driver calls Tick. The Player never reads a
// clock: it counts ticks, so a test that feeds ticks sees exactly what a
// user would.
const TickInterval = 40 * time.Millisecond

const tickMS = int(TickInterval / time.Millisecond)

// Durations at 1x, in milliseconds of playback.
const (
	flightAuto = 900  // an envelope crossing the strip in --auto
	flightStep = 360  // the short flight after a key press in --step
	flightWait = 1600 // a wait step: the virtual clock running
	dwellBase  = 700  // a line stays this long before the next one in --auto
	dwellLine  = 120  // and this much longer for each further line of its beat
	dwellRune  = 35   // narration: time to read each character
	dwellMax   = 8000 // no beat waits longer than this
	dwellTitle = 6000 // the title screen with its cast, before the first beat
)

// speeds are the steps of + and -, in percent.
var speeds = [...]int{25, 50, 75, 100, 150, 200, 300, 500, 1000}

// Config is how a Player starts.
type Config struct {
	Lang          i18n.Lang
	Width, Height int
	Color         bool // SGR colour codes in frames
	ASCII         bool // ASCII-only drawing
	Big           bool // projector layout
	Auto          bool // play by itself (--auto); otherwise wait for keys (--step)
	Speed         int  // percent, 25 to 1000; 0 means 100
	NoAnim        bool // lines land at once, without the envelope's flight
	ExitAtEnd     bool // quit after the last beat (auto play with no keyboard)
	Explain       Explainer
	// Predict stops before each server reply that matters and asks what
	// comes back (predict.go); it implies step mode.
	Predict bool
}

// Player is the controller of the animated view: keys and ticks change its
// state, Frame draws it. It is deterministic and safe to drive from tests.
type Player struct {
	m         *Model
	v         View
	noAnim    bool
	exitAtEnd bool
	dwell     int // ms of playback before the next beat in auto mode
	quit      bool
	suspend   bool // Ctrl-Z was pressed: the driver gives the terminal back
	maxScroll int  // of the pane in the last frame
	scrollTop int  // the pane's first row or line in the last frame
	backRows  int  // the dialogue's scrollback in the last frame
	backTop   bool // and it showed the first row
	pred      *predictor
}

// New makes a Player at the start of the trace.
func New(topo *trace.Topology, events []trace.Event, cfg Config) *Player {
	speed := cfg.Speed
	if speed == 0 {
		speed = 100
	}
	p := &Player{
		m: NewModel(topo, events),
		v: View{
			Width: cfg.Width, Height: cfg.Height, Lang: cfg.Lang,
			Color: cfg.Color, ASCII: cfg.ASCII, Big: cfg.Big,
			Auto: cfg.Auto, Speed: min(max(speed, speeds[0]), speeds[len(speeds)-1]),
			Explain: cfg.Explain, Scroll: -1,
		},
		noAnim:    cfg.NoAnim,
		exitAtEnd: cfg.ExitAtEnd,
		dwell:     dwellTitle,
	}
	if cfg.Predict {
		p.pred = newPredictor(events)
		p.v.Auto = false
		p.v.Score = p.pred.score.Text()
	}
	return p
}

// Model returns the cursor the Player moves.
func (p *Player) Model() *Model { return p.m }

// View returns the current view state.
func (p *Player) View() View { return p.v }

// Done reports whether the user asked to quit.
func (p *Player) Done() bool { return p.quit }

// TakeSuspend reports whether Ctrl-Z was pressed since it last asked.
func (p *Player) TakeSuspend() bool {
	s := p.suspend
	p.suspend = false
	return s
}

// Resize sets the frame size.
func (p *Player) Resize(w, h int) { p.v.Width, p.v.Height = w, h }

// Frame draws the current state.
func (p *Player) Frame() []string {
	lines, info := render(p.m, &p.v)
	p.maxScroll, p.scrollTop, p.backRows, p.backTop = info.maxScroll, info.scroll, info.back, info.backTop
	if p.v.Back != info.back {
		p.v.Back = info.back // clamped to what there is (after Home)
	}
	return lines
}

// flying reports whether the current beat's envelope is still in flight.
func (p *Player) flying() bool { return p.v.AnimSteps > 0 }

// Tick advances playback by one TickInterval (scaled by the speed) and
// reports whether the frame changed.
func (p *Player) Tick() bool {
	elapsed := tickMS * p.v.Speed / 100
	if p.flying() {
		p.v.Anim += elapsed
		if p.v.Anim >= p.v.AnimSteps {
			p.land()
		}
		return true
	}
	if !p.v.Auto || p.v.Paused || p.v.Prompting || p.quit || p.v.Back > 0 || p.v.Help {
		// Scrolled back or reading the keys: playback waits, so nothing
		// scrolls away under the reader.
		return false
	}
	p.dwell -= elapsed
	if p.dwell > 0 {
		return false
	}
	if !p.m.Next() {
		p.v.Paused = true
		if p.exitAtEnd {
			p.quit = true
		}
		return true
	}
	p.launch(flightAuto)
	return true
}

// launch starts the current beat's flight, or lands it at once when it does
// not travel or animation is off.
func (p *Player) launch(ms int) {
	p.followCursor()
	cur := p.m.Current()
	if p.noAnim || len(cur) == 0 || !travels(&cur[0]) {
		p.land()
		return
	}
	if isWait(&cur[0]) {
		ms = max(ms, flightWait)
	}
	p.v.Anim, p.v.AnimSteps = 0, ms
}

// land ends the flight and starts the dwell before the next beat.
func (p *Player) land() {
	p.v.Anim, p.v.AnimSteps = 0, 0
	p.dwell = dwellFor(p.m.Current(), p.v.Lang)
}

// travels reports whether an event moves between two hosts on the strip.
func travels(e *trace.Event) bool {
	switch e.Kind {
	case trace.Connect, trace.Accept, trace.Ack, trace.Refused, trace.Close, trace.Line, trace.Record:
		return true
	}
	return isWait(e) // the clock runs while it flies
}

// dwellFor is how long a beat stays before the next one in auto mode:
// longer for multi-line replies, for text to read, and for what went wrong.
func dwellFor(beat []trace.Event, lang i18n.Lang) int {
	d := dwellBase + dwellLine*max(len(beat)-1, 0)
	for i := range beat[:min(len(beat), 8)] {
		e := &beat[i]
		switch e.Kind {
		case trace.Step, trace.Narration, trace.Drop, trace.Expect, trace.Deliver, trace.Bounce, trace.Note, trace.Queue:
			d += dwellRune * len([]rune(e.Text.In(lang)))
		case trace.Timeout, trace.Refused:
			d += 1500
		}
	}
	return min(d, dwellMax)
}

// followCursor resets pane scrolling after the cursor moves, so panes show
// what belongs to the new position.
func (p *Player) followCursor() {
	p.v.Back, p.backRows, p.backTop = 0, 0, false
	if p.v.Pane == PaneTranscript {
		p.v.Scroll = -1
	} else {
		p.v.Scroll = 0
	}
}

// Key handles one key press.
func (p *Player) Key(k Key) {
	if p.quit {
		return
	}
	p.v.Message = i18n.Text{}
	if k.Code == KeyCtrlC {
		p.quit = true
		return
	}
	if k.Code == KeyCtrlZ {
		p.suspend = true
		return
	}
	if p.v.Prompting {
		p.promptKey(k)
		return
	}
	if p.v.Help {
		// The key overlay: Esc, ? or q close it; other keys do nothing
		// behind it.
		if k.Code == KeyEsc || k.Code == KeyRune && (k.Rune == '?' || k.Rune == 'q' || k.Rune == 'Q') {
			p.v.Help = false
		}
		return
	}
	if p.v.Predicting {
		p.predictKey(k)
		return
	}
	page := max(p.v.Height/2, 1)
	switch k.Code {
	case KeyEnter, KeyRight:
		p.next()
	case KeyLeft:
		p.back()
	case KeyEsc:
		p.v.Pane = PaneDialogue
	case KeyUp:
		p.scroll(-1)
	case KeyDown:
		p.scroll(1)
	case KeyPgUp:
		p.scroll(-page)
	case KeyPgDn:
		p.scroll(page)
	case KeyHome:
		p.scroll(-maxScrollback)
	case KeyEnd:
		p.scroll(maxScrollback)
	case KeyRune:
		switch k.Rune {
		case '?':
			p.v.Help = true
		case ' ', 'n':
			p.next()
		case 'b':
			p.back()
		case 'g':
			p.v.Prompting, p.v.Prompt = true, ""
		case 'e':
			p.toggle(PaneExplain)
		case 's':
			p.toggle(PaneState)
		case 't':
			p.toggle(PaneTranscript)
		case 'p':
			if !p.v.Auto {
				p.v.Auto, p.v.Paused = true, false
			} else {
				p.v.Paused = !p.v.Paused
			}
			if !p.v.Paused && p.m.AtEnd() {
				p.v.Paused = true // nothing left to play
			}
		case '+', '=':
			p.v.Speed = nextSpeed(p.v.Speed, 1)
		case '-', '_':
			p.v.Speed = nextSpeed(p.v.Speed, -1)
		case 'q', 'Q':
			if p.v.Pane != PaneDialogue {
				p.v.Pane = PaneDialogue // q in a pane closes it, like Esc
				return
			}
			p.quit = true
		}
	}
}

// next shows the next beat. A press during a flight lands the beat in the
// air at once and moves on, so that each press is one beat however fast the
// teacher types.
func (p *Player) next() {
	if p.flying() {
		p.land()
	}
	if p.ask() {
		return // the learner predicts the reply first
	}
	if !p.m.Next() {
		return // the status line already says this is the end
	}
	p.launch(flightStep)
}

// back hides the last beat, instantly; during a flight that is the beat in
// the air.
func (p *Player) back() {
	if p.flying() {
		p.m.Back()
		p.land()
		p.followCursor()
		return
	}
	if !p.m.Back() {
		p.v.Message = lAtStart
		return
	}
	p.land()
	p.followCursor()
}

func (p *Player) toggle(pane Pane) {
	if p.v.Pane == pane {
		p.v.Pane = PaneDialogue
		return
	}
	p.v.Pane = pane
	p.followCursor()
}

// maxScrollback is "as far as it goes" for Home and End; the next frame
// clamps it to what there is.
const maxScrollback = 1 << 30

// scroll moves the open pane, or the dialogue's scrollback (up is back),
// or the title screen; never playback.
func (p *Player) scroll(delta int) {
	if p.v.Pane == PaneDialogue && p.m.Pos() > 0 {
		// Up is back in time: the scrollback grows, up to the first line.
		if delta < 0 && p.backTop {
			return
		}
		p.v.Back = min(max(p.backRows-delta, 0), maxScrollback)
		p.backRows = p.v.Back
		return
	}
	p.v.Scroll = min(max(p.scrollTop+delta, 0), p.maxScroll)
	p.scrollTop = p.v.Scroll
}

// maxPromptDigits bounds the step number typed after g: enough for
// MaxSteps, and short enough that the number cannot overflow.
const maxPromptDigits = 6

// promptKey edits the "go to step" prompt.
func (p *Player) promptKey(k Key) {
	switch {
	case k.Code == KeyEsc || k.Code == KeyRune && (k.Rune == 'q' || k.Rune == 'g'):
		p.v.Prompting = false
	case k.Code == KeyBackspace:
		if n := len(p.v.Prompt); n > 0 {
			p.v.Prompt = p.v.Prompt[:n-1]
		}
	case k.Code == KeyRune && k.Rune >= '0' && k.Rune <= '9':
		if len(p.v.Prompt) < maxPromptDigits {
			p.v.Prompt += string(k.Rune)
		}
	case k.Code == KeyEnter:
		p.v.Prompting = false
		n := 0
		for _, c := range p.v.Prompt {
			n = n*10 + int(c-'0')
		}
		if p.v.Prompt == "" {
			return
		}
		if last := p.m.LastStep(); n > last && last > 0 {
			n = last // past the end: the last step, as a pager's G goes to the last line
		}
		if !p.m.JumpStep(n) {
			p.v.Message = i18n.T(lNoStep.EN+p.v.Prompt+".", "ステップ"+p.v.Prompt+lNoStep.JA)
			return
		}
		p.land()
		p.followCursor()
	}
}

// nextSpeed moves to the next preset speed up (dir > 0) or down.
func nextSpeed(cur, dir int) int {
	if dir > 0 {
		for _, s := range speeds {
			if s > cur {
				return s
			}
		}
		return speeds[len(speeds)-1]
	}
	for i := len(speeds) - 1; i >= 0; i-- {
		if speeds[i] < cur {
			return speeds[i]
		}
	}
	return speeds[0]
}
