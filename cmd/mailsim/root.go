package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/mailsim/mailsim/sim/i18n"
)

// Exit codes, as the README documents them.
const (
	ExitOK       = 0 // everything ran and every expectation was met
	ExitMiss     = 1 // a scenario's expectation was not met
	ExitBadInput = 2 // bad usage, or a scenario file that does not load
)

// IOStreams is where a command reads and writes. Tests swap in buffers and
// decide whether the output counts as a terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// InFile and OutFile are the real files behind In and Out when they are
	// terminals, for raw mode and window size; nil otherwise.
	InFile, OutFile *os.File
	// IsTerminal reports whether Out is a terminal that may receive escape codes.
	IsTerminal bool
	// ErrIsTerminal is the same for ErrOut, where progress goes.
	ErrIsTerminal bool
	// InIsTerminal reports whether In is a terminal (someone typing) rather
	// than a pipe or a file.
	InIsTerminal bool
	Getenv       func(string) string
}

// SystemStreams returns the process's standard streams.
func SystemStreams() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv,
		ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())), InIsTerminal: term.IsTerminal(int(os.Stdin.Fd()))}
	if term.IsTerminal(int(os.Stdout.Fd())) {
		s.IsTerminal = true
		s.OutFile = os.Stdout
		if term.IsTerminal(int(os.Stdin.Fd())) {
			s.InFile = os.Stdin
		}
	}
	return s
}

// exitError carries an exit code through cobra; its message, if any, has
// already been printed or is printed by Main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// badInput marks err as bad usage or bad input (exit 2).
func badInput(err error) error { return &exitError{code: ExitBadInput, err: err} }

// globalOptions are the flags every command shares.
type globalOptions struct {
	lang string
}

// language resolves --lang, falling back to the locale.
func (g *globalOptions) language(ios *IOStreams) (i18n.Lang, error) {
	if g.lang == "" {
		return i18n.FromEnv(ios.Getenv), nil
	}
	l, err := i18n.Parse(g.lang)
	if err != nil {
		return "", badInput(err)
	}
	return l, nil
}

func newRootCmd(ios *IOStreams) (*cobra.Command, *globalOptions) {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "mailsim",
		Short: "Watch e-mail move: SMTP, POP3 and DNS in a virtual internet",
		Long: `mailsim builds a small virtual internet (mail clients, submission and relay
servers, a DNS server, POP3 mailboxes, ISP routers) and replays scripted
scenarios on it, showing every protocol line: EHLO, MAIL FROM, RCPT TO, DATA,
USER, PASS, RETR and every reply code. Nothing it runs reaches the real internet.

Exit codes: 0 ok, 1 a scenario's expectation was not met, 2 bad usage or input.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.PersistentFlags().StringVar(&g.lang, "lang", "", "language of narration and explanations: en or ja (default from LC_ALL, LC_MESSAGES or LANG)")
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletions("en", "ja"))
	root.AddCommand(
		newListCmd(ios, g),
		newRunCmd(ios, g),
		newCheckCmd(ios, g),
		newPlayCmd(ios, g),
		newExplainCmd(ios, g),
		newLessonCmd(ios, g),
		newQuizCmd(ios, g),
		newServeCmd(ios, g),
		newShellCmd(ios, g),
		newExportCmd(ios, g),
		newBenchCmd(ios),
		newVersionCmd(ios),
	)
	strictCompletion(root, ios, g)
	// An error a command returns is its own to explain: only what cobra
	// itself rejects (unknown command, flag or argument count) gets the
	// usage hint in Main.
	for _, c := range root.Commands() {
		if run := c.RunE; run != nil {
			c.RunE = func(cmd *cobra.Command, args []string) error {
				err := run(cmd, args)
				var ee *exitError
				if err != nil && !errors.As(err, &ee) {
					return &exitError{code: ExitBadInput, err: err}
				}
				return err
			}
		}
	}
	localizeHelp(root, g, ios)
	return root, g
}

// Main runs mailsim with args and returns the process exit code.
func Main(args []string, ios *IOStreams) int {
	root, g := newRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	if g.lang == "" {
		g.lang = langArg(args) // cobra stopped before it parsed the flags
	}
	lang, lerr := g.language(ios)
	if lerr != nil {
		lang = i18n.EN
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(ios.ErrOut, "mailsim:", errorText(ee.err, lang))
		}
		return ee.code
	}
	// Errors from cobra itself are usage errors: unknown command or flag.
	fmt.Fprintln(ios.ErrOut, "mailsim:", errorText(err, lang))
	fmt.Fprintln(ios.ErrOut, msg(lang, "Run 'mailsim --help' for usage.", "使い方は「mailsim --help」で表示できます。"))
	return ExitBadInput
}

// fixedCompletions offers a flag's fixed set of values to shell completion.
func fixedCompletions(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// langArg finds --lang among args the way pflag would read it.
func langArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}
