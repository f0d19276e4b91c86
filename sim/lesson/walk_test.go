package lesson

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mailsim/mailsim/sim/i18n"
)

// walk runs lesson id with the given input lines and returns the output.
func walk(t *testing.T, lib *Library, p *Progress, id string, lang i18n.Lang, input string) (string, []string) {
	t.Helper()
	return walkWith(t, lib, p, id, lang, nil, input)
}

// learner answers every prompt sensibly: Enter to go on, and for a
// question the example its prompt gives (a valid answer of the right
// shape), or 1.
type learner struct{ w io.Writer }

func (l learner) Ask(prompt string) (string, error) {
	ans := "1"
	switch {
	case strings.HasPrefix(prompt, "[Enter]"):
		ans = ""
	case strings.Contains(prompt, "such as "):
		ans = strings.SplitN(strings.SplitN(prompt, "such as ", 2)[1], ";", 2)[0]
	case strings.Contains(prompt, "例「"):
		ans = strings.SplitN(strings.SplitN(prompt, "例「", 2)[1], "」", 2)[0]
	}
	fmt.Fprintf(l.w, "%s%s\n", prompt, ans)
	return ans, nil
}

func walkWith(t *testing.T, lib *Library, p *Progress, id string, lang i18n.Lang, in Input, input ...string) (string, []string) {
	t.Helper()
	l, ok := lib.Lesson(id)
	if !ok {
		t.Fatalf("no lesson %s", id)
	}
	var out bytes.Buffer
	var played []string
	switch in.(type) {
	case nil:
		in = Lines(strings.NewReader(strings.Join(input, "")), &out)
	case learner:
		in = learner{&out}
	}
	w := &Walk{Lib: lib, Lesson: l, Lang: lang, In: in, Out: &out,
		Progress: p, Seed: 1,
		Play: func(id string) error {
			played = append(played, id)
			out.WriteString("<played " + id + ">\n")
			return nil
		}}
	if err := w.Run(); err != nil {
		t.Fatal(err)
	}
	return out.String(), played
}

// TestEveryLessonRenders walks every lesson to its end in both languages
// from a pipe and checks that every title, goal and section text is shown
// in that language, that bundled scenarios are played and missing ones
// announced, and that the lesson ends done.
func TestEveryLessonRenders(t *testing.T) {
	lib := bundled(t)
	for _, l := range lib.Lessons {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			t.Run(l.ID+"."+string(lang), func(t *testing.T) {
				p := NewProgress()
				out, played := walkWith(t, lib, p, l.ID, lang, learner{})
				want := []string{l.Title.In(lang)}
				for _, g := range l.Goals {
					want = append(want, g.In(lang))
				}
				for _, s := range l.Sections {
					want = append(want, s.Title.In(lang))
					want = append(want, strings.Split(s.Text.In(lang), "\n")...)
				}
				for _, s := range want {
					if !strings.Contains(out, s) {
						t.Errorf("the output lacks %q", s)
					}
				}
				for _, s := range l.Sections {
					if s.Play == "" {
						continue
					}
					if !contains(played, s.Play) && !strings.Contains(out, `"`+s.Play+`"`) && !strings.Contains(out, "「"+s.Play+"」") {
						t.Errorf("scenario %s was neither played nor announced as missing", s.Play)
					}
				}
				if lang == i18n.JA {
					for _, en := range []string{"Goals:", "Question ", "Correct.", "Not correct", "Score:", "By topic:"} {
						if strings.Contains(out, en) {
							t.Errorf("Japanese output contains the English %q", en)
						}
					}
				}
				if p.StatusOf(l.ID) != Done {
					t.Errorf("lesson not done after the last question:\n%s", out)
				}
			})
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestLessonResumes stops a lesson after its first section and checks
// that the next run starts at the second, and that --restart starts over.
func TestLessonResumes(t *testing.T) {
	lib := bundled(t)
	l, _ := lib.Lesson("receiving")
	p := NewProgress()
	out, _ := walk(t, lib, p, l.ID, i18n.EN, "\nq\n")
	if !strings.Contains(out, "[1/3]") || !strings.Contains(out, "[2/3]") || strings.Contains(out, "[3/3]") {
		t.Fatalf("first run: want sections 1 and 2, then stop:\n%s", out)
	}
	if got := p.Lessons[l.ID].Section; got != 1 || p.StatusOf(l.ID) != InProgress {
		t.Fatalf("saved section %d, status %v; want 1, in progress", got, p.StatusOf(l.ID))
	}
	out, _ = walk(t, lib, p, l.ID, i18n.EN, "")
	if !strings.Contains(out, "Resuming at section 2 of 3") || strings.Contains(out, "[1/3]") {
		t.Errorf("second run does not resume at section 2:\n%s", out)
	}
	var buf bytes.Buffer
	w := &Walk{Lib: lib, Lesson: l, Lang: i18n.EN, In: Lines(strings.NewReader(""), &buf), Out: &buf, Progress: p, Restart: true}
	if err := w.Run(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "[1/3]") {
		t.Errorf("--restart does not start at section 1:\n%s", buf.String())
	}
}

// TestExamMode checks that exam mode gives no feedback until the end, and
// stops asking once the time limit has passed on its clock.
func TestExamMode(t *testing.T) {
	lib := bundled(t)
	qs := lib.Select(Filter{}, nil, 3, 1)
	clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	var out bytes.Buffer
	in := &tickInput{Input: Lines(strings.NewReader("1\n1\n1\n"), &out), tick: func() { clock = clock.Add(100 * time.Second) }}
	z := &Quiz{Questions: qs, Seed: 1, Lang: i18n.EN, In: in, Out: &out, Lib: lib, ExamMode: true, Limit: 150 * time.Second, Now: now}
	sc, err := z.Run()
	if err != nil {
		t.Fatal(err)
	}
	during := out.String()
	if strings.Contains(during, "Correct.") || strings.Contains(during, "Not correct") {
		t.Errorf("exam mode gave feedback before the end:\n%s", during)
	}
	if len(sc.Outcomes) != 2 || !sc.TimeUp {
		t.Errorf("answered %d, time up %v; want 2 answered (100s each, 150s limit) and time up", len(sc.Outcomes), sc.TimeUp)
	}
	z.WriteSummary(sc)
	if !strings.Contains(out.String(), "Unanswered: 1 (time is up).") || !strings.Contains(out.String(), "Time: 3 min 20 s") {
		t.Errorf("summary:\n%s", out.String()[len(during):])
	}
}

// tickInput advances a clock each time an answer is read.
type tickInput struct {
	Input
	tick func()
}

func (t *tickInput) Ask(p string) (string, error) {
	t.tick()
	return t.Input.Ask(p)
}
