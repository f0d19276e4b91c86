package sim

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// The simulated clients: a mail program submitting, an MTA relaying, a
// mail program collecting over POP3, and lines typed by hand. Each reads
// the server's bytes from its connection with the protocol's own parser
// and writes its lines, saying in the trace what each one is.

// SMTPResult is what one SMTP client session achieved.
type SMTPResult struct {
	Outcome   Outcome
	BlockedBy *Network // for Blocked
	Replies   []int    // the code of every reply the client received, in order; nil for a relay hop
	Client    smtp.ClientResult
}

// TLSMode is how a simulated client uses TLS.
type TLSMode uint8

// TLS modes of a client.
const (
	TLSNone     TLSMode = iota // plain text throughout
	TLSStartTLS                // STARTTLS (SMTP, RFC 3207) or STLS (POP3, RFC 2595); give up if not offered
	TLSImplicit                // TLS from the first byte (RFC 8314: 465, 993, 995)
)

var tlsModeNames = [...]string{TLSNone: "none", TLSStartTLS: "starttls", TLSImplicit: "implicit"}

func (m TLSMode) String() string {
	if int(m) < len(tlsModeNames) {
		return tlsModeNames[m]
	}
	return "tls(" + strconv.Itoa(int(m)) + ")"
}

// ParseTLSMode reads a scenario's tls setting: none, starttls or implicit.
func ParseTLSMode(s string) (TLSMode, bool) {
	for m, n := range tlsModeNames {
		if strings.EqualFold(s, n) {
			return TLSMode(m), true
		}
	}
	return TLSNone, false
}

// clientTLS is TLS on a simulated client's end of a connection.
type clientTLS struct {
	mode   TLSMode
	server string // the name the certificate must carry
	side   *tlsSide
	in     lineReader // the decrypted stream
	noted  bool       // the note saying TLS is not there was written
}

// line writes a client line, through TLS once it is up.
func (t *clientTLS) line(c *Conn, text string, tag trace.Tag) {
	if t.side != nil {
		t.side.line(text, tag, nil)
		return
	}
	c.Line(ClientSide, text, tag, nil)
}

func (t *clientTLS) flush(c *Conn) {
	if t.side != nil {
		t.side.flush()
		return
	}
	c.Flush(ClientSide)
}

// start begins the handshake: the ClientHello leaves.
func (t *clientTLS) start(w *World, c *Conn) {
	t.side, _ = w.startTLS(c, ClientSide, t.server)
}

// receive decrypts a segment. lines is called with each decrypted line;
// up with the negotiated version when the handshake completes; failed
// when it fails.
func (t *clientTLS) receive(w *World, host *Host, p Data, up func(), lines func(string)) (failed bool) {
	for _, ev := range t.side.receive(p) {
		switch ev.kind {
		case evHandshake:
			if ev.err != nil {
				w.note(host, i18n.M(msgTLSFailed, ev.err.Error()))
				return true
			}
			st := t.side.end.tc.ConnectionState()
			w.note(host, i18n.M(msgTLSUp, trace.VersionName(st.Version), t.server))
			up()
		case evPlain:
			d := Data{Raw: string(ev.data)}
			for line, ok := t.in.next(&d); ok; line, ok = t.in.next(&d) {
				lines(line)
			}
		}
	}
	return false
}

func (t *clientTLS) stop() {
	if t.side != nil {
		t.side.stop()
	}
}

// unavailable notes once that the server does not offer TLS (or refused
// it): the client gives up.
func (t *clientTLS) unavailable(w *World, host *Host, verb string, refused bool) {
	if t.noted {
		return
	}
	t.noted = true
	if refused {
		w.note(host, i18n.M(msgTLSRefused, verb))
		return
	}
	w.note(host, i18n.M(msgNoSTARTTLS, verb))
}

// smtpClient drives an SMTP client core over a connection.
type smtpClient struct {
	w      *World
	host   *Host
	core   *smtp.Client
	tls    clientTLS
	in     lineReader
	parser smtp.ReplyParser
	res    SMTPResult
	done   func(SMTPResult)
	ended  bool
	// replies: the result keeps the code of every reply (done reads them;
	// a campaign's bots pass no done, a relay hop's done reads only the
	// client core's result).
	replies bool
}

// smtpSession connects src to dst:port and runs job through an SMTP client
// core, calling done with the result when the connection is over.
func (w *World) smtpSession(src, dst *Host, port uint16, job smtp.Job, mode TLSMode, done func(SMTPResult)) {
	w.dialSMTP(src, dst, port, job, mode, true, done)
}

// dialSMTP is smtpSession; with replies false the result has no Replies,
// for a done that does not read them.
func (w *World) dialSMTP(src, dst *Host, port uint16, job smtp.Job, mode TLSMode, replies bool, done func(SMTPResult)) {
	job.StartTLS = mode == TLSStartTLS
	cl := w.newSMTPClient()
	cl.host, cl.done, cl.tls, cl.replies = src, done, clientTLS{mode: mode, server: dst.Name}, replies && done != nil
	cl.core.Reset(job)
	w.Dial(src, dst, port, cl)
}

func (cl *smtpClient) Connected(c *Conn) {
	cl.res.Outcome = Connected
	if cl.tls.mode == TLSImplicit {
		cl.tls.start(cl.w, c) // RFC 8314 3.3: the ClientHello is the first thing sent
	}
}

func (cl *smtpClient) Failed(out Outcome, blocked *Network) {
	cl.res.Outcome, cl.res.BlockedBy = out, blocked
	cl.end()
}

func (cl *smtpClient) Receive(c *Conn, p Data) {
	if cl.tls.side != nil {
		failed := cl.tls.receive(cl.w, cl.host, p, func() {
			if cl.core.NeedTLS() {
				cl.send(c, 0, cl.core.TLSStarted()) // RFC 3207 4.2: EHLO again
			}
		}, func(line string) { cl.reply(c, line) })
		if failed {
			c.Close(ClientSide)
			cl.end()
		}
		return
	}
	for line, ok := cl.in.next(&p); ok; line, ok = cl.in.next(&p) {
		if cl.reply(c, line) {
			return
		}
	}
}

// reply takes one line of the server's; it reports whether the session
// stops reading (the server closes, or TLS starts).
func (cl *smtpClient) reply(c *Conn, line string) (stop bool) {
	if cl.ended || c.Closed(ClientSide) {
		return false
	}
	r, complete, err := cl.parser.Feed(line)
	if err != nil {
		// Not SMTP (a POP3 greeting, junk): hang up.
		cl.w.note(cl.host, i18n.M(msgNotProtocol, "SMTP"))
		c.Close(ClientSide)
		cl.end()
		return false
	}
	if !complete {
		return false
	}
	if cl.replies {
		if cl.res.Replies == nil {
			cl.res.Replies = make([]int, 0, 16) // a session has about a dozen
		}
		cl.res.Replies = append(cl.res.Replies, r.Code)
	}
	lines := cl.core.Next(r)
	if cl.core.NeedTLS() {
		cl.tls.start(cl.w, c)
		return true
	}
	if cl.tls.mode == TLSStartTLS && cl.core.Result().TLSUnavailable {
		cl.tls.unavailable(cl.w, cl.host, smtp.VerbSTARTTLS, r.Code != smtp.C250Completed)
	}
	if r.Code == smtp.C421ServiceNotAvailable || cl.core.Done() && len(lines) == 0 && r.Code == smtp.C221Closing {
		return true // the server closes: the session ends with its FIN
	}
	if len(lines) == 0 {
		c.Close(ClientSide)
		cl.end()
		return false
	}
	cl.send(c, r.Code, lines)
	return false
}

// send writes lines, the answer to a reply with code.
func (cl *smtpClient) send(c *Conn, code int, lines []string) {
	for _, l := range lines {
		cl.tls.line(c, l, clientLineTag(code, l))
	}
	cl.tls.flush(c)
}

// clientLineTag says what an SMTP client line is, from the reply before
// it: after 354 every line is message text up to the final ".", after 334
// a line answers the AUTH challenge, otherwise it is a command.
func clientLineTag(code int, line string) trace.Tag {
	switch code {
	case smtp.C354StartData:
		return trace.Tag{Kind: trace.MessageText, Last: true}
	case 334:
		return trace.Tag{Kind: trace.AuthData, Last: true}
	}
	return trace.Tag{Kind: trace.Command, Verb: verb(line), Last: true}
}

func (cl *smtpClient) Closed(c *Conn) {
	if !cl.ended {
		cl.end()
	}
}

// over: the session ended, and without TLS, whose handshake timer and
// goroutine keep the connection.
func (cl *smtpClient) over() bool { return cl.ended && cl.tls.side == nil }

func (cl *smtpClient) end() {
	if cl.ended {
		return
	}
	cl.tls.stop()
	cl.ended = true
	cl.res.Client = cl.core.Result()
	if cl.done != nil {
		cl.done(cl.res)
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

// FetchResult is what one POP3 session achieved.
type FetchResult struct {
	Outcome   Outcome
	BlockedBy *Network
	Statuses  []string // "+OK" or "-ERR" for every response, the greeting first
	Client    pop3.ClientResult
	Left      int // messages left in the mailbox after the session
}

// pop3Client drives a POP3 client core over a connection.
type pop3Client struct {
	w    *World
	host *Host
	core *pop3.Client
	tls  clientTLS
	// lastVerb is the verb of the last command sent.
	lastVerb string
	drop     bool
	in       lineReader
	asm      pop3.Assembler
	res      FetchResult
	done     func(FetchResult)
	ended    bool // end has run
	closing  bool // a dropped connection's delayed close is pending
}

func (w *World) pop3Session(src, dst *Host, port uint16, job pop3.Job, mode TLSMode, drop bool, done func(FetchResult)) {
	job.STLS = mode == TLSStartTLS
	cl := w.newPOP3Client()
	cl.host, cl.drop, cl.done, cl.tls = src, drop, done, clientTLS{mode: mode, server: dst.Name}
	cl.core.Reset(job)
	w.Dial(src, dst, port, cl)
}

func (cl *pop3Client) Connected(c *Conn) {
	cl.res.Outcome = Connected
	if cl.tls.mode == TLSImplicit {
		cl.tls.start(cl.w, c) // RFC 8314 3.3
	}
}

func (cl *pop3Client) Failed(out Outcome, blocked *Network) {
	cl.res.Outcome, cl.res.BlockedBy = out, blocked
	cl.end()
}

func (cl *pop3Client) Receive(c *Conn, p Data) {
	if cl.tls.side != nil {
		failed := cl.tls.receive(cl.w, cl.host, p, func() {
			if cl.core.NeedTLS() {
				cl.send(c, cl.core.TLSStarted())
			}
		}, func(line string) { cl.response(c, line) })
		if failed {
			c.Close(ClientSide)
			cl.end()
		}
		return
	}
	for line, ok := cl.in.next(&p); ok; line, ok = cl.in.next(&p) {
		if cl.response(c, line) {
			return
		}
	}
}

// response takes one line of the server's; it reports whether the
// session stops reading (the server closes, or TLS starts).
func (cl *pop3Client) response(c *Conn, line string) (stop bool) {
	if cl.ended || cl.closing || c.Closed(ClientSide) {
		return false
	}
	r, complete, err := cl.asm.Feed(line)
	if err != nil {
		cl.w.note(cl.host, i18n.M(msgNotProtocol, "POP3"))
		c.Close(ClientSide)
		cl.end()
		return false
	}
	if !complete {
		return false
	}
	if cl.res.Statuses == nil {
		cl.res.Statuses = make([]string, 0, 8) // a session has about six
	}
	cl.res.Statuses = append(cl.res.Statuses, r.Status())
	line, done := cl.core.Next(r)
	if cl.core.NeedTLS() {
		cl.tls.start(cl.w, c)
		return true
	}
	if cl.tls.mode == TLSStartTLS && cl.core.Result().TLSUnavailable {
		cl.tls.unavailable(cl.w, cl.host, pop3.CmdSTLS, cl.lastVerb == pop3.CmdSTLS)
	}
	if done {
		return true // the session ended with QUIT: the server closes
	}
	if cl.drop && pop3.VerbOf(line) == pop3.CmdQUIT {
		cl.w.note(cl.host, i18n.M(msgPOP3Drop))
		cl.closing = true
		cl.w.after(cl.w.opts.Latency, func() {
			cl.closing = false
			c.Close(ClientSide)
			cl.end()
			cl.w.release(c)
		})
		cl.drop = false
		return false
	}
	cl.send(c, line)
	return false
}

// send writes one command.
func (cl *pop3Client) send(c *Conn, line string) {
	cl.asm.Expect(line)
	cl.lastVerb = pop3.VerbOf(line)
	cl.tls.line(c, line, trace.Tag{Kind: trace.Command, Verb: cl.lastVerb, Last: true})
	cl.tls.flush(c)
}

func (cl *pop3Client) Closed(c *Conn) { cl.end() }

// over: the session ended (after a dropped connection's delayed close),
// and without TLS.
func (cl *pop3Client) over() bool { return cl.ended && !cl.closing && cl.tls.side == nil }

func (cl *pop3Client) end() {
	cl.tls.stop()
	if cl.ended {
		return
	}
	cl.ended = true
	cl.res.Client = cl.core.Result()
	if cl.done != nil {
		cl.done(cl.res)
	}
}

// TalkResult is what a raw "talk" session got back.
type TalkResult struct {
	Outcome   Outcome
	BlockedBy *Network
	// Replies holds, per reply, the SMTP code as a string ("250"), the
	// POP3 status ("+OK", "-ERR") or the IMAP condition of the greeting
	// and of each tagged response ("OK", "NO", "BAD"), the greeting first.
	Replies []string
}

// talker sends lines as written, one after each reply, whatever protocol
// listens: for showing errors such as RCPT before MAIL.
type talker struct {
	w      *World
	lines  []string
	proto  trace.Proto
	in     lineReader
	smtp   smtp.ReplyParser
	pop    pop3.Assembler
	imap   imap.Parser
	greet  bool // IMAP: the greeting has come
	last   int  // SMTP: the last reply code
	quit   bool // POP3: QUIT was sent, the server closes next
	res    TalkResult
	done   func(TalkResult)
	closed bool
}

func (t *talker) Connected(c *Conn) { t.res.Outcome = Connected; t.proto = c.Proto() }

func (t *talker) Failed(out Outcome, blocked *Network) {
	t.res.Outcome, t.res.BlockedBy = out, blocked
	t.end()
}

func (t *talker) Receive(c *Conn, p Data) {
	for line, ok := t.in.next(&p); ok; line, ok = t.in.next(&p) {
		if t.closed || c.Closed(ClientSide) {
			continue
		}
		switch t.proto {
		case trace.POP3:
			r, complete, err := t.pop.Feed(line)
			if err != nil || !complete {
				continue
			}
			t.res.Replies = append(t.res.Replies, r.Status())
			if t.quit {
				return // the server closes
			}
		case trace.IMAP:
			r, complete, err := t.imap.Feed(line)
			if err != nil || !complete {
				continue
			}
			switch {
			case r.Tagged() || (!t.greet && r.Untagged()):
				t.greet = true
				t.res.Replies = append(t.res.Replies, r.Cond())
				if t.quit && r.Tagged() || r.Cond() == imap.CondBYE && !t.quit {
					return // the server closes
				}
			case r.Continuation():
				// The server waits for a literal's octets: the next line.
			default:
				continue // untagged data: the command's completion follows
			}
		default:
			r, complete, err := t.smtp.Feed(line)
			if err != nil || !complete {
				continue
			}
			t.res.Replies = append(t.res.Replies, strconv.Itoa(r.Code))
			t.last = r.Code
			if r.Code == smtp.C221Closing || r.Code == smtp.C421ServiceNotAvailable {
				return // the server closes
			}
		}
		t.send(c)
	}
}

// send writes the next line, and after a 354 every line up to the final
// ".", which the server answers only as a whole.
func (t *talker) send(c *Conn) {
	for len(t.lines) > 0 {
		l := t.lines[0]
		t.lines = t.lines[1:]
		if t.proto == trace.IMAP {
			c.Line(ClientSide, l, imapClientTag(l), nil)
			t.quit = imap.VerbOf(l) == imap.CmdLOGOUT
			c.Flush(ClientSide)
			return
		}
		if t.proto == trace.POP3 {
			t.pop.Expect(l)
			c.Line(ClientSide, l, trace.Tag{Kind: trace.Command, Verb: pop3.VerbOf(l), Last: true}, nil)
			t.quit = pop3.VerbOf(l) == pop3.CmdQUIT
			c.Flush(ClientSide)
			return
		}
		c.Line(ClientSide, l, clientLineTag(t.last, l), nil)
		if t.last != smtp.C354StartData || l == "." {
			c.Flush(ClientSide)
			return
		}
	}
	// Nothing more to send: hang up.
	c.Close(ClientSide)
	t.end()
}

func (t *talker) Closed(c *Conn) { t.end() }

func (t *talker) end() {
	if t.done == nil {
		return
	}
	done := t.done
	t.done, t.closed = nil, true
	done(t.res)
}

// IMAPResult is what one IMAP session achieved.
type IMAPResult struct {
	Outcome   Outcome
	BlockedBy *Network
	// Conds holds the condition of the greeting and of every tagged
	// response, in order: "OK", "NO", "BAD" (and "BYE" for a greeting
	// that refuses the connection).
	Conds  []string
	Client imap.ClientResult
	Left   int // messages left in the mailbox after the session
}

// imapClient drives an IMAP client core over a connection.
type imapClient struct {
	w        *World
	host     *Host
	core     *imap.Client
	tls      clientTLS // implicit TLS on 993; IMAP STARTTLS is not simulated
	in       lineReader
	parser   imap.Parser
	greeted  bool
	res      IMAPResult
	done     func(IMAPResult)
	finished bool
}

func (w *World) imapSession(src, dst *Host, port uint16, job imap.Job, mode TLSMode, done func(IMAPResult)) {
	w.Dial(src, dst, port, &imapClient{w: w, host: src, core: imap.NewClient(job), done: done,
		tls: clientTLS{mode: mode, server: dst.Name}})
}

func (cl *imapClient) Connected(c *Conn) {
	cl.res.Outcome = Connected
	if cl.tls.mode == TLSImplicit {
		cl.tls.start(cl.w, c) // RFC 8314 3.2: the ClientHello is the first thing sent
	}
}

func (cl *imapClient) Failed(out Outcome, blocked *Network) {
	cl.res.Outcome, cl.res.BlockedBy = out, blocked
	cl.end()
}

func (cl *imapClient) Receive(c *Conn, p Data) {
	if cl.tls.side != nil {
		// The greeting comes once the handshake is done: nothing to send
		// before it.
		failed := cl.tls.receive(cl.w, cl.host, p, func() {}, func(line string) { cl.response(c, line) })
		if failed {
			c.Close(ClientSide)
			cl.end()
		}
		return
	}
	for line, ok := cl.in.next(&p); ok; line, ok = cl.in.next(&p) {
		if cl.response(c, line) {
			return
		}
	}
}

// response takes one line of the server's; it reports whether the session
// stops reading (after LOGOUT or BYE the server closes).
func (cl *imapClient) response(c *Conn, line string) (stop bool) {
	if cl.finished || c.Closed(ClientSide) {
		return false
	}
	r, complete, err := cl.parser.Feed(line)
	if err != nil {
		cl.w.note(cl.host, i18n.M(msgNotProtocol, "IMAP"))
		c.Close(ClientSide)
		cl.end()
		return false
	}
	if !complete {
		return false
	}
	if r.Tagged() || (!cl.greeted && r.Untagged()) {
		cl.res.Conds = append(cl.res.Conds, r.Cond())
		cl.greeted = true
	}
	next, done := cl.core.Next(r)
	if done {
		cl.finished = true
		return true
	}
	if next == "" {
		return false
	}
	cl.tls.line(c, next, imapClientTag(next))
	cl.tls.flush(c)
	return false
}

func (cl *imapClient) Closed(c *Conn) { cl.end() }

func (cl *imapClient) end() {
	cl.tls.stop()
	if cl.done == nil {
		return
	}
	done := cl.done
	cl.done, cl.finished = nil, true
	cl.res.Client = cl.core.Result()
	done(cl.res)
}
