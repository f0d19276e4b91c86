package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is built.
func newCheckCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "check", Hidden: true, RunE: func(*cobra.Command, []string) error { return badInput(errors.New("check: not built yet")) }}
}
