package player

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// paneTitle draws a pane's title bar and returns the first content row.
func (r *renderer) paneTitle(y int, title string, scrollable bool) int {
	r.c.fill(r.mx, y, r.cw, " ", stBadge)
	hint := r.paneHint(scrollable)
	hw := textWidth(hint)
	if hw > r.cw/2 {
		hint, hw = "", 0
	}
	r.c.put(r.mx+r.cw-hw, y, hint, stBadge)
	r.c.put(r.mx, y, truncate(" "+title, r.cw-hw-1, r.g.ellipsis), stBadge)
	return y + 1
}

// paneHint is the right end of a pane's title bar: how to scroll and close.
func (r *renderer) paneHint(scrollable bool) string {
	hint := r.t(lPaneClose)
	if scrollable {
		hint = r.g.up + "/" + r.g.down + " " + r.g.dot + " " + hint
	}
	return hint + " "
}

func (r *renderer) paneHintWidth(scrollable bool) int { return textWidth(r.paneHint(scrollable)) + 1 }

// scrolled draws rows[scroll:] into top..end, with a "more below" mark when
// they do not all fit.
func (r *renderer) scrolled(top, end int, rows []row, scroll int) {
	n := end - top
	if n <= 0 {
		return
	}
	// The last row holds the "more below" mark while there is more, so the
	// end is reached one row later than the bare count says.
	r.info.maxScroll = max(len(rows)-n, 0)
	scroll = min(max(scroll, 0), r.info.maxScroll)
	r.info.scroll = scroll
	more := len(rows)-scroll > n
	for i := 0; i < n && scroll+i < len(rows); i++ {
		if more && i == n-1 {
			r.c.put(r.mx+2, top+i, r.g.down+" "+r.t(lMore), stDim)
			break
		}
		r.drawRow(top+i, &rows[scroll+i])
	}
}

// textRows wraps natural-language text into pane rows.
func (r *renderer) textRows(dst []row, prefix, text string, st style) []row {
	indent := textWidth(prefix)
	w := r.cw - 2 - indent
	if w < 4 {
		indent, w, prefix = 0, r.cw-2, ""
	}
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = wrap(lines, clean(para), w, true)
	}
	for i, l := range lines {
		rw := row{text: l, st: st, indent: indent}
		if i == 0 {
			rw.prefix, rw.pst = prefix, stBold
		}
		dst = append(dst, rw)
	}
	return dst
}

// explainPane shows what the current beat's lines mean, from the
// Explainer: a title with its RFC, the explanation, and for errors the cause
// and the fix.
func (r *renderer) explainPane(top, end int) {
	cur := r.m.Current()
	title := r.t(lExplain)
	var rows []row
	if len(cur) > 0 {
		l := clean(transcript.Line(&cur[0], r.lang))
		if textWidth(title+l) <= r.cw-r.paneHintWidth(true)-1 {
			title += l
		} else {
			// Too long for the title bar: the line heads the pane,
			// wrapped, rather than cut.
			title = strings.TrimRight(strings.TrimSpace(title), ":")
			rows = r.textRows(rows, "", l, stBold)
			rows = append(rows, row{})
		}
	}
	y := r.paneTitle(top, title, true)
	switch {
	case r.v.Explain == nil:
		rows = r.textRows(rows, "", r.t(lNoExplainer), stDim)
	default:
		for _, x := range r.m.explanations(r.v.Explain) {
			if len(rows) > 0 {
				rows = append(rows, row{})
			}
			head := clean(r.t(x.Title))
			if src := r.t(x.RFC); src != "" {
				head += "  (" + clean(src) + ")"
			}
			rows = r.textRows(rows, "", head, stBold)
			rows = r.textRows(rows, "", r.t(x.Text), stPlain)
			if !x.Outcome.IsZero() {
				rows = r.textRows(rows, r.t(lOutcome), r.t(x.Outcome), stPlain)
			}
			if !x.Cause.IsZero() {
				rows = r.textRows(rows, r.t(lCause), r.t(x.Cause), stPlain)
			}
			if !x.Fix.IsZero() {
				rows = r.textRows(rows, r.t(lFix), r.t(x.Fix), stPlain)
			}
			if !x.Servers.IsZero() {
				rows = r.textRows(rows, r.t(lServers), r.t(x.Servers), stPlain)
			}
		}
		if len(rows) == 0 {
			rows = r.textRows(rows, "", strings.ReplaceAll(r.t(lNoExplain), "←", r.g.arrowL), stDim)
		}
	}
	r.scrolled(y, end, rows, r.v.Scroll)
}

// explanations collects the entries for every line of the current beat,
// each once, in order. A long block of message text is looked at only in
// part.
func (m *Model) explanations(explain Explainer) []Explanation {
	if m.pos == 0 {
		return nil
	}
	var out []Explanation
	seen := map[string]bool{}
	first := m.starts[m.pos-1]
	for i := first; i < m.starts[m.pos] && i < first+16; i++ {
		e := &m.events[i]
		for _, x := range explain(e, m.answers(i)) {
			key := x.Key
			if key == "" {
				key = x.Title.EN
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, x)
			}
		}
	}
	return out
}

// answers returns the verb of the client line that the server line at
// index i answers: the last client line before it on the same connection
// (for connectionless DNS, between the same two ends).
func (m *Model) answers(i int) string {
	e := &m.events[i]
	if e.Kind != trace.Line || e.Dir != trace.ServerToClient {
		return ""
	}
	for j := i - 1; j >= 0 && j >= i-4096; j-- {
		c := &m.events[j]
		if c.Kind != trace.Line || c.Dir != trace.ClientToServer || c.Conn != e.Conn {
			continue
		}
		if e.Conn == 0 && (c.Src != e.Dst || c.Dst != e.Src) {
			continue
		}
		switch c.Tag.Kind {
		case trace.AuthData:
			return smtp.VerbAUTH // a 334 or 235 answers the AUTH exchange, not the line
		case trace.MessageText:
			return smtp.TagDataLine
		}
		return c.Tag.Verb
	}
	return ""
}

// statePane shows, for the connection of the current exchange (or the
// last one), what the trace states about it up to the cursor: the TCP phase,
// the server's latest session snapshot, for DNS the questions and answers;
// then one line for each other connection so far.
func (r *renderer) statePane(top, end int) {
	y := r.paneTitle(top, r.t(lStateTitle), true)
	visible := r.m.Visible()
	conn := 0
	if x, ok := r.m.Exchange(); ok {
		conn = x.Conn
	}
	for i := len(visible) - 1; i >= 0 && conn == 0; i-- {
		conn = visible[i].Conn
	}
	var rows []row
	c, ok := ConnectionOf(visible, conn)
	if x, isX := r.m.Exchange(); isX && x.Conn == 0 && x.Proto == trace.DNS {
		// A question over UDP has no connection: show the questions and
		// answers between these two ends in this step.
		c, ok = r.m.dnsExchange(&x), true
	}
	if !ok {
		rows = r.textRows(rows, "", r.t(lNoSession), stDim)
		r.scrolled(y, end, rows, r.v.Scroll)
		return
	}
	rows = r.connRows(rows, &c)
	// The other connections, most recent last, at most a screenful.
	all := Connections(visible)
	var others []*Connection
	for i := len(all) - 1; i >= 0 && len(others) < maxOtherSessions; i-- {
		if all[i].Conn != c.Conn {
			others = append(others, &all[i])
		}
	}
	if len(others) > 0 {
		rows = append(rows, row{})
		rows = r.textRows(rows, "", r.t(lOtherConns), stBold)
	}
	for i := len(others) - 1; i >= 0; i-- {
		rows = r.textRows(rows, "", r.connSummary(others[i]), stDim)
	}
	r.scrolled(y, end, rows, r.v.Scroll)
}

// dnsExchange gathers the DNS questions and answers between the two ends
// of x in the current step, up to the cursor, as a connectionless
// Connection.
func (m *Model) dnsExchange(x *Exchange) Connection {
	c := Connection{Proto: trace.DNS, Client: x.Client, Server: x.Server, Phase: NoTCP}
	end := m.visibleEnd()
	step := m.events[end-1].Step
	from := end
	for from > 0 && m.events[from-1].Step == step {
		from--
	}
	for i := from; i < end; i++ {
		e := &m.events[i]
		if e.Kind != trace.Line || e.Proto != trace.DNS || e.Conn != 0 {
			continue
		}
		cl, sv, ok := ends(e)
		if ok && cl.Host == x.Client.Host && sv.Host == x.Server.Host {
			c.apply(e)
		}
	}
	return c
}

// maxOtherSessions bounds the list of other connections in the state pane.
const maxOtherSessions = 8

func (r *renderer) connSummary(c *Connection) string {
	line := "#" + strconv.Itoa(c.Conn) + " " + c.Proto.String() + " " + c.Client.String() + " " + r.g.arrowR + " " + c.Server.String() + "  "
	switch {
	case c.Phase == Blocked && c.Router != "":
		return line + r.t(lBlockedBy) + c.Router
	case c.Phase == NoTCP && len(c.DNS) > 0:
		x := &c.DNS[len(c.DNS)-1]
		return line + x.Query + " " + r.g.arrowR + " " + orText(x.RCode, r.t(lNoAnswer))
	case c.Session != nil && c.Phase != Closed:
		return line + c.Session.State
	}
	return line + r.t(lPhaseNames[c.Phase])
}

func (r *renderer) connRows(rows []row, c *Connection) []row {
	add := func(label i18n.Text, value string) {
		rows = r.textRows(rows, r.t(label), value, stPlain)
	}
	rows = r.textRows(rows, "", r.t(lSession)+strconv.Itoa(c.Conn)+"  "+c.Proto.String()+"  "+
		c.Client.String()+" "+r.g.arrowR+" "+c.Server.String(), stBold)
	if c.Phase != NoTCP {
		phase := r.t(lPhaseNames[c.Phase])
		if c.Phase == Blocked && c.Router != "" {
			phase += r.t(lParen) + c.Router
			if c.Rule != trace.NoRule {
				phase += ", " + c.Rule.String()
			}
			phase += ")"
		}
		add(lTCP, phase)
	}
	if c.Proto == trace.DNS {
		return r.dnsRows(rows, c)
	}
	if s := c.Session; s != nil {
		add(lServerState, s.State)
	}
	if c.LastCommand != "" {
		add(lLastCommand, c.LastCommand)
	}
	if c.LastReply != "" {
		add(lLastReply, c.LastReply)
	}
	if c.Session == nil {
		return rows
	}
	switch c.Proto {
	case trace.SMTP:
		rows = r.smtpRows(rows, c.Session)
	case trace.POP3:
		rows = r.pop3Rows(rows, c.Session)
	case trace.IMAP:
		rows = r.imapRows(rows, c.Session)
	}
	return rows
}

// imapRows shows what an IMAP server says of its session (RFC 9051): the
// flags live on the server, so what one device sets another sees.
func (r *renderer) imapRows(rows []row, s *trace.Session) []row {
	add := func(label i18n.Text, value string) {
		rows = r.textRows(rows, r.t(label), value, stPlain)
	}
	user := orText(s.User, r.t(lNone))
	if s.LoggedIn {
		user += r.t(lLoggedIn)
	}
	add(lUser, user)
	if s.Mailbox == "" {
		add(lSelected, r.t(lNone))
	} else {
		add(lSelected, s.Mailbox)
		add(lExists, strconv.Itoa(s.Messages)+r.t(lCount))
		add(lSeen, orText(joinInts(s.Seen), r.t(lNone)))
		marked := orText(joinInts(s.Marked), r.t(lNone))
		if len(s.Marked) > 0 {
			marked += r.t(lExpungeLater)
		}
		add(lFlaggedDel, marked)
	}
	if s.Deleted > 0 {
		add(lExpunged, strconv.Itoa(s.Deleted)+r.t(lCount))
	}
	return rows
}

// smtpRows shows what an SMTP server says of its session (RFC 5321 3.3,
// RFC 3207, RFC 4954).
func (r *renderer) smtpRows(rows []row, s *trace.Session) []row {
	add := func(label i18n.Text, value string) {
		rows = r.textRows(rows, r.t(label), value, stPlain)
	}
	if s.Helo != "" {
		add(lHelo, s.Helo)
	}
	if s.TLS {
		rows = r.textRows(rows, "", r.t(lTLS), stPlain)
	}
	if s.AuthUser != "" {
		add(lAuthAs, s.AuthUser)
	} else {
		rows = r.textRows(rows, "", r.t(lAuthNo), stDim)
	}
	from := r.t(lNone)
	if s.InMail {
		from = angle(s.From)
	}
	add(lMailFrom, from)
	rcpts := make([]string, len(s.Rcpts))
	for i, a := range s.Rcpts {
		rcpts[i] = angle(a)
	}
	add(lRcpts, orText(strings.Join(rcpts, ", "), r.t(lNone)))
	if len(s.Rejected) > 0 {
		add(lRejected, strings.Join(s.Rejected, ", "))
	}
	if s.State == smtp.StateData.String() {
		rows = r.textRows(rows, "", r.t(lInData), stPlain)
	}
	add(lAccepted, strconv.Itoa(s.Accepted))
	return rows
}

// angle writes a path in angle brackets (RFC 5321 4.1.2), "<>" for the
// null reverse-path.
func angle(addr string) string {
	if strings.HasPrefix(addr, "<") {
		return addr
	}
	return "<" + addr + ">"
}

// pop3Rows shows what a POP3 server says of its session (RFC 1939).
func (r *renderer) pop3Rows(rows []row, s *trace.Session) []row {
	add := func(label i18n.Text, value string) {
		rows = r.textRows(rows, r.t(label), value, stPlain)
	}
	user := orText(s.User, r.t(lNone))
	if s.LoggedIn {
		user += r.t(lLoggedIn)
	}
	add(lUser, user)
	if s.LoggedIn {
		msgs := lMessages
		if s.Messages == 1 {
			msgs = lMessage
		}
		add(lMaildrop, strconv.Itoa(s.Messages)+r.t(msgs)+strconv.Itoa(s.Octets)+r.t(lOctets))
	}
	add(lRetrieved, orText(joinInts(s.Retrieved), r.t(lNone)))
	// RFC 1939 6: marked messages are removed only in the UPDATE state.
	update := s.State == pop3.StateUpdate.String()
	marked := orText(joinInts(s.Marked), r.t(lNone))
	if len(s.Marked) > 0 && !update {
		marked += r.t(lDeleteLater)
	}
	add(lDeleted, marked)
	if update || s.Deleted > 0 {
		add(lUpdated, strconv.Itoa(s.Deleted)+r.t(lCount))
	}
	return rows
}

// dnsRows shows the questions of a DNS exchange and their answers
// (RFC 1035 4.1), from the lines' tags.
func (r *renderer) dnsRows(rows []row, c *Connection) []row {
	for i := range c.DNS {
		x := &c.DNS[i]
		rows = r.textRows(rows, r.t(lQuery), x.Query, stPlain)
		if !x.Answered {
			rows = r.textRows(rows, r.t(lAnswer), r.t(lNoAnswer), stDim)
			continue
		}
		rcode := x.RCode
		if x.Empty {
			rcode += r.t(lNoRecords)
		}
		rows = r.textRows(rows, r.t(lAnswer), rcode, stPlain)
		for _, l := range x.Lines {
			rows = r.textRows(rows, "  ", l, stPlain)
		}
	}
	return rows
}

func joinInts(ns []int) string {
	var b strings.Builder
	for i, n := range ns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// transcriptText is the plain transcript of the whole trace in one language,
// split into lines, with where each event's lines begin.
type transcriptText struct {
	lines []string
	at    []int // at[i]: first line written for event i; at[len(events)] == len(lines)
	head  []int // head[i]: the event's own line (a step's heading follows a blank line)
}

// transcriptFor renders the transcript once per language, through the same
// transcript.Writer that `mailsim run` uses.
func (m *Model) transcriptFor(lang i18n.Lang) *transcriptText {
	if t, ok := m.transcript[string(lang)]; ok {
		return t
	}
	var buf bytes.Buffer
	tw := transcript.New(&buf, lang, m.events)
	t := &transcriptText{at: make([]int, len(m.events)+1), head: make([]int, len(m.events)+1)}
	n, seen := 0, 0
	for i := range m.events {
		t.at[i] = n
		tw.Event(&m.events[i])
		_ = tw.Flush() // a bytes.Buffer does not fail
		n += bytes.Count(buf.Bytes()[seen:], []byte{'\n'})
		seen = buf.Len()
		t.head[i] = t.at[i]
		if m.events[i].Kind == trace.Step && n > t.at[i]+1 {
			t.head[i]++
		}
	}
	t.at[len(m.events)], t.head[len(m.events)] = n, n
	if buf.Len() > 0 {
		t.lines = strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	}
	if m.transcript == nil {
		m.transcript = map[string]*transcriptText{}
	}
	m.transcript[string(lang)] = t
	return t
}

// transcriptRows is the transcript so far wrapped to a width: rows of
// text, and for each transcript line its first row. Cached per language
// and width (a terminal has few), so a frame only slices it.
type transcriptRows struct {
	width int
	rows  []string
	at    []int // at[l]: first row of line l; at[len(lines)] == len(rows)
}

func (m *Model) transcriptRowsFor(lang i18n.Lang, width int) *transcriptRows {
	t := m.transcriptFor(lang)
	key := string(lang) + ":" + strconv.Itoa(width)
	if c, ok := m.wrapped[key]; ok {
		return c
	}
	c := &transcriptRows{width: width, at: make([]int, len(t.lines)+1)}
	for l, line := range t.lines {
		c.at[l] = len(c.rows)
		line = clean(line)
		// Continuation rows line up under the text after the line's
		// leading blanks (narration is indented).
		lead := len(line) - len(strings.TrimLeft(line, " "))
		if lead > width/2 {
			lead = 0
		}
		hang := lead
		if lead == 0 {
			hang = 6 // a record line: its continuation hangs under it
		}
		for k, part := range wrap(nil, line[lead:], width-hang, true) {
			if k == 0 {
				c.rows = append(c.rows, strings.Repeat(" ", lead)+part)
				continue
			}
			c.rows = append(c.rows, strings.Repeat(" ", hang)+part)
		}
	}
	c.at[len(t.lines)] = len(c.rows)
	if m.wrapped == nil {
		m.wrapped = map[string]*transcriptRows{}
	}
	m.wrapped[key] = c
	return c
}

// transcriptPane shows the transcript up to the current beat, wrapped, the
// current beat highlighted; nothing that is still to come.
func (r *renderer) transcriptPane(top, end int) {
	y := r.paneTitle(top, r.t(lTranscript), true)
	t := r.m.transcriptFor(r.lang)
	w := r.m.transcriptRowsFor(r.lang, r.cw)
	n := end - y
	if n <= 0 {
		return
	}
	hiFrom, hiTo := -1, -1
	if r.m.pos > 0 {
		hiFrom, hiTo = w.at[t.head[r.m.starts[r.m.pos-1]]], w.at[t.at[r.m.starts[r.m.pos]]]
	}
	shown := w.at[t.at[r.m.visibleEnd()]] // rows of what has been shown
	scroll := r.v.Scroll
	if scroll < 0 {
		// Follow the cursor: the current beat at the bottom.
		scroll = max(shown-n, 0)
	}
	r.info.maxScroll = max(shown-n, 0)
	scroll = min(scroll, r.info.maxScroll)
	r.info.scroll = scroll
	for i := 0; i < n && scroll+i < shown; i++ {
		li := scroll + i
		st := stPlain
		if li >= hiFrom && li < hiTo {
			st = stHighlight
		}
		r.c.put(r.mx, y+i, w.rows[li], st)
	}
}
