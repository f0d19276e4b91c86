package explain_test

import (
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/trace"
)

// session is the shape of one submission as the engine traces it: the TCP
// handshake, the SMTP dialogue, a DNS lookup and the close.
func session() []*trace.Event {
	return []*trace.Event{
		tcp(trace.Connect, 587),
		tcp(trace.Accept, 587),
		smtpReply("220 mail.isp.example ESMTP mailsim", 220, "", true),
		smtpCmd("EHLO alice-pc", "EHLO"),
		smtpReply("250-mail.isp.example", 250, "", false),
		smtpReply("250-SIZE 10240000", 250, "", false),
		smtpReply("250-AUTH PLAIN LOGIN", 250, "", false),
		smtpReply("250 ENHANCEDSTATUSCODES", 250, "", true),
		smtpCmd("AUTH PLAIN AGFsaWNlAHNlY3JldA==", "AUTH"),
		smtpReply("235 2.7.0 Authentication successful", 235, "2.7.0", true),
		smtpCmd("MAIL FROM:<alice@isp.example>", "MAIL"),
		smtpReply("250 2.1.0 Ok", 250, "2.1.0", true),
		smtpCmd("RCPT TO:<bob@example.jp>", "RCPT"),
		smtpReply("250 2.1.5 Ok", 250, "2.1.5", true),
		smtpCmd("DATA", "DATA"),
		smtpReply("354 End data with <CR><LF>.<CR><LF>", 354, "", true),
		smtpCmd("Subject: hello", "DATA-LINE"),
		smtpCmd(".", "DATA-LINE"),
		smtpReply("250 2.0.0 Ok: queued as 1A2B3C", 250, "2.0.0", true),
		smtpCmd("QUIT", "QUIT"),
		smtpReply("221 2.0.0 Bye", 221, "2.0.0", true),
		tcp(trace.Close, 587),
		dnsQ("query example.jp. IN MX", "MX example.jp"),
		dnsA("example.jp. 3600 IN MX 10 mx.example.jp.", "MX example.jp", "NOERROR"),
	}
}

func BenchmarkForEvent(b *testing.B) {
	evs := session()
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range evs {
			explain.ForEvent(e)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(evs)), "ns/event")
}

func BenchmarkLookup(b *testing.B) {
	qs := []string{"554", "5.7.1", "RCPT", "quit", "op25b", "554 5.7.1 <a@b>: Relay access denied", "xyzzy"}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range qs {
			explain.Lookup(q)
		}
	}
}
