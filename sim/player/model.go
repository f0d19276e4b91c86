package player

import (
	"github.com/mailsim/mailsim/sim/trace"
)

// Model is a cursor over a trace. The events are grouped into beats, the
// units a teacher steps through: one protocol line, one multi-line reply
// (EHLO's 250- lines, a POP3 listing), one block of message text, a step's
// heading with its narration, or a step's expectations. Moving the cursor is
// all that back and jump do: nothing is re-run.
//
// A Model keeps the slice it was given; the caller must not change it.
// Methods are not safe for concurrent use.
type Model struct {
	topo   *trace.Topology
	events []trace.Event
	starts []int // starts[b] is the first event of beat b; starts[len] == len(events)
	exch   []int // exch[b] is the first beat of the exchange beat b belongs to
	steps  int   // number of scenario steps
	pos    int   // number of beats shown, 0..Len()
	hops   []Hop
	hopOf  []int32     // hopOf[b] is the hop beat b belongs to, -1 if none
	hopAt  map[int]int // first event of a hop that changes ends -> its hop

	transcript map[string]*transcriptText // by language, built on first use
	wrapped    map[string]*transcriptRows // by language and width
}

// NewModel groups events into beats. topo may be nil.
func NewModel(topo *trace.Topology, events []trace.Event) *Model {
	if topo == nil {
		topo = &trace.Topology{}
	}
	m := &Model{topo: topo, events: events, steps: len(topo.Steps)}
	for i := range events {
		if i == 0 || !continues(&events[i-1], &events[i]) {
			m.starts = append(m.starts, i)
		}
		if s := events[i].Step + 1; s > m.steps {
			m.steps = s
		}
	}
	m.starts = append(m.starts, len(events))
	m.exch = make([]int, m.Len())
	var pair exchangeKey
	conns := map[int]exchangeKey{}
	for b := range m.exch {
		e := &events[m.starts[b]]
		k, ok := keyOf(e, conns)
		switch {
		case b == 0, e.Kind == trace.Step, e.Kind == trace.Connect, ok && k != pair:
			m.exch[b] = b
		default:
			m.exch[b] = m.exch[b-1]
		}
		if e.Kind == trace.Step {
			pair = exchangeKey{}
		}
		if ok {
			pair = k
		}
	}
	m.buildHops()
	return m
}

// continues reports whether next belongs to the same beat as prev.
func continues(prev, next *trace.Event) bool {
	switch {
	case prev.Kind == trace.Step || prev.Kind == trace.Narration:
		// A "say" step is its heading and its narration.
		return next.Kind == trace.Narration && next.Step == prev.Step
	case prev.Kind == trace.Expect:
		return next.Kind == trace.Expect && next.Step == prev.Step
	case next.Kind == trace.Record:
		// The records that carry what was just said inside TLS, and the
		// records of one flight (a segment), are shown with it.
		return prev.Conn == next.Conn && prev.Dir == next.Dir &&
			(prev.Kind == trace.Line && prev.Tag.Encrypted || prev.Kind == trace.Record && next.TCP.Cont)
	case prev.Kind != trace.Line || next.Kind != trace.Line:
		return false
	case prev.Conn != next.Conn || prev.Proto != next.Proto || prev.Dir != next.Dir ||
		prev.Src != next.Src || prev.Dst != next.Dst:
		return false
	case !prev.Tag.Last:
		// RFC 5321 4.2.1: "250-" lines continue a reply; RFC 1939 3: a
		// multi-line POP3 response runs to its "." line.
		return true
	}
	// RFC 5321 4.5.2: the message text is one block sent after 354.
	return prev.Tag.Kind == trace.MessageText && next.Tag.Kind == trace.MessageText
}

// exchangeKey identifies who talks to whom: a connection, or for
// connectionless DNS the querying host and the server it asks.
type exchangeKey struct {
	conn   int
	proto  trace.Proto
	client string
	server trace.Endpoint
}

// keyOf returns the exchange an event belongs to, if it has two ends. An
// event of a connection already seen belongs to that connection's exchange
// whichever way it travels; conns remembers them.
func keyOf(e *trace.Event, conns map[int]exchangeKey) (exchangeKey, bool) {
	if e.Conn != 0 {
		if k, ok := conns[e.Conn]; ok {
			return k, true
		}
	}
	client, server, ok := ends(e)
	if !ok {
		return exchangeKey{}, false
	}
	k := exchangeKey{conn: e.Conn, client: client.Host, server: server}
	if e.Conn != 0 {
		conns[e.Conn] = k
	} else {
		k.proto = e.Proto
	}
	return k, true
}

// ends returns the client and server sides of an event that travels
// between two hosts.
func ends(e *trace.Event) (client, server trace.Endpoint, ok bool) {
	switch e.Kind {
	case trace.Connect, trace.Ack, trace.Drop, trace.Timeout, trace.Close:
		return e.Src, e.Dst, e.Src.Host != "" && e.Dst.Host != ""
	case trace.Accept, trace.Refused:
		// The SYN-ACK or RST comes back from the server.
		if e.Dir == trace.ClientToServer {
			return e.Src, e.Dst, e.Src.Host != "" && e.Dst.Host != ""
		}
		return e.Dst, e.Src, e.Src.Host != "" && e.Dst.Host != ""
	case trace.Line, trace.Record:
		if e.Dir == trace.ServerToClient {
			return e.Dst, e.Src, e.Src.Host != "" && e.Dst.Host != ""
		}
		return e.Src, e.Dst, e.Src.Host != "" && e.Dst.Host != ""
	}
	return trace.Endpoint{}, trace.Endpoint{}, false
}

// Events returns the whole trace.
func (m *Model) Events() []trace.Event { return m.events }

// Len is the number of beats.
func (m *Model) Len() int { return len(m.starts) - 1 }

// Pos is the number of beats shown: 0 before the first, Len() at the end.
func (m *Model) Pos() int { return m.pos }

// Seek shows the first pos beats, clamped to 0..Len().
func (m *Model) Seek(pos int) { m.pos = min(max(pos, 0), m.Len()) }

// Next shows one more beat; false at the end.
func (m *Model) Next() bool {
	if m.pos >= m.Len() {
		return false
	}
	m.pos++
	return true
}

// Back hides the last beat shown; false at the start.
func (m *Model) Back() bool {
	if m.pos == 0 {
		return false
	}
	m.pos--
	return true
}

// AtEnd reports whether every beat is shown.
func (m *Model) AtEnd() bool { return m.pos >= m.Len() }

// Steps is the number of scenario steps.
func (m *Model) Steps() int { return m.steps }

// Step is the 1-based number of the step the current beat belongs to, 0
// before the first beat.
func (m *Model) Step() int {
	if m.pos == 0 {
		return 0
	}
	return m.events[m.starts[m.pos-1]].Step + 1
}

// JumpStep shows everything before step n (1-based) and the step's first
// beat (its heading); false if no beat belongs to step n.
func (m *Model) JumpStep(n int) bool {
	for b := 0; b < m.Len(); b++ {
		if m.events[m.starts[b]].Step == n-1 {
			m.pos = b + 1
			return true
		}
	}
	return false
}

// LastStep returns the number (from 1) of the last step that has a beat, 0
// for an empty trace.
func (m *Model) LastStep() int {
	if m.Len() == 0 {
		return 0
	}
	return m.events[m.starts[m.Len()-1]].Step + 1
}

// Beat returns the events of beat b (0-based), nil if out of range.
func (m *Model) Beat(b int) []trace.Event {
	if b < 0 || b >= m.Len() {
		return nil
	}
	return m.events[m.starts[b]:m.starts[b+1]]
}

// Current returns the events of the last beat shown, nil before the first.
func (m *Model) Current() []trace.Event { return m.Beat(m.pos - 1) }

// Visible returns the events shown so far, the current beat included.
func (m *Model) Visible() []trace.Event { return m.events[:m.starts[m.pos]] }

// visibleEnd is the index after the last visible event.
func (m *Model) visibleEnd() int { return m.starts[m.pos] }

// exchangeStart is the index of the first event of the current exchange.
func (m *Model) exchangeStart() int {
	if m.pos == 0 {
		return 0
	}
	return m.starts[m.exch[m.pos-1]]
}
