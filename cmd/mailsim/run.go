package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

type runOptions struct {
	args    []string
	all     bool
	color   string
	lang    i18n.Lang
	compare []string // --compare key=a,b: run each setting, print a table
	format  string   // text or json (the counters of a summarised run)
	scale   int      // multiplies the messages of every campaign
}

func newRunCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	opts := &runOptions{}
	cmd := &cobra.Command{
		Use:   "run <id|file>... | --all",
		Short: "Run scenarios headless: print the transcript and check expectations",
		Long: `Run plays each scenario without animation and prints its full transcript:
virtual time, who talks to whom on which port, every protocol line, the
narration, and one line per expectation. The same scenario always gives the
same transcript, byte for byte.

A scenario with a campaign (thousands of bots, see botnet) is summarised:
run prints a sample of its sessions in full, then counters of the whole
run (per outcome, per network, per server, over virtual time). With
--compare key=a,b it runs the scenario once per setting and prints the
counters side by side; the switches are op25b=off,on and
relay=closed,open, and --compare may be given twice for every
combination; expectations are checked only under the setting the file
has. A campaign step may expect counts (delivered: 0, blocked:
{at_least: 85%}). --format json prints the counters for scripts. A
progress bar shows on stderr when it is a terminal.

Exit status: 0 if every expectation was met, 1 if one was not, 2 if a
scenario could not be loaded.`,
		Example: `  mailsim run op25b
  mailsim run --all --lang ja
  mailsim run my-lesson.yaml
  mailsim run botnet --compare op25b=off,on
  mailsim run botnet --compare relay=open,closed --format json
  mailsim run botnet --scale 100   # a million delivery attempts`,
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			opts.args, opts.lang = args, lang
			return runRun(ios, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "run every bundled scenario")
	cmd.Flags().StringVar(&opts.color, "color", "auto", colorFlagUsage)
	cmd.Flags().StringArrayVar(&opts.compare, "compare", nil, "run under each setting of a switch and compare the counters: op25b=off,on or relay=closed,open")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output of a summarised run: text or json")
	cmd.Flags().IntVar(&opts.scale, "scale", 1, "multiply the messages each bot of a campaign sends")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text", "json"))
	_ = cmd.RegisterFlagCompletionFunc("compare", fixedCompletions("op25b=off,on", "relay=closed,open"))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletions("auto", "always", "never"))
	return cmd
}

func runRun(ios *IOStreams, opts *runOptions) error {
	args := opts.args
	if opts.all {
		ids, err := scenario.BundledIDs()
		if err != nil {
			return err
		}
		args = append(args, ids...)
	}
	color, err := wantColor(ios, opts.color)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return noScenario("run", opts.lang, true)
	}
	if opts.format != "text" && opts.format != "json" {
		return badInput(errors.New(msg(opts.lang,
			fmt.Sprintf("run: --format %q: use text or json", opts.format),
			fmt.Sprintf("run: --format %q: 「text」か「json」を指定してください", opts.format))))
	}
	// Load and play everything once first, measuring each transcript's
	// route column: a broken file, or one that passes a limit at some step,
	// stops the run before any output, and the second pass can then stream
	// every line as the engine produces it, aligned, holding no event. A
	// campaign is summarised instead (its counters and a sample of its
	// sessions), in one pass. Each scenario runs once, however often it is
	// named (run --all op25b, run op25b OP25B).
	type pass struct {
		sc       *scenario.Scenario
		topo     *trace.Topology
		width    int
		campaign bool
	}
	var passes []pass
	seen := map[string]bool{}
	scaled := false // some scenario named has a campaign --scale multiplies
	for _, a := range args {
		sc, err := scenario.Load(a)
		if err != nil {
			return badInput(err)
		}
		if opts.scale != 1 {
			if err := sc.Scale(opts.scale); err != nil {
				return badInput(err)
			}
		}
		key := filepath.Clean(sc.File)
		if seen[key] {
			continue
		}
		seen[key] = true
		scaled = scaled || sc.Attempts() > 0
		if sc.Attempts() > 0 || len(opts.compare) > 0 || opts.format == "json" {
			passes = append(passes, pass{sc: sc, campaign: true})
			continue
		}
		var width transcript.Width
		rep, err := scenario.Run(sc, &width)
		if err != nil {
			return badInput(err)
		}
		passes = append(passes, pass{sc, &rep.Topology, width.Max, false})
	}
	if opts.scale != 1 && !scaled {
		fmt.Fprintln(ios.ErrOut, "mailsim: "+msg(opts.lang,
			fmt.Sprintf("--scale %d multiplies the messages of campaign steps, and no scenario named has one: it runs as written (botnet has a campaign)", opts.scale),
			fmt.Sprintf("「--scale %d」はキャンペーンのステップのメール数を増やしますが、指定したシナリオにはキャンペーンがないので、書かれたとおりに実行します(キャンペーンがあるのは「botnet」です)", opts.scale)))
	}
	missed := 0
	for i, p := range passes {
		if i > 0 {
			fmt.Fprintln(ios.Out)
		}
		if p.campaign {
			n, err := runCampaign(ios, opts, p.sc, color)
			if err != nil {
				return err
			}
			missed += n
			continue
		}
		tw := transcript.NewWidth(ios.Out, opts.lang, p.width)
		if color {
			tw.Paint = transcriptPaint()
		}
		writeTitle(ios.Out, tw, p.topo, opts.lang)
		rep, err := scenario.Run(p.sc, tw)
		if err != nil {
			return badInput(err) // the first pass ran the same world and passed
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if err := tw.Recap(rep.Topology.Recap, rep.Topology.Facts); err != nil {
			return err
		}
		fmt.Fprintln(ios.Out)
		fmt.Fprintln(ios.Out, resultLine(rep, opts.lang))
		missed += rep.Missed
	}
	if missed > 0 {
		return &exitError{code: ExitMiss}
	}
	return nil
}

// writePlain prints a scenario's title and its plain transcript: what `run`
// prints and what `play` prints when it cannot animate.
func writePlain(w io.Writer, topo *trace.Topology, events []trace.Event, lang i18n.Lang) error {
	return writeTranscript(w, transcript.New(w, lang, events), topo, events, lang)
}

// writeTranscript prints a scenario's title, then its transcript through tw.
func writeTranscript(w io.Writer, tw *transcript.Writer, topo *trace.Topology, events []trace.Event, lang i18n.Lang) error {
	writeTitle(w, tw, topo, lang)
	if err := tw.All(events); err != nil {
		return err
	}
	return tw.Recap(topo.Recap, topo.Facts)
}

// writeTitle prints a scenario's title, painted as tw paints.
func writeTitle(w io.Writer, tw *transcript.Writer, topo *trace.Topology, lang i18n.Lang) {
	title := titleLine(topo, lang)
	if tw.Paint != nil {
		title = tw.Paint(transcript.StepHead, title)
	}
	fmt.Fprintln(w, title)
}

func resultLine(rep *scenario.Report, lang i18n.Lang) string {
	met := rep.Checks - rep.Missed
	if lang == i18n.JA {
		if rep.OK() {
			return fmt.Sprintf("%s: 合格(確認項目%d件すべて一致)", rep.ID, rep.Checks)
		}
		return fmt.Sprintf("%s: 不合格(確認項目%d件中%d件が不一致)", rep.ID, rep.Checks, rep.Missed)
	}
	if rep.OK() {
		return fmt.Sprintf("%s: PASS (%d of %d expectations met)", rep.ID, met, rep.Checks)
	}
	return fmt.Sprintf("%s: FAIL (%d of %d expectations missed)", rep.ID, rep.Missed, rep.Checks)
}

// loadTrace loads a scenario by bundled id or path and runs it, returning
// its topology and full trace: the input of every view that keeps it whole
// (at most scenario.MaxKeptEvents events).
func loadTrace(arg string) (*trace.Topology, []trace.Event, error) {
	sc, err := scenario.Load(arg)
	if err != nil {
		return nil, nil, badInput(err)
	}
	rep, events, err := scenario.Record(sc)
	if err != nil {
		return nil, nil, badInput(err)
	}
	return &rep.Topology, events, nil
}

// completeScenarios offers bundled scenario ids for shell completion.
func completeScenarios(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	ids, _ := scenario.BundledIDs()
	return ids, cobra.ShellCompDirectiveDefault
}

// titleLine heads a scenario's plain transcript.
func titleLine(topo *trace.Topology, lang i18n.Lang) string {
	return transcript.Clean(fmt.Sprintf("== %s: %s ==", topo.ID, topo.Title.In(lang)))
}
