package player

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// row is one screen row of the dialogue or of a pane, before drawing.
type row struct {
	mark   bool   // the gutter mark of the current beat
	prefix string // time, protocol, "C: " or "S: "
	pst    style
	text   string
	st     style
	indent int  // column of text (after the gutter)
	rule   bool // fill the rest of the row with a rule (step headings)
}

// dialogue draws the lines shown so far, newest at the bottom. Only the
// events that fit are formatted, so a frame costs the same at the end of a
// long trace as at its start.
func (r *renderer) dialogue(top, end int) {
	m := r.m
	if m.pos == 0 || r.inFlight() && m.pos == 1 {
		r.intro(top, end)
		return
	}
	last := m.visibleEnd()
	if r.inFlight() {
		last = m.starts[m.pos-1]
	}
	first := 0
	if r.v.Big {
		first = m.exchangeStart()
	}
	cur := -1
	if !r.inFlight() {
		cur = m.starts[m.pos-1]
	}
	y := end - 1
	var rows []row
	if r.v.Predicting {
		// The question about the next reply, under the line it answers.
		rows = append(rows[:0], row{})
		for i, l := range wrap(nil, clean(r.t(r.v.Question)), r.cw-4, true) {
			rw := row{text: l, st: stBold, indent: 2}
			if i == 0 {
				rw.prefix, rw.pst = "? ", stPrompt
			}
			rows = append(rows, rw)
		}
		for j := len(rows) - 1; j >= 0 && y >= top; j-- {
			r.drawRow(y, &rows[j])
			y--
		}
	}
	if m.AtEnd() && !r.inFlight() {
		// The recap closes the scenario below its last line.
		rows = r.recapRows(rows[:0])
		for j := len(rows) - 1; j >= 0 && y >= top; j-- {
			r.drawRow(y, &rows[j])
			y--
		}
	}
	for i := last - 1; i >= first && y >= top; i-- {
		rows = r.eventRows(rows[:0], &m.events[i], i == cur)
		for j := len(rows) - 1; j >= 0 && y >= top; j-- {
			r.drawRow(y, &rows[j])
			y--
		}
		if r.v.Big {
			y-- // projector: a blank row between lines
		}
	}
}

// intro is the title screen before the first beat.
func (r *renderer) intro(top, end int) {
	topo := r.m.topo
	var lines []string
	y := top
	put := func(s string, st style) {
		lines = wrap(lines[:0], clean(s), r.cw-2, true)
		for _, l := range lines {
			if y < end {
				r.c.put(r.mx+2, y, l, st)
			}
			y++
		}
	}
	put(r.t(topo.Title), stBold)
	if len(topo.Exams) > 0 {
		put(r.t(lExams)+strings.Join(topo.Exams, " "), stPlain)
	}
	if len(topo.Hosts) > 0 {
		names := make([]string, len(topo.Hosts))
		for i, h := range topo.Hosts {
			names[i] = h.Name
		}
		put(r.t(lHosts)+strings.Join(names, ", "), stPlain)
	}
	y++
	put(r.t(lStart), stNarration)
}

func (r *renderer) drawRow(y int, rw *row) {
	x := r.mx
	if rw.mark {
		r.c.put(x, y, r.g.cur, stCurrent)
	}
	x += 2
	if rw.prefix != "" {
		r.c.put(x, y, rw.prefix, rw.pst)
	}
	end := r.c.put(x+rw.indent, y, rw.text, rw.st)
	if rw.rule && end+1 < r.mx+r.cw {
		r.c.fill(end+1, y, r.mx+r.cw-end-1, r.g.hline, stDim)
	}
}

// eventRows formats one event as rows of the content width (less the
// gutter): a prefix, then the text wrapped under itself.
func (r *renderer) eventRows(dst []row, e *trace.Event, current bool) []row {
	w := r.cw - 2
	wide := r.cw >= 100 && !r.v.Big
	var prefix, text string
	st, pst := stPlain, stDim
	rule := false
	timed := func(proto string) string {
		if wide {
			return trace.FormatTime(e.At) + "  " + pad(proto, 5)
		}
		return ""
	}
	switch e.Kind {
	case trace.Step:
		text, st, rule = "["+strconv.Itoa(e.Step+1)+"] "+r.t(e.Text), stStep, true
		if r.t(e.Text) == "" && e.Step < len(r.m.topo.Steps) {
			text = "[" + strconv.Itoa(e.Step+1) + "] " + r.t(r.m.topo.Steps[e.Step])
		}
	case trace.Narration:
		prefix, text, st = "  ", r.t(e.Text), stNarration
	case trace.Expect:
		prefix, text, st, pst = "  [ok] ", r.t(e.Text), stExpectOK, stExpectOK
		if !e.OK {
			prefix, st, pst = "  [MISS] ", stExpectMiss, stExpectMiss
		}
	case trace.Line:
		prefix = timed(e.Proto.String()) + side(e)
		text, st, pst = e.Line, lineStyle(e), lineStyle(e)
		if e.Tag.Encrypted {
			text = trace.EncryptedMark + e.Line
		}
	case trace.Record:
		// A TLS record: what is on the wire, by type and length.
		prefix, st = timed("TLS")+side(e), stTCP
		text = e.TLS.String()
	case trace.Connect:
		prefix, st = timed("TCP")+"   ", stTCP
		text = "SYN  " + e.Src.String() + " " + r.g.arrowR + " " + e.Dst.String()
		if e.TCP.Try > 0 {
			// RFC 6298 5, RFC 9293 3.8.1: the SYN sent again after its timer ran out.
			text += r.t(lRetransmit) + strconv.Itoa(int(e.TCP.Try)) + r.t(lRetransEnd)
		}
	case trace.Accept:
		c, s, _ := ends(e)
		prefix, st = timed("TCP")+"   ", stTCP
		text = "SYN-ACK  " + c.String() + " " + r.g.arrowL + " " + s.String()
	case trace.Ack:
		prefix, st = timed("TCP")+"   ", stTCP
		text = "ACK  " + e.Src.String() + " " + r.g.arrowR + " " + e.Dst.String()
	case trace.Close:
		prefix, st = timed("TCP")+"   ", stTCP
		text = "FIN  " + e.Src.String() + " " + r.g.arrowR + " " + e.Dst.String()
	case trace.Refused:
		prefix, st = timed("TCP")+"   ", stTimeout
		text = "RST  " + orText(r.t(e.Text), r.t(lConnRefused))
	case trace.Timeout:
		prefix, st = timed("TCP")+"   ", stTimeout
		text = orText(r.t(e.Text), r.t(lTimedOut))
	case trace.Drop:
		prefix, pst, st = timed("TCP")+r.g.barrier+"  ", stDrop, stDrop
		text = orText(r.t(e.Text), e.Line)
		if router := orText(e.Router, e.Src.Host); !strings.Contains(text, router) {
			text = router + ": " + text
		}
	case trace.Deliver:
		prefix, pst, st = timed("")+r.g.env+"  ", stDeliver, stDeliver
		text = e.Src.Host + ": " + orText(r.t(e.Text), r.t(lDeliveredTo)+e.Line)
	case trace.Bounce:
		prefix, pst, st = timed("")+r.g.bullet+"  ", stBounce, stBounce
		text = e.Src.Host + ": " + orText(r.t(e.Text), e.Line)
	default: // Queue, Note and kinds this version does not know
		prefix, pst, st = timed("")+r.g.bullet+"  ", stNote, stNote
		text = orText(r.t(e.Text), e.Line)
		if e.Src.Host != "" {
			text = e.Src.Host + ": " + text
		}
	}
	prefix = clean(prefix)
	indent := textWidth(prefix)
	if indent > w/2 {
		indent = w / 2
		prefix = truncate(prefix, indent, "")
	}
	first := len(dst)
	var lines []string
	if e.Kind != trace.Line && strings.IndexByte(text, '\n') >= 0 { // narration may hold paragraphs
		for _, para := range strings.Split(text, "\n") {
			lines = wrap(lines, clean(para), w-indent, true)
		}
	} else {
		lines = wrap(lines, clean(text), w-indent, true)
	}
	for _, l := range lines {
		dst = append(dst, row{text: l, st: st, indent: indent})
	}
	if len(dst) == first {
		dst = append(dst, row{indent: indent})
	}
	dst[first].prefix, dst[first].pst, dst[first].mark = prefix, pst, current
	if rule {
		dst[len(dst)-1].rule = true
	}
	return dst
}

// side is the "C: " / "S: " of a protocol line, as RFC transcripts write
// them; "Q: " and "A: " for a DNS question and answer.
func side(e *trace.Event) string {
	if e.Proto == trace.DNS {
		if e.Dir == trace.ServerToClient {
			return "A: "
		}
		return "Q: "
	}
	if e.Dir == trace.ServerToClient {
		return "S: "
	}
	return "C: "
}

// lineStyle picks the colour of a protocol line from its transcript class,
// so the player and the coloured transcript agree.
func lineStyle(e *trace.Event) style { return classStyle[transcript.ClassOf(e)] }

// classStyle maps the transcript's line classes to player styles.
var classStyle = [transcript.NumClasses]style{
	transcript.Plain:      stPlain,
	transcript.StepHead:   stStep,
	transcript.Narration:  stNarration,
	transcript.Command:    stClient,
	transcript.ClientText: stClientText,
	transcript.Reply2xx:   st2xx,
	transcript.Reply3xx:   st3xx,
	transcript.Reply4xx:   st4xx,
	transcript.Reply5xx:   st5xx,
	transcript.POPOK:      stPOPOK,
	transcript.POPErr:     stPOPErr,
	transcript.POPText:    stPOPText,
	transcript.DNS:        stDNS,
	transcript.TCP:        stTCP,
	transcript.Timeout:    stTimeout,
	transcript.Drop:       stDrop,
	transcript.Note:       stNote,
	transcript.Deliver:    stDeliver,
	transcript.Bounce:     stBounce,
	transcript.ExpectOK:   stExpectOK,
	transcript.ExpectMiss: stExpectMiss,
}

func orText(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}

func pad(s string, n int) string {
	for len(s) < n {
		s += " "
	}
	return s
}

// recapRows are the scenario's recap, shown under its last line: a heading,
// what happened, and the exam facts it showed. None when there is no recap.
func (r *renderer) recapRows(dst []row) []row {
	topo := r.m.topo
	if len(topo.Recap) == 0 && len(topo.Facts) == 0 && r.v.Score.IsZero() {
		return dst
	}
	w := r.cw - 2
	heading := func(t string) {
		dst = append(dst, row{text: truncate(clean(t), w, r.g.ellipsis), st: stStep, rule: true})
	}
	item := func(t string) {
		prefix := r.g.bullet + " "
		indent := textWidth(prefix)
		for i, l := range wrap(nil, clean(t), w-indent, true) {
			rw := row{text: l, st: stNarration, indent: indent}
			if i == 0 {
				rw.prefix, rw.pst = prefix, stNarration
			}
			dst = append(dst, rw)
		}
	}
	dst = append(dst, row{})
	if !r.v.Score.IsZero() {
		dst = append(dst, row{text: truncate(clean(r.t(r.v.Score)), w, r.g.ellipsis), st: stBold}, row{})
	}
	if len(topo.Recap) > 0 {
		heading(r.t(lRecap))
	}
	for _, l := range topo.Recap {
		item(r.t(l))
	}
	if len(topo.Facts) > 0 {
		heading(r.t(lFacts))
		for _, f := range topo.Facts {
			item(r.t(f))
		}
	}
	return dst
}
