package main

import (
	"context"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/serve"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

type serveOptions struct {
	scenario string
	offset   int
	listen   string
	as       string
	after    int
	idle     time.Duration
	maxConns int
	color    string
	lang     i18n.Lang
}

func newServeCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve <id|file>",
		Short: "Expose a scenario's virtual servers to real mail clients on loopback",
		Long: `Serve opens a real TCP listener on loopback for every SMTP, POP3 and IMAP port of
the scenario's world. Host i of the scenario gets the address 127.0.0.(i+2),
and each port is the virtual port plus --offset (587 becomes 10587). Real
clients (telnet, nc, curl, swaks, Python's smtplib, poplib and imaplib, a mail program)
then talk to the very servers the scenarios use, as the host --as: OP25B,
relay policy and SMTP AUTH apply as to that host. Every session is logged,
with what the world then does with the mail: DNS, relay, delivery, bounces.

The world is sealed: accepted mail is delivered only inside it, and nothing
ever connects to a real address. TLS is real where the scenario offers it:
STARTTLS, STLS, and implicit TLS on ports 465, 993 and 995 (with --offset 10000 these
are 10465, 10993 and 10995; connect with smtps://, imaps:// or pop3s://). The
certificates come from the world's own CA, so tell the client not to verify them
(curl -k). Ctrl-C stops and
says how many sessions were served.`,
		Example: `  mailsim serve basic-delivery
  curl smtp://127.0.0.3:10587 --user alice:wonderland --mail-from alice@isp.example \
       --mail-rcpt bob@example.jp --upload-file msg.txt
  curl pop3://127.0.0.5:10110/1 --user bob:hunter2
  mailsim serve eavesdropping --after 3   # IMAPS on 993 (real port 10993)
  curl -k 'imaps://127.0.0.3:10993/INBOX;UID=1' --user alice:looking-glass
  mailsim serve open-relay --after 4     # after the relay was closed`,
		Args:              scenarioArgs(ios, g, cobra.ExactArgs(1)),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language(ios)
			if err != nil {
				return err
			}
			opts.scenario, opts.lang = args[0], lang
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, ios, opts, nil)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.offset, "offset", serve.DefaultOffset, "added to every virtual port to make the real one (0: the real ports, where allowed)")
	f.StringVar(&opts.listen, "listen", "", "listen on this one address instead of 127.0.0.2, 127.0.0.3, ... (hosts sharing a port then clash)")
	f.StringVar(&opts.as, "as", "", "the host real clients connect from (default: the first host that runs no server)")
	f.IntVar(&opts.after, "after", 0, "play the scenario's first N steps before serving")
	f.DurationVar(&opts.idle, "idle-timeout", serve.DefaultIdleTimeout, "close a connection that sends nothing for this long")
	f.IntVar(&opts.maxConns, "max-conns", serve.DefaultMaxConns, "connections open at once; more are answered 421 (SMTP), -ERR (POP3) or BYE (IMAP)")
	f.StringVar(&opts.color, "color", "auto", colorFlagUsage)
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletions("auto", "always", "never"))
	return cmd
}

// runServe serves until ctx is done. ready, when set, gets the server once
// it listens (tests use it to find the addresses).
func runServe(ctx context.Context, ios *IOStreams, opts *serveOptions, ready func(*serve.Server)) error {
	color, err := wantColor(ios, opts.color)
	if err != nil {
		return err
	}
	sc, err := scenario.Load(opts.scenario)
	if err != nil {
		return badInput(err)
	}
	log := &serveLog{out: ios.Out}
	w, err := sc.Prepare(log, opts.after)
	if err != nil {
		return badInput(err)
	}
	sopts := serve.Options{Offset: opts.offset, IdleTimeout: opts.idle, MaxConns: opts.maxConns, Log: log, Lang: opts.lang, Flush: log.flush}
	if opts.as != "" {
		if sopts.As = w.Host(opts.as); sopts.As == nil {
			msg := fmt.Sprintf("--as %q: no such host in %s", opts.as, sc.ID)
			if c := suggest.Closest(opts.as, hostNames(w.Topology())); c != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", c)
			}
			return badInput(fmt.Errorf("%s; hosts: %s", msg, strings.Join(hostNames(w.Topology()), ", ")))
		}
	}
	if opts.listen != "" {
		if sopts.Listen, err = netip.ParseAddr(opts.listen); err != nil {
			return badInput(fmt.Errorf("--listen %q: not an IP address (for example 127.0.0.1 or ::1)", opts.listen))
		}
	}
	srv, err := serve.New(w, sopts)
	if err != nil {
		return badInput(err)
	}
	topo := sc.Topology(w)
	log.tw = transcript.New(ios.Out, opts.lang, serveSizing(&topo))
	if color {
		log.tw.Paint = transcriptPaint()
	}
	title := transcript.Clean(fmt.Sprintf("== %s: %s ==", topo.ID, topo.Title.In(opts.lang)))
	fmt.Fprintln(ios.Out, title)
	for _, l := range srv.Listeners() {
		fmt.Fprintln(ios.Out, l.String())
	}
	fmt.Fprintln(ios.Out, serveBanner(srv.As().Name, opts.lang))
	if ready != nil {
		ready(srv)
	}
	if err := srv.Run(ctx); err != nil {
		return err
	}
	log.flush()
	st := srv.Stats()
	fmt.Fprintln(ios.Out, serveSummary(st, opts.lang))
	return nil
}

func serveBanner(as string, lang i18n.Lang) string {
	if lang == i18n.JA {
		return "実クライアントは" + as + "として接続します。Ctrl-Cで終了します。"
	}
	return "Real clients connect as " + as + ". Ctrl-C stops."
}

func serveSummary(st serve.Stats, lang i18n.Lang) string {
	if lang == i18n.JA {
		return fmt.Sprintf("終了しました: %d件のセッションを処理し、%d件の接続を断りました。", st.Sessions, st.Refused)
	}
	return fmt.Sprintf("stopped: served %s, turned away %s", plural(st.Sessions, "session", "sessions"), plural(st.Refused, "connection", "connections"))
}

func hostNames(t trace.Topology) []string {
	var ns []string
	for _, h := range t.Hosts {
		ns = append(ns, h.Name)
	}
	return ns
}

// serveSizing is a stand-in trace for sizing the transcript's route
// column: the longest host name with the widest ports, both ways.
func serveSizing(t *trace.Topology) []trace.Event {
	name := ""
	for _, h := range t.Hosts {
		if len(h.Name) > len(name) {
			name = h.Name
		}
	}
	ep := trace.Endpoint{Host: name, Port: 65535}
	return []trace.Event{{Kind: trace.Line, Src: ep, Dst: ep}}
}

// serveLog renders the world's events as they happen, and takes the
// server's own notes in between, in order.
type serveLog struct {
	out io.Writer
	tw  *transcript.Writer
}

// Emit renders one event (the world goroutine calls it).
func (l *serveLog) Emit(e *trace.Event) {
	if l.tw != nil {
		l.tw.Event(e)
	}
}

// Write takes a note of the server's own, after what is buffered.
func (l *serveLog) Write(p []byte) (int, error) {
	l.flush()
	return l.out.Write(p)
}

func (l *serveLog) flush() {
	if l.tw != nil {
		l.tw.Flush()
	}
}
