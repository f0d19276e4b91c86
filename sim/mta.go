package sim

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// accept is what an MTA does once its server core has said 250 to the final
// dot: it now has responsibility for the message (RFC 5321 4.2.5, 6.1). It
// prepends its Received: field, delivers to its own mailboxes and queues the
// rest for relay, one queue entry per destination domain.
func (w *World) accept(h *Host, svc *SMTPService, m *smtp.Message) {
	id := m.ID // the id of the server core's "250 ... queued as" reply
	data := make([]byte, 0, len(m.Data)+256)
	data = append(data, smtp.Received(m, h.Name, id, w.Date())...)
	data = append(data, m.Data...)
	var remote []string
	for _, rcpt := range m.To {
		if h.isLocal(rcpt) {
			w.deliver(h, rcpt, m.From, id, data, false)
		} else {
			remote = append(remote, rcpt)
		}
	}
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
		w.enqueue(&item{host: h, id: id, from: m.From, to: group, domain: d, data: data, first: w.now, due: w.now})
	}
}

// deliver puts a message into the mailbox of addr on host h, with the
// Return-Path: field of final delivery (RFC 5321 4.4).
func (w *World) deliver(h *Host, addr, from, id string, data []byte, bounce bool) {
	u := h.user(localPart(addr))
	if u == nil && strings.EqualFold(localPart(addr), "postmaster") {
		// RFC 5321 4.5.1: every domain has a postmaster, whom the server
		// accepted mail for without a mailbox check; give it one.
		u = &User{Name: "postmaster"}
		h.Users = append(h.Users, u)
	}
	if u == nil {
		// Accepted but undeliverable: it goes back to the sender, never
		// into the void (RFC 5321 6.1).
		w.bounce(&item{host: h, id: id, from: from, to: []string{addr}, data: data, first: w.now},
			[]failure{localFailure(addr, "5.1.1", i18n.T("no mailbox for "+addr, addr+"のメールボックスがない"))})
		return
	}
	msg := make([]byte, 0, len(data)+len(from)+20)
	msg = append(msg, "Return-Path: <"...)
	msg = append(msg, from...)
	msg = append(msg, ">\r\n"...)
	msg = append(msg, data...)
	u.nextUID++
	u.Mailbox = append(u.Mailbox, pop3.Message{UID: id + "." + strconv.Itoa(u.nextUID), Data: msg})
	e := w.event(trace.Deliver)
	e.Src = h.endpoint(0)
	e.Line = addr
	what, whatJA := "message", "メッセージ"
	if bounce {
		what, whatJA = "bounce", "バウンスメール"
	}
	e.Text = i18n.Literal(i18n.T(
		"delivered "+what+" "+id+" to the mailbox of "+u.Name+" ("+addr+"), now "+strconv.Itoa(len(u.Mailbox))+" in it",
		whatJA+" "+id+"を"+u.Name+"のメールボックス("+addr+")に格納(計"+strconv.Itoa(len(u.Mailbox))+"通)"))
	w.emit(e)
	w.log.Delivered = append(w.log.Delivered, Delivery{Host: h.Name, Mailbox: strings.ToLower(addr), Bounce: bounce})
}

// item is one message waiting in an MTA's queue for one destination domain.
type item struct {
	host     *Host
	id       string
	from     string
	to       []string
	domain   string
	data     []byte
	first    time.Duration // when it entered the queue
	due      time.Duration // when to try next
	seq      int           // tie-breaker: first come, first served
	attempts int
}

// queue holds items sorted by due time, then arrival.
type queue []*item

func (w *World) enqueue(it *item) {
	w.qseq++
	it.seq = w.qseq
	i, _ := slices.BinarySearchFunc(w.queue, it, func(a, b *item) int {
		if a.due != b.due {
			return cmp.Compare(a.due, b.due)
		}
		return a.seq - b.seq
	})
	w.queue = slices.Insert(w.queue, i, it)
	if it.attempts == 0 {
		e := w.event(trace.Queue)
		e.Src = it.host.endpoint(0)
		e.Line = strings.Join(it.to, ", ")
		e.Text = i18n.Literal(i18n.T(
			"queued "+it.id+" for relay to "+it.domain+": "+e.Line,
			it.id+"を"+it.domain+"へ中継するためキューに入れた: "+e.Line))
		w.emit(e)
	}
}

// Settle runs every queued delivery that is due now, including the ones those
// deliveries cause (a relay that generates a bounce), and records what is
// still waiting.
func (w *World) Settle() {
	for len(w.queue) > 0 && w.queue[0].due <= w.now {
		it := w.queue[0]
		w.queue = w.queue[1:]
		if w.sleeping(it) {
			continue
		}
		w.relay(it)
	}
	w.logQueued()
}

// Wait lets d of virtual time pass, running each queued retry when its time
// comes.
func (w *World) Wait(d time.Duration) {
	end := w.now + d
	for len(w.queue) > 0 && w.queue[0].due <= end {
		it := w.queue[0]
		w.queue = w.queue[1:]
		if it.due > w.now {
			w.now = it.due
		}
		if w.sleeping(it) {
			continue
		}
		w.relay(it)
	}
	if w.now < end {
		w.now = end
	}
	w.logQueued()
}

// sleeping puts back, one retry interval later, an item whose MTA is down:
// a machine that is off works no queue. It reports whether it did.
func (w *World) sleeping(it *item) bool {
	if !it.host.Down {
		return false
	}
	it.due = w.now + w.RetryInterval
	w.enqueue(it)
	return true
}

func (w *World) logQueued() {
	w.log.Queued = w.log.Queued[:0]
	for _, it := range w.queue {
		for _, r := range it.to {
			w.log.Queued = append(w.log.Queued, strings.ToLower(r))
		}
	}
}
