// Package export turns the trace of one scenario run into files that leave
// the terminal: a pcapng capture for Wireshark (pcap.go), the trace as JSON
// Lines (json.go), a Mermaid sequence diagram (mermaid.go), a Markdown
// handout (markdown.go), a self-contained HTML step player (html.go) and an
// asciicast recording of the terminal player (cast.go).
//
// Every format reads only the trace and its topology (an Input), never the
// engine, and writes the same bytes for the same input: no wall clock, no
// map order, no random numbers. The CLI front end is `mailsim export`.
package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Input is what every export reads: one run of a scenario.
type Input struct {
	Topology *trace.Topology
	Events   []trace.Event
	// Start is the calendar time of virtual time zero (the scenario's
	// start, sim.DefaultStart unless the scenario sets one): timestamps in
	// a capture are Start plus each event's At.
	Start time.Time
	// Lang is the language of the reader's text (step comments, narration,
	// explanations). Formats that carry both languages (json, html) say
	// which one they show first.
	Lang i18n.Lang
}

// A Format writes one kind of export.
type Format struct {
	Name  string // what --format takes
	Ext   string // file name extension, with the dot
	Short string // one line for --help
	Write func(w io.Writer, in *Input) error
}

// Formats lists every export in the order --help shows them.
var Formats = []Format{
	{"pcap", ".pcapng", "pcapng capture for Wireshark and tshark (SMTP, POP3, IMAP, DNS; a comment per step)", PCAP},
	{"json", ".jsonl", "the trace as JSON Lines, schema " + SchemaName + " version " + fmt.Sprint(SchemaVersion), JSON},
	{"mermaid", ".mmd", "Mermaid sequenceDiagram, one arrow per protocol line", Mermaid},
	{"markdown", ".md", "a handout: narration, transcript per step, the reply codes explained", Markdown},
	{"html", ".html", "one self-contained HTML page with a step player (both languages)", HTML},
	{"cast", ".cast", "asciicast v2 recording of the animated player (asciinema play)", Cast},
}

// Lookup returns the format called name.
func Lookup(name string) (Format, bool) {
	i := slices.IndexFunc(Formats, func(f Format) bool { return strings.EqualFold(f.Name, name) })
	if i < 0 {
		return Format{}, false
	}
	return Formats[i], true
}

// Names returns the names of the formats, for messages and completion.
func Names() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// stepHeading is the one-line heading of the step that e begins, in lang:
// "Step 3: send (SMTP) ..."; a narration step is headed by its narration.
func stepHeading(e *trace.Event, narration string, lang i18n.Lang) string {
	text := e.Text.In(lang)
	if e.Line == "say" && narration != "" {
		text = narration
	}
	return stepLabel(e.Step, lang) + ": " + text
}

// stepLabel names step i (from 0) in lang: "Step 3", "ステップ3".
func stepLabel(i int, lang i18n.Lang) string {
	if lang == i18n.JA {
		return fmt.Sprintf("ステップ%d", i+1)
	}
	return fmt.Sprintf("Step %d", i+1)
}

// narrationOf returns the narration of the step that begins at events[i],
// or "" when the step has none.
func narrationOf(events []trace.Event, i int, lang i18n.Lang) string {
	for j := i + 1; j < len(events) && events[j].Step == events[i].Step; j++ {
		if events[j].Kind == trace.Narration {
			return events[j].Text.In(lang)
		}
		if events[j].Kind == trace.Step {
			break
		}
	}
	return ""
}
