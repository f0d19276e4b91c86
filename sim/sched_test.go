package sim

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestScheduleOrder checks that tasks run in order of time and, for equal
// times, in the order they were scheduled, whether they wait in the queue
// of tasks due one latency later or in the heap: tasks scheduled as others
// run, at random delays that are often exactly one latency, sometimes the
// same time as one in the queue.
func TestScheduleOrder(t *testing.T) {
	w := New(Options{Latency: 10 * time.Millisecond})
	rng := rand.New(rand.NewPCG(1, 2))
	type ran struct {
		at  time.Duration
		seq int
	}
	var got []ran
	seq := 0
	var add func(depth int)
	add = func(depth int) {
		var d time.Duration
		switch rng.IntN(4) {
		case 0, 1:
			d = w.opts.Latency
		case 2:
			d = time.Duration(rng.IntN(3)) * 5 * time.Millisecond // 0, 5 or 10ms
		default:
			d = time.Duration(rng.IntN(100)) * time.Millisecond
		}
		seq++
		me := ran{addTime(w.now, d), seq}
		w.after(d, func() {
			if w.now != me.at {
				t.Errorf("task %d ran at %v, want %v", me.seq, w.now, me.at)
			}
			got = append(got, me)
			if depth < 6 {
				for range rng.IntN(3) + 1 {
					add(depth + 1)
				}
			}
		})
	}
	for range 20 {
		add(0)
	}
	w.runUntil(func() bool { return false })
	if len(got) < 500 {
		t.Fatalf("only %d tasks ran", len(got))
	}
	if !slices.IsSortedFunc(got, func(a, b ran) int {
		if a.at != b.at {
			return int(a.at - b.at)
		}
		return a.seq - b.seq
	}) {
		t.Errorf("tasks ran out of order: %v", got)
	}
	if w.pending() || len(w.soon) != 0 {
		t.Errorf("after running everything: %d in the heap, %d in the queue", len(w.tasks), len(w.soon)-w.soonHead)
	}
}
