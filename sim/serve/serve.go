// Package serve exposes the virtual servers of a world on real TCP
// sockets, so that real mail clients (telnet, curl, Python's smtplib and
// poplib, Thunderbird) talk to them: each accepted socket becomes the
// client end of a virtual connection from a chosen host of the world, and
// the server end is the very handler the simulated clients talk to. What
// the world then does with the mail (DNS, relay, OP25B, delivery, bounces)
// happens inside it and nowhere else: nothing is ever dialled out.
//
// One goroutine owns the World. Socket goroutines only read and write
// bytes and report to it over a channel; it advances the virtual clock to
// follow real time, so a 10 ms virtual latency is 10 ms on the wire and a
// 30-minute retry interval takes 30 real minutes.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Defaults of Options.
const (
	DefaultOffset      = 10000
	DefaultIdleTimeout = 5 * time.Minute
	DefaultMaxConns    = 100
)

// Options configure a Server.
type Options struct {
	// Offset is added to every virtual port to make the real one (587
	// becomes 10587 with the default); 0 keeps the real ports where the
	// system allows binding them.
	Offset int
	// Listen, when valid, puts every listener on this one address instead
	// of 127.0.0.(i+2) for host i; two hosts with the same port then clash.
	Listen netip.Addr
	// As is the host the real clients connect from: OP25B, relay policy
	// and the trace treat them as that host. nil: the first host that
	// runs no server.
	As *sim.Host
	// IdleTimeout closes a connection that sent nothing for that long
	// (SMTP: 421 4.4.2 first). 0 means DefaultIdleTimeout.
	IdleTimeout time.Duration
	// MaxConns caps the connections open at once; one more is answered
	// 421 4.3.2 (SMTP) or -ERR [SYS/TEMP] (POP3) and closed without
	// reaching the world. 0 means DefaultMaxConns.
	MaxConns int
	// Log receives the server's own notes (a client came, went, was
	// refused), one line each, in Lang. nil discards them.
	Log  io.Writer
	Lang i18n.Lang
	// Flush, when set, is called whenever the world goroutine has done a
	// batch of work: where a buffered trace view writes out.
	Flush func()
}

// Listener is one real socket standing for a virtual server port.
type Listener struct {
	Host  *sim.Host
	Port  uint16         // the virtual port
	Proto trace.Proto    // SMTP or POP3
	Addr  netip.AddrPort // where it really listens
}

// String is the line `mailsim serve` prints: "HOST:PORT -> IP:PORT".
func (l Listener) String() string {
	return l.Host.Name + ":" + strconv.Itoa(int(l.Port)) + " -> " + l.Addr.String()
}

// Stats count what a Server did.
type Stats struct {
	Sessions int // connections that reached a virtual server
	Refused  int // connections turned away at the cap
}

// Server is a world served on real sockets.
type Server struct {
	w         *sim.World
	opts      Options
	listeners []Listener
	socks     []net.Listener
	events    chan event
	quit      chan struct{}
	wg        sync.WaitGroup // accept loops and socket goroutines
	clients   map[*client]struct{}
	draining  map[*client]struct{} // hung up, the server's last words still on their way
	stats     Stats
	start     time.Time
	base      time.Duration
	mu        sync.Mutex // guards stats for Stats()
}

// AddressOf is the loopback address host i of the world gets: 127.0.0.2,
// 127.0.0.3, ... in the scenario's order (127.0.0.1 stays the machine's).
func AddressOf(i int) netip.Addr {
	return netip.AddrFrom4([4]byte{127, byte((i + 2) >> 16), byte((i + 2) >> 8), byte(i + 2)})
}

// DefaultClient is the host real clients connect from unless told: the
// first host that runs no server, or nil.
func DefaultClient(w *sim.World) *sim.Host {
	for _, h := range w.Hosts() {
		if len(h.SMTP) == 0 && len(h.POP3) == 0 {
			return h
		}
	}
	return nil
}

// New opens a listener for every SMTP, POP3 and IMAP port of every host of w.
// The world must not be used elsewhere from now on: Run owns it.
func New(w *sim.World, opts Options) (*Server, error) {
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = DefaultIdleTimeout
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = DefaultMaxConns
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.As == nil {
		opts.As = DefaultClient(w)
		if opts.As == nil {
			return nil, errors.New("every host of the world runs a server: name the host real clients connect from with --as")
		}
	}
	if opts.Listen.IsValid() {
		// One address for every host: two hosts with the same port
		// cannot both have it.
		owner := map[uint16]string{}
		for _, h := range w.Hosts() {
			for _, p := range ports(h) {
				if o, dup := owner[p]; dup {
					return nil, fmt.Errorf("%s and %s both listen on port %d, and --listen %s gives them one address: leave out --listen so that each host gets its own (127.0.0.2, 127.0.0.3, ...)", o, h.Name, p, opts.Listen)
				}
				owner[p] = h.Name
			}
		}
	}
	s := &Server{w: w, opts: opts, events: make(chan event, 256), quit: make(chan struct{}), clients: map[*client]struct{}{}, draining: map[*client]struct{}{}}
	for i, h := range w.Hosts() {
		ip := AddressOf(i)
		if opts.Listen.IsValid() {
			ip = opts.Listen
		}
		for _, svc := range h.SMTP {
			if err := s.listen(h, svc.Port, trace.SMTP, ip); err != nil {
				s.closeListeners()
				return nil, err
			}
		}
		for _, svc := range h.POP3 {
			if err := s.listen(h, svc.Port, trace.POP3, ip); err != nil {
				s.closeListeners()
				return nil, err
			}
		}
		for _, svc := range h.IMAP {
			if err := s.listen(h, svc.Port, trace.IMAP, ip); err != nil {
				s.closeListeners()
				return nil, err
			}
		}
	}
	return s, nil
}

// ports are the SMTP, POP3 and IMAP ports of h.
func ports(h *sim.Host) []uint16 {
	var ps []uint16
	for _, svc := range h.SMTP {
		ps = append(ps, svc.Port)
	}
	for _, svc := range h.POP3 {
		ps = append(ps, svc.Port)
	}
	for _, svc := range h.IMAP {
		ps = append(ps, svc.Port)
	}
	return ps
}

func (s *Server) listen(h *sim.Host, port uint16, proto trace.Proto, ip netip.Addr) error {
	real := int(port) + s.opts.Offset
	if real <= 0 || real > 65535 {
		return fmt.Errorf("%s:%d: port %d plus offset %d is outside 1-65535: choose another --offset", h.Name, port, port, s.opts.Offset)
	}
	addr := netip.AddrPortFrom(ip, uint16(real))
	ln, err := net.Listen("tcp", addr.String())
	if err != nil {
		return fmt.Errorf("%s:%d: cannot listen on %s: %w (is another mailsim serve running? try another --offset)", h.Name, port, addr, err)
	}
	s.socks = append(s.socks, ln)
	s.listeners = append(s.listeners, Listener{Host: h, Port: port, Proto: proto, Addr: addr})
	return nil
}

func (s *Server) closeListeners() {
	for _, ln := range s.socks {
		ln.Close()
	}
}

// Listeners are the real sockets, in the world's order of hosts and ports.
func (s *Server) Listeners() []Listener { return s.listeners }

// As is the host the real clients connect from.
func (s *Server) As() *sim.Host { return s.opts.As }

// Stats returns what the server did so far; safe from any goroutine.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// event is what socket goroutines tell the world goroutine.
type event struct {
	kind eventKind
	cl   *client
	nc   net.Conn // for evAccept
	ln   *Listener
	data []byte
}

type eventKind uint8

const (
	evAccept eventKind = iota // a socket was accepted
	evData                    // bytes were read
	evEOF                     // the socket is closed for reading: the client went, or we closed it
	evIdle                    // nothing came for IdleTimeout
)

// Run serves until ctx is done, then closes every connection (what a
// session accepted stays accepted) and every listener. It owns the World
// while it runs.
func (s *Server) Run(ctx context.Context) error {
	s.start, s.base = time.Now(), s.w.Now()
	for i := range s.socks {
		s.wg.Add(1)
		go s.acceptLoop(s.socks[i], &s.listeners[i])
	}
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		s.w.Advance(s.clock())
		for cl := range s.draining {
			if cl.drained() {
				delete(s.draining, cl)
			}
		}
		if s.opts.Flush != nil {
			s.opts.Flush()
		}
		wait := time.Hour
		if next, ok := s.w.NextDue(); ok {
			wait = max(next-s.clock(), 0)
		}
		timer.Reset(wait)
		select {
		case ev := <-s.events:
			// The event happened now: the world catches up first, so
			// that what it starts is stamped with the right time.
			s.w.Advance(s.clock())
			s.handle(ev)
			// Take what else is waiting before moving the clock again.
		batch:
			for range 64 {
				select {
				case ev := <-s.events:
					s.handle(ev)
				default:
					break batch
				}
			}
		case <-timer.C:
		case <-ctx.Done():
			s.shutdown()
			return nil
		}
	}
}

// clock is the virtual time that corresponds to now.
func (s *Server) clock() time.Duration { return s.base + time.Since(s.start) }

func (s *Server) acceptLoop(ln net.Listener, l *Listener) {
	defer s.wg.Done()
	for {
		nc, err := ln.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return // closed
		}
		select {
		case s.events <- event{kind: evAccept, nc: nc, ln: l}:
		case <-s.quit:
			nc.Close()
			return
		}
	}
}

func (s *Server) handle(ev event) {
	switch ev.kind {
	case evAccept:
		s.accept(ev.nc, ev.ln)
	case evData:
		ev.cl.read(ev.data)
	case evEOF:
		ev.cl.eof()
	case evIdle:
		ev.cl.idle()
	}
}

// accept attaches a new socket to the world, or turns it away at the cap.
func (s *Server) accept(nc net.Conn, l *Listener) {
	if len(s.clients) >= s.opts.MaxConns {
		s.mu.Lock()
		s.stats.Refused++
		s.mu.Unlock()
		s.note(msgTooMany, nc.RemoteAddr().String(), l.Host.Name+":"+strconv.Itoa(int(l.Port)), strconv.Itoa(s.opts.MaxConns))
		line := tooManySMTP(l.Host.Name)
		switch l.Proto {
		case trace.POP3:
			line = tooManyPOP3
		case trace.IMAP:
			line = tooManyIMAP
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			nc.SetWriteDeadline(time.Now().Add(5 * time.Second))
			io.WriteString(nc, line+"\r\n")
			nc.Close()
		}()
		return
	}
	cl := newClient(s, nc, l)
	s.clients[cl] = struct{}{}
	s.note(msgAccepted, nc.RemoteAddr().String(), l.Host.Name+":"+strconv.Itoa(int(l.Port)), s.opts.As.Name)
	s.w.DialRecorded(s.opts.As, l.Host, l.Port, cl)
	cl.start()
}

// Replies to a connection past the cap, which never reaches the world:
// RFC 5321 3.8 lets a server answer 421 and close at once; RFC 3206 4
// names a temporary POP3 condition [SYS/TEMP].
const (
	tooManyPOP3 = "-ERR [SYS/TEMP] too many connections, try again later"
	// RFC 9051 7.1.5: a server that will not serve a connection greets it
	// with BYE; RFC 5530 3 names the temporary condition [UNAVAILABLE].
	tooManyIMAP = "* BYE [UNAVAILABLE] too many connections, try again later"
	// smtpIdle is Postfix's words when a client says nothing for too long.
	smtpIdle = "Error: timeout exceeded"
)

func tooManySMTP(host string) string {
	return "421 4.3.2 " + host + " Too many connections, try again later"
}

// forget removes a client whose socket is gone.
func (s *Server) forget(cl *client) { delete(s.clients, cl) }

// shutdown closes listeners and connections: every virtual client end
// closes, so the servers finish their sessions, and the world runs the
// moment that takes.
func (s *Server) shutdown() {
	close(s.quit)
	s.closeListeners()
	for cl := range s.clients {
		cl.hangup()
	}
	for cl := range s.draining {
		cl.hangup()
	}
	s.w.Advance(s.clock())
	if s.opts.Flush != nil {
		s.opts.Flush()
	}
	s.wg.Wait()
}

// note writes one of the server's own lines.
func (s *Server) note(t *i18n.Template, args ...string) {
	fmt.Fprintln(s.opts.Log, i18n.M(t, args...).In(s.opts.Lang))
}
