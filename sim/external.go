package sim

import (
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/trace"
)

// The world seen from outside: what a real-time driver (mailsim serve, a
// real socket as the client end of a virtual connection) and an
// interactive driver (mailsim shell, a person typing) need. The World is
// still driven from one goroutine; these only let that goroutine move the
// clock by steps it chooses and attach clients the world does not run.

// Now is the virtual time since the world began.
func (w *World) Now() time.Duration { return w.now }

// Hosts returns the world's hosts in the order they were added.
func (w *World) Hosts() []*Host { return w.hosts }

// NextDue reports the virtual time of the earliest thing scheduled, and
// false when nothing is: how long a real-time driver may sleep.
func (w *World) NextDue() (time.Duration, bool) {
	if !w.pending() {
		return 0, false
	}
	return w.next().at, true
}

// Advance runs every task due by t, and nothing later, then sets the clock
// to t: the virtual clock of a world that follows real time never runs
// ahead of it (unlike Wait, which finishes the work it starts). Queued mail
// whose retry falls due is sent as the clock passes it.
func (w *World) Advance(t time.Duration) {
	w.kick()
	for w.pending() && w.next().at <= t {
		w.runOne()
	}
	if w.now < t {
		w.now = t
	}
}

// RunUntil runs the world until done reports true or nothing is left to do:
// an interactive driver waiting for a reply it asked for.
func (w *World) RunUntil(done func() bool) { w.runUntil(done) }

// DialRecorded is Dial for a client the world does not run (a real
// socket, a person typing raw bytes): it says nothing of what it sends, so
// the server's handler records each client line in the trace as it reads
// it, tagged from its own protocol state. The client writes with Write.
func (w *World) DialRecorded(src, dst *Host, port uint16, d Dialer) {
	w.Dial(src, dst, port, recorded{d})
}

// recorded sets the server handler's Record flag as the handshake
// completes, then hands the connection to the client.
type recorded struct{ Dialer }

func (r recorded) Connected(c *Conn) {
	switch s := c.peer[ServerSide].(type) {
	case *smtpServer:
		s.Record = true
	case *pop3Server:
		s.Record = true
	case *imapServer:
		s.Record = true
	}
	r.Dialer.Connected(c)
}

// Write sends bytes from side as one segment, as they are: the other end
// receives them one latency from now as raw Data, and splits them into
// lines itself. Nothing is recorded here: a reader that records (see
// DialRecorded) states each line as it reads it, which is also where the
// sequence numbers advance.
func (c *Conn) Write(from Side, b []byte) {
	if c.closed[from] || len(b) == 0 {
		return
	}
	raw := string(b)
	c.flying[from]++
	c.w.after(c.w.opts.Latency, func() { c.arrive(from, 0, raw) })
}

// record states a line that side from sent as raw bytes, when the reader
// reads it: the line event, with its sequence numbers, and the count of
// bytes sent. Unlike Line it queues nothing to send: the bytes have arrived.
func (c *Conn) record(from Side, text string, tag trace.Tag) {
	e := c.event(trace.Line, from)
	e.Line = text
	e.Tag = tag
	n := uint32(len(text) + 2)
	e.TCP = trace.Segment{Seq: c.nextSeq(from), Ack: c.ack(from), Len: n}
	c.w.emit(e)
	c.sent[from] += n
}

// Resolve asks the world's DNS server for name's records of type t from
// host src, exactly as an MTA does (the query and answer are in the trace),
// and runs until the answer is back: the shell's :dig. ok is false when no
// answer came.
func (w *World) Resolve(src *Host, name string, t dns.Type) (ans dns.Answer, ok bool) {
	done := false
	w.resolve(src, name, t, func(a dns.Answer, good bool) { ans, ok, done = a, good, true })
	w.runUntil(func() bool { return done })
	return ans, ok
}

// Queued is one message waiting in an MTA's queue for one domain.
type Queued struct {
	Host     string
	ID       string
	From     string
	To       []string
	Due      time.Duration // virtual time of the next attempt
	Attempts int
}

// Queue lists what waits in the world's queues, next attempt first.
func (w *World) Queue() []Queued {
	out := make([]Queued, 0, len(w.queue))
	w.waiting(func(it *item) {
		out = append(out, Queued{Host: it.host.Name, ID: it.id, From: it.from, To: it.to, Due: it.due, Attempts: it.attempts})
	})
	return out
}

// InFlight reports whether a segment or a FIN of c is still crossing the
// network: once it is not and the client has closed, a server end that
// replies only when spoken to has said all it will.
func (c *Conn) InFlight() bool { return c.flying[ClientSide] > 0 || c.flying[ServerSide] > 0 }

// ClientLineTag says what a line a client types on an SMTP connection is,
// from the code of the reply before it (354: message text, 334: an answer
// to the AUTH challenge, otherwise a command): for a client that writes
// with Conn.Line lines it did not compose itself (mailsim shell).
func ClientLineTag(lastCode int, line string) trace.Tag { return clientLineTag(lastCode, line) }
