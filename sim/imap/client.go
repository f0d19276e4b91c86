package imap

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Job is what a mail client is asked to do: log in, open INBOX, fetch
// every message, mark the unseen ones \Seen, and with Delete flag them
// \Deleted and expunge them.
type Job struct {
	User, Pass string
	Delete     bool
}

// Fetched is one message as the client fetched it.
type Fetched struct {
	UID   uint32
	Flags []string // the flags the server reported with it, before the client marked it
	Data  []byte   // the message, CRLF line ends
}

// Seen reports whether the message was already \Seen when fetched.
func (f Fetched) Seen() bool {
	for _, x := range f.Flags {
		if strings.EqualFold(x, FlagSeen) {
			return true
		}
	}
	return false
}

// ClientResult is what a client session achieved.
type ClientResult struct {
	LoggedIn bool
	Exists   int       // messages SELECT reported
	Messages []Fetched // every message fetched, in order
	Marked   int       // messages the client flagged \Seen (they were unseen)
	Deleted  int       // messages the client flagged \Deleted
	Expunged int       // EXPUNGE responses received
	// Failure is the NO or BAD that ended the session early (a wrong
	// password), or an unexpected BYE; nil otherwise.
	Failure *Response
	// Err is a problem on the client's side: a Job that cannot be sent or a
	// response it could not understand (wrapping ErrMalformed).
	Err error
}

// ErrBadJob: the user name or password cannot be sent in a command.
var ErrBadJob = errors.New("imap: user name or password cannot be sent in a command")

// step is where the client is in its script.
type step uint8

const (
	stepGreeting step = iota
	stepCapability
	stepLogin
	stepSelect
	stepFetch
	stepSeen
	stepDelete
	stepExpunge
	stepLogout
	stepDone
)

// Client is one IMAP session on the client side, the way a mail program
// reads a mailbox it leaves on the server: greeting, CAPABILITY, LOGIN,
// SELECT INBOX, UID FETCH 1:* (FLAGS BODY.PEEK[]), UID STORE +FLAGS
// (\Seen) for what was unseen, and with Delete UID STORE +FLAGS
// (\Deleted) and EXPUNGE, then LOGOUT. It is not safe for concurrent use.
type Client struct {
	job  Job
	step step
	tag  string // the tag of the command in flight
	n    int
	res  ClientResult
}

// NewClient returns a client that will carry out job.
func NewClient(job Job) *Client { return &Client{job: job} }

// Result returns what the session has achieved so far.
func (c *Client) Result() ClientResult { return c.res }

// Next takes the server's next response (the greeting first) and returns
// the next command line: "" with done=false to wait for more responses,
// done=true when the session is over.
func (c *Client) Next(r Response) (line string, done bool) {
	if c.step == stepDone {
		return "", true
	}
	if r.Untagged() {
		return c.untagged(r)
	}
	if r.Tag != c.tag || c.step == stepGreeting {
		return "", false // a continuation request or a stray tag: nothing to do
	}
	ok := r.Cond() == CondOK
	switch c.step {
	case stepCapability:
		if !ok {
			return c.fail(r)
		}
		c.step = stepLogin
		return c.command(CmdLOGIN + " " + astringArg(c.job.User) + " " + astringArg(c.job.Pass))
	case stepLogin:
		if !ok {
			return c.fail(r)
		}
		c.res.LoggedIn = true
		c.step = stepSelect
		return c.command(CmdSELECT + " " + Inbox)
	case stepSelect:
		if !ok {
			return c.fail(r)
		}
		if c.res.Exists == 0 {
			return c.logout()
		}
		c.step = stepFetch
		return c.command(CmdUIDFETCH + " 1:* (FLAGS BODY.PEEK[])")
	case stepFetch:
		if !ok {
			return c.fail(r)
		}
		var unseen []uint32
		for _, m := range c.res.Messages {
			if !m.Seen() {
				unseen = append(unseen, m.UID)
			}
		}
		if len(unseen) > 0 {
			c.step = stepSeen
			c.res.Marked = len(unseen)
			return c.command(CmdUIDSTORE + " " + uidSet(unseen) + " +FLAGS (" + FlagSeen + ")")
		}
		return c.afterSeen()
	case stepSeen:
		if !ok {
			c.res.Marked = 0
			return c.fail(r)
		}
		return c.afterSeen()
	case stepDelete:
		if !ok {
			c.res.Deleted = 0
			return c.fail(r)
		}
		c.step = stepExpunge
		return c.command(CmdEXPUNGE)
	case stepExpunge:
		if !ok {
			return c.fail(r)
		}
		return c.logout()
	case stepLogout:
		c.step = stepDone
	}
	return "", true
}

// untagged takes the data the client keeps: EXISTS, FETCH; and BYE.
func (c *Client) untagged(r Response) (string, bool) {
	switch r.Name() {
	case CondOK:
		if c.step == stepGreeting {
			if !sendable(c.job) {
				c.res.Err = ErrBadJob
				return c.logout()
			}
			c.step = stepCapability
			return c.command(CmdCAPABILITY)
		}
	case CondPREAUTH:
		if c.step == stepGreeting {
			c.res.LoggedIn = true
			c.step = stepSelect
			return c.command(CmdSELECT + " " + Inbox)
		}
	case CondBYE:
		if c.step == stepGreeting {
			return c.fail(r)
		}
		if c.step != stepLogout {
			c.failure(r)
			c.step = stepDone
			return "", true
		}
	case DataEXISTS:
		if n, ok := r.Number(); ok {
			c.res.Exists = int(n)
		}
	case DataEXPUNGE:
		c.res.Expunged++
		if c.res.Exists > 0 {
			c.res.Exists--
		}
	case DataFETCH:
		if c.step == stepFetch {
			c.fetched(r)
		}
	}
	return "", false
}

// fetched records one message of the UID FETCH.
func (c *Client) fetched(r Response) {
	_, rest, _ := strings.Cut(r.Text, " ")
	_, rest, _ = strings.Cut(rest, " ")
	sc := scanner{s: rest}
	v, err := sc.value(0)
	if err != nil || v.kind != vList || len(v.list)%2 != 0 || !sc.done() {
		c.malformed(r)
		return
	}
	var f Fetched
	hasBody := false
	for i := 0; i+1 < len(v.list); i += 2 {
		name, val := strings.ToUpper(v.list[i].s), v.list[i+1]
		switch {
		case name == "UID":
			n, ok := number(val.s)
			if !ok || val.kind != vAtom {
				c.malformed(r)
				return
			}
			f.UID = n
		case name == "FLAGS":
			if val.kind != vList {
				c.malformed(r)
				return
			}
			f.Flags = []string{}
			for _, x := range val.list {
				f.Flags = append(f.Flags, x.s)
			}
		case name == "BODY[]":
			if val.kind != vString {
				c.malformed(r)
				return
			}
			f.Data, hasBody = []byte(val.s), true
		}
	}
	if hasBody && f.UID != 0 {
		c.res.Messages = append(c.res.Messages, f)
	}
}

// afterSeen deletes and expunges if asked, or logs out.
func (c *Client) afterSeen() (string, bool) {
	if !c.job.Delete || len(c.res.Messages) == 0 {
		return c.logout()
	}
	uids := make([]uint32, len(c.res.Messages))
	for i, m := range c.res.Messages {
		uids[i] = m.UID
	}
	c.step = stepDelete
	c.res.Deleted = len(uids)
	return c.command(CmdUIDSTORE + " " + uidSet(uids) + " +FLAGS (" + FlagDeleted + ")")
}

func (c *Client) logout() (string, bool) {
	c.step = stepLogout
	return c.command(CmdLOGOUT)
}

// command tags a command with the next tag: a1, a2, ...
func (c *Client) command(text string) (string, bool) {
	c.n++
	c.tag = "a" + strconv.Itoa(c.n)
	return c.tag + " " + text, false
}

// fail records the response that ends the session and logs out.
func (c *Client) fail(r Response) (string, bool) {
	c.failure(r)
	if r.Cond() == CondBYE {
		c.step = stepDone
		return "", true
	}
	return c.logout()
}

func (c *Client) failure(r Response) {
	f := r
	c.res.Failure = &f
}

func (c *Client) malformed(r Response) {
	if c.res.Err == nil {
		c.res.Err = fmt.Errorf("%w: %.80q", ErrMalformed, r.Text)
	}
}

// sendable reports whether the job's credentials fit in a LOGIN command.
func sendable(j Job) bool {
	return j.User != "" && j.Pass != "" && !strings.ContainsAny(j.User+j.Pass, "\r\n\x00") &&
		len(j.User)+len(j.Pass) < 1000
}

// astringArg writes s as an atom when it can be one, as a quoted string
// otherwise (RFC 9051 9: astring).
func astringArg(s string) string {
	if isAtom(s) {
		return s
	}
	return quote(s)
}

// uidSet writes ascending UIDs as a compact set: "1:3,5".
func uidSet(uids []uint32) string {
	var b strings.Builder
	for i := 0; i < len(uids); {
		j := i
		for j+1 < len(uids) && uids[j+1] == uids[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(u32(uids[i]))
		if j > i {
			b.WriteByte(':')
			b.WriteString(u32(uids[j]))
		}
		i = j + 1
	}
	return b.String()
}
