package imap

// states is a set of session states a command is valid in (RFC 9051 6).
type states uint8

const (
	inNotAuth  states = 1 << StateNotAuthenticated
	inAuth     states = 1 << StateAuthenticated
	inSelected states = 1 << StateSelected
	inAny             = inNotAuth | inAuth | inSelected
)

// command is one entry of the command table: the name, the states it is
// valid in, the number of arguments, the BAD text for a wrong number, and
// the handler. The server checks, in this order, that it knows the
// command, the state, the number of arguments; then it runs the handler,
// which checks their syntax.
type command struct {
	name     string
	in       states
	min, max int
	usage    string
	run      func(s *Server, tag string, args []value) Result
}

// commands is the server's command table in the order of RFC 9051 6:
// adding a command is one line here and its method.
var commands = [...]command{
	{name: CmdCAPABILITY, in: inAny, usage: "CAPABILITY takes no arguments", run: (*Server).capability},
	{name: CmdNOOP, in: inAny, usage: "NOOP takes no arguments", run: (*Server).noop},
	{name: CmdLOGOUT, in: inAny, usage: "LOGOUT takes no arguments", run: (*Server).logout},
	{name: CmdLOGIN, in: inNotAuth, min: 2, max: 2, usage: "usage: LOGIN user password", run: (*Server).login},
	// RFC 9051 6.3.1: ENABLE only in the Authenticated state.
	{name: CmdENABLE, in: inAuth, min: 1, max: 16, usage: "usage: ENABLE capability", run: (*Server).enable},
	{name: CmdSELECT, in: inAuth | inSelected, min: 1, max: 1, usage: "usage: SELECT mailbox", run: (*Server).selectCmd},
	{name: CmdCLOSE, in: inSelected, usage: "CLOSE takes no arguments", run: (*Server).closeCmd},
	{name: CmdEXPUNGE, in: inSelected, usage: "EXPUNGE takes no arguments", run: (*Server).expungeCmd},
	{name: CmdFETCH, in: inSelected, min: 2, max: 2, usage: "usage: FETCH sequence-set items", run: (*Server).fetchSeq},
	{name: CmdSTORE, in: inSelected, min: 3, max: 3, usage: "usage: STORE sequence-set +FLAGS (flags)", run: (*Server).storeSeq},
	{name: CmdUIDFETCH, in: inSelected, min: 2, max: 2, usage: "usage: UID FETCH uid-set items", run: (*Server).fetchUID},
	{name: CmdUIDSTORE, in: inSelected, min: 3, max: 3, usage: "usage: UID STORE uid-set +FLAGS (flags)", run: (*Server).storeUID},
}

// lookupCommand finds a command by its upper-case name; nil if the table
// has none.
func lookupCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// Commands returns the name of every command the server takes, in the
// order of its table. The slice is new on every call.
func Commands() []string {
	out := make([]string, len(commands))
	for i := range commands {
		out[i] = commands[i].name
	}
	return out
}

// VerbOf returns the upper-case command name of a command line ("UID
// FETCH" for "a3 uid fetch 1:* FLAGS"), for tagging a trace event; ""
// for a line without one.
func VerbOf(line string) string {
	line = trimEOL(line)
	_, rest, ok := cut(line)
	if !ok {
		return ""
	}
	name, args, _ := cut(rest)
	name = upper(name)
	if name == CmdUID {
		sub, _, _ := cut(args)
		if sub != "" {
			return CmdUID + " " + upper(sub)
		}
	}
	return name
}

func cut(s string) (before, after string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", s != ""
}

// upper upper-cases ASCII letters without allocating for upper-case input.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			b := []byte(s)
			for j := range b {
				if 'a' <= b[j] && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
