// Package transcript renders a trace as the plain, greppable text that
// `mailsim run` prints and that `mailsim play` falls back to when its output
// is not a terminal: one line per event, no escape codes, aligned columns.
package transcript

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Writer renders events one at a time, every string through Clean: what a
// scenario file says never reaches the terminal as an escape sequence. The column widths are fixed when the
// Writer is made, from the whole trace, so that every line aligns.
type Writer struct {
	// Paint, when set, styles the content of a line by its class (the time
	// and route columns stay plain). A nil Paint writes plain text.
	Paint func(c Class, s string) string

	w     *bufio.Writer
	lang  i18n.Lang
	width int    // width of the "src -> dst" column
	line  []byte // the line being assembled, reused
}

// New returns a Writer for events rendered in lang. events is the whole trace
// (or a representative part): it is only used to size the columns.
func New(w io.Writer, lang i18n.Lang, events []trace.Event) *Writer {
	var width Width
	for i := range events {
		width.Emit(&events[i])
	}
	return NewWidth(w, lang, width.Max)
}

// NewWidth returns a Writer whose route column is width bytes wide: for a
// trace rendered as it is produced, whose width a first pass measured
// (Width). Given the width New would find, it writes the same bytes.
func NewWidth(w io.Writer, lang i18n.Lang, width int) *Writer {
	return &Writer{w: bufio.NewWriter(w), lang: lang, width: width}
}

// Emit renders e as it comes, so that a Writer is a trace.Sink: the
// transcript streams out through the buffer and no event is kept. Flush
// after the last one.
func (t *Writer) Emit(e *trace.Event) { t.Event(e) }

// Width is a trace.Sink that measures the route column a transcript of the
// events it sees needs (Max, in bytes), keeping nothing else: the first of
// the two passes that let a transcript stream with aligned columns.
type Width struct {
	Max int
}

// Emit widens the column to fit e's route.
func (m *Width) Emit(e *trace.Event) {
	if n := routeWidth(e); n > m.Max {
		m.Max = n
	}
}

// routeWidth is len(Clean(Route(e))) without building the route: the
// separators are ASCII, so cleaning the whole is cleaning each part.
func routeWidth(e *trace.Event) int {
	switch e.Kind {
	case trace.Step, trace.Narration, trace.Expect:
		return 0
	case trace.Deliver, trace.Queue, trace.Bounce, trace.Note:
		return len(Clean(e.Src.Host))
	}
	return endpointWidth(e.Src) + len(" -> ") + endpointWidth(e.Dst)
}

// endpointWidth is len(Clean(p.String())).
func endpointWidth(p trace.Endpoint) int {
	n := len(Clean(p.Host))
	if p.Port == 0 {
		return n
	}
	n += 2 // ':' and the first digit
	for v := p.Port; v >= 10; v /= 10 {
		n++
	}
	return n
}

// Write renders a whole trace to w.
func Write(w io.Writer, lang i18n.Lang, events []trace.Event) error {
	return New(w, lang, events).All(events)
}

// All renders every event and flushes.
func (t *Writer) All(events []trace.Event) error {
	for i := range events {
		t.Event(&events[i])
	}
	return t.Flush()
}

// paint styles s as class c when the Writer has a Paint.
func (t *Writer) paint(c Class, s string) string {
	if t.Paint == nil || s == "" {
		return s
	}
	return t.Paint(c, s)
}

// Flush writes any buffered output.
func (t *Writer) Flush() error { return t.w.Flush() }

// Event renders one event as one or more lines.
func (t *Writer) Event(e *trace.Event) {
	b := t.w
	switch e.Kind {
	case trace.Step:
		b.WriteString("\n")
		b.WriteString(t.paint(StepHead, Clean(Line(e, t.lang))))
		b.WriteString("\n")
		return
	case trace.Narration:
		for _, l := range strings.Split(e.Text.In(t.lang), "\n") {
			b.WriteString("    ")
			b.WriteString(t.paint(Narration, Clean(l)))
			b.WriteString("\n")
		}
		return
	case trace.Expect:
		b.WriteString(t.paint(ClassOf(e), Clean(Line(e, t.lang))))
		b.WriteString("\n")
		return
	}
	// The line is assembled in one reused buffer, piece by piece, without
	// the strings Route and Line would build: this runs once per event of
	// a streamed run. It writes what they give, cleaned, byte for byte.
	l := appendTime(t.line[:0], e.At)
	l = append(l, "  "...)
	start := len(l)
	l = appendRoute(l, e)
	for i := len(l) - start; i < t.width; i++ {
		l = append(l, ' ')
	}
	l = append(l, "  "...)
	if e.Kind == trace.Line && t.Paint == nil {
		l = appendPad(l, e.Proto.String(), 5)
		if e.Tag.Encrypted {
			l = append(l, trace.EncryptedMark...)
		}
		l = append(l, Clean(e.Line)...)
	} else {
		l = append(l, t.paint(ClassOf(e), Clean(Line(e, t.lang)))...)
	}
	l = append(l, '\n')
	b.Write(l)
	t.line = l
}

// appendTime appends trace.FormatTime(d).
func appendTime(b []byte, d time.Duration) []byte {
	ms := d.Milliseconds()
	b = appendInt(b, ms/3_600_000, 2)
	b = append(b, ':')
	b = appendInt(b, ms/60_000%60, 2)
	b = append(b, ':')
	b = appendInt(b, ms/1000%60, 2)
	b = append(b, '.')
	return appendInt(b, ms%1000, 3)
}

// appendInt appends v in decimal, zero-padded to width digits.
func appendInt(b []byte, v int64, width int) []byte {
	var d [20]byte
	s := strconv.AppendInt(d[:0], v, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendRoute appends Clean(Route(e)): the separators are ASCII, so
// cleaning the whole is cleaning each part.
func appendRoute(b []byte, e *trace.Event) []byte {
	switch e.Kind {
	case trace.Step, trace.Narration, trace.Expect:
		return b
	case trace.Deliver, trace.Queue, trace.Bounce, trace.Note:
		return append(b, Clean(e.Src.Host)...)
	}
	if e.Dir == trace.ServerToClient || e.Kind == trace.Accept {
		return appendEndpoint(append(appendEndpoint(b, e.Dst), " <- "...), e.Src)
	}
	return appendEndpoint(append(appendEndpoint(b, e.Src), " -> "...), e.Dst)
}

// appendEndpoint appends Clean(p.String()).
func appendEndpoint(b []byte, p trace.Endpoint) []byte {
	b = append(b, Clean(p.Host)...)
	if p.Port == 0 {
		return b
	}
	return strconv.AppendUint(append(b, ':'), uint64(p.Port), 10)
}

// appendPad appends s, then spaces up to n bytes, as pad does.
func appendPad(b []byte, s string, n int) []byte {
	b = append(b, s...)
	for i := len(s); i < n; i++ {
		b = append(b, ' ')
	}
	return b
}

// Route is the "who talks to whom" column of an event: "a:1 -> b:2" for what
// the client sends, "a:1 <- b:2" for what the server answers (the client is
// always on the left), or the acting host alone for notes.
func Route(e *trace.Event) string {
	switch e.Kind {
	case trace.Step, trace.Narration, trace.Expect:
		return ""
	case trace.Deliver, trace.Queue, trace.Bounce, trace.Note:
		return e.Src.Host
	}
	// SYN-ACK, replies and a server's FIN travel from server to client.
	if e.Dir == trace.ServerToClient || e.Kind == trace.Accept {
		return e.Dst.String() + " <- " + e.Src.String()
	}
	return e.Src.String() + " -> " + e.Dst.String()
}

// Line is the content of an event without time and route: the protocol and
// the exact line for dialogue, the localized text for everything else.
func Line(e *trace.Event, lang i18n.Lang) string {
	switch e.Kind {
	case trace.Step:
		return "[" + strconv.Itoa(e.Step+1) + "] " + e.Text.In(lang)
	case trace.Narration:
		return e.Text.In(lang)
	case trace.Expect:
		mark := "  [ok]   "
		if !e.OK {
			mark = "  [MISS] "
		}
		return mark + e.Text.In(lang)
	case trace.Line:
		if e.Tag.Encrypted {
			return pad(e.Proto.String(), 5) + trace.EncryptedMark + e.Line
		}
		return pad(e.Proto.String(), 5) + e.Line
	case trace.Record:
		return pad("TLS", 5) + e.TLS.String()
	case trace.Connect:
		if e.TCP.Try > 0 {
			n := strconv.Itoa(int(e.TCP.Try))
			return pad("TCP", 5) + i18n.T("SYN (retransmission "+n+")", "SYN(再送"+n+"回目)").In(lang)
		}
		return pad("TCP", 5) + "SYN"
	case trace.Accept:
		return pad("TCP", 5) + "SYN-ACK"
	case trace.Ack:
		return pad("TCP", 5) + "ACK"
	case trace.Close:
		return pad("TCP", 5) + "FIN"
	}
	// Drops, timeouts, refusals and notes: the engine's bilingual text.
	prefix := ""
	switch e.Kind {
	case trace.Drop, trace.Timeout, trace.Refused:
		prefix = pad("TCP", 5)
	}
	txt := e.Text.In(lang)
	if txt == "" {
		txt = e.Line
	}
	return prefix + txt
}

func pad(s string, n int) string {
	for len(s) < n {
		s += " "
	}
	return s
}

// Headings of the recap.
var (
	recapHead = i18n.T("== Recap ==", "== まとめ ==")
	factsHead = i18n.T("Exam facts:", "試験のポイント:")
)

// Recap renders what a scenario showed and the exam facts it demonstrated,
// after its last step, and flushes. Nothing is written when both are empty.
func (t *Writer) Recap(lines, facts []i18n.Text) error {
	if len(lines) == 0 && len(facts) == 0 {
		return nil
	}
	b := t.w
	b.WriteString("\n")
	b.WriteString(t.paint(StepHead, recapHead.In(t.lang)))
	b.WriteString("\n")
	item := func(l i18n.Text) {
		b.WriteString("    - ")
		b.WriteString(t.paint(Narration, Clean(l.In(t.lang))))
		b.WriteString("\n")
	}
	for _, l := range lines {
		item(l)
	}
	if len(facts) > 0 {
		b.WriteString("  ")
		b.WriteString(t.paint(StepHead, factsHead.In(t.lang)))
		b.WriteString("\n")
		for _, f := range facts {
			item(f)
		}
	}
	return t.Flush()
}
