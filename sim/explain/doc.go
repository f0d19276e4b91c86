// Package explain is mailsim's explainer: a compiled-in, bilingual (English
// and Japanese) table of what every SMTP command and reply code (RFC 5321,
// RFC 4954 SMTP-AUTH, RFC 3207 STARTTLS, RFC 7504), every RFC 3463 enhanced
// status code, every POP3 command and status (RFC 1939, RFC 2449, RFC 2595),
// the DNS answers mail depends on (RFC 1035 MX, A and TXT, NXDOMAIN and
// NODATA from RFC 2308, null MX from RFC 7505, SPF, DKIM, DMARC) and the TCP
// events of a connection (RFC 9293; OP25B, which is operational practice),
// the TLS records on the wire (RFC 8446)
// mean, written for IPA and CompTIA exam candidates, with the RFC section each
// comes from and, for errors, the usual cause and the fix.
//
// The player asks ForEvent (or ForReply, when it knows the command a reply
// answers) for the entries of one trace event; the
// `mailsim explain` command asks Lookup for what the user typed. The table is
// Go source, checked by the compiler and by tests, and read-only after package
// initialisation: every function returns copies.
package explain
