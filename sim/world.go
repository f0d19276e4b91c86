package sim

import (
	"hash/maphash"
	"math/rand/v2"
	"net/netip"
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/trace"
)

// Options configure a World.
type Options struct {
	Seed    uint64        // seeds the random choices (MX order among equal preferences)
	Start   time.Time     // the calendar time the virtual clock starts at (Date:, Received:)
	Latency time.Duration // one-way delay of every packet; 0 means 10ms
	Sink    trace.Sink    // receives every event; nil discards them
}

// World is one virtual internet. It is a value: two worlds never share state.
// A World is not safe for concurrent use; it runs in one goroutine by design.
type World struct {
	opts     Options
	now      time.Duration
	tasks    []slot    // the scheduler's heap
	soon     []slot    // and its queue of tasks due one latency after they were scheduled (sched.go)
	soonHead int       // where the queue begins in soon
	store    taskStore // the tasks the heap's slots point to (sched.go)
	tseq     uint64    // order of scheduling, for equal times
	busy     int       // tasks pending that are work in progress, not timers
	ran      int       // tasks run so far, against MaxTasks
	halted   bool      // MaxTasks passed: nothing more runs
	maxTasks int       // MaxTasks unless SetMaxTasks raised it
	summary  bool      // summary mode (summary.go): outcome events only, delivered mail not kept
	free     freeLists // dead connections and handlers, reused (pool.go)
	qm       qmgr      // who may make a delivery attempt now (qmgr.go)
	rng      *rand.Rand
	sink     trace.Sink
	ev       trace.Event // scratch event, reused to keep emission allocation-free
	// connEv are the scratch events of what a connection's client and
	// server side send, one each so that a conversation's turns do not
	// swap the ends of one; connEvID is the id of the connection whose
	// ends each holds (0: none).
	connEv     [2]trace.Event
	connEvID   [2]int
	seq        int // the next event's Seq
	qseq       int // queue arrival order
	step       int
	conns      int
	nextID     uint64
	msgSeq     int // Message-ID counter
	composer   composer
	dnsID      uint16
	sessions   []snapEntry           // the slab snapshots are cut from
	snaps      map[string]*snapEntry // snapshots made, by appendSessionKey
	snapKey    []byte
	interned   *[internSlots]string // reply lines, by intern
	internSeed maphash.Seed
	wire       []byte // a line being built
	payloads   []byte // the slab DNS messages are cut from
	pop3Cfgs   map[*POP3Service]*pop3.Config
	// exchanges keeps each DNS question's query and answer bytes, for
	// the zone as it was at generation exGen.
	exchanges map[exchangeKey]*exchange
	exGen     uint64
	reverse   map[netip.Addr]string // PTR query names, by clientName
	hosts     []*Host
	byName    map[string]*Host
	byIP      map[netip.Addr]*Host
	nets      []*Network
	netByNm   map[string]*Network
	zone      *dns.Zone
	dnsHost   *Host
	queue     queue
	queued    queuedList // what QueuedRecipients last listed
	tls       *pki       // the certificate authority, made when TLS is first used
	log       StepLog
	// MaxQueueLife is how long an MTA keeps retrying before it bounces
	// (RFC 5321 4.5.4.1 suggests 4-5 days).
	MaxQueueLife time.Duration
	// RetryInterval is the wait between delivery attempts (RFC 5321
	// 4.5.4.1: at least 30 minutes).
	RetryInterval time.Duration
	// ConnectTimeout is how long a client waits for a SYN-ACK before it gives
	// up (Postfix's smtp_connect_timeout is 30s).
	ConnectTimeout time.Duration
	// QueueLimit is how many items the queues hold before every SMTP
	// server answers MAIL with 452 4.3.1: MaxQueued, or a share of it in
	// one of several worlds that play a campaign together.
	QueueLimit int
}

// New makes an empty world.
func New(opts Options) *World {
	if opts.Latency == 0 {
		opts.Latency = 10 * time.Millisecond
	}
	if opts.Sink == nil {
		opts.Sink = trace.Discard
	}
	if opts.Start.IsZero() {
		opts.Start = DefaultStart
	}
	return &World{
		opts:           opts,
		rng:            rand.New(rand.NewPCG(opts.Seed, 0x6d61696c73696d)), // "mailsim"
		sink:           opts.Sink,
		byName:         map[string]*Host{},
		byIP:           map[netip.Addr]*Host{},
		netByNm:        map[string]*Network{},
		zone:           dns.NewZone(),
		maxTasks:       MaxTasks,
		MaxQueueLife:   5 * 24 * time.Hour,
		RetryInterval:  30 * time.Minute,
		ConnectTimeout: 30 * time.Second,
		QueueLimit:     MaxQueued,
	}
}

// DefaultStart is the calendar time a scenario starts at unless it says
// otherwise: a fixed date, so transcripts never depend on the wall clock.
var DefaultStart = time.Date(2026, 4, 1, 9, 0, 0, 0, time.FixedZone("JST", 9*3600))

// Date is the calendar time the virtual clock shows now.
func (w *World) Date() time.Time { return w.opts.Start.Add(w.now) }

// emit stamps e with sequence number, time and step and hands it to the sink.
func (w *World) emit(e *trace.Event) {
	if w.summary && !Summarised(e) {
		return
	}
	e.Seq = w.seq
	w.seq++
	e.At = w.now
	e.Step = w.step
	w.sink.Emit(e)
}

// event returns the scratch event, cleared, for the caller to fill and
// emit. (A connection's events have scratch events of their own:
// Conn.event.)
func (w *World) event(kind trace.Kind) *trace.Event {
	e := &w.ev
	clearEvent(e)
	var none trace.Endpoint
	setEndpoint(&e.Src, &none)
	setEndpoint(&e.Dst, &none)
	e.Kind = kind
	return e
}

// setEndpoint sets *dst to *src field by field, writing a reference only
// when it differs: copying the whole struct would pay a write barrier for
// each of its references (and walk its pointer map) while the collector
// marks, changed or not.
func setEndpoint(dst, src *trace.Endpoint) {
	if dst.Host != src.Host {
		dst.Host = src.Host
	}
	if dst.IP != src.IP {
		dst.IP = src.IP
	}
	dst.Port = src.Port
}

// setTag sets *dst to *src as setEndpoint does.
func setTag(dst, src *trace.Tag) {
	dst.Kind, dst.Code, dst.Status, dst.Cond = src.Kind, src.Code, src.Status, src.Cond
	dst.Empty, dst.Last, dst.Encrypted = src.Empty, src.Last, src.Encrypted
	if dst.Verb != src.Verb {
		dst.Verb = src.Verb
	}
	if dst.Enhanced != src.Enhanced {
		dst.Enhanced = src.Enhanced
	}
	if dst.Query != src.Query {
		dst.Query = src.Query
	}
	if dst.RCode != src.RCode {
		dst.RCode = src.RCode
	}
}

// clearEvent zeroes e field by field, writing a reference field only when
// it is set: most events leave most of them empty, and while the garbage
// collector marks, every write of a reference costs a write barrier that
// zeroing the whole event would pay for each of them. Src and Dst are left
// to the caller, which sets them (World.event) or keeps them (Conn.event);
// TestClearEvent checks that no field is missed.
func clearEvent(e *trace.Event) {
	if e.Line != "" {
		e.Line = ""
	}
	if e.Tag != (trace.Tag{}) {
		e.Tag = trace.Tag{}
	}
	if e.Session != nil {
		e.Session = nil
	}
	clearRest(e)
}

// clearRest is clearEvent without Line, Tag and Session, which a Line
// event sets (lineEvent).
func clearRest(e *trace.Event) {
	e.Seq, e.At, e.Step, e.Conn = 0, 0, 0, 0
	e.Kind, e.Proto, e.Dir = 0, 0, 0
	e.TCP = trace.Segment{}
	if e.Payload != nil {
		e.Payload = nil
	}
	e.TLS = trace.TLSRecord{}
	if e.Router != "" {
		e.Router = ""
	}
	e.Rule = 0
	if e.Text.T != nil || e.Text.Args != nil {
		e.Text = i18n.Msg{}
	}
	e.OK = false
}

func (w *World) newConn() int {
	w.conns++
	return w.conns
}

// queueID returns a fresh, deterministic queue id in the hex style of
// Postfix ("4A1F2C3D5E").
func (w *World) queueID() string {
	w.nextID++
	const hex = "0123456789ABCDEF"
	var b [16]byte
	i := len(b)
	for v := 0x1000000000 + w.nextID*0x9E3779B1%0xF000000000; v > 0; v >>= 4 {
		i--
		b[i] = hex[v&0xF]
	}
	return string(b[i:])
}

// BeginStep starts step i (from 0) of a scenario: the events that follow
// belong to it and the step log is cleared.
func (w *World) BeginStep(i int, kind string, summary i18n.Text) {
	w.step = i
	w.log = StepLog{}
	e := w.event(trace.Step)
	e.Line = kind
	e.Text = i18n.Literal(summary)
	w.emit(e)
}

// Say emits narration.
func (w *World) Say(t i18n.Text) {
	e := w.event(trace.Narration)
	e.Text = i18n.Literal(t)
	w.emit(e)
}

// Expect records the result of checking one expectation of the current step.
func (w *World) Expect(ok bool, t i18n.Text) {
	e := w.event(trace.Expect)
	e.OK = ok
	e.Text = i18n.Literal(t)
	w.emit(e)
}

// Log returns what happened during the current step, for expectations.
func (w *World) Log() *StepLog { return &w.log }

// StepLog collects what happened during one step, across every hop.
type StepLog struct {
	Delivered []Delivery // messages put into mailboxes
	Bounced   []string   // addresses a non-delivery report was generated for
}

// Delivery is one message put into one mailbox.
type Delivery struct {
	Host    string
	Mailbox string // the recipient address
	Bounce  bool   // the message is a non-delivery report
}
