package lesson

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/player"
	"github.com/mailsim/mailsim/sim/scenario"
)

// Walk takes a learner through one lesson: its goals, each section (with
// its scenario played inline), then the check questions. Progress is kept
// after every section and answer, so that a lesson left half-way resumes
// where it stopped.
type Walk struct {
	Lib    *Library
	Lesson *Lesson
	Lang   i18n.Lang
	In     Input
	Out    io.Writer
	Width  int // wrap text to this many columns; 0 does not wrap
	// Play plays a bundled scenario inline: the player on a terminal, the
	// plain transcript otherwise.
	Play     func(id string) error
	Progress *Progress
	Save     func() // called whenever Progress changed
	Seed     uint64 // shuffles the check questions' choices
	Restart  bool   // start from the beginning, even if the lesson was begun
}

func (w *Walk) msg(en, ja string) string { return i18n.T(en, ja).In(w.Lang) }

func (w *Walk) save() {
	if w.Save != nil {
		w.Save()
	}
}

// Run walks the lesson. It returns nil when the input ends or the learner
// quits: the place is saved and the next run resumes there.
func (w *Walk) Run() error {
	l := w.Lesson
	st := w.Progress.Lesson(l.ID)
	if w.Restart || st.Done || st.Section > len(l.Sections) {
		st.Section, st.Done = 0, false
	}
	fmt.Fprintf(w.Out, w.msg("Lesson %d: %s\n", "レッスン%d: %s\n"), l.Number, l.Title.In(w.Lang))
	if st.Section == 0 {
		w.intro()
	} else {
		fmt.Fprintf(w.Out, w.msg("Resuming at section %d of %d ('mailsim lesson %s --restart' starts over).\n",
			"第%d節(全%d節)から再開します。最初からやり直すには「mailsim lesson %s --restart」を使います。\n"),
			st.Section+1, len(l.Sections), l.ID)
	}
	fmt.Fprintln(w.Out)
	for i := st.Section; i < len(l.Sections); i++ {
		s := l.Sections[i]
		fmt.Fprintf(w.Out, "[%d/%d] %s\n", i+1, len(l.Sections), s.Title.In(w.Lang))
		w.text(s.Text.In(w.Lang))
		if s.Play != "" {
			if err := w.play(s.Play); err != nil {
				return err
			}
		}
		line, err := w.In.Ask(w.msg("[Enter] next, q quits: ", "[Enter]で次へ、qで中断: "))
		if err != nil || strings.EqualFold(strings.TrimSpace(line), "q") {
			fmt.Fprintln(w.Out, w.msg("Stopped; 'mailsim lesson "+l.ID+"' resumes here.",
				"中断しました。「mailsim lesson "+l.ID+"」でここから再開します。"))
			return nil
		}
		fmt.Fprintln(w.Out)
		st.Section = i + 1
		w.save()
	}
	return w.check(st)
}

// intro prints the goals and the exam topics of the lesson.
func (w *Walk) intro() {
	l := w.Lesson
	fmt.Fprintln(w.Out, w.msg("Goals:", "目標:"))
	for _, g := range l.Goals {
		w.item(g.In(w.Lang))
	}
	fmt.Fprintln(w.Out, w.msg("Exam topics:", "試験の出題分野:"))
	for _, id := range l.Topics {
		if t, ok := w.Lib.Topic(id); ok {
			w.item(t.Title.In(w.Lang))
		}
	}
}

// item prints one bulleted line, wrapped under its bullet.
func (w *Walk) item(s string) {
	lines := w.wrap(s, 4)
	for i, ln := range lines {
		if i == 0 {
			fmt.Fprintf(w.Out, "  - %s\n", ln)
		} else {
			fmt.Fprintf(w.Out, "    %s\n", ln)
		}
	}
}

// text prints a section's paragraphs.
func (w *Walk) text(s string) {
	for _, para := range strings.Split(strings.TrimSpace(s), "\n") {
		for _, ln := range w.wrap(para, 2) {
			if ln == "" {
				fmt.Fprintln(w.Out)
				continue
			}
			fmt.Fprintf(w.Out, "  %s\n", ln)
		}
	}
}

func (w *Walk) wrap(s string, indent int) []string {
	if w.Width-indent < 20 {
		return []string{s}
	}
	return player.WrapText(s, w.Width-indent)
}

// play plays a scenario, or says that it is not written yet.
func (w *Walk) play(id string) error {
	ids, _ := scenario.BundledIDs()
	if !slices.Contains(ids, id) {
		fmt.Fprintf(w.Out, w.msg("  (The scenario %q is not available yet: this section will play it once it is written.)\n",
			"  (シナリオ「%s」はまだありません。用意され次第、ここで再生します。)\n"), id)
		return nil
	}
	fmt.Fprintf(w.Out, w.msg("  Scenario: %s (replay it with 'mailsim play %s')\n", "  シナリオ: %s(「mailsim play %s」で再生できます)\n"), id, id)
	fmt.Fprintln(w.Out)
	if w.Play == nil {
		return nil
	}
	if err := w.Play(id); err != nil {
		return fmt.Errorf("lesson %s: scenario %s: %w", w.Lesson.ID, id, err)
	}
	fmt.Fprintln(w.Out)
	return nil
}

// check asks the check questions and marks the lesson done when every one
// was answered.
func (w *Walk) check(st *LessonState) error {
	qs := w.Lib.CheckQuestions(w.Lesson)
	if len(qs) == 0 {
		fmt.Fprintln(w.Out, w.msg("This lesson has no check questions yet.", "このレッスンの確認問題はまだありません。"))
		st.Done = true
		w.save()
		return nil
	}
	fmt.Fprintf(w.Out, w.msg("Check questions (%d)\n\n", "確認問題(%d問)\n\n"), len(qs))
	z := &Quiz{Questions: qs, Seed: w.Seed, Lang: w.Lang, In: w.In, Out: w.Out, Lib: w.Lib,
		Record: func(q *Question, right bool) { w.Progress.Record(q, right); w.save() }}
	sc, err := z.Run()
	if err != nil {
		return err
	}
	z.WriteSummary(sc)
	if !sc.Stopped {
		st.Done = true
		w.save()
		fmt.Fprintf(w.Out, w.msg("Lesson %d is done.", "レッスン%dを修了しました。"), w.Lesson.Number)
		if next := w.next(); next != nil {
			fmt.Fprintf(w.Out, w.msg(" Next: mailsim lesson %s", " 次は mailsim lesson %s です。"), next.ID)
		}
		fmt.Fprintln(w.Out)
	}
	return nil
}

func (w *Walk) next() *Lesson {
	for i, l := range w.Lib.Lessons {
		if l == w.Lesson && i+1 < len(w.Lib.Lessons) {
			return w.Lib.Lessons[i+1]
		}
	}
	return nil
}

// Status is where a learner stands in a lesson.
type Status int

// The statuses shown by `mailsim lesson`.
const (
	NotStarted Status = iota
	InProgress
	Done
)

// StatusOf says whether the lesson is done, begun or not started.
func (p *Progress) StatusOf(id string) Status {
	st := p.Lessons[id]
	switch {
	case st == nil:
		return NotStarted
	case st.Done:
		return Done
	case st.Section > 0:
		return InProgress
	}
	return NotStarted
}

// WriteList prints every lesson, one a line, with its progress mark.
func (lib *Library) WriteList(out io.Writer, p *Progress, lang i18n.Lang) {
	marks := map[Status]i18n.Text{
		Done:       i18n.T("[done]       ", "[修了]  "),
		InProgress: i18n.T("[in progress]", "[学習中]"),
		NotStarted: i18n.T("[not started]", "[未学習]"),
	}
	width := 0
	for _, l := range lib.Lessons {
		width = max(width, len(l.ID))
	}
	for _, l := range lib.Lessons {
		fmt.Fprintf(out, "%d. %-*s  %s  %s\n", l.Number, width, l.ID, marks[p.StatusOf(l.ID)].In(lang), l.Title.In(lang))
	}
}
