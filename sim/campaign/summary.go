package campaign

import (
	"slices"
	"sort"
	"time"

	"github.com/mailsim/mailsim/sim/trace"
)

// NumBuckets is how many buckets of virtual time a summary keeps. When the
// run outlasts them, neighbouring buckets are merged and each covers twice
// the time: the count stays fixed whatever the length of the run.
const NumBuckets = 24

// DefaultBucket is the width of a time bucket a summary starts with.
const DefaultBucket = time.Minute

// Limits of the sample, so that it stays small whatever the campaign.
const (
	// DefaultPerKind is how many full sessions of each kind of ending the
	// sample keeps unless told otherwise: one, so that the player's
	// topology and path lines, which name every host of the sample, fit
	// 80 columns.
	DefaultPerKind = 1
	// maxOpen is the most sessions being sampled at once; sessions that
	// start while that many are open are not sampled.
	maxOpen = 256
	// maxFrame is the most events outside the sampled sessions that the
	// sample keeps: the steps, narration and expectations of the
	// scenario, and the notes, deliveries and DNS look-ups seen while
	// sampling was on.
	maxFrame = 4096
)

// Summary is a trace.Sink that counts outcomes and keeps a sample of full
// sessions. The zero value is not usable: make one with New.
type Summary struct {
	// PerKind is how many full sessions of each kind of ending the sample
	// keeps.
	PerKind int

	total     Tally
	byNetwork map[string]*Counts
	byServer  map[string]*Counts
	buckets   [NumBuckets]Counts
	width     time.Duration
	networkOf map[string]string
	// ofClient is the counters of each client's network, found once per
	// client: a campaign counts every attempt of its bots by network.
	ofClient map[string]*Counts

	detail bool // sampling: sessions that start now may join the sample
	frame  []trace.Event
	open   map[int]*session
	kept   [NumOutcomes]int
	sample []*session
}

// session is one connection being sampled: its events, and how it ended
// so far (Sessions while nothing went wrong).
type session struct {
	events []trace.Event
	ending Outcome
}

// New returns an empty summary of a run in the world topo describes: the
// networks of its hosts are what the counters per network are keyed by.
func New(topo *trace.Topology) *Summary {
	s := &Summary{
		PerKind:   DefaultPerKind,
		byNetwork: map[string]*Counts{},
		byServer:  map[string]*Counts{},
		width:     DefaultBucket,
		networkOf: map[string]string{},
		ofClient:  map[string]*Counts{},
		open:      map[int]*session{},
	}
	if topo != nil {
		for _, h := range topo.Hosts {
			if h.Network != "" {
				s.networkOf[h.Name] = h.Network
			}
		}
	}
	return s
}

// Detail switches sampling on or off: while it is on, every session that
// starts is recorded in full and kept in the sample if fewer than PerKind
// sessions that ended the same way are. A campaign turns it on for its
// first attempts, while the engine still emits every event, and off when
// it switches the engine to summary mode (sim.World.SetSummary).
func (s *Summary) Detail(on bool) { s.detail = on }

// Emit counts e and, while sampling, records it.
func (s *Summary) Emit(e *trace.Event) {
	s.record(e)
	o, ok := s.total.Count(e)
	if !ok {
		return // nothing to count, or the timeout of a blocked SYN: counted as blocked
	}
	client, server := e.Src.Host, e.Dst.Host
	switch o {
	case Refused, AuthRequired, AuthFailed, RelayDenied, NoMailbox, Rejected, Deferred:
		client, server = e.Dst.Host, e.Src.Host // the server speaks
	case Delivered, Queued, Bounced:
		client, server = "", e.Src.Host // the host that acted
	}
	s.bucket(e.At)[o]++
	if client != "" {
		c := s.ofClient[client]
		if c == nil {
			c = count(s.byNetwork, s.networkOf[client])
			s.ofClient[client] = c
		}
		c[o]++
	}
	count(s.byServer, server)[o]++
}

func count(m map[string]*Counts, key string) *Counts {
	c := m[key]
	if c == nil {
		c = &Counts{}
		m[key] = c
	}
	return c
}

// bucket returns the counters of the time bucket at, merging buckets when
// at lies past the last.
func (s *Summary) bucket(at time.Duration) *Counts {
	for at >= s.width*NumBuckets {
		for i := range NumBuckets / 2 {
			s.buckets[i] = s.buckets[2*i]
			s.buckets[i].Add(&s.buckets[2*i+1])
		}
		for i := NumBuckets / 2; i < NumBuckets; i++ {
			s.buckets[i] = Counts{}
		}
		s.width *= 2
	}
	return &s.buckets[at/s.width]
}

// record keeps e in the sample if it belongs to it.
func (s *Summary) record(e *trace.Event) {
	if e.Conn != 0 {
		if ss := s.open[e.Conn]; ss != nil {
			ss.events = append(ss.events, *e)
			s.settle(e, ss)
			return
		}
		if s.detail && e.Kind == trace.Connect && e.TCP.Try == 0 && len(s.open) < maxOpen {
			s.open[e.Conn] = &session{events: []trace.Event{*e}}
			return
		}
		if !s.detail || e.Proto != trace.DNS {
			return
		}
	}
	structure := e.Kind == trace.Step || e.Kind == trace.Narration || e.Kind == trace.Expect
	if (structure || s.detail) && len(s.frame) < maxFrame {
		s.frame = append(s.frame, *e)
	}
}

// settle notes what e says about how session ss ends, and closes it on its
// last event.
func (s *Summary) settle(e *trace.Event, ss *session) {
	o, ok := classify(e)
	if ok && o != Sessions && (ss.ending == Sessions || o < ss.ending) {
		ss.ending = o
	}
	switch e.Kind {
	case trace.Timeout, trace.Refused, trace.Close:
	default:
		return
	}
	delete(s.open, e.Conn)
	if ss.ending == Unreachable && slices.ContainsFunc(ss.events, func(e trace.Event) bool { return e.Kind == trace.Drop }) {
		ss.ending = Blocked
	}
	if s.kept[ss.ending] < s.PerKind {
		s.kept[ss.ending]++
		s.sample = append(s.sample, ss)
	}
}

// Total returns the counters of the whole run.
func (s *Summary) Total() Counts { return s.total.Counts }

// ByNetwork returns the counters per network of the client, keyed by
// network name ("" for clients directly on the internet). Deliveries,
// queued messages and bounces have no client and are not among them.
func (s *Summary) ByNetwork() map[string]Counts { return flat(s.byNetwork) }

// ByServer returns the counters per server: the host that was dialled, that
// replied, or that delivered, queued or bounced.
func (s *Summary) ByServer() map[string]Counts { return flat(s.byServer) }

func flat(m map[string]*Counts) map[string]Counts {
	out := make(map[string]Counts, len(m))
	for k, v := range m {
		out[k] = *v
	}
	return out
}

// Bucket is the counters of one slice of virtual time.
type Bucket struct {
	Start, End time.Duration
	Counts     Counts
}

// Buckets returns the counters over virtual time, up to the last bucket
// with anything in it.
func (s *Summary) Buckets() []Bucket {
	last := -1
	for i := range s.buckets {
		if s.buckets[i] != (Counts{}) {
			last = i
		}
	}
	out := make([]Bucket, 0, last+1)
	for i := 0; i <= last; i++ {
		out = append(out, Bucket{Start: time.Duration(i) * s.width, End: time.Duration(i+1) * s.width, Counts: s.buckets[i]})
	}
	return out
}

// Sample returns the sampled sessions with the scenario's steps and
// narration, in the order they happened and numbered from 0 as a recorded
// trace is: what `mailsim play` animates of a campaign. Sessions still
// open are left out.
func (s *Summary) Sample() []trace.Event {
	out := slices.Clone(s.frame)
	for _, ss := range s.sample {
		out = append(out, ss.events...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	for i := range out {
		out[i].Seq = i
	}
	return out
}

// SampleTopology returns topo with only the hosts the sample shows or that
// run a service: a view of a campaign draws the servers and the few bots
// it animates, not thousands.
func SampleTopology(topo trace.Topology, sample []trace.Event) trace.Topology {
	seen := map[string]bool{}
	for i := range sample {
		seen[sample[i].Src.Host], seen[sample[i].Dst.Host] = true, true
	}
	hosts := make([]trace.Host, 0, len(seen))
	for _, h := range topo.Hosts {
		if seen[h.Name] || len(h.Roles) > 0 {
			hosts = append(hosts, h)
		}
	}
	topo.Hosts = hosts
	return topo
}

// Empty returns a new summary that keys networks as s does: for another
// shard of the same run, to Merge into s when it is over.
func (s *Summary) Empty() *Summary {
	o := New(nil)
	o.PerKind = s.PerKind
	o.networkOf = s.networkOf
	return o
}

// Merge adds the counters of o into s: totals, networks, servers and time
// buckets (the narrower buckets are merged to the wider first). The sample
// stays s's.
func (s *Summary) Merge(o *Summary) {
	s.total.Counts.Add(&o.total.Counts)
	for k, c := range o.byNetwork {
		count(s.byNetwork, k).Add(c)
	}
	for k, c := range o.byServer {
		count(s.byServer, k).Add(c)
	}
	if o.width > s.width {
		s.bucket(o.width*NumBuckets - 1) // widen s's buckets to o's
	}
	for i, b := range o.buckets {
		s.bucket(time.Duration(i) * o.width).Add(&b)
	}
}
