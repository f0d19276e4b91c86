package serve

import (
	"errors"
	"net"
	"os"
	"time"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/trace"
)

// client is one real socket attached as the client end of a virtual
// connection. Its methods run in the world goroutine, except the reader
// and writer loops, which only move bytes and report.
type client struct {
	s      *Server
	nc     net.Conn
	ln     *Listener
	remote string
	c      *sim.Conn // once the virtual handshake completed
	// pending holds what the client sent before the virtual handshake
	// completed (a real client may send at once; a pipelining one does).
	pending [][]byte
	hungUp  bool // the socket is closed for reading: the client went, or we closed it
	srvDone bool // the server end closed, or the connection failed
	out     chan []byte
	outDone bool // out is closed: the writer closes the socket when drained
}

// outSegments bounds what may wait for a client that does not read: past
// it, the connection is dropped instead of the world waiting.
const outSegments = 256

func newClient(s *Server, nc net.Conn, l *Listener) *client {
	return &client{s: s, nc: nc, ln: l, remote: nc.RemoteAddr().String(), out: make(chan []byte, outSegments)}
}

// start runs the socket's reader and writer.
func (cl *client) start() {
	cl.s.wg.Add(2)
	go cl.readLoop()
	go cl.writeLoop()
}

func (cl *client) readLoop() {
	defer cl.s.wg.Done()
	buf := make([]byte, 16<<10)
	for {
		cl.nc.SetReadDeadline(time.Now().Add(cl.s.opts.IdleTimeout))
		n, err := cl.nc.Read(buf)
		if n > 0 {
			b := make([]byte, n)
			copy(b, buf[:n])
			if !cl.report(event{kind: evData, cl: cl, data: b}) {
				return
			}
		}
		if err != nil {
			kind := evEOF
			if errors.Is(err, os.ErrDeadlineExceeded) {
				kind = evIdle
			}
			cl.report(event{kind: kind, cl: cl})
			if kind == evIdle {
				// Keep reading: the world answers the timeout and
				// closes, which ends this loop with an error.
				continue
			}
			return
		}
	}
}

// report hands ev to the world goroutine, or drops it when the server is
// shutting down.
func (cl *client) report(ev event) bool {
	select {
	case cl.s.events <- ev:
		return true
	case <-cl.s.quit:
		cl.nc.Close()
		return false
	}
}

func (cl *client) writeLoop() {
	defer cl.s.wg.Done()
	failed := false
	for b := range cl.out {
		if failed {
			continue
		}
		cl.nc.SetWriteDeadline(time.Now().Add(cl.s.opts.IdleTimeout))
		if _, err := cl.nc.Write(b); err != nil {
			failed = true
			cl.nc.Close() // the reader sees it and reports
		}
	}
	cl.nc.Close()
}

// send queues bytes for the socket without ever blocking the world.
func (cl *client) send(b []byte) {
	if cl.outDone {
		return
	}
	select {
	case cl.out <- b:
	default:
		cl.s.note(msgSlow, cl.remote)
		cl.closeOut()
		cl.nc.Close()
	}
}

// closeOut lets the writer finish what is queued, then close the socket.
func (cl *client) closeOut() {
	if !cl.outDone {
		cl.outDone = true
		close(cl.out)
	}
}

// The sim.Dialer side: what the virtual connection tells the socket.

func (cl *client) Connected(c *sim.Conn) {
	cl.c = c
	cl.s.mu.Lock()
	cl.s.stats.Sessions++
	cl.s.mu.Unlock()
	for _, b := range cl.pending {
		c.Write(sim.ClientSide, b)
	}
	cl.pending = nil
	if cl.hungUp {
		c.Close(sim.ClientSide)
	}
}

func (cl *client) Failed(out sim.Outcome, _ *sim.Network) {
	cl.srvDone = true
	cl.s.note(msgNoWorld, cl.remote, out.Text().In(cl.s.opts.Lang))
	if out == sim.Refused {
		// What the virtual client got, the real one gets too: a reset.
		if tc, ok := cl.nc.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
	}
	cl.closeOut()
}

// Receive writes the server's bytes to the socket as they are on the wire.
func (cl *client) Receive(_ *sim.Conn, d sim.Data) { cl.send(d.Bytes()) }

// Closed: the server closed its end (after QUIT, 421, or an idle timeout).
func (cl *client) Closed(*sim.Conn) {
	cl.srvDone = true
	cl.closeOut()
}

// The socket side, in the world goroutine.

// read passes bytes the client sent into the virtual connection.
func (cl *client) read(b []byte) {
	if cl.srvDone {
		return // the server hung up; what comes after goes nowhere
	}
	if cl.c == nil {
		cl.pending = append(cl.pending, b)
		return
	}
	cl.c.Write(sim.ClientSide, b)
}

// eof: the socket is closed for reading. The client may have closed only
// its sending half: the server still answers what arrived, and the socket
// closes once nothing more is on its way (drain).
func (cl *client) eof() {
	if cl.hungUp {
		return
	}
	cl.hungUp = true
	cl.s.forget(cl)
	if cl.srvDone {
		cl.closeOut()
		return
	}
	cl.s.note(msgGone, cl.remote)
	if cl.c != nil {
		// The virtual client hangs up too: the server sees the FIN,
		// and what it already accepted stays accepted.
		cl.c.Close(sim.ClientSide)
	}
	cl.s.draining[cl] = struct{}{}
}

// drained reports whether a client that hung up has nothing more coming,
// and closes its socket when so.
func (cl *client) drained() bool {
	if cl.c == nil && !cl.srvDone {
		return false // the handshake is still under way
	}
	if cl.c != nil && cl.c.InFlight() {
		return false
	}
	cl.closeOut()
	return true
}

// idle: the client said nothing for IdleTimeout. An SMTP server says so
// before it closes, as Postfix does (421 4.4.2), and so does an IMAP server
// (RFC 9051 5.4: an untagged BYE at autologout); a POP3 server closes
// without a word (RFC 1939 3: the autologout timer; no UPDATE state).
func (cl *client) idle() {
	if cl.srvDone || cl.hungUp {
		return
	}
	cl.s.note(msgIdle, cl.remote, cl.s.opts.IdleTimeout.String())
	cl.srvDone = true
	if cl.c == nil {
		cl.closeOut()
		return
	}
	if cl.ln.Proto == trace.SMTP {
		cl.c.Line(sim.ServerSide, "421 4.4.2 "+cl.ln.Host.Name+" "+smtpIdle,
			trace.Tag{Kind: trace.Reply, Code: 421, Enhanced: "4.4.2", Last: true}, nil)
	}
	if cl.ln.Proto == trace.IMAP {
		cl.c.Line(sim.ServerSide, "* BYE autologout: idle for too long",
			trace.Tag{Kind: trace.Untagged, Cond: trace.CondBYE, Last: true}, nil)
	}
	cl.c.Close(sim.ServerSide)
	// The virtual client end is ours: it goes with the socket.
	cl.c.Close(sim.ClientSide)
}

// hangup closes the connection at shutdown: the virtual client end first,
// so the server ends its session as for a client that went away.
func (cl *client) hangup() {
	if cl.c != nil && !cl.srvDone && !cl.hungUp {
		cl.c.Close(sim.ClientSide)
	}
	cl.hungUp, cl.srvDone = true, true
	cl.closeOut()
	cl.nc.Close()
}
