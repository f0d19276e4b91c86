package player

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// bundled runs a bundled scenario once per test binary and returns its
// topology and trace.
var bundled = struct {
	sync.Mutex
	runs map[string]bundledRun
}{runs: map[string]bundledRun{}}

type bundledRun struct {
	topo   trace.Topology
	events []trace.Event
}

func runBundled(t testing.TB, id string) (*trace.Topology, []trace.Event) {
	t.Helper()
	bundled.Lock()
	defer bundled.Unlock()
	if r, ok := bundled.runs[id]; ok {
		return &r.topo, r.events
	}
	sc, err := scenario.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := scenario.Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	r := bundledRun{topo: rep.Topology, events: rec.Events}
	bundled.runs[id] = r
	return &r.topo, r.events
}

// playBundled is play on a bundled scenario.
func playBundled(t testing.TB, id string, cfg Config, at func(*trace.Event) bool, keys string) *Player {
	t.Helper()
	topo, events := runBundled(t, id)
	if cfg.Explain == nil {
		cfg.Explain = fixtureExplain
	}
	p := New(topo, events, cfg)
	if at != nil {
		seekEvent(t, p.Model(), at)
	}
	ks, rest := DecodeKeys(nil, []byte(keys))
	if len(rest) > 0 {
		t.Fatalf("keys %q leave %q undecoded", keys, rest)
	}
	if len(ks) > 0 {
		// A frame first: how far the screen can scroll is known once it
		// has been drawn, as on a terminal.
		p.Frame()
	}
	for _, k := range ks {
		p.Key(k)
	}
	return p
}

// inStep matches an event of step n (from 1) that also matches f.
func inStep(n int, f func(*trace.Event) bool) func(*trace.Event) bool {
	return func(e *trace.Event) bool { return e.Step == n-1 && f(e) }
}

// from matches an event sent by host that also matches f.
func from(host string, f func(*trace.Event) bool) func(*trace.Event) bool {
	return func(e *trace.Event) bool { return e.Src.Host == host && f(e) }
}

func kind(k trace.Kind) func(*trace.Event) bool {
	return func(e *trace.Event) bool { return e.Kind == k }
}

// The golden frames of mx-routing, the scenario a room follows hop by hop:
// the title screen, the path at each hop, the waits, scrollback, --big,
// the key list and the panes, at 80x24 and 160x45, in both languages.
var routeCases = []struct {
	name string
	at   func(*trace.Event) bool
	keys string
	big  bool
}{
	{name: "title"},
	{name: "title-scrolled", keys: "\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B"},
	{name: "hop-submission", at: inStep(2, line("MAIL FROM:<alice"))},
	{name: "hop-dns", at: inStep(2, line("example.jp. 3600 IN MX 20"))},
	{name: "hop-relay", at: inStep(2, from("mail.isp.example", line("RCPT TO:<bob")))},
	{name: "hop-relay-scrollback", at: inStep(2, from("mail.isp.example", line("RCPT TO:<bob"))), keys: "\x1b[5~"},
	{name: "hop-backup", at: inStep(5, from("mx2.example.jp", line("250 2.1.5")))},
	{name: "hop-retry", at: inStep(9, from("mx1.example.jp", line("250 2.1.5")))},
	{name: "hop-pop3", at: line("RETR 1")},
	{name: "wait-nothing", at: inStep(7, kind(trace.Step))},
	{name: "wait-retry", at: inStep(9, kind(trace.Step))},
	{name: "dns-state", at: inStep(2, line("example.jp. 3600 IN MX 20")), keys: "s"},
	{name: "transcript", at: inStep(2, line("RCPT TO:<bob")), keys: "t"},
	{name: "keys", at: inStep(2, line("RCPT TO:<bob")), keys: "?"},
	{name: "big-relay", at: inStep(2, from("mail.isp.example", line("RCPT TO:<bob"))), big: true},
	{name: "big-dns", at: inStep(2, line("example.jp. 3600 IN MX 20")), big: true},
	{name: "big-title", big: true},
}

func TestGoldenRoute(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {160, 45}}
	for _, tc := range routeCases {
		for _, sz := range sizes {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
				name := "mx-" + tc.name + "-" + itoa(sz.w) + "x" + itoa(sz.h) + "-" + string(lang)
				t.Run(name, func(t *testing.T) {
					cfg := Config{Width: sz.w, Height: sz.h, Lang: lang, NoAnim: true, Big: tc.big}
					p := playBundled(t, "mx-routing", cfg, tc.at, tc.keys)
					frame := p.Frame()
					checkUncut(t, frame, sz.w, sz.h)
					checkGolden(t, filepath.Join("frames", name+".txt"), frameText(frame))
				})
			}
		}
	}
}

// checkUncut: a frame is exactly the screen's size, and nothing on it is
// cut off with an ellipsis (wrapped or abbreviated instead).
func checkUncut(t *testing.T, frame []string, w, h int) {
	t.Helper()
	if len(frame) != h {
		t.Errorf("%d rows, want %d", len(frame), h)
	}
	for i, l := range frame {
		if textWidth(l) > w {
			t.Errorf("row %d is %d columns wide, more than %d: %q", i, textWidth(l), w, l)
		}
		if strings.Contains(l, "…") {
			t.Errorf("row %d is cut off: %q", i, l)
		}
	}
}

// TestHopsAndRoles: the hops of mx-routing and the roles the title screen
// and the path give its hosts, from the world's services and MX table.
func TestHopsAndRoles(t *testing.T) {
	topo, events := runBundled(t, "mx-routing")
	m := NewModel(topo, events)
	var kinds []string
	for i := range m.hops {
		h := &m.hops[i]
		if h.Step != 1 {
			continue
		}
		k := hopKind(topo, h).EN + " " + h.Client.Host + ">" + h.Server.Host
		if len(kinds) == 0 || kinds[len(kinds)-1] != k {
			kinds = append(kinds, k)
		}
	}
	want := []string{
		"submission alice-pc>mail.isp.example",
		"DNS lookup mail.isp.example>ns.example",
		"submission alice-pc>mail.isp.example",
		"DNS lookup mail.isp.example>ns.example",
		"relay mail.isp.example>mx1.example.jp",
		"DNS lookup mx1.example.jp>ns.example",
		"relay mail.isp.example>mx1.example.jp",
	}
	if strings.Join(kinds, "\n") != strings.Join(want, "\n") {
		t.Errorf("hops of step 2:\n%s\nwant\n%s", strings.Join(kinds, "\n"), strings.Join(want, "\n"))
	}
	roles := map[string][]Role{}
	for i := range topo.Hosts {
		roles[topo.Hosts[i].Name] = hostRoles(topo, &topo.Hosts[i])
	}
	for host, want := range map[string][]Role{
		"alice-pc":         {RoleMUA},
		"mail.isp.example": {RoleMSA, RoleMX, RoleMDA},
		"mx1.example.jp":   {RoleMX, RoleMDA, RolePOP},
		"mx2.example.jp":   {RoleMX},
		"small.example":    {RoleMTA, RoleMDA},
		"ns.example":       {RoleDNS},
	} {
		if got := roles[host]; !equalRoles(got, want) {
			t.Errorf("%s: roles %v, want %v", host, got, want)
		}
	}
}

func equalRoles(a, b []Role) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestWaitClock: a wait step's clock runs while the step is in flight and
// ends at the next step's time; a wait with nothing due says so.
func TestWaitClock(t *testing.T) {
	p := playBundled(t, "mx-routing", Config{Width: 80, Height: 24, Lang: i18n.EN}, inStep(6, kind(trace.Narration)), "\r")
	if p.View().AnimSteps == 0 {
		t.Fatal("the wait step does not run its clock")
	}
	var clocks []string
	for p.View().AnimSteps > 0 {
		for _, l := range p.Frame() {
			if strings.Contains(l, "Virtual clock") {
				clocks = append(clocks, strings.TrimSpace(l))
			}
		}
		p.Tick()
	}
	if len(clocks) < 3 || clocks[0] == clocks[len(clocks)-1] {
		t.Fatalf("the clock does not advance: %q", clocks)
	}
	s := screen(p)
	if !strings.Contains(s, "Virtual clock: 00:01:00.900 → 00:21:00.900") || !strings.Contains(s, "Nothing was due") {
		t.Errorf("the landed wait step:\n%s", s)
	}
}

// TestTitleSettings: the title screen of each lesson names the setting the
// lesson turns on, read from the world.
func TestTitleSettings(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want []string
	}{
		{"open-relay", []string{"relay: anyone (an open relay)", "MX "}},
		{"op25b", []string{"OP25B", "router", "MUA "}},
		{"ip25b", []string{"IP25B"}},
		{"submission-auth", []string{"SMTP-AUTH required", "MSA "}},
		{"eavesdropping", []string{"STARTTLS"}},
		{"pop-before-smtp", []string{"relay: pop-before-smtp"}},
		{"mx-routing", []string{"MX example.jp: 10 mx1.example.jp, 20 mx2.example.jp", "backup MX, relays for example.jp", "small.example: no MX record"}},
	} {
		p := playBundled(t, tc.id, Config{Width: 160, Height: 80, Lang: i18n.EN, NoAnim: true}, nil, "")
		s := screen(p)
		for _, w := range tc.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: the title screen lacks %q:\n%s", tc.id, w, s)
			}
		}
	}
}
