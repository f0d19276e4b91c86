package sim

import (
	"fmt"
	"testing"
)

// TestQueueIDs: queue ids are the upper-case hex Postfix-style numbers
// fmt's %X writes, ten digits, each different.
func TestQueueIDs(t *testing.T) {
	w := New(Options{})
	seen := map[string]bool{}
	for n := uint64(1); n <= 5000; n++ {
		got := w.queueID()
		if want := fmt.Sprintf("%X", 0x1000000000+n*0x9E3779B1%0xF000000000); got != want || seen[got] {
			t.Fatalf("id %d = %q (seen before: %v), want %q", n, got, seen[got], want)
		}
		seen[got] = true
	}
}
