package pop3

import "strings"

// states is a set of session states a command is valid in (RFC 1939 9).
type states uint8

const (
	inAuthorization states = 1 << StateAuthorization
	inTransaction   states = 1 << StateTransaction
	inBoth                 = inAuthorization | inTransaction
)

// multi says when a +OK to a command is a multi-line response.
type multi uint8

const (
	singleLine   multi = iota
	alwaysMulti        // RETR, TOP, CAPA
	multiWithout       // LIST, UIDL: a listing without an argument, one line for one message
)

// args are a command's arguments: up to two split at spaces (n counts them,
// 3 meaning three or more), or for a raw command the rest of the line.
type args struct {
	a   [2]string
	n   int
	raw string
}

// command is one entry of the command table: the verb, the states it is
// valid in, its argument rule, and its handler. Handle checks, in this
// order: that the server offers the verb, the state, the handler's own
// precondition (ready), the number of arguments; then it runs the handler.
type command struct {
	verb     string
	in       states
	min, max int    // number of arguments, when not raw
	raw      bool   // one argument: the rest of the line, spaces included
	usage    string // the -ERR text for a wrong number of arguments; "" for "<verb> takes no arguments"
	multi    multi
	// offered reports whether this server has the command at all; nil
	// means always. A verb not offered is an unknown command.
	offered func(*Config) bool
	// ready returns the -ERR text when the command cannot be taken now
	// for a reason the state does not say; nil means always ready.
	ready func(*Server) string
	run   func(*Server, args) Result
}

// commands is the server's command table, in the order of RFC 1939 9 (the
// command summary) followed by the extensions: adding a verb is one line
// here, its method and its case in commandAt (TestCommandAt fails until
// it has one).
var commands = [...]command{
	{verb: CmdUSER, in: inAuthorization, min: 1, max: 1, usage: "usage: USER name", ready: (*Server).plainReady, run: (*Server).userCmd},
	// RFC 1939 7: PASS has exactly one argument, so spaces in it are part
	// of the password, not separators.
	{verb: CmdPASS, in: inAuthorization, raw: true, usage: "usage: PASS string", ready: (*Server).passReady, run: (*Server).pass},
	{verb: CmdQUIT, in: inBoth, run: (*Server).quitCmd},
	{verb: CmdSTAT, in: inTransaction, run: (*Server).stat},
	{verb: CmdLIST, in: inTransaction, max: 1, usage: "usage: LIST [msg]", multi: multiWithout, run: (*Server).list},
	{verb: CmdRETR, in: inTransaction, min: 1, max: 1, usage: "usage: RETR msg", multi: alwaysMulti, run: (*Server).retr},
	{verb: CmdDELE, in: inTransaction, min: 1, max: 1, usage: "usage: DELE msg", run: (*Server).dele},
	{verb: CmdNOOP, in: inTransaction, run: (*Server).noop},
	{verb: CmdRSET, in: inTransaction, run: (*Server).rset},
	{verb: CmdAPOP, in: inAuthorization, min: 2, max: 2, usage: "usage: APOP name digest", ready: (*Server).apopReady, run: (*Server).apop},
	{verb: CmdTOP, in: inTransaction, min: 2, max: 2, usage: "usage: TOP msg n", multi: alwaysMulti, run: (*Server).top},
	{verb: CmdUIDL, in: inTransaction, max: 1, usage: "usage: UIDL [msg]", multi: multiWithout, run: (*Server).uidl},
	// RFC 2449 5: CAPA is valid in both states.
	{verb: CmdCAPA, in: inBoth, multi: alwaysMulti, run: (*Server).capaCmd},
	// RFC 2595 4: STLS only in AUTHORIZATION, and only when advertised.
	{verb: CmdSTLS, in: inAuthorization, offered: func(c *Config) bool { return c.STLS }, run: (*Server).stls},
}

// lookupCommand finds a verb case-insensitively (RFC 1939 3) without
// allocating; nil if the verb is not in the table.
func lookupCommand(verb string) *command {
	if len(verb) < 3 || len(verb) > 4 {
		return nil // RFC 1939 3: keywords are three or four characters
	}
	// Every line is looked up: an ASCII verb is upper-cased on the stack
	// and compared by length; only another takes EqualFold's Unicode
	// folding.
	var up [4]byte
	for i := 0; i < len(verb); i++ {
		c := verb[i]
		if c >= 0x80 {
			return lookupCommandFold(verb)
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		up[i] = c
	}
	if i := commandAt(string(up[:len(verb)])); i >= 0 {
		return &commands[i]
	}
	return nil
}

// commandAt returns the place of an upper-case verb in commands, or -1.
// Every command line is looked up three times (the client tags it and
// expects its response, the server dispatches it): a switch finds a verb
// in a few comparisons where a walk of the table takes up to fourteen.
// TestCommandAt checks it against the table.
func commandAt(verb string) int {
	switch verb {
	case CmdUSER:
		return 0
	case CmdPASS:
		return 1
	case CmdQUIT:
		return 2
	case CmdSTAT:
		return 3
	case CmdLIST:
		return 4
	case CmdRETR:
		return 5
	case CmdDELE:
		return 6
	case CmdNOOP:
		return 7
	case CmdRSET:
		return 8
	case CmdAPOP:
		return 9
	case CmdTOP:
		return 10
	case CmdUIDL:
		return 11
	case CmdCAPA:
		return 12
	case CmdSTLS:
		return 13
	}
	return -1
}

// lookupCommandFold is lookupCommand with Unicode case folding.
func lookupCommandFold(verb string) *command {
	for i := range commands {
		if strings.EqualFold(verb, commands[i].verb) {
			return &commands[i]
		}
	}
	return nil
}

// dispatch answers one command line, already trimmed and within the length
// limit, from the table.
func (s *Server) dispatch(line string) Result {
	verb, rest, _ := strings.Cut(line, " ")
	cmd := lookupCommand(verb)
	if cmd == nil || (cmd.offered != nil && !cmd.offered(&s.cfg)) {
		return errResult(txtUnknown)
	}
	if cmd.in&(1<<s.state) == 0 {
		return s.wrongState()
	}
	if cmd.ready != nil {
		if msg := cmd.ready(s); msg != "" {
			return errResult(msg)
		}
	}
	var a args
	if cmd.raw {
		a.raw = rest
		if rest == "" {
			return errResult(cmd.usage)
		}
	} else {
		a.a, a.n = splitArgs(rest)
		if a.n < cmd.min || a.n > cmd.max {
			if cmd.usage == "" {
				return noArgs(cmd.verb)
			}
			return errResult(cmd.usage)
		}
	}
	return cmd.run(s, a)
}

// wrongState answers a command the current state does not take.
func (s *Server) wrongState() Result {
	if s.state == StateTransaction {
		// RFC 1939 7 and RFC 2595 4: USER, PASS, APOP and STLS are valid
		// only in AUTHORIZATION.
		return errResult(txtLoggedIn)
	}
	// A TRANSACTION command before login.
	if s.cfg.Timestamp != "" {
		return errResult(txtLoginAPOP)
	}
	return errResult(txtLoginFirst)
}
