// Package trace is the event model of a mailsim run: every TCP handshake,
// protocol line, DNS query, router drop, delivery and narration that the
// engine produces, in order, with its virtual time. Views (the plain
// transcript, the animated player, exports) read a trace and never reach into
// the engine; stepping backwards is moving a cursor in a []Event.
package trace

import (
	"net/netip"
	"slices"
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
	Accept  // SYN-ACK from the server
	Ack     // the client's ACK that completes the three-way handshake (RFC 9293 3.5)
	Refused // RST: nothing listens on Dst's port
	Drop    // a router dropped the SYN (Router and Rule say which rule of which router, Text says why)
	Timeout // the client gave up waiting for an answer
	Close   // the connection was closed (FIN), Src is the side that closed
	// Protocol dialogue.
	Line // one protocol line: Proto, Dir, Line and Tag say what it was (Tag.Encrypted: inside TLS, not on the wire as such)
	// Mail handling inside a host, shown as notes between the dialogue.
	Deliver // a message was put into a mailbox (Src.Host is the server, Line the mailbox address)
	Queue   // an MTA queued a message for relay or retry (Line is the recipient list)
	Bounce  // an MTA generated a non-delivery report (Line is the address it goes to)
	Note    // anything else worth saying in the transcript (Text)
	// Checking.
	Expect // an expectation of the current step was checked: OK, and Line describes it
	// TLS, as it would look on the wire.
	Record // one TLS record (RFC 8446 5.1): TLS says its type and length, Payload holds its bytes
)

var kindNames = [...]string{
	Step: "step", Narration: "say", Connect: "connect", Accept: "accept", Ack: "ack", Refused: "refused",
	Drop: "drop", Timeout: "timeout", Close: "close", Line: "line", Deliver: "deliver",
	Queue: "queue", Bounce: "bounce", Note: "note", Expect: "expect", Record: "tls",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Proto is the protocol an event belongs to. The TCP events of a
// connection (SYN, SYN-ACK, ACK, RST, FIN, drops, timeouts) carry the
// protocol of the service it is for, known from the listener, not guessed
// from the port; TCP when nothing listens there.
type Proto uint8

// Protocols.
const (
	NoProto Proto = iota
	TCP
	SMTP
	POP3
	DNS
	IMAP
)

var protoNames = [...]string{NoProto: "", TCP: "TCP", SMTP: "SMTP", POP3: "POP3", DNS: "DNS", IMAP: "IMAP"}

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

// LineKind says what a protocol line is, so that views never guess it from
// the text.
type LineKind uint8

// Kinds of protocol line.
const (
	OtherLine   LineKind = iota
	Command              // a client command; Tag.Verb names it
	MessageText          // SMTP: a line of message text after 354, the final "." included
	AuthData             // SMTP: a client line answering a 334 AUTH challenge
	Reply                // SMTP: a reply line; Tag.Code (and Enhanced) say which
	StatusLine           // POP3: a status line; Tag.Status says +OK or -ERR
	Body                 // POP3: a line of a multi-line response, the final "." included
	Query                // DNS: the question of a query
	Answer               // DNS: a line of the answer (header or record)
	Tagged               // IMAP: a tagged response completing a command; Tag.Cond says OK, NO or BAD
	Untagged             // IMAP: an untagged response ("* ..."); Tag.Cond for a status, Tag.Verb names data (EXISTS, FETCH)
	ContinueReq          // IMAP: a continuation request ("+ ...")
)

var lineKindNames = [...]string{
	OtherLine: "other", Command: "command", MessageText: "text", AuthData: "auth-data",
	Reply: "reply", StatusLine: "status", Body: "body", Query: "query", Answer: "answer",
	Tagged: "tagged", Untagged: "untagged", ContinueReq: "continue",
}

func (k LineKind) String() string {
	if int(k) < len(lineKindNames) {
		return lineKindNames[k]
	}
	return "linekind(" + strconv.Itoa(int(k)) + ")"
}

// Status is a POP3 status indicator (RFC 1939 3).
type Status uint8

// POP3 status indicators.
const (
	NoStatus Status = iota
	OK              // +OK
	Err             // -ERR
)

// String is the indicator as it is on the wire: "+OK", "-ERR", or "".
func (s Status) String() string {
	switch s {
	case OK:
		return "+OK"
	case Err:
		return "-ERR"
	}
	return ""
}

// Cond is the condition of an IMAP status response (RFC 9051 7.1).
type Cond uint8

// IMAP conditions.
const (
	NoCond      Cond = iota
	CondOK           // OK: success, or information
	CondNO           // NO: the command failed
	CondBAD          // BAD: the command was not understood or not allowed now
	CondBYE          // BYE: the server is closing the connection
	CondPREAUTH      // PREAUTH: a greeting for a session already authenticated
)

var condNames = [...]string{NoCond: "", CondOK: "OK", CondNO: "NO", CondBAD: "BAD", CondBYE: "BYE", CondPREAUTH: "PREAUTH"}

// String is the condition as it is on the wire: "OK", "NO", ..., or "".
func (c Cond) String() string {
	if int(c) < len(condNames) {
		return condNames[c]
	}
	return ""
}

// ParseCond returns the condition an upper-case word names, or NoCond.
func ParseCond(s string) Cond {
	for i, n := range condNames {
		if n != "" && n == s {
			return Cond(i)
		}
	}
	return NoCond
}

// Tag is the machine-readable meaning of a Line event, used by the explainer
// and by expectations. Only the fields that apply are set.
type Tag struct {
	Kind     LineKind
	Verb     string // command verb in upper case (EHLO, MAIL, RETR, UID FETCH), for Command lines; IMAP untagged data: its name (EXISTS)
	Code     int    // SMTP reply code (250, 554)
	Enhanced string // RFC 3463 enhanced status code ("5.7.1")
	Status   Status // POP3 status indicator, on a status line
	Cond     Cond   // IMAP condition of a tagged or untagged status response
	Query    string // DNS: query type and name ("MX example.jp"); set on the question and on each answer line
	RCode    string // DNS: response code (NOERROR, NXDOMAIN) on the answer's header line
	Empty    bool   // DNS: the answer has no record of the type asked for
	Last     bool   // the last line of a multi-line reply or response (always true for single lines)
	// Encrypted marks a line sent inside TLS: the dialogue as the two ends
	// see it, while the wire carries only the Record events after it. Such a
	// line has no TCP segment of its own (TCP.Len is 0).
	Encrypted bool
}

// ContentType is a TLS record's content type (RFC 8446 5.1, B.1).
type ContentType uint8

// TLS record content types.
const (
	ChangeCipherSpec ContentType = 20
	Alert            ContentType = 21
	Handshake        ContentType = 22
	ApplicationData  ContentType = 23
)

func (t ContentType) String() string {
	switch t {
	case ChangeCipherSpec:
		return "ChangeCipherSpec"
	case Alert:
		return "Alert"
	case Handshake:
		return "Handshake"
	case ApplicationData:
		return "Application Data"
	}
	return "content(" + strconv.Itoa(int(t)) + ")"
}

// TLSRecord is the header of one TLS record as it is on the wire. In TLS
// 1.3 every record after the ServerHello is encrypted and says it is
// Application Data (RFC 8446 5.2): only the ClientHello and ServerHello (and
// a compatibility ChangeCipherSpec) show what they are.
type TLSRecord struct {
	Type    ContentType
	Version uint16 // legacy_record_version: 0x0301 or 0x0303
	Length  int    // the fragment's length, without the 5-byte header
	// HandshakeType is the type of the first handshake message of a
	// plaintext Handshake record (1 ClientHello, 2 ServerHello), 0 otherwise.
	HandshakeType uint8
	// HelloVersion is, on a ClientHello, the highest version it offers and,
	// on a ServerHello, the version the server chose (RFC 8446 4.2.1:
	// 0x0304 for TLS 1.3, while the record header says 0x0303); 0 otherwise.
	HelloVersion uint16
}

// String describes the record as a transcript shows it: "Handshake
// (ClientHello) 1.3, 258 bytes", "Application Data, 37 bytes". The
// length is the fragment's, as Wireshark shows it.
func (r TLSRecord) String() string {
	b := make([]byte, 0, 48)
	b = append(b, r.Type.String()...)
	if name := HandshakeName(r.HandshakeType); r.Type == Handshake && name != "" {
		b = append(append(append(b, " ("...), name...), ')')
	}
	if v := VersionName(r.HelloVersion); v != "" {
		b = append(append(b, ' '), v...)
	}
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(r.Length), 10)
	if r.Length == 1 {
		return string(append(b, " byte"...))
	}
	b = append(b, " bytes"...)
	return string(b)
}

// EncryptedMark is what views put before a line sent inside TLS.
const EncryptedMark = "[TLS] "

// HandshakeName names a handshake message type (RFC 8446 4), "" if unknown.
func HandshakeName(t uint8) string {
	switch t {
	case 1:
		return "ClientHello"
	case 2:
		return "ServerHello"
	case 4:
		return "NewSessionTicket"
	case 8:
		return "EncryptedExtensions"
	case 11:
		return "Certificate"
	case 15:
		return "CertificateVerify"
	case 20:
		return "Finished"
	}
	return ""
}

// VersionName names a TLS protocol version: "1.3" for 0x0304.
func VersionName(v uint16) string {
	if v >= 0x0301 && v <= 0x0304 {
		return "1." + strconv.Itoa(int(v-0x0301))
	}
	return ""
}

// Rule names the filter rule that dropped a packet.
type Rule uint8

// Filter rules.
const (
	NoRule Rule = iota
	OP25B       // Outbound Port 25 Blocking: TCP/25 leaving a dynamic network
	IP25B       // Inbound Port 25 Blocking: TCP/25 from another ISP's dynamic network, at the receiving network
)

func (r Rule) String() string {
	switch r {
	case OP25B:
		return "OP25B"
	case IP25B:
		return "IP25B"
	}
	return ""
}

// Segment is the TCP header of the packet an event travelled in: enough
// to write a capture file from the trace alone.
type Segment struct {
	Seq, Ack uint32 // sequence number of the event's first payload byte (or of the SYN/FIN); acknowledgement number
	Len      uint32 // payload bytes this event carries: Line and its CRLF, or Payload
	// Cont marks a line written in the same segment as the event before it
	// on the same connection and direction (a multi-line reply, a message
	// text sent in one go); the first event of a segment has Cont false.
	Cont bool
	// Try counts retransmissions of a SYN: 0 for the first, 1 for the first
	// retransmission (RFC 6298 5, RFC 9293 3.8.1).
	Try uint8
}

// Session is the state of a server session after a reply, as the server
// core states it: what a view shows as "where the conversation stands",
// without reconstructing the protocol. Snapshots are shared between events
// and never modified after they are emitted.
type Session struct {
	State string // the core's state name: "MAIL", "TRANSACTION"

	// SMTP (RFC 5321, 3207, 4954). (The flags sit together, here and
	// below, so that a snapshot fits in 256 bytes.)
	Helo     string
	AuthUser string   // authenticated identity, "" if none
	From     string   // its reverse-path, "" for <>
	Rcpts    []string // forward-paths accepted so far
	Rejected []string // forward-paths refused, "<addr> 550"
	Accepted int      // messages the server took responsibility for in this session
	TLS      bool
	InMail   bool // a transaction is open (MAIL FROM accepted)

	// POP3 (RFC 1939).
	LoggedIn  bool
	User      string // the user given or logged in
	Messages  int    // messages in the maildrop snapshot
	Octets    int    // their size
	Retrieved []int  // message numbers retrieved
	Marked    []int  // message numbers marked deleted (removed only at UPDATE)
	Deleted   int    // messages removed at UPDATE

	// IMAP (RFC 9051) uses User, LoggedIn, Messages (the messages the
	// client knows of, as EXISTS said), Marked (flagged \Deleted, removed
	// at EXPUNGE or CLOSE) and Deleted (messages this session expunged).
	Mailbox string // the selected mailbox, "" if none
	Seen    []int  // message numbers flagged \Seen
}

// Event is one thing that happened in the virtual world.
type Event struct {
	Seq   int           // position in the trace, from 0
	At    time.Duration // virtual time since the scenario began
	Step  int           // index of the scenario step that caused it, from 0
	Conn  int           // connection number (0 for events outside a connection)
	Kind  Kind
	Proto Proto
	Dir   Dir
	Src   Endpoint // the sender of a line or SYN; for Deliver/Queue/Bounce/Note the host that acted
	Dst   Endpoint // the receiver
	Line  string   // the exact protocol line without CRLF, or the subject of a note
	Tag   Tag
	TCP   Segment // for TCP events and lines carried over TCP
	// Payload holds the exact bytes on the wire when they are not Line
	// followed by CRLF: a DNS message (on the question, and on the first
	// line of the answer; over TCP with its two-octet length in front,
	// and TCP set), a TLS record, or a line that ended otherwise.
	Payload []byte
	// TLS is the header of a Record event.
	TLS TLSRecord
	// Session is the server's session state after a reply, on the last
	// line of every SMTP reply and POP3 response.
	Session *Session
	Router  string   // for Drop: the router that dropped the packet
	Rule    Rule     // for Drop: the rule that fired
	Text    i18n.Msg // narration, or an explanation of a note or a drop, rendered by the view
	OK      bool     // for Expect: whether the expectation was met
}

// Sink receives events as the engine produces them.
type Sink interface {
	Emit(e *Event)
}

// Recorder is a Sink that keeps every event in order.
type Recorder struct {
	Events []Event
}

// Emit appends a copy of e. The slice doubles when full: append alone grows
// a large slice by about a quarter, copying (and write-barriering) a long
// trace of pointer-holding events many times over.
func (r *Recorder) Emit(e *Event) {
	if len(r.Events) == cap(r.Events) {
		r.Events = slices.Grow(r.Events, max(len(r.Events), 256))
	}
	r.Events = append(r.Events, *e)
}

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
