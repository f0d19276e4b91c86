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
	// The Data is the connection's own until Receive returns.
	Receive(c *Conn, d Data)
	// Closed is called when the other end's FIN arrives.
	Closed(c *Conn)
}

// Data is the payload of one segment: lines, each followed on the wire by
// CRLF, as the text protocols write them, or raw bytes (what a real socket
// read). A reader takes lines from either the same way.
type Data struct {
	Lines []string
	Raw   string
}

// Len is the number of bytes on the wire.
func (d Data) Len() int {
	n := len(d.Raw)
	for _, l := range d.Lines {
		n += len(l) + 2
	}
	return n
}

// Bytes is the payload as it is on the wire.
func (d Data) Bytes() []byte {
	b := make([]byte, 0, d.Len())
	for _, l := range d.Lines {
		b = append(append(b, l...), '\r', '\n')
	}
	return append(b, d.Raw...)
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
	// out holds the lines each side has written that have not arrived:
	// those of its segments in flight, oldest first, from head, then those
	// of the segment it is writing, from unsent. The segments of one side
	// arrive in the order they left (all take one latency), so a delivery
	// task needs only their number, not a slice of its own.
	out    [2][]string
	head   [2]int
	unsent [2]int
	used   [2]int    // how far out has held lines, for reset to clear
	outRaw [2][]byte // or its raw bytes (a binary protocol: DNS over TCP)
	flying [2]int    // segments each side sent that have not arrived yet
	closed [2]bool   // the side has sent its FIN
	dial   dialing   // while the handshake is under way
	// tasks counts the scheduler's tasks that refer to the connection.
	tasks int
	// pooled: the client end is one of the world's own handlers
	// (reusable), which keep no pointer to the connection once they are
	// over; release checks the server end too, and puts the connection
	// back on the world's free list when both are over and it is dead.
	pooled bool
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
// Each side has its own (World.connEv), whose ends are set only when the
// event before it was of another connection: most events are a
// connection's lines, and comparing two endpoints costs more than the id.
func (c *Conn) event(kind trace.Kind, from Side) *trace.Event {
	e := c.scratch(from)
	clearEvent(e)
	c.stamp(e, kind, from)
	return e
}

// scratch returns side from's scratch event, its ends set.
func (c *Conn) scratch(from Side) *trace.Event {
	w := c.w
	e := &w.connEv[from]
	if w.connEvID[from] != c.id {
		if from == ServerSide {
			setEndpoint(&e.Src, &c.server)
			setEndpoint(&e.Dst, &c.client)
		} else {
			setEndpoint(&e.Src, &c.client)
			setEndpoint(&e.Dst, &c.server)
		}
		w.connEvID[from] = c.id
	}
	return e
}

// stamp sets the scalar fields every event of c that side from sends has.
func (c *Conn) stamp(e *trace.Event, kind trace.Kind, from Side) {
	e.Kind = kind
	e.Conn = c.id
	e.Proto = c.proto
	e.Dir = from.dir()
}

// lineEvent is event for a Line: it sets the line, its tag and the
// session in place of clearing them first, each reference written only
// when it changes (setTag): a write barrier each, while the collector
// marks, on the commonest event.
func (c *Conn) lineEvent(from Side, text string, tag *trace.Tag, sess *trace.Session) *trace.Event {
	e := c.scratch(from)
	clearRest(e)
	c.stamp(e, trace.Line, from)
	if e.Line != text {
		e.Line = text
	}
	setTag(&e.Tag, tag)
	if e.Session != sess {
		e.Session = sess
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
	if len(c.outRaw[from]) > 0 {
		c.Flush(from) // records and lines never share a segment
	}
	n := uint32(len(text) + 2)
	if c.w.tracesLine(c.proto, tag) {
		e := c.lineEvent(from, text, &tag, sess)
		e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from), Len: n, Cont: len(c.out[from]) > c.unsent[from]}
		c.w.emit(e)
	}
	c.sent[from] += n
	if c.out[from] == nil {
		c.out[from] = make([]string, 0, 8)
	}
	c.out[from] = append(c.out[from], text)
}

// Message writes the bytes of one binary message into the segment side is
// sending and records it: lines are how the trace shows it (the first
// carries the bytes as its Payload), tags say what each line is.
func (c *Conn) Message(from Side, wire []byte, lines []string, tags []trace.Tag) {
	if c.closed[from] {
		return
	}
	for i, l := range lines {
		if !c.w.tracesLine(c.proto, tags[i]) {
			if i == 0 {
				c.sent[from] += uint32(len(wire))
			}
			continue
		}
		e := c.lineEvent(from, l, &tags[i], nil)
		e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from), Cont: i > 0 || len(c.outRaw[from]) > 0}
		if i == 0 {
			e.Payload = wire
			e.TCP.Len = uint32(len(wire))
		}
		c.w.emit(e)
		if i == 0 {
			c.sent[from] += uint32(len(wire))
		}
	}
	c.outRaw[from] = append(c.outRaw[from], wire...)
}

// Record writes one TLS record into the segment side is sending and
// records it as a Record event: the bytes on the wire, hdr what their
// header says. Flush sends the segment.
func (c *Conn) Record(from Side, rec []byte, hdr trace.TLSRecord) {
	if c.closed[from] {
		return
	}
	if len(c.out[from]) > c.unsent[from] {
		c.Flush(from)
	}
	c.traceRecord(from, rec, hdr, len(c.outRaw[from]) > 0)
	c.sent[from] += uint32(len(rec))
	c.outRaw[from] = append(c.outRaw[from], rec...)
}

// traceRecord emits the Record event of a record side sends (or, for a
// real client, sent).
func (c *Conn) traceRecord(from Side, rec []byte, hdr trace.TLSRecord, cont bool) {
	if !c.w.traces(trace.Record) {
		return
	}
	e := c.event(trace.Record, from)
	e.TLS = hdr
	e.Payload = rec
	e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from), Len: uint32(len(rec)), Cont: cont}
	c.w.emit(e)
}

// Inner records a line side sent inside TLS: the dialogue as the two ends
// see it, marked encrypted, with no segment of its own (the records that
// carry it follow it in the trace). It writes nothing to the wire.
func (c *Conn) Inner(from Side, text string, tag trace.Tag, sess *trace.Session) {
	if c.closed[from] || !c.w.tracesLine(c.proto, tag) {
		return
	}
	tag.Encrypted = true
	c.w.emit(c.lineEvent(from, text, &tag, sess))
}

// Flush sends what side has written since the last Flush as one segment:
// the other end receives it one latency from now.
func (c *Conn) Flush(from Side) {
	n := len(c.out[from]) - c.unsent[from]
	if n == 0 && len(c.outRaw[from]) == 0 {
		return
	}
	c.unsent[from] = len(c.out[from])
	var raw string
	if len(c.outRaw[from]) > 0 {
		raw = string(c.outRaw[from])
		c.outRaw[from] = c.outRaw[from][:0]
	}
	c.flying[from]++
	c.w.schedule(task{at: addTime(c.w.now, c.w.opts.Latency), conn: c, op: opDeliver, from: from, n: n, raw: raw})
}

// arrive delivers the next segment that side from sent: its n lines, then
// raw.
func (c *Conn) arrive(from Side, n int, raw string) {
	to := from.other()
	h := c.head[from]
	d := Data{Lines: c.out[from][h : h+n : h+n], Raw: raw}
	c.head[from] = h + n
	c.flying[from]--
	c.rcvd[to] += uint32(d.Len())
	if c.peer[to] != nil {
		c.peer[to].Receive(c, d)
	}
	// The lines are the reader's until Receive returns; then their places
	// are free. When every line written has arrived, the next start at
	// the front again; a side that never stops sending has its lines moved
	// there now and then.
	switch o := c.out[from]; {
	case c.head[from] == len(o):
		c.used[from] = max(c.used[from], len(o))
		c.out[from], c.head[from], c.unsent[from] = o[:0], 0, 0
	case c.head[from] >= 256:
		c.used[from] = max(c.used[from], len(o))
		h := c.head[from]
		k := copy(o, o[h:])
		clear(o[k:])
		c.out[from], c.head[from], c.unsent[from] = o[:k], 0, c.unsent[from]-h
	}
}

// reset makes c a new connection of its world, keeping the room it has
// for lines (with no references left in it): a pooled connection is
// reused for another conversation.
func (c *Conn) reset() {
	out := c.out
	for i, o := range out {
		clear(o[:max(c.used[i], len(o))])
		out[i] = o[:0]
	}
	*c = Conn{w: c.w, out: out}
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
	e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from)}
	c.w.emit(e)
	c.closed[from] = true
	if c.flying[from] == 0 {
		c.finArrives(from)
	} else {
		c.w.schedule(task{at: addTime(c.w.now, c.w.opts.Latency), conn: c, op: opFIN, from: from})
	}
}

// finArrives tells the other end that side from closed.
func (c *Conn) finArrives(from Side) {
	if p := c.peer[from.other()]; p != nil {
		p.Closed(c)
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
	srv := w.listener(dst, port)
	c := w.newConnValue()
	c.id, c.proto, c.client, c.server = w.newConn(), srv.proto, src.endpoint(src.ephemeral()), dst.endpoint(port)
	c.isn = [2]uint32{isn(c.id, 0), isn(c.id, 1)}
	c.peer[ClientSide] = d
	_, c.pooled = d.(reusable)
	blocked, rule := w.filter(src, dst, port)
	c.dial = dialing{d: d, srv: srv, blocked: blocked, rule: rule}
	c.syn(0)
	if c.dial.blocked == nil && !dst.Down {
		w.schedule(task{at: addTime(w.now, w.opts.Latency), conn: c, op: opAnswer})
		return
	}
	// Nothing answers: the client sends the SYN again on its
	// retransmission timer until the connect timer runs out (Postfix's
	// smtp_connect_timeout).
	for try, at := range synRetries {
		if at >= w.ConnectTimeout {
			break
		}
		w.schedule(task{at: addTime(w.now, at), conn: c, op: opSYN, n: try + 1})
	}
	w.schedule(task{at: addTime(w.now, w.ConnectTimeout), conn: c, op: opTimeout})
}

// dialing is what a connection being opened remembers until the handshake
// is over.
type dialing struct {
	d       Dialer
	srv     service    // the service that accepts it (or RST)
	blocked *Network   // the network whose router drops the SYN
	rule    trace.Rule // and the rule it applies
}

// Steps of a connection the scheduler runs, without a closure each.
const (
	opDeliver = iota // a segment arrives
	opSYN            // the client (re)sends its SYN; n counts retransmissions
	opDrop           // a router drops SYN number n
	opAnswer         // the server end answers the SYN: SYN-ACK or RST
	opACK            // the client's ACK completes the handshake
	opTimeout        // the connect timer runs out
	opClose          // the server closes after its last reply
	opFIN            // the FIN of side from reaches the other end
)

// step runs one scheduled step of c.
func (c *Conn) step(t *task) {
	w := c.w
	switch t.op {
	case opDeliver:
		c.arrive(t.from, t.n, t.raw)
	case opSYN:
		c.syn(t.n)
	case opDrop:
		w.drop(c, c.dial.blocked, c.dial.rule, t.n)
	case opAnswer:
		if !c.dial.srv.listening() {
			e := c.event(trace.Refused, ServerSide)
			e.TCP = trace.Segment{Ack: c.isn[ClientSide] + 1}
			e.Text = i18n.M(msgRST, itoa(int(c.server.Port)))
			w.emit(e)
			d := c.dial.d
			c.dial = dialing{}
			d.Failed(Refused, nil)
			return
		}
		if w.traces(trace.Accept) {
			e := c.event(trace.Accept, ServerSide)
			e.TCP = trace.Segment{Seq: c.isn[ServerSide], Ack: c.isn[ClientSide] + 1}
			w.emit(e)
		}
		w.schedule(task{at: addTime(w.now, w.opts.Latency), conn: c, op: opACK})
	case opACK:
		if w.traces(trace.Ack) {
			e := c.event(trace.Ack, ClientSide)
			e.TCP = trace.Segment{Seq: c.nextSeq(ClientSide), Ack: c.ack(ClientSide)}
			w.emit(e)
		}
		// The server's greeting leaves as the handshake completes.
		dl := c.dial
		c.dial = dialing{}
		c.peer[ServerSide] = dl.srv.open(w, c)
		dl.d.Connected(c)
	case opTimeout:
		e := c.event(trace.Timeout, ClientSide)
		e.Text = i18n.M(msgTimeout, itoa(int(w.ConnectTimeout.Seconds())))
		w.emit(e)
		dl := c.dial
		c.dial = dialing{}
		if dl.blocked != nil {
			dl.d.Failed(Blocked, dl.blocked)
		} else {
			dl.d.Failed(Unreachable, nil)
		}
	case opFIN:
		c.finArrives(t.from)
	case opClose:
		c.Close(t.from)
		if p, ok := c.peer[t.from].(interface{ closedOwn() }); ok {
			p.closedOwn()
		}
	}
}

// syn sends the client's SYN, try counting retransmissions.
func (c *Conn) syn(try int) {
	e := c.event(trace.Connect, ClientSide)
	e.TCP = trace.Segment{Seq: c.isn[ClientSide], Try: uint8(try)}
	c.w.emit(e)
	if c.dial.blocked != nil {
		c.w.schedule(task{at: addTime(c.w.now, c.w.opts.Latency/2), conn: c, op: opDrop, n: try})
	}
}

// closeAfter closes side's end one latency from now: a server that sent its
// last reply lets the client read it, then closes.
func (c *Conn) closeAfter(side Side) {
	c.w.schedule(task{at: addTime(c.w.now, c.w.opts.Latency), conn: c, op: opClose, from: side})
}

// drop records a router dropping the SYN of c under rule.
func (w *World) drop(c *Conn, n *Network, rule trace.Rule, try int) {
	e := c.event(trace.Drop, ClientSide)
	e.Router = n.Router
	e.Rule = rule
	e.TCP = trace.Segment{Seq: c.isn[ClientSide], Try: uint8(try)}
	switch {
	case try > 0 && rule == trace.IP25B:
		e.Text = i18n.M(msgDropAgainIP25B, n.Router)
	case try > 0:
		e.Text = i18n.M(msgDropAgain, n.Router)
	case rule == trace.IP25B:
		from := ""
		if src := w.byName[c.client.Host]; src != nil && src.Network != nil {
			from = src.Network.Name
		}
		e.Text = i18n.M(msgDropIP25B, n.Router, from, n.Name)
	default:
		e.Text = i18n.M(msgDropOP25B, n.Router, n.Name)
	}
	w.emit(e)
}

// isn is a connection side's initial sequence number: fixed by the
// connection number, so that traces repeat, and spread over the space as
// real ones are (RFC 9293 3.4.1).
func isn(conn, side int) uint32 {
	return uint32(conn)*0x9E3779B1 + uint32(side)*0x7F4A7C15
}
