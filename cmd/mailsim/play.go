package main

import (
	"errors"
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/player"
	"github.com/mailsim/mailsim/sim/trace"
)

// playOptions are the flags of `mailsim play`.
type playOptions struct {
	auto, step, plain, big, noAnim, ascii bool
	predict                               bool
	speed                                 float64
	stepSet                               bool // --step was given explicitly
}

func newPlayCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	o := &playOptions{speed: 1}
	cmd := &cobra.Command{
		Use:   "play <id|file>",
		Short: "Animate a scenario: watch every protocol line travel between the hosts",
		Long: `Play animates a scenario in the terminal. The strip at the top shows the two
hosts of the current exchange, the networks they sit on, the ports in use and
any router on the path (OP25B drawn as a barrier); each SMTP, POP3 and DNS
line travels along it as an envelope and then lands in the dialogue below.

Before the first step a title screen shows the goal, the cast (which host
is MUA, MSA, MTA, MX, MDA, DNS server and router) and the settings that
matter (MX records, open relays, SMTP-AUTH, TLS, OP25B/IP25B). Above the
strip a path row shows the step's route with the current hop in brackets,
and each new hop is named in the dialogue ("relay: mail.isp.example →
mx1.example.jp, port 25"). The recap follows the last step.

Keys (? shows them all on screen):
  Enter, Space, →   next line             ←, b   back (instant)
  g                 go to step N           e      explain the current line
  ↑ ↓ PgUp PgDn     scroll the dialogue back without moving playback
  Home, End         oldest line; End (or any playback key) back to the newest
  s                 session state, DNS questions and answers
  t                 the transcript so far (↑/↓/Home/End scroll it)
  p                 play / pause           + -    speed
  Esc, q            close a pane or the key list; q quits from the main view
  Ctrl-C            quit                   Ctrl-Z suspend (fg resumes)

NO_COLOR=1 keeps the animation and drops the colours. When the output is not
a terminal, TERM=dumb or --plain is given, or the input is not a terminal
without --auto (nobody could press a key), play prints the same plain
transcript as 'mailsim run' (without its result line), with no escape codes.
Play is a viewer: it exits 0 unless the scenario cannot be loaded (2).

With --predict, play stops before each server reply to a command (an SMTP
reply code, a POP3 +OK or -ERR) and asks what comes back: type the code
(250), its class (5xx or 5), +OK or -ERR. Then it shows the reply and keeps
a score, shown at the end. On a terminal the question opens in the player;
with a pipe for input, play prints the question and reads one answer a
line, so a lesson can be scripted.`,
		Example: `  mailsim play op25b
  mailsim play op25b --lang ja --auto --speed 2
  mailsim play my-lesson.yaml --big
  mailsim play submission-auth --predict
  printf '530\n2xx\n' | mailsim play submission-auth --predict`,
		Args:              scenarioArgs(ios, g, cobra.ExactArgs(1)),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.stepSet = cmd.Flags().Changed("step")
			return runPlay(ios, g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.auto, "auto", false, "play by itself at --speed (p pauses and resumes)")
	f.BoolVar(&o.step, "step", true, "wait for a key before each line (the default on a terminal; --step=false plays by itself, like --auto)")
	f.Float64Var(&o.speed, "speed", 1, "playback speed from 0.25 to 10 (+ and - change it while playing)")
	f.BoolVar(&o.plain, "plain", false, "print the plain transcript, as 'mailsim run' does")
	f.BoolVar(&o.big, "big", false, "projector layout: anchored at the top, hosts in boxes, double spacing, one exchange per screen")
	f.BoolVar(&o.noAnim, "no-anim", false, "show each line at once, without the envelope's flight")
	f.BoolVar(&o.ascii, "ascii", false, "draw with ASCII characters only")
	f.BoolVar(&o.predict, "predict", false, "ask what each server reply will be before showing it, and keep a score")
	return cmd
}

func runPlay(ios *IOStreams, g *globalOptions, o *playOptions, arg string) error {
	lang, err := g.language(ios)
	if err != nil {
		return err
	}
	if o.auto && o.stepSet && o.step {
		return badInput(errors.New("play: --auto and --step exclude each other"))
	}
	if o.predict && (o.auto || o.stepSet && !o.step) {
		return badInput(errors.New("play: --predict waits for your answers: leave out --auto and --step=false"))
	}
	if o.stepSet && !o.step {
		o.auto = true // --step=false: nobody presses keys between lines
	}
	if math.IsNaN(o.speed) || o.speed < 0.25 || o.speed > 10 {
		return badInput(fmt.Errorf("play: --speed %g is out of range: use 0.25 to 10", o.speed))
	}
	topo, events, err := loadTrace(arg)
	if err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return badInput(err)
	}
	if o.predict && (o.plain || ios.InFile == nil) {
		// Answers from a pipe, one a line: the plain transcript with questions.
		if _, err := fmt.Fprintln(ios.Out, titleLine(topo, lang)); err != nil {
			return err
		}
		_, err := player.PredictPlain(ios.In, ios.Out, topo, events, lang)
		return err
	}
	if plainPlay(ios, o) {
		return writePlain(ios.Out, topo, events, lang)
	}
	colour, _ := wantColor(ios, "auto") // NO_COLOR: the same animation without colour
	p := player.New(topo, events, player.Config{
		Lang:      lang,
		Color:     colour,
		ASCII:     o.ascii,
		Big:       o.big,
		Auto:      o.auto,
		Speed:     int(math.Round(o.speed * 100)),
		NoAnim:    o.noAnim,
		ExitAtEnd: ios.InFile == nil, // auto play with nobody at the keyboard
		Explain:   explainEvent,
		Predict:   o.predict,
	})
	return player.RunTerminal(ios.InFile, ios.OutFile, p)
}

// plainPlay decides that play cannot animate: the output is not a terminal
// or a dumb one, --plain was given, or nobody can press keys for step mode.
// NO_COLOR (https://no-color.org) asks for no colour, not for no animation:
// it is handled by the player's Color setting.
func plainPlay(ios *IOStreams, o *playOptions) bool {
	getenv := ios.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	return o.plain || !ios.IsTerminal || getenv("TERM") == "dumb" || ios.OutFile == nil || ios.InFile == nil && !o.auto
}

// explainEvent feeds the player's explain pane from sim/explain's ForView,
// the function `mailsim explain` uses for a pasted transcript line. For a
// POP3 status line it adds what +OK or -ERR means for the command it answers
// (RFC 1939 gives both for every command).
func explainEvent(e *trace.Event, cmd string) []player.Explanation {
	entries := explain.ForView(e, cmd)
	out := make([]player.Explanation, 0, len(entries))
	for _, en := range entries {
		x := player.Explanation{Key: en.Key, Title: en.Title, Text: en.Text, Cause: en.Cause, Fix: en.Fix, Servers: en.Servers, RFC: en.Source()}
		if e.Proto == trace.POP3 && e.Dir == trace.ServerToClient {
			x.Outcome = en.Outcome(e.Tag.Status)
		}
		out = append(out, x)
	}
	return out
}
