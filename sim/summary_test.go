package sim

import (
	"testing"

	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestSummaryBuildsNoSnapshots checks that summary mode does not build the
// session snapshots its sink would throw away, while the sink still sees
// the refusal that states an outcome, with the session's state on it.
func TestSummaryBuildsNoSnapshots(t *testing.T) {
	for _, summary := range []bool{false, true} {
		tw := newTestWorld(t, nil)
		tw.SetSummary(summary)
		tw.submit("bob@example.jp")
		tw.Fetch(FetchRequest{Client: tw.bob, Server: tw.mx, Port: 110, Job: pop3.Job{User: "bob", Pass: "hunter2"}})
		if got := len(tw.snaps) > 0; got != !summary {
			t.Errorf("summary %v: snapshots made = %v, want %v", summary, got, !summary)
		}
		// A relay attempt without AUTH: the 554 states the outcome.
		tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587,
			From: "alice@isp.example", To: []string{"bob@example.jp"}, Subject: "Hi", Body: "Hello"})
		tw.Settle()
		var refusal *trace.Event
		for i := range tw.rec.Events {
			e := &tw.rec.Events[i]
			if e.Kind == trace.Line && e.Proto == trace.SMTP && e.Tag.Kind == trace.Reply && e.Tag.Code >= 400 {
				refusal = e
			}
			if summary && !Summarised(e) {
				t.Fatalf("summary mode emitted %v %q, which Summarised drops", e.Kind, e.Line)
			}
		}
		if refusal == nil || refusal.Session == nil || refusal.Session.State == "" {
			t.Fatalf("summary %v: refusal %+v, want a 4xx/5xx reply with the session's state", summary, refusal)
		}
	}
}

// TestTaskStoreReuses checks that the scheduler keeps its tasks in places
// it reuses: a long run needs no more of them than were ever pending at
// once.
func TestTaskStoreReuses(t *testing.T) {
	tw := newTestWorld(t, nil)
	for range 20 {
		tw.submit("bob@example.jp")
	}
	if n := len(tw.store.data); n > 64 {
		t.Errorf("task store holds %d places after 20 sequential submissions, want a few dozen", n)
	}
	if tw.pending() || len(tw.store.free) != len(tw.store.data) {
		t.Errorf("idle world: %d tasks pending, %d of %d places free, want 0 and all", len(tw.tasks)+len(tw.soon)-tw.soonHead, len(tw.store.free), len(tw.store.data))
	}
}
