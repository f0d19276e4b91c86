//go:build !unix

package player

import (
	"os"
	"syscall"
)

func stopSignals() []os.Signal { return []os.Signal{os.Interrupt, syscall.SIGTERM} }

// notifyResize reports false: there is no resize signal here, so the
// driver polls the size instead.
func notifyResize(chan<- os.Signal) bool { return false }

// notifySuspend does nothing: there is no job control here.
func notifySuspend(chan<- os.Signal) {}

// stopSelfUntilContinued does nothing: there is no job control here.
func stopSelfUntilContinued(chan os.Signal) {}
