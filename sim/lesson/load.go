package lesson

import (
	"fmt"
	"io/fs"
	"os"

	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/lessons"
	"github.com/mailsim/mailsim/sim/scenario"
)

// Library is everything the teaching layer reads: topics, lessons and the
// question bank, cross-checked.
type Library struct {
	Topics    []*Topic // topics.yaml order: exam topics, then misconceptions
	Lessons   []*Lesson
	Questions []*Question // in file order

	topics    map[string]*Topic
	lessons   map[string]*Lesson
	questions map[string]*Question
}

// Topic returns the topic or misconception with this id.
func (lib *Library) Topic(id string) (*Topic, bool) { t, ok := lib.topics[id]; return t, ok }

// Lesson returns the lesson with this id.
func (lib *Library) Lesson(id string) (*Lesson, bool) { l, ok := lib.lessons[id]; return l, ok }

// Question returns the question with this id.
func (lib *Library) Question(id string) (*Question, bool) { q, ok := lib.questions[id]; return q, ok }

// Bundled loads the lessons, topics and questions compiled into mailsim.
func Bundled() (*Library, error) { return Load(lessons.FS) }

var lessonFile = regexp.MustCompile(`^(\d\d)-([a-z0-9-]+)\.yaml$`)

// Load reads topics.yaml, NN-<id>.yaml lessons and questions/*.yaml from
// fsys and checks them together. The error, if any, is an ErrorList with
// every problem, each at file:line:column.
func Load(fsys fs.FS) (*Library, error) {
	lib := &Library{}
	var errs ErrorList
	src, err := fs.ReadFile(fsys, "topics.yaml")
	if err != nil {
		return nil, fmt.Errorf("lessons: %w", err)
	}
	topics, es := parseTopics("lessons/topics.yaml", src)
	errs = append(errs, es...)
	lib.Topics = topics

	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("lessons: %w", err)
	}
	for _, e := range entries {
		m := lessonFile.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		src, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		n, _ := strconv.Atoi(m[1])
		file := "lessons/" + e.Name()
		l, es := parseLesson(file, n, src)
		errs = append(errs, es...)
		if l != nil {
			if l.ID != "" && l.ID != m[2] {
				errs = append(errs, &Error{File: file, Line: l.Pos.Line, Col: l.Pos.Col,
					Msg: fmt.Sprintf("id: the lesson's id is %q but its file is named for %q: make them agree", l.ID, m[2])})
			}
			lib.Lessons = append(lib.Lessons, l)
		}
	}
	sort.SliceStable(lib.Lessons, func(i, j int) bool { return lib.Lessons[i].Number < lib.Lessons[j].Number })

	qfiles, err := fs.Glob(fsys, "questions/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range qfiles {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		qs, es := parseQuestions("lessons/"+name, src)
		errs = append(errs, es...)
		lib.Questions = append(lib.Questions, qs...)
	}
	if len(errs) == 0 {
		errs = lib.index()
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return lib, nil
}

// AddQuestions parses a teacher's own question file and adds its questions
// to the library, checked like the bundled ones.
func (lib *Library) AddQuestions(file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("cannot read questions: %w", err)
	}
	qs, errs := parseQuestions(file, src)
	if len(errs) == 0 {
		old := lib.Questions
		lib.Questions = append(slices.Clip(old), qs...)
		if errs = lib.index(); len(errs) > 0 {
			lib.Questions = old
			lib.index()
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	return nil
}

// OnlyQuestions keeps only the questions defined in file (a teacher's own
// file given to quiz) and drops the bank's.
func (lib *Library) OnlyQuestions(file string) {
	var keep []*Question
	for _, q := range lib.Questions {
		if q.Pos.File == file {
			keep = append(keep, q)
		}
	}
	lib.Questions = keep
	lib.index()
}

// index builds the look-up maps and checks every cross-reference: unique
// ids, known tags, lessons that exist, scenarios that are bundled.
func (lib *Library) index() ErrorList {
	var errs ErrorList
	errAt := func(p Pos, format string, args ...any) {
		errs = append(errs, &Error{File: p.File, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)})
	}
	lib.topics = map[string]*Topic{}
	var topicIDs []string
	for _, t := range lib.Topics {
		if old, dup := lib.topics[t.ID]; dup {
			errAt(t.Pos, "id %q is already used at line %d", t.ID, old.Pos.Line)
			continue
		}
		lib.topics[t.ID] = t
		topicIDs = append(topicIDs, t.ID)
	}
	lib.lessons = map[string]*Lesson{}
	for _, l := range lib.Lessons {
		if old, dup := lib.lessons[l.ID]; dup {
			errAt(l.Pos, "lesson id %q is already used by %s", l.ID, old.Pos.File)
			continue
		}
		lib.lessons[l.ID] = l
	}
	lib.questions = map[string]*Question{}
	scenarios, _ := scenario.BundledIDs()
	for _, q := range lib.Questions {
		if old, dup := lib.questions[q.ID]; dup {
			errAt(q.Pos, "question id %q is already used at %s:%d", q.ID, old.Pos.File, old.Pos.Line)
		} else {
			lib.questions[q.ID] = q
		}
		lib.checkTags(q.Pos, "question "+q.ID, q.Topics, topicIDs, errAt, func(i int) Pos { return q.At("topics." + strconv.Itoa(i)) })
		if len(q.Exams) == 0 {
			errAt(q.Pos, "question %s: exams: give at least one of %s", q.ID, strings.Join(Exams, " "))
		}
		seen := map[string]bool{}
		for i, e := range q.Exams {
			p := q.At("exams." + strconv.Itoa(i))
			if !slices.Contains(Exams, e) {
				errAt(p, "question %s: unknown exam %q; use %s", q.ID, e, strings.Join(Exams, " "))
			}
			if seen[e] {
				errAt(p, "question %s: exam %q is listed twice", q.ID, e)
			}
			seen[e] = true
		}
		if !slices.Contains(LessonIDs, q.Lesson) {
			msg := fmt.Sprintf("question %s: unknown lesson %q", q.ID, q.Lesson)
			if s := suggest.Closest(q.Lesson, LessonIDs); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errAt(q.At("lesson"), "%s; use one of %s", msg, strings.Join(LessonIDs, ", "))
		}
		if q.Check != nil && !slices.Contains(scenarios, q.Check.Scenario) {
			errAt(q.Check.Pos, "question %s: check scenario %q is not bundled; use one of %s", q.ID, q.Check.Scenario, strings.Join(scenarios, ", "))
		}
	}
	for _, l := range lib.Lessons {
		lib.checkTags(l.Pos, "lesson "+l.ID, l.Topics, topicIDs, errAt, func(int) Pos { return l.Pos })
		for _, id := range l.Questions {
			q, ok := lib.questions[id]
			switch {
			case !ok:
				errAt(l.Pos, "lesson %s: question %q is not in the bank", l.ID, id)
			case q.Lesson != l.ID:
				errAt(l.Pos, "lesson %s: question %q is tagged with lesson %q; tag it %q or pick another", l.ID, id, q.Lesson, l.ID)
			}
		}
	}
	return errs
}

func (lib *Library) checkTags(p Pos, what string, tags, known []string, errAt func(Pos, string, ...any), at func(i int) Pos) {
	if len(tags) == 0 {
		errAt(p, "%s: topics: give at least one id from lessons/topics.yaml", what)
	}
	seen := map[string]bool{}
	for i, t := range tags {
		p := at(i)
		if _, ok := lib.topics[t]; !ok {
			msg := fmt.Sprintf("%s: unknown topic %q", what, t)
			if s := suggest.Closest(t, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errAt(p, "%s; topics and misconceptions are listed in lessons/topics.yaml", msg)
		}
		if seen[t] {
			errAt(p, "%s: topic %q is listed twice", what, t)
		}
		seen[t] = true
	}
}

// Choices are shuffled when shown, so a text that names a choice by its
// label ("ア is wrong", "the answer is 2") would point at the wrong one.
var (
	labelJA = regexp.MustCompile(`(^|[。、\s(「])[アイウエオ]は|正解は[アイウエオ1-5]`)
	labelEN = regexp.MustCompile(`(?i)\b(choice|option) \(?[1-5]\)?\b|\banswer is \(?[1-5a-e]\)?(\W|$)`)
)

// namesALabel reports the texts of q that name a choice by its label. It
// is a test over the bank (TestExplanationsNameNoLabel), not a load error:
// such a text misleads, but does not stop the quiz.
func namesALabel(q *Question) []struct{ part, msg string } {
	var out []struct{ part, msg string }
	check := func(part, where, en, ja string) {
		if labelEN.MatchString(en) || labelJA.MatchString(ja) {
			out = append(out, struct{ part, msg string }{part, where + ": do not name a choice by its label or number: choices are shuffled when shown"})
		}
	}
	check("explanation", "explanation", q.Explanation.EN, q.Explanation.JA)
	for i, c := range q.Choices {
		check("choices."+strconv.Itoa(i)+".why", fmt.Sprintf("choice %d why", i+1), c.Why.EN, c.Why.JA)
	}
	return out
}
