package sim

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/mailstore"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// accept is what an MTA does once its server core has said 250 to the final
// dot: it now has responsibility for the message (RFC 5321 4.2.5, 6.1). It
// prepends its Received: field, delivers to its own mailboxes and queues the
// rest for relay, one queue entry per destination domain. A recipient
// named twice gets the message once, as Postfix's cleanup sees to; the
// recipients that fail, here or later in any domain, are reported to the
// sender in one bounce (RFC 3464 2).
func (w *World) accept(h *Host, svc *SMTPService, m *smtp.Message) {
	id := m.ID // the id of the server core's "250 ... queued as" reply
	rcpts := uniqueFold(m.To)
	var remote []string
	local := false
	for _, rcpt := range rcpts {
		if h.isLocal(rcpt) {
			local = true
		} else {
			remote = append(remote, rcpt)
		}
	}
	// The fields this MTA adds go in front of the text as received, which
	// the queue items and mailboxes share: it is never copied. Its own
	// mailboxes get the Return-Path: field of final delivery (RFC 5321
	// 4.4) in front of them too: built in the same string, Return-Path:
	// first, so that the queue items take the part after it (head) and
	// local delivery the whole (final), without a copy of the fields for
	// each.
	var b strings.Builder
	date := w.composer.receivedDate(w.Date())
	sig := w.dkimSign(h, m)
	rp := 0
	if local {
		rp = len(returnPathStart) + len(m.From) + len(returnPathEnd)
	}
	b.Grow(rp + smtp.ReceivedSize(m, h.Name, id, date) + len(sig))
	if local {
		writeReturnPath(&b, m.From)
	}
	smtp.WriteReceived(&b, m, h.Name, id, date)
	b.WriteString(sig)
	final := b.String()
	head := final[rp:]
	data := m.Data
	msg := &pending{rcpts: rcpts}
	it := &item{host: h, id: id, from: m.From, head: head, data: data, first: w.now, msg: msg}
	if local {
		for _, rcpt := range rcpts {
			if !h.isLocal(rcpt) {
				continue
			}
			if f, ok := w.deliver(h, rcpt, id, final, data, false); !ok {
				w.fail(it, []failure{f})
			}
		}
	}
	msg.items++ // the local part, settled now
	var groups []*item
	for len(remote) > 0 {
		// Group by domain, keeping the order recipients were given in.
		d := domainPart(remote[0])
		var group, rest []string
		for _, r := range remote {
			if domainPart(r) == d {
				group = append(group, r)
			} else {
				rest = append(rest, r)
			}
		}
		remote = rest
		groups = append(groups, &item{host: h, id: id, from: m.From, to: group, domain: d, head: head, data: data, first: w.now, due: w.now, msg: msg, counted: true})
	}
	msg.items += len(groups)
	w.attemptOver(it)
	for _, g := range groups {
		w.enqueue(g)
	}
}

// uniqueFold returns addrs without repeats, compared ignoring case, in the
// order first given.
func uniqueFold(addrs []string) []string {
	out := make([]string, 0, len(addrs))
	for _, a := range addrs {
		if !slices.ContainsFunc(out, func(b string) bool { return strings.EqualFold(a, b) }) {
			out = append(out, a)
		}
	}
	return out
}

// pending is an accepted message the MTA still has queue items for. The
// failures of its recipients are collected until every item is settled,
// then reported in one bounce.
type pending struct {
	items  int // queue items (and the local delivery) in the current delivery pass
	failed []failure
	rcpts  []string // the recipients as given, which orders a bounce's list
}

// The Return-Path: field of final delivery (RFC 5321 4.4), around the
// reverse path.
const (
	returnPathStart = "Return-Path: <"
	returnPathEnd   = ">\r\n"
)

// writeReturnPath writes the Return-Path: field for the reverse path from.
func writeReturnPath(b *strings.Builder, from string) {
	b.WriteString(returnPathStart)
	b.WriteString(from)
	b.WriteString(returnPathEnd)
}

// deliver puts a message, head then data, into the mailbox of addr on host
// h. Head starts with the Return-Path: field of final delivery (RFC 5321
// 4.4), which the caller writes (writeReturnPath). The mailbox shares head
// and data. When there is no such mailbox it returns the failure to
// report, and false.
func (w *World) deliver(h *Host, addr, id, head, data string, bounce bool) (failure, bool) {
	u := h.user(localPart(addr))
	if u == nil && strings.EqualFold(localPart(addr), "postmaster") {
		// RFC 5321 4.5.1: every domain has a postmaster, whom the server
		// accepted mail for without a mailbox check; give it one.
		u = &User{Name: "postmaster", Mailbox: mailstore.New(1)}
		h.Users = append(h.Users, u)
	}
	if u == nil {
		// Accepted but undeliverable: it goes back to the sender, never
		// into the void (RFC 5321 6.1).
		return localFailure(addr, "5.1.1", i18n.M(msgNoMailbox, addr)), false
	}
	if !w.summary { // summary mode counts delivered mail but does not keep it
		u.Mailbox.Append(id, head, data)
	}
	e := w.event(trace.Deliver)
	e.Src = h.endpoint(0)
	e.Line = addr
	t := msgDelivered
	if bounce {
		t = msgDeliveredBounce
	}
	e.Text = i18n.M(t, id, u.Name, addr, itoa(u.Mailbox.Len()))
	w.emit(e)
	if !w.summary { // nor does it log it for expectations: a campaign step has none
		w.log.Delivered = append(w.log.Delivered, Delivery{Host: h.Name, Mailbox: strings.ToLower(addr), Bounce: bounce})
	}
	return failure{}, true
}

// item is one message waiting in an MTA's queue for one destination domain.
type item struct {
	host     *Host
	id       string
	from     string
	to       []string
	domain   string
	head     string        // the header fields this MTA put in front of data: whole lines, or ""
	data     string        // the message as the MTA accepted it, shared, never copied
	first    time.Duration // when it entered the queue
	due      time.Duration // when to try next
	seq      int           // tie-breaker: first come, first served
	attempts int
	msg      *pending // the message this item is part of; nil for a bounce
	counted  bool     // counted in msg.items for the current delivery pass
	// last is the last temporary problem, which the bounce quotes if the
	// item expires (Postfix's way); nil before any.
	last *failure
}

// queue holds the items not yet due, a binary min-heap by due time, then
// arrival. A message accepted during a session is taken up when the
// session ends (kick), a deferred one when its retry time comes (a timer
// on the scheduler); the queue manager (qmgr.go) then decides when its
// attempt starts. A heap, not a sorted slice: behind a dead destination
// the deferred items pile up at the back, and every message accepted
// meanwhile (due now) would be inserted in front of all of them, a copy
// of the whole queue each time (an open relay queueing 400,000 spam
// messages for a host that is down took minutes).
type queue []*item

// compareItems orders the queue: due time, then arrival.
func compareItems(a, b *item) int {
	return cmp.Or(cmp.Compare(a.due, b.due), cmp.Compare(a.seq, b.seq))
}

// before reports whether the queue takes a before b.
func before(a, b *item) bool { return compareItems(a, b) < 0 }

// push adds it to the heap.
func (q *queue) push(it *item) {
	h := append(*q, it)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !before(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	*q = h
}

// pop removes and returns the first item.
func (q *queue) pop() *item {
	h := *q
	first := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h[n] = nil
	h = h[:n]
	for i := 0; ; {
		l, least := 2*i+1, i
		if l < n && before(h[l], h[least]) {
			least = l
		}
		if r := l + 1; r < n && before(h[r], h[least]) {
			least = r
		}
		if least == i {
			break
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
	*q = h
	return first
}

// sorted returns the items in the order they will be taken.
func (q queue) sorted() []*item {
	out := slices.Clone(q)
	slices.SortFunc(out, compareItems)
	return out
}

func (w *World) enqueue(it *item) {
	w.qseq++
	it.seq = w.qseq
	w.queue.push(it)
	w.hold(1)
	if it.attempts == 0 {
		e := w.event(trace.Queue)
		e.Src = it.host.endpoint(0)
		e.Line = strings.Join(it.to, ", ")
		e.Text = i18n.M(msgQueued, it.id, it.domain, e.Line)
		w.emit(e)
	}
	if it.due > w.now {
		w.wakeAt(it.due, w.kick)
	}
}

// Settle runs every queued delivery that is due now, including the ones those
// deliveries cause (a relay that generates a bounce), and whatever else is
// in progress.
func (w *World) Settle() {
	w.kick()
	w.settle()
}

// Wait lets d of virtual time pass, running each queued retry when its time
// comes.
func (w *World) Wait(d time.Duration) {
	w.kick()
	w.runTo(addTime(w.now, d))
}

// sleeping puts back, one retry interval later, an item whose MTA is down:
// a machine that is off works no queue. It reports whether it did.
func (w *World) sleeping(it *item) bool {
	if !it.host.Down {
		return false
	}
	it.due = addTime(w.now, w.RetryInterval)
	w.enqueue(it)
	return true
}

// queuedList is QueuedRecipients' list and the queue version it lists.
type queuedList struct {
	list    []string
	version uint64
	set     bool
}

// QueuedRecipients lists the recipients waiting in a queue now, in lower
// case, those due first. It is made when asked and kept until the queue
// changes: a scenario asks only where it expects something queued, and
// listing a queue of 100,000 messages after every step made a thousand
// short waits behind it take a minute.
func (w *World) QueuedRecipients() []string {
	if w.queued.set && w.queued.version == w.qm.version {
		return w.queued.list
	}
	w.queued.set, w.queued.version = true, w.qm.version
	w.queued.list = w.queued.list[:0]
	w.waiting(func(it *item) {
		for _, r := range it.to {
			w.queued.list = append(w.queued.list, strings.ToLower(r))
		}
	})
	return w.queued.list
}
