package sim

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// failure is one recipient the relay could not deliver to, and why, in
// the terms of a delivery status notification (RFC 3464 2.3).
type failure struct {
	rcpt   string
	status string   // enhanced status code (RFC 3463): "5.1.1"
	reason string   // the remote reply or the local diagnosis, as the bounce's text quotes it
	note   i18n.Msg // the same for the trace, in the reader's language
	remote string   // the MTA that refused, "" when the failure is local
	diag   string   // that MTA's reply, "550 5.1.1 ...", "" when local
}

// relay makes one delivery attempt for a queue item, the way an MTA routes
// mail (RFC 5321 5.1): look up the domain's MX records, try them lowest
// preference first (random among equals), fall back to the A record only if
// there is no MX at all, and speak SMTP to port 25. When the attempt is
// over, whatever became of the message, the queue manager hears of it
// (attemptDone, for m's destination d) with the reason when it was a site
// failure (no MX host connected, or the DNS could not say where to go),
// which it counts against the destination.
func (w *World) relay(it *item, m *mta, d *dest) {
	h := it.host
	w.count(it)
	it.attempts++
	a := w.newAttempt()
	a.it, a.m, a.d = it, m, d
	w.resolve(h, it.domain, dns.TypeMX, a.mxFn)
}

// attempt is one delivery attempt of relay: what its DNS and SMTP steps
// share, with the callbacks that take each step bound once to it. The
// world reuses it (newAttempt) once over has run: each callback ends in
// a call that starts the next step or ends the attempt, and touches the
// attempt no more after it, since the next step may run at once (a
// look-up without a DNS server answers at once) and a new attempt may
// take this one over.
type attempt struct {
	w    *World
	it   *item
	m    *mta
	d    *dest
	name string   // the MX host whose address is being looked up
	rest []string // the MX hosts to try after it
	dst  *Host    // the host of that address, while the SMTP session runs
	// usable says an MX host with an address was seen, temporary that a
	// look-up failed for now.
	usable, temporary bool

	mxFn   func(dns.Answer, bool)
	aFn    func(dns.Answer, bool)
	sentFn func(SMTPResult)
}

// newAttempt returns a cleared attempt with its callbacks bound.
func (w *World) newAttempt() *attempt {
	if a, ok := pop(&w.free.attempts); ok {
		return a
	}
	a := &attempt{w: w}
	a.mxFn, a.aFn, a.sentFn = a.gotMX, a.gotA, a.sent
	return a
}

// over ends the attempt: the world may reuse it from now on.
func (a *attempt) over(site *failure) {
	w, m, d := a.w, a.m, a.d
	*a = attempt{w: w, mxFn: a.mxFn, aFn: a.aFn, sentFn: a.sentFn}
	push(&w.free.attempts, a)
	w.attemptDone(m, d, site)
}

// gotMX: the answer to the domain's MX query.
func (a *attempt) gotMX(ans dns.Answer, ok bool) {
	w, it := a.w, a.it
	h := it.host
	if !ok {
		it.last = &failure{status: "4.4.3", note: i18n.M(msgDNSTempFail, it.domain, "MX")}
		w.defer_(it, i18n.M(msgDNSFailed))
		a.over(it.last)
		return
	}
	switch ans.RCode {
	case dns.RCodeNoError:
	case dns.RCodeNXDomain:
		w.bounceAll(it, "5.1.2", i18n.M(msgNXDomain, it.domain))
		a.over(nil)
		return
	default:
		// SERVFAIL and the like say nothing about the domain: try again later.
		it.last = &failure{status: "4.4.3", note: i18n.M(msgDNSTempFail, it.domain, "MX")}
		w.defer_(it, i18n.M(msgDNSRCode, it.domain, ans.RCode))
		a.over(it.last)
		return
	}
	var targets []string
	if len(ans.MX) == 0 {
		// RFC 5321 5.1: no MX at all, so the domain itself is the target.
		w.note(h, i18n.M(msgNoMX, it.domain))
		targets = []string{it.domain}
	} else {
		sorted, ok := dns.SortMX(ans.MX, w.rng)
		if !ok {
			w.bounceAll(it, "5.1.10", i18n.M(msgNullMX, it.domain))
			a.over(nil)
			return
		}
		sorted, self := pruneSelf(sorted, h.Name)
		if self {
			if len(sorted) == 0 {
				w.bounceAll(it, "5.4.6", i18n.M(msgLoop, it.domain))
				a.over(nil)
				return
			}
			w.note(h, i18n.M(msgSelfMX, h.Name, it.domain))
		}
		for _, mx := range sorted {
			targets = append(targets, mx.Host)
		}
	}
	a.tryMX(targets)
}

// tryMX tries the first of targets and, if it cannot be reached, the rest
// in order (RFC 5321 5.1).
func (a *attempt) tryMX(targets []string) {
	w, it := a.w, a.it
	if len(targets) == 0 {
		if !a.usable && !a.temporary {
			// RFC 5321 5.1: MX records none of which is usable, or an implicit
			// MX that is not, MUST be reported as an error, not retried.
			w.bounceAll(it, "5.4.4", i18n.M(msgUnroutable, it.domain))
			a.over(nil)
			return
		}
		site := it.last
		if site == nil {
			site = &failure{status: "4.4.1", note: i18n.M(msgNoMXReached, it.domain)}
		}
		w.defer_(it, i18n.M(msgNoMXReached, it.domain))
		a.over(site)
		return
	}
	a.name, a.rest = targets[0], targets[1:]
	w.resolve(it.host, a.name, dns.TypeA, a.aFn)
}

// gotA: the answer to the A query for the MX host a.name.
func (a *attempt) gotA(ans dns.Answer, ok bool) {
	w, it, name := a.w, a.it, a.name
	h := it.host
	switch {
	case !ok || ans.RCode != dns.RCodeNoError && ans.RCode != dns.RCodeNXDomain:
		a.temporary = true
		a.tryMX(a.rest) // no answer or SERVFAIL: this MX may work later
		return
	case len(ans.A) == 0:
		w.note(h, i18n.M(msgNoAddress, name))
		a.tryMX(a.rest)
		return
	}
	dst := w.byIP[ans.A[0]]
	if dst == nil {
		// Sealed: an address outside the virtual world is never dialled.
		w.note(h, i18n.M(msgNotInWorld, name, ans.A[0].String()))
		a.usable = true
		a.tryMX(a.rest)
		return
	}
	if dst == h {
		w.bounceAll(it, "5.4.6", i18n.M(msgLoop, it.domain))
		a.over(nil)
		return
	}
	// The relay hop is plain SMTP: STARTTLS, where used, protects one hop.
	// Nobody reads its reply codes (SMTPResult.Replies): the queue takes
	// what the client core made of them.
	a.dst = dst
	w.dialSMTP(h, dst, 25, smtp.Job{Helo: h.Name, From: it.from, To: it.to, Head: it.head, Data: it.data}, TLSNone, false, a.sentFn)
}

// sent: the SMTP session with a.dst is over.
func (a *attempt) sent(res SMTPResult) {
	w, it, dst := a.w, a.it, a.dst
	if res.Outcome != Connected {
		t := msgConnectTimeout
		if res.Outcome == Refused {
			t = msgConnectRefused
		}
		it.last = &failure{status: "4.4.1", note: i18n.M(t, dst.Name, dst.IP.String())}
		a.usable = true
		a.tryMX(a.rest) // RFC 5321 5.1: try the next MX
		return
	}
	w.settleAttempt(it, dst, res)
	var site *failure
	if cr := res.Client; cr.Failure != nil && cr.FailedAt == "the greeting" && cr.Failure.Code/100 == 4 {
		site = it.last // a handshake failure: "refused to talk to me"
	}
	a.over(site)
}

// pruneSelf applies RFC 5321 5.1 to a sorted MX list: a host that finds
// itself among the MX hosts discards that record and every one with the
// same or a larger preference value, so a backup MX hands mail only to
// better MX hosts and never to itself or another backup.
func pruneSelf(sorted []dns.MX, self string) ([]dns.MX, bool) {
	for i, mx := range sorted {
		if strings.EqualFold(mx.Host, self) {
			j := i
			for j > 0 && sorted[j-1].Pref == mx.Pref {
				j-- // equal preference: random order put them before us
			}
			return sorted[:j], true
		}
	}
	return sorted, false
}

// settleAttempt sorts the recipients of a connected attempt into delivered,
// failed for good (bounce) and failed for now (retry).
func (w *World) settleAttempt(it *item, dst *Host, res SMTPResult) {
	cr := res.Client
	var bounce []failure
	var retry, more []string
	for _, rf := range cr.Rejected {
		f := remoteFailure(rf.Addr, dst, rf.Reply, "RCPT TO")
		switch {
		case rf.Reply.Code >= 500:
			bounce = append(bounce, f)
		case cr.Sent && tooManyRecipients(rf.Reply):
			// RFC 5321 4.5.3.1.10 and 3.3: the server's recipient limit;
			// the rest go in another transaction, not in 30 minutes.
			// Only after the server took some, so each one makes progress.
			more = append(more, rf.Addr)
		default:
			retry = append(retry, rf.Addr)
			it.last = &f
		}
	}
	if !cr.Sent {
		// The whole transaction failed: every recipient not already sorted
		// bounces on a 5xx and is retried otherwise, also when the session
		// ended with no reply to blame (RFC 5321 6.1: accepted mail is
		// delivered, retried or bounced, never dropped).
		for _, r := range it.to {
			if slices.ContainsFunc(cr.Rejected, func(f smtp.RcptFailure) bool { return f.Addr == r }) {
				continue
			}
			switch {
			case cr.Failure != nil && cr.Failure.Code >= 500:
				bounce = append(bounce, remoteFailure(r, dst, *cr.Failure, cr.FailedAt))
			case cr.Failure != nil:
				f := remoteFailure(r, dst, *cr.Failure, cr.FailedAt)
				it.last = &f
				retry = append(retry, r)
			default:
				it.last = &failure{status: "4.4.2", note: i18n.M(msgLostConn, dst.Name, dst.IP.String())}
				retry = append(retry, r)
			}
		}
	}
	if len(bounce) > 0 {
		w.fail(it, bounce)
	}
	if len(more) > 0 {
		t := msgMoreRcpts
		if len(cr.Accepted) < smtp.DefaultMaxRecipients {
			t = msgMoreRcptsFew // a limit below RFC 5321 4.5.3.1.8's 100: say so
		}
		w.note(it.host, i18n.M(t, dst.Name, itoa(len(cr.Accepted)), itoa(len(more))))
		next := *it
		next.to = more
		next.due = w.now
		next.counted = false
		w.count(&next) // part of this delivery pass: the bounce waits for it
		w.enqueue(&next)
	}
	if len(retry) > 0 {
		rest := *it
		rest.to = retry
		w.defer_(&rest, i18n.M(msgTemporary))
		return
	}
	w.attemptOver(it)
}

// tooManyRecipients reports whether r is a server's recipient limit: 452
// with 4.5.3 or with no enhanced code (RFC 5321 4.5.3.1.10), not, say, a
// full mailbox (452 4.2.2), which waits for the next retry.
func tooManyRecipients(r smtp.Reply) bool {
	return r.Code == smtp.C452InsufficientStorage && (r.Enhanced == "" || r.Enhanced == smtp.E453TooManyRecipients)
}

// jaAfter says in Japanese what a reply answered: "RCPT TOに".
func jaAfter(after string) string {
	if after == "the greeting" {
		return "接続時のあいさつで"
	}
	return after + "に"
}

// localFailure is a recipient this MTA gave up on by itself.
func localFailure(rcpt, status string, reason i18n.Msg) failure {
	return failure{rcpt: rcpt, status: status, reason: reason.In(i18n.EN) + " (" + status + ")", note: reason}
}

// remoteFailure is a recipient another MTA refused with reply r, quoted the
// way Postfix's bounces do.
func remoteFailure(rcpt string, dst *Host, r smtp.Reply, after string) failure {
	lines := make([]string, r.NumLines())
	for i := range lines {
		lines[i] = r.Line(i)
	}
	status := r.Enhanced
	if status == "" {
		status = strconv.Itoa(r.Code/100) + ".0.0" // RFC 3463 3.1: the class alone
	}
	host := dst.Name + "[" + dst.IP.String() + "]"
	diag := strings.Join(lines, " ")
	note := i18n.M(msgRemoteSaid, host, diag, after, jaAfter(after))
	return failure{
		rcpt:   rcpt,
		status: status,
		reason: note.In(i18n.EN),
		note:   note,
		remote: dst.Name,
		diag:   diag,
	}
}

// defer_ schedules the next attempt, or bounces once the message has waited
// longer than the queue lifetime (RFC 5321 4.5.4.1). The bounce of an
// expired message quotes the last real problem with its status, say
// "4.4.1 connect to ...: Connection timed out", as Postfix's does; RFC 3463
// 3.1 defines class 4 for exactly this, a transient condition whose
// persistence made the MTA give up, so the report is not rewritten as
// X.4.7 "delivery time expired" (which the trace note still says).
func (w *World) defer_(it *item, why i18n.Msg) {
	if w.now-it.first >= w.MaxQueueLife {
		last := it.last
		if last == nil {
			last = &failure{status: "4.4.7", note: why}
		}
		fs := make([]failure, len(it.to))
		for i, r := range it.to {
			f := *last
			f.rcpt = r
			if f.remote == "" {
				// Postfix's own diagnosis: "Diagnostic-Code: X-Postfix; ...".
				f.reason = f.note.In(i18n.EN)
				f.diag = f.reason
			}
			f.note = i18n.M(msgExpired).With(last.note)
			fs[i] = f
		}
		w.fail(it, fs)
		w.attemptOver(it)
		return
	}
	it.due = addTime(w.now, w.RetryInterval)
	w.note(it.host, i18n.M(msgDeferred, it.id, itoa(int(w.RetryInterval.Minutes()))).With(why))
	w.enqueue(it)
	w.attemptOver(it)
}

// bounceAll fails every recipient of it for one local reason; the item is
// settled.
func (w *World) bounceAll(it *item, status string, reason i18n.Msg) {
	fs := make([]failure, len(it.to))
	for i, r := range it.to {
		fs[i] = localFailure(r, status, reason)
	}
	w.fail(it, fs)
	w.attemptOver(it)
}

// fail records recipients of it that will not be delivered. A message's
// failures wait for the rest of the message (settled); an item that is
// no accepted message (a bounce) reports at once.
func (w *World) fail(it *item, fs []failure) {
	if it.msg == nil {
		w.bounce(it, fs)
		return
	}
	it.msg.failed = append(it.msg.failed, fs...)
}

// attemptOver says that it is done for this delivery pass: delivered,
// failed, or deferred to a later retry. When every item of its message is,
// the sender gets one bounce listing every recipient that failed in the
// pass (RFC 3464 2: a report per message, a group per recipient). Like
// Postfix, the MTA does not hold a permanent failure back for days until
// a deferred domain is settled; a recipient that fails on a later retry
// or expires is reported then.
func (w *World) attemptOver(it *item) {
	m := it.msg
	if m == nil {
		return
	}
	it.counted = false
	m.items--
	if m.items == 0 && len(m.failed) > 0 {
		fs := m.failed
		m.failed = nil
		// Attempts run side by side and end in any order; the report lists
		// the recipients in the order the sender gave them.
		slices.SortStableFunc(fs, func(a, b failure) int {
			return slices.Index(m.rcpts, a.rcpt) - slices.Index(m.rcpts, b.rcpt)
		})
		w.bounce(it, fs)
	}
}

// count puts it back in its message's delivery pass (see attemptOver),
// unless it is in it already.
func (w *World) count(it *item) {
	if it.msg != nil && !it.counted {
		it.msg.items++
		it.counted = true
	}
}

// bounce sends a non-delivery report to the envelope sender with the null
// reverse-path (RFC 5321 4.5.5, 6.1), never about another bounce.
func (w *World) bounce(it *item, fs []failure) {
	h := it.host
	if it.from == "" {
		w.note(h, i18n.M(msgBounceDiscarded))
		return
	}
	for _, f := range fs {
		w.log.Bounced = append(w.log.Bounced, strings.ToLower(f.rcpt))
	}
	id := w.queueID()
	e := w.event(trace.Bounce)
	e.Src = h.endpoint(0)
	e.Line = it.from
	e.Text = i18n.M(msgBounce, id, it.from).With(fs[0].note)
	if len(fs) > 1 {
		rcpts := make([]string, len(fs))
		for i, f := range fs {
			rcpts[i] = f.rcpt
		}
		e.Text = i18n.M(msgBounceMany, id, it.from, itoa(len(fs)), strings.Join(rcpts, ", "))
	}
	w.emit(e)
	data := w.composeBounce(h, id, it, fs)
	if h.isLocal(it.from) {
		// A bounce's reverse path is null (RFC 5321 4.5.5).
		if _, ok := w.deliver(h, it.from, id, returnPathStart+returnPathEnd, data, true); !ok {
			w.note(h, i18n.M(msgBounceDiscarded)) // RFC 5321 4.5.5: never a bounce about a bounce
		}
		return
	}
	w.enqueue(&item{host: h, id: id, from: "", to: []string{it.from}, domain: domainPart(it.from), data: data, first: w.now, due: w.now})
}
