package shell

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// meta is one meta command: its name, its arguments as help shows them,
// what it does, and how.
type meta struct {
	name string
	args string
	help *i18n.Template
	run  func(sh *Shell, args []string)
}

// metas is the table of meta commands, in the order :help lists them.
// It is filled in init: the commands refer to :help, which reads it.
var metas []meta

func init() {
	metas = []meta{
		{":hosts", "", msgHelpHosts, (*Shell).hosts},
		{":connect", "HOST PORT", msgHelpConnect, (*Shell).connect},
		{":close", "", msgHelpClose, func(sh *Shell, _ []string) { sh.hangup() }},
		{":dig", "[TYPE] NAME", msgHelpDig, (*Shell).dig},
		{":mailbox", "USER[@DOMAIN]", msgHelpMailbox, (*Shell).mailbox},
		{":queue", "", msgHelpQueue, (*Shell).queue},
		{":wait", "DURATION", msgHelpWait, (*Shell).wait},
		{":trace", "", msgHelpTrace, (*Shell).trace},
		{":explain", "", msgHelpExplain, (*Shell).explainLast},
		{":as", "HOST", msgHelpAs, (*Shell).sitAs},
		{":auth", "plain|login USER PASS", msgHelpAuth, (*Shell).auth},
		{":help", "", msgHelpHelp, (*Shell).help},
		{":quit", "", msgHelpQuit, func(sh *Shell, _ []string) { sh.hangup(); sh.quit = true }},
	}
}

func (sh *Shell) meta(f []string) {
	name := strings.ToLower(f[0])
	for _, m := range metas {
		if m.name == name {
			m.run(sh, f[1:])
			return
		}
	}
	names := make([]string, len(metas))
	for i, m := range metas {
		names[i] = m.name
	}
	if c := suggest.Closest(name, names); c != "" {
		sh.say(msgDidYouMean, f[0], c)
		return
	}
	sh.say(msgUnknownMeta, f[0])
}

// noHost says that name is not a host, and which one it may be.
func (sh *Shell) noHost(name string) {
	if c := suggest.Closest(name, sh.hostNames()); c != "" {
		sh.say(msgDidYouMean, name, c)
		return
	}
	sh.say(msgNoHost, name, strings.Join(sh.hostNames(), ", "))
}

func (sh *Shell) help([]string) {
	for _, m := range metas {
		head := m.name
		if m.args != "" {
			head += " " + m.args
		}
		fmt.Fprintf(sh.opts.Out, "  %-30s %s\n", head, m.help.Text().In(sh.opts.Lang))
	}
	sh.say(msgHelpLines)
}

func (sh *Shell) hosts([]string) {
	topo := sh.w.Topology()
	for _, h := range topo.Hosts {
		line := fmt.Sprintf("  %-22s %-15s", h.Name, h.IP)
		if h.Network != "" {
			line += " [" + h.Network + "]"
		}
		if len(h.Roles) > 0 {
			line += " " + strings.Join(h.Roles, " ")
		}
		if h.Name == sh.as.Name {
			line += "  " + i18n.M(msgYouAreHere).In(sh.opts.Lang)
		}
		fmt.Fprintln(sh.opts.Out, transcript.Clean(line))
	}
}

// connect opens a connection to HOST PORT (or HOST:PORT); with no port,
// to the host's only service.
func (sh *Shell) connect(args []string) {
	if len(args) == 1 {
		if h, p, ok := strings.Cut(args[0], ":"); ok {
			args = []string{h, p}
		}
	}
	if len(args) == 0 {
		sh.say(msgUsage, ":connect HOST PORT")
		return
	}
	dst := sh.w.Host(args[0])
	if dst == nil {
		sh.noHost(args[0])
		return
	}
	var port int
	if len(args) > 1 {
		p, err := strconv.Atoi(args[1])
		if err != nil || p <= 0 || p > 65535 {
			sh.say(msgBadPort, args[1])
			return
		}
		port = p
	} else {
		ports := servicePorts(dst)
		if len(ports) != 1 {
			sh.say(msgWhichPort, dst.Name, strings.Join(ports, ", "))
			return
		}
		port, _ = strconv.Atoi(ports[0])
	}
	sh.hangup()
	cl := &lineClient{sh: sh}
	sh.conn = cl
	sh.w.Dial(sh.as, dst, uint16(port), cl)
	cl.wait(1)
	if !cl.connected {
		sh.conn = nil
		sh.say(msgNoConnection)
	}
}

func servicePorts(h *sim.Host) []string {
	var ps []string
	for _, s := range h.SMTP {
		ps = append(ps, strconv.Itoa(int(s.Port)))
	}
	for _, s := range h.POP3 {
		ps = append(ps, strconv.Itoa(int(s.Port)))
	}
	for _, s := range h.IMAP {
		ps = append(ps, strconv.Itoa(int(s.Port)))
	}
	return ps
}

var digTypes = map[string]dns.Type{"A": dns.TypeA, "MX": dns.TypeMX, "TXT": dns.TypeTXT, "AAAA": dns.TypeAAAA, "ANY": dns.TypeANY}

// dig asks the world's DNS server, from the learner's host, as an MTA
// does: the query and the answer are lines of the trace.
func (sh *Shell) dig(args []string) {
	t, name := dns.TypeA, ""
	switch len(args) {
	case 1:
		name = args[0]
	case 2:
		var ok bool
		if t, ok = digTypes[strings.ToUpper(args[0])]; !ok {
			if t, ok = digTypes[strings.ToUpper(args[1])]; !ok {
				sh.say(msgDigType, args[0])
				return
			}
			name = args[0]
		} else {
			name = args[1]
		}
	default:
		sh.say(msgUsage, ":dig [A|MX|TXT] NAME")
		return
	}
	if _, ok := sh.w.Resolve(sh.as, name, t); !ok {
		sh.say(msgNoAnswer, name)
	}
}

// mailbox lists what waits in a user's mailbox, on every host that has
// that user (for USER@DOMAIN, on the host final for DOMAIN).
func (sh *Shell) mailbox(args []string) {
	if len(args) != 1 {
		sh.say(msgUsage, ":mailbox USER[@DOMAIN]")
		return
	}
	user, domain, _ := strings.Cut(args[0], "@")
	found := false
	for _, h := range sh.w.Hosts() {
		u := h.User(user)
		if u == nil || (domain != "" && !hasDomain(h, domain)) {
			continue
		}
		found = true
		msgs := u.Mailbox.Messages()
		sh.say(msgMailbox, u.Name, h.Name, strconv.Itoa(len(msgs)))
		for i, m := range msgs {
			fmt.Fprintf(sh.opts.Out, "  %d  %6d  %s\n", i+1, m.Size(), transcript.Clean(summaryOf(m.Text())))
		}
	}
	if !found {
		sh.say(msgNoUser, args[0])
	}
}

func hasDomain(h *sim.Host, d string) bool {
	for _, x := range h.Domains {
		if strings.EqualFold(x, d) {
			return true
		}
	}
	return false
}

// summaryOf is the From: and Subject: of a stored message.
func summaryOf(data string) string {
	head, _, _ := strings.Cut(data, "\r\n\r\n")
	var from, subject string
	for _, l := range strings.Split(head, "\r\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		switch strings.ToLower(k) {
		case "from":
			from = strings.TrimSpace(v)
		case "subject":
			subject = strings.TrimSpace(v)
		}
	}
	var parts []string
	if from != "" {
		parts = append(parts, "From: "+from)
	}
	if subject != "" {
		parts = append(parts, "Subject: "+subject)
	}
	return strings.Join(parts, "  ")
}

func (sh *Shell) queue([]string) {
	q := sh.w.Queue()
	if len(q) == 0 {
		sh.say(msgQueueEmpty)
		return
	}
	for _, it := range q {
		sh.say(msgQueued, it.ID, it.Host, "<"+it.From+">", strings.Join(it.To, ", "),
			trace.FormatTime(it.Due), strconv.Itoa(it.Attempts))
	}
}

func (sh *Shell) wait(args []string) {
	if len(args) != 1 {
		sh.say(msgUsage, ":wait DURATION (30s, 30m, 2h)")
		return
	}
	d, err := time.ParseDuration(args[0])
	if err != nil || d <= 0 {
		sh.say(msgBadDuration, args[0])
		return
	}
	sh.w.Wait(d)
	sh.say(msgNow, trace.FormatTime(sh.w.Now()))
}

// trace prints everything that happened since the world was built.
func (sh *Shell) trace([]string) {
	tw := transcript.New(sh.opts.Out, sh.opts.Lang, sh.rec.Events)
	tw.Paint = sh.opts.Paint
	sh.tw.Flush()
	tw.All(sh.rec.Events)
}

// explainLast prints the full explanation of the last reply.
func (sh *Shell) explainLast([]string) {
	if len(sh.last) == 0 {
		sh.say(msgNothingToExplain)
		return
	}
	lang := sh.opts.Lang
	for _, e := range sh.last {
		fmt.Fprintln(sh.opts.Out, sh.paint(transcript.StepHead, transcript.Clean(e.Key+": "+e.Title.In(lang))))
		for _, part := range []struct {
			label *i18n.Template
			text  i18n.Text
		}{{nil, e.Text}, {msgCause, e.Cause}, {msgFix, e.Fix}} {
			if part.text.IsZero() {
				continue
			}
			line := part.text.In(lang)
			if part.label != nil {
				line = part.label.Text().In(lang) + line
			}
			fmt.Fprintln(sh.opts.Out, "  "+transcript.Clean(line))
		}
		if e.RFC != "" {
			fmt.Fprintln(sh.opts.Out, "  ("+e.RFC+")")
		}
	}
}

func (sh *Shell) sitAs(args []string) {
	if len(args) != 1 {
		sh.say(msgUsage, ":as HOST")
		return
	}
	h := sh.w.Host(args[0])
	if h == nil {
		sh.noHost(args[0])
		return
	}
	sh.hangup()
	sh.as = h
	sh.say(msgNowAs, h.Name, h.IP.String())
}

// auth prints the lines to paste for AUTH PLAIN (RFC 4616: authzid,
// authcid and password separated by NUL, in base64) or AUTH LOGIN (user
// name and password, each in base64, answering the server's 334s).
func (sh *Shell) auth(args []string) {
	if len(args) != 3 {
		sh.say(msgUsage, ":auth plain|login USER PASS")
		return
	}
	enc := base64.StdEncoding.EncodeToString
	switch strings.ToLower(args[0]) {
	case "plain":
		sh.say(msgAuthPlain, "AUTH PLAIN "+enc([]byte("\x00"+args[1]+"\x00"+args[2])))
	case "login":
		sh.say(msgAuthLogin, enc([]byte(args[1])), enc([]byte(args[2])))
	default:
		sh.say(msgUsage, ":auth plain|login USER PASS")
		return
	}
	sh.say(msgNotEncryption)
}
