package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// SchemaName and SchemaVersion head every JSON Lines export.
const (
	SchemaName    = "mailsim-trace"
	SchemaVersion = 1
)

type jsonHeader struct {
	Schema   string        `json:"schema"`
	Version  int           `json:"version"`
	Scenario string        `json:"scenario"`
	Title    i18n.Text     `json:"title"`
	Exams    []string      `json:"exams,omitempty"`
	Start    string        `json:"start"`
	Hosts    []jsonHost    `json:"hosts"`
	Networks []jsonNetwork `json:"networks,omitempty"`
	Steps    []i18n.Text   `json:"steps"`
}

type jsonHost struct {
	Name    string   `json:"name"`
	IP      string   `json:"ip"`
	Network string   `json:"network,omitempty"`
	Roles   []string `json:"roles,omitempty"`
}

type jsonNetwork struct {
	Name    string      `json:"name"`
	CIDR    string      `json:"cidr"`
	Dynamic bool        `json:"dynamic,omitempty"`
	Router  string      `json:"router,omitempty"`
	Filters []i18n.Text `json:"filters,omitempty"`
}

type jsonEvent struct {
	Seq     int           `json:"seq"`
	AtNS    int64         `json:"at_ns"`
	Time    string        `json:"time"`
	Step    int           `json:"step"`
	Kind    string        `json:"kind"`
	Conn    int           `json:"conn,omitempty"`
	Proto   string        `json:"proto,omitempty"`
	Dir     string        `json:"dir,omitempty"`
	Src     *jsonEndpoint `json:"src,omitempty"`
	Dst     *jsonEndpoint `json:"dst,omitempty"`
	Line    *string       `json:"line,omitempty"`
	Tag     *jsonTag      `json:"tag,omitempty"`
	TCP     *jsonSegment  `json:"tcp,omitempty"`
	Payload []byte        `json:"payload,omitempty"`
	Session *jsonSession  `json:"session,omitempty"`
	Router  string        `json:"router,omitempty"`
	Rule    string        `json:"rule,omitempty"`
	Text    *jsonText     `json:"text,omitempty"`
	OK      *bool         `json:"ok,omitempty"`
}

type jsonEndpoint struct {
	Host string `json:"host"`
	IP   string `json:"ip,omitempty"`
	Port uint16 `json:"port,omitempty"`
}

type jsonTag struct {
	Kind     string `json:"kind"`
	Verb     string `json:"verb,omitempty"`
	Code     int    `json:"code,omitempty"`
	Enhanced string `json:"enhanced,omitempty"`
	Status   string `json:"status,omitempty"`
	Cond     string `json:"cond,omitempty"`
	Query    string `json:"query,omitempty"`
	RCode    string `json:"rcode,omitempty"`
	Empty    bool   `json:"empty,omitempty"`
	Last     bool   `json:"last,omitempty"`
}

type jsonSegment struct {
	Seq  uint32 `json:"seq"`
	Ack  uint32 `json:"ack"`
	Len  uint32 `json:"len,omitempty"`
	Cont bool   `json:"cont,omitempty"`
	Try  uint8  `json:"try,omitempty"`
}

type jsonSession struct {
	State     string   `json:"state,omitempty"`
	Helo      string   `json:"helo,omitempty"`
	TLS       bool     `json:"tls,omitempty"`
	AuthUser  string   `json:"auth_user,omitempty"`
	InMail    bool     `json:"in_mail,omitempty"`
	From      string   `json:"from,omitempty"`
	Rcpts     []string `json:"rcpts,omitempty"`
	Rejected  []string `json:"rejected,omitempty"`
	Accepted  int      `json:"accepted,omitempty"`
	User      string   `json:"user,omitempty"`
	LoggedIn  bool     `json:"logged_in,omitempty"`
	Messages  int      `json:"messages,omitempty"`
	Octets    int      `json:"octets,omitempty"`
	Retrieved []int    `json:"retrieved,omitempty"`
	Marked    []int    `json:"marked,omitempty"`
	Deleted   int      `json:"deleted,omitempty"`
}

type jsonText struct {
	ID string `json:"id,omitempty"`
	EN string `json:"en"`
	JA string `json:"ja"`
}

// JSON writes in's trace as JSON Lines, schema "mailsim-trace" version 1.
// It carries both languages, so in.Lang does not change it.
//
// The file is UTF-8, one JSON object per line, each line ending in "\n".
// The first line describes the run; every later line is one trace event, in
// the order the engine produced them. Fields whose value is the zero value
// (0, "", false, empty list) are left out unless said otherwise; a reader
// treats a missing field as its zero value. A reader checks "schema" and
// "version": a new field may appear in the same version, a field changes
// meaning or disappears only in a new version.
//
// First line:
//
//	schema    "mailsim-trace"
//	version   1
//	scenario  scenario id ("op25b")
//	title     {"en": ..., "ja": ...}
//	exams     exams the scenario prepares for (["FE", "AP"])
//	start     calendar time of virtual time 0, RFC 3339 ("2026-04-01T09:00:00+09:00")
//	hosts     [{"name", "ip", "network", "roles": ["smtp:25", "pop3:110", "dns:53"]}]
//	networks  [{"name", "cidr", "dynamic", "router", "filters": [{"en", "ja"}]}]
//	steps     [{"en", "ja"}]: each step's one-line summary, step 0 first
//
// Event lines:
//
//	seq      position in the trace, from 0 (always present)
//	at_ns    virtual time since the start, in nanoseconds (always present)
//	time     the same as HH:MM:SS.mmm, as transcripts print it (always present)
//	step     index of the scenario step, from 0 (always present)
//	kind     step, say, connect, accept, ack, refused, drop, timeout, close,
//	         line, deliver, queue, bounce, note, expect (always present)
//	conn     connection number; DNS exchanges count as connections too
//	proto    SMTP, POP3, IMAP or DNS: the protocol of a line, and on TCP events
//	         (connect ... close) the protocol of the service the connection
//	         is for; TCP when no service is known
//	dir      "c2s" (from the side that opened the connection) or "s2c"
//	src, dst {"host", "ip", "port"}: for a line or a SYN the sender and the
//	         receiver; for deliver, queue, bounce and note src is the host that acted
//	line     kind line: the protocol line without CRLF (present even when
//	         empty: an empty line of message text); kind step: the step's
//	         kind (say, send, fetch, talk, wait, configure); deliver, queue,
//	         bounce: the address or recipients the note is about
//	tag      kind line: what the line is: {"kind": command | text | auth-data |
//	         reply | status | body | query | answer | tagged | untagged |
//	         continue | other, "verb": "RCPT", "code": 554, "enhanced": "5.7.1",
//	         "status": "+OK" | "-ERR", "cond": IMAP "OK" | "NO" | "BAD" | ...,
//	         "query": "MX example.jp", "rcode": "NXDOMAIN", "empty": true,
//	         "last": true}
//	tcp      the TCP header the event travelled in: {"seq", "ack", "len",
//	         "cont", "try"}; cont: the line shares the segment of the line
//	         before it in the same direction; try: retransmission number of a SYN
//	payload  the bytes on the wire when they are not line+CRLF (a DNS message),
//	         base64 (RFC 4648 section 4)
//	session  after the last line of a server reply, the server's session
//	         state: {"state", "helo", "tls", "auth_user", "in_mail", "from",
//	         "rcpts", "rejected", "accepted", "user", "logged_in", "messages",
//	         "octets", "retrieved", "marked", "deleted"}
//	router, rule  kind drop: the router and the filter rule ("OP25B")
//	text     the event's sentence in both languages: {"id", "en", "ja"}; id
//	         names the catalogue entry ("relay.no-mx"), absent for text a
//	         scenario file wrote
//	ok       kind expect: whether the expectation was met (always present on expect)
func JSON(w io.Writer, in *Input) error {
	enc := json.NewEncoder(w)
	// Lines of a transcript hold < and > (MAIL FROM:<a@b>): keep them
	// readable rather than \u003c.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonHead(in)); err != nil {
		return err
	}
	for i := range in.Events {
		if err := enc.Encode(jsonOf(&in.Events[i])); err != nil {
			return err
		}
	}
	return nil
}

func jsonHead(in *Input) jsonHeader {
	h := jsonHeader{Schema: SchemaName, Version: SchemaVersion, Start: in.Start.Format(time.RFC3339Nano)}
	t := in.Topology
	if t == nil {
		return h
	}
	h.Scenario, h.Title, h.Exams, h.Steps = t.ID, t.Title, t.Exams, t.Steps
	for _, ho := range t.Hosts {
		h.Hosts = append(h.Hosts, jsonHost{Name: ho.Name, IP: addrString(ho.IP.String(), ho.IP.IsValid()), Network: ho.Network, Roles: ho.Roles})
	}
	for _, n := range t.Networks {
		h.Networks = append(h.Networks, jsonNetwork{Name: n.Name, CIDR: addrString(n.CIDR.String(), n.CIDR.IsValid()),
			Dynamic: n.Dynamic, Router: n.Router, Filters: n.Filters})
	}
	return h
}

func addrString(s string, valid bool) string {
	if !valid {
		return ""
	}
	return s
}

func jsonOf(e *trace.Event) jsonEvent {
	j := jsonEvent{
		Seq: e.Seq, AtNS: int64(e.At), Time: trace.FormatTime(e.At), Step: e.Step,
		Kind: e.Kind.String(), Conn: e.Conn, Proto: e.Proto.String(),
		Src: endpoint(e.Src), Dst: endpoint(e.Dst),
		Payload: e.Payload, Router: e.Router, Rule: e.Rule.String(),
	}
	switch e.Dir {
	case trace.ClientToServer:
		j.Dir = "c2s"
	case trace.ServerToClient:
		j.Dir = "s2c"
	}
	if e.Kind == trace.Line || e.Line != "" {
		line := e.Line
		j.Line = &line
	}
	if e.Kind == trace.Line {
		t := e.Tag
		j.Tag = &jsonTag{Kind: t.Kind.String(), Verb: t.Verb, Code: t.Code, Enhanced: t.Enhanced,
			Status: t.Status.String(), Cond: t.Cond.String(), Query: t.Query, RCode: t.RCode, Empty: t.Empty, Last: t.Last}
	}
	if s := e.TCP; s != (trace.Segment{}) {
		j.TCP = &jsonSegment{Seq: s.Seq, Ack: s.Ack, Len: s.Len, Cont: s.Cont, Try: s.Try}
	}
	if s := e.Session; s != nil {
		j.Session = &jsonSession{State: s.State, Helo: s.Helo, TLS: s.TLS, AuthUser: s.AuthUser, InMail: s.InMail,
			From: s.From, Rcpts: s.Rcpts, Rejected: s.Rejected, Accepted: s.Accepted, User: s.User,
			LoggedIn: s.LoggedIn, Messages: s.Messages, Octets: s.Octets, Retrieved: s.Retrieved,
			Marked: s.Marked, Deleted: s.Deleted}
	}
	if !e.Text.IsZero() {
		both := e.Text.Both()
		j.Text = &jsonText{ID: e.Text.ID(), EN: both.EN, JA: both.JA}
	}
	if e.Kind == trace.Expect {
		ok := e.OK
		j.OK = &ok
	}
	return j
}

func endpoint(ep trace.Endpoint) *jsonEndpoint {
	if ep == (trace.Endpoint{}) {
		return nil
	}
	return &jsonEndpoint{Host: ep.Host, IP: addrString(ep.IP.String(), ep.IP.IsValid()), Port: ep.Port}
}
