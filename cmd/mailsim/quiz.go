package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailsim/mailsim/internal/prompt"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/lesson"
)

// quizOptions are the flags of `mailsim quiz`.
type quizOptions struct {
	exam      string
	topics    []string
	n         int
	seed      uint64
	seedSet   bool
	review    bool
	examMode  bool
	list      bool
	topicList bool
	questions string
	now       func() time.Time // the exam timer's clock; tests replace it
}

// examPace is the time allowed per question in --exam-mode: FE's 科目A
// gives 90 minutes for 60 questions.
const examPace = 90 * time.Second

func newQuizCmd(ios *IOStreams, g *globalOptions) *cobra.Command {
	o := &quizOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "Exam-style questions on mail protocols, scored, every wrong choice explained",
		Long: `Quiz asks questions from mailsim's bank, written for IPA's FE, AP, SG, SC and
NW exams and CompTIA Network+ (N+) and Security+ (S+): single and multiple
choice, putting protocol lines in order, what the server answers next
(checked against a real run of a scenario), and port numbers or reply codes
to type. After each answer it says whether it was right, explains, and says
why each wrong choice is wrong; at the end it prints the score and a
breakdown by topic.

Answer with a choice's label: 2, b or ウ (either language's labels work);
several as 1,3; an order as 3 1 2 4; a number as 587. On a terminal the
answer line has history and editing; from a pipe, answers are read one a
line, so a quiz can be scripted.

Progress (every answer and the weak topics) is kept in progress.json under
the user's configuration directory; --review asks only what was missed
last time.`,
		Example: `  mailsim quiz --exam fe -n 10
  mailsim quiz --topic op25b --lang ja
  mailsim quiz --review
  mailsim quiz --exam-mode -n 20
  printf '2\n1,3\n587\n' | mailsim quiz -n 3 --seed 7
  mailsim quiz --list --exam n+`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.seedSet = cmd.Flags().Changed("seed")
			return runQuiz(ios, g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.exam, "exam", "", "only questions for this exam: fe, ap, sg, sc, nw, n+ (Network+), s+ (Security+)")
	f.StringSliceVar(&o.topics, "topic", nil, "only questions on these topics (ids from --topics; a prefix such as op25b takes all op25b-*)")
	f.IntVarP(&o.n, "number", "n", 10, "how many questions to ask (0: all that match)")
	f.Uint64Var(&o.seed, "seed", 0, "shuffle questions and choices with this seed, to ask the same quiz again (default: a new one each time)")
	f.BoolVar(&o.review, "review", false, "ask only questions whose last answer was wrong")
	f.BoolVar(&o.examMode, "exam-mode", false, "timed (90 seconds a question), no feedback until the end")
	f.BoolVar(&o.list, "list", false, "print the matching questions, one a line: id, type, exams, topics")
	f.BoolVar(&o.topicList, "topics", false, "print the topic ids with the number of questions on each")
	f.StringVar(&o.questions, "questions", "", "ask the questions of this YAML file instead of the bank (same schema; see lessons/README.md)")
	_ = cmd.RegisterFlagCompletionFunc("exam", fixedCompletions("fe", "ap", "sg", "sc", "nw", "n+", "s+"))
	return cmd
}

func runQuiz(ios *IOStreams, g *globalOptions, o *quizOptions) error {
	lang, err := g.language(ios)
	if err != nil {
		return err
	}
	lib, err := loadLibrary(o.questions)
	if err != nil {
		return err
	}
	if o.topicList {
		return writeTopics(ios.Out, lib, lang)
	}
	f := lesson.Filter{Review: o.review}
	if o.exam != "" {
		if f.Exam, err = lesson.ParseExam(o.exam); err != nil {
			return badInput(fmt.Errorf("quiz: %w", err))
		}
	}
	if len(o.topics) > 0 {
		if f.Topics, err = lib.TopicIDs(o.topics); err != nil {
			return badInput(fmt.Errorf("quiz: %w", err))
		}
	}
	if o.n < 0 {
		return badInput(fmt.Errorf("quiz: -n %d: give a number of questions, or 0 for all", o.n))
	}
	store := progressStore(ios)
	prog := store.Load()
	if o.list {
		return writeQuestionList(ios.Out, lib.Filtered(f, prog))
	}
	if !o.seedSet {
		o.seed = uint64(o.now().UnixNano())
	}
	qs := lib.Select(f, prog, o.n, o.seed)
	if len(qs) == 0 {
		if o.review {
			fmt.Fprintln(ios.Out, msg(lang, "Nothing to review: no question was answered wrong last time.",
				"復習する問題はありません。前回間違えた問題はありません。"))
			return nil
		}
		return badInput(errors.New(msg(lang, "quiz: no question matches; see 'mailsim quiz --list' and 'mailsim quiz --topics'",
			"quiz: 条件に合う問題がありません。「mailsim quiz --list」と「mailsim quiz --topics」で確認してください")))
	}
	in := answerInput(ios)
	defer in.Close()
	z := &lesson.Quiz{Questions: qs, Seed: o.seed, Lang: lang, In: in, Out: ios.Out, Lib: lib,
		ExamMode: o.examMode, Now: o.now,
		Record: func(q *lesson.Question, right bool) { prog.Record(q, right); store.save(prog) }}
	if o.examMode {
		z.Limit = examPace * time.Duration(len(qs))
	}
	sc, err := z.Run()
	if err != nil {
		return err
	}
	z.WriteSummary(sc)
	if !o.seedSet {
		fmt.Fprintf(ios.Out, msg(lang, "Seed: %d (--seed %d asks this quiz again)\n", "シード: %d(「--seed %d」で同じ問題を出題します)\n"), o.seed, o.seed)
	}
	return nil
}

// loadLibrary loads the bundled lessons and bank; with file, the bank is
// replaced by that file's questions.
func loadLibrary(file string) (*lesson.Library, error) {
	lib, err := lesson.Bundled()
	if err != nil {
		return nil, err
	}
	if file != "" {
		if err := lib.AddQuestions(file); err != nil {
			return nil, badInput(err)
		}
		lib.OnlyQuestions(file)
	}
	return lib, nil
}

// writeQuestionList prints one question a line: id, type, exams, topics.
func writeQuestionList(out io.Writer, qs []*lesson.Question) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, q := range qs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", q.ID, q.Type, strings.Join(q.Exams, ","), strings.Join(q.Topics, ","))
	}
	return tw.Flush()
}

// writeTopics prints every topic id, how many questions it has, and its title.
func writeTopics(out io.Writer, lib *lesson.Library, lang i18n.Lang) error {
	count := map[string]int{}
	for _, q := range lib.Questions {
		for _, t := range q.Topics {
			count[t]++
		}
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, t := range lib.Topics {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", t.ID, count[t.ID], t.Title.In(lang))
	}
	return tw.Flush()
}

// progress is the learner's progress file; problems with it are warnings.
type progress struct {
	lesson.Store
	warned bool
}

// progressStore finds the progress file under the user's configuration
// directory. Without one (no HOME), progress is not kept.
func progressStore(ios *IOStreams) *progress {
	path, err := lesson.DefaultPath()
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "mailsim: progress is not kept: %v\n", err)
		return &progress{warned: true}
	}
	return &progress{Store: lesson.Store{Path: path, Warn: ios.ErrOut}}
}

// Load reads the progress, or starts an empty one.
func (p *progress) Load() *lesson.Progress {
	if p.Path == "" {
		return lesson.NewProgress()
	}
	return p.Store.Load()
}

// save writes the progress; the first failure is reported, none stops
// the learner.
func (p *progress) save(prog *lesson.Progress) {
	if p.Path == "" {
		return
	}
	if err := p.Save(prog); err != nil && !p.warned {
		p.warned = true
		fmt.Fprintf(p.Warn, "mailsim: cannot save progress to %s: %v\n", p.Path, err)
	}
}

// answers reads the learner's answers: readline on a terminal (history,
// arrows), one line at a time from a pipe. On a terminal the line editor
// reads the keyboard shared with the player, and is closed while a lesson
// plays a scenario.
type answers struct {
	ios   *IOStreams
	kb    *keyboard // on a terminal
	term  prompt.Reader
	lines lesson.Input
}

func answerInput(ios *IOStreams) *answers {
	a := &answers{ios: ios}
	if ios.InFile == nil {
		a.lines = lesson.Lines(ios.In, ios.Out)
	} else {
		a.kb = newKeyboard(ios.InFile)
	}
	return a
}

func (a *answers) Ask(p string) (string, error) {
	if a.lines != nil {
		return a.lines.Ask(p)
	}
	if a.term == nil {
		r, err := a.kb.lineEditor(a.ios.Out, p)
		if err != nil {
			return "", err
		}
		a.term = r
	}
	prompt.SetPrompt(a.term, p)
	return a.term.ReadLine()
}

// Close releases the terminal, if it was taken.
func (a *answers) Close() error {
	if a.term == nil {
		return nil
	}
	err := a.term.Close()
	a.term = nil
	return err
}
