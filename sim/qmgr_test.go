package sim

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// downMXRun submits n messages for bob@example.jp while example.jp's only
// MX is down, settles, and lets two more hours pass (four retry rounds).
// It returns the scheduler tasks and the events of the queue's work, and
// the world.
func downMXRun(t *testing.T, n int) (tasks, events int, tw *testWorld) {
	t.Helper()
	tw = newTestWorld(t, nil)
	tw.mx.Down = true
	for i := range n {
		tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587,
			Auth: &smtp.Auth{User: "alice", Pass: "wonderland"},
			From: "alice@isp.example", To: []string{"bob@example.jp"}, Subject: "Hi " + strconv.Itoa(i), Body: "Hello"})
	}
	ran0, ev0 := tw.ran, len(tw.rec.Events)
	tw.Settle()
	if tw.now > tw.RetryInterval {
		t.Fatalf("n=%d: settling the first attempts took until %v, past the retry interval", n, tw.now)
	}
	if q := len(tw.Log().Queued); q != n {
		t.Fatalf("n=%d: %d recipients queued after the first round, want all", n, q)
	}
	tw.Wait(2 * time.Hour)
	if q := len(tw.Log().Queued); q != n {
		t.Fatalf("n=%d: %d recipients queued after two hours, want all", n, q)
	}
	return tw.ran - ran0, len(tw.rec.Events) - ev0, tw
}

// TestDownMXQueueScales: with the MX down, the queue's work grows in
// proportion to the number of messages (it grew 33-fold from 60 to 70
// messages when attempts ran one after another, each waiting for its
// connect timeout), and each retry round tries no more connections than the
// initial destination concurrency: the rest wait behind the dead
// destination.
func TestDownMXQueueScales(t *testing.T) {
	tasks100, ev100, _ := downMXRun(t, 100)
	tasks1000, ev1000, tw := downMXRun(t, 1000)
	t.Logf("tasks %d -> %d (x%.1f), events %d -> %d (x%.1f)", tasks100, tasks1000, float64(tasks1000)/float64(tasks100),
		ev100, ev1000, float64(ev1000)/float64(ev100))
	if r := float64(ev1000) / float64(ev100); r >= 12 {
		t.Errorf("events grew x%.1f from 100 to 1000 messages, want < 12", r)
	}
	if r := float64(tasks1000) / float64(tasks100); r >= 12 {
		t.Errorf("scheduler tasks grew x%.1f from 100 to 1000 messages, want < 12", r)
	}
	// Connection attempts to the MX, by the round they started in.
	rounds := map[time.Duration]int{}
	suspended := 0
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Connect && e.TCP.Try == 0 && e.Dst.Host == "mx.example.jp" {
			rounds[e.At/tw.RetryInterval]++
		}
		if e.Kind == trace.Note && strings.Contains(e.Text.In(i18n.EN), "(delivery temporarily suspended: connect to mx.example.jp[192.0.2.25]:25: Connection timed out): will retry in 30 minutes") {
			suspended++
		}
	}
	if len(rounds) < 4 {
		t.Errorf("connection attempts in %d retry rounds, want at least 4: %v", len(rounds), rounds)
	}
	for r, n := range rounds {
		if n > initialConcurrency {
			t.Errorf("round %d: %d connection attempts to the dead MX, want at most %d (no retry storm)", r, n, initialConcurrency)
		}
	}
	if suspended < 4*(1000-initialConcurrency) {
		t.Errorf("%d deferrals say \"delivery temporarily suspended\", want nearly all 1000 in each of 4 rounds", suspended)
	}
}

// TestDeadDestinationNote: the note that marks a destination dead names
// it and quotes the failure, in both languages.
func TestDeadDestinationNote(t *testing.T) {
	_, _, tw := downMXRun(t, 10)
	var en, ja string
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Note && e.Text.ID() == msgDestDead.ID {
			en, ja = e.Text.In(i18n.EN), e.Text.In(i18n.JA)
			break
		}
	}
	if !strings.HasPrefix(en, "example.jp is marked dead after a round of failed attempts (connect to mx.example.jp[192.0.2.25]:25: Connection timed out): for 5 minutes") {
		t.Errorf("dead-destination note %q", en)
	}
	if !strings.Contains(ja, "example.jp") || !strings.Contains(ja, "5分間") {
		t.Errorf("Japanese note %q", ja)
	}
}
