package sim

import (
	"strconv"

	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
)

// SendRequest is a mail client submitting one message.
type SendRequest struct {
	Client, Server *Host
	Port           uint16
	Helo           string     // default: the client's name
	Auth           *smtp.Auth // nil: no SMTP AUTH
	From           string     // envelope sender (MAIL FROM)
	HeaderFrom     string     // the From: the reader sees; default From
	To             []string
	Subject, Body  string
}

// Send runs one SMTP submission from the client to the server. Relays the
// message causes happen on the next Settle.
func (w *World) Send(r SendRequest) SMTPResult {
	helo := r.Helo
	if helo == "" {
		helo = r.Client.Name
	}
	w.msgSeq++
	msgID := w.Date().Format("20060102150405") + "." + strconv.Itoa(w.msgSeq) + "@" + r.Client.Name
	data := composeMessage(r.From, r.HeaderFrom, r.To, r.Subject, r.Body, w.Date(), msgID)
	return w.smtpSession(r.Client, r.Server, r.Port, smtp.Job{Helo: helo, Auth: r.Auth, From: r.From, To: r.To, Data: data})
}

// FetchRequest is a mail client collecting mail over POP3.
type FetchRequest struct {
	Client, Server *Host
	Port           uint16
	Job            pop3.Job
	// Drop hangs up instead of sending QUIT: nothing marked is deleted.
	Drop bool
}

// Fetch runs one POP3 session.
func (w *World) Fetch(r FetchRequest) FetchResult {
	return w.pop3Session(r.Client, r.Server, r.Port, r.Job, r.Drop)
}
