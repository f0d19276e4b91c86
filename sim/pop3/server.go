package pop3

import (
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strconv"
)

// Config is what a POP3 server knows: its name, its users and their maildrops.
// A Config is only read by the servers made from it, so one Config can serve
// many sessions.
type Config struct {
	Hostname  string
	Users     map[string]string           // user -> password (USER/PASS, APOP)
	Open      func(user string) []Message // the maildrop at login; the server keeps this snapshot
	Timestamp string                      // APOP banner timestamp "<1896.697170952@dbc.mtview.ca.us>"; "" = no APOP
	// STLS offers STLS (RFC 2595 4) and, as Dovecot's
	// disable_plaintext_auth does, refuses USER/PASS until TLS is up.
	STLS bool
	// Lock takes the exclusive-access lock on a user's maildrop after a
	// good password (RFC 1939 8) and reports whether it got it; a session
	// that does not answers "-ERR [IN-USE] ..." (RFC 2449 8.1.1) and stays
	// in AUTHORIZATION. Unlock gives the lock back when the session ends,
	// through QUIT or Hangup. Nil Lock means the maildrop is never in use.
	Lock   func(user string) bool
	Unlock func(user string)
}

// Validate reports the first problem that would make the server send a line
// no real server sends: a host name or timestamp that is not one token of
// printable ASCII, a timestamp that is not in angle brackets (RFC 1939 7:
// the syntax of a msg-id), a greeting longer than MaxStatus, or a user name
// that USER could never carry.
func (c *Config) Validate() error {
	if !printableToken(c.Hostname) && c.Hostname != "" {
		return errors.New("pop3: host name must be printable ASCII without spaces")
	}
	if ts := c.Timestamp; ts != "" {
		if len(ts) < 3 || ts[0] != '<' || ts[len(ts)-1] != '>' || !printableToken(ts) {
			return errors.New("pop3: APOP timestamp must look like <1896.697170952@host>")
		}
	}
	if s := NewServer(c); len(s.greeting)+2 > MaxStatus {
		return errors.New("pop3: greeting longer than 512 octets")
	}
	for user, pass := range c.Users {
		if !printableToken(user) || len(CmdUSER)+1+len(user)+2 > MaxCommand {
			return errors.New("pop3: user name " + strconv.Quote(user) + " must be printable ASCII without spaces and fit a USER command")
		}
		for i := 0; i < len(pass); i++ {
			if pass[i] == '\r' || pass[i] == '\n' {
				return errors.New("pop3: password of " + user + " contains a line break")
			}
		}
	}
	return nil
}

// printableToken reports whether s is non-empty printable ASCII without spaces.
func printableToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return s != ""
}

// Server is one POP3 session on the server side. It is not safe for
// concurrent use; a connection drives it one line at a time.
type Server struct {
	cfg      Config
	greeting string // status text of the greeting, built once
	state    State
	pending  string // the name given by USER, waiting for PASS
	hasUser  bool   // a USER was accepted and PASS may follow
	user     string // the logged-in user
	msgs     []mail // the maildrop snapshot taken at login
	marked   int    // messages marked deleted
	markSize int    // octets of the marked messages
	total    int    // octets of every message in the snapshot

	retrieved []int // numbers of the messages RETR sent, in order, each once
	// markList is the numbers of the marked messages, ascending. Info hands
	// out views of it and of retrieved, so both are only appended to (past
	// every view's end) or replaced, never changed in place: a session of
	// a thousand RETRs and DELEs would otherwise copy them a thousand times.
	markList []int
	removed  int  // messages deleted when QUIT entered UPDATE
	tls      bool // the session runs inside TLS
	// lines is the slab the lines of multi-line responses (a message's,
	// a listing's) are cut from (room). Reset keeps it, and msgs's array,
	// emptied: a server reused session after session then answers RETR
	// and LIST without allocating. So the Lines of a Result are valid
	// until the next Reset.
	lines []string
}

// Result is what the server does in answer to one command line.
type Result struct {
	Response Response
	Close    bool     // the server closes after this response (QUIT)
	Delete   []string // UIDs to delete: set only on the +OK to QUIT in TRANSACTION (UPDATE state).
	// A connection that drops before QUIT deletes nothing (RFC 1939 6).
	Login string // set to the user name on the +OK to PASS/APOP
	// StartTLS: after the +OK to STLS the server starts the TLS handshake
	// (RFC 2595 4); the driver runs it and calls TLSStarted.
	StartTLS bool
}

// room returns an empty slice with room for n lines, cut from the slab
// s.lines: for the lines of one response, or a message's kept for the
// session.
func (s *Server) room(n int) []string {
	if cap(s.lines)-len(s.lines) < n {
		s.lines = make([]string, 0, max(n, lineSlab))
	}
	k := len(s.lines)
	s.lines = s.lines[:k+n]
	return s.lines[k : k : k+n]
}

// lineSlab is the size of a new slab of lines: a session's listing and
// a few short messages. maxLineSlab bounds what Reset keeps.
const (
	lineSlab    = 64
	maxLineSlab = 4096
)

// NewServer starts a session in the AUTHORIZATION state. A nil cfg is a
// server with no users.
func NewServer(cfg *Config) *Server {
	s := &Server{}
	s.Reset(cfg)
	return s
}

// Reset makes s a new session, exactly as NewServer(cfg) would, keeping
// the greeting's text when it is the same, and the arrays of the maildrop
// snapshot and of the line slab, emptied (so a Result's Lines are valid
// until the next Reset). The lists Info hands out views of (retrieved,
// markList) are not kept: they stay with the views.
func (s *Server) Reset(cfg *Config) {
	greeting, host, stamp := s.greeting, s.cfg.Hostname, s.cfg.Timestamp
	msgs, lines := s.msgs, s.lines
	clear(msgs) // the last session's texts: let them go
	clear(lines)
	if cap(lines) > maxLineSlab {
		lines = nil // a huge message's: not kept for every session after
	}
	*s = Server{msgs: msgs[:0], lines: lines[:0]}
	if cfg != nil {
		s.cfg = *cfg
	}
	if greeting != "" && host == s.cfg.Hostname && stamp == s.cfg.Timestamp {
		s.greeting = greeting
		return
	}
	g := "POP3 server ready"
	if s.cfg.Hostname != "" {
		g = s.cfg.Hostname + " " + g
	}
	// RFC 1939 7: a server that implements APOP includes a timestamp in its
	// banner greeting; the client's digest covers it.
	if s.cfg.Timestamp != "" {
		g += " " + s.cfg.Timestamp
	}
	s.greeting = g
}

// Greeting returns the response the server sends when the connection opens
// (RFC 1939 4): "+OK <host> POP3 server ready", with the APOP timestamp after
// it when APOP is enabled.
func (s *Server) Greeting() Response { return Response{OK: true, Text: s.greeting} }

// State returns the session's state.
func (s *Server) State() State { return s.state }

// User returns the logged-in user, "" before login.
func (s *Server) User() string { return s.user }

// Marked returns the number of messages marked deleted in this session.
func (s *Server) Marked() int { return s.marked }

// Hangup records that the connection ended without QUIT, from either side.
// The session is CLOSED and, by RFC 1939 6, nothing is deleted: the marks of
// DELE are simply forgotten.
func (s *Server) Hangup() {
	if s.state == StateTransaction {
		s.unlock()
	}
	s.state = StateClosed
	s.marked, s.markSize, s.markList = 0, 0, nil
}

// Response texts. Those that RFC 1939 shows in its examples are the RFC's;
// the others say what went wrong and what to do instead.
const (
	txtUnknown     = "unknown command"
	txtTooLong     = "line too long"
	txtClosed      = "session closed"
	txtLoginFirst  = "log in first with USER and PASS"
	txtLoginAPOP   = "log in first with USER and PASS, or APOP"
	txtLoggedIn    = "already logged in"
	txtSendPass    = "send PASS"
	txtUserFirst   = "USER first"
	txtBadLogin    = "[" + CodeAuth + "] invalid user name or password"
	txtInUse       = "[" + CodeInUse + "] maildrop already locked by another session"
	txtNoAPOP      = "APOP not supported"
	txtTLSActive   = "TLS already active"
	txtBeginTLS    = "Begin TLS negotiation"
	txtPlainOff    = "[" + CodeAuth + "] Plaintext authentication disallowed on non-secure (SSL/TLS) connections."
	txtCapa        = "Capability list follows"
	txtBadNumber   = "invalid message number"
	txtBadCount    = "invalid number of lines"
	txtTop         = "top of message follows"
	txtUIDL        = "unique-id listing follows"
	txtSignOff     = "POP3 server signing off"
	implementation = "mailsim"
)

// Handle processes one command line (with or without its CRLF) and returns
// the response and its effects.
func (s *Server) Handle(line string) Result {
	if s.state == StateUpdate || s.state == StateClosed {
		// The server closed after QUIT; a line that still arrives is answered
		// only so that a caller driving the session by hand sees why.
		s.state = StateClosed
		return Result{Response: fail(txtClosed), Close: true}
	}
	line = trimEOL(line)
	// RFC 2449 4: a command line is at most 255 octets, CRLF included.
	if len(line)+2 > MaxCommand {
		return errResult(txtTooLong)
	}
	return s.dispatch(line)
}

// splitArgs splits the arguments of a command at spaces (RFC 1939 3: single
// spaces; runs of spaces are tolerated). n counts the arguments, and is 3 for
// three or more, which no command takes.
func splitArgs(rest string) (args [2]string, n int) {
	for rest != "" {
		if rest[0] == ' ' {
			rest = rest[1:]
			continue
		}
		end := len(rest)
		for i := 0; i < len(rest); i++ {
			if rest[i] == ' ' {
				end = i
				break
			}
		}
		if n == 2 {
			return args, 3
		}
		args[n] = rest[:end]
		n++
		rest = rest[end:]
	}
	return args, n
}

// userCmd answers USER (RFC 1939 7).
func (s *Server) userCmd(a args) Result {
	// RFC 1939 7: the server may accept USER for a mailbox that does not
	// exist; answering the same for every name does not tell an attacker
	// which names are real.
	s.pending, s.hasUser = a.a[0], true
	return okResult(txtSendPass)
}

// stls answers STLS (RFC 2595 4): +OK, then the TLS handshake, which the
// driver runs when the Result says StartTLS; -ERR inside TLS.
func (s *Server) stls(args) Result {
	if s.tls {
		return errResult(txtTLSActive)
	}
	r := okResult(txtBeginTLS)
	r.StartTLS = true
	return r
}

// TLSStarted tells the session that the TLS handshake completed: after
// STLS, or before the greeting on port 995 (RFC 8314 3). RFC 2595 4: a
// USER given before is forgotten.
func (s *Server) TLSStarted() {
	s.pending, s.hasUser = "", false
	s.tls = true
}

// TLS reports whether the session runs inside TLS.
func (s *Server) TLS() bool { return s.tls }

// plainAllowed: a server that offers STLS takes the password only inside
// TLS (RFC 2595 2.2, Dovecot's disable_plaintext_auth).
func (s *Server) plainAllowed() bool { return s.tls || !s.cfg.STLS }

// plainReady: USER is refused in the clear when STLS is offered, with
// Dovecot's words.
func (s *Server) plainReady() string {
	if !s.plainAllowed() {
		return txtPlainOff
	}
	return ""
}

// passReady: PASS follows an accepted USER (RFC 1939 7).
func (s *Server) passReady() string {
	if !s.plainAllowed() {
		return txtPlainOff
	}
	if !s.hasUser {
		return txtUserFirst
	}
	return ""
}

// pass checks USER's name and PASS's password (RFC 1939 7).
func (s *Server) pass(a args) Result {
	pass := a.raw
	name := s.pending
	// RFC 1939 7: after a failed PASS the client starts again with USER.
	s.pending, s.hasUser = "", false
	want, ok := s.cfg.Users[name]
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(pass)) != 1 {
		return badLogin()
	}
	return s.login(name)
}

// apopReady: APOP needs the timestamp of the greeting (RFC 1939 7).
func (s *Server) apopReady() string {
	if s.cfg.Timestamp == "" {
		return txtNoAPOP
	}
	return ""
}

// apop checks an APOP digest: RFC 1939 7, the MD5 of the greeting's
// timestamp followed by the shared secret, as 32 lower-case hex digits.
func (s *Server) apop(a args) Result {
	s.pending, s.hasUser = "", false
	pass, ok := s.cfg.Users[a.a[0]]
	if !ok || len(a.a[1]) != 2*md5.Size {
		return badLogin()
	}
	sum := md5.Sum([]byte(s.cfg.Timestamp + pass))
	var want [2 * md5.Size]byte
	hex.Encode(want[:], sum[:])
	// Upper-case hex is accepted too: be liberal in what is accepted.
	var got [2 * md5.Size]byte
	for i := range got {
		c := a.a[1][i]
		if 'A' <= c && c <= 'F' {
			c += 'a' - 'A'
		}
		got[i] = c
	}
	if subtle.ConstantTimeCompare(want[:], got[:]) != 1 {
		return badLogin()
	}
	return s.login(a.a[0])
}

// login locks and opens the user's maildrop and enters TRANSACTION (RFC
// 1939 4).
func (s *Server) login(name string) Result {
	if s.cfg.Lock != nil && !s.cfg.Lock(name) {
		return errResult(txtInUse)
	}
	var msgs []Message
	if s.cfg.Open != nil {
		msgs = s.cfg.Open(name)
	}
	s.msgs = snapshot(s.msgs[:0], msgs)
	s.total = 0
	for i := range s.msgs {
		s.total += s.msgs[i].size
	}
	s.user, s.state = name, StateTransaction
	// RFC 1939 7: "+OK mrose's maildrop has 2 messages (320 octets)".
	var buf [80]byte
	b := append(buf[:0], name...)
	b = append(b, "'s maildrop has "...)
	r := okResult(string(appendSummary(b, len(s.msgs), s.total)))
	r.Login = name
	return r
}

// capaCmd answers CAPA.
func (s *Server) capaCmd(args) Result { return Result{Response: s.capa()} }

// capa lists the capabilities (RFC 2449 5). The same list is sent in both
// states: every capability here is either valid in AUTHORIZATION, which
// RFC 2449 5 says must then be announced in both, or describes the server.
func (s *Server) capa() Response {
	lines := make([]string, 0, 7)
	lines = append(lines, CapTOP)
	if s.plainAllowed() {
		lines = append(lines, CapUSER) // RFC 2595 4: only once USER would be taken
	}
	lines = append(lines, CapRespCodes, CapAuthRespCode, CapUIDL)
	if s.cfg.STLS && !s.tls {
		lines = append(lines, CapSTLS)
	}
	lines = append(lines, CapImpl+" "+implementation)
	return Response{OK: true, Text: txtCapa, Multi: true, Lines: lines}
}

// quitCmd answers QUIT.
func (s *Server) quitCmd(args) Result { return s.quit() }

// quit ends the session (RFC 1939 4 and 6).
func (s *Server) quit() Result {
	var buf [80]byte
	b := buf[:0]
	if s.cfg.Hostname != "" {
		b = append(append(b, s.cfg.Hostname...), ' ')
	}
	b = append(b, txtSignOff...)
	if s.state == StateAuthorization {
		// RFC 1939 4: QUIT in AUTHORIZATION ends the session without
		// entering UPDATE.
		s.state = StateClosed
		return Result{Response: Response{OK: true, Text: string(b)}, Close: true}
	}
	// RFC 1939 6: QUIT in TRANSACTION enters UPDATE, which removes the
	// messages marked as deleted.
	s.state = StateUpdate
	var del []string
	if s.marked > 0 {
		del = make([]string, 0, s.marked)
		for i := range s.msgs {
			if s.msgs[i].deleted {
				del = append(del, s.msgs[i].uid)
			}
		}
	}
	// RFC 1939 6: "+OK dewey POP3 server signing off (maildrop empty)", or
	// the number of messages left.
	if left := len(s.msgs) - s.marked; left > 0 {
		b = append(b, " ("...)
		b = appendCount(b, left)
		b = append(b, " left)"...)
	} else {
		b = append(b, " (maildrop empty)"...)
	}
	s.removed = len(del)
	s.unlock()
	return Result{Response: Response{OK: true, Text: string(b)}, Close: true, Delete: del}
}

// unlock gives back the maildrop lock a login took.
func (s *Server) unlock() {
	if s.user != "" && s.cfg.Unlock != nil {
		s.cfg.Unlock(s.user)
	}
}

func okResult(text string) Result { return Result{Response: Response{OK: true, Text: text}} }

func errResult(text string) Result { return Result{Response: fail(text)} }

func fail(text string) Response { return Response{Text: text} }

func badLogin() Result { return errResult(txtBadLogin) }

func noArgs(verb string) Result { return errResult(verb + " takes no arguments") }
