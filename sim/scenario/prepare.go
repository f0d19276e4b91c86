package scenario

import (
	"fmt"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/trace"
)

// Prepare builds the scenario's world and plays its first n steps, as Run
// would but without checking expectations, and returns the world as they
// leave it: where `mailsim serve` and `mailsim shell` start when asked to
// start later than the beginning (after a configure step that closed an
// open relay, say). n is 0 for the world as built.
func (sc *Scenario) Prepare(sink trace.Sink, n int) (*sim.World, error) {
	if n < 0 || n > len(sc.Steps) {
		return nil, fmt.Errorf("%s has %d steps: cannot start after step %d", sc.ID, len(sc.Steps), n)
	}
	w, err := sc.Build(sink)
	if err != nil {
		return nil, err
	}
	for i, st := range sc.Steps[:n] {
		for range st.Times() {
			play(w, i, st, nil)
		}
	}
	return w, nil
}

// Topology describes the scenario's world for views: hosts, networks,
// title and step summaries.
func (sc *Scenario) Topology(w *sim.World) trace.Topology { return sc.topology(w) }
