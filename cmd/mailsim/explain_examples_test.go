package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestExplainHelpExamples runs every example in `mailsim explain --help`,
// pipes included: each must exit 0 and print an explanation. A pipeline
// stage is mailsim itself or a fixed-string grep, done here in Go.
func TestExplainHelpExamples(t *testing.T) {
	code, help, _ := explainMain(t, "explain", "--help")
	if code != ExitOK {
		t.Fatalf("help: exit %d", code)
	}
	_, examples, ok := strings.Cut(help, "Examples:\n")
	if !ok {
		t.Fatalf("no examples in:\n%s", help)
	}
	n := 0
	for _, line := range strings.Split(examples, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "mailsim ") {
			if line == "" {
				break
			}
			continue
		}
		n++
		in := ""
		var out string
		for _, stage := range strings.Split(line, " | ") {
			words := shellWords(t, stage)
			switch words[0] {
			case "mailsim":
				var o, e bytes.Buffer
				ios := &IOStreams{In: strings.NewReader(in), Out: &o, ErrOut: &e, Getenv: func(string) string { return "" }}
				if code := Main(words[1:], ios); code != ExitOK {
					t.Errorf("%s: %q exits %d: %s", line, stage, code, e.String())
				}
				out = o.String()
			case "grep":
				if len(words) != 2 {
					t.Fatalf("%s: only `grep PATTERN` is supported here", line)
				}
				var kept []string
				for _, l := range strings.Split(in, "\n") {
					if strings.Contains(l, words[1]) {
						kept = append(kept, l)
					}
				}
				out = strings.Join(kept, "\n")
			default:
				t.Fatalf("%s: cannot run %q in a test", line, words[0])
			}
			in = out
		}
		if strings.TrimSpace(out) == "" || !strings.Contains(out, "  ") {
			t.Errorf("%s: printed nothing useful:\n%s", line, out)
		}
	}
	if n < 5 {
		t.Errorf("only %d examples found", n)
	}
}

// shellWords splits a command line as a POSIX shell would for the quoting
// the examples use: single and double quotes, no escapes.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unbalanced quote in %q", s)
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}
