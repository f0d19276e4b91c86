package player

import (
	"strings"
	"unicode/utf8"

	"github.com/mailsim/mailsim/sim/transcript"
)

// style is how a cell is drawn: an index into sgr.
type style uint8

// The styles of a frame. Client commands, each reply class, DNS, narration,
// router drops and POP3 status lines each look different, so a class can
// tell them apart at a glance (and so can a test).
const (
	stPlain      style = iota
	stHeader           // the title bar
	stDim              // separators, the wire, the future part of the transcript
	stBold             // host names, pane headings
	stClient           // SMTP/POP3 commands a client sends
	stClientText       // message text and AUTH data a client sends
	st2xx              // SMTP positive completion
	st3xx              // SMTP positive intermediate (354, 334)
	st4xx              // SMTP transient failure
	st5xx              // SMTP permanent failure
	stPOPOK            // POP3 +OK
	stPOPErr           // POP3 -ERR
	stPOPText          // POP3 multi-line response body
	stDNS              // DNS queries and answers
	stNarration        // a teacher's narration
	stStep             // a step heading
	stTCP              // SYN, SYN-ACK, FIN
	stTimeout          // a client giving up, a refused connection
	stDrop             // a router dropping a packet; the barrier it hit
	stNote             // MTA notes: queueing, relaying
	stDeliver          // a message put into a mailbox
	stBounce           // a non-delivery report
	stExpectOK         // an expectation met
	stExpectMiss       // an expectation missed
	stMarker           // the travelling envelope
	stGate             // a router on the wire
	stFilter           // a router's filter rule
	stCurrent          // the gutter mark of the current line
	stKey              // a key name in the help line
	stBadge            // the mode badge (STEP, AUTO 2x)
	stPrompt           // the jump prompt
	stHighlight        // the current line in the transcript pane
	numStyles
)

// sgr holds the Select Graphic Rendition parameters of each style (ECMA-48
// 8.3.117): the transcript's scheme for the line classes, and the player's
// own for its frame.
var sgr = [numStyles]string{
	stPlain:      "",
	stHeader:     "1;7",
	stDim:        "2",
	stBold:       "1",
	stClient:     transcript.SGR[transcript.Command],
	stClientText: transcript.SGR[transcript.ClientText],
	st2xx:        transcript.SGR[transcript.Reply2xx],
	st3xx:        transcript.SGR[transcript.Reply3xx],
	st4xx:        transcript.SGR[transcript.Reply4xx],
	st5xx:        transcript.SGR[transcript.Reply5xx],
	stPOPOK:      transcript.SGR[transcript.POPOK],
	stPOPErr:     transcript.SGR[transcript.POPErr],
	stPOPText:    transcript.SGR[transcript.POPText],
	stDNS:        transcript.SGR[transcript.DNS],
	stNarration:  transcript.SGR[transcript.Narration],
	stStep:       transcript.SGR[transcript.StepHead],
	stTCP:        transcript.SGR[transcript.TCP],
	stTimeout:    transcript.SGR[transcript.Timeout],
	stDrop:       transcript.SGR[transcript.Drop],
	stNote:       transcript.SGR[transcript.Note],
	stDeliver:    transcript.SGR[transcript.Deliver],
	stBounce:     transcript.SGR[transcript.Bounce],
	stExpectOK:   transcript.SGR[transcript.ExpectOK],
	stExpectMiss: transcript.SGR[transcript.ExpectMiss],
	stMarker:     "1;93",
	stGate:       "1;33",
	stFilter:     "33",
	stCurrent:    "1;93",
	stKey:        "1",
	stBadge:      "7",
	stPrompt:     "1;7",
	stHighlight:  "7",
}

// cell is one column of a frame row. s is what is drawn there: one
// character plus any zero-width marks after it, "" for the right half of a
// wide character, or " " when nothing was drawn.
type cell struct {
	s  string
	st style
}

// canvas is a frame under construction: rows of cells.
type canvas struct {
	w, h  int
	cells []cell
}

func newCanvas(w, h int) *canvas {
	c := &canvas{w: w, h: h, cells: make([]cell, w*h)}
	for i := range c.cells {
		c.cells[i].s = " "
	}
	return c
}

// put draws s (already clean) at column x of row y in style st, clipped at
// the right edge, and returns the column after it. A wide character that
// does not fit whole is left out.
func (c *canvas) put(x, y int, s string, st style) int {
	if y < 0 || y >= c.h {
		return x
	}
	row := c.cells[y*c.w : (y+1)*c.w]
	for i := 0; i < len(s); {
		// One drawn character and the zero-width runes that follow it.
		j := i
		r, size := decodeRune(s, j)
		rw := runeWidth(r)
		j += size
		for j < len(s) {
			r2, size2 := decodeRune(s, j)
			if runeWidth(r2) != 0 {
				break
			}
			j += size2
		}
		if rw == 0 { // a mark with nothing to attach to
			i = j
			continue
		}
		if x+rw > c.w {
			return c.w
		}
		if x >= 0 {
			// Drawing over half of a wide character blanks its other half.
			if row[x].s == "" && x > 0 {
				row[x-1] = cell{" ", row[x-1].st}
			}
			if x+rw < c.w && row[x+rw].s == "" {
				row[x+rw] = cell{" ", row[x+rw].st}
			}
			row[x] = cell{s[i:j], st}
			if rw == 2 {
				row[x+1] = cell{"", st}
			}
		}
		x += rw
		i = j
	}
	return x
}

// fill draws n copies of the one-column string s from column x.
func (c *canvas) fill(x, y, n int, s string, st style) {
	for i := 0; i < n; i++ {
		c.put(x+i, y, s, st)
	}
}

// lines renders the canvas as one string per row. With color, runs of a
// style are wrapped in SGR sequences; unstyled blanks at the end of a row are
// trimmed.
func (c *canvas) lines(color bool) []string {
	out := make([]string, c.h)
	var b strings.Builder
	for y := 0; y < c.h; y++ {
		row := c.cells[y*c.w : (y+1)*c.w]
		end := len(row)
		for end > 0 && (row[end-1].s == " " && (row[end-1].st == stPlain || !color)) {
			end--
		}
		b.Reset()
		cur := stPlain
		for _, cl := range row[:end] {
			if color && cl.st != cur {
				if cur != stPlain {
					b.WriteString("\x1b[0m")
				}
				if cl.st != stPlain {
					b.WriteString("\x1b[")
					b.WriteString(sgr[cl.st])
					b.WriteByte('m')
				}
				cur = cl.st
			}
			b.WriteString(cl.s)
		}
		if cur != stPlain {
			b.WriteString("\x1b[0m")
		}
		out[y] = b.String()
	}
	return out
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
