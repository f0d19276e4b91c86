package sim

import (
	"net"
	"slices"

	"github.com/emersion/go-msgauth/authres"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
)

// The checks of auth.go in the world: run on the virtual clock, their
// look-ups through the world's DNS server, their results and verdict in
// the trace; and the DKIM signature a sending MTA adds.

// header is what the receiver prepends to a message it accepts: the
// Authentication-Results field and, under p=quarantine, the spam mark
// a filter files into the Junk folder (SpamAssassin's X-Spam-Flag).
func (o *AuthOutcome) header(server string) string {
	h := o.AuthResults(server)
	if o.Action() == Quarantine {
		h += "X-Spam-Flag: YES\r\n"
	}
	return h
}

// noteVerdict says what h does with a message on a DMARC fail.
func (w *World) noteVerdict(h *Host, o *AuthOutcome) {
	switch {
	case o.Action() == Reject:
		w.note(h, i18n.M(msgDMARCReject, h.Name, o.FromDomain))
	case o.Action() == Quarantine:
		w.note(h, i18n.M(msgDMARCQuarantine, h.Name, o.FromDomain))
	case o.DMARC == authres.ResultFail:
		w.note(h, i18n.M(msgDMARCMonitor, h.Name, o.FromDomain))
	}
}

// checkAuth runs checks on m, received by host h, looking up through the
// world's DNS what they ask for, one check after the other so that the
// trace shows each one's look-ups and then its result; done gets the
// outcome.
func (w *World) checkAuth(h *Host, checks AuthChecks, m *smtp.Message, done func(AuthOutcome)) {
	ip := m.Peer.IP.Unmap()
	in := &AuthInput{IP: net.IP(ip.AsSlice()), Helo: m.Helo, From: m.From, Data: m.Data}
	c := newDNSCache()
	o := AuthOutcome{Checks: checks}
	type stage struct {
		check AuthChecks
		run   func()
		note  func() i18n.Msg
	}
	var stages []stage
	if checks.Has(CheckSPF) {
		stages = append(stages, stage{CheckSPF, func() { runSPF(in, c, &o) }, func() i18n.Msg { return spfNote(&o, ip.String()) }})
	}
	if checks.Has(CheckDKIM) {
		stages = append(stages, stage{CheckDKIM, func() { runDKIM(in, c, &o) }, func() i18n.Msg { return dkimNote(&o) }})
	}
	if checks.Has(CheckDMARC) {
		stages = append(stages, stage{CheckDMARC, func() { runDMARC(in, c, &o) }, func() i18n.Msg { return dmarcNote(&o) }})
	}
	var next func(i int)
	next = func(i int) {
		if i == len(stages) {
			done(o)
			return
		}
		st := stages[i]
		w.untilKnown(h, c, st.run, 0, func() {
			w.note(h, st.note())
			next(i + 1)
		})
	}
	next(0)
}

// untilKnown runs run against the cache, looks up through the world what
// it missed, and runs it again, until it misses nothing (or the rounds
// run out: the misses then stand as temporary failures).
func (w *World) untilKnown(h *Host, c *dnsCache, run func(), round int, done func()) {
	c.misses = c.misses[:0]
	run()
	if len(c.misses) == 0 || round >= maxAuthRounds {
		done()
		return
	}
	w.lookupEach(h, c, slices.Clone(c.misses), func() { w.untilKnown(h, c, run, round+1, done) })
}

// lookupEach resolves keys one after the other into the cache.
func (w *World) lookupEach(h *Host, c *dnsCache, keys []dnsKey, done func()) {
	if len(keys) == 0 {
		done()
		return
	}
	k := keys[0]
	w.resolve(h, k.name, k.t, func(ans dns.Answer, ok bool) {
		c.answers[k] = &cachedAnswer{ans: ans, ok: ok}
		w.lookupEach(h, c, keys[1:], done)
	})
}

// dkimSign returns the DKIM-Signature h's signer puts on m, or "" when h
// signs nothing for m: it has no signer, the header From is not in its
// domain, or no recipient is elsewhere (mail that stays on the host is
// not signed).
func (w *World) dkimSign(h *Host, m *smtp.Message) string {
	d := h.DKIM
	if d == nil || !d.signs(headerFromDomain(m.Data)) || !slices.ContainsFunc(m.To, func(r string) bool { return !h.isLocal(r) }) {
		return ""
	}
	w.note(h, i18n.M(msgDKIMSign, h.Name, d.Domain, d.Selector, d.KeyName()))
	return d.sign(m.Data, w.Date())
}
