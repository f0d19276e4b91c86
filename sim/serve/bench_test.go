package serve

import (
	"io"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

type transcriptSink struct{ tw *transcript.Writer }

func (s *transcriptSink) Emit(e *trace.Event) {
	if s.tw != nil {
		s.tw.Event(e)
	}
}

// BenchmarkConcurrentSessions is a classroom and then some: `clients`
// real SMTP clients on loopback at once, each submitting messages one
// session after another to the relay port of mail.isp.example (final
// destination, so every message also reaches a mailbox), with the
// scenario's own 10 ms virtual latency, which real time follows. One
// op is one whole session (connect, EHLO, MAIL, RCPT, DATA, text, QUIT).
// It reports messages per second and the session time at the 50th, 99th
// and 100th percentiles. Bounded: run with -benchtime=Nx.
func BenchmarkConcurrentSessions(b *testing.B) {
	for _, clients := range []int{100, 400} {
		b.Run(strconv.Itoa(clients)+"clients", func(b *testing.B) {
			// The log is rendered as `mailsim serve` renders it, into
			// io.Discard: the cost of showing every line is part of it.
			sc, err := scenario.Load("basic-delivery")
			if err != nil {
				b.Fatal(err)
			}
			sink := &transcriptSink{}
			w, err := sc.Prepare(sink, 0)
			if err != nil {
				b.Fatal(err)
			}
			sink.tw = transcript.New(io.Discard, i18n.EN, nil)
			s := startWorld(b, w, nil, Options{MaxConns: clients + 10, Flush: func() { sink.tw.Flush() }})
			addr := s.addr(b, "mail.isp.example", 25)
			var next atomic.Int64
			lat := make([]time.Duration, b.N)
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := int(next.Add(1)) - 1
						if i >= b.N {
							return
						}
						t0 := time.Now()
						submit(b, addr, i)
						lat[i] = time.Since(t0)
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "msgs/s")
			b.ReportMetric(float64(lat[len(lat)/2].Milliseconds()), "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Milliseconds()), "p99-ms")
			b.ReportMetric(float64(lat[len(lat)-1].Milliseconds()), "max-ms")
		})
	}
}

// submit runs one whole SMTP session, as a mail program would: one
// command, then its reply.
func submit(b *testing.B, addr string, i int) {
	c := dial(b, addr)
	defer c.nc.Close()
	c.expect("220 ")
	c.send("EHLO bench.example\r\n")
	c.expect("250 ")
	c.send("MAIL FROM:<carol@example.jp>\r\n")
	c.expect("250 ")
	c.send("RCPT TO:<alice@isp.example>\r\n")
	c.expect("250 ")
	c.send("DATA\r\n")
	c.expect("354 ")
	c.send("Subject: load " + strconv.Itoa(i) + "\r\n\r\nA classroom of thirty, and then some.\r\n.\r\n")
	c.expect("250 ")
	c.send("QUIT\r\n")
	c.expect("221 ")
}
