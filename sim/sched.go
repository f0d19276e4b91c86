package sim

import (
	"math"
	"runtime"
	"time"
)

// The scheduler: one queue of things to do at a virtual time, run in
// order of time and, for equal times, in the order they were scheduled, so
// that the same calls always interleave the same way. Everything that takes
// time in the world (a packet crossing the network, a connect timer, a
// queue retry) is a task here; nothing sleeps and nothing reads the wall
// clock. Sessions run side by side: two clients can be connected to one
// server, and a retry can fire in the middle of another conversation.

// task is one thing to do at a virtual time.
type task struct {
	at time.Duration
	fn func()
	// A step of a connection is a task without a closure: op says which
	// (a segment from side from arriving, a SYN, ...).
	conn *Conn
	op   uint8
	from Side
	n    int    // opDeliver: how many of Conn.out's lines the segment carries; opSYN, opDrop: the SYN's number
	raw  string // opDeliver: raw bytes after the lines (TLS records)
	// timer marks a wake-up that is not work in progress (a queue retry):
	// the world counts as settled while only timers are pending.
	timer bool
}

// maxTime is the latest virtual time the clock can show: scheduling past it
// saturates instead of wrapping negative.
const maxTime = time.Duration(math.MaxInt64)

// addTime adds d to t, saturating at maxTime (and at 0 for negative d).
func addTime(t, d time.Duration) time.Duration {
	if d > 0 && t > maxTime-d {
		return maxTime
	}
	if t+d < 0 {
		return 0
	}
	return t + d
}

// after schedules fn to run d from now.
func (w *World) after(d time.Duration, fn func()) {
	w.schedule(task{at: addTime(w.now, d), fn: fn})
}

// wakeAt schedules a timer: fn runs at t, but a world waiting only for
// timers is idle.
func (w *World) wakeAt(t time.Duration, fn func()) {
	w.schedule(task{at: t, fn: fn, timer: true})
}

// slot is a task's place in the scheduler's heap: its time and order,
// and where the task itself is kept. A campaign has thousands of tasks
// pending, and every push and pop moves a few of them; slots hold no
// pointer, so those moves cost no write barrier while the garbage
// collector marks (tasks do: a connection, a closure, lines).
type slot struct {
	at  time.Duration
	seq uint64
	i   int32 // index in taskStore.data
}

// taskStore keeps the tasks the heap's slots refer to, reusing the places
// of tasks that have run.
type taskStore struct {
	data []task
	free []int32
}

// put stores t and returns its index. A free place is zero (take), so
// only the references t has are written, one by one: copying the whole
// task would walk its pointer map and pay a write barrier for each of its
// three references while the collector marks, and most tasks have two.
func (s *taskStore) put(t *task) int32 {
	if n := len(s.free); n > 0 {
		i := s.free[n-1]
		s.free = s.free[:n-1]
		d := &s.data[i]
		d.at, d.op, d.from, d.n, d.timer = t.at, t.op, t.from, t.n, t.timer
		if t.fn != nil {
			d.fn = t.fn
		}
		if t.conn != nil {
			d.conn = t.conn
		}
		if t.raw != "" {
			d.raw = t.raw
		}
		return i
	}
	s.data = append(s.data, *t)
	return int32(len(s.data) - 1)
}

// take returns the task at i and frees its place, zeroing the references
// it holds (and only those, as put writes them).
func (s *taskStore) take(i int32) task {
	d := &s.data[i]
	t := *d
	if d.fn != nil {
		d.fn = nil
	}
	if d.conn != nil {
		d.conn = nil
	}
	if d.raw != "" {
		d.raw = ""
	}
	s.free = append(s.free, i)
	return t
}

func (w *World) schedule(t task) {
	if t.at < w.now {
		t.at = w.now
	}
	w.tseq++
	if !t.timer {
		w.busy++
	}
	if t.conn != nil {
		t.conn.tasks++
	}
	sl := slot{at: t.at, seq: w.tseq, i: w.store.put(&t)}
	// Most tasks are due one latency from now (a segment, the steps of a
	// handshake): they are due in the order they are scheduled, so they
	// wait in a queue, where taking the first costs no sifting.
	if t.at == addTime(w.now, w.opts.Latency) && (len(w.soon) == 0 || w.soon[len(w.soon)-1].at <= t.at) {
		w.soon = append(w.soon, sl)
		return
	}
	// The others wait in a binary heap ordered by (at, seq).
	h := append(w.tasks, sl)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h[i].before(&h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	w.tasks = h
}

// pending reports whether any task is scheduled.
func (w *World) pending() bool { return len(w.tasks) > 0 || w.soonHead < len(w.soon) }

// next is the earliest task's slot; there must be one (pending).
func (w *World) next() *slot {
	if w.soonFirst() {
		return &w.soon[w.soonHead]
	}
	return &w.tasks[0]
}

// soonFirst reports whether the earliest task waits in the queue of tasks
// due one latency from now rather than in the heap.
func (w *World) soonFirst() bool {
	return w.soonHead < len(w.soon) && (len(w.tasks) == 0 || w.soon[w.soonHead].before(&w.tasks[0]))
}

func (a *slot) before(b *slot) bool {
	if a.at != b.at {
		return a.at < b.at
	}
	return a.seq < b.seq
}

// pop removes and returns the earliest task.
func (w *World) pop() task {
	if w.soonFirst() {
		q := w.soon
		i := q[w.soonHead].i
		w.soonHead++
		switch {
		case w.soonHead == len(q):
			w.soon, w.soonHead = q[:0], 0
		case w.soonHead >= 1024 && 2*w.soonHead >= len(q):
			w.soon, w.soonHead = q[:copy(q, q[w.soonHead:])], 0
		}
		return w.store.take(i)
	}
	h := w.tasks
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h[l].before(&h[m]) {
			m = l
		}
		if r < n && h[r].before(&h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	w.tasks = h
	return w.store.take(top.i)
}

// MaxTasks is the most scheduler tasks one world runs. Past it the world
// halts (Halted reports it) and drops what is pending: a safety net, so
// that no scenario, however it was written, can keep the engine busy for
// ever. A full path takes about a hundred tasks.
const MaxTasks = 2_000_000

// Halted reports that the world passed MaxTasks and stopped.
func (w *World) Halted() bool { return w.halted }

// yieldEvery is how many tasks the world runs between two yields of its
// goroutine (runtime.Gosched), about 250 µs of work. A world runs its tasks
// in one goroutine that never blocks, so with one processor (GOMAXPROCS=1,
// a one-CPU container, `go test -cpu 1`) the garbage collector's mark
// worker only gets it when the runtime preempts the world, every 10 ms:
// a mark phase that needs half a millisecond of work then lasts up to 20
// ms of wall time (GODEBUG=gctrace=1), and all that time every pointer
// the engine writes into the heap takes the write barrier's slow path (a
// fifth of a full path's CPU profile). Yielding now and then lets the
// worker run at once, and the mark phase lasts about a millisecond; the
// yield itself costs a fraction of a microsecond. With more processors the
// worker has one of its own, and a yield costs more than it saves (the
// goroutine may move to another processor): VsGoSMTP at -cpu 2 was 10%
// slower with it, so the world yields only on one. The world's results
// do not depend on it: nothing else runs its tasks.
const yieldEvery = 1024

// runOne runs the earliest task, moving the clock to its time.
func (w *World) runOne() {
	w.ran++
	if w.ran > w.maxTasks {
		w.halted = true
		w.tasks, w.soon, w.soonHead, w.busy, w.store = nil, nil, 0, 0, taskStore{}
		return
	}
	if w.ran%yieldEvery == 0 && runtime.GOMAXPROCS(0) == 1 {
		runtime.Gosched()
	}
	t := w.pop()
	if !t.timer {
		w.busy--
	}
	if t.at > w.now {
		w.now = t.at
	}
	if c := t.conn; c != nil {
		c.step(&t)
		c.tasks--
		w.release(c)
		return
	}
	t.fn()
}

// runUntil runs tasks until done reports true or nothing is left to run.
func (w *World) runUntil(done func() bool) {
	for !done() && w.pending() {
		w.runOne()
	}
}

// settle runs everything in progress and every timer already due, until
// the world is idle: what a scenario step waits for before the next.
func (w *World) settle() {
	for w.pending() && (w.busy > 0 || w.next().at <= w.now) {
		w.runOne()
	}
}

// runTo runs everything scheduled up to end, and whatever that work
// starts until it is done, then sets the clock to end if it is not past it.
func (w *World) runTo(end time.Duration) {
	for w.pending() && (w.busy > 0 || w.next().at <= end) {
		w.runOne()
	}
	if w.now < end {
		w.now = end
	}
}
