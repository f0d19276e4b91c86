package scenario

import (
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// BenchmarkBotnet runs the bundled botnet campaign summarised, under OP25B
// off and on: b.N runs of its 10,000 delivery attempts each.
func BenchmarkBotnet(b *testing.B) {
	sc, err := Load("botnet")
	if err != nil {
		b.Fatal(err)
	}
	for _, v := range []string{"off", "on"} {
		b.Run("op25b="+v, func(b *testing.B) {
			s, err := sc.With("op25b", v)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := RunWith(s, trace.Discard, RunOptions{Summary: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(s.Attempts())*float64(b.N)/b.Elapsed().Seconds(), "attempts/s")
		})
	}
}
