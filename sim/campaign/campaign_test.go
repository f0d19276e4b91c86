package campaign_test

import (
	"os"
	"testing"

	"github.com/mailsim/mailsim/sim/campaign"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

func load(t *testing.T, file string) *scenario.Scenario {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func topology(t *testing.T, sc *scenario.Scenario) *trace.Topology {
	t.Helper()
	w, err := sc.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	topo := sc.Topology(w)
	return &topo
}

// same reports where two summaries count differently.
func same(t *testing.T, what string, got, want *campaign.Summary) {
	t.Helper()
	if got.Total() != want.Total() {
		t.Errorf("%s: totals differ:\n got %v\nwant %v", what, got.Total(), want.Total())
	}
	for name, c := range want.ByNetwork() {
		if got.ByNetwork()[name] != c {
			t.Errorf("%s: network %q: got %v, want %v", what, name, got.ByNetwork()[name], c)
		}
	}
	if len(got.ByNetwork()) != len(want.ByNetwork()) || len(got.ByServer()) != len(want.ByServer()) {
		t.Errorf("%s: keys differ: networks %d/%d, servers %d/%d", what,
			len(got.ByNetwork()), len(want.ByNetwork()), len(got.ByServer()), len(want.ByServer()))
	}
	for name, c := range want.ByServer() {
		if got.ByServer()[name] != c {
			t.Errorf("%s: server %q: got %v, want %v", what, name, got.ByServer()[name], c)
		}
	}
	gb, wb := got.Buckets(), want.Buckets()
	if len(gb) != len(wb) {
		t.Fatalf("%s: %d time buckets, want %d", what, len(gb), len(wb))
	}
	for i := range wb {
		if gb[i] != wb[i] {
			t.Errorf("%s: bucket %d: got %+v, want %+v", what, i, gb[i], wb[i])
		}
	}
}

// TestSummaryMatchesFullTrace is the equivalence of issue 11 item 6: a
// small campaign run with the full trace counts the same as the same
// campaign run in the engine's summary mode, where most events are never
// emitted and delivered mail is not kept.
func TestSummaryMatchesFullTrace(t *testing.T) {
	sc := load(t, "testdata/small.yaml")
	topo := topology(t, sc)

	rec := &trace.Recorder{}
	live := campaign.New(topo)
	rep, err := scenario.RunWith(sc, trace.Tee(rec, live), scenario.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The counts the file expects of each campaign step hold with the full
	// trace too: 2 sends, 4 counters of the first campaign, 5 of the
	// second played twice.
	if !rep.OK() || rep.Checks != 2+4+5*2 {
		t.Fatalf("the full run checked %d expectations and missed %d; want 16 met", rep.Checks, rep.Missed)
	}
	replayed := campaign.New(topo)
	for i := range rec.Events {
		replayed.Emit(&rec.Events[i])
	}
	summarised := campaign.New(topo)
	if _, err := scenario.RunWith(sc, summarised, scenario.RunOptions{Summary: true}); err != nil {
		t.Fatal(err)
	}
	same(t, "replayed trace", replayed, live)
	same(t, "summary mode", summarised, live)

	// Every outcome the file is written to reach is counted.
	total := live.Total()
	if n := total[campaign.AuthFailed]; n != 1 {
		t.Errorf("auth failed = %d, want 1", n)
	}
	if n := total[campaign.AuthRequired]; n != 1 {
		t.Errorf("auth required = %d, want 1", n)
	}
	nets := live.ByNetwork()
	for name, n := range map[string]int64{"home-isp": 12 * 3, "open-isp": 2 * 9 * 4} {
		if got := nets[name][campaign.Sessions]; got != n {
			t.Errorf("sessions from %s = %d, want %d", name, got, n)
		}
	}
	if total[campaign.Sessions] <= 12*3+2*9*4+2 {
		t.Errorf("sessions = %d: the open relay's own sessions to the MX are missing", total[campaign.Sessions])
	}
	for _, o := range []campaign.Outcome{campaign.Blocked, campaign.RelayDenied, campaign.NoMailbox, campaign.Delivered, campaign.Queued, campaign.Bounced} {
		if total[o] == 0 {
			t.Errorf("%s = 0: the small campaign should reach it", o)
		}
	}
	if got, sent := total[campaign.Blocked]+total[campaign.RelayDenied], int64(12*3); got != sent {
		t.Errorf("blocked + relay denied = %d, want the %d attempts of the bots behind OP25B", got, sent)
	}
	if n := len(rec.Events); n < 10*int(total[campaign.Sessions]) {
		t.Errorf("the full trace has only %d events: the comparison would prove little", n)
	}
}

// TestSummaryDeterministic runs the campaign twice: the same file gives
// the same campaign, counters and sample alike.
func TestSummaryDeterministic(t *testing.T) {
	sc := load(t, "testdata/small.yaml")
	topo := topology(t, sc)
	var sums [2]*campaign.Summary
	for i := range sums {
		sums[i] = campaign.New(topo)
		if _, err := scenario.RunWith(sc, sums[i], scenario.RunOptions{Summary: true}); err != nil {
			t.Fatal(err)
		}
	}
	same(t, "second run", sums[1], sums[0])
	a, b := sums[0].Sample(), sums[1].Sample()
	if len(a) != len(b) {
		t.Fatalf("samples of %d and %d events", len(a), len(b))
	}
	for i := range a {
		if a[i].Line != b[i].Line || a[i].At != b[i].At || a[i].Kind != b[i].Kind {
			t.Fatalf("samples differ at event %d: %+v / %+v", i, a[i], b[i])
		}
	}
}

// TestSample checks what the player gets of a campaign: full sessions, at
// most PerKind of each ending, numbered as a recorded trace is, with the
// scenario's narration.
func TestSample(t *testing.T) {
	sc := load(t, "testdata/small.yaml")
	sum := campaign.New(topology(t, sc))
	sum.PerKind = 2
	if _, err := scenario.RunWith(sc, sum, scenario.RunOptions{Summary: true}); err != nil {
		t.Fatal(err)
	}
	sample := sum.Sample()
	conns := map[int]bool{}
	drops, narration := 0, 0
	for i, e := range sample {
		if e.Seq != i {
			t.Fatalf("event %d has Seq %d", i, e.Seq)
		}
		switch {
		case e.Kind == trace.Narration:
			narration++
		case e.Kind == trace.Drop:
			drops++
		}
		if e.Kind == trace.Connect && e.TCP.Try == 0 && e.Proto == trace.SMTP {
			conns[e.Conn] = true
		}
		if i > 0 && sample[i-1].At > e.At {
			t.Fatalf("event %d goes back in time", i)
		}
	}
	if narration != 1 {
		t.Errorf("%d narration events, want 1", narration)
	}
	if drops < 2*5 { // a blocked session shows its SYN dropped again and again
		t.Errorf("%d drops: the blocked sessions are not in full", drops)
	}
	if n := len(conns); n < 3 || n > 2*int(campaign.NumOutcomes) {
		t.Errorf("%d sessions sampled, want a few of each ending (at most 2 each)", n)
	}
	topo := campaign.SampleTopology(*topology(t, sc), sample)
	if len(topo.Hosts) >= 12+9 {
		t.Errorf("the sample topology keeps %d hosts: the bots not shown should go", len(topo.Hosts))
	}
}
