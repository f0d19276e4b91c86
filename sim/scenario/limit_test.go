package scenario

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEventLimitNamesTheStep: a run that passes its event limit (MaxEvents,
// here lowered to what a retry storm passes quickly) stops with an error at
// the step that passed it, and so does what play keeps (MaxKeptEvents).
func TestEventLimitNamesTheStep(t *testing.T) {
	f := filepath.Join("testdata", "hostile", "retry-storm.yaml")
	sc, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	_, err = run(sc, nil, 50_000)
	if want := f + ":221:5: step 11 makes the run longer than 50000 trace events (the limit MaxEvents)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("run with a limit of 50,000 events: %v, want %q", err, want)
	}
	_, _, err = Record(sc)
	if want := f + ":221:5: step 11 makes the trace longer than 50000 events (the limit MaxKeptEvents)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Record: %v, want %q", err, want)
	}
}
