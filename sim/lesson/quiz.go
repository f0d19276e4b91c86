package lesson

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/mailsim/mailsim/sim/i18n"
)

// Input is where answers come from. Ask shows prompt and returns the line
// the learner typed; any error (end of input, Ctrl-C) ends the quiz.
type Input interface {
	Ask(prompt string) (string, error)
}

// Lines is an Input reading one answer a line from r, for pipes and tests.
// It writes the prompt and the answer it read to w, so that the output reads
// like the session a person would have had.
func Lines(r io.Reader, w io.Writer) Input { return &lineInput{r: newLineReader(r), w: w} }

// lineReader reads lines without their line ending; a last line without
// one still counts.
type lineReader struct{ s *bufio.Scanner }

func newLineReader(r io.Reader) *lineReader {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 4096), 1<<20)
	return &lineReader{s}
}

func (l *lineReader) next() (string, error) {
	if l.s.Scan() {
		return strings.TrimSuffix(l.s.Text(), "\r"), nil
	}
	if err := l.s.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

type lineInput struct {
	r *lineReader
	w io.Writer
}

func (l *lineInput) Ask(prompt string) (string, error) {
	line, err := l.r.next()
	if err != nil {
		fmt.Fprintln(l.w, prompt)
		return "", err
	}
	fmt.Fprintf(l.w, "%s%s\n", prompt, line)
	return line, nil
}

// errQuit is the learner typing q instead of an answer.
var errQuit = errors.New("quit")

// Quiz asks questions one by one and grades them.
type Quiz struct {
	Questions []*Question
	Seed      uint64 // shuffles each question's choices
	Lang      i18n.Lang
	In        Input
	Out       io.Writer
	Lib       *Library
	// ExamMode gives no feedback until the end, and stops asking once
	// Limit (if not zero) has passed on Now's clock.
	ExamMode bool
	Limit    time.Duration
	Now      func() time.Time
	// Record, if set, is called after each answer (to keep progress).
	Record func(q *Question, right bool)
}

// Outcome is one question's result in a quiz.
type Outcome struct {
	Shown    Shown
	Result   Result
	Answered bool
}

// Score is the result of a quiz.
type Score struct {
	Outcomes []Outcome
	Elapsed  time.Duration
	TimeUp   bool
	Stopped  bool // the input ended, or the learner quit, before the last question
	Quit     bool // the learner typed q
}

// Right is the number of questions answered correctly.
func (s *Score) Right() int {
	n := 0
	for _, o := range s.Outcomes {
		if o.Result.Correct {
			n++
		}
	}
	return n
}

// Run asks every question and returns the score. It stops early, without
// error, when the input ends.
func (z *Quiz) Run() (*Score, error) {
	now := z.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	sc := &Score{}
	if z.ExamMode {
		fmt.Fprintln(z.Out, z.examIntro())
		fmt.Fprintln(z.Out)
	}
	for i, q := range z.Questions {
		if z.ExamMode && z.Limit > 0 && now().Sub(start) >= z.Limit {
			sc.TimeUp = true
			break
		}
		s := Show(q, z.Seed)
		z.writeQuestion(s, i+1, len(z.Questions))
		res, err := z.ask(s)
		if err != nil {
			sc.Stopped, sc.Quit = true, errors.Is(err, errQuit)
			break
		}
		sc.Outcomes = append(sc.Outcomes, Outcome{Shown: s, Result: res, Answered: true})
		if z.Record != nil {
			z.Record(q, res.Correct)
		}
		if !z.ExamMode {
			z.WriteFeedback(s, res)
		}
		fmt.Fprintln(z.Out)
	}
	sc.Elapsed = now().Sub(start)
	if z.ExamMode && z.Limit > 0 && sc.Elapsed > z.Limit {
		sc.TimeUp = true
	}
	return sc, nil
}

func (z *Quiz) msg(en, ja string) string { return i18n.T(en, ja).In(z.Lang) }

func (z *Quiz) examIntro() string {
	if z.Limit > 0 {
		return fmt.Sprintf(z.msg("Exam mode: %d questions in %s. No feedback until the end.",
			"試験モード: %d問、制限時間%s。解説は最後にまとめて表示します。"), len(z.Questions), z.duration(z.Limit))
	}
	return fmt.Sprintf(z.msg("Exam mode: %d questions. No feedback until the end.",
		"試験モード: %d問。解説は最後にまとめて表示します。"), len(z.Questions))
}

// ask reads answers until one can be graded.
func (z *Quiz) ask(s Shown) (Result, error) {
	for {
		line, err := z.In.Ask(z.prompt(s))
		if err != nil {
			return Result{}, err
		}
		if t := strings.ToLower(strings.TrimSpace(line)); t == "q" || t == "quit" {
			return Result{}, errQuit
		}
		res, err := s.Grade(line)
		if errors.Is(err, ErrUnreadable) {
			fmt.Fprintln(z.Out, z.msg("  That is not an answer to this question: ", "  この問題への解答として読めません: ")+z.hint(s))
			continue
		}
		return res, err
	}
}

// prompt is what the answer line starts with.
func (z *Quiz) prompt(s Shown) string {
	return z.msg("Answer (", "解答(") + z.hint(s) + z.msg("; q quits", "、qで中断") + "): "
}

// hint says how to answer this question.
func (z *Quiz) hint(s Shown) string {
	if s.Q.Type == Fill {
		return z.msg("type the answer", "答えを入力")
	}
	n := len(s.Order)
	first, last := Label(0, z.Lang), Label(n-1, z.Lang)
	switch s.Q.Type {
	case Multi:
		return fmt.Sprintf(z.msg("all that apply, such as %s,%s", "当てはまるものを全て、例「%s,%s」"), first, Label(2, z.Lang))
	case Order:
		var ls []string
		for i := range n {
			ls = append(ls, Label(i, z.Lang))
		}
		slices.Reverse(ls)
		return fmt.Sprintf(z.msg("the labels in order, such as %s", "記号を正しい順に、例「%s」"), strings.Join(ls, " "))
	}
	return fmt.Sprintf("%s-%s", first, last)
}

// writeQuestion shows the question: its number, stem, protocol lines and
// labelled choices.
func (z *Quiz) writeQuestion(s Shown, n, of int) {
	q := s.Q
	w := z.Out
	fmt.Fprintf(w, z.msg("Question %d of %d  [%s]\n", "問%d / %d  [%s]\n"), n, of, strings.Join(q.Exams, " "))
	fmt.Fprintln(w, q.Stem.In(z.Lang))
	for _, l := range q.Lines {
		fmt.Fprintf(w, "    %s\n", l)
	}
	for i, c := range s.Order {
		fmt.Fprintf(w, "  %s  %s\n", Label(i, z.Lang), q.Choices[c].Text.In(z.Lang))
	}
}

// label is how choice number c (1-based, in Q.Choices) is shown.
func (s Shown) label(c int, lang i18n.Lang) string {
	return Label(slices.Index(s.Order, c-1), lang)
}

// answerLabels are the correct answer as shown: labels, or the accepted text.
func (z *Quiz) answerLabels(s Shown) string {
	if s.Q.Type == Fill {
		return s.Q.Accept[0]
	}
	var ls []string
	for _, a := range s.Q.Answer {
		ls = append(ls, s.label(a, z.Lang))
	}
	sep := ","
	if s.Q.Type == Order {
		sep = " "
	}
	return strings.Join(ls, sep)
}

// WriteFeedback says whether the answer was right, what the right answer
// is, the explanation, and why each choice is right or wrong.
func (z *Quiz) WriteFeedback(s Shown, res Result) {
	w, q := z.Out, s.Q
	if res.Correct {
		fmt.Fprintln(w, z.msg("Correct.", "正解です。"))
	} else {
		fmt.Fprintf(w, z.msg("Not correct. The answer is %s.\n", "不正解です。正解は%sです。\n"), z.answerLabels(s))
	}
	fmt.Fprintln(w, q.Explanation.In(z.Lang))
	switch q.Type {
	case Fill:
	case Order:
		fmt.Fprintln(w, z.msg("The correct order:", "正しい順序:"))
		for _, a := range q.Answer {
			fmt.Fprintf(w, "  %s  %s\n", s.label(a, z.Lang), q.Choices[a-1].Text.In(z.Lang))
		}
	default:
		for i, c := range s.Order {
			mark := z.msg("wrong", "誤り")
			if slices.Contains(q.Answer, c+1) {
				mark = z.msg("right", "正しい")
			}
			fmt.Fprintf(w, "  %s (%s) %s\n", Label(i, z.Lang), mark, q.Choices[c].Why.In(z.Lang))
		}
	}
}

// WriteSummary prints the score, the breakdown by topic, the weak topics
// with the lessons that teach them, and, after an exam, the feedback on
// every question missed.
func (z *Quiz) WriteSummary(sc *Score) {
	w := z.Out
	if z.ExamMode {
		for _, o := range sc.Outcomes {
			if !o.Result.Correct {
				fmt.Fprintf(w, z.msg("-- %s --\n", "-- %s --\n"), o.Shown.Q.ID)
				fmt.Fprintln(w, o.Shown.Q.Stem.In(z.Lang))
				z.WriteFeedback(o.Shown, o.Result)
				fmt.Fprintln(w)
			}
		}
	}
	asked := len(sc.Outcomes)
	right := sc.Right()
	pct := 0
	if asked > 0 {
		pct = right * 100 / asked
	}
	fmt.Fprintf(w, z.msg("Score: %[2]d of %[1]d (%[3]d%%)\n", "得点: %d問中%d問正解(%d%%)\n"), asked, right, pct)
	if skipped := len(z.Questions) - asked; skipped > 0 {
		switch {
		case sc.TimeUp:
			fmt.Fprintf(w, z.msg("Unanswered: %d (time is up).\n", "未解答: %d問(時間切れ)\n"), skipped)
		case sc.Quit:
			fmt.Fprintf(w, z.msg("Unanswered: %d (stopped).\n", "未解答: %d問(中断)\n"), skipped)
		default:
			fmt.Fprintf(w, z.msg("Unanswered: %d (the input ended).\n", "未解答: %d問(入力の終わり)\n"), skipped)
		}
	}
	if z.ExamMode {
		fmt.Fprintf(w, z.msg("Time: %s\n", "所要時間: %s\n"), z.duration(sc.Elapsed))
	}
	if asked == 0 {
		return
	}
	type tally struct{ right, of int }
	by := map[string]*tally{}
	for _, o := range sc.Outcomes {
		for _, tp := range o.Shown.Q.Topics {
			t := by[tp]
			if t == nil {
				t = &tally{}
				by[tp] = t
			}
			t.of++
			if o.Result.Correct {
				t.right++
			}
		}
	}
	fmt.Fprintln(w, z.msg("By topic:", "分野別:"))
	width := 0
	for _, tp := range z.Lib.Topics {
		if by[tp.ID] != nil {
			width = max(width, runewidth.StringWidth(tp.Title.In(z.Lang)))
		}
	}
	var weakIDs []string
	for _, tp := range z.Lib.Topics {
		t := by[tp.ID]
		if t == nil {
			continue
		}
		title := tp.Title.In(z.Lang)
		pad := strings.Repeat(" ", width-runewidth.StringWidth(title))
		fmt.Fprintf(w, "  %s%s  %d/%d\n", title, pad, t.right, t.of)
		if weak(t.right, t.of) {
			weakIDs = append(weakIDs, tp.ID)
		}
	}
	if len(weakIDs) == 0 {
		return
	}
	var lessons []string
	for _, o := range sc.Outcomes {
		if !o.Result.Correct && !slices.Contains(lessons, o.Shown.Q.Lesson) {
			lessons = append(lessons, o.Shown.Q.Lesson)
		}
	}
	fmt.Fprintf(w, z.msg("To review: %s\n", "復習するとよい分野: %s\n"), strings.Join(z.titles(weakIDs), z.msg("; ", "、")))
	for _, l := range lessons {
		fmt.Fprintf(w, "  mailsim lesson %s\n", l)
	}
}

// duration says d in whole seconds: "4 min 30 s", "4分30秒".
func (z *Quiz) duration(d time.Duration) string {
	sec := int(d.Round(time.Second).Seconds())
	m, s := sec/60, sec%60
	switch {
	case m == 0:
		return fmt.Sprintf(z.msg("%d s", "%d秒"), s)
	case s == 0:
		return fmt.Sprintf(z.msg("%d min", "%d分"), m)
	}
	return fmt.Sprintf(z.msg("%d min %d s", "%d分%d秒"), m, s)
}

func (z *Quiz) titles(ids []string) []string {
	var out []string
	for _, id := range ids {
		if t, ok := z.Lib.Topic(id); ok {
			out = append(out, t.Title.In(z.Lang))
		}
	}
	return out
}
