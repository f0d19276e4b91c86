package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/export"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
)

// exportOptions are the inputs of `mailsim export`.
type exportOptions struct {
	arg    string
	format string
	out    string
	lang   i18n.Lang
}

func newExportCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	opts := &exportOptions{}
	var formats strings.Builder
	for _, f := range export.Formats {
		fmt.Fprintf(&formats, "  %-9s %s\n", f.Name, f.Short)
	}
	cmd := &cobra.Command{
		Use:   "export <id|file> --format " + strings.Join(export.Names(), "|") + " [-o FILE]",
		Short: "Write a scenario's run as a capture, JSON, a diagram, a handout, a web page or a recording",
		Long: `Export runs a scenario headless and writes what happened in another form,
for Wireshark, slides, handouts or a course page. Every format is built
from the run's trace alone and is the same, byte for byte, on every run.

Formats:
` + formats.String() + `
--lang chooses the language of step comments, narration and explanations
(json and html carry both languages). Without -o the export goes to
standard output; a pcap or a cast is not written to a terminal.`,
		Example: `  mailsim export op25b --format pcap -o op25b.pcapng && wireshark op25b.pcapng
  mailsim export basic-delivery --format mermaid > basic-delivery.mmd
  mailsim export bounce --format markdown --lang ja -o bounce.md
  mailsim export my-lesson.yaml --format html -o lesson.html
  mailsim export op25b --format cast -o op25b.cast && asciinema play op25b.cast`,
		Args:              scenarioArgs(ios, g, cobra.ExactArgs(1)),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			opts.arg, opts.lang = args[0], lang
			return runExport(ios, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", "what to write: "+strings.Join(export.Names(), ", "))
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "write to `FILE` instead of standard output")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions(export.Names()...))
	return cmd
}

func runExport(ios *IOStreams, opts *exportOptions) error {
	if opts.format == "" {
		return badInput(fmt.Errorf("export: say which format with --format (%s)", strings.Join(export.Names(), ", ")))
	}
	f, ok := export.Lookup(opts.format)
	if !ok {
		return badInput(fmt.Errorf("export: unknown format %q; use one of %s", opts.format, strings.Join(export.Names(), ", ")))
	}
	if opts.out == "" && ios.IsTerminal {
		switch f.Name {
		case "pcap":
			return badInput(errors.New("export: a pcap is binary and is not written to a terminal; use -o FILE or redirect the output"))
		case "cast":
			return badInput(errors.New("export: a cast is a recording for asciinema, not for the terminal; use -o FILE, then 'asciinema play FILE'"))
		}
	}
	in, err := exportInput(opts.arg, opts.lang)
	if err != nil {
		return err
	}
	// Render fully before touching the output, so that a failure leaves no
	// half-written file behind.
	var buf bytes.Buffer
	if err := f.Write(&buf, in); err != nil {
		return fmt.Errorf("export %s: %w", f.Name, err)
	}
	if opts.out == "" || opts.out == "-" {
		_, err := ios.Out.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(opts.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportInput loads and runs a scenario and returns what exports read.
func exportInput(arg string, lang i18n.Lang) (*export.Input, error) {
	sc, err := scenario.Load(arg)
	if err != nil {
		return nil, badInput(err)
	}
	rep, events, err := scenario.Record(sc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sc.File, err)
	}
	start := sc.Start
	if start.IsZero() {
		start = sim.DefaultStart
	}
	return &export.Input{Topology: &rep.Topology, Events: events, Start: start, Lang: lang}, nil
}
