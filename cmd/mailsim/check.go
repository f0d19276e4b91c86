package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/transcript"
)

func newCheckCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "check <file>...",
		Short: "Validate scenario files without running them",
		Long: `Check loads each scenario file and reports every problem at file:line:column:
unknown keys, wrong types, hosts that are not defined, duplicate addresses,
steps that connect to a port where nothing listens. A file that loads is
then played once without output, so that whatever check accepts, run runs.
Exit status 2 if any file has a problem.`,
		Args:              scenarioArgs(ios, g, cobra.MinimumNArgs(1)),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			bad := 0
			for _, a := range args {
				sc, err := scenario.Load(a)
				if err == nil {
					err = scenario.Check(sc)
				}
				if err != nil {
					fmt.Fprintln(ios.ErrOut, errorText(err, lang))
					bad++
					continue
				}
				fmt.Fprintln(ios.Out, transcript.Clean(msg(lang,
					fmt.Sprintf("%s: ok (%s, %s)", sc.File, sc.ID, plural(len(sc.Steps), "step", "steps")),
					fmt.Sprintf("%s: OK (%s、%dステップ)", sc.File, sc.ID, len(sc.Steps)))))
			}
			if bad > 0 {
				return badInput(errors.New(msg(lang,
					plural(bad, "file has problems", "files have problems"),
					fmt.Sprintf("%d件のファイルに問題があります", bad))))
			}
			return nil
		},
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
