package main

import (
	"errors"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/mailsim/mailsim/internal/prompt"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/player"
)

// explainOptions are the inputs of `mailsim explain`.
type explainOptions struct {
	ios     *IOStreams
	g       *globalOptions
	list    bool
	queries []string
}

func newExplainCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	opts := &explainOptions{ios: ios, g: g}
	cmd := &cobra.Command{
		Use:   "explain <query>...",
		Short: "Explain a reply code, a command, a transcript line or an exam term, with its RFC",
		Long: `Explain what an SMTP or POP3 line or a mail term means, in English or
Japanese (--lang ja), with the RFC section it comes from and, for errors, the
usual cause and the fix.

A query is a reply code (554), an enhanced status code (5.7.1), a command
(RCPT, STAT, QUIT), a protocol line ("554 5.7.1 ...", "RCPT TO:<bob@example.jp>"),
a whole line pasted from 'mailsim run' (time and hosts included), a POP3
status (+OK; -ERR after "--", as in 'mailsim explain -- -ERR', since a
leading dash reads as a flag), a DNS word (MX, NXDOMAIN, "null MX", SPF), a
TCP event (timeout, refused), a port (587) or an exam term in English or
Japanese (open relay, 第三者中継, OP25B, SMTP-AUTH, エンベロープFrom, MUA,
プリファレンス値). Case and full-width letters do not matter, and a near miss
gets a "did you mean". Base64 in an AUTH line, or alone, is decoded. Quote
a whole line so that the shell keeps it one query. --list prints every key.
With no query on a terminal, explain asks for one query after another (Tab
completes a key, Ctrl-D leaves); with no query and a pipe for input, it
answers each line of the input.`,
		Example: `  mailsim explain 554
  mailsim explain "554 5.7.1 <bob@example.jp>: Relay access denied"
  mailsim explain --lang ja op25b DELE
  mailsim explain 第三者中継 SMTP-AUTH "POP before SMTP"
  mailsim explain 554 null MX
  mailsim explain '00:00:00.040  alice-pc:49152 <- mail.isp.example:587      SMTP 250-mail.isp.example'
  mailsim explain "AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=" YWxpY2U=
  mailsim explain --list
  mailsim run open-relay | grep ' SMTP 5' | mailsim explain`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.queries = args
			return runExplain(opts)
		},
		ValidArgsFunction: func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
			_, rest := prompt.Complete(explain.ShellWords(), typed)
			out := make([]string, len(rest))
			for i, r := range rest {
				out[i] = typed + r
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
	}
	cmd.Flags().BoolVar(&opts.list, "list", false, "print every key with its title, one a line")
	return cmd
}

func runExplain(opts *explainOptions) error {
	lang, err := opts.g.language(opts.ios)
	if err != nil {
		return err
	}
	p := &explain.Printer{W: opts.ios.Out, Lang: lang, Width: termWidth(opts.ios), Wrap: player.WrapText}
	switch {
	case opts.list && len(opts.queries) > 0:
		return badInput(errors.New(msg(lang,
			"explain: give either --list or queries, not both",
			"explain: --listと検索語は同時に指定できません")))
	case opts.list:
		return p.List(explain.All())
	case len(opts.queries) > 0:
		return printResult(p, explain.Resolve(opts.queries))
	case opts.ios.InFile != nil:
		r, err := prompt.Terminal(opts.ios.InFile, p.W, prompt.Config{Prompt: "explain> ", Words: explain.ShellWords()})
		if err != nil {
			return err
		}
		defer r.Close()
		return p.Shell(r)
	case !opts.ios.InIsTerminal && opts.ios.In != nil:
		// Queries on standard input, one a line, each on its own:
		// `grep -o '^[245][0-9][0-9] [0-9.]*' log | mailsim explain`.
		qs, err := explain.ReadQueries(prompt.Lines(opts.ios.In))
		if err != nil {
			return err
		}
		if len(qs) > 0 {
			return printResult(p, explain.ResolveEach(qs))
		}
	}
	return badInput(errors.New(msg(lang,
		"explain: say what to explain, such as 'mailsim explain 554', or list every key with 'mailsim explain --list'",
		"explain: 説明する対象を指定してください(例: 「mailsim explain 554」)。一覧は「mailsim explain --list」で表示できます")))
}

// printResult prints what was found, then fails with what matched nothing.
func printResult(p *explain.Printer, res explain.Result) error {
	p.Entries(res.Entries)
	if len(res.Missing) > 0 {
		return badInput(errors.New(explain.NotFound(res, p.Lang)))
	}
	return nil
}

// termWidth is the width of the output when it is a terminal, else 0.
func termWidth(ios *IOStreams) int {
	if !ios.IsTerminal || ios.OutFile == nil {
		return 0
	}
	w, _, err := term.GetSize(int(ios.OutFile.Fd()))
	if err != nil {
		return 0
	}
	return w
}

func msg(lang i18n.Lang, en, ja string) string { return i18n.T(en, ja).In(lang) }
