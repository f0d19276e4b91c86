package sim

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/mailstore"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// downMXRun submits n messages for bob@example.jp while example.jp's only
// MX is down, settles, and lets two more hours pass (four retry rounds).
// It returns the scheduler tasks and the events of the queue's work, and
// the world.
func downMXRun(t *testing.T, n int) (tasks, events int, tw *testWorld) {
	t.Helper()
	tw = newTestWorld(t, nil)
	tw.mx.Down = true
	for i := range n {
		tw.Send(SendRequest{Client: tw.alice, Server: tw.isp, Port: 587,
			Auth: &smtp.Auth{User: "alice", Pass: "wonderland"},
			From: "alice@isp.example", To: []string{"bob@example.jp"}, Subject: "Hi " + strconv.Itoa(i), Body: "Hello"})
	}
	ran0, ev0 := tw.ran, len(tw.rec.Events)
	tw.Settle()
	if tw.now > tw.RetryInterval {
		t.Fatalf("n=%d: settling the first attempts took until %v, past the retry interval", n, tw.now)
	}
	if q := len(tw.QueuedRecipients()); q != n {
		t.Fatalf("n=%d: %d recipients queued after the first round, want all", n, q)
	}
	tw.Wait(2 * time.Hour)
	if q := len(tw.QueuedRecipients()); q != n {
		t.Fatalf("n=%d: %d recipients queued after two hours, want all", n, q)
	}
	return tw.ran - ran0, len(tw.rec.Events) - ev0, tw
}

// TestDownMXQueueScales: with the MX down, the queue's work grows in
// proportion to the number of messages (it grew 33-fold from 60 to 70
// messages when attempts ran one after another, each waiting for its
// connect timeout), and each retry round tries no more connections than the
// initial destination concurrency: the rest wait behind the dead
// destination.
func TestDownMXQueueScales(t *testing.T) {
	tasks100, ev100, _ := downMXRun(t, 100)
	tasks1000, ev1000, tw := downMXRun(t, 1000)
	t.Logf("tasks %d -> %d (x%.1f), events %d -> %d (x%.1f)", tasks100, tasks1000, float64(tasks1000)/float64(tasks100),
		ev100, ev1000, float64(ev1000)/float64(ev100))
	if r := float64(ev1000) / float64(ev100); r >= 12 {
		t.Errorf("events grew x%.1f from 100 to 1000 messages, want < 12", r)
	}
	if r := float64(tasks1000) / float64(tasks100); r >= 12 {
		t.Errorf("scheduler tasks grew x%.1f from 100 to 1000 messages, want < 12", r)
	}
	// Connection attempts to the MX, by the round they started in.
	rounds := map[time.Duration]int{}
	suspended := 0
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Connect && e.TCP.Try == 0 && e.Dst.Host == "mx.example.jp" {
			rounds[e.At/tw.RetryInterval]++
		}
		if e.Kind == trace.Note && strings.Contains(e.Text.In(i18n.EN), "(delivery temporarily suspended: connect to mx.example.jp[192.0.2.25]:25: Connection timed out): will retry in 30 minutes") {
			suspended++
		}
	}
	if len(rounds) < 4 {
		t.Errorf("connection attempts in %d retry rounds, want at least 4: %v", len(rounds), rounds)
	}
	for r, n := range rounds {
		if n > initialConcurrency {
			t.Errorf("round %d: %d connection attempts to the dead MX, want at most %d (no retry storm)", r, n, initialConcurrency)
		}
	}
	if suspended < 4*(1000-initialConcurrency) {
		t.Errorf("%d deferrals say \"delivery temporarily suspended\", want nearly all 1000 in each of 4 rounds", suspended)
	}
}

// TestDeadDestinationNote: the note that marks a destination dead names
// it and quotes the failure, in both languages.
func TestDeadDestinationNote(t *testing.T) {
	_, _, tw := downMXRun(t, 10)
	var en, ja string
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Note && e.Text.ID() == msgDestDead.ID {
			en, ja = e.Text.In(i18n.EN), e.Text.In(i18n.JA)
			break
		}
	}
	if !strings.HasPrefix(en, "example.jp is marked dead after a round of failed attempts (connect to mx.example.jp[192.0.2.25]:25: Connection timed out): for 5 minutes") {
		t.Errorf("dead-destination note %q", en)
	}
	if !strings.Contains(ja, "example.jp") || !strings.Contains(ja, "5分間") {
		t.Errorf("Japanese note %q", ja)
	}
}

// TestRecipientLimitNewTransactions sends one message to 250 recipients
// through an MX that takes limit recipients per transaction: the 452s
// past the limit go in new transactions at once (RFC 5321 4.5.3.1.10),
// nothing bounces and nothing waits for the 30-minute retry. The message,
// its To: field and its Received: fields folded, is delivered whole.
func TestRecipientLimitNewTransactions(t *testing.T) {
	for _, c := range []struct {
		limit, transactions int
		note                *i18n.Template
	}{
		{100, 3, msgMoreRcpts},
		{50, 5, msgMoreRcptsFew},
		{250, 1, nil},
	} {
		t.Run(strconv.Itoa(c.limit), func(t *testing.T) {
			tw := newTestWorld(t, nil)
			tw.submission.Config.MaxRecipients = 300 // the ISP takes the whole message
			tw.Rewire(tw.isp, tw.submission)
			relay := tw.mx.SMTP[0]
			relay.Config.MaxRecipients = c.limit
			tw.Rewire(tw.mx, relay)
			var to []string
			for i := range 250 {
				name := "u" + strconv.Itoa(i)
				tw.mx.Users = append(tw.mx.Users, &User{Name: name, Mailbox: mailstore.New(1)})
				to = append(to, name+"@example.jp")
			}
			r := tw.submit(to...)
			if !r.Client.Sent || len(r.Client.Accepted) != 250 {
				t.Fatalf("submission: sent %v, %d accepted", r.Client.Sent, len(r.Client.Accepted))
			}
			if now := tw.Date().Sub(DefaultStart); now > time.Minute {
				t.Errorf("delivery finished at +%v: the rest waited for a retry", now)
			}
			for i := range 250 {
				box := tw.mx.User("u" + strconv.Itoa(i)).Mailbox.Messages()
				if len(box) != 1 {
					t.Fatalf("u%d has %d messages, want 1", i, len(box))
				}
				if i == 0 {
					for _, l := range strings.Split(box[0].Text(), "\r\n") {
						if len(l) > 998 {
							t.Errorf("delivered line of %d octets (RFC 5322 2.1.1)", len(l))
						}
					}
				}
			}
			if n := tw.isp.User("alice").Mailbox.Len(); n != 0 {
				t.Errorf("alice got %d bounces", n)
			}
			var mails, tooMany, notes int
			for _, e := range tw.rec.Events {
				switch {
				case e.Kind == trace.Line && e.Dst.Host == "mx.example.jp" && strings.HasPrefix(e.Line, "MAIL FROM:"):
					mails++
				case e.Kind == trace.Line && e.Src.Host == "mx.example.jp" && strings.HasPrefix(e.Line, "452 4.5.3"):
					tooMany++
				case e.Kind == trace.Note && c.note != nil && e.Text.ID() == c.note.ID:
					notes++
				}
			}
			if mails != c.transactions {
				t.Errorf("%d transactions to the MX, want %d", mails, c.transactions)
			}
			if want := c.transactions - 1; notes != want {
				t.Errorf("%d notes %v, want %d", notes, c.note, want)
			}
			want452 := 0
			for left := 250 - c.limit; left > 0; left -= c.limit {
				want452 += left
			}
			if tooMany != want452 {
				t.Errorf("%d replies 452 4.5.3, want %d", tooMany, want452)
			}
		})
	}
}

// maxSessions returns the most relay sessions from the ISP's MTA that were
// open at once, and how many opened before the first of them ended: the
// initial concurrency, before any feedback.
func maxSessions(tw *testWorld) (most, early int) {
	type span struct{ from, to time.Duration }
	spans := map[int]*span{}
	for _, e := range tw.rec.Events {
		if e.Conn == 0 {
			continue
		}
		if e.Kind == trace.Connect && e.TCP.Try == 0 && e.Src.Host == "mail.isp.example" && e.Dst.Port == 25 {
			spans[e.Conn] = &span{e.At, e.At}
		}
		if s := spans[e.Conn]; s != nil {
			s.to = e.At
		}
	}
	firstEnd := maxTime
	for _, s := range spans {
		firstEnd = min(firstEnd, s.to)
	}
	for _, s := range spans {
		if s.from < firstEnd {
			early++
		}
		open := 0
		for _, o := range spans {
			if o.from <= s.from && s.from < o.to {
				open++
			}
		}
		most = max(most, open)
	}
	return most, early
}

// TestConcurrencyLimits puts many messages in the queue at once: a
// destination starts at the initial concurrency (5) and grows with each
// delivery to at most 20 sessions (Postfix's initial_destination_concurrency
// and default_destination_concurrency_limit), and one MTA runs at most 100
// attempts over all its destinations (default_process_limit).
func TestConcurrencyLimits(t *testing.T) {
	for _, c := range []struct {
		domains, perDomain int
		most, early        int
	}{
		{1, 60, destConcurrencyLimit, initialConcurrency},
		{8, 30, processLimit, 8 * initialConcurrency},
		{30, 4, processLimit, processLimit},
	} {
		t.Run(strconv.Itoa(c.domains), func(t *testing.T) {
			tw := newTestWorld(t, nil)
			var domains []string
			for d := range c.domains {
				domain := "d" + strconv.Itoa(d) + ".example"
				tw.mx.Domains = append(tw.mx.Domains, domain)
				tw.Zone().Add(domain, dns.Records{MX: []dns.MX{{Pref: 10, Host: "mx.example.jp"}}})
				domains = append(domains, domain)
			}
			tw.mx.SMTP[0].Config.Domains = tw.mx.Domains
			tw.Rewire(tw.mx, tw.mx.SMTP[0])
			data := composeMessage("alice@isp.example", "", []string{"bob@example.jp"}, "Hi", "Hello", tw.Date(), "x@test")
			for i := range c.perDomain {
				for _, d := range domains {
					tw.enqueue(&item{host: tw.isp, id: "Q" + strconv.Itoa(i) + d, from: "alice@isp.example",
						to: []string{"bob@" + d}, domain: d, data: data, due: tw.now})
				}
			}
			tw.Settle()
			if n := tw.mx.User("bob").Mailbox.Len(); n != c.domains*c.perDomain {
				t.Fatalf("bob has %d messages, want %d", n, c.domains*c.perDomain)
			}
			most, early := maxSessions(tw)
			if most != c.most || early != c.early {
				t.Errorf("at most %d sessions at once, %d before the first ended; want %d and %d", most, early, c.most, c.early)
			}
		})
	}
}

// TestSuspendedExpire: messages held back by a dead destination expire
// like any other, and their bounces quote what Postfix's would: "delivery
// temporarily suspended: connect to ...: Connection timed out".
func TestSuspendedExpire(t *testing.T) {
	_, _, tw := downMXRun(t, 10)
	tw.Wait(5*24*time.Hour + time.Hour)
	if q := tw.QueuedRecipients(); len(q) != 0 {
		t.Fatalf("%d recipients still queued after the queue lifetime", len(q))
	}
	box := tw.isp.User("alice").Mailbox.Messages()
	if len(box) != 10 {
		t.Fatalf("alice has %d bounces, want 10", len(box))
	}
	diags := map[string]int{}
	for _, m := range box {
		diags[dsnGroups(t, m.Text())[0].Get("Diagnostic-Code")]++
	}
	const connect = "connect to mx.example.jp[192.0.2.25]:25: Connection timed out"
	if diags["X-Postfix; delivery temporarily suspended: "+connect] == 0 || diags["X-Postfix; delivery temporarily suspended: "+connect]+diags["X-Postfix; "+connect] != 10 {
		t.Errorf("Diagnostic-Code fields: %v", diags)
	}
}

// TestConcurrencyFeedback follows Postfix's arithmetic: each connection
// failure takes one off the window and adds 1/window to the failed
// cohorts, dead at 1 (four failures from 5: 1/5+1/4+1/3+1/2); an attempt
// that gets through while the destination is dead brings it back at the
// initial concurrency, and each success adds one up to 20. The timer of an
// earlier death does not end a later one.
func TestConcurrencyFeedback(t *testing.T) {
	tw := newTestWorld(t, nil)
	m := tw.mtaOf(tw.isp)
	d := m.dest("example.jp")
	site := &failure{status: "4.4.1", note: i18n.M(msgConnectTimeout, "mx.example.jp", "192.0.2.25")}
	var windows []int
	for range 4 {
		tw.destFailed(m, d, site)
		windows = append(windows, d.window)
	}
	if want := []int{4, 3, 2, 0}; !slices.Equal(windows, want) || d.dead == nil {
		t.Fatalf("windows after each failure %v (dead %v), want %v and dead", windows, d.dead != nil, want)
	}
	tw.destAlive(d)
	if d.dead != nil || d.window != initialConcurrency {
		t.Fatalf("after a success while dead: dead %v, window %d", d.dead != nil, d.window)
	}
	for range 30 {
		tw.destAlive(d)
	}
	if d.window != destConcurrencyLimit {
		t.Errorf("window %d after 30 successes, want %d", d.window, destConcurrencyLimit)
	}
	// Dies again at 2 minutes: the first death's timer (due at 5) must
	// not end this one, which lasts until 7.
	tw.Wait(2 * time.Minute)
	for d.dead == nil {
		tw.destFailed(m, d, site)
	}
	tw.Wait(4 * time.Minute)
	if d.dead == nil {
		t.Fatal("revived by the timer of an earlier death")
	}
	tw.Wait(2 * time.Minute)
	if d.dead != nil {
		t.Fatal("still dead past deadTime")
	}
}

// TestQueueHeapOrder checks the timed queue against a sort: items pushed
// with due times in any order, many of them equal, come out by due time
// and then by arrival, and sorted lists them in that order too.
func TestQueueHeapOrder(t *testing.T) {
	var q queue
	var all []*item
	r := uint32(1)
	for seq := 1; seq <= 2000; seq++ {
		r = r*1664525 + 1013904223 // an LCG: any fixed sequence will do
		it := &item{due: time.Duration(r>>24%50) * time.Minute, seq: seq}
		all = append(all, it)
		q.push(it)
		if seq%7 == 0 { // take some out on the way, as takeDue does
			first := q.pop()
			want := slices.MinFunc(all, compareItems)
			if first != want {
				t.Fatalf("pop after %d pushes: due %v seq %d, want due %v seq %d", seq, first.due, first.seq, want.due, want.seq)
			}
			all = slices.DeleteFunc(all, func(it *item) bool { return it == first })
		}
	}
	sorted := q.sorted()
	for len(q) > 0 {
		it := q.pop()
		if it != sorted[0] {
			t.Fatalf("pop: due %v seq %d, sorted says due %v seq %d", it.due, it.seq, sorted[0].due, sorted[0].seq)
		}
		sorted = sorted[1:]
		if len(q) > 0 && before(q[0], it) {
			t.Fatalf("after due %v seq %d the heap offers due %v seq %d", it.due, it.seq, q[0].due, q[0].seq)
		}
	}
	if len(sorted) != 0 {
		t.Fatalf("%d items sorted but never popped", len(sorted))
	}
}

// TestQueueFullRefusesMail: once the world's queues hold QueueLimit items,
// every SMTP server answers MAIL with 452 4.3.1, as a server whose queue's
// disk is full does (Postfix's queue_minfree), with one note saying why;
// the client's message is not taken, nothing is lost, and once the queue
// has room again MAIL is taken.
func TestQueueFullRefusesMail(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.Down = true
	tw.QueueLimit = 3
	var codes [][]int
	for range 5 {
		r := tw.submit("bob@example.jp")
		codes = append(codes, r.Replies)
	}
	if got := len(tw.QueuedRecipients()); got != 3 {
		t.Fatalf("%d recipients queued, want the limit, 3", got)
	}
	if tw.qm.held != 3 {
		t.Fatalf("held = %d, want 3", tw.qm.held)
	}
	for i, c := range codes {
		refused := slices.Contains(c, smtp.C452InsufficientStorage)
		if refused != (i >= 3) {
			t.Errorf("submission %d: replies %v; want 452 only past the third", i+1, c)
		}
	}
	notes := 0
	for _, e := range tw.rec.Events {
		if e.Kind == trace.Line && strings.HasPrefix(e.Line, "452 ") && e.Line != "452 4.3.1 Insufficient system storage" {
			t.Errorf("the full queue's reply is %q", e.Line)
		}
		if e.Kind == trace.Note && strings.Contains(e.Text.In(i18n.EN), "452 4.3.1 (insufficient system storage): the queues of this world hold 3 messages") {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("%d notes say the queue is full, want 1", notes)
	}
	// The MX comes back: the queue drains, and MAIL is taken again.
	tw.mx.Down = false
	tw.Wait(2 * time.Hour)
	if got := len(tw.QueuedRecipients()); got != 0 || tw.qm.held != 0 {
		t.Fatalf("after the MX came back: %d queued, held %d; want 0", got, tw.qm.held)
	}
	if r := tw.submit("bob@example.jp"); slices.Contains(r.Replies, smtp.C452InsufficientStorage) {
		t.Errorf("with room again the submission got %v", r.Replies)
	}
}
