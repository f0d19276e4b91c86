package explain

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/trace"
)

// pastedLine matches a line of `mailsim run`'s transcript: the virtual time,
// the route ("client:port -> server:port", "client:port <- server:port", or
// the acting host alone for notes) and the content, as sim/transcript writes
// them.
var pastedLine = regexp.MustCompile(`^\d{2,}:\d{2}:\d{2}(?:\.\d+)?\s+(\S+)(?:\s+(->|<-)\s+(\S+))?\s+(\S.*)$`)

// parsePasted reads a transcript line back into the event it shows, with the
// tags the engine would have set that the line itself carries (an SMTP
// reply's code, enhanced code and continuation mark; a POP3 status), so
// that it is explained as the player's explain pane explains that event.
func parsePasted(q string) (*trace.Event, bool) {
	m := pastedLine.FindStringSubmatch(q)
	if m == nil {
		return nil, false
	}
	left, arrow, right, content := m[1], m[2], m[3], m[4]
	e := &trace.Event{}
	if arrow == "" {
		// A note from one host: delivery, queueing, bounces.
		e.Src = endpoint(left)
		e.Kind, e.Line = noteKind(content), content
		return e, true
	}
	client, server := endpoint(left), endpoint(right)
	if arrow == "->" {
		e.Dir, e.Src, e.Dst = trace.ClientToServer, client, server
	} else {
		e.Dir, e.Src, e.Dst = trace.ServerToClient, server, client
	}
	proto, rest, _ := strings.Cut(content, " ")
	rest = strings.TrimLeft(rest, " ")
	// A line sent inside TLS is explained as the line it is.
	if r, ok := strings.CutPrefix(rest, trace.EncryptedMark); ok && proto != "TLS" {
		rest = r
		e.Tag.Encrypted = true
	}
	switch proto {
	case "SMTP":
		e.Kind, e.Proto, e.Line = trace.Line, trace.SMTP, rest
		if e.Dir == trace.ServerToClient {
			if code, enh, last, ok := parseReply(rest); ok {
				e.Tag = trace.Tag{Kind: trace.Reply, Code: code, Enhanced: enh, Last: last}
			}
		}
	case "POP3":
		e.Kind, e.Proto, e.Line = trace.Line, trace.POP3, rest
		if e.Dir == trace.ServerToClient {
			switch firstWord(rest) {
			case keyOK:
				e.Tag = trace.Tag{Kind: trace.StatusLine, Status: trace.OK, Last: true}
			case keyERR:
				e.Tag = trace.Tag{Kind: trace.StatusLine, Status: trace.Err, Last: true}
			}
		}
	case "IMAP":
		e.Kind, e.Proto, e.Line = trace.Line, trace.IMAP, rest
		if e.Dir == trace.ServerToClient {
			e.Tag = imapTag(rest)
		}
	case "DNS":
		e.Kind, e.Proto, e.Line = trace.Line, trace.DNS, rest
	case "TCP":
		e.Proto, e.Line = trace.TCP, rest
		e.Kind = tcpKind(rest)
	case "TLS":
		e.Kind = trace.Record
		switch {
		case strings.HasPrefix(rest, "Handshake (ClientHello)"):
			e.TLS.HandshakeType = 1
		case strings.HasPrefix(rest, "Handshake (ServerHello)"):
			e.TLS.HandshakeType = 2
		}
	default:
		return nil, false
	}
	return e, true
}

// endpoint reads "host:port" (or a bare host).
func endpoint(s string) trace.Endpoint {
	host, port, ok := strings.Cut(s, ":")
	if !ok {
		return trace.Endpoint{Host: s}
	}
	p, _ := strconv.ParseUint(port, 10, 16)
	return trace.Endpoint{Host: host, Port: uint16(p)}
}

// tcpKind tells the TCP events apart by what the transcript prints for
// them in either language.
func tcpKind(s string) trace.Kind {
	switch {
	case s == "SYN", strings.HasPrefix(s, "SYN ("), strings.HasPrefix(s, "SYN("): // "SYN (retransmission 2)", "SYN(再送2回目)"
		return trace.Connect
	case s == "SYN-ACK":
		return trace.Accept
	case s == "ACK":
		return trace.Ack
	case s == "FIN":
		return trace.Close
	case containsAny(s, "timed out", "タイムアウト", "no answer", "応答なし"):
		return trace.Timeout
	case containsAny(s, "refused", "RST", "拒否"):
		return trace.Refused
	case containsAny(s, "dropped", "OP25B", "blocked", "遮断", "破棄"):
		return trace.Drop
	}
	return trace.Note
}

// noteKind tells an MTA's notes apart: queued or deferred, delivered,
// bounced.
func noteKind(s string) trace.Kind {
	switch {
	case strings.HasPrefix(s, "delivered"), strings.Contains(s, "メールボックスに格納"):
		return trace.Deliver
	case strings.HasPrefix(s, "bounce"), strings.Contains(s, "バウンスメール"):
		return trace.Bounce
	case containsAny(s, "queued", "deferred", "キューに", "延期", "再送"):
		return trace.Queue
	}
	return trace.Note
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// pastedEntries explains a pasted transcript line the way the player's
// explain pane explains its event (ForReply, with no command known), and
// says a little more where a line alone can: a continuation line of a
// reply still has a code, and a drop that names OP25B gets the OP25B entry.
func pastedEntries(e *trace.Event) []Entry {
	es := ForView(e, "")
	if len(es) == 0 && e.Kind == trace.Line && e.Proto == trace.SMTP && e.Dir == trace.ServerToClient {
		if code, _, _, ok := parseReply(e.Line); ok {
			return at(codePos(code)) // "250-PIPELINING" continues a 250 reply
		}
	}
	if len(es) == 0 && e.Kind == trace.Line && e.Proto == trace.SMTP && e.Dir == trace.ClientToServer {
		if _, ok := decodeBase64(e.Line); ok && !strings.Contains(e.Line, " ") {
			// The engine tags a line answering a 334 challenge AUTH-DATA.
			return at(lookupIn(idx.smtpVerb, verbAuthData))
		}
	}
	if e.Kind == trace.Drop && strings.Contains(e.Line, "IP25B") {
		return append(at(pos(keyTermIP25B)), es...)
	}
	if e.Kind == trace.Drop && strings.Contains(e.Line, "OP25B") {
		return append(at(pos(keyTermOP25B)), es...)
	}
	return es
}

// imapTag reads the tags of an IMAP server line back from the line, as the
// engine sets them: a continuation request, an untagged or tagged response
// with its condition, or untagged data with its name. A line inside a
// literal cannot be told from a response by itself; one that is not a
// response gets no condition and no name, and nothing explains it.
func imapTag(line string) trace.Tag {
	tag, text, _ := strings.Cut(line, " ")
	r := imap.Response{Tag: tag, Text: text}
	switch {
	case tag == "+":
		return trace.Tag{Kind: trace.ContinueReq}
	case tag == "*":
		t := trace.Tag{Kind: trace.Untagged, Cond: trace.ParseCond(r.Cond())}
		if t.Cond == trace.NoCond {
			t.Verb = r.Name()
		}
		return t
	}
	return trace.Tag{Kind: trace.Tagged, Cond: trace.ParseCond(r.Cond())}
}
