package player

import (
	"github.com/mailsim/mailsim/sim/trace"
)

// Phase is where a connection stands at the TCP level, as its Connect,
// Accept, Ack, Drop, Refused, Timeout and Close events say.
type Phase uint8

// Connection phases, in the order a connection goes through them.
const (
	NoTCP      Phase = iota // no TCP event: a DNS exchange over UDP
	Connecting              // SYN sent, no answer yet
	Open                    // SYN-ACK received (and the client's ACK, once traced)
	Blocked                 // a router dropped the SYN
	Refused                 // RST: nothing listens on the port
	TimedOut                // the client gave up
	Closed                  // FIN
)

// Connection is one connection as the trace states it up to some event: its
// two ends, its TCP phase, the server core's latest statement of its session
// state, and for DNS the questions and answers. Nothing here is inferred from
// the text of protocol lines: the state is the server's own snapshot
// (trace.Session), never a second state machine.
type Connection struct {
	Conn           int
	Proto          trace.Proto
	Client, Server trace.Endpoint
	Phase          Phase
	Router         string     // the router that dropped the SYN, when Blocked
	Rule           trace.Rule // the rule that fired, when Blocked
	// Session is the server's session state after its latest reply; nil
	// before the first one.
	Session     *trace.Session
	LastCommand string // the last command line the client sent
	LastReply   string // the first line of the server's latest reply or response
	DNS         []DNSExchange

	replyOpen bool // the server's latest line was not the last of its reply
}

// DNSExchange is one DNS question and its answer, from the lines' tags
// (RFC 1035 4.1).
type DNSExchange struct {
	Query    string   // type and name asked for ("MX example.jp")
	RCode    string   // the answer's response code, "" until it arrives
	Answered bool     // an answer line arrived
	Empty    bool     // the answer has no record of the type asked for
	Lines    []string // the answer's lines: its records, in presentation format
}

// Connections returns every connection of events (Conn != 0) in the order
// they were opened, as the events state them.
func Connections(events []trace.Event) []Connection {
	var cs []Connection
	index := map[int]int{}
	for i := range events {
		e := &events[i]
		if e.Conn == 0 {
			continue
		}
		k, ok := index[e.Conn]
		if !ok {
			cs = append(cs, newConnection(e))
			k = len(cs) - 1
			index[e.Conn] = k
		}
		cs[k].apply(e)
	}
	return cs
}

// ConnectionOf returns connection conn as events state it.
func ConnectionOf(events []trace.Event, conn int) (Connection, bool) {
	var c Connection
	found := false
	for i := range events {
		e := &events[i]
		if e.Conn != conn || conn == 0 {
			continue
		}
		if !found {
			c, found = newConnection(e), true
		}
		c.apply(e)
	}
	return c, found
}

// newConnection starts a connection at its first event, usually the SYN,
// which carries the protocol of the service the connection is for.
func newConnection(e *trace.Event) Connection {
	c := Connection{Conn: e.Conn, Proto: e.Proto}
	if client, server, ok := ends(e); ok {
		c.Client, c.Server = client, server
	}
	if c.Proto == trace.NoProto {
		c.Proto = trace.TCP
	}
	return c
}

func (c *Connection) apply(e *trace.Event) {
	switch e.Kind {
	case trace.Connect:
		c.Phase = Connecting
	case trace.Accept, trace.Ack:
		c.Phase = Open
	case trace.Drop:
		c.Phase, c.Router, c.Rule = Blocked, e.Router, e.Rule
	case trace.Refused:
		c.Phase = Refused
	case trace.Timeout:
		if c.Phase != Blocked { // a dropped SYN times out too; the drop is the lesson
			c.Phase = TimedOut
		}
	case trace.Close:
		c.Phase = Closed
	case trace.Line:
		if e.Proto != trace.NoProto && e.Proto != trace.TCP {
			c.Proto = e.Proto
		}
		c.line(e)
	}
}

func (c *Connection) line(e *trace.Event) {
	switch e.Tag.Kind {
	case trace.Command:
		c.LastCommand = e.Line
	case trace.Query:
		c.DNS = append(c.DNS, DNSExchange{Query: e.Tag.Query})
	case trace.Answer:
		c.answer(e)
	}
	if e.Dir != trace.ServerToClient {
		return
	}
	if !c.replyOpen {
		c.LastReply = e.Line
	}
	c.replyOpen = !e.Tag.Last
	if e.Session != nil {
		c.Session = e.Session
	}
}

// answer adds a line of a DNS answer to the question it answers: the
// latest one asking the same, or a new entry when the question was not
// traced.
func (c *Connection) answer(e *trace.Event) {
	k := len(c.DNS) - 1
	for ; k >= 0; k-- {
		if c.DNS[k].Query == e.Tag.Query {
			break
		}
	}
	if k < 0 {
		c.DNS = append(c.DNS, DNSExchange{Query: e.Tag.Query})
		k = len(c.DNS) - 1
	}
	x := &c.DNS[k]
	x.Answered = true
	if e.Tag.RCode != "" {
		x.RCode = e.Tag.RCode
	}
	x.Empty = x.Empty || e.Tag.Empty
	x.Lines = append(x.Lines, e.Line)
}
