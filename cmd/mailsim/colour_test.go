package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestRunColor checks --color: auto colours a terminal only, NO_COLOR and
// TERM=dumb switch it off, and the coloured transcript is the plain one
// with SGR sequences added around whole lines.
func TestRunColor(t *testing.T) {
	run := func(terminal bool, env map[string]string, args ...string) (int, string) {
		var out, errOut bytes.Buffer
		ios := &IOStreams{Out: &out, ErrOut: &errOut, IsTerminal: terminal,
			Getenv: func(k string) string { return env[k] }}
		code := Main(append([]string{"run", "op25b"}, args...), ios)
		if errOut.Len() > 0 {
			t.Logf("stderr: %s", errOut.String())
		}
		return code, out.String()
	}
	_, plain := run(false, nil)
	if strings.Contains(plain, "\x1b") {
		t.Fatal("run to a pipe wrote an escape code")
	}
	for _, c := range []struct {
		name     string
		terminal bool
		env      map[string]string
		args     []string
		colour   bool
	}{
		{"auto on a terminal", true, nil, nil, true},
		{"auto to a pipe", false, nil, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, false},
		{"TERM=dumb", true, map[string]string{"TERM": "dumb"}, nil, false},
		{"always to a pipe", false, nil, []string{"--color", "always"}, true},
		{"never on a terminal", true, nil, []string{"--color=never"}, false},
	} {
		code, out := run(c.terminal, c.env, c.args...)
		if code != ExitOK {
			t.Errorf("%s: exit %d", c.name, code)
			continue
		}
		if got := strings.Contains(out, "\x1b["); got != c.colour {
			t.Errorf("%s: coloured = %v, want %v", c.name, got, c.colour)
		}
		if stripped := sgrRE.ReplaceAllString(out, ""); stripped != plain {
			t.Errorf("%s: without its colours the output differs from the plain transcript", c.name)
		}
	}
	_, out := run(false, nil, "--color", "always")
	for _, want := range []string{
		"\x1b[1;97;41mTCP  SYN dropped by isp-router", // the drop stands out
		"\x1b[1;31mSMTP 554 5.7.1",                    // 5xx in bold red
		"\x1b[32mSMTP 250 ",                           // 2xx in green
		"\x1b[1;36mSMTP EHLO",                         // commands in bold cyan
	} {
		if !strings.Contains(out, want) {
			t.Errorf("coloured transcript lacks %q", want)
		}
	}
	if code, _ := run(true, nil, "--color", "sometimes"); code != ExitBadInput {
		t.Errorf("--color sometimes: exit %d, want %d", code, ExitBadInput)
	}
}
