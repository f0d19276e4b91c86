package transcript

import "github.com/mailsim/mailsim/sim/trace"

// Class is what kind of line an event renders as, for views that colour
// lines: client commands, each reply class, DNS, narration and router drops
// each get their own, so a reader tells them apart at a glance.
type Class uint8

// The classes, in no particular order.
const (
	Plain      Class = iota
	StepHead         // a step heading
	Narration        // a teacher's narration
	Command          // an SMTP, POP3 or IMAP command a client sends
	ClientText       // message text and AUTH data a client sends
	Reply2xx         // SMTP positive completion (RFC 5321 4.2.1)
	Reply3xx         // SMTP positive intermediate (354, 334)
	Reply4xx         // SMTP transient failure
	Reply5xx         // SMTP permanent failure
	POPOK            // POP3 +OK; IMAP OK
	POPErr           // POP3 -ERR; IMAP NO, BAD, BYE
	POPText          // a line of a POP3 multi-line response; IMAP data, literals, "+"
	DNS              // a DNS query or answer
	TCP              // SYN, SYN-ACK, FIN
	Timeout          // a client giving up, a refused connection
	Drop             // a router dropping a packet
	Note             // MTA notes: queueing, relaying
	Deliver          // a message put into a mailbox
	Bounce           // a non-delivery report
	ExpectOK         // an expectation met
	ExpectMiss       // an expectation missed
	NumClasses
)

// SGR holds each class's Select Graphic Rendition parameters (ECMA-48
// 8.3.117), limited to the 16 basic colours every terminal has: the one
// colour scheme the player and the coloured transcript share.
var SGR = [NumClasses]string{
	Plain:      "",
	StepHead:   "1;4",
	Narration:  "3",
	Command:    "1;36",
	ClientText: "36",
	Reply2xx:   "32",
	Reply3xx:   "33",
	Reply4xx:   "35",
	Reply5xx:   "1;31",
	POPOK:      "92",
	POPErr:     "91",
	POPText:    "37",
	DNS:        "34",
	TCP:        "2",
	Timeout:    "1;33",
	Drop:       "1;97;41",
	Note:       "94",
	Deliver:    "1;92",
	Bounce:     "1;35",
	ExpectOK:   "1;32",
	ExpectMiss: "1;91",
}

// ClassOf says how e should look.
func ClassOf(e *trace.Event) Class {
	switch e.Kind {
	case trace.Step:
		return StepHead
	case trace.Narration:
		return Narration
	case trace.Expect:
		if e.OK {
			return ExpectOK
		}
		return ExpectMiss
	case trace.Connect, trace.Accept, trace.Close, trace.Record:
		return TCP
	case trace.Refused, trace.Timeout:
		return Timeout
	case trace.Drop:
		return Drop
	case trace.Deliver:
		return Deliver
	case trace.Bounce:
		return Bounce
	case trace.Queue, trace.Note:
		return Note
	case trace.Line:
		return lineClass(e)
	}
	return Plain
}

// lineClass classifies a protocol line: a command, message text, a reply by
// its first digit (RFC 5321 4.2.1), a POP3 status (RFC 1939 3), an IMAP
// condition (RFC 9051 7.1), or DNS.
func lineClass(e *trace.Event) Class {
	switch {
	case e.Proto == trace.DNS:
		return DNS
	case e.Dir != trace.ServerToClient:
		if e.Tag.Kind == trace.MessageText || e.Tag.Kind == trace.AuthData {
			return ClientText
		}
		return Command
	case e.Proto == trace.POP3:
		switch e.Tag.Status {
		case trace.OK:
			return POPOK
		case trace.Err:
			return POPErr
		}
		return POPText
	case e.Proto == trace.IMAP:
		// RFC 9051 7.1: the condition is the status; data and the lines of
		// a literal are text.
		switch e.Tag.Cond {
		case trace.CondOK, trace.CondPREAUTH:
			return POPOK
		case trace.CondNO, trace.CondBAD, trace.CondBYE:
			return POPErr
		}
		return POPText
	}
	// The code is the trace's fact (Tag.Code); a line without one is not
	// coloured as a reply.
	switch e.Tag.Code / 100 {
	case 2:
		return Reply2xx
	case 3:
		return Reply3xx
	case 4:
		return Reply4xx
	case 5:
		return Reply5xx
	}
	return Plain
}
