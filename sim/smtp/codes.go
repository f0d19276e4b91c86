package smtp

import "strings"

// Reply codes (RFC 5321 4.2.2 and 4.2.3, RFC 4954 6), named after their
// meaning so that server, client, explainer and tests share one spelling.
const (
	C211SystemStatus          = 211 // RFC 5321 4.2.3: system status, or system help reply
	C214Help                  = 214 // RFC 5321 4.2.3: help message
	C220ServiceReady          = 220 // RFC 5321 4.2.3: <domain> service ready (the greeting)
	C221Closing               = 221 // RFC 5321 4.2.3: service closing transmission channel
	C235AuthSucceeded         = 235 // RFC 4954 6: authentication succeeded
	C250Completed             = 250 // RFC 5321 4.2.3: requested mail action okay, completed
	C251UserNotLocal          = 251 // RFC 5321 4.2.3: user not local; will forward
	C252CannotVerify          = 252 // RFC 5321 3.5.3: cannot VRFY user, but will accept message
	C334AuthContinue          = 334 // RFC 4954 4: server challenge in an AUTH exchange
	C354StartData             = 354 // RFC 5321 4.2.3: start mail input; end with <CRLF>.<CRLF>
	C421ServiceNotAvailable   = 421 // RFC 5321 4.2.3: service not available, closing channel (may answer any command)
	C432PasswordTransition    = 432 // RFC 4954 6: a password transition is needed
	C450MailboxUnavailable    = 450 // RFC 5321 4.2.3: mailbox unavailable (busy, temporarily blocked)
	C451LocalError            = 451 // RFC 5321 4.2.3: local error in processing
	C452InsufficientStorage   = 452 // RFC 5321 4.2.3; 4.5.3.1.10: also "too many recipients"
	C454TemporaryFailure      = 454 // RFC 3207 4: TLS not available; RFC 4954 6: temporary authentication failure (a client may get it; this server does not send it)
	C455ParamsNotAccommodated = 455 // RFC 5321 4.2.3: server unable to accommodate parameters
	C500SyntaxError           = 500 // RFC 5321 4.2.3: syntax error, command unrecognized (also: line too long)
	C501ParamSyntaxError      = 501 // RFC 5321 4.2.3: syntax error in parameters or arguments
	C502NotImplemented        = 502 // RFC 5321 4.2.3: command not implemented
	C503BadSequence           = 503 // RFC 5321 4.2.3: bad sequence of commands
	C504ParamNotImplemented   = 504 // RFC 5321 4.2.3: command parameter not implemented
	C530AuthRequired          = 530 // RFC 4954 6, RFC 6409 4.3: authentication required
	C534AuthTooWeak           = 534 // RFC 4954 6: authentication mechanism is too weak
	C535AuthInvalid           = 535 // RFC 4954 6: authentication credentials invalid
	C538EncryptionRequired    = 538 // RFC 4954 6: encryption required for the mechanism
	C550MailboxUnavailable    = 550 // RFC 5321 4.2.3: mailbox unavailable (not found, no access, policy)
	C551UserNotLocalTry       = 551 // RFC 5321 4.2.3: user not local; please try <forward-path>
	C552StorageExceeded       = 552 // RFC 5321 4.2.3: exceeded storage allocation (message too big)
	C553MailboxNameInvalid    = 553 // RFC 5321 4.2.3: mailbox name not allowed
	C554TransactionFailed     = 554 // RFC 5321 4.2.3: transaction failed (or "no SMTP service here")
	C555ParamsNotRecognized   = 555 // RFC 5321 4.2.3: MAIL FROM/RCPT TO parameters not recognized
)

// Enhanced status codes (RFC 3463, RFC 4954 6) the server sends, named after
// their RFC 3463 meaning.
const (
	E200Other              = "2.0.0" // X.0.0 other undefined status
	E210SenderValid        = "2.1.0" // X.1.0 other address status (Postfix's sender "Ok")
	E215DestinationValid   = "2.1.5" // X.1.5 destination address valid
	E270AuthSucceeded      = "2.7.0" // X.7.0 security status: RFC 4954 6 authentication succeeded
	E431MailSystemFull     = "4.3.1" // X.3.1 mail system full (the queue's disk)
	E453TooManyRecipients  = "4.5.3" // X.5.3 too many recipients
	E470TemporarySecurity  = "4.7.0" // X.7.0 other security status, transient (TLS not available, too many errors)
	E511BadMailbox         = "5.1.1" // X.1.1 bad destination mailbox address
	E513BadRecipientSyntax = "5.1.3" // X.1.3 bad destination mailbox address syntax
	E517BadSenderSyntax    = "5.1.7" // X.1.7 bad sender's mailbox address syntax
	E534MessageTooBig      = "5.3.4" // X.3.4 message too big for system
	E546RoutingLoop        = "5.4.6" // X.4.6 routing loop detected
	E550ProtocolOther      = "5.5.0" // X.5.0 other or undefined protocol status
	E551InvalidCommand     = "5.5.1" // X.5.1 invalid command (also bad sequence)
	E552SyntaxError        = "5.5.2" // X.5.2 syntax error
	E554InvalidArguments   = "5.5.4" // X.5.4 invalid command arguments
	E556AuthLineTooLong    = "5.5.6" // RFC 4954 6: authentication exchange line is too long
	E560MediaError         = "5.6.0" // X.6.0 other or undefined media (message content) error
	E570SecurityOther      = "5.7.0" // X.7.0 other security status (authentication required, aborted)
	E571NotAuthorized      = "5.7.1" // X.7.1 delivery not authorized, message refused (relay denied)
	E578InvalidCredentials = "5.7.8" // RFC 4954 6: authentication credentials invalid
)

// Command verbs (RFC 5321 4.1.1, RFC 4954 4, RFC 3207 4), in upper case as
// they are shown; the server matches them case-insensitively (RFC 5321 2.4).
const (
	VerbEHLO     = "EHLO"
	VerbHELO     = "HELO"
	VerbMAIL     = "MAIL"
	VerbRCPT     = "RCPT"
	VerbDATA     = "DATA"
	VerbRSET     = "RSET"
	VerbNOOP     = "NOOP"
	VerbQUIT     = "QUIT"
	VerbVRFY     = "VRFY"
	VerbHELP     = "HELP"
	VerbAUTH     = "AUTH"
	VerbSTARTTLS = "STARTTLS"
	// VerbEXPN is known and refused: RFC 5321 4.2.4 gives 502 for a
	// command the server recognizes but does not implement.
	VerbEXPN = "EXPN"
)

// Tags for client lines that are not commands, as the trace model names them
// (trace.Tag.Verb).
const (
	TagDataLine = "DATA-LINE" // a line of message text after 354, including the final "."
	TagAuthData = "AUTH-DATA" // a client response inside an AUTH exchange
)

// Verbs lists every command verb the server knows, in the order of its
// command table.
func Verbs() []string {
	v := make([]string, len(commands))
	for i := range commands {
		v[i] = commands[i].verb
	}
	return v
}

// Codes lists every reply code the server can send, in ascending order.
func Codes() []int {
	return []int{
		C214Help, C220ServiceReady, C221Closing, C235AuthSucceeded, C250Completed,
		C252CannotVerify, C334AuthContinue, C354StartData, C421ServiceNotAvailable,
		C452InsufficientStorage, C500SyntaxError, C501ParamSyntaxError,
		C502NotImplemented, C503BadSequence, C504ParamNotImplemented, C530AuthRequired,
		C535AuthInvalid, C550MailboxUnavailable, C552StorageExceeded, C554TransactionFailed,
		C555ParamsNotRecognized,
	}
}

// EnhancedCodes lists every enhanced status code the server can send, in
// ascending order.
func EnhancedCodes() []string {
	return []string{
		E200Other, E210SenderValid, E215DestinationValid, E270AuthSucceeded,
		E431MailSystemFull, E453TooManyRecipients, E470TemporarySecurity, E511BadMailbox, E513BadRecipientSyntax,
		E517BadSenderSyntax, E534MessageTooBig, E546RoutingLoop, E550ProtocolOther,
		E551InvalidCommand, E552SyntaxError, E554InvalidArguments, E556AuthLineTooLong,
		E560MediaError, E570SecurityOther, E571NotAuthorized, E578InvalidCredentials,
	}
}

// Verb returns the verb of a client command line in its canonical upper-case
// spelling (one of the Verb constants), or "" when the line does not start
// with a verb the server knows. It does not allocate.
func Verb(line string) string {
	word, _, _ := strings.Cut(line, " ")
	if c := lookupCommand(word); c != nil {
		return c.verb
	}
	return ""
}
