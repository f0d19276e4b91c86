package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// completionShells are the shells cobra writes completion scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// strictCompletion makes cobra's `completion` command refuse a shell it
// has no script for: left alone, `mailsim completion tcsh` prints the help
// and exits 0, so a setup script would install nothing and not notice.
// With no shell it still prints the help.
func strictCompletion(root *cobra.Command, ios *IOStreams, g *globalOptions) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			n := len(completionShells)
			en := strings.Join(completionShells[:n-1], ", ") + " and " + completionShells[n-1]
			ja := strings.Join(completionShells, "、")
			return badInput(errors.New(msg(lang,
				fmt.Sprintf("completion: no completion script for %q; mailsim writes one for %s: for example 'mailsim completion bash'", args[0], en),
				fmt.Sprintf("「mailsim completion」: %qの補完スクリプトはありません。書き出せるのは%sの補完スクリプトです。例: 「mailsim completion bash」", args[0], ja))))
		}
	}
}
