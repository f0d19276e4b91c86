package export

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// run plays a bundled scenario and returns it as an export input.
func run(t testing.TB, id string, lang i18n.Lang) *Input {
	t.Helper()
	sc, err := scenario.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := scenario.Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	start := sc.Start
	if start.IsZero() {
		start = sim.DefaultStart
	}
	return &Input{Topology: &rep.Topology, Events: rec.Events, Start: start, Lang: lang}
}

// bundled returns the ids of the bundled scenarios.
func bundled(t testing.TB) []string {
	t.Helper()
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'go test ./sim/export -update' to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where want and got part, cut to the
// neighbourhood of the first differing byte when the line is long.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			at := 0
			for at < len(w) && at < len(g) && w[at] == g[at] {
				at++
			}
			return "line " + strconv.Itoa(i+1) + ", byte " + strconv.Itoa(at+1) + ":\n  want: " + around(w, at) + "\n  got:  " + around(g, at)
		}
	}
	return "(no line differs)"
}

// around is s cut to 80 bytes either side of at.
func around(s string, at int) string {
	from, to := max(0, at-80), min(len(s), at+80)
	out := s[from:to]
	if from > 0 {
		out = "..." + out
	}
	if to < len(s) {
		out += "..."
	}
	return out
}

// render runs format f on a bundled scenario in lang.
func render(t *testing.T, f func(io.Writer, *Input) error, id string, lang i18n.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, run(t, id, lang)); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	return buf.Bytes()
}

// refusedYAML is a scenario with what no bundled one has: a SYN answered by
// RST (nothing listens on port 25), then a session over POP3.
const refusedYAML = `id: refused
title: {en: Refused, ja: 拒否}
world:
  hosts:
    pc: {ip: 192.0.2.1}
    web.example.jp: {ip: 192.0.2.80}
    mx.example.jp: {ip: 192.0.2.25, domains: [example.jp], users: {bob: pw}, smtp: [{port: 25}], pop3: [{port: 110}]}
steps:
  - send: {client: pc, server: web.example.jp:25, from: a@b.example, to: bob@example.jp}
    expect: {refused: true}
  - send: {client: pc, server: mx.example.jp:25, from: a@b.example, to: bob@example.jp}
  - fetch: {client: pc, server: mx.example.jp:110, user: bob, pass: pw}
`

// runYAML plays a scenario given as text.
func runYAML(t testing.TB, src string, lang i18n.Lang) *Input {
	t.Helper()
	sc, err := scenario.Parse("inline.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := scenario.Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("%s: %d expectations missed", sc.ID, rep.Missed)
	}
	return &Input{Topology: &rep.Topology, Events: rec.Events, Start: sim.DefaultStart, Lang: lang}
}
