package scenario

import (
	"os"
	"strconv"
	"testing"
)

// BenchmarkBotnet runs the bundled botnet campaign summarised, under OP25B
// off and on: b.N runs of its 10,000 delivery attempts each, or of
// MAILSIM_BOTNET_SCALE times as many (100 for the million of issue 11,
// sharded over two worlds as mailsim run does).
func BenchmarkBotnet(b *testing.B) {
	sc, err := Load("botnet")
	if err != nil {
		b.Fatal(err)
	}
	if s := os.Getenv("MAILSIM_BOTNET_SCALE"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		if err := sc.Scale(n); err != nil {
			b.Fatal(err)
		}
	}
	for _, v := range []string{"off", "on"} {
		b.Run("op25b="+v, func(b *testing.B) {
			s, err := sc.With("op25b", v)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := RunWith(s, nil, RunOptions{Summary: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(s.Attempts())*float64(b.N)/b.Elapsed().Seconds(), "attempts/s")
		})
	}
}

// BenchmarkRelayToDeadMX runs testdata/scale/relay-dead-mx.yaml: 20,000
// messages through an open relay for an MX that is down, every one left
// in the queue, or MAILSIM_RELAY_SCALE times as many. The queue was a
// sorted slice and each message accepted was inserted in front of every
// deferred one; it is a heap now.
func BenchmarkRelayToDeadMX(b *testing.B) {
	src, err := os.ReadFile("testdata/scale/relay-dead-mx.yaml")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := Parse("relay-dead-mx.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	scaled := os.Getenv("MAILSIM_RELAY_SCALE")
	if s := scaled; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		if err := sc.Scale(n); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := RunWith(sc, nil, RunOptions{Summary: true})
		if err != nil {
			b.Fatal(err)
		}
		if !rep.OK() && scaled == "" { // scaled past sim.MaxQueued, some get 452 4.3.1
			b.Fatalf("%d of %d expectations missed", rep.Missed, rep.Checks)
		}
	}
	b.ReportMetric(float64(sc.Attempts())*float64(b.N)/b.Elapsed().Seconds(), "attempts/s")
}
