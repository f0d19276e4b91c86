package sim

import (
	"net/netip"
	"strings"

	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
)

// SendRequest is a mail client submitting one message.
type SendRequest struct {
	Client, Server *Host
	Port           uint16
	Helo           string     // default: the client's name if fully qualified, else its address literal
	Auth           *smtp.Auth // nil: no SMTP AUTH
	From           string     // envelope sender (MAIL FROM)
	HeaderFrom     string     // the From: the reader sees; default From
	To             []string
	Subject, Body  string
	TLS            TLSMode // STARTTLS, implicit TLS (465) or none
}

// Send runs one SMTP submission from the client to the server and returns
// when its connection is over; whatever else is scheduled runs alongside.
// Relays the message causes start when the session ends and finish on the
// next Settle.
func (w *World) Send(r SendRequest) SMTPResult {
	wt := newWaiter(&w.free.sendWaits)
	w.SendAsync(r, wt.doneFn)
	w.runUntil(wt.overFn)
	res := wt.res
	freeWaiter(&w.free.sendWaits, wt)
	return res
}

// heloName is what a mail program puts after EHLO: RFC 5321 4.1.1.1 asks
// for the client's fully qualified domain name, or, when it has none (a
// home PC called "alice-pc"), an address literal such as
// "[203.0.113.10]" (RFC 5321 4.1.3), which is what Thunderbird sends.
func heloName(h *Host) string {
	if strings.Contains(h.Name, ".") {
		return h.Name
	}
	if h.helo == "" || h.heloIP != h.IP {
		h.helo, h.heloIP = addressLiteral(h.IP), h.IP
	}
	return h.helo
}

// addressLiteral is ip as RFC 5321 4.1.3 writes it in EHLO.
func addressLiteral(ip netip.Addr) string {
	if ip.Unmap().Is4() {
		return "[" + ip.Unmap().String() + "]"
	}
	return "[IPv6:" + ip.String() + "]"
}

// FetchRequest is a mail client collecting mail over POP3.
type FetchRequest struct {
	Client, Server *Host
	Port           uint16
	Job            pop3.Job
	// Drop hangs up instead of sending QUIT: nothing marked is deleted.
	Drop bool
	TLS  TLSMode // STLS, implicit TLS (995) or none
}

// Fetch runs one POP3 session and returns when its connection is over.
func (w *World) Fetch(r FetchRequest) FetchResult {
	wt := newWaiter(&w.free.fetchWaits)
	w.pop3Session(r.Client, r.Server, r.Port, r.Job, r.TLS, r.Drop, wt.doneFn)
	w.runUntil(wt.overFn)
	res := wt.res
	freeWaiter(&w.free.fetchWaits, wt)
	// What is left counts whether or not the session got anywhere.
	if u := r.Server.user(r.Job.User); u != nil {
		res.Left = u.Mailbox.Len()
	}
	return res
}

// IMAPRequest is a mail client reading a mailbox it leaves on the server.
type IMAPRequest struct {
	Client, Server *Host
	Port           uint16
	Job            imap.Job
	TLS            TLSMode // implicit TLS (993) or none
}

// IMAP runs one IMAP session and returns when its connection is over.
func (w *World) IMAP(r IMAPRequest) IMAPResult {
	var res IMAPResult
	finished := false
	w.imapSession(r.Client, r.Server, r.Port, r.Job, r.TLS, func(ir IMAPResult) {
		res, finished = ir, true
	})
	w.runUntil(func() bool { return finished })
	if u := r.Server.user(r.Job.User); u != nil {
		res.Left = u.Mailbox.Len()
	}
	return res
}

// Talk sends lines as written to dst:port, whatever protocol listens there,
// one after each reply (after a 354, up to the final "."), and records the
// replies: for showing errors such as RCPT before MAIL. It returns when the
// connection is over.
func (w *World) Talk(src, dst *Host, port uint16, lines []string) TalkResult {
	var res TalkResult
	finished := false
	w.Dial(src, dst, port, &talker{w: w, lines: lines, done: func(tr TalkResult) { res, finished = tr, true }})
	w.runUntil(func() bool { return finished })
	return res
}
