package imap

import "strconv"

// Command names. RFC 9051 2.2.1: a command is a tag, a space and a
// case-insensitive command name, possibly followed by arguments. These are
// the spellings the client sends and the trace shows; UID FETCH and UID
// STORE are one command each, spelled with their space.
const (
	CmdCAPABILITY = "CAPABILITY" // RFC 9051 6.1.1, any state
	CmdNOOP       = "NOOP"       // RFC 9051 6.1.2, any state
	CmdLOGOUT     = "LOGOUT"     // RFC 9051 6.1.3, any state
	CmdENABLE     = "ENABLE"     // RFC 9051 6.3.1 (RFC 5161), Authenticated
	CmdLOGIN      = "LOGIN"      // RFC 9051 6.2.3, Not Authenticated
	CmdSELECT     = "SELECT"     // RFC 9051 6.3.2, Authenticated or Selected
	CmdCLOSE      = "CLOSE"      // RFC 9051 6.4.1, Selected
	CmdEXPUNGE    = "EXPUNGE"    // RFC 9051 6.4.3, Selected
	CmdFETCH      = "FETCH"      // RFC 9051 6.4.5, Selected
	CmdSTORE      = "STORE"      // RFC 9051 6.4.6, Selected
	CmdUID        = "UID"        // RFC 9051 6.4.9, Selected: UID FETCH, UID STORE
	CmdUIDFETCH   = "UID FETCH"
	CmdUIDSTORE   = "UID STORE"
)

// Conditions of status responses (RFC 9051 7.1).
const (
	CondOK      = "OK"
	CondNO      = "NO"
	CondBAD     = "BAD"
	CondBYE     = "BYE"
	CondPREAUTH = "PREAUTH"
)

// Names of the untagged data responses the server sends (RFC 9051 7).
const (
	DataCAPABILITY = "CAPABILITY" // 7.2.2
	DataENABLED    = "ENABLED"    // 7.2.1
	DataFLAGS      = "FLAGS"      // 7.3.5
	DataLIST       = "LIST"       // 7.3.1
	DataEXISTS     = "EXISTS"     // 7.4.1
	DataRECENT     = "RECENT"     // RFC 3501 7.3.2, IMAP4rev1 only
	DataEXPUNGE    = "EXPUNGE"    // 7.5.1
	DataFETCH      = "FETCH"      // 7.5.2
)

// Capabilities (RFC 9051 7.2.2).
const (
	CapIMAP4rev1 = "IMAP4rev1"
	CapIMAP4rev2 = "IMAP4rev2"
	CapENABLE    = "ENABLE"
)

// Response codes the server sends (RFC 9051 7.1, RFC 5530).
const (
	CodeCAPABILITY     = "CAPABILITY"
	CodePERMANENTFLAGS = "PERMANENTFLAGS"
	CodeUIDVALIDITY    = "UIDVALIDITY"
	CodeUIDNEXT        = "UIDNEXT"
	CodeUNSEEN         = "UNSEEN" // RFC 3501 7.1, IMAP4rev1 only
	CodeREADWRITE      = "READ-WRITE"
	CodeAUTHFAILED     = "AUTHENTICATIONFAILED" // RFC 5530 3
	CodeNONEXISTENT    = "NONEXISTENT"          // RFC 5530 3
	CodeEXPUNGEISSUED  = "EXPUNGEISSUED"        // RFC 5530 3
	CodeCLOSED         = "CLOSED"               // RFC 7162 3.2.11, RFC 9051 7.1
)

// System flags (RFC 9051 2.3.2), as they are written.
const (
	FlagSeen     = `\Seen`
	FlagAnswered = `\Answered`
	FlagFlagged  = `\Flagged`
	FlagDeleted  = `\Deleted`
	FlagDraft    = `\Draft`
	FlagRecent   = `\Recent` // RFC 3501 only; never stored
)

// Inbox is the only mailbox the server has. RFC 9051 5.1: the name INBOX
// is case-insensitive.
const Inbox = "INBOX"

// Limits.
const (
	// MaxLine is the longest command line in octets, CRLF included. RFC
	// 9051 4 sets no limit but RFC 7162 4 asks servers to accept lines of
	// at least 8192 octets; longer lines are refused.
	MaxLine = 8192
	// MaxLiteral is the largest literal a command may carry: 4096 octets,
	// the limit RFC 7888 (LITERAL-) sets for non-synchronizing literals,
	// applied to both kinds. A message for APPEND would need more; this
	// server has no APPEND.
	MaxLiteral = 4096
	// MaxCommand bounds a whole command, literals included.
	MaxCommand = MaxLine + 2*MaxLiteral
)

// State is the state of an IMAP session (RFC 9051 3).
type State uint8

// The session states, in the order a session passes through them.
const (
	StateNotAuthenticated State = iota
	StateAuthenticated
	StateSelected
	StateLogout
)

var stateNames = [...]string{
	StateNotAuthenticated: "Not Authenticated",
	StateAuthenticated:    "Authenticated",
	StateSelected:         "Selected",
	StateLogout:           "Logout",
}

// String returns the state's name as RFC 9051 3 spells it.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}
