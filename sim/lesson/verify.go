package lesson

import (
	"fmt"
	"strings"

	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// VerifyNext checks a "next" question against the engine: it runs the
// named bundled scenario headless, finds the Occurrence-th client line
// equal to After, and requires the first server line that follows on the
// same connection to start with Reply. It reads the trace, never the
// rendered transcript.
func VerifyNext(q *Question) error {
	c := q.Check
	if c == nil {
		return fmt.Errorf("question %s has no check", q.ID)
	}
	sc, err := scenario.Load(c.Scenario)
	if err != nil {
		return err
	}
	rec := &trace.Recorder{}
	if _, err := scenario.Run(sc, rec); err != nil {
		return err
	}
	reply, err := NextReply(rec.Events, c.After, c.Occurrence)
	if err != nil {
		return fmt.Errorf("question %s, scenario %s: %w", q.ID, c.Scenario, err)
	}
	if !strings.HasPrefix(reply, c.Reply) {
		return fmt.Errorf("question %s: in scenario %s the server answers %q after %q (occurrence %d), which does not start with %q",
			q.ID, c.Scenario, reply, c.After, c.Occurrence, c.Reply)
	}
	return nil
}

// NextReply finds the n-th (from 1) client line equal to after in events and
// returns the first server line that follows it on the same connection.
func NextReply(events []trace.Event, after string, n int) (string, error) {
	seen := 0
	for i, e := range events {
		if e.Kind != trace.Line || e.Dir != trace.ClientToServer || e.Line != after {
			continue
		}
		if seen++; seen < n {
			continue
		}
		for _, f := range events[i+1:] {
			if f.Conn == e.Conn && f.Kind == trace.Line && f.Dir == trace.ServerToClient {
				return f.Line, nil
			}
		}
		return "", fmt.Errorf("no server reply follows client line %q (occurrence %d)", after, n)
	}
	return "", fmt.Errorf("client line %q occurs %d times, not %d", after, seen, n)
}
