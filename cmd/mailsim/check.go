package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/scenario"
)

func newCheckCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "check <file>...",
		Short: "Validate scenario files without running them",
		Long: `Check loads each scenario file and reports every problem at file:line:column:
unknown keys, wrong types, hosts that are not defined, duplicate addresses,
steps that connect to a port where nothing listens. Exit status 2 if any file
has a problem.`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			bad := 0
			for _, a := range args {
				sc, err := scenario.Load(a)
				if err != nil {
					fmt.Fprintln(ios.ErrOut, err)
					bad++
					continue
				}
				fmt.Fprintf(ios.Out, "%s: ok (%s, %d steps)\n", sc.File, sc.ID, len(sc.Steps))
			}
			if bad > 0 {
				return badInput(errors.New(plural(bad, "file has problems", "files have problems")))
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
