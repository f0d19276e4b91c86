package pop3

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Job is what a mail client is asked to do: log in and download every
// message, deleting each from the server unless Keep is set.
type Job struct {
	User, Pass string
	APOP       bool // use APOP with the greeting's timestamp instead of USER/PASS
	Keep       bool // do not DELE after RETR
	// STLS asks for TLS first (RFC 2595 4): CAPA, then STLS if listed.
	// A server that does not offer it makes the client give up (QUIT)
	// rather than send the password in the clear.
	STLS bool
}

// ClientResult is what a client session achieved.
type ClientResult struct {
	LoggedIn bool
	Messages [][]byte // every message retrieved, in order, CRLF line ends
	Deleted  int      // DELEs answered +OK
	// TLSUnavailable: Job.STLS asked for TLS and the server did not list
	// STLS in CAPA or refused it; the client quit without logging in.
	TLSUnavailable bool
	// Failure is the -ERR that ended the session early (bad password), nil
	// otherwise. A -ERR to QUIT (RFC 1939 6: some deleted messages not
	// removed) is recorded here too, although it comes last.
	Failure *Response
	// Err is a problem on the client's side: a Job that cannot be sent, no
	// APOP timestamp in the greeting, or a response the client could not
	// understand (wrapping ErrMalformed). Nil otherwise.
	Err error
}

// Client-side errors.
var (
	// ErrNoTimestamp: the job asks for APOP but the greeting carries no
	// timestamp, so the server does not offer APOP (RFC 1939 7). The client
	// does not fall back to sending the password in the clear.
	ErrNoTimestamp = errors.New("pop3: APOP requested but the greeting has no timestamp")
	// ErrBadJob: the user name or password cannot be sent as a command
	// argument (empty, a space in the user name, or a line break).
	ErrBadJob = errors.New("pop3: user name or password cannot be sent in a command")
	// ErrMalformed: a response the client could not parse.
	ErrMalformed = errors.New("pop3: malformed response")
)

// step is where the client is in its script.
type step uint8

const (
	stepGreeting step = iota // waiting for the greeting
	stepCapa                 // sent CAPA, to learn whether STLS is offered
	stepSTLS                 // sent STLS
	stepTLS                  // +OK to STLS: the driver runs the TLS handshake
	stepCapaTLS              // sent CAPA again inside TLS
	stepUser                 // sent USER
	stepPass                 // sent PASS or APOP
	stepStat                 // sent STAT
	stepList                 // sent LIST
	stepRetr                 // sent RETR todo[cur]
	stepDele                 // sent DELE todo[cur]
	stepQuit                 // sent QUIT
	stepDone                 // the session is over
)

// Client is one POP3 session on the client side, the way a mail program
// downloads mail: greeting, USER/PASS (or APOP), STAT, LIST, then RETR and
// DELE for each message, then QUIT. It is not safe for concurrent use.
type Client struct {
	job  Job
	step step
	tls  bool
	// greeting is the greeting's text, kept for APOP's timestamp while
	// TLS is negotiated first.
	greeting string
	todo     []string // message numbers from the LIST response, as listed
	cur      int      // index into todo of the message being retrieved
	res      ClientResult
}

// NewClient returns a client that will carry out job.
func NewClient(job Job) *Client { return &Client{job: job} }

// Reset makes c a new session for job, exactly as NewClient(job) would,
// keeping the buffer of message numbers (the only one that never leaves
// the client: the messages retrieved went out with its Result).
func (c *Client) Reset(job Job) {
	clear(c.todo)
	*c = Client{job: job, todo: c.todo[:0]}
}

// Result returns what the session has achieved so far.
func (c *Client) Result() ClientResult { return c.res }

// Next takes the server's latest response (the greeting first) and returns the
// next command line, or "" with done=true when the session is over.
func (c *Client) Next(r Response) (line string, done bool) {
	switch c.step {
	case stepGreeting:
		if !r.OK {
			return c.failQuit(r)
		}
		if !sendable(c.job) {
			c.res.Err = ErrBadJob
			return c.quit()
		}
		c.greeting = r.Text
		if c.job.STLS && !c.tls {
			c.step = stepCapa
			return CmdCAPA, false
		}
		return c.login()
	case stepCapa:
		if r.OK {
			for _, l := range r.Lines {
				if strings.EqualFold(strings.TrimSpace(l), CapSTLS) {
					c.step = stepSTLS
					return CmdSTLS, false
				}
			}
		}
		c.res.TLSUnavailable = true
		if r.OK {
			return c.quit() // a CAPA without STLS: nothing failed, TLS is just not there
		}
		return c.failQuit(r)
	case stepSTLS:
		if !r.OK {
			c.res.TLSUnavailable = true
			return c.failQuit(r)
		}
		c.step = stepTLS
		return "", false
	case stepTLS:
		return "", false
	case stepCapaTLS:
		// Whatever the list says, the login comes next; a server that
		// offered STLS takes USER inside TLS.
		return c.login()
	case stepUser:
		if !r.OK {
			return c.failQuit(r)
		}
		c.step = stepPass
		return CmdPASS + " " + c.job.Pass, false
	case stepPass:
		if !r.OK {
			return c.failQuit(r)
		}
		c.res.LoggedIn = true
		c.step = stepStat
		return CmdSTAT, false
	case stepStat:
		if !r.OK {
			return c.failQuit(r)
		}
		n, _, ok := twoNumbers(r.Text)
		if !ok {
			c.malformed(CmdSTAT, r.Text)
		} else if strings.TrimLeft(n, "0") == "" {
			// An empty maildrop: nothing to list, as real clients do.
			return c.quit()
		}
		c.step = stepList
		return CmdLIST, false
	case stepList:
		if !r.OK {
			return c.failQuit(r)
		}
		c.todo = c.todo[:0]
		for _, l := range r.Lines {
			if n, _, ok := twoNumbers(l); ok {
				c.todo = append(c.todo, n)
			} else {
				c.malformed(CmdLIST, l)
			}
		}
		c.cur = -1
		return c.nextMessage()
	case stepRetr:
		if !r.OK {
			// This message could not be read; keep it and go on.
			return c.nextMessage()
		}
		c.res.Messages = append(c.res.Messages, join(r.Lines))
		if c.job.Keep {
			return c.nextMessage()
		}
		c.step = stepDele
		return CmdDELE + " " + c.todo[c.cur], false
	case stepDele:
		if r.OK {
			c.res.Deleted++
		}
		return c.nextMessage()
	case stepQuit:
		if !r.OK && c.res.Failure == nil {
			c.fail(r)
		}
		c.step = stepDone
	}
	return "", true
}

// NeedTLS reports whether the server said +OK to STLS: the driver now runs
// the TLS handshake and then calls TLSStarted.
func (c *Client) NeedTLS() bool { return c.step == stepTLS }

// TLSStarted tells the session that TLS is up and returns the command to
// send inside it: RFC 2595 4, the client discards what CAPA said and asks
// again.
func (c *Client) TLSStarted() string {
	c.tls = true
	c.step = stepCapaTLS
	return CmdCAPA
}

// login sends APOP (with the greeting's timestamp) or USER.
func (c *Client) login() (string, bool) {
	if c.job.APOP {
		ts := timestamp(c.greeting)
		if ts == "" {
			c.res.Err = ErrNoTimestamp
			return c.quit()
		}
		c.step = stepPass
		return CmdAPOP + " " + c.job.User + " " + Digest(ts, c.job.Pass), false
	}
	c.step = stepUser
	return CmdUSER + " " + c.job.User, false
}

// nextMessage asks for the next listed message, or quits after the last.
func (c *Client) nextMessage() (string, bool) {
	c.cur++
	if c.cur >= len(c.todo) {
		return c.quit()
	}
	c.step = stepRetr
	return CmdRETR + " " + c.todo[c.cur], false
}

func (c *Client) quit() (string, bool) {
	c.step = stepQuit
	return CmdQUIT, false
}

// failQuit records the -ERR that ends the session and says goodbye: RFC 1939
// 7 lets a client QUIT after a failed USER or PASS.
func (c *Client) failQuit(r Response) (string, bool) {
	c.fail(r)
	return c.quit()
}

// fail records a copy of r as the session's Failure. The copy is made with new
// rather than by taking r's address, so that only failing sessions allocate.
func (c *Client) fail(r Response) {
	f := new(Response)
	*f = r
	c.res.Failure = f
}

// malformed records the first response the client could not parse.
func (c *Client) malformed(verb, text string) {
	if c.res.Err == nil {
		c.res.Err = fmt.Errorf("%w to %s: %q", ErrMalformed, verb, text)
	}
}

// sendable reports whether the job's credentials fit in command lines.
func sendable(j Job) bool {
	if j.User == "" || j.Pass == "" || strings.ContainsAny(j.User, " \r\n\x00") ||
		strings.ContainsAny(j.Pass, "\r\n\x00") {
		return false
	}
	return len(CmdPASS)+1+len(j.Pass)+2 <= MaxCommand && len(CmdAPOP)+1+len(j.User)+1+32+2 <= MaxCommand
}

// Digest returns the APOP digest for a greeting timestamp and a password:
// RFC 1939 7, the MD5 of the timestamp (angle brackets included) followed by
// the shared secret, as 32 lower-case hex digits.
func Digest(timestamp, secret string) string {
	sum := md5.Sum([]byte(timestamp + secret))
	return hex.EncodeToString(sum[:])
}

// timestamp finds the APOP timestamp "<...>" in a greeting's text, or "".
func timestamp(text string) string {
	i := strings.IndexByte(text, '<')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(text[i:], '>')
	if j < 0 {
		return ""
	}
	return text[i : i+j+1]
}

// twoNumbers reads "n m ..." (a STAT response or a scan listing, RFC 1939 5:
// more information may follow) and returns the first two words when both are
// decimal numbers that fit a message number.
func twoNumbers(s string) (first, second string, ok bool) {
	a, rest, _ := strings.Cut(s, " ")
	b, _, _ := strings.Cut(rest, " ")
	if !digits(a) || !digits(b) {
		return "", "", false
	}
	return a, b, true
}

// digits reports whether s is 1 to 9 decimal digits.
func digits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// join rebuilds a message from its lines with CRLF line ends.
func join(lines []string) []byte {
	n := 0
	for _, l := range lines {
		n += len(l) + 2
	}
	b := make([]byte, 0, n)
	for _, l := range lines {
		b = append(b, l...)
		b = append(b, '\r', '\n')
	}
	return b
}
