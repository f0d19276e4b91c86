package serve

import (
	"bufio"
	"context"
	"io"
	"math/rand/v2"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// recorder keeps the world's events for a test goroutine to look at while
// the world goroutine adds to them.
type recorder struct {
	mu     sync.Mutex
	events []trace.Event
}

func (r *recorder) Emit(e *trace.Event) {
	r.mu.Lock()
	r.events = append(r.events, *e)
	r.mu.Unlock()
}

// has reports whether an event matching pred was recorded.
func (r *recorder) has(pred func(e *trace.Event) bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range r.events {
		if pred(&r.events[i]) {
			return true
		}
	}
	return false
}

// waitFor waits, a bounded time, for an event matching pred.
func (r *recorder) waitFor(t *testing.T, what string, pred func(e *trace.Event) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if r.has(pred) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no %s in the trace within 10s", what)
}

// delivered matches the delivery of a message to addr.
func delivered(addr string) func(e *trace.Event) bool {
	return func(e *trace.Event) bool { return e.Kind == trace.Deliver && strings.EqualFold(e.Line, addr) }
}

// served is a Server running in the background for one test.
type served struct {
	srv *Server
	rec *recorder
	log *syncBuffer
}

// addr is the real address of a virtual host:port.
func (s *served) addr(t testing.TB, host string, port uint16) string {
	for _, l := range s.srv.Listeners() {
		if l.Host.Name == host && l.Port == port {
			return l.Addr.String()
		}
	}
	panic("no listener for " + host + ":" + strconv.Itoa(int(port)))
}

// startScenario serves a bundled scenario after its first `after` steps,
// on an offset free on this machine, until the test ends.
func startScenario(t testing.TB, id string, after int, opts Options) *served {
	t.Helper()
	sc, err := scenario.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	w, err := sc.Prepare(rec, after)
	if err != nil {
		t.Fatal(err)
	}
	return startWorld(t, w, rec, opts)
}

// startWorld serves w; rec, if not nil, is where its events go.
func startWorld(t testing.TB, w *sim.World, rec *recorder, opts Options) *served {
	t.Helper()
	log := &syncBuffer{}
	opts.Log = log
	var srv *Server
	var err error
	// Other tests and other people's servers may hold some ports: try
	// offsets until every listener binds.
	for range 20 {
		opts.Offset = 20000 + rand.IntN(40000)
		if srv, err = New(w, opts); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Run(ctx); err != nil {
			t.Error(err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop within 10s of its context ending")
		}
	})
	return &served{srv: srv, rec: rec, log: log}
}

// syncBuffer is a log several goroutines may write.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// need skips the test when a real client is not installed.
func need(t *testing.T, client string) string {
	t.Helper()
	p, err := exec.LookPath(client)
	if err != nil {
		t.Skipf("%s is not installed: this interop test needs it (Debian: apt-get install -y %s)", client, client)
	}
	return p
}

// run runs a real client with a bounded time and returns its output.
func run(t testing.TB, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	return string(out), err
}

// session is a hand-driven client over a real socket, for tests that send
// what no well-behaved client would.
type session struct {
	t  testing.TB
	nc net.Conn
	r  *bufio.Reader
}

func dial(t testing.TB, addr string) *session {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &session{t: t, nc: nc, r: bufio.NewReader(nc)}
}

func (s *session) send(text string) {
	s.t.Helper()
	s.nc.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(s.nc, text); err != nil {
		s.t.Fatalf("write: %v", err)
	}
}

// reply reads one whole SMTP reply (every line up to the one with a space
// after the code) or one POP3 status line, and returns its last line.
func (s *session) reply() string {
	s.t.Helper()
	for {
		s.nc.SetReadDeadline(time.Now().Add(10 * time.Second))
		line, err := s.r.ReadString('\n')
		if err != nil {
			s.t.Fatalf("read: %v (got %q)", err, line)
		}
		line = strings.TrimRight(line, "\r\n")
		if len(line) >= 4 && line[3] == '-' {
			if _, err := strconv.Atoi(line[:3]); err == nil {
				continue
			}
		}
		return line
	}
}

// expect reads a reply and checks its beginning.
func (s *session) expect(prefix string) string {
	s.t.Helper()
	r := s.reply()
	if !strings.HasPrefix(r, prefix) {
		s.t.Fatalf("got %q, want a reply starting %q", r, prefix)
	}
	return r
}

// closed reports whether the server closed the connection (EOF) within a
// bounded time, after any bytes it still sends.
func (s *session) closed() bool {
	s.nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := io.ReadAll(s.r)
	return err == nil
}

// snapshot copies the events recorded so far.
func (r *recorder) snapshot() []trace.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]trace.Event(nil), r.events...)
}
