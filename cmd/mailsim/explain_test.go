package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/internal/prompt"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/player"
	"github.com/mattn/go-runewidth"
)

// runMain runs mailsim with args against buffers, with no locale set.
func explainMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{
		In:     strings.NewReader(""),
		Out:    &out,
		ErrOut: &errOut,
		Getenv: func(string) string { return "" },
	}
	code = Main(args, ios)
	return code, out.String(), errOut.String()
}

func TestExplain554(t *testing.T) {
	e, ok := explain.Get("554")
	if !ok {
		t.Fatal("no entry for 554")
	}
	code, out, errOut := explainMain(t, "explain", "554")
	if code != ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := "554  " + e.Title.EN + "\n" +
		"  " + e.Text.EN + "\n" +
		"  Cause: " + e.Cause.EN + "\n" +
		"  Fix: " + e.Fix.EN + "\n" +
		"  Source: RFC 5321 4.2.2, 7.9\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}

	code, out, _ = explainMain(t, "explain", "--lang", "ja", "554")
	if code != ExitOK {
		t.Fatalf("ja: exit %d", code)
	}
	want = "554  " + e.Title.JA + "\n" +
		"  " + e.Text.JA + "\n" +
		"  原因: " + e.Cause.JA + "\n" +
		"  対処: " + e.Fix.JA + "\n" +
		"  出典: RFC 5321 4.2.2, 7.9\n"
	if out != want {
		t.Errorf("ja output:\n%s\nwant:\n%s", out, want)
	}
	if !strings.Contains(out, "第三者中継") {
		t.Errorf("ja output does not teach 第三者中継:\n%s", out)
	}
}

func TestExplainLangFromLocale(t *testing.T) {
	var out bytes.Buffer
	ios := &IOStreams{Out: &out, ErrOut: &out, Getenv: func(k string) string {
		if k == "LANG" {
			return "ja_JP.UTF-8"
		}
		return ""
	}}
	if code := Main([]string{"explain", "op25b"}, ios); code != ExitOK {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	if !strings.Contains(out.String(), "サブミッションポート") {
		t.Errorf("LANG=ja did not give Japanese:\n%s", out.String())
	}
}

func TestExplainSeveral(t *testing.T) {
	// A pasted reply line gives both codes, most specific first; a repeated
	// entry is printed once; POP3 entries show what +OK and -ERR mean.
	code, out, _ := explainMain(t, "explain", "554 5.7.1 <bob@example.jp>: Relay access denied", "554", "DELE")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var heads []string
	for _, l := range strings.Split(out, "\n") {
		if l != "" && !strings.HasPrefix(l, " ") {
			heads = append(heads, strings.SplitN(l, "  ", 2)[0])
		}
	}
	if got := strings.Join(heads, ","); got != "5.7.1,554,POP3 DELE" {
		t.Errorf("entries printed: %s\n%s", got, out)
	}
	if !strings.Contains(out, "\n  +OK: ") || !strings.Contains(out, "\n  -ERR: ") {
		t.Errorf("DELE lacks its +OK/-ERR meanings:\n%s", out)
	}
	// Keys the shell split apart are tried together.
	for _, args := range [][]string{{"null", "MX"}, {"SMTP", "RCPT"}, {"tcp", "drop"}} {
		code, out, _ = explainMain(t, append([]string{"explain"}, args...)...)
		want, _ := explain.Get(strings.Join(args, " "))
		if want.Key == "" {
			want = explain.Lookup(strings.Join(args, " "))[0]
		}
		if code != ExitOK || !strings.HasPrefix(out, want.Key+"  ") || strings.Count(out, "\n\n") != 0 {
			t.Errorf("explain %q: exit %d\n%s", args, code, out)
		}
	}
}

func TestExplainUnknown(t *testing.T) {
	code, out, errOut := explainMain(t, "explain", "xyzzy")
	if code != ExitBadInput {
		t.Errorf("exit %d, want %d", code, ExitBadInput)
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing", out)
	}
	for _, want := range []string{`"xyzzy"`, "mailsim explain --list", "554", "5.7.1"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %s", want, errOut)
		}
	}
	// Known entries are still printed; the unknown one still fails the run.
	code, out, errOut = explainMain(t, "explain", "--lang", "ja", "QUIT", "xyzzy")
	if code != ExitBadInput || !strings.Contains(out, "SMTP QUIT") || !strings.Contains(out, "POP3 QUIT") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if !strings.Contains(errOut, "一致する説明はありません") || !strings.Contains(errOut, "--list") {
		t.Errorf("ja stderr: %s", errOut)
	}
}

func TestExplainUsage(t *testing.T) {
	for _, args := range [][]string{
		{"explain"},
		{"explain", "--list", "554"},
		{"explain", "--lang", "fr", "554"},
	} {
		if code, _, errOut := explainMain(t, args...); code != ExitBadInput || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestExplainList(t *testing.T) {
	code, out, _ := explainMain(t, "explain", "--list")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	all := explain.All()
	if len(lines) != len(all) {
		t.Fatalf("%d lines for %d entries", len(lines), len(all))
	}
	for i, e := range all {
		if !strings.HasPrefix(lines[i], e.Key+" ") || !strings.HasSuffix(lines[i], "  "+e.Title.EN) {
			t.Errorf("line %d = %q, want key %q and title %q", i, lines[i], e.Key, e.Title.EN)
		}
		if strings.Contains(lines[i], "\x1b") {
			t.Errorf("line %d has an escape code", i)
		}
	}
	// Titles line up.
	col := strings.Index(lines[0], all[0].Title.EN)
	for i, l := range lines {
		if strings.Index(l, all[i].Title.EN) != col {
			t.Errorf("line %d: title not in column %d: %q", i, col, l)
		}
	}
}

// TestExplainShell checks the interactive loop on plain lines: answers,
// list, an unknown query that does not end the loop, and quit.
func TestExplainShell(t *testing.T) {
	var out bytes.Buffer
	in := "554\n\nxyzzy\n?\nLIST\nquit\nrcpt\nexit\nSTAT\n"
	if err := (&explain.Printer{W: &out, Lang: i18n.EN}).Shell(prompt.Lines(strings.NewReader(in))); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"Type a reply code", "554  ", `nothing matches "xyzzy"`,
		"SMTP RCPT  ", "Delivery not authorized (relay denied)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// LIST and quit are commands to explain, not the prompt's own words.
	for _, key := range []string{"POP3 LIST", "SMTP QUIT", "POP3 QUIT"} {
		e, _ := explain.Get(key)
		if !strings.Contains(got, "  "+e.Text.EN+"\n") {
			t.Errorf("%s was not explained", key)
		}
	}
	if !strings.HasSuffix(got, "Source: RFC 5321 4.1.1.3\n\n") {
		t.Error("the output does not end with the answer to rcpt: a query after quit was answered?")
	}
	out.Reset()
	if err := (&explain.Printer{W: &out, Lang: i18n.JA}).Shell(prompt.Lines(strings.NewReader("RETR"))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "POP3 RETR") || !strings.Contains(out.String(), "Tabキーで補完") {
		t.Errorf("ja shell:\n%s", out.String())
	}
}

// TestExplainFromPipe: with no query and a pipe for input, every line is a
// query of its own; an unknown one fails the run after the others.
func TestExplainFromPipe(t *testing.T) {
	run := func(in string) (int, string, string) {
		var out, errOut bytes.Buffer
		ios := &IOStreams{In: strings.NewReader(in), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
		return Main([]string{"explain"}, ios), out.String(), errOut.String()
	}
	code, out, _ := run("554 5.7.1 <x@example.net>: Relay access denied\n\nRETR\n")
	if code != ExitOK || !strings.Contains(out, "5.7.1  ") || !strings.Contains(out, "554  ") || !strings.Contains(out, "POP3 RETR  ") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, errOut := run("550\nxyzzy\n")
	if code != ExitBadInput || !strings.Contains(out, "550  ") || !strings.Contains(errOut, `"xyzzy"`) {
		t.Errorf("exit %d, out:\n%s\nerr: %s", code, out, errOut)
	}
	if code, _, errOut := run(""); code != ExitBadInput || !strings.Contains(errOut, "say what to explain") {
		t.Errorf("empty input: exit %d, %s", code, errOut)
	}
}

// TestExplainWraps: on a terminal, entries are wrapped to its width, in
// both languages, and nothing is lost in the wrapping.
func TestExplainWraps(t *testing.T) {
	e, _ := explain.Get("554")
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		var b bytes.Buffer
		(&explain.Printer{W: &b, Lang: lang, Width: 40, Wrap: player.WrapText}).Entry(e)
		for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if w := runewidth.StringWidth(l); w > 40 && !strings.Contains(l, "RFC") {
				t.Errorf("%s: a line of %d columns: %q", lang, w, l)
			}
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if !strings.Contains(squash(b.String()), squash(e.Text.In(lang))) {
			t.Errorf("%s: the text did not survive wrapping:\n%s", lang, b.String())
		}
	}
}

// TestExplainDidYouMean: a near miss fails with the nearest words.
func TestExplainDidYouMean(t *testing.T) {
	code, _, errOut := explainMain(t, "explain", "rctp")
	if code != ExitBadInput || !strings.Contains(errOut, "did you mean RCPT?") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, _, errOut = explainMain(t, "explain", "--lang", "ja", "第三者中断")
	if code != ExitBadInput || !strings.Contains(errOut, "「第三者中継」のことですか") {
		t.Errorf("ja: exit %d: %s", code, errOut)
	}
}
