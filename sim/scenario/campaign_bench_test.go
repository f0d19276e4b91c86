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
