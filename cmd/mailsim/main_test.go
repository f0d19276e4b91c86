package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/mailsim/mailsim/sim/scenario"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mailsim": func() { os.Exit(Main(os.Args[1:], SystemStreams())) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("LANG", "C.UTF-8")
			return nil
		},
	})
}

// testStreams returns IOStreams writing into buffers, not a terminal.
func testStreams(env map[string]string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &IOStreams{
		In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Getenv: func(k string) string { return env[k] },
	}, &out, &errOut
}

// TestGoldenTranscripts checks `mailsim run <id>` for every bundled scenario,
// in both languages, against testdata/golden/<id>.<lang>.txt, and that a
// second run is byte-identical.
func TestGoldenTranscripts(t *testing.T) {
	ids, err := scenario.BundledIDs()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		for _, lang := range []string{"en", "ja"} {
			t.Run(id+"."+lang, func(t *testing.T) {
				ios, out, errOut := testStreams(nil)
				if code := Main([]string{"run", id, "--lang", lang}, ios); code != ExitOK {
					t.Fatalf("run %s exited %d; stderr:\n%s\nstdout:\n%s", id, code, errOut, out)
				}
				ios2, out2, _ := testStreams(nil)
				Main([]string{"run", id, "--lang", lang}, ios2)
				if !bytes.Equal(out.Bytes(), out2.Bytes()) {
					t.Fatal("two runs of the same scenario differ: the simulation is not deterministic")
				}
				golden(t, filepath.Join("testdata", "golden", id+"."+lang+".txt"), out.Bytes())
			})
		}
	}
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'go test ./cmd/mailsim -update' to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where want and got part.
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
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}
