package player

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestQuestions: a question is the first line of each reply to a command,
// SMTP or POP3; greetings and continuation lines are not asked.
func TestQuestions(t *testing.T) {
	topo := fixtureTopology()
	events := fixtureEvents(topo)
	qs := Questions(events)
	if len(qs) < 5 {
		t.Fatalf("only %d questions", len(qs))
	}
	seen := map[trace.Proto]bool{}
	for _, q := range qs {
		e := &events[q.Event]
		seen[q.Proto] = true
		if e.Kind != trace.Line || e.Dir != trace.ServerToClient {
			t.Errorf("question at a non-reply: %+v", e)
		}
		if q.Proto == trace.SMTP && (e.Tag.Code != q.Code || e.Tag.Code == 220) {
			t.Errorf("SMTP question %+v at %q", q, e.Line)
		}
		if q.Proto == trace.POP3 && (e.Tag.Status == trace.NoStatus || strings.Contains(e.Line, "ready")) {
			t.Errorf("POP3 question %+v at %q", q, e.Line)
		}
		// The line before, on the same connection, is not a line of the
		// same reply: a continuation line is never asked.
		for j := q.Event - 1; j >= 0; j-- {
			p := &events[j]
			if p.Conn != e.Conn || p.Kind != trace.Line {
				continue
			}
			if p.Dir == trace.ServerToClient && p.Proto == trace.SMTP && !p.Tag.Last {
				t.Errorf("question %q continues the reply before it", e.Line)
			}
			break
		}
		if q.Asked == "" {
			t.Errorf("question %q does not say what it answers", e.Line)
		}
	}
	if !seen[trace.SMTP] || !seen[trace.POP3] {
		t.Errorf("questions cover %v; want SMTP and POP3", seen)
	}
}

func TestJudge(t *testing.T) {
	smtp := Question{Proto: trace.SMTP, Code: 554}
	pop := Question{Proto: trace.POP3, Status: trace.Err}
	for _, c := range []struct {
		q                 Question
		answer            string
		right, understood bool
	}{
		{smtp, "554", true, true}, {smtp, " 554 ", true, true}, {smtp, "５５４", true, true},
		{smtp, "550", false, true}, {smtp, "5xx", true, true}, {smtp, "5XX", true, true},
		{smtp, "5", true, true}, {smtp, "2xx", false, true}, {smtp, "4", false, true},
		{smtp, "5yz", true, true}, {smtp, "", false, false}, {smtp, "ok", false, false},
		{smtp, "55", false, false}, {smtp, "6xx", false, false}, {smtp, "5543", false, false},
		{pop, "-ERR", true, true}, {pop, "-err", true, true}, {pop, "ERR", true, true},
		{pop, "-", true, true}, {pop, "+OK", false, true}, {pop, "ok", false, true},
		{pop, "250", false, false}, {pop, "", false, false},
	} {
		right, understood := Judge(c.answer, c.q)
		if right != c.right || understood != c.understood {
			t.Errorf("Judge(%q, %s %s) = %v, %v; want %v, %v", c.answer, c.q.Proto, c.q.Answer(), right, understood, c.right, c.understood)
		}
	}
}

// TestPredictPlayer drives predict mode in the player: the question opens
// before the reply, a wrong, a right and a skipped answer, the score at
// the end.
func TestPredictPlayer(t *testing.T) {
	topo := fixtureTopology()
	events := fixtureEvents(topo)
	qs := Questions(events)
	p := New(topo, events, Config{Width: 100, Height: 40, Lang: i18n.EN, NoAnim: true, Predict: true, Auto: true})
	if p.View().Auto {
		t.Fatal("predict mode must not play by itself")
	}
	m := p.Model()
	// Step until the first question opens.
	for i := 0; i < 200 && !p.View().Predicting; i++ {
		press(t, p, "\r")
	}
	if !p.View().Predicting {
		t.Fatal("no question was asked")
	}
	if got := m.starts[m.pos]; got != qs[0].Event {
		t.Fatalf("asked before event %d, want %d", got, qs[0].Event)
	}
	s := screen(p)
	if !strings.Contains(s, "What does "+qs[0].Server+" answer") || !strings.Contains(s, "Your answer") {
		t.Errorf("the question is not on screen:\n%s", s)
	}
	pos := m.Pos()
	press(t, p, "xyz\r") // not an answer: asked again
	if !p.View().Predicting || m.Pos() != pos || !strings.Contains(screen(p), "Type a reply code") {
		t.Errorf("a non-answer moved on:\n%s", screen(p))
	}
	press(t, p, "\x7f\x7f\x7f")
	wrong := "5xx"
	if qs[0].Code >= 500 {
		wrong = "2xx"
	}
	press(t, p, wrong+"\r")
	if p.View().Predicting || m.Pos() != pos+1 || !strings.Contains(screen(p), "no, the server answered "+qs[0].Answer()) {
		t.Errorf("after a wrong answer: pos %d\n%s", m.Pos(), screen(p))
	}
	// The next question, answered right.
	for i := 0; i < 200 && !p.View().Predicting; i++ {
		press(t, p, "\r")
	}
	press(t, p, qs[1].Answer()+"\r")
	if !strings.Contains(screen(p), qs[1].Answer()+": right.") {
		t.Errorf("after a right answer:\n%s", screen(p))
	}
	// Back and forward again: an answered question is not asked twice.
	press(t, p, "b")
	press(t, p, "\r")
	if p.View().Predicting {
		t.Error("an answered question was asked again")
	}
	// Skip the rest with Esc; the score counts what was answered.
	for i := 0; i < 2000 && !m.AtEnd(); i++ {
		if p.View().Predicting {
			press(t, p, "\x1b")
		} else {
			press(t, p, "\r")
		}
	}
	if !m.AtEnd() {
		t.Fatal("did not reach the end")
	}
	if s := screen(p); !strings.Contains(s, "Predictions: 1 of 2 right (50%).") {
		t.Errorf("no score at the end:\n%s", s)
	}
}

// TestPredictPlain: from a pipe, each question is printed before its
// reply and the score closes the run; POP3 is asked with +OK and -ERR.
func TestPredictPlain(t *testing.T) {
	topo := fixtureTopology()
	events := fixtureEvents(topo)
	qs := Questions(events)
	var in strings.Builder
	for _, q := range qs {
		in.WriteString(q.Answer() + "\n")
	}
	var out bytes.Buffer
	s, err := PredictPlain(strings.NewReader(in.String()), &out, topo, events, i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	if s.Asked != len(qs) || s.Right != len(qs) || s.Unanswered != 0 {
		t.Errorf("score %+v for %d right answers", s, len(qs))
	}
	got := out.String()
	if strings.Count(got, "\n?  ") != len(qs) || !strings.Contains(got, "Type +OK or -ERR.") {
		t.Errorf("questions:\n%s", got)
	}
	// Each question comes right before the line of its reply.
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "?  ") && (i+2 >= len(lines) || !strings.HasPrefix(lines[i+1], ">  ")) {
			t.Errorf("question %q is not followed by its verdict", l)
		}
	}
	if !strings.HasSuffix(got, "Predictions: "+itoa(len(qs))+" of "+itoa(len(qs))+" right (100%).\n") {
		t.Errorf("score line:\n%s", got[max(0, len(got)-200):])
	}
}
