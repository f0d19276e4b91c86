package imap

import (
	"crypto/subtle"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/mailstore"
)

// Mailbox is what the server needs of a user's INBOX: the mail store's
// messages, UIDs and flags (*mailstore.Mailbox has these). Changes go
// straight to the store, so every session, IMAP or POP3, sees them.
type Mailbox interface {
	UIDValidity() uint32
	UIDNext() uint32
	Messages() []*mailstore.Message // in UID order; read, do not keep
	SetFlags(uid uint32, f mailstore.Flags) bool
	Remove(uids ...uint32) int
}

// recentTaker is the optional part of a Mailbox that counts \Recent
// messages (RFC 3501 2.3.2) for IMAP4rev1's RECENT response.
type recentTaker interface{ TakeRecent() int }

// Config is what an IMAP server knows: its name, its users and their
// mailboxes. A Config is only read by the servers made from it.
type Config struct {
	Hostname string
	Users    map[string]string // user -> password (LOGIN)
	// Open returns the user's INBOX at SELECT; nil means the user has
	// none.
	Open func(user string) Mailbox
	// Rev2 advertises IMAP4rev2 beside IMAP4rev1, with ENABLE, so a
	// client may switch the session to RFC 9051's rules.
	Rev2 bool
}

// Server is one IMAP session on the server side. It is not safe for
// concurrent use; a connection drives it one line at a time.
type Server struct {
	cfg   Config
	state State
	rev2  bool // ENABLE IMAP4rev2 was accepted
	user  string
	box   Mailbox
	view  []viewMsg // the session's messages, by sequence number - 1

	// The command being assembled from several lines (literals).
	cmd     strings.Builder
	need    int  // literal octets still to come
	discard bool // the literal is too large: count its octets, keep nothing
	badTag  string

	fetched  []uint32 // UIDs whose body was fetched, in order, each once
	expunged int      // messages this session expunged
	gen      uint64   // counts changes, for Unchanged
}

// viewMsg is a message as the session last told the client about it.
type viewMsg struct {
	uid   uint32
	flags mailstore.Flags
}

// Result is what the server does in answer to one line.
type Result struct {
	Responses []Response
	Close     bool // the server closes after these responses (LOGOUT)
}

// NewServer starts a session in the Not Authenticated state. A nil cfg is
// a server with no users.
func NewServer(cfg *Config) *Server {
	s := &Server{}
	if cfg != nil {
		s.cfg = *cfg
	}
	return s
}

// Greeting returns the response the server sends when the connection
// opens (RFC 9051 7.1.1): "* OK [CAPABILITY ...] <host> IMAP4 server ready".
func (s *Server) Greeting() Response {
	text := "ready"
	if s.cfg.Hostname != "" {
		text = s.cfg.Hostname + " IMAP4 server ready"
	}
	return untagged("OK [" + CodeCAPABILITY + " " + s.capabilities() + "] " + text)
}

// State returns the session's state.
func (s *Server) State() State { return s.state }

// User returns the logged-in user, "" before login.
func (s *Server) User() string { return s.user }

// Hangup records that the connection ended without LOGOUT. Nothing is
// expunged: RFC 9051 6.4.1 expunges silently only on CLOSE.
func (s *Server) Hangup() {
	s.state = StateLogout
	s.gen++
}

// Response texts.
const (
	txtUnknown      = "unknown command"
	txtUnsupported  = " is not implemented by this minimal server"
	txtTooLong      = "command line too long"
	txtLiteralLarge = "literal too large"
	txtSyntax       = "syntax error in arguments"
	txtNotAuth      = "log in first with LOGIN"
	txtAuthed       = "already logged in"
	txtNoMailbox    = "no mailbox selected: SELECT INBOX first"
	txtBadLogin     = "[" + CodeAUTHFAILED + "] invalid user name or password"
	txtNoSuchBox    = "[" + CodeNONEXISTENT + "] no such mailbox; this server has only INBOX"
	txtBadSeq       = "invalid message sequence number"
	txtBadItem      = "unknown or unsupported FETCH item"
	txtBadFlag      = "unsupported flag; this server stores only system flags"
	txtLiteral      = "ready for literal data"
	txtBye          = "IMAP4 server logging out"
	txtClosed       = "session closed"
)

// unimplemented are the RFC 3501 and RFC 9051 commands this server does
// not have: known to the protocol, so the BAD says not implemented rather
// than unknown.
var unimplemented = []string{"STARTTLS", "AUTHENTICATE", "EXAMINE", "CREATE", "DELETE", "RENAME",
	"SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB", "NAMESPACE", "STATUS", "APPEND", "IDLE", "CHECK",
	"UNSELECT", "SEARCH", "COPY", "MOVE"}

// Handle processes one line from the client (with or without its CRLF)
// and returns the responses and whether to close.
func (s *Server) Handle(line string) Result {
	line = trimEOL(line)
	if s.state == StateLogout {
		return Result{Responses: []Response{untagged(CondBYE + " " + txtClosed)}, Close: true}
	}
	if s.need != 0 || s.discard {
		return s.literalLine(line)
	}
	// RFC 7162 4: a line of up to 8192 octets must be accepted; longer
	// ones are refused here, with the tag when it can be read.
	if len(line)+2 > MaxLine {
		return s.refuse(line, txtTooLong)
	}
	s.cmd.Reset()
	return s.text(line)
}

// text takes the part of a command outside literals: either the command is
// whole, or it announces a literal (RFC 9051 4.3).
func (s *Server) text(part string) Result {
	if s.cmd.Len()+len(part) > MaxCommand {
		return s.refuse(s.cmd.String(), txtTooLong)
	}
	s.cmd.WriteString(part)
	n, sync, ok := trailingLiteral(part)
	if !ok {
		cmd := s.cmd.String()
		s.cmd.Reset()
		return s.command(cmd)
	}
	if n > MaxLiteral {
		// RFC 9051 7.1.3 / RFC 7888 4: a literal the server will not take
		// gets a tagged BAD instead of the continuation request. A
		// non-synchronizing one is on its way regardless, so its octets are
		// counted and dropped.
		tag := tagOf(s.cmd.String())
		s.cmd.Reset()
		if !sync {
			s.discard, s.need, s.badTag = true, n, tag
			return Result{}
		}
		return badResult(tag, txtLiteralLarge)
	}
	s.need = n
	s.cmd.WriteString("\r\n")
	if n == 0 {
		s.need = -1 // nothing to wait for: the command goes on with the next line
	}
	if !sync {
		return Result{}
	}
	// RFC 9051 7.5: "+" asks the client to send the literal's octets.
	return Result{Responses: []Response{{Tag: "+", Text: txtLiteral}}}
}

// literalLine takes a line while a literal is being received.
func (s *Server) literalLine(line string) Result {
	k := s.need
	if k < 0 {
		k = 0
	}
	if k >= len(line)+2 {
		s.need -= len(line) + 2
		if !s.discard {
			s.cmd.WriteString(line)
			s.cmd.WriteString("\r\n")
		}
		if s.need == 0 {
			s.need = -1
			if s.discard {
				// The dropped literal ended with this line's CRLF; the rest
				// of its command follows on the next line and is dropped too.
				return Result{}
			}
		}
		return Result{}
	}
	if s.discard {
		tag := s.badTag
		s.discard, s.need, s.badTag = false, 0, ""
		return badResult(tag, txtLiteralLarge)
	}
	s.need = 0
	if k == len(line)+1 {
		// The literal would end between CR and LF.
		tag := tagOf(s.cmd.String())
		s.cmd.Reset()
		return badResult(tag, txtSyntax)
	}
	s.cmd.WriteString(line[:k])
	return s.text(line[k:])
}

// refuse answers a line that cannot be taken as a command.
func (s *Server) refuse(line, text string) Result {
	s.cmd.Reset()
	s.need, s.discard = 0, false
	return badResult(tagOf(line), text)
}

// tagOf returns the tag a command line starts with, or "*" when it has
// none that can be used (RFC 9051 7.1.3: an untagged BAD when the tag
// cannot be read).
func tagOf(line string) string {
	tag, _, _ := strings.Cut(line, " ")
	if validTag(tag) {
		return tag
	}
	return "*"
}

// command parses and runs one whole command.
func (s *Server) command(line string) Result {
	tag, rest, ok := strings.Cut(line, " ")
	if !validTag(tag) {
		// RFC 9051 2.2.1: every command starts with a tag.
		return badResult("*", "a command starts with a tag, such as a1 NOOP")
	}
	if !ok || rest == "" {
		return badResult(tag, "missing command")
	}
	name, args, spaced := strings.Cut(rest, " ")
	name = strings.ToUpper(name)
	if name == CmdUID {
		var sub string
		sub, args, spaced = strings.Cut(args, " ")
		name = CmdUID + " " + strings.ToUpper(sub)
	}
	cmd := lookupCommand(name)
	if cmd == nil {
		for _, u := range unimplemented {
			if name == u {
				return badResult(tag, u+txtUnsupported)
			}
		}
		return badResult(tag, txtUnknown)
	}
	if cmd.in&(1<<s.state) == 0 {
		return badResult(tag, s.wrongState(cmd))
	}
	// RFC 9051 9: one SP before each argument, none after the last.
	if spaced && args == "" {
		return badResult(tag, txtSyntax)
	}
	sc := scanner{s: args}
	vals, err := sc.values()
	if err != nil {
		return badResult(tag, txtSyntax)
	}
	if len(vals) < cmd.min || len(vals) > cmd.max {
		return badResult(tag, cmd.usage)
	}
	out := cmd.run(s, tag, vals)
	s.gen++
	return out
}

// wrongState says why a command is not taken in the current state.
func (s *Server) wrongState(cmd *command) string {
	switch {
	case s.state == StateNotAuthenticated:
		return txtNotAuth
	case cmd.in == inNotAuth:
		return txtAuthed
	case cmd.in == inSelected:
		return txtNoMailbox
	}
	return cmd.name + " is valid only before SELECT"
}

// capabilities lists what the server offers (RFC 9051 7.2.2).
func (s *Server) capabilities() string {
	if s.cfg.Rev2 {
		return CapIMAP4rev1 + " " + CapIMAP4rev2 + " " + CapENABLE
	}
	return CapIMAP4rev1
}

// capability answers CAPABILITY (RFC 9051 6.1.1).
func (s *Server) capability(tag string, _ []value) Result {
	return done(tag, CondOK, "CAPABILITY completed", untagged(DataCAPABILITY+" "+s.capabilities()))
}

// noop answers NOOP (RFC 9051 6.1.2): nothing, except the changes other
// sessions made to the selected mailbox.
func (s *Server) noop(tag string, _ []value) Result {
	return done(tag, CondOK, "NOOP completed", s.sync(true)...)
}

// logout answers LOGOUT (RFC 9051 6.1.3): BYE, then the tagged OK.
func (s *Server) logout(tag string, _ []value) Result {
	s.state = StateLogout
	r := done(tag, CondOK, "LOGOUT completed", untagged(CondBYE+" "+s.host()+txtBye))
	r.Close = true
	return r
}

func (s *Server) host() string {
	if s.cfg.Hostname == "" {
		return ""
	}
	return s.cfg.Hostname + " "
}

// enable answers ENABLE (RFC 5161 3.1, RFC 9051 6.3.1): IMAP4rev2 is the
// one extension this server can turn on; others are ignored, as the RFC
// says.
func (s *Server) enable(tag string, vals []value) Result {
	var on []string
	for _, v := range vals {
		if v.kind != vAtom {
			return badResult(tag, txtSyntax)
		}
		if strings.EqualFold(v.s, CapIMAP4rev2) && s.cfg.Rev2 {
			s.rev2 = true
			on = append(on, CapIMAP4rev2)
		}
	}
	return done(tag, CondOK, "ENABLE completed", untagged(strings.TrimSpace(DataENABLED+" "+strings.Join(on, " "))))
}

// login answers LOGIN (RFC 9051 6.2.3).
func (s *Server) login(tag string, vals []value) Result {
	user, ok1 := astring(vals[0])
	pass, ok2 := astring(vals[1])
	if !ok1 || !ok2 {
		return badResult(tag, txtSyntax)
	}
	want, ok := s.cfg.Users[user]
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(pass)) != 1 {
		// RFC 5530 3: AUTHENTICATIONFAILED, the same for an unknown user
		// and a wrong password.
		return done(tag, CondNO, txtBadLogin)
	}
	s.user, s.state = user, StateAuthenticated
	return done(tag, CondOK, "LOGIN completed")
}

// selectCmd answers SELECT (RFC 9051 6.3.2, RFC 3501 6.3.1).
func (s *Server) selectCmd(tag string, vals []value) Result {
	name, ok := astring(vals[0])
	if !ok {
		return badResult(tag, txtSyntax)
	}
	// RFC 9051 6.3.2: a SELECT deselects the mailbox selected before,
	// even when it fails.
	wasSelected := s.state == StateSelected
	s.state, s.box, s.view = StateAuthenticated, nil, nil
	var box Mailbox
	if strings.EqualFold(name, Inbox) && s.cfg.Open != nil {
		box = s.cfg.Open(s.user)
	}
	var out []Response
	if wasSelected {
		// RFC 7162 3.2.11 (and RFC 9051 7.1): the CLOSED code marks where
		// the old mailbox's responses end.
		out = append(out, untagged(CondOK+" ["+CodeCLOSED+"] previous mailbox closed"))
	}
	if box == nil {
		return done(tag, CondNO, txtNoSuchBox, out...)
	}
	s.box, s.state = box, StateSelected
	msgs := box.Messages()
	s.view = make([]viewMsg, len(msgs))
	unseen := 0
	for i, m := range msgs {
		s.view[i] = viewMsg{m.UID, m.Flags}
		if unseen == 0 && m.Flags&mailstore.Seen == 0 {
			unseen = i + 1
		}
	}
	const flags = `(\Answered \Flagged \Deleted \Seen \Draft)`
	out = append(out, untagged(strconv.Itoa(len(msgs))+" "+DataEXISTS))
	if !s.rev2 {
		recent := 0
		if rt, ok := box.(recentTaker); ok {
			recent = rt.TakeRecent()
		}
		out = append(out, untagged(strconv.Itoa(recent)+" "+DataRECENT))
	}
	out = append(out,
		untagged(CondOK+" ["+CodeUIDVALIDITY+" "+u32(box.UIDValidity())+"] UIDs valid"),
		untagged(CondOK+" ["+CodeUIDNEXT+" "+u32(box.UIDNext())+"] predicted next UID"),
		untagged(DataFLAGS+" "+flags),
		untagged(CondOK+" ["+CodePERMANENTFLAGS+" "+flags+"] flags permitted"))
	if s.rev2 {
		// RFC 9051 6.3.2: the LIST response with the mailbox's name.
		out = append(out, untagged(DataLIST+` () "/" `+Inbox))
	} else if unseen > 0 {
		// RFC 3501 6.3.1: the first unseen message (dropped in RFC 9051).
		out = append(out, untagged(CondOK+" ["+CodeUNSEEN+" "+strconv.Itoa(unseen)+"] first unseen"))
	}
	return done(tag, CondOK, "["+CodeREADWRITE+"] SELECT completed", out...)
}

// closeCmd answers CLOSE (RFC 9051 6.4.1): expunge without untagged
// EXPUNGE responses and return to Authenticated.
func (s *Server) closeCmd(tag string, _ []value) Result {
	s.expungeDeleted()
	s.state, s.box, s.view = StateAuthenticated, nil, nil
	return done(tag, CondOK, "CLOSE completed")
}

// expungeCmd answers EXPUNGE (RFC 9051 6.4.3).
func (s *Server) expungeCmd(tag string, _ []value) Result {
	out := s.sync(true)
	nums := s.expungeDeleted()
	for _, n := range nums {
		out = append(out, untagged(strconv.Itoa(n)+" "+DataEXPUNGE))
	}
	return done(tag, CondOK, "EXPUNGE completed", out...)
}

// expungeDeleted removes the messages flagged \Deleted from the store and
// the view, and returns their sequence numbers, highest first. RFC 9051
// 7.5.1: each EXPUNGE response renumbers the messages after it at once;
// sending the numbers in descending order keeps every number valid at the
// moment it is sent.
func (s *Server) expungeDeleted() []int {
	var uids []uint32
	var nums []int
	for i := len(s.view) - 1; i >= 0; i-- {
		m := s.current(s.view[i].uid)
		if m != nil && m.Flags&mailstore.Deleted != 0 {
			uids = append(uids, m.UID)
			nums = append(nums, i+1)
			s.view = append(s.view[:i], s.view[i+1:]...)
		}
	}
	if len(uids) > 0 {
		s.box.Remove(uids...)
		s.expunged += len(uids)
	}
	return nums
}

// current returns the store's message with uid, or nil if another session
// removed it.
func (s *Server) current(uid uint32) *mailstore.Message {
	for _, m := range s.box.Messages() {
		if m.UID == uid {
			return m
		}
	}
	return nil
}

// sync tells the client what other sessions changed in the selected
// mailbox: flags (FETCH), new messages (EXISTS) and, when allowed,
// removed messages (EXPUNGE). RFC 9051 7.5.1: EXPUNGE must not be sent
// during FETCH, STORE or SEARCH, since the client's sequence numbers would
// shift under it.
func (s *Server) sync(expunges bool) []Response {
	if s.state != StateSelected {
		return nil
	}
	var out []Response
	msgs := s.box.Messages()
	byUID := make(map[uint32]*mailstore.Message, len(msgs))
	for _, m := range msgs {
		byUID[m.UID] = m
	}
	if expunges {
		for i := len(s.view) - 1; i >= 0; i-- {
			if byUID[s.view[i].uid] == nil {
				out = append(out, untagged(strconv.Itoa(i+1)+" "+DataEXPUNGE))
				s.view = append(s.view[:i], s.view[i+1:]...)
			}
		}
	}
	for i := range s.view {
		if m := byUID[s.view[i].uid]; m != nil && m.Flags != s.view[i].flags {
			s.view[i].flags = m.Flags
			out = append(out, untagged(strconv.Itoa(i+1)+" "+DataFETCH+" ("+s.uidItem(m)+"FLAGS "+flagList(m.Flags)+")"))
		}
	}
	var last uint32
	if len(s.view) > 0 {
		last = s.view[len(s.view)-1].uid
	}
	grew := false
	for _, m := range msgs {
		if m.UID > last {
			s.view = append(s.view, viewMsg{m.UID, m.Flags})
			grew = true
		}
	}
	if grew {
		out = append(out, untagged(strconv.Itoa(len(s.view))+" "+DataEXISTS))
	}
	return out
}

// uidItem is "UID n " in an unsolicited FETCH when IMAP4rev2 is on: RFC
// 9051 7.5.2 asks for the UID in every FETCH response once it is enabled.
func (s *Server) uidItem(m *mailstore.Message) string {
	if !s.rev2 {
		return ""
	}
	return "UID " + u32(m.UID) + " "
}

// flagList renders flags as a parenthesized list in the order of RFC
// 9051 2.3.2.
func flagList(f mailstore.Flags) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, x := range flagNames {
		if f&x.f != 0 {
			if b.Len() > 1 {
				b.WriteByte(' ')
			}
			b.WriteString(x.name)
		}
	}
	b.WriteByte(')')
	return b.String()
}

var flagNames = [...]struct {
	f    mailstore.Flags
	name string
}{
	{mailstore.Seen, FlagSeen}, {mailstore.Answered, FlagAnswered}, {mailstore.Flagged, FlagFlagged},
	{mailstore.Deleted, FlagDeleted}, {mailstore.Draft, FlagDraft},
}

// parseFlag returns the system flag a word names (case-insensitive, RFC
// 9051 2.3.2).
func parseFlag(s string) (mailstore.Flags, bool) {
	for _, x := range flagNames {
		if strings.EqualFold(s, x.name) {
			return x.f, true
		}
	}
	return 0, false
}

func u32(n uint32) string { return strconv.FormatUint(uint64(n), 10) }

func untagged(text string) Response { return Response{Tag: "*", Text: text} }

// done is the tagged completion of a command after the untagged responses
// before it.
func done(tag, cond, text string, before ...Response) Result {
	return Result{Responses: append(before, Response{Tag: tag, Text: cond + " " + text})}
}

func badResult(tag, text string) Result {
	return Result{Responses: []Response{{Tag: tag, Text: CondBAD + " " + text}}}
}
