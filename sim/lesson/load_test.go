package lesson

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mailsim/mailsim/lessons"
	"github.com/mailsim/mailsim/sim/i18n"
)

// bundled loads the real library or stops the test.
func bundled(t testing.TB) *Library {
	t.Helper()
	lib, err := Bundled()
	if err != nil {
		t.Fatalf("the bundled lessons and questions do not load:\n%v", err)
	}
	return lib
}

// withQuestions builds a library from the bundled topics.yaml and one
// question file named questions/test.yaml holding src.
func withQuestions(src []byte) (*Library, error) {
	topics, err := fs.ReadFile(lessons.FS, "topics.yaml")
	if err != nil {
		return nil, err
	}
	return Load(fstest.MapFS{
		"topics.yaml":         {Data: topics},
		"questions/test.yaml": {Data: src},
	})
}

// TestBrokenFiles loads each file under testdata/broken as a question file;
// its first line says "# want: <line>:<col>: <start of the message>", and the
// loader must report that problem at that place.
func TestBrokenFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 broken files, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			want, ok := strings.CutPrefix(first, "# want: ")
			if !ok {
				t.Fatalf("first line %q does not say what error to want", first)
			}
			_, err = withQuestions(src)
			if err == nil {
				t.Fatalf("Load accepted a broken file; want error %q", want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			if !strings.Contains(err.Error(), "lessons/questions/test.yaml:"+want) {
				t.Errorf("error:\n%v\nwant it to contain:\nlessons/questions/test.yaml:%s", err, want)
			}
		})
	}
}

// TestBundledLoad loads every lesson, topic and question compiled into
// mailsim: strict decoding, known tags, unique ids, answers in range.
func TestBundledLoad(t *testing.T) {
	lib := bundled(t)
	if len(lib.Topics) == 0 || len(lib.Questions) == 0 {
		t.Fatalf("%d topics and %d questions: the embed patterns miss files", len(lib.Topics), len(lib.Questions))
	}
	var ids []string
	for _, l := range lib.Lessons {
		ids = append(ids, l.ID)
	}
	if strings.Join(ids, " ") != strings.Join(LessonIDs, " ") {
		t.Errorf("lessons in order: %v\nwant: %v", ids, LessonIDs)
	}
}

// TestEveryStringInBothLanguages walks every piece of text of the bundle
// and requires English and Japanese, non-empty and not the same text,
// except choice texts that are protocol lines (the same in both).
func TestEveryStringInBothLanguages(t *testing.T) {
	lib := bundled(t)
	check := func(where string, tx i18n.Text, same bool) {
		t.Helper()
		switch {
		case strings.TrimSpace(tx.EN) == "":
			t.Errorf("%s: no English", where)
		case strings.TrimSpace(tx.JA) == "":
			t.Errorf("%s: no Japanese", where)
		case !same && tx.EN == tx.JA && !isASCIIOnly(tx.EN):
			t.Errorf("%s: the Japanese is the English: %q", where, tx.JA)
		}
	}
	for _, tp := range lib.Topics {
		check("topic "+tp.ID, tp.Title, true)
	}
	for _, l := range lib.Lessons {
		at := "lesson " + l.ID
		check(at+" title", l.Title, false)
		for i, g := range l.Goals {
			check(at+" goal "+strconv.Itoa(i+1), g, false)
		}
		for i, s := range l.Sections {
			check(at+" section "+strconv.Itoa(i+1)+" title", s.Title, false)
			check(at+" section "+strconv.Itoa(i+1)+" text", s.Text, false)
		}
	}
	for _, q := range lib.Questions {
		at := "question " + q.ID
		check(at+" stem", q.Stem, false)
		check(at+" explanation", q.Explanation, false)
		for i, c := range q.Choices {
			check(at+" choice "+strconv.Itoa(i+1), c.Text, true)
			if q.Type != Order {
				check(at+" choice "+strconv.Itoa(i+1)+" why", c.Why, false)
			}
		}
	}
}

func isASCIIOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestNextQuestionsMatchTheEngine runs, for every "next" question, the
// scenario it names and checks that the server really answers what the
// question says is correct.
func TestNextQuestionsMatchTheEngine(t *testing.T) {
	lib := bundled(t)
	n := 0
	for _, q := range lib.Questions {
		if q.Type != Next {
			continue
		}
		n++
		t.Run(q.ID, func(t *testing.T) {
			if err := VerifyNext(q); err != nil {
				t.Error(err)
			}
			if en := q.Choices[q.Answer[0]-1].Text.EN; !strings.HasPrefix(en, q.Check.Reply) {
				t.Errorf("the correct choice %q does not start with the engine's reply %q", en, q.Check.Reply)
			}
		})
	}
	if n == 0 {
		t.Fatal("the bank has no next question")
	}
}

// TestVerifyNextCanFail makes sure the engine check is not vacuous: a
// question that claims the wrong reply, or a client line that never
// occurs, is caught.
func TestVerifyNextCanFail(t *testing.T) {
	for _, c := range []struct {
		name  string
		check Check
		want  string
	}{
		{"wrong reply", Check{Scenario: "submission-auth", After: "MAIL FROM:<alice@isp.example>", Occurrence: 1, Reply: "250"}, `answers "530 5.7.0 Authentication required"`},
		{"later occurrence", Check{Scenario: "submission-auth", After: "MAIL FROM:<alice@isp.example>", Occurrence: 2, Reply: "530"}, `answers "250 2.1.0 Ok"`},
		{"no such line", Check{Scenario: "submission-auth", After: "HELO nobody", Occurrence: 1, Reply: "250"}, `occurs 0 times, not 1`},
		{"too few occurrences", Check{Scenario: "pop3-basics", After: "DELE 1", Occurrence: 9, Reply: "+OK"}, `occurs 3 times, not 9`},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := &Question{ID: "t", Type: Next, Check: &c.check}
			err := VerifyNext(q)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("VerifyNext = %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// MinPerTopic is how many questions each topic and misconception needs.
const MinPerTopic = 5

// TestTopicCoverage requires every topic and misconception of
// lessons/topics.yaml to be tagged on at least five questions, and the bank
// to hold at least 150. While the bank is being written (fewer than 150
// questions: only examples.yaml) it is skipped, saying so.
func TestTopicCoverage(t *testing.T) {
	lib := bundled(t)
	count := map[string]int{}
	for _, q := range lib.Questions {
		for _, tp := range q.Topics {
			count[tp]++
		}
	}
	var short []string
	for _, tp := range lib.Topics {
		if count[tp.ID] < MinPerTopic {
			short = append(short, tp.ID+" ("+strconv.Itoa(count[tp.ID])+")")
		}
	}
	if len(lib.Questions) < 150 {
		t.Skipf("the bank has %d questions, fewer than 150: the coverage check waits for the full bank; %d topics short: %s",
			len(lib.Questions), len(short), strings.Join(short, ", "))
	}
	for _, s := range short {
		t.Errorf("topic %s has fewer than %d questions", s, MinPerTopic)
	}
}

// TestEveryLessonHasQuestions checks that each lesson has check questions
// to end with, from its list or by its lesson tag.
func TestEveryLessonHasQuestions(t *testing.T) {
	lib := bundled(t)
	for _, l := range lib.Lessons {
		if qs := lib.CheckQuestions(l); len(qs) == 0 {
			t.Errorf("lesson %s has no check question", l.ID)
		}
	}
}

// TestExplanationsNameNoLabel: choices are shuffled when shown, so an
// explanation or a why that names a choice by its label ("アは…", "choice
// 2") points at the wrong one.
func TestExplanationsNameNoLabel(t *testing.T) {
	for _, q := range bundled(t).Questions {
		for _, bad := range namesALabel(q) {
			p := q.At(bad.part)
			t.Errorf("%s:%d:%d: question %s: %s", p.File, p.Line, p.Col, q.ID, bad.msg)
		}
	}
}

// TestNamesALabel checks the guard against explanations that name a
// shuffled choice by its label, and that ordinary prose passes it.
func TestNamesALabel(t *testing.T) {
	for _, c := range []struct {
		en, ja string
		bad    bool
	}{
		{"Choice 2 is wrong.", "誤りである。", true},
		{"The answer is b.", "誤りである。", true},
		{"Right.", "正解はウである。", true},
		{"Right.", "アは誤りである。", true},
		{"Right.", "誤り。イは関係ない。", true},
		{"The server must answer a RCPT with 250.", "アドレスは宛先である。", false},
		{"Option 25 of the filter.", "メールアドレスは正しい。", false},
		{"Option 3 says so.", "正しい。", true},
		{"The MTA answers 250.", "エンベロープFromは空である。", false},
	} {
		q := &Question{Explanation: i18n.T(c.en, c.ja)}
		if got := len(namesALabel(q)) > 0; got != c.bad {
			t.Errorf("%q / %q: flagged %v, want %v", c.en, c.ja, got, c.bad)
		}
	}
}
