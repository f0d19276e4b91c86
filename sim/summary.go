package sim

import (
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Summary mode: what a campaign of a million delivery attempts needs from
// the engine. Nobody reads every line of such a run; a summarising sink
// (sim/campaign) counts outcomes from a few kinds of event and keeps a
// sample of full sessions recorded before summary mode was switched on.
// In summary mode the World still runs every protocol session in full (the
// outcome must not change with the view), but it hands the sink only the
// events that state an outcome, and it does not keep the mail it delivers.

// SetSummary switches summary mode on or off. While it is on, the sink
// receives only the events that state an outcome or the scenario's
// structure (see Summarised), and final delivery emits its Deliver event
// without storing the message in the mailbox, so that memory does not
// grow with the mail a campaign delivers.
func (w *World) SetSummary(on bool) { w.summary = on }

// Summary reports whether summary mode is on.
func (w *World) Summary() bool { return w.summary }

// Summarised reports whether e is one of the events summary mode keeps:
// scenario structure (steps, narration, expectations), the first SYN of a
// connection and the first drop of it, timeouts and resets, the FIN, the
// last line of every SMTP reply with a 4xx or 5xx code (what refused a
// relay or a login), and the mail handling notes (deliver, queue, bounce,
// notes). Everything a summary counts is among them, so that a run with
// the full trace and one in summary mode count the same.
func Summarised(e *trace.Event) bool {
	if keep, decided := summarisedKind(e.Kind); decided {
		return keep
	}
	if e.Kind == trace.Line {
		return summarisedLine(e.Proto, e.Tag)
	}
	return e.TCP.Try == 0 // Connect, Drop
}

// summarisedKind is the part of Summarised that the kind alone decides:
// whether summary mode keeps every event of kind k, or none (decided), or
// it depends on the event (a Line's tag, a SYN's try).
func summarisedKind(k trace.Kind) (keep, decided bool) {
	switch k {
	case trace.Step, trace.Narration, trace.Expect, trace.Timeout, trace.Refused, trace.Close,
		trace.Deliver, trace.Queue, trace.Bounce, trace.Note:
		return true, true
	case trace.Connect, trace.Drop, trace.Line:
		return false, false
	}
	return false, true
}

// summarisedLine is Summarised's rule for a Line event of protocol p
// tagged t.
func summarisedLine(p trace.Proto, t trace.Tag) bool {
	return p == trace.SMTP && t.Kind == trace.Reply && t.Last && t.Code >= 400
}

// tracesLine reports whether the sink sees a Line event of protocol p
// tagged t: always, but in summary mode only the few Summarised keeps.
// What goes only into such an event (the event itself, the session
// snapshot on a reply's last line, a DNS message's bytes with their ID)
// is not built when the sink would not see it; a campaign of a million
// sessions spends most of its time on little else.
func (w *World) tracesLine(p trace.Proto, t trace.Tag) bool {
	return !w.summary || summarisedLine(p, t)
}

// traces reports whether the sink may see an event of kind k, so that an
// event summary mode drops by its kind alone is not built.
func (w *World) traces(k trace.Kind) bool {
	keep, decided := summarisedKind(k)
	return !w.summary || keep || !decided
}

// SetMaxTasks sets the most scheduler tasks this world runs before it
// halts, in place of MaxTasks: a campaign whose size the scenario bounds
// may need more. n below MaxTasks is raised to it.
func (w *World) SetMaxTasks(n int) { w.maxTasks = max(n, MaxTasks) }

// SendAsync starts one SMTP submission as Send does, but returns at once;
// done, if not nil, is called with the result when the connection is over.
// A campaign starts thousands of them side by side on the virtual clock.
func (w *World) SendAsync(r SendRequest, done func(SMTPResult)) {
	helo := r.Helo
	if helo == "" {
		helo = heloName(r.Client)
	}
	w.msgSeq++
	data := w.composer.compose(r.From, r.HeaderFrom, r.To, r.Subject, r.Body, w.Date(), w.msgSeq, r.Client.Name)
	w.smtpSession(r.Client, r.Server, r.Port, smtp.Job{Helo: helo, Auth: r.Auth, From: r.From, To: r.To, Data: data}, r.TLS, done)
}
