// Package shell is mailsim's interactive client: the learner sits on a
// host of a scenario's world and types SMTP, POP3 and IMAP lines to its servers
// by hand, with meta commands (":connect", ":dig", ":mailbox", ":wait",
// ...) to look around. Typed lines travel over the same virtual
// connections and reach the same server handlers as the simulated
// clients' (World.Dial), so the mail the learner sends is relayed, looked
// up and delivered as in any scenario, and the replies are explained as
// the player explains them (sim/explain).
//
// The Shell is line-in, text-out: it reads nothing itself, so the command
// feeds it from a terminal prompt or from a pipe alike.
package shell

import (
	"fmt"
	"io"
	"strings"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// Options configure a Shell.
type Options struct {
	// As is the name of the host the learner sits on; "" picks the first
	// host that runs no server.
	As string
	// After plays the scenario's first After steps before the shell opens.
	After int
	Lang  i18n.Lang
	Out   io.Writer
	// Paint colours output by class, as the transcript does; nil: plain.
	Paint func(transcript.Class, string) string
	// Echo prints each line read after the prompt: for input that is not
	// a terminal, so that the output reads as a session.
	Echo bool
}

// Shell is one interactive session in a world.
type Shell struct {
	w     *sim.World
	sc    *scenario.Scenario
	opts  Options
	as    *sim.Host
	tw    *transcript.Writer
	rec   trace.Recorder // everything that happened, for :trace
	conn  *lineClient    // the open connection, if any
	last  []explain.Entry
	quit  bool
	ready bool // the welcome was printed: events from here are shown
}

// New builds the scenario's world, plays its first opts.After steps, and
// seats the learner on opts.As.
func New(sc *scenario.Scenario, opts Options) (*Shell, error) {
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	sh := &Shell{sc: sc, opts: opts}
	w, err := sc.Prepare(sh, opts.After)
	if err != nil {
		return nil, err
	}
	sh.w = w
	if opts.As != "" {
		if sh.as = w.Host(opts.As); sh.as == nil {
			msg := fmt.Sprintf("--as %q: no such host in %s", opts.As, sc.ID)
			if c := suggest.Closest(opts.As, sh.hostNames()); c != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", c)
			}
			return nil, fmt.Errorf("%s; hosts: %s", msg, strings.Join(sh.hostNames(), ", "))
		}
	} else {
		for _, h := range w.Hosts() {
			if len(h.SMTP) == 0 && len(h.POP3) == 0 && len(h.IMAP) == 0 {
				sh.as = h
				break
			}
		}
		if sh.as == nil {
			sh.as = w.Hosts()[0]
		}
	}
	topo := w.Topology()
	sizing := make([]trace.Event, 0, len(topo.Hosts))
	for _, h := range topo.Hosts {
		ep := trace.Endpoint{Host: h.Name, Port: 65535}
		sizing = append(sizing, trace.Event{Kind: trace.Line, Src: ep, Dst: ep})
	}
	sh.tw = transcript.New(opts.Out, opts.Lang, sizing)
	sh.tw.Paint = opts.Paint
	return sh, nil
}

// World is the shell's world.
func (sh *Shell) World() *sim.World { return sh.w }

// Done reports whether the learner asked to quit.
func (sh *Shell) Done() bool { return sh.quit }

// Welcome prints what the learner needs first: where they sit, and how
// to get help.
func (sh *Shell) Welcome() {
	sh.ready = true
	fmt.Fprintln(sh.opts.Out, transcript.Clean(fmt.Sprintf("== %s: %s ==", sh.sc.ID, sh.sc.Title.In(sh.opts.Lang))))
	sh.say(msgWelcome, sh.as.Name, sh.as.IP.String())
}

// Prompt is the prompt for the next line: the host, and the connection
// when one is open.
func (sh *Shell) Prompt() string {
	if sh.conn != nil && sh.conn.open() {
		_, srv := sh.conn.c.Endpoints()
		return sh.as.Name + " -> " + srv.Host + ":" + itoa(int(srv.Port)) + "> "
	}
	return sh.as.Name + "> "
}

// Words are what tab completion offers now: the meta commands, the host
// names, and on an open connection the verbs valid in the server's
// session state, as its last reply stated it.
func (sh *Shell) Words() []string {
	var ws []string
	for _, m := range metas {
		ws = append(ws, m.name)
	}
	ws = append(ws, sh.hostNames()...)
	if sh.conn != nil && sh.conn.open() {
		ws = append(ws, validVerbs(sh.conn.c.Proto(), sh.conn.state)...)
	}
	return ws
}

// Exec runs one line: a meta command (":...") or a protocol line for the
// open connection.
func (sh *Shell) Exec(line string) {
	if sh.opts.Echo {
		fmt.Fprintln(sh.opts.Out, sh.paint(transcript.Command, sh.Prompt()+line))
	}
	defer sh.tw.Flush()
	if strings.HasPrefix(strings.TrimSpace(line), ":") {
		sh.meta(strings.Fields(strings.TrimSpace(line)))
		return
	}
	if sh.conn == nil || !sh.conn.open() {
		if strings.TrimSpace(line) != "" {
			sh.say(msgNotConnected)
		}
		return
	}
	sh.conn.send(line)
}

// Close hangs up an open connection and lets the world finish what it
// was doing.
func (sh *Shell) Close() {
	sh.hangup()
	sh.tw.Flush()
}

// Emit receives the world's events: every one is kept for :trace; from
// the moment the shell opens, each is shown as the transcript shows it,
// and a server's reply on the learner's connection gets a one-line hint.
func (sh *Shell) Emit(e *trace.Event) {
	sh.rec.Emit(e)
	if !sh.ready {
		return
	}
	sh.tw.Event(e)
	if sh.conn != nil && sh.conn.c != nil && e.Conn == sh.conn.c.ID() && e.Kind == trace.Line {
		sh.conn.observe(e)
	}
}

// hint prints the one-line meaning of a reply and keeps the entries for
// :explain.
func (sh *Shell) hint(es []explain.Entry) {
	sh.last = es
	if len(es) == 0 {
		return
	}
	sh.tw.Flush()
	// An SMTP reply's hint is its code's entry ("530: Authentication
	// required"), which says more to a learner than the enhanced code's.
	h := es[0].Title.In(sh.opts.Lang)
	for _, e := range es {
		if len(e.Key) == 3 && e.Key[0] >= '2' && e.Key[0] <= '5' {
			h = e.Title.In(sh.opts.Lang)
			break
		}
	}
	// For POP3 the command's own entry says what this status means for it.
	if n := len(es); n > 1 {
		if t := es[n-1].OK; !t.IsZero() && es[0].Key == "+OK" {
			h = t.In(sh.opts.Lang)
		} else if t := es[n-1].Err; !t.IsZero() && es[0].Key == "-ERR" {
			h = t.In(sh.opts.Lang)
		}
	}
	fmt.Fprintln(sh.opts.Out, sh.paint(transcript.Narration, "    ^ "+transcript.Clean(firstSentence(h))+"  (:explain)"))
}

// say prints one of the shell's own messages.
func (sh *Shell) say(t *i18n.Template, args ...string) {
	sh.tw.Flush()
	fmt.Fprintln(sh.opts.Out, transcript.Clean(i18n.M(t, args...).In(sh.opts.Lang)))
}

func (sh *Shell) paint(c transcript.Class, s string) string {
	if sh.opts.Paint == nil {
		return s
	}
	return sh.opts.Paint(c, s)
}

func (sh *Shell) hostNames() []string {
	var ns []string
	for _, h := range sh.w.Hosts() {
		ns = append(ns, h.Name)
	}
	return ns
}

// firstSentence cuts a hint to its first sentence, to keep it one line.
func firstSentence(s string) string {
	for _, end := range []string{". ", "。"} {
		if i := strings.Index(s, end); i >= 0 {
			return s[:i+len(end)-1]
		}
	}
	return s
}

func itoa(n int) string { return fmt.Sprint(n) }
