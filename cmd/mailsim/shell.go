package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/internal/prompt"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/shell"
)

type shellOptions struct {
	scenario string
	as       string
	after    int
	color    string
}

func newShellCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	opts := &shellOptions{}
	cmd := &cobra.Command{
		Use:   "shell [id|file]",
		Short: "Type SMTP, POP3 and IMAP yourself, from a host inside a scenario's world",
		Long: `Shell seats you on a host of a scenario's world (default basic-delivery, and
its first host that runs no server; --as to choose). Connect to a server with
:connect HOST PORT and type the protocol yourself: EHLO, MAIL FROM:<...>,
RCPT TO:<...>, DATA, USER, PASS, RETR. Every reply is shown with a one-line
hint (:explain says more), and what you send really goes through the world:
OP25B, relay, DNS, mailboxes. :help lists the meta commands.

With standard input not a terminal, it reads the same lines from it, so a
session can be scripted.`,
		Example: `  mailsim shell
  mailsim shell op25b --as bot-pc
  printf ':connect mail.isp.example 587\nEHLO me\nQUIT\n' | mailsim shell`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			opts.scenario = "basic-delivery"
			if len(args) == 1 {
				opts.scenario = args[0]
			}
			color, err := wantColor(ios, opts.color)
			if err != nil {
				return err
			}
			sc, err := scenario.Load(opts.scenario)
			if err != nil {
				return badInput(err)
			}
			sopts := shell.Options{As: opts.as, After: opts.after, Lang: lang, Out: ios.Out, Echo: ios.InFile == nil}
			if color {
				sopts.Paint = transcriptPaint()
			}
			sh, err := shell.New(sc, sopts)
			if err != nil {
				return badInput(err)
			}
			return runShell(ios, sh)
		},
	}
	cmd.Flags().StringVar(&opts.as, "as", "", "the host you sit at (default: the first host that runs no server)")
	cmd.Flags().IntVar(&opts.after, "after", 0, "play the scenario's first N steps first")
	cmd.Flags().StringVar(&opts.color, "color", "auto", colorFlagUsage)
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletions("auto", "always", "never"))
	return cmd
}

// runShell feeds the shell lines from the terminal, or from the pipe.
func runShell(ios *IOStreams, sh *shell.Shell) error {
	var r prompt.Reader
	if ios.InFile != nil {
		t, err := prompt.Terminal(ios.InFile, ios.Out, prompt.Config{Prompt: sh.Prompt(), WordsFunc: sh.Words, HistoryFile: historyFile()})
		if err != nil {
			return err
		}
		r = t
	} else {
		r = prompt.Lines(ios.In)
	}
	defer r.Close()
	sh.Welcome()
	for !sh.Done() {
		prompt.SetPrompt(r, sh.Prompt())
		line, err := r.ReadLine()
		switch {
		case errors.Is(err, prompt.ErrInterrupt):
			continue
		case errors.Is(err, io.EOF):
			sh.Close()
			return nil
		case err != nil:
			return err
		}
		sh.Exec(line)
	}
	return nil
}

// historyFile is where the shell keeps what was typed, under the user's
// configuration directory; "" (no history kept) when there is none.
func historyFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	dir = filepath.Join(dir, "mailsim")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	return filepath.Join(dir, "shell_history")
}
