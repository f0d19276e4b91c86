package campaign

import "github.com/mailsim/mailsim/sim/trace"

// Tally counts the outcomes of the events it is given, and nothing else:
// what an expectation on a campaign step reads. A Summary counts with one
// too, so the two cannot disagree. The zero value is ready to use.
type Tally struct {
	Counts Counts
	// dropped holds the connections whose SYN a router dropped, until
	// their timeout, which then counts as blocked, not as unreachable.
	dropped map[int]bool
}

// Count counts e and says what it counted it as; false if e counts as
// nothing, or is the timeout of a SYN already counted as blocked.
func (t *Tally) Count(e *trace.Event) (Outcome, bool) {
	o, ok := classify(e)
	if !ok {
		return 0, false
	}
	switch o {
	case Blocked:
		if t.dropped == nil {
			t.dropped = map[int]bool{}
		}
		t.dropped[e.Conn] = true
	case Unreachable:
		if t.dropped[e.Conn] {
			delete(t.dropped, e.Conn)
			return 0, false
		}
	}
	t.Counts[o]++
	return o, true
}
