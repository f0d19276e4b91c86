package smtp

// The server's fixed replies, with Postfix's texts where Postfix has one.
// They are built once and shared by every session; nothing writes to them.
var (
	replyOk           = fixed(C250Completed, E200Other, "Ok")
	replySenderOk     = fixed(C250Completed, E210SenderValid, "Ok")
	replyRcptOk       = fixed(C250Completed, E215DestinationValid, "Ok")
	replyBye          = fixed(C221Closing, E200Other, "Bye")
	replyAuthOk       = fixed(C235AuthSucceeded, E270AuthSucceeded, "Authentication successful")
	replyAuthEmpty    = fixed(C334AuthContinue, "", "")             // RFC 4954 4: "334 " asks for the initial response
	replyAuthUsername = fixed(C334AuthContinue, "", "VXNlcm5hbWU6") // base64 "Username:"
	replyAuthPassword = fixed(C334AuthContinue, "", "UGFzc3dvcmQ6") // base64 "Password:"
	replyStartData    = fixed(C354StartData, "", "End data with <CR><LF>.<CR><LF>")
	replyTooManyRcpts = fixed(C452InsufficientStorage, E453TooManyRecipients, "Too many recipients")
	replyQueueFull    = fixed(C452InsufficientStorage, E431MailSystemFull, "Insufficient system storage") // Postfix's queue_minfree
	replyReadyTLS     = fixed(C220ServiceReady, E200Other, "Ready to start TLS")                          // RFC 3207 4
	replyTLSActive    = fixed(C554TransactionFailed, E551InvalidCommand, "Error: TLS already active")     // Postfix
	replyTLSInTx      = fixed(C503BadSequence, E551InvalidCommand, "Error: MAIL transaction in progress")
	replyLineTooLong  = fixed(C500SyntaxError, E550ProtocolOther, "Error: line too long")
	replyBadSyntax    = fixed(C500SyntaxError, E552SyntaxError, "Error: bad syntax")
	replyBadUTF8      = fixed(C500SyntaxError, E552SyntaxError, "Error: bad UTF-8 syntax")
	replyAuthTooLong  = fixed(C500SyntaxError, E556AuthLineTooLong, "Authentication Exchange line is too long")
	replySyntaxEHLO   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: EHLO hostname")
	replySyntaxHELO   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: HELO hostname")
	replySyntaxMAIL   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: MAIL FROM:<address>")
	replySyntaxRCPT   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: RCPT TO:<address>")
	replySyntaxDATA   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: DATA")
	replySyntaxRSET   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: RSET")
	replySyntaxVRFY   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: VRFY address")
	replySyntaxAUTH   = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: AUTH mechanism")
	replySyntaxTLS    = fixed(C501ParamSyntaxError, E554InvalidArguments, "Syntax: STARTTLS")
	replyBadSender    = fixed(C501ParamSyntaxError, E517BadSenderSyntax, "Bad sender address syntax")
	replyBadRcpt      = fixed(C501ParamSyntaxError, E513BadRecipientSyntax, "Bad recipient address syntax")
	replyBadSize      = fixed(C501ParamSyntaxError, E554InvalidArguments, "Bad message size syntax")
	replyBadBody      = fixed(C501ParamSyntaxError, E554InvalidArguments, "Bad BODY keyword syntax")
	replyAuthAborted  = fixed(C501ParamSyntaxError, E570SecurityOther, "Authentication aborted")
	replyCannotDecode = fixed(C501ParamSyntaxError, E552SyntaxError, "Cannot decode response")
	// RFC 5321 4.2.4: 500 for a command the server does not recognize,
	// 502 for one it recognizes but does not implement. (Postfix answers
	// both with "502 5.5.2 Error: command not recognized".)
	replyUnknownCmd   = fixed(C500SyntaxError, E552SyntaxError, "Error: command not recognized")
	replyNotImpl      = fixed(C502NotImplemented, E551InvalidCommand, "Error: command not implemented")
	replyNoEXPN       = fixed(C502NotImplemented, E551InvalidCommand, "Error: EXPN command not implemented")
	replyVRFYDisabled = fixed(C502NotImplemented, E551InvalidCommand, "VRFY command is disabled")
	replySendHelo     = fixed(C503BadSequence, E551InvalidCommand, "Error: send HELO/EHLO first")
	replySendEhlo     = fixed(C503BadSequence, E551InvalidCommand, "Error: send EHLO first")
	replyNestedMail   = fixed(C503BadSequence, E551InvalidCommand, "Error: nested MAIL command")
	replyNeedMail     = fixed(C503BadSequence, E551InvalidCommand, "Error: need MAIL command")
	replyNeedRcpt     = fixed(C503BadSequence, E551InvalidCommand, "Error: need RCPT command")
	replyAuthDisabled = fixed(C503BadSequence, E551InvalidCommand, "Error: authentication not enabled")
	replyAuthTwice    = fixed(C503BadSequence, E551InvalidCommand, "Error: already authenticated")
	replyAuthInTx     = fixed(C503BadSequence, E551InvalidCommand, "Error: MAIL transaction in progress")
	replyUnknownMech  = fixed(C504ParamNotImplemented, E554InvalidArguments, "Unrecognized authentication type")
	replyAuthRequired = fixed(C530AuthRequired, E570SecurityOther, "Authentication required")
	replyAuthFailed   = fixed(C535AuthInvalid, E578InvalidCredentials, "Error: authentication failed")
	replySizeExceeded = fixed(C552StorageExceeded, E534MessageTooBig, "Message size exceeds fixed limit")
	replyTooBig       = fixed(C552StorageExceeded, E534MessageTooBig, "Error: message file too big")
	replyTextTooLong  = fixed(C554TransactionFailed, E560MediaError, "Error: message text line too long")
	replyTooManyHops  = fixed(C554TransactionFailed, E546RoutingLoop, "Too many hops")
)

func fixed(code int, enhanced, text string) Reply {
	return Reply{Code: code, Enhanced: enhanced, Lines: []string{text}}
}

// The replies that carry a client's address or the server's name.

// ReplyDMARCReject refuses at the final "." a message whose header From
// domain fails DMARC and publishes p=reject (RFC 7489 6.6.3, 10.3: the
// receiver rejects during the SMTP transaction). The text is the one
// Gmail sends; Postfix with OpenDMARC says "rejected by DMARC policy for"
// the domain. Both use 5.7.1 (RFC 3463: delivery not authorized) as
// here; RFC 7372 3.3 also registered 5.7.26 for it.
func ReplyDMARCReject(domain string) Reply {
	return fixed(C550MailboxUnavailable, E571NotAuthorized, "Unauthenticated email from "+domain+TextDMARCReject)
}

// TextDMARCReject is how the text of ReplyDMARCReject ends, for the
// explainer to tell it from other 5.7.1 refusals.
const TextDMARCReject = " is not accepted due to domain's DMARC policy"

func replyUnknownUser(addr string) Reply {
	return fixed(C550MailboxUnavailable, E511BadMailbox,
		"<"+addr+">: Recipient address rejected: User unknown in local recipient table")
}

func replyRelayDenied(addr string) Reply {
	return fixed(C554TransactionFailed, E571NotAuthorized, "<"+addr+">: Relay access denied")
}

func replyUnsupportedOption(param string) Reply {
	// RFC 5321 4.5.3.1.5: a reply line is at most 512 octets, so an echoed
	// parameter is shortened.
	return fixed(C555ParamsNotRecognized, E554InvalidArguments, "Unsupported option: "+clip(param, 200))
}

func replyTooManyErrors(host string) Reply {
	return fixed(C421ServiceNotAvailable, E470TemporarySecurity, host+" Error: too many errors")
}
