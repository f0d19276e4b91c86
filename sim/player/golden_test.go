package player

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// play makes a player on the fixture, moves it to the beat holding the
// first event that at accepts (if at is set), feeds it keys (as a terminal
// would send them) and ticks, and returns it.
func play(t testing.TB, cfg Config, at func(*trace.Event) bool, keys string, ticks int) *Player {
	t.Helper()
	topo := fixtureTopology()
	if cfg.Explain == nil {
		cfg.Explain = fixtureExplain
	}
	p := New(topo, fixtureEvents(topo), cfg)
	if at != nil {
		seekEvent(t, p.Model(), at)
	}
	ks, rest := DecodeKeys(nil, []byte(keys))
	if len(rest) > 0 {
		t.Fatalf("keys %q leave %q undecoded", keys, rest)
	}
	for _, k := range ks {
		p.Key(k)
	}
	for i := 0; i < ticks; i++ {
		p.Tick()
	}
	return p
}

// seekEvent shows everything up to the beat with the first event at accepts.
func seekEvent(t testing.TB, m *Model, at func(*trace.Event) bool) {
	t.Helper()
	for b := 0; b < m.Len(); b++ {
		for _, e := range m.Beat(b) {
			if at(&e) {
				m.Seek(b + 1)
				return
			}
		}
	}
	t.Fatal("no event in the fixture matches")
}

// line matches the protocol line that starts with prefix.
func line(prefix string) func(*trace.Event) bool {
	return func(e *trace.Event) bool { return e.Kind == trace.Line && strings.HasPrefix(e.Line, prefix) }
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("frame %s differs from the golden file (run go test -update and review the diff)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

// frameText joins a frame's rows; escape codes are shown as ␛ so the golden
// files stay readable in a diff.
func frameText(frame []string) string {
	var b strings.Builder
	for _, l := range frame {
		b.WriteString(strings.ReplaceAll(l, "\x1b", "␛"))
		b.WriteString("\n")
	}
	return b.String()
}

// The golden frames: the moments a lesson is about, at 80x24 (the smallest
// supported terminal) and 160x45 (a projector), in English and Japanese.
var goldenCases = []struct {
	name string
	at   func(*trace.Event) bool
	keys string
}{
	{name: "title"},
	{name: "narration", keys: "\r"},
	{name: "op25b-drop", keys: "g2\r\r\r"},
	{name: "op25b-timeout", keys: "g2\r\r\r\r\r"},
	{name: "submission", at: line("RCPT TO:<carol"), keys: ""},
	{name: "relay-550", at: line("550 "), keys: ""},
	{name: "explain-550", at: line("550 "), keys: "e"},
	{name: "explain-data", at: line("Subject: Hello"), keys: "e"},
	{name: "dns", at: line("example.jp. 3600"), keys: ""},
	{name: "dns-state", at: line("example.jp. 3600"), keys: "s"},
	{name: "op25b-state", keys: "g2\r\r\r\r\rs"},
	{name: "pop3-state", at: line("+OK message 2 deleted"), keys: "s"},
	{name: "explain-dele", at: line("+OK message 1 deleted"), keys: "e"},
	{name: "pop3-quit-state", at: line("+OK bob POP3 server signing off"), keys: "s"},
	{name: "smtp-state", at: line("354 "), keys: "s"},
	{name: "transcript", keys: "g3\r\r\r\r\rt"},
	{name: "prompt", keys: "g3"},
	{name: "end", keys: "\x1b[F"},
}

func TestGoldenFrames(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {160, 45}}
	for _, tc := range goldenCases {
		for _, sz := range sizes {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
				name := tc.name + "-" + itoa(sz.w) + "x" + itoa(sz.h) + "-" + string(lang)
				t.Run(name, func(t *testing.T) {
					cfg := Config{Width: sz.w, Height: sz.h, Lang: lang, NoAnim: true}
					p := play(t, cfg, tc.at, tc.keys, 0)
					checkGolden(t, filepath.Join("frames", name+".txt"), frameText(p.Frame()))
				})
			}
		}
	}
}

// Frames that show options and animation, at 80x24.
func TestGoldenVariants(t *testing.T) {
	cases := []struct {
		name  string
		at    func(*trace.Event) bool
		keys  string
		ticks int
		cfg   Config
	}{
		// A SYN in flight toward the OP25B barrier, then stopped at it.
		{name: "syn-flight-en", keys: "g2\r\r", ticks: 4, cfg: Config{Lang: i18n.EN}},
		{name: "syn-at-barrier-en", keys: "g2\r\r", ticks: 20, cfg: Config{Lang: i18n.EN}},
		// A reply travelling back to the client.
		{name: "reply-flight-ja", at: line("RCPT TO:<carol"), keys: "\r", ticks: 3, cfg: Config{Lang: i18n.JA}},
		{name: "command-flight-en", at: line("250 2.1.5"), keys: "\r", ticks: 6, cfg: Config{Lang: i18n.EN}},
		{name: "dns-flight-en", at: line("QUERY MX"), keys: "\r", ticks: 4, cfg: Config{Lang: i18n.EN}},
		{name: "big-en", keys: "g3\r" + strings.Repeat("\r", 13), cfg: Config{Lang: i18n.EN, Big: true, NoAnim: true}},
		{name: "big-ja", keys: "g3\r" + strings.Repeat("\r", 13), cfg: Config{Lang: i18n.JA, Big: true, NoAnim: true}},
		{name: "ascii-en", keys: "g2\r\r\r", cfg: Config{Lang: i18n.EN, ASCII: true, NoAnim: true}},
		{name: "color-en", keys: "g3\r" + strings.Repeat("\r", 39), cfg: Config{Lang: i18n.EN, Color: true, NoAnim: true}},
		{name: "color-drop-ja", keys: "g2\r\r\r", cfg: Config{Lang: i18n.JA, Color: true, NoAnim: true}},
		{name: "auto-en", ticks: 200, cfg: Config{Lang: i18n.EN, Auto: true, Speed: 200}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			cfg.Width, cfg.Height = 80, 24
			p := play(t, cfg, tc.at, tc.keys, tc.ticks)
			checkGolden(t, filepath.Join("frames", tc.name+".txt"), frameText(p.Frame()))
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
