package main

import (
	"runtime/debug"
	"testing"
)

// TestGCPolicy checks that the process applies its collector policy, and
// leaves the user's own GOGC or GOMEMLIMIT alone.
func TestGCPolicy(t *testing.T) {
	restore := func() { debug.SetGCPercent(100); debug.SetMemoryLimit(-1) }
	before, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(before); debug.SetMemoryLimit(limit) })

	const untouched = 1 << 62 // a limit nobody sets
	for _, c := range []struct {
		gogc, memlimit string
		percent        int
		limit          int64
	}{
		{"", "", gcPercent, memoryLimit},
		{"50", "", 100, untouched}, // the runtime applied GOGC=50 itself; here it stays as found
		{"", "1GiB", 100, untouched},
	} {
		restore()
		debug.SetMemoryLimit(untouched)
		t.Setenv("GOGC", c.gogc)
		t.Setenv("GOMEMLIMIT", c.memlimit)
		setGCPolicy()
		gotLimit := debug.SetMemoryLimit(-1)
		if got := debug.SetGCPercent(100); got != c.percent {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GC percent %d, want %d", c.gogc, c.memlimit, got, c.percent)
		}
		if gotLimit != c.limit {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: memory limit %d, want %d", c.gogc, c.memlimit, gotLimit, c.limit)
		}
	}
}
