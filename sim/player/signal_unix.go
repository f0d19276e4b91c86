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

// notifySuspend delivers SIGTSTP, so the player can give the terminal back
// before it stops.
func notifySuspend(c chan<- os.Signal) { signal.Notify(c, syscall.SIGTSTP) }

// stopSelfUntilContinued stops the process group the way the terminal's
// Ctrl-Z would, and returns once the shell continues it (fg, SIGCONT).
// SIGTSTP goes back to its default action for the moment, or the signal
// would only come back to c.
func stopSelfUntilContinued(c chan os.Signal) {
	signal.Reset(syscall.SIGTSTP)
	_ = syscall.Kill(0, syscall.SIGTSTP)
	signal.Notify(c, syscall.SIGTSTP)
}
