package lesson

import "github.com/mailsim/mailsim/sim/i18n"

// Type is the kind of a question.
type Type string

// The question types of the bank.
const (
	Single Type = "single" // one correct choice
	Multi  Type = "multi"  // two or more correct choices
	Order  Type = "order"  // put the choices (protocol lines) in order
	Next   Type = "next"   // what does the server answer next? checked against a scenario's trace
	Fill   Type = "fill"   // type a port number, a reply code or a word
)

var types = []Type{Single, Multi, Order, Next, Fill}

// Exams are the exam tags a question may carry: IPA's FE, AP, SG, SC and NW,
// and CompTIA's Network+ (N+) and Security+ (S+).
var Exams = []string{"FE", "AP", "SG", "SC", "NW", "N+", "S+"}

// LessonIDs are the bundled lessons in teaching order; a question's lesson
// tag is one of them.
var LessonIDs = []string{
	"how-mail-travels", "smtp-conversation", "receiving", "dns-mx",
	"open-relay", "op25b-submission", "encryption", "sender-auth",
}

// Pos is where something was defined: a file and a 1-based line and column.
type Pos struct {
	File      string
	Line, Col int
}

// Topic is an exam topic or a misconception (lessons/topics.yaml). Both
// share one id space and both tag questions and lessons.
type Topic struct {
	ID            string
	Source        string // the row of EXAM-TOPICS.md it comes from ("1", "CompTIA"); empty for a misconception
	Title         i18n.Text
	Misconception bool
	Pos           Pos
}

// Question is one question of the bank.
type Question struct {
	ID          string
	Type        Type
	Exams       []string
	Topics      []string
	Lesson      string
	Stem        i18n.Text
	Lines       []string // a protocol excerpt shown verbatim under the stem
	Choices     []Choice
	Answer      []int    // 1-based; for Order, the correct sequence
	Accept      []string // Fill: accepted answers, compared case-insensitively
	Explanation i18n.Text
	Check       *Check // Next only
	Pos         Pos
	// at holds where some parts were written, for messages: "lesson",
	// "exams.N", "topics.N", "explanation", "choices.N.why" (N from 0).
	at map[string]Pos
}

// At returns where part of the question was written, or the question's
// own position.
func (q *Question) At(part string) Pos {
	if p, ok := q.at[part]; ok {
		return p
	}
	return q.Pos
}

// Choice is one choice of a question and why it is right or wrong.
type Choice struct {
	Text i18n.Text
	Why  i18n.Text
}

// Check ties a "next" question to the engine: in the trace of Scenario, the
// Occurrence-th client line equal to After is followed by a server reply
// whose first line starts with Reply.
type Check struct {
	Scenario   string
	After      string
	Occurrence int
	Reply      string
	Pos        Pos
}

// Lesson is one guided lesson.
type Lesson struct {
	ID        string
	Number    int // its place in the teaching order, from 1 (the file's NN- prefix)
	Title     i18n.Text
	Goals     []i18n.Text
	Topics    []string
	Sections  []Section
	Questions []string // check questions by id; empty: picked from the bank by lesson tag
	Count     int      // how many check questions to pick by tag (default 5)
	Pos       Pos
}

// Section is one page of a lesson: a title, some text, and optionally a
// bundled scenario played after the text.
type Section struct {
	Title i18n.Text
	Text  i18n.Text
	Play  string // a scenario id; it may not be bundled yet
	Pos   Pos
}
