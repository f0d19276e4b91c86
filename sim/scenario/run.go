package scenario

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Report sums up one run of a scenario.
type Report struct {
	ID       string
	Checks   int // expectations checked
	Missed   int // expectations not met
	Topology trace.Topology
}

// OK reports whether every expectation was met.
func (r *Report) OK() bool { return r.Missed == 0 }

// Run plays the scenario on a fresh world, sending every event to sink, and
// checks each step's expectations as it goes.
//
// A run that passes MaxEvents stops after the step that passed it, with an
// ErrorList naming that step; sink receives no event past the limit, so
// memory stays bounded whatever the file asks for.
//
// A scenario with campaigns is played summarised (see RunWith) and sink
// receives, when the run is over, the sample of it that a
// campaign.Summary keeps: the steps, the narration and a few full sessions
// of each kind of ending, with Report.Topology trimmed to the hosts they
// show. That is the trace every view (player, exports) shows of a
// campaign; RunWith with a campaign.Summary gives its counters.
func Run(sc *Scenario, sink trace.Sink) (*Report, error) {
	if sc.Attempts() == 0 {
		return run(sc, sink, MaxEvents)
	}
	w, err := sc.Build(nil)
	if err != nil {
		return nil, err
	}
	topo := sc.topology(w)
	sum := campaign.New(&topo)
	rep, err := RunWith(sc, sum, RunOptions{Summary: true})
	if err != nil {
		return nil, err
	}
	sample := sum.Sample()
	if sink != nil {
		for i := range sample {
			sink.Emit(&sample[i])
		}
	}
	rep.Topology = campaign.SampleTopology(rep.Topology, sample)
	return rep, nil
}

// run is Run with the event limit given: MaxEvents, or less in a test that
// must show the limit without playing two million events.
func run(sc *Scenario, sink trace.Sink, limit int) (*Report, error) {
	return RunWith(sc, sink, RunOptions{limit: limit})
}

// RunOptions change how RunWith plays a scenario with campaigns.
type RunOptions struct {
	// Summary plays each campaign in the engine's summary mode
	// (sim.World.SetSummary) after its first Detail attempts, for a sink
	// whose memory does not grow with the events it is given, such as a
	// campaign.Summary: MaxEvents does not apply. Without it a campaign
	// runs with the full trace and MaxEvents bounds it, which only a small
	// campaign passes.
	Summary bool
	// Progress, if not nil, is called as the attempts of campaigns start,
	// now and then, with the number started and the total.
	Progress func(done, total int)
	// limit is the event limit when not summarised; 0 means MaxEvents.
	limit int
}

// Sampler is a sink that keeps full sessions only while told to: RunWith
// in summary mode turns Detail on for the first attempts of each campaign,
// which the engine traces in full, and off when the rest are summarised.
type Sampler interface {
	Detail(on bool)
}

// RunWith is Run with options. A summarised run whose campaigns make at
// least ShardAttempts attempts, into a campaign.Summary or no sink, is
// played in Shards worlds side by side (see shard.go); the counters are
// the same as in one world.
func RunWith(sc *Scenario, sink trace.Sink, opts RunOptions) (*Report, error) {
	if sum, ok := shardable(sc, sink, opts); ok {
		return runShards(sc, sum, opts)
	}
	return runShard(sc, sink, opts, shard{of: 1}, nil)
}

// runShard plays the scenario in one world: the whole of it, or shard sh
// of it. progress, if not nil, counts the attempts of every shard.
func runShard(sc *Scenario, sink trace.Sink, opts RunOptions, sh shard, prog *progress) (*Report, error) {
	b := &budget{sink: sink, limit: opts.limit, unbounded: opts.Summary}
	if b.limit == 0 {
		b.limit = MaxEvents
	}
	b.keep, _ = sink.(*keeper)
	w, err := sc.Build(b)
	if err != nil {
		return nil, err
	}
	attempts := sc.Attempts()
	w.SetMaxTasks(sim.MaxTasks + attempts*tasksPerAttempt)
	w.QueueLimit = sim.MaxQueued / sh.of // the shards share the queues' room
	if prog == nil {
		prog = &progress{report: opts.Progress, total: attempts}
	}
	cx := &campaignRun{summary: opts.Summary, progress: prog, seed: sc.Seed, shard: sh}
	cx.sampler = b
	rep := &Report{ID: sc.ID, Topology: sc.topology(w)}
	seq := 0 // campaign steps counted for their expectations, repeats included
	for i, st := range sc.Steps {
		counted := st.Kind == "campaign" && st.Expect != nil
		for range st.Times() {
			var t campaign.Tally
			if counted {
				b.tally = &t
			}
			r := playIn(w, i, st, b.over, cx)
			b.tally = nil
			c := checker{w: w, rep: rep, res: r}
			switch {
			case counted:
				if sum := sh.counts(seq, &t.Counts); sum != nil {
					c.checkCounts(st.Expect.Counts, sum, int64(st.Campaign.Attempts()))
				}
				seq++
			case st.Expect != nil:
				c.check(st.Expect)
			}
			if b.over() {
				break
			}
		}
		passed := !b.unbounded && b.n > b.limit
		if passed && st.Kind == "campaign" {
			return nil, ErrorList{newError(sc.File, st.Node.Line, st.Node.Column,
				"step %d: this campaign makes more than %d trace events (the limit MaxEvents) when every event is kept: run it summarised, as mailsim run does, or give it fewer bots or messages", i+1, b.limit)}
		}
		if passed {
			return nil, ErrorList{newError(sc.File, st.Node.Line, st.Node.Column,
				"step %d makes the run longer than %d trace events (the limit MaxEvents): fewer recipients, shorter waits or fewer retries behind a host that is down will do", i+1, b.limit)}
		}
		if w.Halted() {
			return nil, ErrorList{newError(sc.File, st.Node.Line, st.Node.Column,
				"step %d keeps the engine busy past %d scheduler tasks (the limit sim.MaxTasks) and was stopped: please report this scenario as a bug", i+1, sim.MaxTasks)}
		}
		if b.keep != nil && b.keep.passed {
			return rep, nil // Record refuses it: no need to play on
		}
	}
	return rep, nil
}

// Check plays the scenario without keeping its trace, and returns the error
// Run would: what Check accepts, Run runs. It is what `mailsim check` does
// after Parse. A scenario with campaigns is played as `mailsim run` plays
// it, in summary mode.
func Check(sc *Scenario) error {
	_, err := RunWith(sc, nil, RunOptions{Summary: sc.Attempts() > 0})
	return err
}

// budget is a Sink that counts events and passes on at most limit
// (MaxEvents), unless the sink is bounded itself (a summarised run).
type budget struct {
	sink      trace.Sink
	n         int
	limit     int
	unbounded bool
	keep      *keeper // the sink, when Record keeps the trace: its limit counts too
	// tally, while a campaign step with expectations plays, counts its
	// outcomes whatever the sink keeps.
	tally *campaign.Tally
}

func (b *budget) over() bool {
	return !b.unbounded && b.n > b.limit || b.keep != nil && b.keep.passed
}

// waitChunk is how much virtual time a wait lets pass between looks at the
// budget. Waiting in pieces is the same as waiting at once: the scheduler
// runs every task in time order either way, and a piece that ends while a
// connection is in progress runs it to its end as the whole wait would.
const waitChunk = time.Hour

// wait lets d pass in pieces of waitChunk, stopping early once over reports
// that the run passed its budget.
func wait(w *sim.World, d time.Duration, over func() bool) {
	if over == nil {
		w.Wait(d)
		return
	}
	end := w.Date().Add(d) // the start is before MaxStart, the waits add up to at most MaxTotalWait
	for {
		w.Wait(min(waitChunk, max(end.Sub(w.Date()), 0)))
		if !w.Date().Before(end) || over() {
			return
		}
	}
}

func (b *budget) Emit(e *trace.Event) {
	b.n++
	if b.tally != nil {
		b.tally.Count(e)
	}
	if (b.unbounded || b.n <= b.limit) && b.sink != nil {
		b.sink.Emit(e)
	}
}

// Detail passes sampling on to the sink, if it samples.
func (b *budget) Detail(on bool) {
	if s, ok := b.sink.(Sampler); ok {
		s.Detail(on)
	}
}

// Repeat plays the scenario n times over, as if its traffic recurred n
// times, handing every event to sink. Each run starts from a fresh world
// built from the file, so that a run does the same work as the first and
// memory stays flat however many there are: the mailboxes, queues and
// scheduler of one run are garbage by the next (in one world kept across
// runs, mail piled up in mailboxes nobody emptied, and the world halted at
// sim.MaxTasks). Expectations are not checked: they describe a single run.
// progress, if not nil, is called after each run with the number done. It is
// how `mailsim bench` measures the engine on a real scenario.
func Repeat(sc *Scenario, n int, sink trace.Sink, progress func(done int)) error {
	for k := range n {
		w, err := sc.Build(sink)
		if err != nil {
			return err
		}
		for i, st := range sc.Steps {
			for range st.Times() {
				play(w, i, st, nil)
			}
		}
		if w.Halted() {
			return fmt.Errorf("%s: run %d passed %d scheduler tasks (the limit sim.MaxTasks) and was stopped", sc.ID, k+1, sim.MaxTasks)
		}
		if progress != nil {
			progress(k + 1)
		}
	}
	return nil
}

// play runs step i: its heading, its narration, its action, and whatever
// the action set in motion (relays, bounces).
//
// over, if not nil, reports that the run passed its budget: a wait then
// stops at the next hour of virtual time instead of simulating days of
// retries whose events nobody will keep.
func play(w *sim.World, i int, st *Step, over func() bool) result {
	return playIn(w, i, st, over, &campaignRun{shard: shard{of: 1}, progress: &progress{}})
}

// playIn is play with the state of the run's campaigns.
func playIn(w *sim.World, i int, st *Step, over func() bool, cx *campaignRun) result {
	w.BeginStep(i, st.Kind, summary(st))
	if !st.Say.IsZero() {
		w.Say(st.Say)
	}
	var r result
	switch {
	case st.Kind == "campaign":
		cx.run(w, st.Campaign, i, over)
	case cx.shard.index > 0 && st.Kind != "wait" && st.Kind != "configure":
		// A client's step happens once, in the first shard; the others
		// keep their worlds in step with its waits and changes only.
	default:
		r = act(w, st, over)
	}
	w.Settle()
	return r
}

func (sc *Scenario) topology(w *sim.World) trace.Topology {
	t := w.Topology()
	t.ID, t.Title, t.Summary, t.Exams = sc.ID, sc.Title, sc.Summary, sc.Exams
	for _, st := range sc.Steps {
		t.Steps = append(t.Steps, summary(st))
	}
	if sc.Recap != nil {
		t.Recap, t.Facts = sc.Recap.Lines, sc.Recap.Facts
	}
	for _, b := range sc.World.Bots {
		t.Bots = append(t.Bots, trace.BotGroup{Group: b.Group, Count: b.Count, Name: b.Name, Network: b.Network.Name})
	}
	return t
}

// result is what a step's action produced, for its expectations.
type result struct {
	send  *sim.SMTPResult
	fetch *sim.FetchResult
	imap  *sim.IMAPResult
	talk  *sim.TalkResult
}

func act(w *sim.World, st *Step, over func() bool) result {
	switch st.Kind {
	case "send":
		s := st.Send
		req := sim.SendRequest{
			Client: w.Host(s.Client.Name), Server: w.Host(s.Server.Host.Name), Port: uint16(s.Server.Port),
			Helo: s.Helo, From: s.From, HeaderFrom: s.HeaderFrom, To: s.To, Subject: s.Subject, Body: s.Body,
			TLS: TLSMode(s.TLS, s.Server.Port),
		}
		if s.HasAuth {
			req.Auth = &smtp.Auth{Mechanism: s.AuthMech, User: s.AuthUser, Pass: s.AuthPass}
		}
		r := w.Send(req)
		return result{send: &r}
	case "fetch":
		f := st.Fetch
		r := w.Fetch(sim.FetchRequest{
			Client: w.Host(f.Client.Name), Server: w.Host(f.Server.Host.Name), Port: uint16(f.Server.Port),
			Job:  pop3.Job{User: f.User, Pass: f.Pass, APOP: f.APOP, Keep: f.Keep},
			Drop: f.Drop,
			TLS:  TLSMode(f.TLS, f.Server.Port),
		})
		return result{fetch: &r}
	case "imap":
		m := st.IMAP
		r := w.IMAP(sim.IMAPRequest{
			Client: w.Host(m.Client.Name), Server: w.Host(m.Server.Host.Name), Port: uint16(m.Server.Port),
			Job: imap.Job{User: m.User, Pass: m.Pass, Delete: m.Delete},
			TLS: TLSMode(m.TLS, m.Server.Port),
		})
		return result{imap: &r}
	case "talk":
		t := st.Talk
		r := w.Talk(w.Host(t.Client.Name), w.Host(t.Server.Host.Name), uint16(t.Server.Port), t.Lines)
		return result{talk: &r}
	case "wait":
		wait(w, st.Wait, over)
	case "configure":
		reconfigure(w, st.Config)
	}
	return result{}
}

// summary is the one-line title of a step, shown where it begins.
func summary(st *Step) i18n.Text {
	switch st.Kind {
	case "send":
		s := st.Send
		route := s.Client.Name + " -> " + s.Server.Host.Name + ":" + strconv.Itoa(s.Server.Port)
		env := "<" + s.From + "> -> " + strings.Join(s.To, ", ")
		return i18n.T("send (SMTP) "+route+", "+env, "SMTPで送信: "+route+"、"+env)
	case "fetch":
		f := st.Fetch
		route := f.Client.Name + " -> " + f.Server.Host.Name + ":" + strconv.Itoa(f.Server.Port)
		return i18n.T("fetch (POP3) "+route+", user "+f.User, "POP3で受信: "+route+"(ユーザ名: "+f.User+")")
	case "imap":
		m := st.IMAP
		route := m.Client.Name + " -> " + m.Server.Host.Name + ":" + strconv.Itoa(m.Server.Port)
		en, ja := "read (IMAP) "+route+", user "+m.User, "IMAPで受信: "+route+"(ユーザ名: "+m.User+")"
		if m.Delete {
			en, ja = en+", deleting", ja+"、読んだメールを削除"
		}
		return i18n.T(en, ja)
	case "talk":
		t := st.Talk
		route := t.Client.Name + " -> " + t.Server.Host.Name + ":" + strconv.Itoa(t.Server.Port)
		return i18n.T("talk "+route+", lines typed by hand", "手入力: "+route+"(コマンドを1行ずつ送信)")
	case "wait":
		en, ja := humanDuration(st.Wait)
		return i18n.T("wait "+en, ja+"待機")
	case "configure":
		return configureSummary(st.Config)
	case "campaign":
		return campaignSummary(st.Campaign)
	}
	return i18n.T("narration", "ナレーション")
}

// humanDuration renders a wait as "2 hours 30 minutes" / "2時間30分".
func humanDuration(d time.Duration) (en, ja string) {
	parts := []struct {
		unit     time.Duration
		en, ja   string
		enPlural string
	}{
		{24 * time.Hour, " day", "日", " days"},
		{time.Hour, " hour", "時間", " hours"},
		{time.Minute, " minute", "分", " minutes"},
		{time.Second, " second", "秒", " seconds"},
	}
	var ens []string
	for _, p := range parts {
		n := int(d / p.unit)
		if n == 0 {
			continue
		}
		d -= time.Duration(n) * p.unit
		unit := p.en
		if n != 1 {
			unit = p.enPlural
		}
		ens = append(ens, strconv.Itoa(n)+unit)
		ja += strconv.Itoa(n) + p.ja
	}
	if len(ens) == 0 {
		return "0 seconds", "0秒"
	}
	return strings.Join(ens, " "), ja
}
