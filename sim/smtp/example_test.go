package smtp_test

import (
	"fmt"
	"net/netip"

	"github.com/mailsim/mailsim/sim/smtp"
)

// A server session is driven one client line at a time; what comes back is
// the reply to send and, at the final ".", the accepted message.
func ExampleServer() {
	cfg := &smtp.Config{Hostname: "mx.example.jp", Domains: []string{"example.jp"}, NextID: func() string { return "1A2B3C" }}
	s := smtp.NewServer(cfg, smtp.Peer{IP: netip.MustParseAddr("198.51.100.25"), Name: "mail.isp.example"})
	fmt.Println(s.Greeting().Line(0))
	for _, line := range []string{
		"HELO mail.isp.example",
		"MAIL FROM:<alice@isp.example>",
		"RCPT TO:<victim@elsewhere.example>",
		"RCPT TO:<bob@example.jp>",
		"DATA",
		"From: alice@isp.example",
		"Subject: Hello",
		".",
		"QUIT",
	} {
		fmt.Println("C:", line)
		r := s.Handle(line)
		for i := range r.Reply.NumLines() {
			fmt.Println("S:", r.Reply.Line(i))
		}
		if r.Message != nil {
			fmt.Printf("   accepted for %v, state %v\n", r.Message.To, s.State())
		}
	}
	// Output:
	// 220 mx.example.jp ESMTP mailsim
	// C: HELO mail.isp.example
	// S: 250 mx.example.jp
	// C: MAIL FROM:<alice@isp.example>
	// S: 250 2.1.0 Ok
	// C: RCPT TO:<victim@elsewhere.example>
	// S: 554 5.7.1 <victim@elsewhere.example>: Relay access denied
	// C: RCPT TO:<bob@example.jp>
	// S: 250 2.1.5 Ok
	// C: DATA
	// S: 354 End data with <CR><LF>.<CR><LF>
	// C: From: alice@isp.example
	// C: Subject: Hello
	// C: .
	// S: 250 2.0.0 Ok: queued as 1A2B3C
	//    accepted for [bob@example.jp], state READY
	// C: QUIT
	// S: 221 2.0.0 Bye
}

// A client session turns each reply into the next lines to send; wired to a
// server it submits a message with SMTP-AUTH.
func ExampleClient() {
	cfg := &smtp.Config{
		Hostname: "mail.isp.example", Relay: smtp.RelayAuthenticated, AuthRequired: true,
		Users: map[string]string{"alice": "secret"},
	}
	s := smtp.NewServer(cfg, smtp.Peer{IP: netip.MustParseAddr("203.0.113.10")})
	c := smtp.NewClient(smtp.Job{
		Helo: "pc10", Auth: &smtp.Auth{User: "alice", Pass: "secret"},
		From: "alice@isp.example", To: []string{"bob@example.jp"},
		Data: "Subject: Hello\n\nHi Bob.\n",
	})
	reply := s.Greeting()
	for lines := c.Next(reply); lines != nil; lines = c.Next(reply) {
		for _, l := range lines {
			if r := s.Handle(l); r.Reply.Code != 0 {
				reply = r.Reply
			}
		}
		fmt.Printf("%-28s -> %s\n", lines[0], reply.Line(reply.NumLines()-1))
	}
	fmt.Printf("%+v\n", c.Result())
	// Output:
	// EHLO pc10                    -> 250 SMTPUTF8
	// AUTH PLAIN AGFsaWNlAHNlY3JldA== -> 235 2.7.0 Authentication successful
	// MAIL FROM:<alice@isp.example> -> 250 2.1.0 Ok
	// RCPT TO:<bob@example.jp>     -> 250 2.1.5 Ok
	// DATA                         -> 354 End data with <CR><LF>.<CR><LF>
	// Subject: Hello               -> 250 2.0.0 Ok
	// QUIT                         -> 221 2.0.0 Bye
	// {Sent:true Accepted:[bob@example.jp] Rejected:[] Failure:<nil> FailedAt: Transient:false AuthUnavailable:false TLSUnavailable:false}
}
