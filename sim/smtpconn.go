package sim

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// SMTPResult is what one SMTP client session achieved.
type SMTPResult struct {
	Outcome   Outcome
	BlockedBy *Network // for Blocked
	Replies   []int    // the code of every reply the client received, in order
	Client    smtp.ClientResult
}

// smtpSession connects src to dst:port and runs job through an SMTP client
// core against the server core of that port, emitting every line.
func (w *World) smtpSession(src, dst *Host, port uint16, job smtp.Job) SMTPResult {
	svc := dst.smtpService(port)
	c, out, blk := w.dial(src, dst, port, trace.SMTP, svc != nil || dst.pop3Service(port) != nil)
	if out != Connected {
		return SMTPResult{Outcome: out, BlockedBy: blk}
	}
	if svc == nil {
		// Something else listens there (POP3): the connection was made, but
		// the greeting is not SMTP, so the client hangs up having sent
		// nothing; a relay retries later.
		c.close(trace.ClientToServer)
		return SMTPResult{Outcome: Connected}
	}
	srv := smtp.NewServer(&svc.Config, smtp.Peer{IP: src.IP, Name: src.Name})
	cl := smtp.NewClient(job)
	res := SMTPResult{Outcome: Connected}
	reply := srv.Greeting()
	w.emitReply(c, reply, srv.State())
	res.Replies = append(res.Replies, reply.Code)
	c.hop()
	closed := false
	for !closed {
		lines := cl.Next(reply)
		if len(lines) == 0 {
			break
		}
		var got smtp.Reply
		for _, l := range lines {
			r := w.smtpExchange(c, srv, dst, svc, l)
			if r.Reply.Code == 0 {
				continue
			}
			got = r.Reply
			res.Replies = append(res.Replies, got.Code)
			if r.Close {
				closed = true
				break
			}
		}
		c.hop()
		if got.Code == 0 {
			break // the server never answered: nothing more the client can do
		}
		reply = got
	}
	if closed {
		// The client sees the reply the server closed with: 221 ends a
		// session that QUIT, a 421 is the failure of the transaction. What
		// the client would send next has no connection to go over.
		cl.Next(reply)
		c.close(trace.ServerToClient)
	} else {
		c.close(trace.ClientToServer)
	}
	res.Client = cl.Result()
	return res
}

// smtpExchange hands one client line to the server core and emits both,
// the line and the reply it got if any; a message the server accepted is
// delivered or queued for relay.
func (w *World) smtpExchange(c *conn, srv *smtp.Server, dst *Host, svc *SMTPService, line string) smtp.Result {
	c.line(trace.ClientToServer, line, clientTag(srv, line), nil)
	r := srv.Handle(line)
	if r.Reply.Code != 0 {
		c.hop()
		w.emitReply(c, r.Reply, srv.State())
		if r.Message != nil {
			w.accept(dst, svc, r.Message)
		}
	}
	return r
}

// emitReply emits every line of an SMTP reply.
func (w *World) emitReply(c *conn, r smtp.Reply, st smtp.State) {
	n := r.NumLines()
	for i := 0; i < n; i++ {
		var sess *trace.Session
		if i == n-1 {
			sess = &trace.Session{State: st.String()}
		}
		c.line(trace.ServerToClient, r.Line(i), trace.Tag{Kind: trace.Reply, Code: r.Code, Enhanced: r.Enhanced, Last: i == n-1}, sess)
	}
}

// clientTag tags a client line about to be handed to srv: the core's own
// tag (a verb, DATA-LINE or AUTH-DATA), or for a command the core does not
// know, its first word, so the trace still says what was sent.
func clientTag(srv *smtp.Server, line string) trace.Tag {
	switch v := srv.LineVerb(line); v {
	case smtp.TagDataLine:
		return trace.Tag{Kind: trace.MessageText, Last: true}
	case smtp.TagAuthData:
		return trace.Tag{Kind: trace.AuthData, Last: true}
	case "":
		return trace.Tag{Kind: trace.Command, Verb: verb(line), Last: true}
	default:
		return trace.Tag{Kind: trace.Command, Verb: v, Last: true}
	}
}

// verb returns the command verb of a line in upper case, without allocating
// for lines that are already upper case.
func verb(line string) string {
	v := line
	if i := strings.IndexByte(line, ' '); i >= 0 {
		v = line[:i]
	}
	if i := strings.IndexByte(v, ':'); i >= 0 {
		v = v[:i] // "MAIL FROM:<x>" written without a space
	}
	for i := 0; i < len(v); i++ {
		if 'a' <= v[i] && v[i] <= 'z' {
			return strings.ToUpper(v)
		}
	}
	return v
}

// TalkResult is what a raw "talk" session got back.
type TalkResult struct {
	Outcome   Outcome
	BlockedBy *Network
	// Replies holds, per reply, the SMTP code as a string ("250") or the
	// POP3 status ("+OK", "-ERR"), the greeting first.
	Replies []string
}

// Talk sends lines as written to dst:port, whatever protocol listens there,
// and records the replies: for showing errors such as RCPT before MAIL.
func (w *World) Talk(src, dst *Host, port uint16, lines []string) TalkResult {
	if svc := dst.pop3Service(port); svc != nil {
		return w.talkPOP3(src, dst, svc, lines)
	}
	svc := dst.smtpService(port)
	c, out, blk := w.dial(src, dst, port, trace.SMTP, svc != nil)
	if out != Connected {
		return TalkResult{Outcome: out, BlockedBy: blk}
	}
	srv := smtp.NewServer(&svc.Config, smtp.Peer{IP: src.IP, Name: src.Name})
	res := TalkResult{Outcome: Connected}
	g := srv.Greeting()
	w.emitReply(c, g, srv.State())
	res.Replies = append(res.Replies, strconv.Itoa(g.Code))
	c.hop()
	for _, l := range lines {
		r := w.smtpExchange(c, srv, dst, svc, l)
		if r.Reply.Code == 0 {
			continue
		}
		res.Replies = append(res.Replies, strconv.Itoa(r.Reply.Code))
		c.hop()
		if r.Close {
			c.close(trace.ServerToClient)
			return res
		}
	}
	c.close(trace.ClientToServer)
	return res
}
