package smtp

import (
	"strings"
	"testing"
)

type scriptCase struct {
	name   string
	cfg    func() *Config
	peer   Peer
	script string
}

func runScripts(t *testing.T, cases []scriptCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runScript(t, tc.cfg(), tc.peer, tc.script)
		})
	}
}

// allScripts gathers every transcript table, for the coverage test.
func allScripts() [][]scriptCase {
	return [][]scriptCase{sessionCases, syntaxCases, authCases, relayCases, dataCases}
}

const mxEHLO = `
	S: 250-mx.example.jp
	S: 250-PIPELINING
	S: 250-SIZE 10240000
	S: 250-ENHANCEDSTATUSCODES
	S: 250-8BITMIME
	S: 250 SMTPUTF8`

const submissionEHLO = `
	S: 250-mail.isp.example
	S: 250-PIPELINING
	S: 250-SIZE 10240000
	S: 250-AUTH PLAIN LOGIN
	S: 250-ENHANCEDSTATUSCODES
	S: 250-8BITMIME
	S: 250 SMTPUTF8`

// sessionCases: greeting, EHLO/HELO, the order of commands (RFC 5321 4.1.4),
// the small commands, QUIT and the error limit.
var sessionCases = []scriptCase{
	{"ehlo and quit", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		= CONNECTED
		C: EHLO mail.outside.example` + mxEHLO + `
		= READY
		C: QUIT
		S: 221 2.0.0 Bye
		-- close
		= CLOSED
		C: NOOP
		-- close`},
	{"ehlo on submission advertises AUTH", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO},
	{"helo has no extensions", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO mail.outside.example
		S: 250 mx.example.jp
		= READY`},
	{"size limit is advertised", func() *Config { return with(mxConfig(), func(c *Config) { c.MaxSize = 4096 }) }, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO a.example
		S: 250-mx.example.jp
		S: 250-PIPELINING
		S: 250-SIZE 4096
		S: 250-ENHANCEDSTATUSCODES
		S: 250-8BITMIME
		S: 250 SMTPUTF8`},
	{"verbs are case-insensitive", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: helo a.example
		S: 250 mx.example.jp
		C: mail from:<x@a.example>
		S: 250 2.1.0 Ok
		C: Rcpt To:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: rset
		S: 250 2.0.0 Ok
		C: quit
		S: 221 2.0.0 Bye
		-- close`},
	{"mail before helo", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: MAIL FROM:<x@a.example>
		S: 503 5.5.1 Error: send HELO/EHLO first
		= CONNECTED`},
	{"rcpt before mail", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1 Error: need MAIL command
		C: HELO a.example
		S: 250 mx.example.jp
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1 Error: need MAIL command
		= READY`},
	{"data before rcpt", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: DATA
		S: 503 5.5.1 Error: need RCPT command
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: DATA
		S: 503 5.5.1 Error: need RCPT command
		= MAIL
		C: RCPT TO:<nobody@example.jp>
		S: 550 5.1.1 <nobody@example.jp>: Recipient address rejected: User unknown in local recipient table
		C: DATA
		S: 503 5.5.1 Error: need RCPT command
		= MAIL`},
	{"nested mail changes nothing", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO a.example` + mxEHLO + `
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: MAIL FROM:<y@a.example>
		S: 503 5.5.1 Error: nested MAIL command
		= RCPT
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp> helo=a.example esmtp bytes=0`},
	{"a new ehlo resets the transaction", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: HELO b.example
		S: 250 mx.example.jp
		= READY
		C: DATA
		S: 503 5.5.1 Error: need RCPT command`},
	{"rset ends the transaction but keeps the greeting", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: RSET
		S: 250 2.0.0 Ok
		= CONNECTED
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RSET
		S: 250 2.0.0 Ok
		= READY
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1 Error: need MAIL command
		C: RSET now
		S: 501 5.5.4 Syntax: RSET`},
	{"noop vrfy help", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: NOOP
		S: 250 2.0.0 Ok
		C: NOOP anything at all
		S: 250 2.0.0 Ok
		C: VRFY bob
		S: 252 2.0.0 bob
		C: VRFY <alice@example.jp>
		S: 252 2.0.0 <alice@example.jp>
		C: VRFY bobb
		S: 550 5.1.1 <bobb@example.jp>: Recipient address rejected: User unknown in local recipient table
		C: VRFY carol@example.net
		S: 554 5.7.1 <carol@example.net>: Relay access denied
		C: VRFY <bob@
		S: 501 5.1.3 Bad recipient address syntax
		C: VRFY
		S: 501 5.5.4 Syntax: VRFY address
		C: HELP
		S: 214-2.0.0 Commands supported:
		S: 214-2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP
		S: 214 2.0.0 End of HELP info
		C: HELP rcpt
		S: 214 2.0.0 RCPT TO:<address>
		C: HELP EXPN
		S: 504 5.5.4 HELP topic "EXPN" unknown
		= CONNECTED`},
	{"vrfy disabled", func() *Config { return with(mxConfig(), func(c *Config) { c.DisableVRFY = true }) }, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: VRFY bob
		S: 502 5.5.1 VRFY command is disabled
		C: HELP
		S: 214-2.0.0 Commands supported:
		S: 214-2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT HELP
		S: 214 2.0.0 End of HELP info`},
	{"help lists auth when offered", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		C: HELP
		S: 214-2.0.0 Commands supported:
		S: 214-2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP AUTH
		S: 214 2.0.0 End of HELP info`},
	// RFC 3207 4, 4.2; RFC 4954 4: before TLS the server offers STARTTLS
	// and not AUTH; after the handshake the session starts over, the
	// client says EHLO again, and AUTH is offered instead of STARTTLS.
	{"starttls, then a new session inside TLS", submissionTLSConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10
		S: 250-mail.isp.example
		S: 250-PIPELINING
		S: 250-SIZE 10240000
		S: 250-STARTTLS
		S: 250-ENHANCEDSTATUSCODES
		S: 250-8BITMIME
		S: 250 SMTPUTF8
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1 Error: authentication not enabled
		C: HELP
		S: 530 5.7.0 Authentication required
		C: STARTTLS now
		S: 501 5.5.4 Syntax: STARTTLS
		C: STARTTLS
		S: 220 2.0.0 Ready to start TLS
		-- tls
		= CONNECTED
		C: MAIL FROM:<alice@isp.example>
		S: 530 5.7.0 Authentication required
		C: EHLO pc10` + submissionEHLO + `
		C: STARTTLS
		S: 554 5.5.1 Error: TLS already active
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		C: HELP
		S: 214-2.0.0 Commands supported:
		S: 214-2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP AUTH
		S: 214 2.0.0 End of HELP info
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: STARTTLS
		S: 554 5.5.1 Error: TLS already active
		= MAIL`},
	{"no starttls in a transaction", func() *Config { return with(mxConfig(), func(c *Config) { c.StartTLS = true }) }, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: STARTTLS
		S: 503 5.5.1 Error: MAIL transaction in progress
		= MAIL`},
	{"starttls not configured", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO a.example` + mxEHLO + `
		C: STARTTLS
		S: 502 5.5.1 Error: command not implemented`},
	{"too many errors closes with 421", func() *Config { return with(mxConfig(), func(c *Config) { c.MaxErrors = 3 }) }, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: FOO
		S: 500 5.5.2 Error: command not recognized
		C: MAIL FROM:<x@a.example>
		S: 503 5.5.1 Error: send HELO/EHLO first
		C: HELO a.example
		S: 250 mx.example.jp
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1 Error: need MAIL command
		C: NOOP
		S: 421 4.7.0 mx.example.jp Error: too many errors
		-- close
		= CLOSED
		C: QUIT
		-- close`},
	// Postfix's queue_minfree: a server whose queue has no room says so at
	// MAIL, before the message is sent, with a temporary 452 4.3.1; the
	// session goes on, and once there is room MAIL is taken.
	{"a full queue refuses MAIL for now", func() *Config {
		full := 1
		return with(mxConfig(), func(c *Config) {
			c.QueueFull = func() bool { full--; return full >= 0 }
		})
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 452 4.3.1 Insufficient system storage
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1 Error: need MAIL command
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: QUIT
		S: 221 2.0.0 Bye
		-- close`},
	// RFC 5321 3.3: a client past the recipient limit goes on and sends the
	// rest later; its 452s are not errors (Postfix's
	// smtpd_recipient_overshoot_limit), while the 503 after them is.
	{"recipients past the limit are no errors", func() *Config {
		return with(mxConfig(), func(c *Config) { c.MaxErrors, c.MaxRecipients = 2, 1 })
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: RCPT TO:<alice@example.jp>
		S: 452 4.5.3 Too many recipients
		C: RCPT TO:<carol@example.jp>
		S: 452 4.5.3 Too many recipients
		C: RCPT TO:<dave@example.jp>
		S: 452 4.5.3 Too many recipients
		C: MAIL FROM:<y@a.example>
		S: 503 5.5.1 Error: nested MAIL command
		C: FOO
		S: 500 5.5.2 Error: command not recognized
		C: NOOP
		S: 421 4.7.0 mx.example.jp Error: too many errors
		-- close
		= CLOSED`},
}

// syntaxCases: command lines the server cannot take, and the MAIL/RCPT
// argument syntax (RFC 5321 4.1.2) and parameters.
var syntaxCases = []scriptCase{
	{"unknown verb", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EXPN staff
		S: 502 5.5.1 Error: EXPN command not implemented
		C: MAILFROM:<x@a.example>
		S: 500 5.5.2 Error: command not recognized
		C: FOO
		S: 500 5.5.2 Error: command not recognized
		= CONNECTED`},
	{"empty line and white space", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: 
		S: 500 5.5.2 Error: bad syntax
		C: HELO a.example   
		S: 250 mx.example.jp`},
	{"ehlo and helo need a name", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO
		S: 501 5.5.4 Syntax: EHLO hostname
		C: HELO
		S: 501 5.5.4 Syntax: HELO hostname
		= CONNECTED`},
	{"mail and rcpt keywords", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL TO:<x@a.example>
		S: 501 5.5.4 Syntax: MAIL FROM:<address>
		C: MAIL
		S: 501 5.5.4 Syntax: MAIL FROM:<address>
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT FROM:<bob@example.jp>
		S: 501 5.5.4 Syntax: RCPT TO:<address>
		= MAIL`},
	{"bad addresses", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example
		S: 501 5.1.7 Bad sender address syntax
		C: MAIL FROM:<no-at-sign>
		S: 501 5.1.7 Bad sender address syntax
		C: MAIL FROM:<a..b@a.example>
		S: 501 5.1.7 Bad sender address syntax
		C: MAIL FROM:<x@-a.example>
		S: 501 5.1.7 Bad sender address syntax
		C: MAIL FROM:<x@a.example>junk
		S: 501 5.1.7 Bad sender address syntax
		= READY
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<>
		S: 501 5.1.3 Bad recipient address syntax
		C: RCPT TO:<bob@>
		S: 501 5.1.3 Bad recipient address syntax
		C: RCPT TO:<bob@[300.1.2.3]>
		S: 501 5.1.3 Bad recipient address syntax
		= MAIL`},
	{"liberal address forms", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM: <x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:bob@example.jp
		S: 250 2.1.5 Ok
		C: RCPT TO:<@relay.example,@b.example:alice@EXAMPLE.JP>
		S: 250 2.1.5 Ok
		C: RCPT TO:<"bob smith"@example.jp>
		S: 550 5.1.1 <"bob smith"@example.jp>: Recipient address rejected: User unknown in local recipient table
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp>,<alice@EXAMPLE.JP> helo=a.example bytes=0`},
	{"null reverse-path for bounces", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO a.example` + mxEHLO + `
		C: MAIL FROM:<>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: Subject: Undelivered Mail Returned to Sender
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<> to=<bob@example.jp> helo=a.example esmtp bytes=46`},
	{"postmaster is always accepted", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<Postmaster>
		S: 250 2.1.5 Ok
		C: RCPT TO:<POSTMASTER@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<postmaster@example.jp>,<POSTMASTER@example.jp> helo=a.example bytes=0`},
	{"mail parameters", func() *Config { return with(mxConfig(), func(c *Config) { c.MaxSize = 1000 }) }, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO a.example
		S: 250-mx.example.jp
		S: 250-PIPELINING
		S: 250-SIZE 1000
		S: 250-ENHANCEDSTATUSCODES
		S: 250-8BITMIME
		S: 250 SMTPUTF8
		C: MAIL FROM:<x@a.example> SIZE=1001
		S: 552 5.3.4 Message size exceeds fixed limit
		C: MAIL FROM:<x@a.example> SIZE=99999999999999999999
		S: 552 5.3.4 Message size exceeds fixed limit
		C: MAIL FROM:<x@a.example> SIZE=1k
		S: 501 5.5.4 Bad message size syntax
		C: MAIL FROM:<x@a.example> BODY=BINARYMIME
		S: 501 5.5.4 Bad BODY keyword syntax
		C: MAIL FROM:<x@a.example> RET=HDRS
		S: 555 5.5.4 Unsupported option: RET=HDRS
		C: MAIL FROM:<x@a.example> AUTH=<>
		S: 555 5.5.4 Unsupported option: AUTH=<>
		C: MAIL FROM:<x@a.example> SMTPUTF8=yes
		S: 555 5.5.4 Unsupported option: SMTPUTF8=yes
		= READY
		C: MAIL FROM:<x@a.example> size=1000  BODY=8BITMIME SMTPUTF8
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp> NOTIFY=NEVER
		S: 555 5.5.4 Unsupported option: NOTIFY=NEVER
		= MAIL`},
	{"utf-8 addresses", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO a.example` + mxEHLO + `
		C: MAIL FROM:<山田@例え.jp> SMTPUTF8
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok`},
	{"line too long", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: NOOP ` + strings.Repeat("x", 505) + `
		S: 250 2.0.0 Ok
		C: NOOP ` + strings.Repeat("x", 506) + `
		S: 500 5.5.0 Error: line too long
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example> ` + strings.Repeat("x", 540) + `
		S: 500 5.5.0 Error: line too long
		= READY`},
	{"control characters and bad utf-8", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a` + "\x00" + `b
		S: 500 5.5.2 Error: bad syntax
		C: HELO a` + "\xff" + `b
		S: 500 5.5.2 Error: bad UTF-8 syntax
		C: QUIT` + "\r" + `
		S: 221 2.0.0 Bye
		-- close`},
}

func TestSessionTranscripts(t *testing.T) { runScripts(t, sessionCases) }
func TestSyntaxTranscripts(t *testing.T)  { runScripts(t, syntaxCases) }

// TestTranscriptsCoverEveryCode checks that Codes() and EnhancedCodes() are
// exactly what the transcripts show the server sending.
func TestTranscriptsCoverEveryCode(t *testing.T) {
	codes := map[int]bool{}
	enhanced := map[string]bool{}
	for _, table := range allScripts() {
		for _, tc := range table {
			for _, l := range strings.Split(cleanScript(tc.script), "\n") {
				if !strings.HasPrefix(l, "S: ") {
					continue
				}
				code, enh, _, _, err := ParseReplyLine(l[3:])
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				codes[code] = true
				if enh != "" {
					enhanced[enh] = true
				}
			}
		}
	}
	for _, c := range Codes() {
		if !codes[c] {
			t.Errorf("Codes() lists %d but no transcript shows it", c)
		}
		delete(codes, c)
	}
	for c := range codes {
		t.Errorf("a transcript shows %d, missing from Codes()", c)
	}
	for _, e := range EnhancedCodes() {
		if !enhanced[e] {
			t.Errorf("EnhancedCodes() lists %s but no transcript shows it", e)
		}
		delete(enhanced, e)
	}
	for e := range enhanced {
		t.Errorf("a transcript shows %s, missing from EnhancedCodes()", e)
	}
}
