package sim

import (
	"strconv"

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
	return [...]i18n.Text{
		i18n.T("connected", "接続した"), i18n.T("blocked", "遮断された"),
		i18n.T("refused", "接続を拒否された"), i18n.T("unreachable", "到達できない"),
	}[o]
}

// conn is one TCP connection between two hosts, for emitting its lines.
type conn struct {
	w      *World
	id     int
	proto  trace.Proto
	client trace.Endpoint
	server trace.Endpoint
}

// dial opens a TCP connection from src to dst:port, emitting the handshake
// the way it would look on the wire. On failure it returns the outcome and,
// for Blocked, the network whose router dropped the SYN.
func (w *World) dial(src, dst *Host, port uint16, proto trace.Proto, listening bool) (*conn, Outcome, *Network) {
	c := &conn{w: w, id: w.newConn(), proto: proto, client: src.endpoint(src.ephemeral()), server: dst.endpoint(port)}
	e := w.event(trace.Connect)
	c.fill(e, trace.ClientToServer)
	e.Proto = trace.TCP
	w.emit(e)

	if n := w.filter(src, dst, port); n != nil {
		w.advance(w.opts.Latency / 2)
		e := w.event(trace.Drop)
		c.fill(e, trace.ClientToServer)
		e.Proto = trace.TCP
		e.Router = n.Router
		e.Text = i18n.Literal(i18n.T(
			"SYN dropped by "+n.Router+" (OP25B: TCP/25 from the dynamic network "+n.Name+" to another network's server)",
			"SYNを"+n.Router+"が破棄(OP25B: 動的IPのネットワーク"+n.Name+"から外部のサーバへのTCP/25は通さない)"))
		w.emit(e)
		w.timeout(c)
		return nil, Blocked, n
	}
	if dst.Down {
		w.timeout(c)
		return nil, Unreachable, nil
	}
	w.advance(w.opts.Latency)
	if !listening {
		e := w.event(trace.Refused)
		c.fill(e, trace.ServerToClient)
		e.Proto = trace.TCP
		e.Text = i18n.Literal(i18n.T(
			"RST: connection refused (nothing listens on port "+strconv.Itoa(int(port))+")",
			"RST: 接続拒否(ポート"+strconv.Itoa(int(port))+"で待ち受けているサーバがない)"))
		w.emit(e)
		return nil, Refused, nil
	}
	e = w.event(trace.Accept)
	c.fill(e, trace.ServerToClient)
	e.Proto = trace.TCP
	w.emit(e)
	w.advance(w.opts.Latency)
	return c, Connected, nil
}

// timeout lets the client's connect timer run out.
func (w *World) timeout(c *conn) {
	w.advance(w.ConnectTimeout)
	e := w.event(trace.Timeout)
	c.fill(e, trace.ClientToServer)
	e.Proto = trace.TCP
	secs := strconv.Itoa(int(w.ConnectTimeout.Seconds()))
	e.Text = i18n.Literal(i18n.T(
		"no answer: connection timed out after "+secs+"s",
		"応答なし: "+secs+"秒で接続タイムアウト"))
	w.emit(e)
}

// fill sets the connection fields of e for a packet in direction dir.
func (c *conn) fill(e *trace.Event, dir trace.Dir) {
	e.Conn = c.id
	e.Proto = c.proto
	e.Dir = dir
	if dir == trace.ServerToClient {
		e.Src, e.Dst = c.server, c.client
	} else {
		e.Src, e.Dst = c.client, c.server
	}
}

// line emits one protocol line. It does not advance the clock: a batch of
// lines (a multi-line reply, a message body) leaves in one go.
func (c *conn) line(dir trace.Dir, text string, tag trace.Tag, sess *trace.Session) {
	e := c.w.event(trace.Line)
	c.fill(e, dir)
	e.Line = text
	e.Tag = tag
	e.Session = sess
	c.w.emit(e)
}

// close ends the connection; by says which side sends the FIN.
func (c *conn) close(by trace.Dir) {
	e := c.w.event(trace.Close)
	c.fill(e, by)
	e.Proto = trace.TCP
	c.w.emit(e)
}

// hop lets one packet's worth of time pass.
func (c *conn) hop() { c.w.advance(c.w.opts.Latency) }
