// Package smtp is mailsim's sans-I/O SMTP core: a server session and a client
// session that take one protocol line (or one reply) in and give replies,
// lines and effects out. Neither touches a socket, a clock, a goroutine or a
// random source, so the same core serves the simulator, `mailsim serve`,
// golden transcript tests and fuzzing, and every run is deterministic.
//
// It implements RFC 5321 (SMTP), RFC 6409 (message submission: 530 before
// AUTH), RFC 4954 (AUTH) with the PLAIN mechanism of RFC 4616 and the de
// facto LOGIN mechanism, RFC 3207 (STARTTLS, advertised only for now),
// RFC 3463 and RFC 2034 (enhanced status codes), RFC 1870 (SIZE),
// RFC 6152 (8BITMIME), RFC 6531 (SMTPUTF8, parameter accepted), RFC 2920
// (PIPELINING) and RFC 3848 (the "with ESMTPA" of the Received: field).
//
// The server's reply texts follow Postfix, the MTA most students meet, so a
// transcript looks like the one a real server would send.
package smtp
