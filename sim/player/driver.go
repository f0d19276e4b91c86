package player

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"strconv"
	"time"

	"golang.org/x/term"
)

// Screen is the terminal as the driver sees it. RunTerminal provides the
// real one; tests provide a fake.
type Screen interface {
	io.Writer
	// Size returns the width and height in columns and rows.
	Size() (w, h int, err error)
	// MakeRaw puts the keyboard into raw mode and returns how to undo it.
	MakeRaw() (restore func() error, err error)
}

// Inputs are the driver's sources of events. A nil channel never fires.
type Inputs struct {
	Keys   <-chan []byte    // bytes typed; closed at the end of input
	Ticks  <-chan time.Time // every TickInterval
	Resize <-chan os.Signal // the window changed size (SIGWINCH)
	Stop   <-chan os.Signal // SIGINT, SIGTERM, SIGHUP: quit and restore
	// Suspend delivers SIGTSTP (kill -TSTP, or Ctrl-Z outside raw mode).
	Suspend <-chan os.Signal
	// StopSelf stops the process until it is continued (SIGCONT): what the
	// driver calls after it gave the terminal back, on Ctrl-Z or SIGTSTP.
	// Nil does nothing, for tests.
	StopSelf func()
	// PollSize asks the driver to check the size on every tick, where the
	// system sends no resize signal.
	PollSize bool
}

// The escape sequences that take over the screen and give it back: the
// xterm alternate screen (private mode 1049), the cursor hidden and shown
// (DECTCEM, mode 25), and SGR 0 so no colour leaks into the shell.
const (
	enterScreen = "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J"
	leaveScreen = "\x1b[0m\x1b[?25h\x1b[?1049l"
)

// Run plays p on s until the user quits, the input ends in step mode, or a
// stop signal arrives. The terminal is put back as it was on every way out:
// a normal return, Ctrl-C (in raw mode a key like any other), a stop signal
// and a panic, during which the deferred restore runs before the panic goes
// on.
func Run(s Screen, p *Player, in Inputs) (err error) {
	restore, err := s.MakeRaw()
	if err != nil {
		return err
	}
	defer func() {
		_, werr := io.WriteString(s, leaveScreen)
		rerr := restore()
		if err == nil {
			err = errors.Join(werr, rerr)
		}
	}()
	if _, err := io.WriteString(s, enterScreen); err != nil {
		return err
	}
	w, h := screenSize(s)
	p.Resize(w, h)
	d := &drawer{out: s, width: w}
	if err := d.draw(p.Frame(), true); err != nil {
		return err
	}
	// suspend gives the terminal back (alternate screen left, cursor shown,
	// cooked mode), stops the process, and when it is continued takes the
	// terminal again and redraws everything: the shell or another program
	// drew over the screen meanwhile.
	suspend := func() error {
		_, werr := io.WriteString(s, leaveScreen)
		if err := errors.Join(werr, restore()); err != nil {
			return err
		}
		if in.StopSelf != nil {
			in.StopSelf()
		}
		var err error
		if restore, err = s.MakeRaw(); err != nil {
			restore = func() error { return nil }
			return err
		}
		if _, err := io.WriteString(s, enterScreen); err != nil {
			return err
		}
		w, h := screenSize(s)
		p.Resize(w, h)
		d.width = w
		return d.draw(p.Frame(), true)
	}
	var pending []byte
	keys := make([]Key, 0, 16)
	for !p.Done() {
		changed, full := false, false
		select {
		case b, ok := <-in.Keys:
			if !ok {
				in.Keys = nil
				if !p.v.Auto {
					return nil // no one left to press a key
				}
				p.exitAtEnd = true
				continue
			}
			pending = append(pending, b...)
			var rest []byte
			keys, rest = DecodeKeys(keys[:0], pending)
			pending = append(pending[:0], rest...)
			for _, k := range keys {
				if p.Done() {
					break // what was typed after q is not for us
				}
				p.Key(k)
				if p.TakeSuspend() {
					if err := suspend(); err != nil {
						return err
					}
				}
			}
			changed = true
		case <-in.Ticks:
			changed = p.Tick()
			if in.PollSize {
				if nw, nh := screenSize(s); nw != p.v.Width || nh != p.v.Height {
					p.Resize(nw, nh)
					d.width = nw
					changed, full = true, true
				}
			}
		case <-in.Resize:
			w, h := screenSize(s)
			p.Resize(w, h)
			d.width = w
			changed, full = true, true
		case <-in.Stop:
			return nil
		case <-in.Suspend:
			if err := suspend(); err != nil {
				return err
			}
		}
		if changed && !p.Done() {
			if err := d.draw(p.Frame(), full); err != nil {
				return err
			}
		}
	}
	return nil
}

// screenSize asks the screen its size, falling back to 80x24, the size
// every layout is designed for.
func screenSize(s Screen) (int, int) {
	w, h, err := s.Size()
	if err != nil || w <= 0 || h <= 0 {
		return 80, 24
	}
	return w, h
}

// drawer writes frames, rewriting only the rows that changed.
type drawer struct {
	out   io.Writer
	width int
	prev  []string
	buf   []byte
}

func (d *drawer) draw(frame []string, full bool) error {
	b := d.buf[:0]
	if full || len(d.prev) != len(frame) {
		b = append(b, "\x1b[H\x1b[2J"...)
		d.prev = nil
	}
	for y, line := range frame {
		if d.prev != nil && d.prev[y] == line {
			continue
		}
		// CUP to the row's start, the row, then erase what an older, longer
		// row left behind (ECMA-48 CUP and EL).
		b = append(b, "\x1b["...)
		b = strconv.AppendInt(b, int64(y+1), 10)
		b = append(b, ";1H"...)
		b = append(b, line...)
		if visibleWidth(line) < d.width {
			// Only a row that stops short needs EL: on a full row the cursor
			// waits on the last column, and EL would erase that character.
			b = append(b, "\x1b[0m\x1b[K"...)
		}
	}
	d.buf = b
	d.prev = frame
	if len(b) == 0 {
		return nil
	}
	_, err := d.out.Write(b)
	return err
}

// RunTerminal plays p on the real terminal: keys from in (nil for no
// keyboard: auto play to the end), frames to out.
//
// The goroutine that reads keys stays blocked in Read after RunTerminal
// returns, until the next key or the end of the process; a terminal read
// cannot be cancelled portably, and the process exits right after.
func RunTerminal(in, out *os.File, p *Player) error {
	ticker := time.NewTicker(TickInterval)
	defer ticker.Stop()
	resize := make(chan os.Signal, 1)
	poll := !notifyResize(resize)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, stopSignals()...)
	suspend, stopSelf, release := JobControl()
	defer release()
	defer signal.Stop(resize)
	defer signal.Stop(stop)
	done := make(chan struct{})
	defer close(done)
	var keys <-chan []byte
	if in != nil {
		keys = readKeys(in, done)
	}
	return Run(&termScreen{in: in, out: out}, p, Inputs{Keys: keys, Ticks: ticker.C, Resize: resize, Stop: stop,
		Suspend: suspend, StopSelf: stopSelf, PollSize: poll})
}

// JobControl returns what Inputs needs for Ctrl-Z and SIGTSTP on a real
// terminal: the channel SIGTSTP arrives on, the function that stops the
// process until it is continued, and release, to call when the player is
// done. Where there is no job control the channel never fires.
func JobControl() (suspend <-chan os.Signal, stopSelf func(), release func()) {
	tstp := make(chan os.Signal, 1)
	notifySuspend(tstp)
	return tstp, func() { stopSelfUntilContinued(tstp) }, func() { signal.Stop(tstp) }
}

// readKeys reads r in its own goroutine, since a read blocks until a key
// arrives. The channel is closed when reading fails (end of input).
func readKeys(r io.Reader, done <-chan struct{}) <-chan []byte {
	ch := make(chan []byte)
	go func() {
		defer close(ch)
		buf := make([]byte, 256)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				select {
				case ch <- append([]byte(nil), buf[:n]...):
				case <-done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return ch
}

// termScreen is a real terminal.
type termScreen struct {
	in, out *os.File
}

func (t *termScreen) Write(b []byte) (int, error) { return t.out.Write(b) }

func (t *termScreen) Size() (int, int, error) { return term.GetSize(int(t.out.Fd())) }

func (t *termScreen) MakeRaw() (func() error, error) {
	if t.in == nil {
		return func() error { return nil }, nil
	}
	fd := int(t.in.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	return func() error { return term.Restore(fd, old) }, nil
}

// visibleWidth is the width of a frame row, SGR sequences left out.
func visibleWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			i++
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != 0x1b {
			j++
		}
		n += textWidth(s[i:j])
		i = j
	}
	return n
}
