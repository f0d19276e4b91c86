package scenario

import (
	"sync"

	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/trace"
)

// Sharding: a large campaign is played in Shards worlds at once, one per
// core on a two-core machine. Shard s makes the attempts k with k mod
// Shards = s; the first shard also plays every step of a client (send,
// fetch, ...) and keeps the sample; the others only keep their clocks and
// configuration in step (waits, configure). Each shard is deterministic
// and the counters are added in shard order, so the result does not
// depend on timing, nor on the machine: the number of shards is fixed, not
// the number of cores. Every attempt is drawn from the seed and its own
// number (draw), so it is the same attempt in whichever shard plays it;
// only load-dependent timing differs from one world (an open relay's queue
// holds half as much), which moves counts between time buckets but not
// the totals.
const (
	// Shards is how many worlds a large campaign is played in.
	Shards = 2
	// ShardAttempts is the fewest campaign attempts that are sharded:
	// below it one world is quick, and its sample is the whole story.
	ShardAttempts = 50_000
)

// shardAttempts is ShardAttempts, lowered by tests.
var shardAttempts = ShardAttempts

// shard says which part of a campaign a world plays.
type shard struct {
	index, of int
	tallies   *tallies // nil in a world that plays the whole campaign
}

// counts returns the counters of the campaign step a shard just played,
// over every shard: c itself in a world that plays the whole campaign; in
// a shard, the first shard waits for the others and adds theirs in shard
// order, and the others get nil (they check no expectation). seq numbers
// the counted steps, repeats included, in the order every shard plays
// them.
func (sh shard) counts(seq int, c *campaign.Counts) *campaign.Counts {
	if sh.tallies == nil {
		return c
	}
	return sh.tallies.post(seq, sh.index, c)
}

// tallies carries the counters of the campaign steps that have
// expectations from every shard to the first, which checks them: an
// expectation is of the whole campaign, whose attempts the shards split.
type tallies struct {
	mu    sync.Mutex
	of    int
	slots map[int]*tally
	gone  []bool // shards that stopped early: they post nothing more
}

// tally is one counted step: the counters each shard posted.
type tally struct {
	counts []campaign.Counts
	in     []bool        // the shards that posted, or are gone
	left   int           // shards yet to post
	done   chan struct{} // closed when none is left
}

func newTallies(of int) *tallies {
	return &tallies{of: of, slots: map[int]*tally{}, gone: make([]bool, of)}
}

// slot returns step seq's tally, made with the shards that are gone
// counted in. t.mu is held.
func (t *tallies) slot(seq int) *tally {
	s := t.slots[seq]
	if s == nil {
		s = &tally{counts: make([]campaign.Counts, t.of), in: make([]bool, t.of), left: t.of, done: make(chan struct{})}
		t.slots[seq] = s
		for i, g := range t.gone {
			if g {
				s.mark(i)
			}
		}
	}
	return s
}

// mark counts shard index in, once.
func (s *tally) mark(index int) {
	if s.in[index] {
		return
	}
	s.in[index] = true
	s.left--
	if s.left == 0 {
		close(s.done)
	}
}

// post gives shard index's counters of step seq; the first shard then
// waits for the rest and gets the sum, the others get nil.
func (t *tallies) post(seq, index int, c *campaign.Counts) *campaign.Counts {
	t.mu.Lock()
	s := t.slot(seq)
	s.counts[index] = *c
	s.mark(index)
	t.mu.Unlock()
	if index > 0 {
		return nil
	}
	<-s.done
	var sum campaign.Counts
	for i := range s.counts {
		sum.Add(&s.counts[i])
	}
	return &sum
}

// leave says shard index plays no more steps, so that the first shard
// does not wait for it: its run ends with an error, which the run returns.
func (t *tallies) leave(index int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if index == 0 || t.gone[index] {
		return
	}
	t.gone[index] = true
	for _, s := range t.slots {
		s.mark(index)
	}
}

// shardable reports whether a run may be sharded, and the summary the
// shards' counters are added into (nil when there is no sink).
func shardable(sc *Scenario, sink trace.Sink, opts RunOptions) (*campaign.Summary, bool) {
	if !opts.Summary || sc.Attempts() < shardAttempts {
		return nil, false
	}
	if sink == nil {
		return nil, true
	}
	sum, ok := sink.(*campaign.Summary)
	return sum, ok
}

// runShards plays the shards side by side and adds the counters of the
// others into sum, in shard order. The report and the sample are the first
// shard's.
func runShards(sc *Scenario, sum *campaign.Summary, opts RunOptions) (*Report, error) {
	prog := &progress{report: opts.Progress, total: sc.Attempts(), shared: true}
	sums := make([]*campaign.Summary, Shards)
	reps := make([]*Report, Shards)
	errs := make([]error, Shards)
	tl := newTallies(Shards)
	var wg sync.WaitGroup
	for s := range Shards {
		var sink trace.Sink
		if sum != nil {
			sums[s] = sum
			if s > 0 {
				sums[s] = sum.Empty()
			}
			sink = sums[s]
		}
		wg.Go(func() {
			defer tl.leave(s)
			reps[s], errs[s] = runShard(sc, sink, opts, shard{index: s, of: Shards, tallies: tl}, prog)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if sum != nil {
		for _, o := range sums[1:] {
			sum.Merge(o)
		}
	}
	return reps[0], nil
}

// progress counts the attempts started, over every shard, and reports
// now and then.
type progress struct {
	mu     sync.Mutex
	shared bool // shards add to it from several goroutines
	report func(done, total int)
	done   int
	total  int
}

// progressEvery is how many attempts pass between progress reports.
const progressEvery = 1024

func (p *progress) add() {
	if p.report == nil {
		return
	}
	if p.shared {
		p.mu.Lock()
		defer p.mu.Unlock()
	}
	p.done++
	if p.done%progressEvery == 0 || p.done == p.total {
		p.report(p.done, p.total)
	}
}

// draw is the random number of attempt k of the campaign in step i: a
// SplitMix64 mix (Steele, Lea and Flood 2014) of the seed, the step and k,
// so an attempt is the same whichever shard plays it.
func draw(seed uint64, step, k int) uint64 {
	z := seed*0x9E3779B97F4A7C15 ^ uint64(step)<<40 ^ uint64(k)
	z += 0x9E3779B97F4A7C15
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}
