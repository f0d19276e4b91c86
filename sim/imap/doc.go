// Package imap is mailsim's sans-I/O IMAP server and client: a minimal
// IMAP4rev1 (RFC 3501) that can also speak IMAP4rev2 (RFC 9051) after
// ENABLE IMAP4rev2 (RFC 5161, RFC 9051 6.3.1), enough to show what IMAP
// does that POP3 does not: the mail stays on the server, and every device
// sees the same flags (\Seen, \Deleted) and the same expunges.
//
// The server takes CAPABILITY, NOOP, LOGOUT, ENABLE, LOGIN, SELECT, FETCH,
// STORE, EXPUNGE, CLOSE, UID FETCH and UID STORE, on the one mailbox INBOX.
// Every other command, including the IMAP4rev1 commands it does not
// implement (LIST, EXAMINE, APPEND, SEARCH, ...), gets a tagged BAD that says
// so. Literals ({n} and {n+}) are accepted in commands up to MaxLiteral
// octets.
//
// Neither side touches a socket, a clock or a goroutine. A Server takes one
// line at a time and returns the responses to send and whether to close. A
// Client takes the server's responses, one at a time as a Parser assembles
// them from lines, and returns its next command line.
package imap
