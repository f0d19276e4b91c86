// Command mailsim teaches how e-mail really moves: it builds a small virtual
// internet in one process and replays scripted scenarios on it, showing every
// SMTP, POP3 and DNS line.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], SystemStreams()))
}
