package pop3

import "strconv"

// Command verbs. RFC 1939 3: a command is a case-insensitive keyword of three
// or four characters, possibly followed by arguments. These are the spellings
// the client sends and the trace shows.
const (
	CmdUSER = "USER" // RFC 1939 7, AUTHORIZATION
	CmdPASS = "PASS" // RFC 1939 7, AUTHORIZATION
	CmdAPOP = "APOP" // RFC 1939 7, AUTHORIZATION
	CmdSTLS = "STLS" // RFC 2595 4, AUTHORIZATION
	CmdCAPA = "CAPA" // RFC 2449 5, both states
	CmdQUIT = "QUIT" // RFC 1939 4 and 6, both states
	CmdSTAT = "STAT" // RFC 1939 5, TRANSACTION
	CmdLIST = "LIST" // RFC 1939 5
	CmdRETR = "RETR" // RFC 1939 5
	CmdDELE = "DELE" // RFC 1939 5
	CmdNOOP = "NOOP" // RFC 1939 5
	CmdRSET = "RSET" // RFC 1939 5
	CmdTOP  = "TOP"  // RFC 1939 7
	CmdUIDL = "UIDL" // RFC 1939 7
)

// Verbs returns every command verb this package knows, in the order of
// RFC 1939 9 (the command summary) followed by the extensions: the server's
// command table. The slice is new on every call.
func Verbs() []string {
	vs := make([]string, len(commands))
	for i := range commands {
		vs[i] = commands[i].verb
	}
	return vs
}

// Status indicators. RFC 1939 3: a response begins with "+OK" or "-ERR".
const (
	StatusOK  = "+OK"
	StatusErr = "-ERR"
)

// Capability tags the server may list in its CAPA response (RFC 2449 6).
const (
	CapTOP          = "TOP"            // RFC 2449 6.1
	CapUSER         = "USER"           // RFC 2449 6.2
	CapRespCodes    = "RESP-CODES"     // RFC 2449 6.4
	CapUIDL         = "UIDL"           // RFC 2449 6.8
	CapSTLS         = "STLS"           // RFC 2595 4
	CapAuthRespCode = "AUTH-RESP-CODE" // RFC 3206 6
	CapImpl         = "IMPLEMENTATION" // RFC 2449 6.9
)

// CodeAuth is the response code of RFC 3206 5: the -ERR is caused by the
// user's credentials (a wrong password, an unknown user), so a client should
// ask the user again rather than retry.
const CodeAuth = "AUTH"

// CodeInUse is the response code of RFC 2449 8.1.1: the credentials were
// right but another session holds the maildrop's lock.
const CodeInUse = "IN-USE"

// Length limits.
const (
	// MaxCommand is the longest command line in octets, CRLF included
	// (RFC 2449 4, which raised RFC 1939's 47).
	MaxCommand = 255
	// MaxStatus is the longest status line (the first line of a response,
	// the greeting included) in octets, CRLF included (RFC 2449 4).
	MaxStatus = 512
)

// State is the state of a POP3 session (RFC 1939 3).
type State uint8

// The session states, in the order a session passes through them.
const (
	StateAuthorization State = iota // before a successful PASS/APOP
	StateTransaction
	StateUpdate // after QUIT in TRANSACTION: deletions are committed
	StateClosed // connection over
)

var stateNames = [...]string{
	StateAuthorization: "AUTHORIZATION",
	StateTransaction:   "TRANSACTION",
	StateUpdate:        "UPDATE",
	StateClosed:        "CLOSED",
}

// String returns the state's name as RFC 1939 spells it.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// VerbOf returns the upper-case verb of a command line (with or without its
// CRLF), for tagging a trace event: one of the Cmd constants when the verb is
// known (without allocating), the upper-cased first word otherwise, "" for an
// empty line.
func VerbOf(line string) string {
	line = trimEOL(line)
	verb := line
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' {
			verb = line[:i]
			break
		}
	}
	if v := knownVerb(verb); v != "" {
		return v
	}
	b := []byte(verb)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// knownVerb returns the Cmd constant that verb spells in any case, or "".
func knownVerb(verb string) string {
	if c := lookupCommand(verb); c != nil {
		return c.verb
	}
	return ""
}
