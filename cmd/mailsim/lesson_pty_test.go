//go:build unix

package main

import (
	"strings"
	"testing"
)

// TestLessonOnATerminal drives a lesson on a pseudo-terminal: the first
// section plays its scenario in the player, q leaves the player, and the
// very next Enter reaches the lesson (no key is swallowed by a reader left
// over from the player); then the check questions read answers through
// readline, with history, and q stops the lesson with the terminal as it
// was.
func TestLessonOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildMailsim(t)
	s := startMailsim(t, bin, "lesson", "receiving", "--lang", "en")
	before := s.cooked
	s.waitFor("the player", func(sc string) bool { step, _ := position(sc); return step >= 0 })
	s.press("\r") // one step into the scenario
	s.waitFor("the first step", func(sc string) bool { step, _ := position(sc); return step > 0 })
	s.press("q")
	s.waitText("[Enter] next, q quits:")
	s.press("\r")
	s.waitText("[2/3] DELE marks, QUIT deletes")
	s.waitFor("the second prompt", func(sc string) bool { return strings.Count(sc, "[Enter] next, q quits:") == 2 })
	s.press("\r")
	// The third section plays pop3-vs-imap: leave the player at once.
	s.waitFor("the player again", func(sc string) bool { step, _ := position(sc); return step >= 0 })
	s.press("q")
	s.waitFor("the third prompt", func(sc string) bool {
		step, _ := position(sc)
		return step < 0 && strings.Contains(sc, "[Enter] next, q quits:")
	})
	s.press("\r")
	s.waitText("Question 1 of ")
	s.press("9\r")
	s.waitText("That is not an answer to this question")
	s.waitFor("a fresh answer prompt", func(sc string) bool { return strings.Count(sc, "q quits): ") == 2 })
	s.press("\x1b[A") // history: the 9 typed before
	s.waitFor("the answer recalled", func(sc string) bool { return strings.Count(sc, "q quits): 9") == 2 })
	s.press("\x7fq\r")
	s.waitText("Unanswered: ")
	s.exit(before)
}
