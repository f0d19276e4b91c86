package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder until the command is built.
func newPlayCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "play", Hidden: true, RunE: func(*cobra.Command, []string) error { return badInput(errors.New("play: not built yet")) }}
}
