package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

type benchOptions struct {
	runs int
}

func newBenchCmd(ios *IOStreams) *cobra.Command {
	opts := &benchOptions{}
	cmd := &cobra.Command{
		Use:   "bench [id|file]",
		Short: "Measure the engine: replay a scenario's traffic many times, count events per second",
		Long: `Bench plays a scenario's steps again and again (basic-delivery unless
told otherwise), each run in a fresh world built from the file, handing every
trace event to a sink that counts it, then reports runs, events and
allocations per second of wall-clock time. Every run does the same work and
memory stays flat however many runs there are; the figures include building
the world. The simulation itself still runs on virtual time; only this
report reads the real clock. go test -bench measures the same engine in
finer detail (make bench).`,
		Example: `  mailsim bench
  mailsim bench op25b --runs 100000`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			id := "basic-delivery"
			if len(args) == 1 {
				id = args[0]
			}
			return runBench(ios, id, opts)
		},
	}
	cmd.Flags().IntVarP(&opts.runs, "runs", "n", 20000, "how many times to play the scenario's steps")
	return cmd
}

// counter is a trace.Sink that only counts.
type counter struct{ n int }

func (c *counter) Emit(*trace.Event) { c.n++ }

func runBench(ios *IOStreams, id string, opts *benchOptions) error {
	if opts.runs < 1 {
		return badInput(errors.New("bench: --runs must be at least 1"))
	}
	sc, err := scenario.Load(id)
	if err != nil {
		return badInput(err)
	}
	sink := &counter{}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	// On a terminal a long run shows how far it is, in whole percent.
	var progress func(int)
	if ios.ErrIsTerminal {
		last := -1
		progress = func(done int) {
			if pct := done * 100 / opts.runs; pct != last {
				last = pct
				fmt.Fprintf(ios.ErrOut, "\r%s: %3d%% (%d/%d runs)", sc.ID, pct, done, opts.runs)
			}
		}
	}
	start := time.Now()
	if err := scenario.Repeat(sc, opts.runs, sink, progress); err != nil {
		return err
	}
	elapsed := time.Since(start)
	if progress != nil {
		fmt.Fprint(ios.ErrOut, "\r\x1b[K")
	}
	runtime.ReadMemStats(&after)
	secs := elapsed.Seconds()
	runs := float64(opts.runs)
	fmt.Fprintf(ios.Out, "%s: %d runs, %d events in %.2fs (GOMAXPROCS %d)\n",
		sc.ID, opts.runs, sink.n, secs, runtime.GOMAXPROCS(0))
	fmt.Fprintf(ios.Out, "  %.0f runs/s, %.0f events/s, %.1f µs and %.0f events per run\n",
		runs/secs, float64(sink.n)/secs, secs*1e6/runs, float64(sink.n)/runs)
	fmt.Fprintf(ios.Out, "  %.0f allocations and %.1f KiB allocated per run\n",
		float64(after.Mallocs-before.Mallocs)/runs, float64(after.TotalAlloc-before.TotalAlloc)/runs/1024)
	return nil
}
