package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/player"
	"github.com/mailsim/mailsim/sim/trace"
	"github.com/mailsim/mailsim/sim/transcript"
)

// noteWidth is the width, in terminal columns, at which notes are broken
// into lines: Mermaid does not wrap a note by itself.
const noteWidth = 60

// Mermaid writes in's trace as a Mermaid sequenceDiagram that GitHub and
// GitLab render in a ```mermaid block: the hosts (and the routers that drop
// something) are the participants, every protocol line is one arrow (the
// client's solid, the server's dotted), TCP control packets are open
// arrows, a dropped SYN is a cross ending at the router, and narration,
// step headings, drops, timeouts and the servers' own actions are notes.
func Mermaid(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	m := &mermaid{w: bw, in: in, id: map[string]string{}}
	m.header()
	for i := range in.Events {
		m.event(i)
	}
	return bw.Flush()
}

type mermaid struct {
	w           *bufio.Writer
	in          *Input
	id          map[string]string // host or router name -> participant id
	first, last string            // ids of the leftmost and rightmost participants
}

func (m *mermaid) header() {
	m.w.WriteString("sequenceDiagram\n")
	if t := m.in.Topology; t != nil {
		m.w.WriteString("    title " + mermaidText(t.ID+": "+t.Title.In(m.in.Lang)) + "\n")
	}
	// Routers that drop something stand right after the last host of
	// their network, so that the cross is short.
	dropping := map[string]bool{}
	for i := range m.in.Events {
		if e := &m.in.Events[i]; e.Kind == trace.Drop && e.Router != "" {
			dropping[e.Router] = true
		}
	}
	var routerAfter = map[string]string{} // host -> router to declare after it
	declared := map[string]bool{}
	if t := m.in.Topology; t != nil {
		for _, n := range t.Networks {
			if !dropping[n.Router] {
				continue
			}
			for _, h := range t.Hosts {
				if h.Network == n.Name {
					routerAfter[h.Name] = n.Router
				}
			}
		}
		for _, h := range t.Hosts {
			m.participant(h.Name, "h")
			if r := routerAfter[h.Name]; r != "" && !declared[r] {
				// The last host of the network is the one whose entry
				// survives in routerAfter; declare the router once, there.
				if m.lastHostOf(h.Network) == h.Name {
					m.participant(r, "r")
					declared[r] = true
				}
			}
		}
	}
	// Hosts and routers the topology does not name (none in a well-formed
	// trace) still get a participant.
	for i := range m.in.Events {
		e := &m.in.Events[i]
		for _, h := range []string{e.Src.Host, e.Dst.Host} {
			if h != "" && m.id[h] == "" {
				m.participant(h, "h")
			}
		}
		if e.Kind == trace.Drop && e.Router != "" && m.id[e.Router] == "" {
			m.participant(e.Router, "r")
		}
	}
}

// lastHostOf is the name of the last host the topology puts on network.
func (m *mermaid) lastHostOf(network string) string {
	last := ""
	for _, h := range m.in.Topology.Hosts {
		if h.Network == network {
			last = h.Name
		}
	}
	return last
}

func (m *mermaid) participant(name, prefix string) {
	id := prefix + strconv.Itoa(len(m.id)+1)
	m.id[name] = id
	if m.first == "" {
		m.first = id
	}
	m.last = id
	m.w.WriteString("    participant " + id + " as " + mermaidText(name) + "\n")
}

func (m *mermaid) event(i int) {
	e := &m.in.Events[i]
	lang := m.in.Lang
	src, dst := m.id[e.Src.Host], m.id[e.Dst.Host]
	switch e.Kind {
	case trace.Step:
		m.note(m.first, m.last, stepHeading(e, narrationOf(m.in.Events, i, lang), lang))
	case trace.Narration:
		if i > 0 && m.in.Events[i-1].Kind == trace.Step && m.in.Events[i-1].Line == "say" {
			return // the heading of a narration step is its narration
		}
		m.note(m.first, m.last, e.Text.In(lang))
	case trace.Connect:
		text := "SYN"
		if e.TCP.Try > 0 {
			text = "SYN (retransmission " + strconv.Itoa(int(e.TCP.Try)) + ")"
		}
		if m.droppedNext(i) {
			return // drawn by the Drop that follows, as a cross to the router
		}
		m.arrow(src, "-)", dst, text)
	case trace.Drop:
		text := "SYN"
		if e.TCP.Try > 0 {
			text = "SYN (retransmission " + strconv.Itoa(int(e.TCP.Try)) + ")"
		}
		r := m.id[e.Router]
		m.arrow(src, "-x", r, text)
		m.note(r, "", e.Text.In(lang))
	case trace.Accept:
		m.arrow(src, "--)", dst, "SYN-ACK")
	case trace.Ack:
		m.arrow(src, "-)", dst, "ACK")
	case trace.Close:
		m.arrow(src, "-)", dst, "FIN")
	case trace.Refused:
		m.arrow(src, "--x", dst, "RST")
		m.note(src, "", e.Text.In(lang))
	case trace.Timeout:
		m.note(src, "", e.Text.In(lang))
	case trace.Line:
		arrow := "->>"
		if e.Dir == trace.ServerToClient {
			arrow = "-->>"
		}
		m.arrow(src, arrow, dst, e.Line)
	case trace.Deliver, trace.Queue, trace.Bounce, trace.Note:
		m.note(src, "", transcript.Line(e, lang))
	}
}

// droppedNext reports whether the SYN at events[i] is dropped by a router
// (the next event of its connection is a Drop).
func (m *mermaid) droppedNext(i int) bool {
	e := &m.in.Events[i]
	for j := i + 1; j < len(m.in.Events); j++ {
		if f := &m.in.Events[j]; f.Conn == e.Conn {
			return f.Kind == trace.Drop
		}
	}
	return false
}

func (m *mermaid) arrow(from, arrow, to, text string) {
	if from == "" || to == "" {
		return
	}
	m.w.WriteString("    " + from + arrow + to + ": " + mermaidText(text) + "\n")
}

// note writes a note over one participant, or over the span from a to b.
func (m *mermaid) note(a, b, text string) {
	if a == "" || text == "" {
		return
	}
	over := a
	if b != "" && b != a {
		over += "," + b
	}
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		for _, l := range player.WrapText(para, noteWidth) {
			lines = append(lines, mermaidText(l))
		}
	}
	m.w.WriteString("    Note over " + over + ": " + strings.Join(lines, "<br/>") + "\n")
}

// mermaidText makes s safe as the text of a Mermaid message, note or
// alias. Mermaid's sequence grammar ends a text at ";" or "#" and at the
// end of the line, and its renderer reads "<" as the start of HTML (which
// it then strips); each is written as a Mermaid entity code (#59; #35;
// #lt; #gt;), which renders as the character itself. Tabs and control
// characters become spaces. An empty text (an empty line of a message) is
// written as a non-breaking space so that the arrow keeps its label.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ';':
			b.WriteString("#59;")
		case r == '#':
			b.WriteString("#35;")
		case r == '<':
			b.WriteString("#lt;")
		case r == '>':
			b.WriteString("#gt;")
		case r == '&':
			b.WriteString("#amp;")
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return "#nbsp;"
	}
	return b.String()
}
