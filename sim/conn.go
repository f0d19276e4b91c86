package sim

import (
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Outcome is how a connection attempt ended.
type Outcome uint8

// Connection outcomes.
const (
	Connected   Outcome = iota
	Blocked             // a router dropped the SYN; the client timed out
	Refused             // nothing listens on the port (RST)
	Unreachable         // the destination host is down; the client timed out
)

func (o Outcome) String() string {
	return [...]string{"connected", "blocked", "refused", "unreachable"}[o]
}

// Text says the outcome in both languages, for messages people read.
func (o Outcome) Text() i18n.Text {
	return [...]*i18n.Template{msgConnected, msgBlocked, msgRefused, msgUnreachable}[o].Text()
}

// Side is one end of a connection.
type Side uint8

// The two ends of a connection.
const (
	ClientSide Side = iota // the end that dialled
	ServerSide             // the end that listened
)

func (s Side) other() Side { return 1 - s }

// dir is the trace direction of what side s sends.
func (s Side) dir() trace.Dir {
	if s == ServerSide {
		return trace.ServerToClient
	}
	return trace.ClientToServer
}

// Peer is what sits at one end of a connection and reads from it: a
// server handler built on a protocol core, a simulated client, or, in
// `mailsim serve`, a real socket.
type Peer interface {
	// Receive is called with the bytes of one segment when they arrive.
	Receive(c *Conn, p string)
	// Closed is called when the other end's FIN arrives.
	Closed(c *Conn)
}

// Conn is one TCP connection in the virtual world: a byte stream each way
// between two peers, every segment recorded in the trace with its sequence
// numbers as it leaves, and delivered one latency later. Whoever writes
// says what the bytes are (a command, a reply line, message text) so that
// the trace states it; the reader parses the bytes with its own protocol
// core and knows nothing of the writer.
type Conn struct {
	w      *World
	id     int
	proto  trace.Proto
	client trace.Endpoint
	server trace.Endpoint
	peer   [2]Peer
	isn    [2]uint32 // initial sequence numbers
	sent   [2]uint32 // payload bytes each side has sent
	rcvd   [2]uint32 // payload bytes each side has received
	out    [2]int    // bytes each side has written into the world's segment buffer
	flying [2]int    // segments each side sent that have not arrived yet
	closed [2]bool   // the side has sent its FIN
}

// ID is the connection's number in the trace.
func (c *Conn) ID() int { return c.id }

// Proto is the protocol of the service the connection reached.
func (c *Conn) Proto() trace.Proto { return c.proto }

// Endpoints are the two ends, client first.
func (c *Conn) Endpoints() (client, server trace.Endpoint) { return c.client, c.server }

// Closed reports whether side has closed its end.
func (c *Conn) Closed(side Side) bool { return c.closed[side] }

// event returns the scratch event filled for a packet that side sends.
func (c *Conn) event(kind trace.Kind, from Side) *trace.Event {
	e := c.w.event(kind)
	e.Conn = c.id
	e.Proto = c.proto
	e.Dir = from.dir()
	if from == ServerSide {
		e.Src, e.Dst = c.server, c.client
	} else {
		e.Src, e.Dst = c.client, c.server
	}
	return e
}

// nextSeq is the sequence number of the next byte side sends.
func (c *Conn) nextSeq(side Side) uint32 { return c.isn[side] + 1 + c.sent[side] }

// ack is what side acknowledges: every byte of the other side it received.
func (c *Conn) ack(side Side) uint32 { return c.isn[side.other()] + 1 + c.rcvd[side] }

// Line writes one line, with its CRLF, into the segment side is sending,
// and records it: tag says what the line is, sess (on the last line of a
// server reply) the server's session state after it. Flush sends the
// segment.
func (c *Conn) Line(from Side, text string, tag trace.Tag, sess *trace.Session) {
	if c.closed[from] {
		return
	}
	e := c.event(trace.Line, from)
	e.Line = text
	e.Tag = tag
	e.Session = sess
	n := uint32(len(text) + 2)
	e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from), Len: n, Cont: c.out[from] > 0}
	c.w.emit(e)
	c.sent[from] += n
	// One buffer serves every connection: a segment is written and flushed
	// by one peer in one go, so another writer first sends what is pending.
	w := c.w
	if w.segConn != c || w.segSide != from {
		if w.segConn != nil {
			w.segConn.Flush(w.segSide)
		}
		w.segConn, w.segSide = c, from
	}
	w.seg = append(append(w.seg, text...), '\r', '\n')
	c.out[from] += int(n)
}

// Flush sends what side has written since the last Flush as one segment:
// the other end receives it one latency from now.
func (c *Conn) Flush(from Side) {
	if c.out[from] == 0 {
		return
	}
	w := c.w
	p := string(w.seg)
	w.seg, w.segConn = w.seg[:0], nil
	c.out[from] = 0
	c.flying[from]++
	c.w.schedule(task{at: addTime(c.w.now, c.w.opts.Latency), conn: c, from: from, data: p})
}

// arrive delivers a segment that side from sent.
func (c *Conn) arrive(from Side, p string) {
	to := from.other()
	c.flying[from]--
	c.rcvd[to] += uint32(len(p))
	if c.peer[to] != nil {
		c.peer[to].Receive(c, p)
	}
}

// Close sends side's FIN after flushing what it wrote; a side closes once.
// The other end learns of it as it leaves, or after the data still in
// flight: the trace shows one FIN, sent when the conversation is over for
// both ends (the peer's own FIN and the last ACKs are left out).
func (c *Conn) Close(from Side) {
	if c.closed[from] {
		return
	}
	c.Flush(from)
	e := c.event(trace.Close, from)
	e.Proto = trace.TCP
	e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from)}
	c.w.emit(e)
	c.closed[from] = true
	to := from.other()
	notify := func() {
		if c.peer[to] != nil {
			c.peer[to].Closed(c)
		}
	}
	if c.flying[from] == 0 {
		notify()
	} else {
		c.w.after(c.w.opts.Latency, notify)
	}
}

// Dialer is the client end of a connection being opened: told when the
// handshake completes (or fails), then a Peer of the connection.
type Dialer interface {
	Peer
	// Connected is called when the handshake completed; c is ready to write.
	Connected(c *Conn)
	// Failed is called when no connection could be made: blocked is the
	// network whose router dropped the SYN, for Blocked.
	Failed(out Outcome, blocked *Network)
}

// synRetries are the times after the first SYN at which it is sent again
// when nothing answers: an initial retransmission timeout of one second,
// doubled each time (RFC 6298 2.1, 5.5; RFC 9293 3.8.1), until the connect
// timer runs out.
var synRetries = [...]time.Duration{1 * time.Second, 3 * time.Second, 7 * time.Second, 15 * time.Second, 31 * time.Second, 63 * time.Second}

// Dial opens a TCP connection from src to dst:port through the virtual
// network, as a client would: the SYN crosses the routers (OP25B may drop
// it), a down host or a dropped SYN is retransmitted until the connect
// timer runs out, a port nobody listens on answers RST. When the handshake
// completes, the service on the port gets the connection and d is told.
func (w *World) Dial(src, dst *Host, port uint16, d Dialer) {
	srv, proto := w.listener(dst, port)
	c := &Conn{w: w, id: w.newConn(), proto: proto, client: src.endpoint(src.ephemeral()), server: dst.endpoint(port)}
	c.isn = [2]uint32{isn(c.id, 0), isn(c.id, 1)}
	c.peer[ClientSide] = d

	blocked := w.filter(src, dst, port)
	syn := func(try int) {
		e := c.event(trace.Connect, ClientSide)
		e.Proto = trace.TCP
		e.TCP = trace.Segment{Seq: c.isn[ClientSide], Try: uint8(try)}
		w.emit(e)
		if blocked != nil {
			w.after(w.opts.Latency/2, func() { w.drop(c, blocked, try) })
		}
	}
	syn(0)
	if blocked == nil && !dst.Down {
		// Something answers the SYN.
		w.after(w.opts.Latency, func() {
			if srv == nil {
				e := c.event(trace.Refused, ServerSide)
				e.Proto = trace.TCP
				e.TCP = trace.Segment{Ack: c.isn[ClientSide] + 1}
				e.Text = i18n.M(msgRST, itoa(int(port)))
				w.emit(e)
				d.Failed(Refused, nil)
				return
			}
			e := c.event(trace.Accept, ServerSide)
			e.Proto = trace.TCP
			e.TCP = trace.Segment{Seq: c.isn[ServerSide], Ack: c.isn[ClientSide] + 1}
			w.emit(e)
			w.after(w.opts.Latency, func() {
				e := c.event(trace.Ack, ClientSide)
				e.Proto = trace.TCP
				e.TCP = trace.Segment{Seq: c.nextSeq(ClientSide), Ack: c.ack(ClientSide)}
				w.emit(e)
				// The server's greeting leaves as the handshake completes.
				c.peer[ServerSide] = srv(c)
				d.Connected(c)
			})
		})
		return
	}
	// Nothing answers: the client sends the SYN again on its
	// retransmission timer until the connect timer runs out (Postfix's
	// smtp_connect_timeout).
	for try, at := range synRetries {
		if at >= w.ConnectTimeout {
			break
		}
		w.after(at, func() { syn(try + 1) })
	}
	w.after(w.ConnectTimeout, func() {
		e := c.event(trace.Timeout, ClientSide)
		e.Proto = trace.TCP
		e.Text = i18n.M(msgTimeout, itoa(int(w.ConnectTimeout.Seconds())))
		w.emit(e)
		if blocked != nil {
			d.Failed(Blocked, blocked)
		} else {
			d.Failed(Unreachable, nil)
		}
	})
}

// drop records a router dropping the SYN of c.
func (w *World) drop(c *Conn, n *Network, try int) {
	e := c.event(trace.Drop, ClientSide)
	e.Proto = trace.TCP
	e.Router = n.Router
	e.Rule = trace.OP25B
	e.TCP = trace.Segment{Seq: c.isn[ClientSide], Try: uint8(try)}
	if try == 0 {
		e.Text = i18n.M(msgDropOP25B, n.Router, n.Name)
	} else {
		e.Text = i18n.M(msgDropAgain, n.Router)
	}
	w.emit(e)
}

// isn is a connection side's initial sequence number: fixed by the
// connection number, so that traces repeat, and spread over the space as
// real ones are (RFC 9293 3.4.1).
func isn(conn, side int) uint32 {
	return uint32(conn)*0x9E3779B1 + uint32(side)*0x7F4A7C15
}
