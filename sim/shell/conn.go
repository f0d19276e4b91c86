package shell

import (
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// lineClient is the client end of the learner's connection: it writes
// what the learner types, one line per segment, saying in the trace what
// each line is, and reads the server's replies with the protocol's own
// parser to know when one is complete.
type lineClient struct {
	sh        *Shell
	c         *sim.Conn
	connected bool
	failed    bool
	closed    bool // the server closed its end
	smtp      smtp.ReplyParser
	pop       pop3.Assembler
	imap      imap.Parser
	greeted   bool   // IMAP: the greeting has come
	lastCode  int    // SMTP: the code of the last reply (354 and 334 say what the next line is)
	replies   int    // complete replies received
	lastVerb  string // what the last client line was, for the explanation of the reply
	state     string // the server's session state after its last reply (trace.Session.State)
}

func (cl *lineClient) Connected(c *sim.Conn) { cl.c, cl.connected = c, true }

func (cl *lineClient) Failed(sim.Outcome, *sim.Network) { cl.failed = true }

func (cl *lineClient) Closed(*sim.Conn) { cl.closed = true }

func (cl *lineClient) Receive(c *sim.Conn, d sim.Data) {
	lines := d.Lines
	if d.Raw != "" {
		lines = append(lines, strings.Split(strings.TrimSuffix(strings.ReplaceAll(d.Raw, "\r\n", "\n"), "\n"), "\n")...)
	}
	for _, l := range lines {
		if c.Proto() == trace.IMAP {
			// A command is answered by its tagged response, or by "+" when
			// the server waits for a literal; the greeting is untagged.
			r, done, err := cl.imap.Feed(l)
			if err != nil || done && (r.Tagged() || r.Continuation() || !cl.greeted) {
				cl.greeted = true
				cl.replies++
			}
			continue
		}
		if c.Proto() == trace.POP3 {
			if _, done, err := cl.pop.Feed(l); done || err != nil {
				cl.replies++
			}
			continue
		}
		r, done, err := cl.smtp.Feed(l)
		if err != nil {
			cl.smtp.Reset()
			cl.replies++
			continue
		}
		if done {
			cl.replies++
			cl.lastCode = r.Code
		}
	}
}

// open reports whether lines can be sent.
func (cl *lineClient) open() bool {
	return cl.connected && !cl.closed && !cl.failed && !cl.c.Closed(sim.ClientSide)
}

// maxWait bounds how far the virtual clock runs while the learner waits
// for a reply: a server that says nothing (it cannot, but a scenario
// might make one that is down) does not fast-forward the queue by days.
const maxWait = 2 * time.Minute

// send writes one typed line and waits for its reply, unless it is a line
// of message text, which the server answers only at the final dot.
func (cl *lineClient) send(line string) {
	w := cl.sh.w
	var tag trace.Tag
	if cl.c.Proto() == trace.IMAP {
		tag = trace.Tag{Kind: trace.Command, Verb: imap.VerbOf(line), Last: true}
	} else if cl.c.Proto() == trace.POP3 {
		cl.pop.Expect(line)
		tag = trace.Tag{Kind: trace.Command, Verb: pop3.VerbOf(line), Last: true}
	} else {
		tag = sim.ClientLineTag(cl.lastCode, line)
	}
	cl.c.Line(sim.ClientSide, line, tag, nil)
	cl.c.Flush(sim.ClientSide)
	if cl.c.Proto() == trace.SMTP && cl.lastCode == smtp.C354StartData && line != "." {
		w.RunUntil(func() bool { return !cl.c.InFlight() })
		return
	}
	cl.wait(cl.replies + 1)
}

// wait runs the world until the n-th reply is in or the server closed,
// then lets whatever that set in motion finish (a relay after QUIT).
func (cl *lineClient) wait(n int) {
	w := cl.sh.w
	deadline := w.Now() + maxWait
	w.RunUntil(func() bool {
		if cl.replies >= n || cl.closed || cl.failed {
			return true
		}
		next, ok := w.NextDue()
		return !ok || next > deadline
	})
	w.Settle()
}

// observe sees the lines of the connection as the trace states them:
// what the client said, for the explanation of the reply that follows,
// and each reply's last line, which gets its hint.
func (cl *lineClient) observe(e *trace.Event) {
	if e.Dir == trace.ClientToServer {
		switch e.Tag.Kind {
		case trace.MessageText:
			cl.lastVerb = smtp.TagDataLine
		case trace.AuthData:
			cl.lastVerb = smtp.TagAuthData
		default:
			cl.lastVerb = e.Tag.Verb
		}
		return
	}
	if e.Tag.Last {
		if e.Session != nil {
			cl.state = e.Session.State
		}
		ev := *e
		cl.sh.hint(explain.ForReply(&ev, cl.lastVerb))
	}
}

// hangup closes the learner's end of the connection, if open, and lets
// the world finish the session.
func (sh *Shell) hangup() {
	if sh.conn == nil {
		return
	}
	// After the server's FIN the trace shows no second one (see
	// Conn.Close): only an end still open is closed.
	if sh.conn.connected && !sh.conn.closed && !sh.conn.c.Closed(sim.ClientSide) {
		sh.conn.c.Close(sim.ClientSide)
	}
	sh.conn = nil
	sh.w.Settle()
}

// validVerbs are the commands that make sense in a server session state
// (RFC 5321 4.1.4, RFC 1939 3-6), for completion: the order of the
// conversation, not every command the server would answer.
func validVerbs(proto trace.Proto, state string) []string {
	if proto == trace.POP3 {
		switch state {
		case pop3.StateTransaction.String():
			return []string{pop3.CmdSTAT, pop3.CmdLIST, pop3.CmdRETR, pop3.CmdDELE, pop3.CmdTOP, pop3.CmdUIDL, pop3.CmdNOOP, pop3.CmdRSET, pop3.CmdQUIT}
		case pop3.StateAuthorization.String(), "":
			return []string{pop3.CmdUSER, pop3.CmdPASS, pop3.CmdAPOP, pop3.CmdCAPA, pop3.CmdQUIT}
		}
		return nil
	}
	switch state {
	case smtp.StateConnected.String(), "":
		return []string{smtp.VerbEHLO, smtp.VerbHELO, smtp.VerbNOOP, smtp.VerbQUIT}
	case smtp.StateReady.String():
		return []string{"MAIL FROM:<", smtp.VerbAUTH, "AUTH PLAIN", "AUTH LOGIN", smtp.VerbEHLO, smtp.VerbVRFY, smtp.VerbNOOP, smtp.VerbRSET, smtp.VerbQUIT}
	case smtp.StateMail.String():
		return []string{"RCPT TO:<", smtp.VerbNOOP, smtp.VerbRSET, smtp.VerbQUIT}
	case smtp.StateRcpt.String():
		return []string{"RCPT TO:<", smtp.VerbDATA, smtp.VerbNOOP, smtp.VerbRSET, smtp.VerbQUIT}
	case smtp.StateData.String():
		return []string{"."}
	}
	return nil
}
