package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's policy for the mailsim process. A simulation
// allocates fast and keeps little: a million-session campaign lives in
// about 30 MB, yet with Go's default (GOGC=100) the collector runs every
// few megabytes and takes a fifth of the CPU. Letting the heap grow to five
// times what is live (GOGC=400) halves that work; the soft limit keeps a
// world that does hold a lot (a long trace kept for the player) from
// growing past it. Measured at dfc3778, on `run botnet --scale 30
// --compare op25b=off`: about 20% less CPU, peak RSS 60 MB to 128 MB; on
// `run` of 10,000 messages: 114 MB to 249 MB.
const (
	gcPercent   = 400
	memoryLimit = 384 << 20
)

// setGCPolicy applies the policy unless the user chose one with GOGC or
// GOMEMLIMIT, which the runtime has already applied.
func setGCPolicy() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(memoryLimit)
}
