package export

import (
	"flag"
	"testing"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// run plays a bundled scenario and returns it as an export input.
func run(t testing.TB, id string, lang i18n.Lang) *Input {
	t.Helper()
	sc, err := scenario.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := scenario.Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	start := sc.Start
	if start.IsZero() {
		start = sim.DefaultStart
	}
	return &Input{Topology: &rep.Topology, Events: rec.Events, Start: start, Lang: lang}
}

// bundled returns the ids of the bundled scenarios.
func bundled(t testing.TB) []string {
	t.Helper()
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	return ids
}
