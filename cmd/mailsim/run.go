package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is built.
func newRunCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "run", Hidden: true, RunE: func(*cobra.Command, []string) error { return badInput(errors.New("run: not built yet")) }}
}
