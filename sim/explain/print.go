package explain

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mailsim/mailsim/internal/prompt"
	"github.com/mailsim/mailsim/sim/i18n"
)

// Printer writes entries as plain text, the way `mailsim explain` shows
// them: the key and title, then the explanation and its parts indented by
// two spaces.
type Printer struct {
	W    io.Writer
	Lang i18n.Lang
	// Width wraps the text to this many columns when Wrap is set and the
	// width is worth it (a terminal); 0 writes each part on one line.
	Width int
	Wrap  func(s string, width int) []string
}

// Entry writes one entry.
func (p *Printer) Entry(e Entry) {
	fmt.Fprintf(p.W, "%s  %s\n", e.Key, e.Title.In(p.Lang))
	p.wrapped(e.Text.In(p.Lang))
	for _, part := range []struct {
		label i18n.Text
		text  i18n.Text
	}{
		{i18n.T("+OK: ", "+OK: "), e.OK},
		{i18n.T("-ERR: ", "-ERR: "), e.Err},
		{i18n.T("Cause: ", "原因: "), e.Cause},
		{i18n.T("Fix: ", "対処: "), e.Fix},
		{i18n.T("Real servers: ", "実際のサーバ: "), e.Servers},
	} {
		if !part.text.IsZero() {
			p.wrapped(part.label.In(p.Lang) + part.text.In(p.Lang))
		}
	}
	fmt.Fprintf(p.W, "  %s%s\n", i18n.T("Source: ", "出典: ").In(p.Lang), e.Source().In(p.Lang))
}

// wrapped writes s indented by two spaces, wrapped to the width.
func (p *Printer) wrapped(s string) {
	if p.Width < 20 || p.Wrap == nil {
		fmt.Fprintf(p.W, "  %s\n", s)
		return
	}
	for _, l := range p.Wrap(s, p.Width-2) {
		fmt.Fprintf(p.W, "  %s\n", l)
	}
}

// Entries writes entries separated by blank lines.
func (p *Printer) Entries(es []Entry) {
	for i, e := range es {
		if i > 0 {
			fmt.Fprintln(p.W)
		}
		p.Entry(e)
	}
}

// List writes every key and its title, one a line, the titles aligned.
func (p *Printer) List(es []Entry) error {
	width := 0
	for _, e := range es {
		width = max(width, len(e.Key))
	}
	for _, e := range es {
		if _, err := fmt.Fprintf(p.W, "%-*s  %s\n", width, e.Key, e.Title.In(p.Lang)); err != nil {
			return err
		}
	}
	return nil
}

// NotFound says what was searched for and not found, the nearest words for
// each ("did you mean"), and how to list every key.
func NotFound(r Result, lang i18n.Lang) string {
	quoted := make([]string, len(r.Missing))
	quotedJA := make([]string, len(r.Missing))
	for i, m := range r.Missing {
		quoted[i] = fmt.Sprintf("%q", m)
		quotedJA[i] = "「" + m + "」"
	}
	q, qJA := strings.Join(quoted, ", "), strings.Join(quotedJA, "、")
	var hints []string
	for _, m := range r.Missing {
		if s := r.Suggest[m]; len(s) > 0 {
			hints = append(hints, i18n.T(
				fmt.Sprintf("For %q, did you mean %s?", m, strings.Join(s, ", ")),
				fmt.Sprintf("「%s」は「%s」のことですか。", m, strings.Join(s, "」「"))).In(lang))
		}
	}
	hint := ""
	if len(hints) > 0 {
		hint = " " + strings.Join(hints, " ")
	}
	if lang == i18n.JA {
		hint = strings.TrimPrefix(hint, " ")
	}
	return i18n.T(
		"explain: nothing matches "+q+"."+hint+" Searched: SMTP reply codes (554) and enhanced status codes (5.7.1), SMTP and POP3 commands (RCPT, STAT), POP3 status (+OK, -ERR), DNS (MX, NXDOMAIN), TCP events (op25b, timeout), ports (587), exam terms in English or Japanese (open relay, 第三者中継, SMTP-AUTH), lines pasted from a transcript and base64 from AUTH. Run 'mailsim explain --list' to see every key.",
		"explain: "+qJA+"に一致する説明はありません。"+hint+"検索の対象は、SMTPの応答コード(554)と拡張ステータスコード(5.7.1)、SMTP・POP3のコマンド(RCPT、STAT)、POP3の応答(+OK、-ERR)、DNS(MX、NXDOMAIN)、TCPの事象(「op25b」「timeout」)、ポート番号(587)、英語または日本語の試験の用語(第三者中継、SMTP-AUTHなど)、全記録から貼り付けた行、AUTHのBase64です。すべてのキーは「mailsim explain --list」で表示できます。").In(lang)
}

// Intro is the line the interactive prompt starts with.
func Intro(lang i18n.Lang) string {
	return i18n.T(
		"Type a reply code (554), an enhanced code (5.7.1), a command (RCPT), an exam term (open relay, 第三者中継) or a line from a transcript. Tab completes, '?' shows every key, Ctrl-D or 'exit' leaves.",
		"応答コード(554)、拡張ステータスコード(5.7.1)、コマンド(RCPT)、試験の用語(第三者中継など)、または全記録の1行を入力してください。Tabキーで補完し、「?」で一覧を表示します。Ctrl-Dか「exit」で終了します。").In(lang)
}

// ShellWords are what the prompt's tab completion offers: the words that
// find an entry and the prompt's own word.
func ShellWords() []string { return append(Words(), "exit") }

// Shell answers one query per line until the input ends, "exit", or Ctrl-C
// on an empty line; "?" lists every key. QUIT and LIST are commands like any
// other, explained rather than obeyed. An unknown query is answered, not
// fatal.
func (p *Printer) Shell(r prompt.Reader) error {
	fmt.Fprintln(p.W, Intro(p.Lang))
	for {
		line, err := r.ReadLine()
		switch {
		case errors.Is(err, prompt.ErrInterrupt):
			if strings.TrimSpace(line) == "" {
				return nil
			}
			continue
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return err
		}
		q := strings.TrimSpace(line)
		switch strings.ToLower(q) {
		case "":
			continue
		case "exit": // not QUIT or LIST: those are commands to explain
			return nil
		case "?":
			if err := p.List(All()); err != nil {
				return err
			}
			continue
		}
		res := ResolveEach([]string{q})
		p.Entries(res.Entries)
		if len(res.Missing) > 0 {
			fmt.Fprintln(p.W, NotFound(res, p.Lang))
		}
		fmt.Fprintln(p.W)
	}
}

// ReadQueries reads one query a line until the input ends, skipping blank
// lines: the queries of `grep ... | mailsim explain`.
func ReadQueries(r prompt.Reader) ([]string, error) {
	var qs []string
	for {
		line, err := r.ReadLine()
		if errors.Is(err, io.EOF) {
			return qs, nil
		}
		if err != nil {
			return qs, err
		}
		if q := strings.TrimSpace(line); q != "" {
			qs = append(qs, q)
		}
	}
}
