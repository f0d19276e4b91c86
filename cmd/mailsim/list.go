package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/scenario"
)

func newListCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the bundled scenarios",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			all, err := scenario.Bundled()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(ios.Out, 0, 0, 2, ' ', 0)
			for _, sc := range all {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", sc.ID, strings.Join(sc.Exams, ","), sc.Title.In(lang))
			}
			return tw.Flush()
		},
	}
}
