package scenario

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
)

// checker checks one step's expectations, emitting an Expect event for each.
type checker struct {
	w   *sim.World
	rep *Report
	res result
}

func (c *checker) report(ok bool, t i18n.Text) {
	c.rep.Checks++
	if !ok {
		c.rep.Missed++
	}
	c.w.Expect(ok, t)
}

// got appends what actually happened to a missed expectation's text.
func got(t i18n.Text, ok bool, have i18n.Text) i18n.Text {
	if ok {
		return t
	}
	return i18n.T(t.EN+" (got: "+have.EN+")", t.JA+"(実際: "+have.JA+")")
}

// same is text that reads the same in both languages: addresses, codes.
func same(s string) i18n.Text { return i18n.T(s, s) }

func (c *checker) check(e *Expect) {
	log := c.w.Log()
	if e.HasDeliv {
		var delivered []string
		for _, d := range log.Delivered {
			if !d.Bounce {
				delivered = append(delivered, d.Mailbox)
			}
		}
		have := orNone(delivered)
		if len(e.DeliveredTo) == 0 {
			ok := len(delivered) == 0
			c.report(ok, got(i18n.T("nothing is delivered", "配送なし"), ok, have))
		}
		for _, a := range e.DeliveredTo {
			ok := slices.Contains(delivered, strings.ToLower(a))
			c.report(ok, got(i18n.T("delivered to "+a, a+"のメールボックスへ配送"), ok, have))
		}
	}
	if e.Rejected != "" {
		rej := c.rejections()
		ok := slices.ContainsFunc(rej, func(r string) bool { return r == e.Rejected || strings.HasPrefix(r, e.Rejected+" ") })
		have := orNone(rej)
		c.report(ok, got(i18n.T("rejected with "+e.Rejected, e.Rejected+"で拒否"), ok, have))
	}
	if e.BlockedBy != "" {
		var by *sim.Network
		var out sim.Outcome
		switch {
		case c.res.send != nil:
			by, out = c.res.send.BlockedBy, c.res.send.Outcome
		case c.res.fetch != nil:
			by, out = c.res.fetch.BlockedBy, c.res.fetch.Outcome
		case c.res.imap != nil:
			by, out = c.res.imap.BlockedBy, c.res.imap.Outcome
		case c.res.talk != nil:
			by, out = c.res.talk.BlockedBy, c.res.talk.Outcome
		}
		ok := by != nil && (by.Name == e.BlockedBy || by.Router == e.BlockedBy)
		c.report(ok, got(i18n.T("blocked by "+e.BlockedBy, e.BlockedBy+"で遮断"), ok, out.Text()))
	}
	if e.Refused {
		out := c.outcome()
		ok := out == sim.Refused
		c.report(ok, got(i18n.T("connection refused", "接続拒否(RST)"), ok, out.Text()))
	}
	if e.HasReplies {
		have := c.replies()
		ok := slices.Equal(have, e.Replies)
		want := strings.Join(e.Replies, " ")
		c.report(ok, got(i18n.T("replies "+want, "応答: "+want), ok, orNone(have)))
	}
	for _, a := range e.Bounced {
		ok := slices.Contains(log.Bounced, strings.ToLower(a))
		have := orNone(log.Bounced)
		c.report(ok, got(i18n.T("bounced for "+a, a+"宛てのメールはバウンスメールで返送"), ok, have))
	}
	if e.HasQueued {
		queued := c.w.QueuedRecipients()
		have := orNone(queued)
		if len(e.Queued) == 0 {
			ok := len(queued) == 0
			c.report(ok, got(i18n.T("the queues are empty", "キューは空"), ok, have))
		}
		for _, a := range e.Queued {
			ok := slices.Contains(queued, strings.ToLower(a))
			c.report(ok, got(i18n.T("still queued for "+a, a+"宛てはキューで待機"), ok, have))
		}
	}
	if e.Retrieved != nil {
		// IMAP: the messages whose text the client fetched; they stay on
		// the server unless the step deletes them.
		n := 0
		switch {
		case c.res.fetch != nil:
			n = len(c.res.fetch.Client.Messages)
		case c.res.imap != nil:
			n = len(c.res.imap.Client.Messages)
		}
		want := strconv.Itoa(*e.Retrieved)
		ok := n == *e.Retrieved
		c.report(ok, got(i18n.T(want+" message(s) retrieved", want+"通を受信"), ok, i18n.T(strconv.Itoa(n), strconv.Itoa(n)+"通")))
	}
	if e.Left != nil && (c.res.fetch != nil || c.res.imap != nil) {
		left := 0
		if c.res.fetch != nil {
			left = c.res.fetch.Left
		} else {
			left = c.res.imap.Left // after EXPUNGE, if the step deleted
		}
		want := strconv.Itoa(*e.Left)
		ok := left == *e.Left
		n := strconv.Itoa(left)
		c.report(ok, got(i18n.T(want+" message(s) left in the mailbox", "メールボックスの残り: "+want+"通"), ok, i18n.T(n, n+"通")))
	}
	if e.Seen != nil && c.res.imap != nil {
		// IMAP: fetched messages that already carried \Seen, set by another
		// device or an earlier session.
		n := 0
		for _, m := range c.res.imap.Client.Messages {
			if m.Seen() {
				n++
			}
		}
		want := strconv.Itoa(*e.Seen)
		ok := n == *e.Seen
		have := strconv.Itoa(n)
		c.report(ok, got(i18n.T(want+" message(s) already seen (\\Seen) when fetched", "取り出す前から既読(\\Seen): "+want+"通"), ok, i18n.T(have, have+"通")))
	}
}

func orNone(xs []string) i18n.Text {
	if len(xs) == 0 {
		return i18n.T("none", "なし")
	}
	if len(xs) > maxListed {
		list, more := strings.Join(xs[:maxListed], ", "), strconv.Itoa(len(xs)-maxListed)
		return i18n.T(list+" and "+more+" more", list+"ほか"+more+"件")
	}
	return same(strings.Join(xs, ", "))
}

// maxListed is how many addresses or codes a missed expectation lists of
// what it got: a queue of 100,000 recipients is not one line.
const maxListed = 10

// rejections lists every refusal a send met, as "554 5.7.1".
func (c *checker) rejections() []string {
	var out []string
	add := func(r smtp.Reply) {
		s := strconv.Itoa(r.Code)
		if r.Enhanced != "" {
			s += " " + r.Enhanced
		}
		out = append(out, s)
	}
	if c.res.send != nil {
		cr := c.res.send.Client
		for _, r := range cr.Rejected {
			add(r.Reply)
		}
		// With AuthUnavailable the Failure is the EHLO's 250: not a refusal.
		if cr.Failure != nil && cr.Failure.Code >= 400 {
			add(*cr.Failure)
		}
	}
	return out
}

func (c *checker) outcome() sim.Outcome {
	switch {
	case c.res.send != nil:
		return c.res.send.Outcome
	case c.res.fetch != nil:
		return c.res.fetch.Outcome
	case c.res.imap != nil:
		return c.res.imap.Outcome
	case c.res.talk != nil:
		return c.res.talk.Outcome
	}
	return sim.Connected
}

// replies lists what the client heard: SMTP codes, POP3 statuses, or for
// IMAP the condition of the greeting and of each tagged response (the
// untagged data in between is not counted).
func (c *checker) replies() []string {
	switch {
	case c.res.send != nil:
		out := make([]string, len(c.res.send.Replies))
		for i, r := range c.res.send.Replies {
			out[i] = strconv.Itoa(r)
		}
		return out
	case c.res.fetch != nil:
		return c.res.fetch.Statuses
	case c.res.imap != nil:
		return c.res.imap.Conds
	case c.res.talk != nil:
		return c.res.talk.Replies
	}
	return nil
}

// checkCounts checks a campaign step's counters, have, counted over every
// shard; attempts is the step's delivery attempts, what percentages are of.
func (c *checker) checkCounts(checks []CountCheck, have *campaign.Counts, attempts int64) {
	for _, k := range checks {
		n := have[k.Outcome]
		lo, hi := k.Min.Of(attempts, true), k.Max.Of(attempts, false)
		ok := (!k.Min.Set || n >= lo) && (!k.Max.Set || n <= hi)
		name := k.Outcome.Text()
		var want i18n.Text
		switch {
		case k.Min.Set && k.Max.Set && lo == hi && !k.Min.Pct && !k.Max.Pct:
			want = i18n.T(name.EN+": "+campaign.Group(lo), name.JA+": "+campaign.Group(lo))
		case k.Min.Set && k.Max.Set:
			a, b := boundText(k.Min, lo, attempts), boundText(k.Max, hi, attempts)
			want = i18n.T(name.EN+": from "+a.EN+" to "+b.EN, name.JA+": "+a.JA+"以上"+b.JA+"以下")
		case k.Min.Set:
			a := boundText(k.Min, lo, attempts)
			want = i18n.T(name.EN+": at least "+a.EN, name.JA+": "+a.JA+"以上")
		default:
			b := boundText(k.Max, hi, attempts)
			want = i18n.T(name.EN+": at most "+b.EN, name.JA+": "+b.JA+"以下")
		}
		c.report(ok, got(want, ok, same(campaign.Group(n))))
	}
}

// boundText is a bound of a counter as a check says it: "9,000", or
// "9,000 (90% of 10,000 attempts)" when the file gave a percentage
// ("試行10,000回の90%(9,000)").
func boundText(b Bound, n, attempts int64) i18n.Text {
	if !b.Pct {
		return same(campaign.Group(n))
	}
	return i18n.T(campaign.Group(n)+" ("+b.String()+" of "+campaign.Group(attempts)+" attempts)",
		"試行"+campaign.Group(attempts)+"回の"+b.String()+"("+campaign.Group(n)+")")
}
