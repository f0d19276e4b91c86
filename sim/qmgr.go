package sim

import (
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
)

// The queue manager: which queued items get a delivery attempt now. It
// works the way Postfix's qmgr(8) does, with Postfix's defaults
// (postconf(5)):
//
//   - Attempts run side by side on the virtual clock, up to a limit per MTA
//     (default_process_limit = 100) and per destination domain, whose
//     concurrency starts at initial_destination_concurrency = 5, grows by
//     one with each attempt that connected
//     (default_destination_concurrency_positive_feedback = 1) up to
//     default_destination_concurrency_limit = 20, and shrinks by one with
//     each connection failure (..._negative_feedback = 1) down to 1.
//   - A destination is marked dead once a "cohort" of attempts, as many as
//     its concurrency, failed to connect
//     (default_destination_concurrency_failed_cohort_limit = 1: each failure
//     adds 1/concurrency, dead at 1). A dead destination's other items are
//     deferred without a try ("delivery temporarily suspended: ..."), for
//     minimal_backoff_time = 300s or until an attempt already under way
//     gets through, so a thousand messages to a down MX cost one round of
//     connect timeouts, not a thousand.
//
// What is not copied: Postfix retries a deferred message after a backoff
// that grows with its age (minimal_backoff_time 300s up to
// maximal_backoff_time 4000s, on a queue scan every queue_run_delay 300s);
// mailsim keeps its fixed World.RetryInterval of 30 minutes (RFC 5321
// 4.5.4.1's minimum), which the bundled scenarios and lessons narrate.

// Postfix's defaults that the queue manager copies.
const (
	processLimit         = 100 // default_process_limit: attempts one MTA runs at once
	destConcurrencyLimit = 20  // default_destination_concurrency_limit
	initialConcurrency   = 5   // initial_destination_concurrency
	failedCohortLimit    = 1.0 // default_destination_concurrency_failed_cohort_limit
	// deadTime is how long a destination stays dead: minimal_backoff_time.
	deadTime = 300 * time.Second
)

// mta is one host's queue manager state.
type mta struct {
	host   *Host
	active int              // attempts in flight
	dests  map[string]*dest // by lower-case domain
	ring   []*dest          // destinations with ready items, served in turn
	// working says m is in qmgr.work: it has destinations in its ring.
	working bool
}

// dest is what an MTA knows of one destination domain (qmgr's "queue").
type dest struct {
	domain  string
	active  int     // attempts in flight
	window  int     // concurrency allowed now; 0 while dead
	success float64 // positive feedback collected toward the next +1
	cohorts float64 // failed pseudo-cohorts since the last success
	ready   []*item // due items waiting for a free slot, from ready[head]
	head    int
	listed  bool // in the MTA's ring
	// dead is the failure that made the destination dead, quoted in the
	// deferral of every item it holds back; nil while it is alive.
	dead   *failure
	deaths int // times it died, so that a stale timer does not revive it
}

// qmgr is the world's queue managers, one per MTA that has queued mail,
// in the order they first had some (so that runs are deterministic).
type qmgr struct {
	byHost  map[*Host]*mta
	order   []*mta
	work    []*mta // the MTAs with ready items, in the order they got some
	kicking bool   // kick is running: a nested call only asks for another pass
	again   bool
	// held counts the items in the timed queue and the ready lists: what
	// the world's MTAs hold on disk, for their servers' QueueFull.
	held int
	full bool // held reached the world's QueueLimit: noted once until it falls below
	// version changes whenever an item enters or leaves the timed queue or
	// a ready list: QueuedRecipients lists the queue again only then.
	version uint64
}

// hold counts n more items held (n < 0: fewer).
func (w *World) hold(n int) {
	w.qm.held += n
	w.qm.version++
}

// MaxQueued is the most items (a message for one destination domain) the
// world's queues hold; at that many, every SMTP server answers MAIL with
// 452 4.3.1, as a server whose queue's disk is full does (Postfix's
// queue_minfree), until some leave. It bounds the memory of a scenario in
// which an open relay takes spam for a destination that is down: each
// queued message costs about 2 KB, so 100,000 of them about 200 MB.
const MaxQueued = 100_000

// queueFull is host h's server's QueueFull: true while the world's queues
// hold QueueLimit items, with a note the first time.
func (w *World) queueFull(h *Host) bool {
	if w.qm.held < w.QueueLimit {
		w.qm.full = false
		return false
	}
	if !w.qm.full {
		w.qm.full = true
		w.note(h, i18n.M(msgQueueFull, h.Name, itoa(w.QueueLimit)))
	}
	return true
}

func (w *World) mtaOf(h *Host) *mta {
	if w.qm.byHost == nil {
		w.qm.byHost = map[*Host]*mta{}
	}
	m := w.qm.byHost[h]
	if m == nil {
		m = &mta{host: h, dests: map[string]*dest{}}
		w.qm.byHost[h] = m
		w.qm.order = append(w.qm.order, m)
	}
	return m
}

func (m *mta) dest(domain string) *dest {
	key := strings.ToLower(domain)
	d := m.dests[key]
	if d == nil {
		d = &dest{domain: domain, window: initialConcurrency}
		m.dests[key] = d
	}
	return d
}

// kick takes up every queue item that is due and starts as many delivery
// attempts as the limits allow. It is called when a session has queued
// mail, when a retry falls due and when an attempt ends.
func (w *World) kick() {
	if w.qm.kicking {
		w.qm.again = true // an attempt ended at once, inside this pass
		return
	}
	w.qm.kicking = true
	for {
		w.qm.again = false
		w.takeDue()
		work := w.qm.work[:0]
		for _, m := range w.qm.work {
			w.startAttempts(m)
			if m.working = len(m.ring) > 0; m.working {
				work = append(work, m)
			}
		}
		clear(w.qm.work[len(work):])
		w.qm.work = work
		if !w.qm.again {
			break
		}
	}
	w.qm.kicking = false
}

// takeDue moves the items whose time has come from the timed queue to
// their destination's ready list, or defers them at once when their
// destination is dead or their MTA is off.
func (w *World) takeDue() {
	for len(w.queue) > 0 && w.queue[0].due <= w.now {
		it := w.queue.pop()
		w.hold(-1)
		if w.sleeping(it) {
			continue
		}
		m := w.mtaOf(it.host)
		d := m.dest(it.domain)
		if d.dead != nil {
			w.suspend(it, d)
			continue
		}
		d.ready = append(d.ready, it)
		w.hold(1)
		if !d.listed {
			d.listed = true
			m.ring = append(m.ring, d)
		}
		if !m.working {
			m.working = true
			w.qm.work = append(w.qm.work, m)
		}
	}
}

// startAttempts starts attempts for m's ready items, one destination after
// another in turn (qmgr's round robin), while m and the destination have
// room.
func (w *World) startAttempts(m *mta) {
	for m.active < processLimit && len(m.ring) > 0 {
		started := false
		for i := 0; i < len(m.ring) && m.active < processLimit; {
			d := m.ring[i]
			if d.head == len(d.ready) {
				d.listed = false
				m.ring = append(m.ring[:i], m.ring[i+1:]...)
				continue
			}
			i++
			if d.active >= d.window {
				continue
			}
			it := d.ready[d.head]
			d.ready[d.head] = nil
			d.head++
			w.hold(-1)
			if d.head == len(d.ready) {
				d.ready, d.head = d.ready[:0], 0 // keep the array for the next ones
			}
			d.active++
			m.active++
			started = true
			w.relay(it, m, d)
		}
		if !started {
			return
		}
	}
}

// attemptDone is the end of one attempt to d: site says it could not
// connect (or the DNS could not say where to), nil that it got through.
// That is qmgr's concurrency feedback.
func (w *World) attemptDone(m *mta, d *dest, site *failure) {
	d.active--
	m.active--
	if site == nil {
		w.destAlive(d)
	} else {
		w.destFailed(m, d, site)
	}
	w.kick()
}

// destAlive is positive feedback: the destination answered. An attempt
// that started before the destination died and got through brings it back
// at once, as in qmgr.
func (w *World) destAlive(d *dest) {
	d.cohorts = 0
	if d.dead != nil {
		w.revive(d)
		return
	}
	if d.window < destConcurrencyLimit {
		d.success++ // default_destination_concurrency_positive_feedback = 1
		for d.success >= 1 {
			d.window++
			d.success--
		}
	}
}

// destFailed is negative feedback: an attempt could not connect. After a
// cohort of such failures the destination is dead: the items it holds
// are deferred without a try, and so is every item that falls due for it
// until it rests for deadTime.
func (w *World) destFailed(m *mta, d *dest, site *failure) {
	if d.dead != nil {
		return
	}
	d.success = 0
	d.cohorts += 1 / float64(d.window)
	if d.cohorts >= failedCohortLimit {
		d.dead = site
		d.window = 0
		w.note(m.host, i18n.M(msgDestDead, d.domain, itoa(int(deadTime.Minutes()))).With(site.note))
		ready := d.ready[d.head:]
		d.ready, d.head = nil, 0
		w.hold(-len(ready))
		for _, it := range ready {
			w.suspend(it, d)
		}
		d.deaths++
		death := d.deaths
		w.wakeAt(addTime(w.now, deadTime), func() {
			if d.dead != nil && d.deaths == death {
				w.revive(d)
			}
		})
		return
	}
	d.window = max(d.window-1, 1) // default_destination_concurrency_negative_feedback = 1
}

// revive ends a destination's death: the best concurrency is anyone's
// guess, so it starts over at the initial one.
func (w *World) revive(d *dest) {
	d.dead = nil
	d.cohorts, d.success = 0, 0
	d.window = initialConcurrency
	w.kick()
}

// suspend defers an item of a dead destination without trying it, the way
// qmgr does: "delivery temporarily suspended: <why it died>".
func (w *World) suspend(it *item, d *dest) {
	w.count(it)
	it.attempts++
	why := i18n.M(msgSuspended).With(d.dead.note)
	last := *d.dead
	last.note = why
	it.last = &last
	w.defer_(it, why)
}

// waiting calls fn with every item waiting in a queue, those due now
// first, then the rest by due time.
func (w *World) waiting(fn func(*item)) {
	for _, m := range w.qm.order {
		for _, d := range m.ring {
			for _, it := range d.ready[d.head:] {
				fn(it)
			}
		}
	}
	for _, it := range w.queue.sorted() {
		fn(it)
	}
}
