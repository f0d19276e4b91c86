package player

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Pane is what fills the middle of the screen.
type Pane uint8

// Panes. The dialogue is the default; the others open with a key.
const (
	PaneDialogue   Pane = iota
	PaneExplain         // e: what the current line means
	PaneState           // s: the current session's state
	PaneTranscript      // t: the whole plain transcript, scrollable
)

// Explanation is one entry of the explain pane: what a command, a reply code
// or an enhanced status code means, and the RFC it comes from. It mirrors
// sim/explain.Entry, so that the player depends only on the trace.
type Explanation struct {
	Key                     string
	Title, Text, Cause, Fix i18n.Text
	// Outcome is what this particular answer means for the command it
	// answers (RFC 1939 gives a +OK and a -ERR meaning for every command).
	Outcome i18n.Text
	// Servers is how real servers (Postfix, Dovecot) answer where they
	// differ from the simulator or the RFC allows more than one answer.
	Servers i18n.Text
	RFC     i18n.Text // where it comes from: "RFC 5321 4.2.2", or operational practice
}

// Explainer returns the explanations of one event, most specific first, or
// nil when there is nothing to say (message text). For a server line, cmd is
// the verb of the client line it answers on the same connection ("DATA-LINE"
// for the reply to the final "."); "" otherwise.
type Explainer func(e *trace.Event, cmd string) []Explanation

// View is everything besides the Model that a frame depends on. Render reads
// nothing else: no clock, no environment.
type View struct {
	Width, Height int
	Lang          i18n.Lang
	Color         bool // emit SGR colour codes
	ASCII         bool // draw with ASCII only (no box drawing, no ✉)
	Big           bool // projector layout: margins, double spacing, one exchange per screen

	Pane   Pane
	Scroll int // first row of the explain, state or title pane; first transcript row, or -1 to follow the cursor
	// Back is how many rows the dialogue is scrolled back from its newest
	// line (0: live). Playback does not move while it is set.
	Back int
	Help bool // the key overlay (?) is open

	// While AnimSteps > 0 the current beat is in flight: its marker has
	// travelled Anim of AnimSteps of the way and it is not in the dialogue yet.
	Anim, AnimSteps int

	Prompting bool   // the "go to step" prompt is open
	Prompt    string // the digits typed into it, or the answer typed in predict mode
	// Predict mode: the question asked about the next reply, while the
	// learner types an answer, and the score so far (zero when not predicting).
	Predicting bool
	Question   i18n.Text
	Score      i18n.Text
	Message    i18n.Text

	Auto, Paused bool
	Speed        int // playback speed in percent (100 = 1x)

	Explain Explainer
}

// Render draws one frame: exactly v.Height strings, none wider than v.Width
// columns (as East Asian width counts them), with SGR codes only when
// v.Color is set. It never panics, whatever the model or view.
func Render(m *Model, v *View) []string {
	lines, _ := render(m, v)
	return lines
}

// frameInfo is what the controller learns from drawing a frame: how far
// the open pane can scroll and where it is.
type frameInfo struct {
	scroll, maxScroll int
	back              int  // the dialogue's scrollback, clamped to what there is
	backTop           bool // the dialogue shows its first row: no further back
}

func render(m *Model, v *View) ([]string, frameInfo) {
	if v.Width <= 0 || v.Height <= 0 {
		return nil, frameInfo{}
	}
	r := &renderer{m: m, v: v, c: newCanvas(v.Width, v.Height), g: &unicodeGlyphs, lang: v.Lang}
	if v.ASCII {
		r.g = &asciiGlyphs
	}
	if v.Big && v.Width >= 40 {
		r.mx = 2
	}
	r.cw = v.Width - 2*r.mx
	r.info.back = v.Back
	r.layout()
	return r.c.lines(v.Color), r.info
}

type renderer struct {
	m    *Model
	v    *View
	c    *canvas
	g    *glyphs
	lang i18n.Lang
	mx   int // left and right margin
	cw   int // content width
	info frameInfo
}

func (r *renderer) t(t interface{ In(i18n.Lang) string }) string { return t.In(r.lang) }

// inFlight reports whether the current beat is still travelling.
func (r *renderer) inFlight() bool { return r.v.AnimSteps > 0 && r.m.pos > 0 }

// layout decides which parts fit the height, most important last to go:
// the dialogue (or pane), the status line, the key help, the header, the
// topology strip, the separators.
func (r *renderer) layout() {
	h := r.v.Height
	keys := r.keyRows()
	titleScreen := r.m.pos == 0 && r.v.Pane == PaneDialogue
	header, seps, strip := true, true, r.v.Pane != PaneTranscript && !titleScreen
	path := strip && r.m.Step() > 0 && len(r.m.stepHops(r.m.Step()-1)) > 0
	fixed := func() int {
		n := 1 + len(keys) // status and key help
		if header {
			n++
		}
		if strip {
			n += 4 // the path row and the strip, or the world's overview
		}
		if seps {
			n++ // above the status line
			if header {
				n++
			}
			if strip {
				n++
			}
		}
		return n
	}
	const minPane = 4
	if h-fixed() < minPane && len(keys) > 1 {
		keys = keys[:1]
	}
	if h-fixed() < minPane {
		seps = false
	}

	if h-fixed() < minPane {
		strip = false
	}
	if h-fixed() < 2 {
		header = false
	}
	for h-fixed() < 1 && len(keys) > 0 {
		keys = keys[:len(keys)-1]
	}
	y := 0
	if header {
		r.header(y)
		y++
		if seps {
			r.sep(y)
			y++
		}
	}
	if strip {
		if path {
			r.pathRow(y)
			r.strip(y+1, 3)
		} else {
			r.strip(y, 4)
		}
		y += 4
		if seps {
			r.sep(y)
			y++
		}
	}
	statusY := h - 1 - len(keys)
	paneEnd := statusY
	if seps {
		paneEnd--
		r.sep(paneEnd)
	}
	if paneEnd > y {
		switch r.v.Pane {
		case PaneExplain:
			r.explainPane(y, paneEnd)
		case PaneState:
			r.statePane(y, paneEnd)
		case PaneTranscript:
			r.transcriptPane(y, paneEnd)
		default:
			r.dialogue(y, paneEnd)
		}
	}
	if statusY >= 0 {
		r.status(statusY)
	}
	for i, k := range keys {
		r.keyRow(statusY+1+i, k)
	}
	if r.v.Help {
		r.helpOverlay()
	}
}

func (r *renderer) sep(y int) { r.c.fill(0, y, r.v.Width, r.g.hline, stDim) }

// header is the title bar: scenario and position.
func (r *renderer) header(y int) {
	w := r.v.Width
	r.c.fill(0, y, w, " ", stHeader)
	right := r.t(lStep) + strconv.Itoa(r.m.Step()) + "/" + strconv.Itoa(r.m.Steps()) +
		" " + r.g.dot + " " + strconv.Itoa(r.m.Pos()) + "/" + strconv.Itoa(r.m.Len())
	if w >= 100 && r.m.pos > 0 {
		right = trace.FormatTime(r.m.events[r.m.starts[r.m.pos-1]].At) + " " + r.g.dot + " " + right
	}
	right += " "
	rw := textWidth(right)
	if rw > w {
		right, rw = "", 0
	}
	r.c.put(w-rw, y, right, stHeader)
	topo := r.m.topo
	left := " mailsim"
	if topo.ID != "" {
		left += " " + r.g.cur + " " + clean(topo.ID)
	}
	// The title only when it fits whole: the id says enough, and the title
	// screen has the title in full.
	if t := clean(r.t(topo.Title)); t != "" && textWidth(left)+3+textWidth(t) <= w-rw-1 {
		left += " " + r.g.dot + " " + t
	}
	r.c.put(0, y, truncate(left, w-rw-1, r.g.ellipsis), stHeader)
}

// status shows the prompt, a notice, or the current step, with the mode on
// the right.
func (r *renderer) status(y int) {
	w := r.cw
	badge := " " + r.t(lModeStep) + " " + speedText(r.v.Speed) + " "
	switch {
	case r.v.Auto && r.v.Paused:
		badge = " " + r.t(lModePaused) + " " + speedText(r.v.Speed) + " "
	case r.v.Auto:
		badge = " " + r.t(lModeAuto) + " " + speedText(r.v.Speed) + " "
	}
	bw := textWidth(badge)
	if bw > w/2 {
		badge, bw = "", 0
	}
	r.c.put(r.mx+w-bw, y, badge, stBadge)
	avail := w - bw - 1
	switch {
	case r.v.Prompting:
		p := r.t(lJump) + strconv.Itoa(r.m.Steps()) + r.t(lJumpEnd)
		x := r.c.put(r.mx, y, truncate(p, avail-6, r.g.ellipsis), stPlain)
		r.c.put(x, y, truncate(clean(r.v.Prompt)+"_", avail-(x-r.mx), ""), stPrompt)
	case !r.v.Message.IsZero():
		r.c.put(r.mx, y, truncate(clean(r.t(r.v.Message)), avail, r.g.ellipsis), stBold)
	case r.v.Predicting:
		x := r.c.put(r.mx, y, truncate(r.t(lPredict), avail-7, r.g.ellipsis), stPlain)
		r.c.put(x, y, truncate(clean(r.v.Prompt)+"_", avail-(x-r.mx), ""), stPrompt)
	case r.m.AtEnd() && r.m.Len() > 0 && !r.inFlight():
		end := strings.ReplaceAll(r.t(lEnd), "←", r.g.arrowL)
		if !r.v.Score.IsZero() {
			end = r.t(r.v.Score) + " " + end
		}
		r.c.put(r.mx, y, truncate(clean(end), avail, r.g.ellipsis), stBold)
	case r.m.pos == 0:
		r.c.put(r.mx, y, truncate(r.t(lStartShort)+"  "+r.t(lHelpHint), avail, r.g.ellipsis), stBold)
	default:
		r.c.put(r.mx, y, r.statusText(avail), stPlain)
	}
}

// statusText names the current hop, its client first ("[3] relay:
// mail.isp.example → mx1.example.jp, port 25"), or the step outside a hop,
// in at most w columns: shortened at a clause, or with shorter names, rather
// than cut.
func (r *renderer) statusText(w int) string {
	if h, ok := r.m.Hop(); ok {
		n := "[" + strconv.Itoa(r.m.Step()) + "] "
		full := n + r.hopText(&h)
		if textWidth(full) <= w {
			return full
		}
		kind := r.t(hopKind(r.m.topo, &h)) + ": "
		for _, limit := range [...]int{12, 8, 1} {
			s := n + kind + shortName(clean(h.Client.Host), limit) + " " + r.g.arrowR + " " + shortName(clean(h.Server.Host), limit)
			if textWidth(s) <= w {
				return s
			}
		}
		return truncate(n+kind, w, r.g.ellipsis)
	}
	return shortenClauses(clean(r.stepTitle()), w, r.g.ellipsis)
}

// shortenClauses drops trailing clauses of s (after ", ", "、", "(" or ": ")
// until it fits w columns; only a first clause too long is cut.
func shortenClauses(s string, w int, ellipsis string) string {
	for textWidth(s) > w {
		i := max(strings.LastIndex(s, ", "), strings.LastIndex(s, "、"), strings.LastIndex(s, " ("), strings.LastIndex(s, "("), strings.LastIndex(s, ": "))
		if i <= 0 {
			break
		}
		s = strings.TrimRight(s[:i], " ")
	}
	return truncate(s, w, ellipsis)
}

// stepTitle is "[n] summary" of the current step.
func (r *renderer) stepTitle() string {
	n := r.m.Step()
	if n == 0 {
		return ""
	}
	text := ""
	for i := r.m.starts[r.m.pos-1]; i >= 0; i-- {
		if e := &r.m.events[i]; e.Kind == trace.Step && e.Step == n-1 {
			text = r.t(e.Text)
			break
		}
		if r.m.events[i].Step != n-1 {
			break
		}
	}
	if text == "" && n-1 < len(r.m.topo.Steps) {
		text = r.t(r.m.topo.Steps[n-1])
	}
	return "[" + strconv.Itoa(n) + "] " + text
}

// keyRows lays the key help out in rows of the content width.
func (r *renderer) keyRows() [][]keyHelp {
	var rows [][]keyHelp
	var row []keyHelp
	x := 0
	keys := keyHelps(r.g)
	if r.v.Big {
		// Projector: one row of the keys that drive a lesson; ? has the rest.
		keys = []keyHelp{keys[0], keys[1], keys[len(keys)-2], keys[len(keys)-1]}
	}
	for _, k := range keys {
		w := textWidth(k.keys) + 1 + textWidth(r.t(k.what))
		if len(row) > 0 && x+2+w > r.cw {
			rows = append(rows, row)
			row, x = nil, 0
		}
		if len(row) > 0 {
			x += 2
		}
		row = append(row, k)
		x += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func (r *renderer) keyRow(y int, keys []keyHelp) {
	x := r.mx
	for i, k := range keys {
		if i > 0 {
			x += 2
		}
		x = r.c.put(x, y, k.keys, stKey)
		x = r.c.put(x, y, " "+r.t(k.what), stPlain)
	}
}

// speedText renders a speed in percent as "0.25x", "1x", "1.5x".
func speedText(pct int) string {
	if pct <= 0 {
		pct = 100
	}
	s := strconv.Itoa(pct / 100)
	if f := pct % 100; f != 0 {
		frac := strconv.Itoa(f + 100)[1:] // two digits
		if frac[1] == '0' {
			frac = frac[:1]
		}
		s += "." + frac
	}
	return s + "x"
}
