package explain_test

import (
	"reflect"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/trace"
)

func keys(es []explain.Entry) []string {
	if es == nil {
		return nil
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Key
	}
	return out
}

// Events shaped the way the engine emits them (sim/smtpconn.go,
// sim/pop3conn.go, sim/lookup.go, sim/tcp.go).
func smtpReply(line string, code int, enh string, last bool) *trace.Event {
	return &trace.Event{Kind: trace.Line, Proto: trace.SMTP, Dir: trace.ServerToClient, Line: line,
		Tag: trace.Tag{Code: code, Enhanced: enh, Last: last}}
}

func smtpCmd(line, verb string) *trace.Event {
	tag := trace.Tag{Kind: trace.Command, Verb: verb, Last: true}
	switch verb {
	case "DATA-LINE":
		tag = trace.Tag{Kind: trace.MessageText, Last: true}
	case "AUTH-DATA":
		tag = trace.Tag{Kind: trace.AuthData, Last: true}
	}
	return &trace.Event{Kind: trace.Line, Proto: trace.SMTP, Dir: trace.ClientToServer, Line: line, Tag: tag}
}

func pop3Status(line, status string) *trace.Event {
	st := map[string]trace.Status{"+OK": trace.OK, "-ERR": trace.Err}[status]
	return &trace.Event{Kind: trace.Line, Proto: trace.POP3, Dir: trace.ServerToClient, Line: line,
		Tag: trace.Tag{Status: st, Last: status != ""}, Session: &trace.Session{State: "AUTHORIZATION"}}
}

func pop3Cmd(line, verb string) *trace.Event {
	return &trace.Event{Kind: trace.Line, Proto: trace.POP3, Dir: trace.ClientToServer, Line: line,
		Tag: trace.Tag{Verb: verb, Last: true}}
}

func dnsQ(line, query string) *trace.Event {
	return &trace.Event{Kind: trace.Line, Proto: trace.DNS, Dir: trace.ClientToServer, Line: line,
		Tag: trace.Tag{Verb: "QUERY", Query: query, Last: true}}
}

func dnsA(line, query, rcode string) *trace.Event {
	return &trace.Event{Kind: trace.Line, Proto: trace.DNS, Dir: trace.ServerToClient, Line: line,
		Tag: trace.Tag{Query: query, RCode: rcode, Last: true}}
}

func tcp(kind trace.Kind, port uint16) *trace.Event {
	return &trace.Event{Kind: kind, Proto: trace.TCP, Dir: trace.ClientToServer,
		Dst: trace.Endpoint{Host: "mx.example.jp", Port: port}}
}

func TestForEvent(t *testing.T) {
	for _, c := range []struct {
		name string
		e    *trace.Event
		want []string
	}{
		// SMTP replies: enhanced code first, then the reply code.
		{"relay denied", smtpReply("554 5.7.1 <bob@example.net>: Relay access denied", 554, "5.7.1", true), []string{"5.7.1", "554"}},
		{"untagged reply read from the line", &trace.Event{Kind: trace.Line, Proto: trace.SMTP, Line: "554 5.7.1 <bob@example.net>: Relay access denied"}, []string{"5.7.1", "554"}},
		{"user unknown", smtpReply("550 5.1.1 <x@example.jp>: Recipient address rejected: User unknown in local recipient table", 550, "5.1.1", true), []string{"5.1.1", "550"}},
		{"greeting has no enhanced code", smtpReply("220 mx.example.jp ESMTP mailsim", 220, "", true), []string{"220"}},
		{"queued", smtpReply("250 2.0.0 Ok: queued as 1A2B3C", 250, "2.0.0", true), []string{"2.0.0", "250"}},
		{"EHLO continuation", smtpReply("250-PIPELINING", 250, "", false), nil},
		{"untagged continuation", &trace.Event{Kind: trace.Line, Proto: trace.SMTP, Dir: trace.ServerToClient, Line: "250-SIZE 10240000"}, nil},
		{"EHLO last line", smtpReply("250 SMTPUTF8", 250, "", true), []string{"250"}},
		{"unknown code falls back to its class", smtpReply("571 Delivery not authorized", 571, "", true), []string{"5xx"}},
		{"unknown enhanced code is skipped", smtpReply("550 5.9.9 odd", 550, "5.9.9", true), []string{"550"}},
		{"timeout", smtpReply("421 4.4.2 mx.example.jp Error: timeout exceeded", 421, "4.4.2", true), []string{"4.4.2", "421"}},
		// SMTP client lines.
		{"RCPT", smtpCmd("RCPT TO:<bob@example.jp>", "RCPT"), []string{"SMTP RCPT"}},
		{"untagged lower-case MAIL", &trace.Event{Kind: trace.Line, Proto: trace.SMTP, Dir: trace.ClientToServer, Line: "mail from:<alice@example.jp>"}, []string{"SMTP MAIL"}},
		{"unknown verb", smtpCmd("XYZZY", "XYZZY"), nil},
		{"message text", smtpCmd("Subject: hello", "DATA-LINE"), nil},
		{"end of data", smtpCmd(".", "DATA-LINE"), []string{"SMTP ."}},
		{"AUTH response", smtpCmd("YWxpY2U=", "AUTH-DATA"), []string{"SMTP AUTH-DATA"}},
		// POP3.
		{"POP3 -ERR", pop3Status("-ERR [AUTH] invalid user name or password", "-ERR"), []string{"-ERR"}},
		{"POP3 +OK", pop3Status("+OK 2 320", "+OK"), []string{"+OK"}},
		{"POP3 body line", pop3Status("Subject: hello", ""), nil},
		{"POP3 body line that looks like a status", pop3Status("-ERR is just text here", ""), nil},
		{"RETR", pop3Cmd("RETR 1", "RETR"), []string{"POP3 RETR"}},
		{"lower-case quit", pop3Cmd("quit", "quit"), []string{"POP3 QUIT"}},
		// DNS.
		{"MX question", dnsQ("query example.jp. IN MX", "MX example.jp"), []string{"DNS MX"}},
		{"MX answer", dnsA("example.jp. 3600 IN MX 10 mx.example.jp.", "MX example.jp", "NOERROR"), []string{"DNS MX"}},
		{"A answer", dnsA("mx.example.jp. 3600 IN A 192.0.2.25", "A mx.example.jp", "NOERROR"), []string{"DNS A"}},
		{"NXDOMAIN", dnsA("NXDOMAIN examp1e.jp.", "MX examp1e.jp", "NXDOMAIN"), []string{"DNS NXDOMAIN", "DNS MX"}},
		{"NODATA", dnsA("NOERROR example.jp. IN MX (no records)", "MX example.jp", "NOERROR"), []string{"DNS NODATA", "DNS MX"}},
		{"null MX", dnsA("example.jp. 3600 IN MX 0 .", "MX example.jp", "NOERROR"), []string{"DNS null MX", "DNS MX"}},
		{"SPF", dnsA(`example.jp. 3600 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"`, "TXT example.jp", "NOERROR"), []string{"DNS SPF", "DNS TXT"}},
		{"plain TXT", dnsA(`example.jp. 3600 IN TXT "hello"`, "TXT example.jp", "NOERROR"), []string{"DNS TXT"}},
		{"DMARC question", dnsQ("query _dmarc.example.jp. IN TXT", "TXT _dmarc.example.jp"), []string{"DNS DMARC", "DNS TXT"}},
		{"DKIM answer", dnsA(`s1._domainkey.example.jp. 3600 IN TXT "v=DKIM1; p=MIGf"`, "TXT s1._domainkey.example.jp", "NOERROR"), []string{"DNS DKIM", "DNS TXT"}},
		// TCP and MTA events.
		{"drop", tcp(trace.Drop, 25), []string{"TCP drop"}},
		{"timeout", tcp(trace.Timeout, 25), []string{"TCP timeout"}},
		{"refused", tcp(trace.Refused, 587), []string{"TCP refused"}},
		{"close", tcp(trace.Close, 25), []string{"TCP FIN"}},
		{"connect to submission", tcp(trace.Connect, 587), []string{"TCP SYN", "port 587"}},
		{"connect to an unknown port", tcp(trace.Connect, 2525), []string{"TCP SYN"}},
		{"accept", tcp(trace.Accept, 25), []string{"TCP SYN-ACK"}},
		{"bounce", &trace.Event{Kind: trace.Bounce}, []string{"MTA bounce"}},
		{"queue", &trace.Event{Kind: trace.Queue}, []string{"MTA queue"}},
		{"deliver", &trace.Event{Kind: trace.Deliver}, []string{"MTA deliver"}},
		// Nothing to explain.
		{"narration", &trace.Event{Kind: trace.Narration}, nil},
		{"note", &trace.Event{Kind: trace.Note, Line: "554"}, nil},
		{"line without protocol", &trace.Event{Kind: trace.Line, Line: "554 5.7.1"}, nil},
		{"nil", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before trace.Event
			if c.e != nil {
				before = *c.e
			}
			got := keys(explain.ForEvent(c.e))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("ForEvent = %q, want %q", got, c.want)
			}
			if c.e != nil && !reflect.DeepEqual(*c.e, before) {
				t.Errorf("ForEvent modified the event")
			}
		})
	}
}

func TestForReply(t *testing.T) {
	for _, c := range []struct {
		name string
		e    *trace.Event
		cmd  string
		want []string
	}{
		{"POP3 -ERR to PASS", pop3Status("-ERR [AUTH] invalid user name or password", "-ERR"), "PASS", []string{"-ERR", "POP3 PASS"}},
		{"POP3 +OK to DELE", pop3Status("+OK message 1 deleted", "+OK"), "DELE", []string{"+OK", "POP3 DELE"}},
		{"SMTP reply to RCPT", smtpReply("554 5.7.1 <bob@example.net>: Relay access denied", 554, "5.7.1", true), "RCPT", []string{"5.7.1", "554", "SMTP RCPT"}},
		{"SMTP reply to the final dot", smtpReply("250 2.0.0 Ok: queued as 1A2B3C", 250, "2.0.0", true), "DATA-LINE", []string{"2.0.0", "250", "SMTP ."}},
		{"unknown command adds nothing", pop3Status("-ERR unknown command", "-ERR"), "FOO", []string{"-ERR"}},
		{"continuation stays nil", pop3Status("1 120", ""), "LIST", nil},
		{"client line is not a reply", smtpCmd("QUIT", "QUIT"), "QUIT", []string{"SMTP QUIT"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := keys(explain.ForReply(c.e, c.cmd)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("ForReply = %q, want %q", got, c.want)
			}
		})
	}
}

func TestForCommand(t *testing.T) {
	for _, c := range []struct {
		proto trace.Proto
		verb  string
		want  string
	}{
		{trace.SMTP, "RCPT", "SMTP RCPT"},
		{trace.SMTP, "starttls", "SMTP STARTTLS"},
		{trace.SMTP, "AUTH-DATA", "SMTP AUTH-DATA"},
		{trace.POP3, "STAT", "POP3 STAT"},
		{trace.POP3, "Top", "POP3 TOP"},
		{trace.SMTP, "STAT", ""},      // a POP3 verb
		{trace.POP3, "EHLO", ""},      // an SMTP verb
		{trace.SMTP, "DATA-LINE", ""}, // message text, not a command
		{trace.DNS, "QUERY", ""},
		{trace.SMTP, "", ""},
	} {
		e, ok := explain.ForCommand(c.proto, c.verb)
		if ok != (c.want != "") || e.Key != c.want {
			t.Errorf("ForCommand(%v, %q) = %q, %v; want %q", c.proto, c.verb, e.Key, ok, c.want)
		}
	}
}
