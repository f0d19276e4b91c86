package player

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// Phase is where a connection stands at the TCP level.
type Phase uint8

// Connection phases, in the order a connection goes through them.
const (
	Connecting Phase = iota // SYN sent, no answer yet
	Open                    // SYN-ACK received
	Blocked                 // a router dropped the SYN
	Refused                 // RST: nothing listens on the port
	TimedOut                // the client gave up
	Closed                  // FIN
)

// Session is one connection's state, reconstructed from the trace alone:
// what the server said its state was after each reply, and what the
// command/reply pairs so far have established.
type Session struct {
	Conn           int
	Proto          trace.Proto
	Client, Server trace.Endpoint
	Phase          Phase
	Router         string // the router that dropped the SYN, when Blocked
	State          string // the server's state after its last reply, as the trace records it
	LastCommand    string // the last command line the client sent
	LastReply      string // the first line of the server's last reply

	// SMTP (RFC 5321, RFC 3207, RFC 4954).
	Helo     string   // the name given in HELO/EHLO, once accepted
	TLS      bool     // STARTTLS accepted
	Auth     bool     // AUTH accepted (235)
	MailFrom string   // the reverse-path (envelope From) of the open transaction
	Rcpts    []string // forward-paths accepted in the open transaction
	Rejected []string // forward-paths refused, with the reply code ("<x@y> 550")
	InData   bool     // between 354 and the reply to the final "."
	Accepted int      // messages the server took responsibility for (250 after ".")

	// POP3 (RFC 1939).
	User      string
	LoggedIn  bool
	Messages  int // from STAT: messages in the maildrop
	Octets    int // from STAT: their size
	HaveStat  bool
	Retrieved []int
	Deleted   []int // marked by DELE; removed only when QUIT ends TRANSACTION
	Updated   bool  // QUIT in TRANSACTION: the marked messages are gone

	pending     string // verb of the command awaiting its reply
	pendingLine string
	inReply     bool // inside a multi-line reply
}

// Sessions reconstructs every connection of events (Conn != 0), in the order
// they were opened.
func Sessions(events []trace.Event) []Session {
	var ss []Session
	index := map[int]int{}
	for i := range events {
		e := &events[i]
		if e.Conn == 0 {
			continue
		}
		k, ok := index[e.Conn]
		if !ok {
			ss = append(ss, newSession(e))
			k = len(ss) - 1
			index[e.Conn] = k
		}
		ss[k].apply(e)
	}
	return ss
}

// SessionOf reconstructs connection conn from events.
func SessionOf(events []trace.Event, conn int) (Session, bool) {
	var s Session
	found := false
	for i := range events {
		e := &events[i]
		if e.Conn != conn || conn == 0 {
			continue
		}
		if !found {
			s, found = newSession(e), true
		}
		s.apply(e)
	}
	return s, found
}

// newSession starts a session at its first event, usually the SYN; until a
// protocol line says otherwise the protocol is the one of the server's port.
func newSession(e *trace.Event) Session {
	s := Session{Conn: e.Conn, Proto: e.Proto}
	if c, srv, ok := ends(e); ok {
		s.Client, s.Server = c, srv
	}
	if s.Proto == trace.NoProto || s.Proto == trace.TCP {
		s.Proto = protoOfPort(s.Server.Port)
	}
	return s
}

func (s *Session) apply(e *trace.Event) {
	switch e.Kind {
	case trace.Connect:
		s.Phase = Connecting
	case trace.Accept:
		s.Phase = Open
	case trace.Drop:
		s.Phase, s.Router = Blocked, e.Router
	case trace.Refused:
		s.Phase = Refused
	case trace.Timeout:
		if s.Phase != Blocked { // a dropped SYN times out too; the drop is the lesson
			s.Phase = TimedOut
		}
	case trace.Close:
		s.Phase = Closed
	case trace.Line:
		if e.Proto != trace.NoProto && e.Proto != trace.TCP {
			s.Proto = e.Proto
		}
		if e.Dir == trace.ClientToServer {
			s.command(e)
		} else {
			s.reply(e)
		}
	}
}

func (s *Session) command(e *trace.Event) {
	verb := e.Tag.Verb
	if verb == "" {
		verb = strings.ToUpper(firstField(e.Line))
	}
	switch {
	case e.Tag.Kind == trace.MessageText:
		// The reply that follows the text is the reply to its final ".".
		s.pending, s.pendingLine = "DATA-END", ""
		return
	case e.Tag.Kind == trace.AuthData:
		s.pending = "AUTH"
		return
	}
	s.pending, s.pendingLine = verb, e.Line
	s.LastCommand = e.Line
}

func (s *Session) reply(e *trace.Event) {
	if e.Session != nil {
		s.State = e.Session.State
	}
	if s.Proto == trace.POP3 {
		if e.Tag.Status == trace.NoStatus {
			return // a line of a multi-line response
		}
		s.LastReply = e.Line
		s.pop3(e.Tag.Status == trace.OK)
		s.pending = ""
		return
	}
	if s.Proto != trace.SMTP {
		return
	}
	code := e.Tag.Code
	if code == 0 {
		code = transcript.ReplyCode(e.Line)
	}
	if !s.inReply {
		s.LastReply = e.Line
	}
	s.inReply = !e.Tag.Last
	if s.inReply {
		return
	}
	s.smtp(code)
	s.pending = ""
}

// smtp applies the reply code to the command it answers.
func (s *Session) smtp(code int) {
	ok := code >= 200 && code < 300
	switch s.pending {
	case "EHLO", "HELO":
		if ok {
			// RFC 5321 4.1.4: EHLO also resets the mail transaction.
			s.Helo = argAfterVerb(s.pendingLine)
			s.reset()
		}
	case "STARTTLS":
		if code == 220 {
			// RFC 3207 4.2: the server forgets what the client said before TLS.
			s.TLS, s.Helo = true, ""
			s.reset()
		}
	case "AUTH":
		if code == 235 {
			s.Auth = true // RFC 4954 6
		}
	case "MAIL":
		if ok {
			s.MailFrom = path(s.pendingLine)
		}
	case "RCPT":
		if ok {
			s.Rcpts = append(s.Rcpts, path(s.pendingLine))
		} else if code >= 400 {
			s.Rejected = append(s.Rejected, path(s.pendingLine)+" "+strconv.Itoa(code))
		}
	case "DATA":
		s.InData = code == 354
	case "DATA-END":
		s.InData = false
		if ok {
			// RFC 5321 4.2.5: a 2yz after "." moves responsibility to the server.
			s.Accepted++
			s.reset()
		}
	case "RSET":
		if ok {
			s.reset()
		}
	}
}

func (s *Session) reset() { s.MailFrom, s.Rcpts, s.Rejected, s.InData = "", nil, nil, false }

// pop3 applies a +OK or -ERR to the command it answers.
func (s *Session) pop3(ok bool) {
	if !ok {
		return
	}
	arg := argAfterVerb(s.pendingLine)
	switch s.pending {
	case "USER":
		s.User = arg
	case "PASS":
		s.LoggedIn = true
	case "APOP":
		s.User, s.LoggedIn = firstField(arg), true
	case "STAT":
		// RFC 1939 5: "+OK nn mm", messages and octets.
		f := strings.Fields(s.LastReply)
		if len(f) >= 3 {
			n, err1 := strconv.Atoi(f[1])
			o, err2 := strconv.Atoi(f[2])
			if err1 == nil && err2 == nil {
				s.Messages, s.Octets, s.HaveStat = n, o, true
			}
		}
	case "RETR":
		if n, err := strconv.Atoi(firstField(arg)); err == nil {
			s.Retrieved = addInt(s.Retrieved, n)
		}
	case "DELE":
		if n, err := strconv.Atoi(firstField(arg)); err == nil {
			s.Deleted = addInt(s.Deleted, n)
		}
	case "RSET":
		s.Deleted = nil // RFC 1939 5: RSET unmarks every message
	case "QUIT":
		// RFC 1939 6: deletion happens only when QUIT ends the
		// TRANSACTION state (the UPDATE state).
		if s.LoggedIn {
			s.Updated = true
		}
	}
}

func addInt(list []int, n int) []int {
	for _, v := range list {
		if v == n {
			return list
		}
	}
	return append(list, n)
}

// firstField is the first space-separated word of s.
func firstField(s string) string {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// argAfterVerb is what follows a command's verb.
func argAfterVerb(line string) string {
	line = strings.TrimLeft(line, " ")
	if i := strings.IndexByte(line, ' '); i >= 0 {
		return strings.TrimSpace(line[i+1:])
	}
	return ""
}

// path extracts the path of "MAIL FROM:<a@b> SIZE=1" or "RCPT TO:<b@c>":
// the text in angle brackets after the colon (RFC 5321 4.1.2), or the first
// word there when the client left the brackets out.
func path(line string) string {
	i := strings.IndexByte(line, ':')
	if i < 0 {
		return argAfterVerb(line)
	}
	rest := strings.TrimLeft(line[i+1:], " ")
	if strings.HasPrefix(rest, "<") {
		if j := strings.IndexByte(rest, '>'); j >= 0 {
			return rest[:j+1]
		}
	}
	return firstField(rest)
}
