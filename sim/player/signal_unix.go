//go:build unix

package player

import (
	"os"
	"os/signal"
	"syscall"
)

// stopSignals end the player cleanly: Ctrl-C from another terminal's kill,
// a terminal hang-up, a polite kill.
func stopSignals() []os.Signal { return []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} }

// notifyResize delivers SIGWINCH, which the kernel sends when the window
// changes size.
func notifyResize(c chan<- os.Signal) bool {
	signal.Notify(c, syscall.SIGWINCH)
	return true
}
