package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
)

// scenarioArgs is the argument check of a command that takes scenarios
// (play, check, export, serve): given none, the command says what it
// needs and lists the bundled scenarios to pick from (exit 2), where cobra
// would only say "accepts 1 arg(s), received 0". Otherwise n decides.
func scenarioArgs(ios *IOStreams, g *globalOptions, n cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return n(cmd, args)
		}
		lang, err := g.language(ios)
		if err != nil {
			lang = i18n.EN
		}
		return noScenario(cmd.Name(), lang, false)
	}
}

// noScenario is the error of a command called without a scenario: what to
// give, the bundled scenarios one a line, and an example. all says the
// command also takes --all (run).
func noScenario(command string, lang i18n.Lang, all bool) error {
	var b strings.Builder
	if all {
		b.WriteString(msg(lang,
			command+": name a bundled scenario or the path of a .yaml file, or use --all. Bundled scenarios:",
			command+": 同梱のシナリオ名か.yamlファイルのパスを指定するか、--allを付けてください。同梱のシナリオ:"))
	} else {
		b.WriteString(msg(lang,
			command+": name a bundled scenario or the path of a .yaml file. Bundled scenarios:",
			command+": 同梱のシナリオ名か.yamlファイルのパスを指定してください。同梱のシナリオ:"))
	}
	b.WriteByte('\n')
	first := "basic-delivery"
	if all, err := scenario.Bundled(); err == nil && len(all) > 0 {
		first = all[0].ID
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, sc := range all {
			fmt.Fprintf(tw, "  %s\t%s\n", sc.ID, sc.Title.In(lang))
		}
		_ = tw.Flush()
	}
	b.WriteString(msg(lang, "For example: mailsim "+command+" "+first, "例: mailsim "+command+" "+first))
	return badInput(errors.New(b.String()))
}
