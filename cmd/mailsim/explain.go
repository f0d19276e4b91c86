package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is built.
func newExplainCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "explain", Hidden: true, RunE: func(*cobra.Command, []string) error { return badInput(errors.New("explain: not built yet")) }}
}
