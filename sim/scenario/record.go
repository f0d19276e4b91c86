package scenario

import "github.com/mailsim/mailsim/sim/trace"

// Record plays the scenario like Run and returns its whole trace, for the
// views that need all of it at once (play, export). It keeps at most
// MaxKeptEvents events: a world that makes more is an error at the step
// that passed the limit, since `mailsim run`, which streams, plays it. The
// run stops there too (a wait in that step at the next hour of virtual
// time), so a world too long to keep costs no more than MaxKeptEvents.
func Record(sc *Scenario) (*Report, []trace.Event, error) {
	k := &keeper{}
	rep, err := Run(sc, k)
	if err != nil {
		return nil, nil, err
	}
	if k.passed {
		st := sc.Steps[min(k.step, len(sc.Steps)-1)]
		return nil, nil, ErrorList{newError(sc.File, st.Node.Line, st.Node.Column,
			"step %d makes the trace longer than %d events (the limit MaxKeptEvents), more than play and export keep in memory: 'mailsim run' streams it, or fewer steps or recipients will do", k.step+1, MaxKeptEvents)}
	}
	return rep, k.rec.Events, nil
}

// keeper records up to MaxKeptEvents events and notes the step of the
// first one past the limit.
type keeper struct {
	rec    trace.Recorder
	passed bool
	step   int
}

func (k *keeper) Emit(e *trace.Event) {
	if len(k.rec.Events) < MaxKeptEvents {
		k.rec.Emit(e)
		return
	}
	if !k.passed {
		k.passed, k.step = true, e.Step
	}
}
