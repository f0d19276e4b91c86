package main

import (
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/mailsim/mailsim/internal/prompt"
	"github.com/mailsim/mailsim/sim/player"
)

// keyboard reads a terminal in one goroutine for the life of a command and
// hands what is typed to whoever listens at the moment. In a lesson the
// line editor and the player take turns at the keyboard; if each read the
// terminal itself, a read left blocked by the one that finished would
// swallow the first key meant for the other.
type keyboard struct {
	ch      chan []byte // what the reading goroutine read; closed at the end of input
	mu      sync.Mutex
	pending []byte // read but not consumed, for the next listener
}

func newKeyboard(in io.Reader) *keyboard {
	k := &keyboard{ch: make(chan []byte)}
	go func() {
		defer close(k.ch)
		buf := make([]byte, 256)
		for {
			n, err := in.Read(buf)
			if n > 0 {
				k.ch <- append([]byte(nil), buf[:n]...)
			}
			if err != nil {
				return
			}
		}
	}()
	return k
}

// next returns what was typed next; ok is false at the end of input or
// when stop is closed.
func (k *keyboard) next(stop <-chan struct{}) (b []byte, ok bool) {
	k.mu.Lock()
	if len(k.pending) > 0 {
		b, k.pending = k.pending, nil
		k.mu.Unlock()
		return b, true
	}
	k.mu.Unlock()
	select {
	case b, ok := <-k.ch:
		if !ok {
			return nil, false
		}
		select {
		case <-stop: // stopped meanwhile: keep it for the next listener
			k.unread(b)
			return nil, false
		default:
			return b, true
		}
	case <-stop:
		return nil, false
	}
}

// unread gives b back, to be read first by the next listener.
func (k *keyboard) unread(b []byte) {
	k.mu.Lock()
	k.pending = append(b, k.pending...)
	k.mu.Unlock()
}

// reader returns the keyboard as a stream for the line editor; its Close
// ends a blocked Read at once and loses nothing.
func (k *keyboard) reader() io.ReadCloser { return &keyReader{k: k, stop: make(chan struct{})} }

type keyReader struct {
	k    *keyboard
	stop chan struct{}
	once sync.Once
}

func (r *keyReader) Read(p []byte) (int, error) {
	b, ok := r.k.next(r.stop)
	if !ok {
		return 0, io.EOF
	}
	n := copy(p, b)
	if n < len(b) {
		r.k.unread(b[n:])
	}
	return n, nil
}

func (r *keyReader) Close() error {
	r.once.Do(func() { close(r.stop) })
	return nil
}

// lineEditor opens readline on the keyboard.
func (k *keyboard) lineEditor(out io.Writer, p string) (prompt.Reader, error) {
	return prompt.TerminalKeys(k.reader(), out, prompt.Config{Prompt: p})
}

// play runs the player on the terminal with the keyboard's keys, and
// gives the keyboard back when the player is done.
func (k *keyboard) play(in, out *os.File, p *player.Player) error {
	keys := make(chan []byte)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			b, ok := k.next(stop)
			if !ok {
				select {
				case <-stop:
				default:
					close(keys) // the end of input
				}
				return
			}
			select {
			case keys <- b:
			case <-stop:
				k.unread(b)
				return
			}
		}
	}()
	ticker := time.NewTicker(player.TickInterval)
	defer ticker.Stop()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	suspend, stopSelf, release := player.JobControl()
	defer release()
	err := player.Run(&screen{in: in, out: out}, p, player.Inputs{Keys: keys, Ticks: ticker.C, Stop: sig,
		Suspend: suspend, StopSelf: stopSelf, PollSize: true})
	close(stop)
	wg.Wait()
	return err
}

// screen is the terminal as the player's driver wants it.
type screen struct{ in, out *os.File }

func (s *screen) Write(b []byte) (int, error) { return s.out.Write(b) }

func (s *screen) Size() (int, int, error) { return term.GetSize(int(s.out.Fd())) }

func (s *screen) MakeRaw() (func() error, error) {
	fd := int(s.in.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	return func() error { return term.Restore(fd, old) }, nil
}
