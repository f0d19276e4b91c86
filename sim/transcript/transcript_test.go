package transcript

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

var (
	client = trace.Endpoint{Host: "alice-pc", Port: 49152}
	server = trace.Endpoint{Host: "mail.isp.example", Port: 587}
)

func line(dir trace.Dir, proto trace.Proto, text string, tag trace.Tag) trace.Event {
	e := trace.Event{Kind: trace.Line, Proto: proto, Dir: dir, Line: text, Tag: tag, Src: client, Dst: server}
	if dir == trace.ServerToClient {
		e.Src, e.Dst = server, client
	}
	return e
}

func TestClassOf(t *testing.T) {
	for _, c := range []struct {
		e    trace.Event
		want Class
	}{
		{line(trace.ClientToServer, trace.SMTP, "EHLO alice-pc", trace.Tag{Verb: "EHLO"}), Command},
		{line(trace.ClientToServer, trace.SMTP, "Subject: hi", trace.Tag{Kind: trace.MessageText}), ClientText},
		{line(trace.ServerToClient, trace.SMTP, "250 2.1.0 Ok", trace.Tag{Code: 250}), Reply2xx},
		{line(trace.ServerToClient, trace.SMTP, "354 End data", trace.Tag{}), Plain}, // no Tag.Code: not read back from the text
		{line(trace.ServerToClient, trace.SMTP, "451 4.3.0 later", trace.Tag{Code: 451}), Reply4xx},
		{line(trace.ServerToClient, trace.SMTP, "554 5.7.1 denied", trace.Tag{Code: 554}), Reply5xx},
		{line(trace.ServerToClient, trace.SMTP, "garbage", trace.Tag{}), Plain},
		{line(trace.ServerToClient, trace.POP3, "+OK 1 563", trace.Tag{Status: trace.OK}), POPOK},
		{line(trace.ServerToClient, trace.POP3, "-ERR invalid password", trace.Tag{Status: trace.Err}), POPErr},
		{line(trace.ServerToClient, trace.POP3, "Subject: hi", trace.Tag{}), POPText},
		{line(trace.ServerToClient, trace.IMAP, "a2 OK LOGIN completed", trace.Tag{Kind: trace.Tagged, Cond: trace.CondOK}), POPOK},
		{line(trace.ServerToClient, trace.IMAP, "a2 NO [AUTHENTICATIONFAILED] x", trace.Tag{Kind: trace.Tagged, Cond: trace.CondNO}), POPErr},
		{line(trace.ServerToClient, trace.IMAP, "* BYE logging out", trace.Tag{Kind: trace.Untagged, Cond: trace.CondBYE}), POPErr},
		{line(trace.ServerToClient, trace.IMAP, "* 1 EXISTS", trace.Tag{Kind: trace.Untagged, Verb: "EXISTS"}), POPText},
		{line(trace.ClientToServer, trace.IMAP, "a3 SELECT INBOX", trace.Tag{Kind: trace.Command, Verb: "SELECT"}), Command},
		{line(trace.ClientToServer, trace.DNS, "query example.jp. IN MX", trace.Tag{}), DNS},
		{trace.Event{Kind: trace.Drop}, Drop},
		{trace.Event{Kind: trace.Timeout}, Timeout},
		{trace.Event{Kind: trace.Refused}, Timeout},
		{trace.Event{Kind: trace.Connect}, TCP},
		{trace.Event{Kind: trace.Bounce}, Bounce},
		{trace.Event{Kind: trace.Deliver}, Deliver},
		{trace.Event{Kind: trace.Queue}, Note},
		{trace.Event{Kind: trace.Expect, OK: true}, ExpectOK},
		{trace.Event{Kind: trace.Expect}, ExpectMiss},
		{trace.Event{Kind: trace.Step}, StepHead},
		{trace.Event{Kind: trace.Narration}, Narration},
	} {
		if got := ClassOf(&c.e); got != c.want {
			t.Errorf("ClassOf(%v %q) = %d, want %d", c.e.Kind, c.e.Line, got, c.want)
		}
	}
}

// TestWrite checks the layout: aligned routes, the client always on the
// left, narration indented, and Paint applied to the content only.
func TestWrite(t *testing.T) {
	events := []trace.Event{
		{Kind: trace.Step, Step: 0, Text: i18n.Literal(i18n.T("send", "送信"))},
		{Kind: trace.Narration, Text: i18n.Literal(i18n.T("one\ntwo", "一\n二"))},
		line(trace.ServerToClient, trace.SMTP, "220 mail.isp.example ESMTP", trace.Tag{Code: 220}),
		line(trace.ClientToServer, trace.SMTP, "EHLO alice-pc", trace.Tag{Verb: "EHLO"}),
		{Kind: trace.Note, At: 90 * time.Minute, Src: trace.Endpoint{Host: "mx"}, Text: i18n.Literal(i18n.T("queued", "キュー"))},
		{Kind: trace.Expect, OK: false, Text: i18n.Literal(i18n.T("delivered to bob", "bobに配送"))},
	}
	events[2].At = 10 * time.Millisecond
	events[3].At = 20 * time.Millisecond
	var b bytes.Buffer
	if err := Write(&b, i18n.EN, events); err != nil {
		t.Fatal(err)
	}
	want := "\n[1] send\n" +
		"    one\n    two\n" +
		"00:00:00.010  alice-pc:49152 <- mail.isp.example:587  SMTP 220 mail.isp.example ESMTP\n" +
		"00:00:00.020  alice-pc:49152 -> mail.isp.example:587  SMTP EHLO alice-pc\n" +
		"01:30:00.000  mx                                      queued\n" +
		"  [MISS] delivered to bob\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}

	b.Reset()
	tw := New(&b, i18n.JA, events)
	tw.Paint = func(c Class, s string) string { return "<" + s + ">" }
	if err := tw.All(events); err != nil {
		t.Fatal(err)
	}
	want = "\n<[1] 送信>\n" +
		"    <一>\n    <二>\n" +
		"00:00:00.010  alice-pc:49152 <- mail.isp.example:587  <SMTP 220 mail.isp.example ESMTP>\n" +
		"00:00:00.020  alice-pc:49152 -> mail.isp.example:587  <SMTP EHLO alice-pc>\n" +
		"01:30:00.000  mx                                      <キュー>\n" +
		"<  [MISS] bobに配送>\n"
	if b.String() != want {
		t.Errorf("painted, got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestWriteCleans checks that text from a scenario file cannot reach the
// terminal as an escape sequence, while tabs (header continuations) stay.
func TestWriteCleans(t *testing.T) {
	events := []trace.Event{
		{Kind: trace.Step, Text: i18n.Literal(i18n.T("T\x1b[31mRED", "T\x1b[31mRED"))},
		{Kind: trace.Narration, Text: i18n.Literal(i18n.T("say \x1b]0;pwned\a", "x"))},
		line(trace.ClientToServer, trace.SMTP, "HELO \x1b[2Jx\u202e", trace.Tag{}),
		line(trace.ClientToServer, trace.SMTP, "\tby mx.example.jp", trace.Tag{}),
	}
	var b bytes.Buffer
	if err := Write(&b, i18n.EN, events); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.ContainsAny(out, "\x1b\a\u202e") {
		t.Errorf("escape or control bytes got through:\n%q", out)
	}
	for _, want := range []string{"T^[[31mRED", "say ^[]0;pwned^G", "HELO ^[[2Jx?", "SMTP \tby mx.example.jp"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%q", want, out)
		}
	}
	if s := "plain 日本語\ttab"; Clean(s) != s {
		t.Errorf("Clean changed a clean string: %q", Clean(s))
	}
}

// TestRecap: the recap follows the transcript, in the reader's language,
// cleaned like every other line, and nothing is written without one.
func TestRecap(t *testing.T) {
	lines := []i18n.Text{i18n.T("One.", "一です。"), i18n.T("Two\x1b[31m.", "二です。")}
	facts := []i18n.Text{i18n.T("A fact.", "事実です。")}
	var b strings.Builder
	if err := New(&b, i18n.EN, nil).Recap(lines, facts); err != nil {
		t.Fatal(err)
	}
	want := "\n== Recap ==\n    - One.\n    - Two[31m.\n  Exam facts:\n    - A fact.\n"
	if got := b.String(); strings.ContainsRune(got, '\x1b') || !strings.Contains(got, "== Recap ==\n    - One.\n") || !strings.HasSuffix(got, "  Exam facts:\n    - A fact.\n") {
		t.Errorf("got %q, want about %q", got, want)
	}
	b.Reset()
	if err := New(&b, i18n.JA, nil).Recap(lines, nil); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "\n== まとめ ==\n    - 一です。\n    - 二です。\n" {
		t.Errorf("ja: %q", got)
	}
	b.Reset()
	if err := New(&b, i18n.EN, nil).Recap(nil, nil); err != nil || b.Len() != 0 {
		t.Errorf("empty recap wrote %q", b.String())
	}
}

// TestWidthMatchesRoute: the first pass's measure is the width of the
// longest cleaned route, for every kind of route (ports of one to five
// digits, notes, hosts whose names need cleaning), so a streamed
// transcript aligns exactly as one rendered from a whole trace.
func TestWidthMatchesRoute(t *testing.T) {
	for _, e := range []trace.Event{
		{Kind: trace.Step},
		{Kind: trace.Narration},
		{Kind: trace.Expect},
		{Kind: trace.Note, Src: trace.Endpoint{Host: "mx.example.jp"}},
		{Kind: trace.Deliver, Src: trace.Endpoint{Host: "m\x1bx", Port: 25}},
		{Kind: trace.Connect, Src: trace.Endpoint{Host: "pc", Port: 49152}, Dst: trace.Endpoint{Host: "mx", Port: 25}},
		{Kind: trace.Accept, Src: trace.Endpoint{Host: "mx", Port: 9}, Dst: trace.Endpoint{Host: "pc", Port: 65535}},
		{Kind: trace.Line, Dir: trace.ServerToClient, Src: trace.Endpoint{Host: "m\u202ex\xff", Port: 110}, Dst: trace.Endpoint{Host: "pc\x7f", Port: 1000}},
		{Kind: trace.Line, Src: trace.Endpoint{Host: "ns"}, Dst: trace.Endpoint{Host: "日本.jp", Port: 53}},
		{Kind: trace.Drop, Src: trace.Endpoint{Host: "bot", Port: 50000}, Dst: trace.Endpoint{Host: "mx", Port: 25}},
		{Kind: trace.Line, Proto: trace.SMTP, Tag: trace.Tag{Encrypted: true}, Line: "EHLO \x1b[2J", At: 100*time.Hour + 61*time.Second + 7*time.Millisecond,
			Src: trace.Endpoint{Host: "pc", Port: 1}, Dst: trace.Endpoint{Host: "mx", Port: 587}},
		{Kind: trace.Line, Proto: trace.Proto(9), Line: "x", Src: trace.Endpoint{Host: "pc", Port: 1}, Dst: trace.Endpoint{Host: "mx", Port: 587}},
	} {
		var m Width
		m.Emit(&e)
		if want := len(Clean(Route(&e))); m.Max != want {
			t.Errorf("%v %q: width %d, want %d", e.Kind, Route(&e), m.Max, want)
		}
		// The line a Writer assembles is the one Route and Line describe.
		if e.Kind == trace.Step || e.Kind == trace.Narration || e.Kind == trace.Expect {
			continue
		}
		var b bytes.Buffer
		tw := NewWidth(&b, i18n.EN, 40)
		tw.Event(&e)
		if err := tw.Flush(); err != nil {
			t.Fatal(err)
		}
		route := Clean(Route(&e))
		want := trace.FormatTime(e.At) + "  " + route + strings.Repeat(" ", max(0, 40-len(route))) + "  " + Clean(Line(&e, i18n.EN)) + "\n"
		if b.String() != want {
			t.Errorf("%v: wrote %q, want %q", e.Kind, b.String(), want)
		}
	}
}

// TestStream: a Writer used as a sink, sized by a Width pass, writes what
// Write writes from the recorded trace.
func TestStream(t *testing.T) {
	events := []trace.Event{
		{Kind: trace.Step, Text: i18n.Literal(i18n.T("send", "送信"))},
		line(trace.ServerToClient, trace.SMTP, "220 mail.isp.example ESMTP", trace.Tag{Code: 220}),
		{Kind: trace.Note, Src: trace.Endpoint{Host: "mx"}, Text: i18n.Literal(i18n.T("queued", "キュー"))},
		line(trace.ClientToServer, trace.SMTP, "QUIT", trace.Tag{Verb: "QUIT"}),
	}
	var whole, streamed bytes.Buffer
	if err := Write(&whole, i18n.EN, events); err != nil {
		t.Fatal(err)
	}
	var m Width
	for i := range events {
		m.Emit(&events[i])
	}
	var sink trace.Sink = NewWidth(&streamed, i18n.EN, m.Max)
	for i := range events {
		e := events[i] // a copy, as the engine hands out its scratch event
		sink.Emit(&e)
	}
	if err := sink.(*Writer).Flush(); err != nil {
		t.Fatal(err)
	}
	if streamed.String() != whole.String() {
		t.Errorf("streamed:\n%s\nwhole:\n%s", streamed.String(), whole.String())
	}
}
