// Package pop3 is mailsim's sans-I/O POP3 server and client: RFC 1939 (Post
// Office Protocol version 3), the CAPA command and response codes of RFC 2449,
// the AUTH response code of RFC 3206, and STLS (RFC 2595), which is advertised
// but not carried out.
//
// Neither side touches a socket, a clock or a goroutine. A Server takes one
// command line at a time and returns the Response to send and the effects
// (close, deletions to commit, a login). A Client takes the server's latest
// Response and returns the next command line. The simulator drives both in
// one process; `mailsim serve` drives a Server from a real TCP connection.
package pop3
