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
	status string    // enhanced status code (RFC 3463): "5.1.1"
	reason string    // the remote reply or the local diagnosis, as the bounce's text quotes it
	note   i18n.Text // the same for the trace, in both languages
	remote string    // the MTA that refused, "" when the failure is local
	diag   string    // that MTA's reply, "550 5.1.1 ...", "" when local
}

// relay makes one delivery attempt for a queue item, the way an MTA routes
// mail (RFC 5321 5.1): look up the domain's MX records, try them lowest
// preference first (random among equals), fall back to the A record only if
// there is no MX at all, and speak SMTP to port 25.
func (w *World) relay(it *item) {
	h := it.host
	it.attempts++
	ans, ok := w.resolve(h, it.domain, dns.TypeMX)
	if !ok {
		w.defer_(it, i18n.T("DNS lookup failed", "DNSの問い合わせに失敗"))
		return
	}
	switch ans.RCode {
	case dns.RCodeNoError:
	case dns.RCodeNXDomain:
		w.bounceAll(it, "5.1.2", i18n.T("Host or domain name not found. Name service error for name="+it.domain+" type=MX: Host not found",
			it.domain+"というドメインは存在しない(DNSがNXDOMAINを返した)"))
		return
	default:
		// SERVFAIL and the like say nothing about the domain: try again later.
		w.defer_(it, i18n.T("DNS answered "+ans.RCode+" for "+it.domain, "DNSが"+it.domain+"について"+ans.RCode+"を返した"))
		return
	}
	var targets []string
	if len(ans.MX) == 0 {
		// RFC 5321 5.1: no MX at all, so the domain itself is the target.
		w.note(h, i18n.T(
			"no MX record for "+it.domain+": falling back to its A record (RFC 5321 5.1)",
			it.domain+"にMXレコードがないため、Aレコードを使う(RFC 5321 5.1)"))
		targets = []string{it.domain}
	} else {
		sorted, ok := dns.SortMX(ans.MX, w.rng)
		if !ok {
			w.bounceAll(it, "5.1.10", i18n.T("Domain "+it.domain+" does not accept mail (nullMX)",
				it.domain+"はメールを受け付けないと宣言している(null MX)"))
			return
		}
		sorted, self := pruneSelf(sorted, h.Name)
		if self {
			if len(sorted) == 0 {
				w.bounceAll(it, "5.4.6", i18n.T("mail for "+it.domain+" loops back to myself", it.domain+"宛てのメールが自分自身に戻ってくる(配送ループ)"))
				return
			}
			w.note(h, i18n.T(
				h.Name+" is itself an MX of "+it.domain+": it tries only the MX hosts preferred to it (RFC 5321 5.1)",
				h.Name+"自身が"+it.domain+"のMXなので、自分より優先度の高いMXだけを試す(RFC 5321 5.1)"))
		}
		for _, mx := range sorted {
			targets = append(targets, mx.Host)
		}
	}
	usable, temporary := false, false
	for _, name := range targets {
		a, ok := w.resolve(h, name, dns.TypeA)
		switch {
		case !ok || a.RCode != dns.RCodeNoError && a.RCode != dns.RCodeNXDomain:
			temporary = true // no answer or SERVFAIL: this MX may work later
			continue
		case len(a.A) == 0:
			w.note(h, i18n.T(
				name+" has no address (A) record: this MX cannot be used",
				name+"にアドレス(A)レコードがない: このMXは使えない"))
			continue
		}
		usable = true
		dst := w.byIP[a.A[0]]
		if dst == nil {
			// Sealed: an address outside the virtual world is never dialled.
			w.note(h, i18n.T(
				name+" ("+a.A[0].String()+") is not part of this virtual world: no route",
				name+"("+a.A[0].String()+")はこの仮想世界にない: 経路なし"))
			continue
		}
		if dst == h {
			w.bounceAll(it, "5.4.6", i18n.T("mail for "+it.domain+" loops back to myself", it.domain+"宛てのメールが自分自身に戻ってくる(配送ループ)"))
			return
		}
		res := w.smtpSession(h, dst, 25, smtp.Job{Helo: h.Name, From: it.from, To: it.to, Data: it.data})
		if res.Outcome != Connected {
			continue // RFC 5321 5.1: try the next MX
		}
		w.settleAttempt(it, dst, res)
		return
	}
	if !usable && !temporary {
		// RFC 5321 5.1: MX records none of which is usable, or an implicit
		// MX that is not, MUST be reported as an error, not retried.
		w.bounceAll(it, "5.4.4", i18n.T(
			"no MX host of "+it.domain+" has an address: unable to route",
			it.domain+"のMXホストにアドレスがなく、配送経路がない"))
		return
	}
	w.defer_(it, i18n.T("no MX host for "+it.domain+" could be reached", it.domain+"のどのMXホストにも接続できない"))
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
	var retry []string
	for _, rf := range cr.Rejected {
		if rf.Reply.Code >= 500 {
			bounce = append(bounce, remoteFailure(rf.Addr, dst, rf.Reply, "RCPT TO"))
		} else {
			retry = append(retry, rf.Addr)
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
			if cr.Failure != nil && cr.Failure.Code >= 500 {
				bounce = append(bounce, remoteFailure(r, dst, *cr.Failure, cr.FailedAt))
			} else {
				retry = append(retry, r)
			}
		}
	}
	if len(bounce) > 0 {
		w.bounce(it, bounce)
	}
	if len(retry) > 0 {
		rest := *it
		rest.to = retry
		w.defer_(&rest, i18n.T("the server answered with a temporary (4xx) error", "サーバが一時的なエラー(4xx)を返した"))
	}
}

// jaAfter says in Japanese what a reply answered: "RCPT TOに".
func jaAfter(after string) string {
	if after == "the greeting" {
		return "接続時のあいさつで"
	}
	return after + "に"
}

// localFailure is a recipient this MTA gave up on by itself.
func localFailure(rcpt, status string, reason i18n.Text) failure {
	return failure{rcpt: rcpt, status: status, reason: reason.EN + " (" + status + ")", note: reason}
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
	reason := "host " + host + " said: " + diag + " (in reply to " + after + " command)"
	return failure{
		rcpt:   rcpt,
		status: status,
		reason: reason,
		note:   i18n.T(reason, host+"が"+jaAfter(after)+"「"+diag+"」と応答"),
		remote: dst.Name,
		diag:   diag,
	}
}

// defer_ schedules the next attempt, or bounces once the message has waited
// longer than the queue lifetime (RFC 5321 4.5.4.1).
func (w *World) defer_(it *item, why i18n.Text) {
	if w.now-it.first >= w.MaxQueueLife {
		// The bounce quotes the reason in English, as the report's text does.
		w.bounceAll(it, "5.4.7", i18n.T("delivery time expired: "+why.EN, "キューの保存期限切れ: "+why.JA))
		return
	}
	it.due = w.now + w.RetryInterval
	mins := strconv.Itoa(int(w.RetryInterval.Minutes()))
	w.note(it.host, i18n.T(
		"deferred "+it.id+" ("+why.EN+"): will retry in "+mins+" minutes",
		it.id+"の配送を延期("+why.JA+"): "+mins+"分後に再送"))
	w.enqueue(it)
}

// bounceAll bounces every recipient of it for one local reason.
func (w *World) bounceAll(it *item, status string, reason i18n.Text) {
	fs := make([]failure, len(it.to))
	for i, r := range it.to {
		fs[i] = localFailure(r, status, reason)
	}
	w.bounce(it, fs)
}

// bounce sends a non-delivery report to the envelope sender with the null
// reverse-path (RFC 5321 4.5.5, 6.1), never about another bounce.
func (w *World) bounce(it *item, fs []failure) {
	h := it.host
	if it.from == "" {
		w.note(h, i18n.T(
			"undeliverable bounce discarded: a bounce is never sent about a bounce (RFC 5321 4.5.5)",
			"配送できないバウンスメールは破棄: バウンスのバウンスは送らない(RFC 5321 4.5.5)"))
		return
	}
	for _, f := range fs {
		w.log.Bounced = append(w.log.Bounced, strings.ToLower(f.rcpt))
	}
	id := w.queueID()
	e := w.event(trace.Bounce)
	e.Src = h.endpoint(0)
	e.Line = it.from
	e.Text = i18n.Literal(i18n.T(
		"bounce "+id+" to the envelope sender "+it.from+" (MAIL FROM:<>): "+fs[0].note.EN,
		"エンベロープFrom("+it.from+")宛てにバウンスメール"+id+"を送る(MAIL FROM:<>): "+fs[0].note.JA))
	w.emit(e)
	data := w.composeBounce(h, id, it, fs)
	if h.isLocal(it.from) {
		w.deliver(h, it.from, "", id, data, true)
		return
	}
	w.enqueue(&item{host: h, id: id, from: "", to: []string{it.from}, domain: domainPart(it.from), data: data, first: w.now, due: w.now})
}
