package player

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hinshun/vt10x"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// fakeScreen records what the driver does to a terminal.
type fakeScreen struct {
	mu       sync.Mutex
	out      bytes.Buffer
	w, h     int
	raw      bool
	restored int
	rawErr   error
}

func (f *fakeScreen) Write(b []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.out.Write(b)
}

func (f *fakeScreen) Size() (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.w, f.h, nil
}

func (f *fakeScreen) MakeRaw() (func() error, error) {
	if f.rawErr != nil {
		return nil, f.rawErr
	}
	f.raw = true
	return func() error { f.raw, f.restored = false, f.restored+1; return nil }, nil
}

func (f *fakeScreen) output() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.out.String()
}

// checkRestored asserts the terminal was handed back: raw mode undone once,
// the cursor shown, the main screen back, as the last thing written.
func checkRestored(t *testing.T, f *fakeScreen) {
	t.Helper()
	if f.raw || f.restored != 1 {
		t.Errorf("raw mode: still raw %v, restored %d times", f.raw, f.restored)
	}
	out := f.output()
	if !strings.HasPrefix(out, enterScreen) || !strings.HasSuffix(out, leaveScreen) {
		t.Errorf("output does not start with the alternate screen and end leaving it: %q ... %q", out[:min(len(out), 20)], out[max(len(out)-20, 0):])
	}
}

// noLeak fails the test if it leaves goroutines behind. Goroutines that
// are ending may take a moment to go; the wait is bounded, not measured.
func noLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		for i := 0; i < 200 && runtime.NumGoroutine() > before; i++ {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			t.Errorf("%d goroutines left behind", n-before)
		}
	})
}

func newTestPlayer(cfg Config) *Player {
	topo := fixtureTopology()
	if cfg.Lang == "" {
		cfg.Lang = i18n.EN
	}
	return New(topo, fixtureEvents(topo), cfg)
}

// keysOf returns a closed channel holding keys as one read.
func keysOf(s string) chan []byte {
	ch := make(chan []byte, 1)
	ch <- []byte(s)
	close(ch)
	return ch
}

func TestRunQuits(t *testing.T) {
	noLeak(t)
	for _, key := range []string{"q", "\x03"} {
		f := &fakeScreen{w: 80, h: 24}
		p := newTestPlayer(Config{NoAnim: true})
		if err := Run(f, p, Inputs{Keys: keysOf("\r\r" + key + "\r")}); err != nil {
			t.Fatal(err)
		}
		checkRestored(t, f)
		if p.Model().Pos() != 2 {
			t.Errorf("%q: keys after quit were handled (pos %d)", key, p.Model().Pos())
		}
	}
}

func TestRunEndOfInput(t *testing.T) {
	noLeak(t)
	f := &fakeScreen{w: 80, h: 24}
	ch := make(chan []byte)
	close(ch)
	if err := Run(f, newTestPlayer(Config{}), Inputs{Keys: ch}); err != nil {
		t.Fatal(err)
	}
	checkRestored(t, f)
}

func TestRunStopSignal(t *testing.T) {
	noLeak(t)
	f := &fakeScreen{w: 80, h: 24}
	stop := make(chan os.Signal, 1)
	stop <- syscall.SIGTERM
	if err := Run(f, newTestPlayer(Config{}), Inputs{Stop: stop}); err != nil {
		t.Fatal(err)
	}
	checkRestored(t, f)
}

func TestRunRawFails(t *testing.T) {
	f := &fakeScreen{w: 80, h: 24, rawErr: errors.New("not a terminal")}
	if err := Run(f, newTestPlayer(Config{}), Inputs{}); err == nil || f.output() != "" {
		t.Errorf("err %v, output %q: want the error and nothing written", err, f.output())
	}
}

// A panic while drawing (here, in the explainer) still restores the
// terminal before it goes on.
func TestRunPanicRestores(t *testing.T) {
	f := &fakeScreen{w: 80, h: 24}
	p := newTestPlayer(Config{NoAnim: true, Explain: func(*trace.Event, string) []Explanation { panic("explainer broke") }})
	defer func() {
		if r := recover(); r != "explainer broke" {
			t.Fatalf("recovered %v, want the explainer's panic", r)
		}
		checkRestored(t, f)
	}()
	Run(f, p, Inputs{Keys: keysOf("\r\re")})
	t.Fatal("Run returned instead of panicking")
}

// What the driver writes, replayed in a terminal emulator, is the frame:
// the row-by-row diff loses nothing, across moves, panes and a resize.
func TestRunScreenMatchesFrame(t *testing.T) {
	noLeak(t)
	f := &fakeScreen{w: 80, h: 24}
	p := newTestPlayer(Config{NoAnim: true, Lang: i18n.EN, Explain: fixtureExplain})
	keys := make(chan []byte)
	resize := make(chan os.Signal)
	done := make(chan error)
	go func() { done <- Run(f, p, Inputs{Keys: keys, Resize: resize}) }()

	vt := vt10x.New(vt10x.WithSize(80, 24))
	written := 0
	check := func(what string) {
		t.Helper()
		out := f.output()
		vt.Write([]byte(out[written:]))
		written = len(out)
		frame := Render(p.Model(), &View{Width: f.w, Height: f.h, Lang: i18n.EN, Pane: p.View().Pane, Scroll: p.View().Scroll, Explain: fixtureExplain})
		got := strings.Split(strings.TrimSuffix(vt.String(), "\n"), "\n")
		for y := range frame {
			if strings.TrimRight(got[y], " ") != frame[y] {
				t.Fatalf("%s: screen row %d = %q, frame row = %q", what, y, strings.TrimRight(got[y], " "), frame[y])
			}
		}
	}
	// Each send returns once Run has taken the value; the next send waits
	// for Run to finish drawing, so the output is complete when it returns.
	send := func(k string) { keys <- []byte(k); keys <- nil }
	send("")
	check("start")
	send("g3\r")
	check("jump")
	send("\r\r\r\r\r")
	check("next")
	send("e")
	check("explain")
	send("\x1b[D\x1b[D")
	check("back")
	before := len(f.output())
	f.mu.Lock()
	f.w, f.h = 100, 30
	f.mu.Unlock()
	vt.Resize(100, 30)
	resize <- syscall.SIGWINCH
	send("")
	check("resized")
	if !strings.Contains(f.output()[before:], "\x1b[2J") {
		t.Error("a resize did not redraw the whole screen")
	}
	keys <- []byte("q")
	close(keys)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	checkRestored(t, f)
}

// Auto play with no keyboard runs to the end and quits.
func TestRunAutoWithoutKeyboard(t *testing.T) {
	noLeak(t)
	f := &fakeScreen{w: 80, h: 24}
	p := newTestPlayer(Config{Auto: true, Speed: 1000})
	keys := make(chan []byte)
	close(keys)
	ticks := make(chan time.Time)
	done := make(chan error)
	go func() { done <- Run(f, p, Inputs{Keys: keys, Ticks: ticks, PollSize: true}) }()
	for n := 0; ; n++ {
		select {
		case ticks <- time.Time{}:
			continue
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		}
		if !p.Model().AtEnd() {
			t.Errorf("stopped at %d of %d", p.Model().Pos(), p.Model().Len())
		}
		break
	}
	checkRestored(t, f)
}

func TestDrawerDiffs(t *testing.T) {
	var out bytes.Buffer
	d := &drawer{out: &out, width: 2}
	if err := d.draw([]string{"a", "bb", "c"}, true); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "\x1b[H\x1b[2J") {
		t.Errorf("first frame not a full redraw: %q", out.String())
	}
	out.Reset()
	d.draw([]string{"a", "B", "c"}, false)
	if got := out.String(); got != "\x1b[2;1HB\x1b[0m\x1b[K" {
		t.Errorf("one changed row wrote %q", got)
	}
	out.Reset()
	d.draw([]string{"a", "B", "c"}, false)
	if out.Len() != 0 {
		t.Errorf("an unchanged frame wrote %q", out.String())
	}
	out.Reset()
	d.draw([]string{"a", "\x1b[1mBB\x1b[0m", "c"}, false)
	if got := out.String(); got != "\x1b[2;1H\x1b[1mBB\x1b[0m" {
		t.Errorf("a full-width row wrote %q; EL there would erase its last column", got)
	}
}

// The key reader hands over what it reads and ends at the end of input, or
// when the driver is done while it waits to hand over.
func TestReadKeys(t *testing.T) {
	noLeak(t)
	ch := readKeys(strings.NewReader("q\r"), make(chan struct{}))
	if got := <-ch; string(got) != "q\r" {
		t.Errorf("read %q", got)
	}
	if _, ok := <-ch; ok {
		t.Error("the channel stays open after the end of input")
	}
	done := make(chan struct{})
	ch = readKeys(strings.NewReader("unread"), done)
	close(done)
	for range ch {
	}
}

// TestRunSuspend presses Ctrl-Z (in raw mode a byte like any other) and
// sends SIGTSTP: each time the terminal is given back before the process
// stops (main screen, cursor shown, cooked mode), and after it continues
// the player takes it again and redraws the whole frame.
func TestRunSuspend(t *testing.T) {
	for _, how := range []string{"ctrl-z", "sigtstp"} {
		t.Run(how, func(t *testing.T) {
			f := &fakeScreen{w: 80, h: 24}
			p := newTestPlayer(Config{NoAnim: true})
			stops := 0
			var atStop string
			var rawAtStop bool
			keys := make(chan []byte, 2)
			in := Inputs{StopSelf: func() {
				stops++
				atStop, rawAtStop = f.output(), f.raw
				keys <- []byte("q") // typed after fg
			}}
			if how == "ctrl-z" {
				keys <- []byte("\r\x1a")
			} else {
				tstp := make(chan os.Signal, 1)
				tstp <- syscall.SIGTSTP
				in.Suspend = tstp
				keys <- []byte("\r")
			}
			in.Keys = keys
			if err := Run(f, p, in); err != nil {
				t.Fatal(err)
			}
			if stops != 1 {
				t.Fatalf("stopped %d times, want 1", stops)
			}
			if rawAtStop || !strings.HasSuffix(atStop, leaveScreen) {
				t.Errorf("before stopping: raw %v, output ends %q; want cooked mode and the screen left", rawAtStop, atStop[max(len(atStop)-20, 0):])
			}
			after := f.output()[len(atStop):]
			if !strings.HasPrefix(after, enterScreen+"\x1b[H\x1b[2J") {
				t.Errorf("after continuing: %q; want the alternate screen and a full redraw", after[:min(len(after), 40)])
			}
			if f.raw || f.restored != 2 {
				t.Errorf("raw mode: still raw %v, restored %d times, want 2", f.raw, f.restored)
			}
		})
	}
}

// TestGoToPastTheEnd types g and a step number past the last step: the
// player goes to the last step, whatever the number of digits.
func TestGoToPastTheEnd(t *testing.T) {
	p := newTestPlayer(Config{NoAnim: true})
	last := p.Model().LastStep()
	for _, k := range "g99999\r" {
		code := KeyRune
		if k == '\r' {
			code = KeyEnter
		}
		p.Key(Key{Code: code, Rune: k})
	}
	cur := p.Model().Current()
	if len(cur) == 0 || cur[0].Step+1 != last {
		t.Fatalf("after g99999: at %v, want the first beat of step %d", cur, last)
	}
}
