package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

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
		Short: "Explain a reply code, a command, a DNS answer or a TCP event, with its RFC",
		Long: `Explain what an SMTP or POP3 line means, in English or Japanese (--lang ja),
with the RFC section it comes from and, for errors, the usual cause and the fix.

A query is a reply code (554), an enhanced status code (5.7.1), a command
(RCPT, STAT, QUIT), a whole line copied from a transcript ("554 5.7.1 ...",
"RCPT TO:<bob@example.jp>"), a POP3 status (+OK; -ERR after "--", as in
'mailsim explain -- -ERR', since a leading dash reads as a flag), a DNS word (MX,
NXDOMAIN, "null MX", SPF), a TCP event (op25b, timeout, refused) or a port
(587). Quote a whole line so that the shell keeps it one query. --list
prints every key. With no query on a terminal, explain asks for one query
after another (Tab completes a key, Ctrl-D leaves); with no query and a
pipe for input, it answers each line of the input.`,
		Example: `  mailsim explain 554
  mailsim explain "554 5.7.1 <bob@example.jp>: Relay access denied"
  mailsim explain --lang ja op25b DELE
  mailsim explain --list
  grep -o '^[45][0-9][0-9] [0-9.]*' transcript.txt | mailsim explain`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.queries = args
			return runExplain(opts)
		},
		ValidArgsFunction: func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
			_, rest := prompt.Complete(explainWords(), typed)
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
	out := opts.ios.Out
	switch {
	case opts.list && len(opts.queries) > 0:
		return badInput(errors.New(msg(lang,
			"explain: give either --list or queries, not both",
			"explain: --list と検索語は同時に指定できません")))
	case opts.list:
		return printList(out, explain.All(), lang)
	case len(opts.queries) == 0 && opts.ios.InFile != nil:
		r, err := prompt.Terminal(opts.ios.InFile, out, prompt.Config{Prompt: "explain> ", Words: explainWords()})
		if err != nil {
			return err
		}
		defer r.Close()
		return explainShell(r, out, lang, termWidth(opts.ios))
	case len(opts.queries) == 0 && !opts.ios.InIsTerminal && opts.ios.In != nil:
		// Queries on standard input, one a line, each on its own:
		// `grep -o '^[245][0-9][0-9] [0-9.]*' log | mailsim explain`.
		var found []explain.Entry
		var missing []string
		r := prompt.Lines(opts.ios.In)
		for {
			line, err := r.ReadLine()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			if q := strings.TrimSpace(line); q != "" {
				opts.queries = append(opts.queries, q)
				f, m := resolve([]string{q})
				found, missing = append(found, f...), append(missing, m...)
			}
		}
		if len(opts.queries) > 0 {
			return printFound(out, found, missing, lang, termWidth(opts.ios))
		}
		fallthrough
	case len(opts.queries) == 0:
		return badInput(errors.New(msg(lang,
			"explain: say what to explain, such as 'mailsim explain 554', or list every key with 'mailsim explain --list'",
			"explain: 説明する対象を指定してください(例: mailsim explain 554)。一覧は mailsim explain --list で表示できます")))
	}
	found, missing := resolve(opts.queries)
	return printFound(out, found, missing, lang, termWidth(opts.ios))
}

// printFound prints each entry once, then fails with what matched nothing.
func printFound(out io.Writer, found []explain.Entry, missing []string, lang i18n.Lang, width int) error {
	seen := map[string]bool{}
	first := true
	for _, e := range found {
		if seen[e.Key] {
			continue
		}
		seen[e.Key] = true
		if !first {
			fmt.Fprintln(out)
		}
		first = false
		printEntry(out, e, lang, width)
	}
	if len(missing) > 0 {
		return badInput(errors.New(notFound(missing, lang)))
	}
	return nil
}

// explainShell answers one query per line until the input ends, "exit", or
// Ctrl-C on an empty line; "?" lists every key. QUIT and LIST are commands
// like any other, explained rather than obeyed. An unknown query is
// answered, not fatal.
func explainShell(r prompt.Reader, out io.Writer, lang i18n.Lang, width int) error {
	fmt.Fprintln(out, msg(lang,
		"Type a reply code (554), an enhanced code (5.7.1), a command (RCPT) or a line from a transcript. Tab completes, '?' shows every key, Ctrl-D or 'exit' leaves.",
		"応答コード(554)、拡張ステータスコード(5.7.1)、コマンド(RCPT)、または全記録の1行を入力してください。Tab で補完、? で一覧、Ctrl-D または exit で終了します。"))
	for {
		line, err := r.ReadLine()
		switch {
		case errors.Is(err, prompt.ErrInterrupt):
			if strings.TrimSpace(line) == "" {
				return nil
			}
			continue
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return err
		}
		q := strings.TrimSpace(line)
		switch strings.ToLower(q) {
		case "":
			continue
		case "exit": // not QUIT or LIST: those are commands to explain
			return nil
		case "?":
			if err := printList(out, explain.All(), lang); err != nil {
				return err
			}
			continue
		}
		found, missing := resolve([]string{q})
		for i, e := range found {
			if i > 0 {
				fmt.Fprintln(out)
			}
			printEntry(out, e, lang, width)
		}
		if len(missing) > 0 {
			fmt.Fprintln(out, notFound(missing, lang))
		}
		fmt.Fprintln(out)
	}
}

// explainWords are what tab completion offers: the words that find an
// entry and the prompt's own words.
func explainWords() []string { return append(explain.Words(), "exit") }

// resolve looks each query up on its own. When some match nothing, the
// queries are tried once more joined together, for a key the shell split
// apart (`mailsim explain SMTP RCPT`, `mailsim explain null MX`). The joined
// query wins only if it is a canonical key or finds an entry the separate
// queries did not: otherwise "QUIT xyzzy" would read as a command line and
// hide the unknown "xyzzy".
func resolve(queries []string) (found []explain.Entry, missing []string) {
	seen := map[string]bool{}
	for _, q := range queries {
		es := explain.Lookup(q)
		if len(es) == 0 {
			missing = append(missing, q)
		}
		for _, e := range es {
			seen[e.Key] = true
		}
		found = append(found, es...)
	}
	if len(missing) == 0 || len(queries) < 2 {
		return found, missing
	}
	joined := strings.Join(queries, " ")
	if e, ok := explain.Get(joined); ok {
		return []explain.Entry{e}, nil
	}
	es := explain.Lookup(joined)
	for _, e := range es {
		if !seen[e.Key] {
			return es, nil
		}
	}
	return found, missing
}

// printEntry writes one entry as plain text: the key and title, then the
// explanation and its parts indented by two spaces.
func printEntry(w io.Writer, e explain.Entry, lang i18n.Lang, width int) {
	fmt.Fprintf(w, "%s  %s\n", e.Key, e.Title.In(lang))
	writeWrapped(w, e.Text.In(lang), width)
	for _, part := range []struct {
		label i18n.Text
		text  i18n.Text
	}{
		{i18n.T("+OK: ", "+OK: "), e.OK},
		{i18n.T("-ERR: ", "-ERR: "), e.Err},
		{i18n.T("Cause: ", "原因: "), e.Cause},
		{i18n.T("Fix: ", "対処: "), e.Fix},
	} {
		if !part.text.IsZero() {
			writeWrapped(w, part.label.In(lang)+part.text.In(lang), width)
		}
	}
	fmt.Fprintf(w, "  %s%s\n", msg(lang, "Source: ", "出典: "), e.RFC)
}

// writeWrapped writes s indented by two spaces, wrapped to width columns
// when width is set (a terminal) and wide enough to be worth it.
func writeWrapped(w io.Writer, s string, width int) {
	if width < 20 {
		fmt.Fprintf(w, "  %s\n", s)
		return
	}
	for _, l := range player.WrapText(s, width-2) {
		fmt.Fprintf(w, "  %s\n", l)
	}
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

// printList writes every key and its title, one a line, the titles aligned.
func printList(w io.Writer, es []explain.Entry, lang i18n.Lang) error {
	width := 0
	for _, e := range es {
		width = max(width, len(e.Key))
	}
	for _, e := range es {
		if _, err := fmt.Fprintf(w, "%-*s  %s\n", width, e.Key, e.Title.In(lang)); err != nil {
			return err
		}
	}
	return nil
}

// notFound says what was searched and how to find the keys.
func notFound(missing []string, lang i18n.Lang) string {
	quoted := make([]string, len(missing))
	for i, m := range missing {
		quoted[i] = fmt.Sprintf("%q", m)
	}
	q := strings.Join(quoted, ", ")
	return msg(lang,
		"explain: nothing matches "+q+". Searched: SMTP reply codes (554) and enhanced status codes (5.7.1), SMTP and POP3 commands (RCPT, STAT), POP3 status (+OK, -ERR), DNS (MX, NXDOMAIN), TCP events (op25b, timeout) and ports (587). Run 'mailsim explain --list' to see every key.",
		"explain: "+q+" に一致する説明はありません。検索対象: SMTPの応答コード(554)と拡張ステータスコード(5.7.1)、SMTP・POP3のコマンド(RCPT、STAT)、POP3の応答(+OK、-ERR)、DNS(MX、NXDOMAIN)、TCPの事象(op25b、timeout)、ポート番号(587)。すべてのキーは mailsim explain --list で表示できます。")
}

func msg(lang i18n.Lang, en, ja string) string { return i18n.T(en, ja).In(lang) }
