package player

import (
	"strconv"
	"strings"
	"time"

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

// dialogue draws the lines shown so far, newest at the bottom (in --big,
// the current exchange from the top). Only the events that fit are
// formatted, so a frame costs the same at the end of a long trace as at its
// start. Scrolled back (View.Back), it shows older rows and a marker saying
// so on its last row.
func (r *renderer) dialogue(top, end int) {
	m := r.m
	if m.pos == 0 || r.inFlight() && m.pos == 1 && !r.waitInFlight() {
		r.title(top, end)
		return
	}
	last := m.visibleEnd()
	if r.inFlight() && !r.waitInFlight() {
		last = m.starts[m.pos-1]
	}
	back := max(r.v.Back, 0)
	first := 0
	if r.v.Big && back == 0 {
		first = m.exchangeStart()
	}
	cur := -1
	if !r.inFlight() || r.waitInFlight() {
		cur = m.starts[m.pos-1]
	}
	n := end - top
	if back > 0 {
		n-- // the last row says the view is scrolled back
	}
	if n <= 0 {
		return
	}
	// Rows from the newest up, until the screen (and the scrollback above
	// it) is full.
	need := n + back
	var rows, tmp []row
	push := func(rs []row) {
		for j := len(rs) - 1; j >= 0; j-- {
			rows = append(rows, rs[j])
		}
	}
	if r.v.Predicting {
		// The question about the next reply, under the line it answers.
		tmp = append(tmp[:0], row{})
		for i, l := range wrap(nil, clean(r.t(r.v.Question)), r.cw-4, true) {
			rw := row{text: l, st: stBold, indent: 2}
			if i == 0 {
				rw.prefix, rw.pst = "? ", stPrompt
			}
			tmp = append(tmp, rw)
		}
		push(tmp)
	}
	if m.AtEnd() && !r.inFlight() {
		// The recap closes the scenario below its last line.
		push(r.recapRows(tmp[:0]))
	}
	i := last - 1
	for ; i >= first && len(rows) < need; i-- {
		tmp = r.eventRows(tmp[:0], i, i == cur)
		if r.v.Big && len(rows) > 0 {
			rows = append(rows, row{}) // projector: a blank row between lines
		}
		push(tmp)
	}
	if i < first && back > 0 && len(rows) < need {
		// Scrolled back past the first line: stop at it.
		back = max(len(rows)-n, 0)
		r.info.back = back
		if back == 0 {
			n++
		}
	}
	for r.v.Big && len(rows) > 0 && rows[len(rows)-1] == (row{}) {
		rows = rows[:len(rows)-1] // no spacing above the oldest line
	}
	r.info.backTop = i < first && first == 0 && back+n >= len(rows)
	rows = rows[min(back, len(rows)):]
	if len(rows) > n {
		rows = rows[:n]
	}
	for r.v.Big && len(rows) > 0 && rows[len(rows)-1] == (row{}) {
		rows = rows[:len(rows)-1] // nor at the top of the screen
	}
	y := end - 1
	if r.info.back > 0 {
		r.backMarker(y)
		y--
	}
	if r.v.Big && len(rows) < n {
		// Projector: anchored at the top, not centred with space above.
		y = top + len(rows) - 1
	}
	for j := range rows {
		r.drawRow(y-j, &rows[j])
	}
}

// backMarker is the last dialogue row while scrolled back.
func (r *renderer) backMarker(y int) {
	s := " " + r.g.up + " " + strings.Replace(r.t(lScrolledBack), "#", strconv.Itoa(r.info.back), 1) + " "
	r.c.fill(r.mx, y, r.cw, " ", stBadge)
	r.c.put(r.mx, y, truncate(s, r.cw, r.g.ellipsis), stBadge)
}

// waitInFlight reports whether the beat in flight is a wait step, whose
// clock runs while it flies.
func (r *renderer) waitInFlight() bool {
	if !r.inFlight() {
		return false
	}
	cur := r.m.Current()
	return len(cur) > 0 && isWait(&cur[0])
}

// isWait reports whether e heads a wait step.
func isWait(e *trace.Event) bool { return e.Kind == trace.Step && e.Line == stepWait }

// stepWait is the kind of a wait step, as the Step event's Line gives it.
const stepWait = "wait"

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
func (r *renderer) eventRows(dst []row, i int, current bool) []row {
	e := &r.m.events[i]
	w := r.cw - 2
	if k, ok := r.m.hopAt[i]; ok {
		// A new hop: name both ends before its first line.
		for _, l := range wrap(nil, r.hopText(&r.m.hops[k]), w-2, true) {
			dst = append(dst, row{prefix: r.g.hline + " ", pst: stGate, text: l, st: stGate, indent: 2})
		}
	}
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
		prefix = timed(e.Proto.String()) + r.speaker(e) + side(e)
		text, st, pst = e.Line, lineStyle(e), lineStyle(e)
		if e.Tag.Encrypted {
			text = trace.EncryptedMark + e.Line
		}
	case trace.Record:
		// A TLS record: what is on the wire, by type and length.
		prefix, st = timed("TLS")+r.speaker(e)+side(e), stTCP
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
	if isWait(e) {
		dst = r.waitRows(dst, i)
	}
	return dst
}

// speaker is the name of the host that sends a line, cut to a width that
// leaves room for the line and padded to the width of the other end, so
// that the lines of one hop stay aligned: "alice-pc  C: ".
func (r *renderer) speaker(e *trace.Event) string {
	limit := 10
	if r.cw >= 100 {
		limit = 18
	}
	if r.v.Big {
		limit = min(limit, 8)
	}
	c, s, ok := ends(e)
	if !ok {
		return ""
	}
	cn, sn := shortName(clean(c.Host), limit), shortName(clean(s.Host), limit)
	w := max(textWidth(cn), textWidth(sn))
	name := cn
	if e.Dir == trace.ServerToClient {
		name = sn
	}
	return name + strings.Repeat(" ", w-textWidth(name)+1)
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

// waitRows show what a wait step did to the virtual clock: from when to
// when it ran (running while the step is in flight), and what happened
// meanwhile: the queue's retries, or that nothing was due.
func (r *renderer) waitRows(dst []row, i int) []row {
	e := &r.m.events[i]
	from, to := e.At, e.At
	retries, delivered := 0, 0
	for j := i + 1; j < len(r.m.events); j++ {
		n := &r.m.events[j]
		if n.Step != e.Step {
			to = max(n.At, to)
			break
		}
		to = max(n.At, to)
		switch n.Kind {
		case trace.Connect:
			if n.TCP.Try == 0 && n.Proto == trace.SMTP {
				retries++
			}
		case trace.Deliver:
			delivered++
		}
	}
	now := to
	if r.waitInFlight() && r.v.AnimSteps > 0 {
		now = from + (to-from)*time.Duration(min(max(r.v.Anim, 0), r.v.AnimSteps))/time.Duration(r.v.AnimSteps)
	}
	clock := r.t(lClock) + trace.FormatTime(from) + " " + r.g.arrowR + " " + trace.FormatTime(now)
	dst = r.textRows(dst, "  ", clock, stBold)
	what := r.t(lWaitNothing)
	if retries > 0 || delivered > 0 {
		what = r.t(lWaitRetries) + strconv.Itoa(retries) + r.t(lWaitDeliveries) + strconv.Itoa(delivered) + r.t(lWaitBelow)
	}
	if now < to {
		return dst
	}
	return r.textRows(dst, "  ", what, stNarration)
}
