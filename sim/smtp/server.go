package smtp

import (
	"net/netip"
	"strings"
	"unicode/utf8"
)

// Peer is the client end of a server session.
type Peer struct {
	IP   netip.Addr
	Name string // the connecting host's name (reverse DNS), for Received:
}

// Result is what the server does with one client line.
type Result struct {
	Reply   Reply    // Code 0 when the line gets no reply (message text inside DATA)
	Message *Message // set when the final "." accepted a message (Reply is then the 250)
	Close   bool     // the server closes the connection after sending Reply (221, 421)
	// StartTLS: after sending Reply (220 Ready to start TLS) the server
	// starts the TLS handshake on the connection (RFC 3207 4); the driver
	// runs it and calls TLSStarted, then feeds the decrypted lines.
	StartTLS bool
	// Hold: the final "." ended an acceptable message and Config.HoldData
	// is set; Message is it and Reply is empty. The driver sends nothing
	// until it calls Accept or Refuse, whose reply it then sends.
	Hold bool
}

// Message is a message the server accepted, with its envelope.
type Message struct {
	From  string   // reverse-path without angle brackets; "" for the null path <>
	To    []string // accepted forward-paths, in RCPT order
	Helo  string   // the HELO/EHLO argument
	ESMTP bool     // EHLO (true) or HELO
	TLS   bool     // received over TLS (STARTTLS or implicit TLS)
	User  string   // AUTH identity, "" if none
	Peer  Peer
	// Data is the message content as received: dot-stuffing removed, CRLF
	// line ends, no final ".". It is the string the server's buffer
	// became, not a copy of it; nothing changes it.
	Data string
	ID   string // the queue id of the "250 ... queued as" reply, "" without Config.NextID
}

// Server is one SMTP server session: the state machine behind one accepted
// connection. Feed it the client's lines with Handle, send what it returns.
type Server struct {
	cfg    *Config
	peer   Peer
	state  State
	helo   string
	esmtp  bool
	user   string
	tls    bool // the session runs inside TLS
	errors int  // 4xx/5xx replies to commands so far
	// overshoot counts RCPTs past the recipient limit; excused says the
	// reply being made is one that does not count as an error.
	overshoot int
	excused   bool

	// The mail transaction (RFC 5321 3.3).
	from     string
	to       []string
	refused  []string        // forward-paths refused in this transaction, "<addr> 550"
	accepted int             // messages accepted in this session
	data     strings.Builder // the message text; its string becomes Message.Data
	size     int             // octets of message text seen, CRLF included, dot-stuffing removed
	hint     int             // octets of client input at hand (SizeHint): what the DATA buffer starts with
	longLine bool            // a text line was over 1000 octets
	held     bool            // a final "." waits for Accept or Refuse (Config.HoldData)

	// The AUTH exchange in progress (StateAuth).
	mech      uint8
	loginUser string

	// Replies that depend only on the configuration, made once and kept
	// across Reset (a reused core serves one service, then another, and
	// back): nobody changes a reply's Lines, so the same slice can be
	// handed out again. Nil until the first Reset: a core used once keeps
	// nothing.
	made *madeReplies
}

// madeReplies are the EHLO replies and greetings a core made, the last few
// of each, for the configurations it served.
type madeReplies struct {
	ehlo     [replyCache]ehloReply
	greeting [replyCache][]string
	nextEHLO int // the entry the next new EHLO reply takes
	nextGr   int
}

// replyCache is how many configurations a reused core remembers replies
// for: one host's submission server and its MX take two.
const replyCache = 4

type ehloReply struct {
	key   ehloKey
	lines []string
}

// ehloKey is what the EHLO reply's lines are made from.
type ehloKey struct {
	host           string
	size           int
	startTLS, auth bool
}

// Line length limits (RFC 5321 4.5.3.1), counting the CRLF the driver
// removed.
const (
	maxCommandLine = 512   // RFC 5321 4.5.3.1.4
	maxTextLine    = 1000  // RFC 5321 4.5.3.1.6 (not counting the doubled leading dot)
	maxAuthLine    = 12288 // RFC 4954 4: "considered to be a sufficient line length limit"
	maxPath        = 256   // RFC 5321 4.5.3.1.3, with the angle brackets
	maxLocalPart   = 64    // RFC 5321 4.5.3.1.1
	maxDomain      = 255   // RFC 5321 4.5.3.1.2
)

// NewServer starts a session for a client connecting from peer. Send
// Greeting first. cfg must not change while the session runs.
func NewServer(cfg *Config, peer Peer) *Server {
	if cfg == nil {
		cfg = &Config{}
	}
	return &Server{cfg: cfg, peer: peer}
}

// Reset makes s a new session for a client connecting from peer, exactly
// as NewServer(cfg, peer) would, keeping what it can reuse: the lists of a
// transaction that never left the server (a Message takes its own) and the
// replies made from the configuration.
func (s *Server) Reset(cfg *Config, peer Peer) {
	if cfg == nil {
		cfg = &Config{}
	}
	clear(s.to)
	clear(s.refused)
	made := s.made
	if made == nil {
		made = new(madeReplies) // reused: worth keeping replies from now on
	}
	*s = Server{cfg: cfg, peer: peer, to: s.to[:0], refused: s.refused[:0], made: made}
}

// Greeting is the reply the server sends when the connection opens
// (RFC 5321 4.2, 3.1): "220 <host> ESMTP mailsim".
func (s *Server) Greeting() Reply {
	const tail = " ESMTP mailsim"
	h := s.cfg.hostname()
	m := s.made
	if m == nil {
		return Reply{Code: C220ServiceReady, Lines: []string{h + tail}} // a core used once keeps nothing
	}
	for _, l := range m.greeting {
		if len(l) == 1 && len(l[0]) == len(h)+len(tail) && l[0][:len(h)] == h {
			return Reply{Code: C220ServiceReady, Lines: l}
		}
	}
	l := []string{h + tail}
	m.greeting[m.nextGr] = l
	m.nextGr = (m.nextGr + 1) % replyCache
	return Reply{Code: C220ServiceReady, Lines: l}
}

// TLSStarted tells the session that the TLS handshake completed: after
// STARTTLS, or before the greeting on a port of implicit TLS (RFC 8314 3).
// RFC 3207 4.2: the server discards what it knew from the client (the
// EHLO, an AUTH identity) and the session starts over; the client must
// send EHLO again, and STARTTLS is no longer offered.
func (s *Server) TLSStarted() {
	s.resetTransaction()
	s.helo, s.esmtp, s.user, s.mech, s.loginUser = "", false, "", mechNone, ""
	s.state = StateConnected
	s.tls = true
}

// TLS reports whether the session runs inside TLS.
func (s *Server) TLS() bool { return s.tls }

// offersAuth: AUTH PLAIN/LOGIN send the password in a form anyone can
// read, so a server that offers STARTTLS offers AUTH only once TLS is up
// (RFC 4954 4, 14; Postfix's smtpd_tls_auth_only, Dovecot's
// disable_plaintext_auth).
func (s *Server) offersAuth() bool {
	return s.cfg.authEnabled() && (s.tls || !s.cfg.StartTLS)
}

// SizeHint tells the session that n octets of client input are at hand,
// about to be handed to Handle line by line: a driver that reads a whole
// segment says so before its first line. Message text that starts in it
// is then buffered in one allocation of about n octets rather than a guess
// that grows. A hint only sizes the buffer; it never changes a reply.
func (s *Server) SizeHint(n int) { s.hint = n }

// State is the session's state after the last line handled.
func (s *Server) State() State { return s.state }

// User is the authenticated identity, "" if none.
func (s *Server) User() string { return s.user }

// LineVerb returns the trace tag of a client line about to be handed to
// Handle: TagDataLine inside DATA, TagAuthData inside an AUTH exchange, else
// the command's verb (Verb), "" for an unknown one. Call it before Handle.
func (s *Server) LineVerb(line string) string {
	switch s.state {
	case StateData:
		return TagDataLine
	case StateAuth:
		return TagAuthData
	}
	return Verb(line)
}

// Handle takes one line from the client, without its CRLF, and returns what
// the server answers. After the session closed (221, 421) it returns
// Result{Close: true} with no reply.
func (s *Server) Handle(line string) Result {
	switch s.state {
	case StateClosed:
		return Result{Close: true}
	case StateData:
		return s.dataLine(line)
	case StateAuth:
		return s.countErrors(s.authResponse(line))
	}
	return s.countErrors(s.command(line))
}

func (s *Server) countErrors(r Result) Result {
	if r.Reply.Code >= 400 && !s.excused {
		s.errors++
	}
	s.excused = false
	return r
}

// command is one line in command mode.
func (s *Server) command(line string) Result {
	// RFC 5321 4.2.3: 421 "may be a reply to any command if the service
	// knows it must shut down". Postfix says it before reading the next
	// command; a sans-I/O core can only say it in answer to one.
	if s.errors >= s.cfg.maxErrors() {
		s.state = StateClosed
		return Result{Reply: replyTooManyErrors(s.cfg.hostname()), Close: true}
	}
	// Be liberal like Postfix: ignore trailing white space and a CR left by
	// a driver that split on LF.
	raw := len(line)
	line = trimRightWSP(line, true)
	word, arg, _ := strings.Cut(line, " ")
	cmd := lookupCommand(word)
	if raw+2 > s.commandLimit(cmd) {
		return Result{Reply: replyLineTooLong}
	}
	if line == "" {
		return Result{Reply: replyBadSyntax}
	}
	// One pass finds both kinds of byte the two checks below look for:
	// most command lines are plain ASCII.
	control, nonASCII := scanLine(line)
	// RFC 6531 3.3: with SMTPUTF8 advertised, command lines are UTF-8.
	if nonASCII && !utf8.ValidString(line) {
		return Result{Reply: replyBadUTF8}
	}
	// RFC 5321 4.1.1: commands are printable text; a control character
	// (a NUL, a lone CR or LF) is never part of one.
	if control {
		return Result{Reply: replyBadSyntax}
	}
	if cmd == nil {
		return Result{Reply: replyUnknownCmd}
	}
	// RFC 4954 6: 530 answers any command but AUTH, EHLO, HELO, NOOP, RSET
	// and QUIT (and STARTTLS, which must come before AUTH) while policy
	// requires authentication.
	if cmd.needsAuth && s.cfg.AuthRequired && s.user == "" {
		return Result{Reply: replyAuthRequired}
	}
	return cmd.run(s, strings.TrimLeft(arg, " "))
}

// commandLimit is the longest line, CRLF included, the server accepts for a
// command.
func (s *Server) commandLimit(cmd *command) int {
	if cmd == nil || cmd.verb != VerbMAIL {
		return maxCommandLine
	}
	// Each MAIL parameter an extension defines raises the limit by its
	// longest form: RFC 1870 6 (SIZE, 26), RFC 6152 2 (BODY, 16),
	// RFC 6531 3.4 (SMTPUTF8, 10) and RFC 4954 3 (AUTH, 500).
	n := maxCommandLine + 26 + 16 + 10
	if s.cfg.authEnabled() {
		n += 500
	}
	return n
}

// trimRightWSP removes the spaces and tabs at the end of s, and the CRs
// among them when cr is set. strings.TrimRight would build a set of its
// cutset on every call: it runs on every command line and every header
// field CountReceived reads.
func trimRightWSP(s string, cr bool) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t':
		case '\r':
			if !cr {
				return s
			}
		default:
			return s
		}
		s = s[:len(s)-1]
	}
	return s
}

// scanLine reports whether s has a control character (below 0x20 other
// than tab, or DEL) and whether it has a byte outside ASCII.
func scanLine(s string) (control, nonASCII bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue // printable ASCII, nearly every byte: one test
		}
		control = control || (c < 0x20 && c != '\t') || c == 0x7f
		nonASCII = nonASCII || c >= 0x80
	}
	return control, nonASCII
}

// command is one entry of the command table.
type command struct {
	verb      string
	run       func(*Server, string) Result
	needsAuth bool // answered with 530 while Config.AuthRequired and not authenticated
}

// commands is the server's command table: adding a verb is one line here
// and its method.
var commands = [...]command{
	{verb: VerbEHLO, run: (*Server).ehlo},
	{verb: VerbHELO, run: (*Server).heloCmd},
	{verb: VerbMAIL, run: (*Server).mail, needsAuth: true},
	{verb: VerbRCPT, run: (*Server).rcpt, needsAuth: true},
	{verb: VerbDATA, run: (*Server).dataCmd, needsAuth: true},
	{verb: VerbRSET, run: (*Server).rset},
	{verb: VerbNOOP, run: (*Server).noop},
	{verb: VerbQUIT, run: (*Server).quit},
	{verb: VerbVRFY, run: (*Server).vrfy, needsAuth: true},
	{verb: VerbHELP, run: (*Server).help, needsAuth: true},
	{verb: VerbAUTH, run: (*Server).auth},
	{verb: VerbSTARTTLS, run: (*Server).startTLS},
	{verb: VerbEXPN, run: (*Server).expn},
}

// lookupCommand finds a verb case-insensitively (RFC 5321 2.4) without
// allocating. Every line of a session is looked up, so an ASCII word is
// upper-cased into a stack copy and compared by length first; a word with
// other bytes takes strings.EqualFold's Unicode folding as before.
func lookupCommand(word string) *command {
	var buf [8]byte // the longest verb, STARTTLS
	v, fold := upperASCII(&buf, word)
	if fold {
		return lookupCommandFold(word)
	}
	if v == nil {
		return nil
	}
	for i := range commands {
		// The first byte tells most verbs apart before a string compare.
		if len(commands[i].verb) == len(v) && commands[i].verb[0] == v[0] && commands[i].verb == string(v) {
			return &commands[i]
		}
	}
	return nil
}

// upperASCII upper-cases word into buf, for a look-up that must not
// allocate: it returns the upper-cased bytes, or nil when word is longer
// than buf, or fold true when word has a byte that is not ASCII. Then only
// strings.EqualFold's Unicode folding can tell what it matches: "ſTARTTLS"
// (U+017F folds to s) is longer than STARTTLS.
func upperASCII(buf *[8]byte, word string) (up []byte, fold bool) {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 0x80 {
			return nil, true
		}
		if i >= len(buf) {
			continue // too long to match; read on for non-ASCII bytes
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	if len(word) > len(buf) {
		return nil, false
	}
	return buf[:len(word)], false
}

// lookupCommandFold is lookupCommand with Unicode case folding, for a
// word that is not ASCII.
func lookupCommandFold(word string) *command {
	for i := range commands {
		if strings.EqualFold(word, commands[i].verb) {
			return &commands[i]
		}
	}
	return nil
}

// resetTransaction drops the mail transaction (RFC 5321 4.1.1.5). Buffers
// handed out in a Message are not reused.
func (s *Server) resetTransaction() {
	s.from = ""
	s.to = s.to[:0]
	s.refused = s.refused[:0]
	s.data.Reset()
	s.size = 0
	s.longLine = false
}
