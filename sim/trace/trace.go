// Package trace is the event model of a mailsim run: every TCP handshake,
// protocol line, DNS query, router drop, delivery and narration that the
// engine produces, in order, with its virtual time. Views (the plain
// transcript, the animated player, exports) read a trace and never reach into
// the engine; stepping backwards is moving a cursor in a []Event.
package trace

import (
	"net/netip"
	"strconv"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
)

// Kind says what an event is.
type Kind uint8

// The kinds of event, in roughly the order a connection produces them.
const (
	// Scenario structure.
	Step      Kind = iota + 1 // a scenario step begins; Text is its one-line summary, Line its kind (say, send, ...)
	Narration                 // a "say" step: Text is the narration
	// TCP, as it would look on the wire.
	Connect // SYN from Src to Dst
	Accept  // SYN-ACK: the connection is established
	Refused // RST: nothing listens on Dst's port
	Drop    // a router dropped the SYN (Router names it, Text says why)
	Timeout // the client gave up waiting for an answer
	Close   // the connection was closed (FIN), Src is the side that closed
	// Protocol dialogue.
	Line // one protocol line: Proto, Dir, Line and Tag say what it was
	// Mail handling inside a host, shown as notes between the dialogue.
	Deliver // a message was put into a mailbox (Src.Host is the server, Line the mailbox address)
	Queue   // an MTA queued a message for relay or retry (Line is the recipient list)
	Bounce  // an MTA generated a non-delivery report (Line is the address it goes to)
	Note    // anything else worth saying in the transcript (Text)
	// Checking.
	Expect // an expectation of the current step was checked: OK, and Line describes it
)

var kindNames = [...]string{
	Step: "step", Narration: "say", Connect: "connect", Accept: "accept", Refused: "refused",
	Drop: "drop", Timeout: "timeout", Close: "close", Line: "line", Deliver: "deliver",
	Queue: "queue", Bounce: "bounce", Note: "note", Expect: "expect",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Proto is the protocol an event belongs to.
type Proto uint8

// Protocols.
const (
	NoProto Proto = iota
	TCP
	SMTP
	POP3
	DNS
)

var protoNames = [...]string{NoProto: "", TCP: "TCP", SMTP: "SMTP", POP3: "POP3", DNS: "DNS"}

func (p Proto) String() string {
	if int(p) < len(protoNames) {
		return protoNames[p]
	}
	return "proto(" + strconv.Itoa(int(p)) + ")"
}

// Dir is the direction of a protocol line.
type Dir uint8

// Directions. A line sent by the side that opened the connection is
// ClientToServer.
const (
	NoDir Dir = iota
	ClientToServer
	ServerToClient
)

// Endpoint is one end of a connection: a host in the virtual world, its IP
// address and the TCP or UDP port.
type Endpoint struct {
	Host string
	IP   netip.Addr
	Port uint16
}

// String renders the endpoint as host:port (host alone for port 0).
func (e Endpoint) String() string {
	if e.Port == 0 {
		return e.Host
	}
	return e.Host + ":" + strconv.Itoa(int(e.Port))
}

// Tag is the machine-readable meaning of a Line event, used by the explainer
// and by expectations. Only the fields that apply are set.
type Tag struct {
	Verb     string // command verb in upper case: EHLO, MAIL, RETR; "DATA-LINE" for message text, "AUTH-DATA" for an AUTH response line
	Code     int    // SMTP reply code (250, 554)
	Enhanced string // RFC 3463 enhanced status code ("5.7.1")
	Status   string // POP3 status indicator: "+OK" or "-ERR"; "" for continuation lines of a multi-line response
	Query    string // DNS: query type and name ("MX example.jp"); set on the question and on each answer line
	RCode    string // DNS: response code (NOERROR, NXDOMAIN) on the answer's header line
	Last     bool   // the last line of a multi-line reply or response (always true for single lines)
}

// Event is one thing that happened in the virtual world.
type Event struct {
	Seq    int           // position in the trace, from 0
	At     time.Duration // virtual time since the scenario began
	Step   int           // index of the scenario step that caused it, from 0
	Conn   int           // connection number (0 for events outside a connection)
	Kind   Kind
	Proto  Proto
	Dir    Dir
	Src    Endpoint // the sender of a line or SYN; for Deliver/Queue/Bounce/Note the host that acted
	Dst    Endpoint // the receiver
	Line   string   // the exact protocol line without CRLF, or the subject of a note
	Tag    Tag
	State  string    // the server session's state after this line (SMTP: "MAIL", POP3: "TRANSACTION"), on server replies
	Router string    // for Drop: the router that dropped the packet
	Text   i18n.Text // narration, or a bilingual explanation of a note or a drop
	OK     bool      // for Expect: whether the expectation was met
}

// Sink receives events as the engine produces them.
type Sink interface {
	Emit(e *Event)
}

// Recorder is a Sink that keeps every event in order.
type Recorder struct {
	Events []Event
}

// Emit appends a copy of e.
func (r *Recorder) Emit(e *Event) { r.Events = append(r.Events, *e) }

// Discard is a Sink that drops every event (for benchmarks that measure the
// engine alone).
var Discard Sink = discard{}

type discard struct{}

func (discard) Emit(*Event) {}

// Tee returns a Sink that hands every event to each of sinks in order.
func Tee(sinks ...Sink) Sink { return tee(sinks) }

type tee []Sink

func (t tee) Emit(e *Event) {
	for _, s := range t {
		s.Emit(e)
	}
}

// FormatTime renders a virtual time as HH:MM:SS.mmm, the format of every
// transcript.
func FormatTime(d time.Duration) string {
	ms := d.Milliseconds()
	h := ms / 3_600_000
	m := ms / 60_000 % 60
	s := ms / 1000 % 60
	ms %= 1000
	b := make([]byte, 0, 12)
	b = appendPad(b, h, 2)
	b = append(b, ':')
	b = appendPad(b, m, 2)
	b = append(b, ':')
	b = appendPad(b, s, 2)
	b = append(b, '.')
	b = appendPad(b, ms, 3)
	return string(b)
}

func appendPad(b []byte, v int64, width int) []byte {
	s := strconv.FormatInt(v, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
