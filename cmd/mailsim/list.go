package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is built.
func newListCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "list", Hidden: true, RunE: func(*cobra.Command, []string) error { return badInput(errors.New("list: not built yet")) }}
}
