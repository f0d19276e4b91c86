package smtp

import (
	"encoding/base64"
	"slices"
	"strings"
)

// Auth is the AUTH a client does before MAIL (RFC 4954).
type Auth struct {
	Mechanism  string // "PLAIN" (default) or "LOGIN"
	User, Pass string
}

// Job is one message for a client session to send.
type Job struct {
	Helo string
	Auth *Auth  // nil: no AUTH
	From string // "" sends MAIL FROM:<> (bounces)
	To   []string
	// Data is the message (headers and body); LF or CRLF line ends. A
	// string, because it does not change while it is sent: the DATA text
	// lines are substrings of it.
	Data string
	// Head is sent before Data: "" or whole lines, the header fields a
	// relay put in front of the message it accepted (its Received:, RFC
	// 5321 4.4), kept apart so that Data goes on as received, uncopied.
	Head string
	// StartTLS asks for STARTTLS (RFC 3207) after the first EHLO: a
	// server that does not offer it, or refuses it, makes the client give
	// up (QUIT) rather than go on in the clear.
	StartTLS bool
}

// ClientResult is what a client session achieved.
type ClientResult struct {
	Sent      bool          // the server accepted the message (2xx after the final ".")
	Accepted  []string      // recipients accepted with 2xx at RCPT, when Sent
	Rejected  []RcptFailure // recipients refused at RCPT
	Failure   *Reply        // the reply that stopped the transaction (greeting, EHLO/HELO, AUTH, MAIL, DATA, final "."), nil if Sent or only RCPTs failed
	FailedAt  string        // what Failure answered: "MAIL FROM", "end of DATA", "the greeting", ...
	Transient bool          // Failure, or (without one) every RCPT rejection, was 4xx: the sender should retry later
	// AuthUnavailable is set when Job.Auth asked for AUTH but the server did
	// not advertise it, or not the mechanism, in its EHLO reply; the client
	// then quits without sending AUTH (RFC 5321 2.2.1: a client uses only
	// extensions the server advertised) and Failure is that EHLO/HELO reply.
	AuthUnavailable bool
	// TLSUnavailable is set when Job.StartTLS asked for STARTTLS and the
	// server did not offer it or did not answer 220; the client quit
	// without sending anything more in the clear, and Failure is that
	// reply.
	TLSUnavailable bool
}

// RcptFailure is a recipient the server refused at RCPT.
type RcptFailure struct {
	Addr  string
	Reply Reply
}

// clientStep is the reply a client session is waiting for.
type clientStep uint8

const (
	stepGreeting clientStep = iota
	stepEHLO
	stepHELO
	stepStartTLS // STARTTLS sent, its reply awaited
	stepTLS      // 220 received: the driver runs the TLS handshake
	stepAuth
	stepMail
	stepRcpt
	stepData
	stepDot
	stepQuit
	stepDone
)

// Client is one SMTP client session delivering one Job: it turns the
// server's last reply into the lines to send next.
type Client struct {
	job  Job
	step clientStep
	rcpt int // index in job.To of the RCPT whose reply is awaited
	auth int // 334 challenges answered in the AUTH exchange
	// authCancelled is set once the client has answered a challenge with "*".
	authCancelled bool
	tls           bool // the session runs inside TLS
	ext8bit       bool
	extUTF8       bool
	accepted      []string
	res           ClientResult
	out           [1]string // the array of a one-line answer from Next
	// text is the array of the message text lines from Next, kept
	// (emptied) by Reset: a pooled client then sends message after
	// message without a new array each. Next's lines are the caller's
	// only until the next call.
	text []string
}

// one returns line as the one line to send, in the Client's own array.
func (c *Client) one(line string) []string {
	c.out[0] = line
	return c.out[:1]
}

// NewClient starts a client session for job. The first call to Next takes
// the server's greeting.
func NewClient(job Job) *Client {
	return &Client{job: job}
}

// Reset makes c a new session for job, exactly as NewClient(job) would.
// Nothing of the last session is kept: its accepted recipients and
// refusals went out with its Result.
func (c *Client) Reset(job Job) {
	clear(c.text) // the last message's lines: let its text go
	*c = Client{job: job, text: c.text[:0]}
}

// Done reports whether the session is over.
func (c *Client) Done() bool { return c.step == stepDone }

// Result is the outcome so far; it is final once Done.
func (c *Client) Result() ClientResult {
	r := c.res
	if r.Sent {
		r.Accepted = c.accepted
	}
	switch {
	case r.Failure != nil:
		r.Transient = r.Failure.Code/100 == 4
	case len(r.Rejected) > 0:
		r.Transient = true
		for _, f := range r.Rejected {
			if f.Reply.Code/100 != 4 {
				r.Transient = false
			}
		}
	}
	return r
}

// Next takes the server's latest reply (the 220 greeting first) and returns
// the lines to send next: one command, or after 354 the whole dot-stuffed
// message text ending with ".". It returns nil when there is nothing more to
// send (after the reply to QUIT, or after a 421). The slice is valid until
// the next call to Next or TLSStarted: send it, do not keep it.
func (c *Client) Next(r Reply) []string {
	switch c.step {
	case stepDone:
		return nil
	case stepQuit:
		c.step = stepDone
		return nil
	}
	// RFC 5321 3.8: after 421 the server closes; there is nobody to QUIT to.
	if r.Code == C421ServiceNotAvailable {
		c.failWith(r)
		c.step = stepDone
		return nil
	}
	ok := r.Code/100 == 2
	switch c.step {
	case stepGreeting:
		// RFC 5321 3.1: a 554 (or any non-2xx) greeting means no service
		// here; the client still says QUIT (RFC 5321 3.1).
		if !ok {
			return c.fail(r)
		}
		c.step = stepEHLO
		return c.one("EHLO " + c.job.Helo)
	case stepEHLO:
		if ok {
			return c.hello(r, true)
		}
		// RFC 5321 3.2: a server that does not know EHLO answers 5xx; an
		// ESMTP client then falls back to HELO.
		if r.Code/100 == 5 {
			c.step = stepHELO
			return c.one("HELO " + c.job.Helo)
		}
		return c.fail(r)
	case stepHELO:
		if ok {
			return c.hello(r, false)
		}
		return c.fail(r)
	case stepStartTLS:
		if r.Code != C220ServiceReady {
			c.res.TLSUnavailable = true
			return c.fail(r)
		}
		c.step = stepTLS
		return nil
	case stepTLS:
		return nil
	case stepAuth:
		return c.authReply(r)
	case stepMail:
		if !ok {
			return c.fail(r)
		}
		return c.nextRcpt()
	case stepRcpt:
		if ok {
			c.accepted = append(c.accepted, c.job.To[c.rcpt])
		} else {
			c.res.Rejected = append(c.res.Rejected, RcptFailure{Addr: c.job.To[c.rcpt], Reply: r.clone()})
		}
		c.rcpt++
		return c.nextRcpt()
	case stepData:
		if r.Code != C354StartData {
			return c.fail(r)
		}
		c.step = stepDot
		c.text = appendDotStuffed(c.text[:0], c.job.Head, c.job.Data)
		return c.text
	case stepDot:
		// RFC 5321 4.2.5: a 2xx after the final "." hands the message over.
		if ok {
			c.res.Sent = true
			return c.quit()
		}
		return c.fail(r)
	}
	return nil
}

// NeedTLS reports whether the server said 220 to STARTTLS: the driver
// now runs the TLS handshake and then calls TLSStarted.
func (c *Client) NeedTLS() bool { return c.step == stepTLS }

// TLSStarted tells the session that the TLS handshake completed, and
// returns the EHLO to send inside it: RFC 3207 4.2, the client discards
// what it learnt from the server and asks again.
func (c *Client) TLSStarted() []string {
	c.tls = true
	c.ext8bit, c.extUTF8 = false, false
	c.step = stepEHLO
	return c.one(VerbEHLO + " " + c.job.Helo)
}

// hello handles the 2xx reply to EHLO or HELO.
func (c *Client) hello(r Reply, esmtp bool) []string {
	var authMechs string // the mechanisms the last AUTH line lists
	startTLS := false
	if esmtp {
		for _, l := range r.Lines[min(1, len(r.Lines)):] {
			kw, arg, _ := strings.Cut(l, " ")
			switch ehloKeyword(kw) {
			case "AUTH":
				authMechs = arg
			case "8BITMIME":
				c.ext8bit = true
			case "SMTPUTF8":
				c.extUTF8 = true
			case VerbSTARTTLS:
				startTLS = true
			}
		}
	}
	if c.job.StartTLS && !c.tls {
		// RFC 3207 4: STARTTLS only when advertised; without it the
		// client gives up instead of sending in the clear.
		if !startTLS {
			c.res.TLSUnavailable = true
			return c.fail(r)
		}
		c.step = stepStartTLS
		return c.one(VerbSTARTTLS)
	}
	if a := c.job.Auth; a != nil {
		mech := strings.ToUpper(a.Mechanism)
		if mech == "" {
			mech = "PLAIN"
		}
		if (mech != "PLAIN" && mech != "LOGIN") || !listsMechanism(authMechs, mech) {
			c.res.AuthUnavailable = true
			return c.fail(r)
		}
		c.step = stepAuth
		if mech == "LOGIN" {
			return c.one("AUTH LOGIN")
		}
		// RFC 4954 4: PLAIN with an initial response saves a round trip,
		// unless the command would pass the 512-octet line limit.
		if line := appendPlainResponse("AUTH PLAIN ", a); len(line)+2 <= maxCommandLine {
			c.auth = 1
			return c.one(line)
		}
		return c.one("AUTH PLAIN")
	}
	return c.mail()
}

// ehloKeywords are the EHLO keywords the client acts on.
var ehloKeywords = [...]string{"AUTH", "8BITMIME", "SMTPUTF8", VerbSTARTTLS}

// ehloKeyword returns which of ehloKeywords kw is, compared as
// strings.EqualFold does, or "". It runs on every line of every EHLO
// reply: an ASCII keyword, as they all are in practice, is upper-cased on
// the stack and compared once; only another takes EqualFold's Unicode
// folding.
func ehloKeyword(kw string) string {
	var buf [8]byte // the longest keyword
	up, fold := upperASCII(&buf, kw)
	for _, k := range ehloKeywords {
		if fold && strings.EqualFold(kw, k) || !fold && string(up) == k {
			return k
		}
	}
	return ""
}

// listsMechanism reports whether mech (upper case) is one of the
// space-separated words of list, compared as strings.ToUpper gives them,
// without allocating for an ASCII list.
func listsMechanism(list, mech string) bool {
	for list != "" {
		var word string
		word, list, _ = strings.Cut(list, " ")
		if has8bit(word) {
			if strings.ToUpper(word) == mech {
				return true
			}
		} else if strings.EqualFold(word, mech) {
			return true
		}
	}
	return false
}

// authReply handles a reply inside the AUTH exchange.
func (c *Client) authReply(r Reply) []string {
	switch {
	case r.Code/100 == 2:
		return c.mail()
	case r.Code != C334AuthContinue:
		return c.fail(r)
	}
	a := c.job.Auth
	c.auth++
	switch {
	case strings.EqualFold(a.Mechanism, "LOGIN") && c.auth == 1:
		return c.one(base64.StdEncoding.EncodeToString([]byte(a.User)))
	case strings.EqualFold(a.Mechanism, "LOGIN") && c.auth == 2:
		return c.one(base64.StdEncoding.EncodeToString([]byte(a.Pass)))
	case !strings.EqualFold(a.Mechanism, "LOGIN") && c.auth == 1:
		return c.one(plainResponse(a)) // the answer to the empty "334 "
	}
	// RFC 4954 4: a challenge the client cannot answer is cancelled, and the
	// server must then answer 501. One that challenges again after the
	// cancel would go round forever: give up on it.
	if c.authCancelled {
		return c.fail(r)
	}
	c.authCancelled = true
	return c.one("*")
}

// plainResponse is RFC 4616 2's message with an empty authzid, base64
// encoded: base64("\x00" user "\x00" pass).
func plainResponse(a *Auth) string { return appendPlainResponse("", a) }

// appendPlainResponse is pre followed by plainResponse(a), in one
// allocation when the credentials are short: the AUTH PLAIN command line
// is built so.
func appendPlainResponse(pre string, a *Auth) string {
	var msg, out [128]byte
	m := append(append(append(append(msg[:0], 0), a.User...), 0), a.Pass...)
	return string(base64.StdEncoding.AppendEncode(append(out[:0], pre...), m))
}

// mail sends MAIL FROM, or QUIT when there is nobody to send to.
func (c *Client) mail() []string {
	if len(c.job.To) == 0 {
		return c.quit()
	}
	c.step = stepMail
	line := "MAIL FROM:<" + c.job.From + ">"
	// RFC 6152 3: 8-bit content is declared with BODY=8BITMIME when the
	// server offers it; RFC 6531 3.4: UTF-8 addresses with SMTPUTF8.
	if c.ext8bit && (has8bit(c.job.Head) || has8bit(c.job.Data)) {
		line += " BODY=8BITMIME"
	}
	if c.extUTF8 && c.utf8Addresses() {
		line += " SMTPUTF8"
	}
	return c.one(line)
}

func (c *Client) utf8Addresses() bool {
	if has8bit(c.job.From) {
		return true
	}
	for _, to := range c.job.To {
		if has8bit(to) {
			return true
		}
	}
	return false
}

// has8bit reports whether s has a byte outside ASCII. MAIL runs it over
// the whole message, so it tests eight bytes at a time: the compiler makes
// the eight byte reads one load.
func has8bit(s string) bool {
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return true
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// nextRcpt sends the next RCPT TO, or DATA after the last one, or QUIT when
// every recipient was refused.
func (c *Client) nextRcpt() []string {
	if c.rcpt < len(c.job.To) {
		c.step = stepRcpt
		return c.one("RCPT TO:<" + c.job.To[c.rcpt] + ">")
	}
	if len(c.accepted) == 0 {
		return c.quit()
	}
	c.step = stepData
	return c.one(VerbDATA)
}

// fail records the reply that stopped the transaction and says QUIT.
func (c *Client) fail(r Reply) []string {
	c.failWith(r)
	return c.quit()
}

func (c *Client) failWith(r Reply) {
	if c.res.Failure == nil && !c.res.Sent {
		r = r.clone()
		c.res.Failure = &r
		c.res.FailedAt = stepCommands[c.step]
	}
}

// stepCommands names what a reply at each step answers, the way a bounce
// says "(in reply to RCPT TO command)".
var stepCommands = [...]string{
	stepGreeting: "the greeting", stepEHLO: "EHLO", stepHELO: "HELO", stepStartTLS: "STARTTLS", stepTLS: "STARTTLS", stepAuth: "AUTH",
	stepMail: "MAIL FROM", stepRcpt: "RCPT TO", stepData: "DATA", stepDot: "end of DATA",
	stepQuit: "QUIT", stepDone: "QUIT",
}

func (c *Client) quit() []string {
	c.step = stepQuit
	return c.one(VerbQUIT)
}

// dotStuff turns a message, head then data, into DATA text lines (RFC 5321
// 4.5.2): split on CRLF or LF, a leading "." doubled, then the final ".".
// The lines are substrings of head and data; only a doubled dot costs a
// new string.
func dotStuff(head, data string) []string { return appendDotStuffed(nil, head, data) }

// appendDotStuffed is dotStuff appending to lines.
func appendDotStuffed(lines []string, head, data string) []string {
	if head != "" && head[len(head)-1] != '\n' {
		// Not whole lines: its last line goes on in data.
		head, data = "", head+data
	}
	lines = slices.Grow(lines, strings.Count(head, "\n")+strings.Count(data, "\n")+2)
	lines = appendStuffed(lines, head)
	lines = appendStuffed(lines, data)
	return append(lines, ".")
}

// appendStuffed appends the lines of s, each without its line end and with
// a leading "." doubled.
func appendStuffed(lines []string, s string) []string {
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if strings.HasPrefix(line, ".") {
			line = "." + line
		}
		lines = append(lines, line)
	}
	return lines
}
