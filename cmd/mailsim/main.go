// Command mailsim teaches how e-mail really moves: it builds a small virtual
// internet in one process and replays scripted scenarios on it, showing every
// SMTP, POP3 and DNS line.
//
// The TLS sessions inside the world take their randomness from a reader of
// the program's own (sim/tls.go), so that a run repeats byte for byte;
// crypto/tls and crypto/ecdh honour such a reader only with this setting,
// which the Go team means to remove: see sim/tls.go for what changes then.
//
//go:debug cryptocustomrand=1
package main

import "os"

func main() {
	setGCPolicy()
	os.Exit(Main(os.Args[1:], SystemStreams()))
}
