package lesson

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseTopics reads lessons/topics.yaml.
func parseTopics(file string, src []byte) ([]*Topic, ErrorList) {
	d := &decoder{file: file}
	doc := d.parseRoot(src)
	if doc == nil {
		return nil, d.errs
	}
	var out []*Topic
	read := func(n *yaml.Node, misconception bool) {
		what := "topics"
		if misconception {
			what = "misconceptions"
		}
		for _, item := range d.list(n, what) {
			t := &Topic{Misconception: misconception, Pos: d.pos(item)}
			fs := []field{
				{name: "id", required: true, set: func(v *yaml.Node) { t.ID = d.id(v, what+" id") }},
				{name: "title", required: true, set: func(v *yaml.Node) { t.Title = d.text(v, what+" title", false) }},
			}
			if !misconception {
				fs = append(fs, field{name: "source", required: true, set: func(v *yaml.Node) { t.Source = d.str(v, "topics source") }})
			}
			d.fields(item, what, fs...)
			out = append(out, t)
		}
	}
	d.fields(doc, "topics file",
		field{name: "topics", required: true, set: func(v *yaml.Node) { read(v, false) }},
		field{name: "misconceptions", required: true, set: func(v *yaml.Node) { read(v, true) }},
	)
	return out, d.errs
}

// parseLesson reads one lesson file. number is its place in the teaching
// order, from the file name.
func parseLesson(file string, number int, src []byte) (*Lesson, ErrorList) {
	d := &decoder{file: file}
	doc := d.parseRoot(src)
	if doc == nil {
		return nil, d.errs
	}
	l := &Lesson{Number: number, Pos: d.pos(doc), Count: 5}
	d.fields(doc, "lesson",
		field{name: "id", required: true, set: func(v *yaml.Node) { l.ID = d.id(v, "id") }},
		field{name: "title", required: true, set: func(v *yaml.Node) { l.Title = d.text(v, "title", false) }},
		field{name: "goals", required: true, set: func(v *yaml.Node) {
			for _, g := range d.list(v, "goals") {
				l.Goals = append(l.Goals, d.text(g, "goal", false))
			}
			if len(l.Goals) == 0 {
				d.errorf(v, "goals: the list is empty: say what the learner will be able to do")
			}
		}},
		field{name: "topics", required: true, set: func(v *yaml.Node) { l.Topics = d.strs(v, "topics") }},
		field{name: "sections", required: true, set: func(v *yaml.Node) {
			for _, n := range d.list(v, "sections") {
				s := Section{Pos: d.pos(n)}
				d.fields(n, "section",
					field{name: "title", required: true, set: func(v *yaml.Node) { s.Title = d.text(v, "section title", false) }},
					field{name: "text", required: true, set: func(v *yaml.Node) { s.Text = d.text(v, "section text", false) }},
					field{name: "play", set: func(v *yaml.Node) { s.Play = d.id(v, "section play") }},
				)
				l.Sections = append(l.Sections, s)
			}
			if len(l.Sections) == 0 {
				d.errorf(v, "sections: the list is empty")
			}
		}},
		field{name: "questions", set: func(v *yaml.Node) { l.Questions = d.strs(v, "questions") }},
		field{name: "count", set: func(v *yaml.Node) { l.Count = d.integer(v, "count", 1, 20) }},
	)
	return l, d.errs
}

// parseQuestions reads one file of the question bank.
func parseQuestions(file string, src []byte) ([]*Question, ErrorList) {
	d := &decoder{file: file}
	doc := d.parseRoot(src)
	if doc == nil {
		return nil, d.errs
	}
	var out []*Question
	d.fields(doc, "questions file",
		field{name: "questions", required: true, set: func(v *yaml.Node) {
			for _, n := range d.list(v, "questions") {
				out = append(out, d.question(n))
			}
		}},
	)
	return out, d.errs
}

func (d *decoder) question(n *yaml.Node) *Question {
	q := &Question{Pos: d.pos(n), at: map[string]Pos{}}
	mark := func(part string, v *yaml.Node) { q.at[part] = d.pos(v) }
	markList := func(part string, v *yaml.Node) {
		if v.Kind == yaml.SequenceNode {
			for i, item := range v.Content {
				mark(part+"."+strconv.Itoa(i), item)
			}
		}
	}
	var typeNode, choicesNode, answerNode, acceptNode, checkNode *yaml.Node
	d.fields(n, "question",
		field{name: "id", required: true, set: func(v *yaml.Node) { q.ID = d.id(v, "id") }},
		field{name: "type", required: true, set: func(v *yaml.Node) { typeNode = v; q.Type = Type(d.str(v, "type")) }},
		field{name: "exams", required: true, set: func(v *yaml.Node) { markList("exams", v); q.Exams = d.strs(v, "exams") }},
		field{name: "topics", required: true, set: func(v *yaml.Node) { markList("topics", v); q.Topics = d.strs(v, "topics") }},
		field{name: "lesson", required: true, set: func(v *yaml.Node) { mark("lesson", v); q.Lesson = d.str(v, "lesson") }},
		field{name: "stem", required: true, set: func(v *yaml.Node) { q.Stem = d.text(v, "stem", false) }},
		field{name: "lines", set: func(v *yaml.Node) { q.Lines = d.strs(v, "lines") }},
		field{name: "choices", set: func(v *yaml.Node) {
			choicesNode = v
			for i, c := range d.list(v, "choices") {
				var ch Choice
				mark("choices."+strconv.Itoa(i), c)
				d.fields(c, "choice",
					field{name: "text", required: true, set: func(v *yaml.Node) { ch.Text = d.text(v, "choice text", true) }},
					field{name: "why", set: func(v *yaml.Node) {
						mark("choices."+strconv.Itoa(i)+".why", v)
						ch.Why = d.text(v, "choice why", false)
					}},
				)
				q.Choices = append(q.Choices, ch)
			}
		}},
		field{name: "answer", set: func(v *yaml.Node) { answerNode = v; q.Answer = d.ints(v, "answer", 1, 8) }},
		field{name: "accept", set: func(v *yaml.Node) { acceptNode = v; q.Accept = d.strs(v, "accept") }},
		field{name: "explanation", required: true, set: func(v *yaml.Node) { mark("explanation", v); q.Explanation = d.text(v, "explanation", false) }},
		field{name: "check", set: func(v *yaml.Node) {
			checkNode = v
			c := &Check{Occurrence: 1, Pos: d.pos(v)}
			d.fields(v, "check",
				field{name: "scenario", required: true, set: func(v *yaml.Node) { c.Scenario = d.id(v, "check scenario") }},
				field{name: "after", required: true, set: func(v *yaml.Node) { c.After = d.str(v, "check after") }},
				field{name: "occurrence", set: func(v *yaml.Node) { c.Occurrence = d.integer(v, "check occurrence", 1, 1000) }},
				field{name: "reply", required: true, set: func(v *yaml.Node) { c.Reply = d.str(v, "check reply") }},
			)
			q.Check = c
		}},
	)
	if n.Kind != yaml.MappingNode {
		return q
	}
	d.shape(q, n, typeNode, choicesNode, answerNode, acceptNode, checkNode)
	return q
}

// shape checks what a question's type requires: how many choices, the form
// of the answer, accept for fill, check for next.
func (d *decoder) shape(q *Question, n, typeNode, choicesNode, answerNode, acceptNode, checkNode *yaml.Node) {
	known := false
	for _, t := range types {
		known = known || q.Type == t
	}
	if !known {
		if typeNode != nil && q.Type != "" {
			d.errorf(typeNode, "type: unknown type %q; use single, multi, order, next or fill", q.Type)
		}
		return
	}
	at := func(v *yaml.Node) *yaml.Node {
		if v != nil {
			return v
		}
		return n
	}
	nc := len(q.Choices)
	if q.Type == Fill {
		if choicesNode != nil {
			d.errorf(choicesNode, "choices: a fill question has none; list the accepted answers under accept")
		}
		if answerNode != nil {
			d.errorf(answerNode, "answer: a fill question has none; list the accepted answers under accept")
		}
		if len(q.Accept) == 0 {
			d.errorf(at(acceptNode), "accept: a fill question needs at least one accepted answer")
		}
	} else {
		if acceptNode != nil {
			d.errorf(acceptNode, "accept: only a fill question has accepted answers; give answer instead")
		}
		lo, hi := 3, 5
		if q.Type == Order {
			hi = 8
		}
		if nc < lo || nc > hi {
			d.errorf(at(choicesNode), "choices: a %s question has %d to %d choices, this one has %d", q.Type, lo, hi, nc)
		}
		for i, c := range q.Choices {
			if q.Type != Order && c.Why.IsZero() {
				d.errorf(choicesNode.Content[i], "choices: choice %d has no why: say why it is right or wrong", i+1)
			}
		}
		d.answer(q, at(answerNode))
	}
	switch {
	case q.Type == Next && checkNode == nil:
		d.errorf(n, "question %s: a next question needs check: {scenario, after, reply}", q.ID)
	case q.Type != Next && checkNode != nil:
		d.errorf(checkNode, "check: only a next question is checked against a scenario")
	case q.Type == Next && q.Check.Reply != "" && len(q.Answer) == 1 && q.Answer[0] >= 1 && q.Answer[0] <= nc:
		if en := q.Choices[q.Answer[0]-1].Text.EN; !strings.HasPrefix(en, q.Check.Reply) {
			d.errorf(checkNode, "check reply %q: the correct choice (%d) must start with it, but reads %q", q.Check.Reply, q.Answer[0], en)
		}
	}
}

func (d *decoder) answer(q *Question, n *yaml.Node) {
	nc := len(q.Choices)
	a := q.Answer
	inRange := true
	for _, v := range a {
		if v < 1 || v > nc {
			inRange = false
		}
	}
	if !inRange {
		d.errorf(n, "answer: %v is out of range: the choices are numbered 1 to %d", a, nc)
		return
	}
	switch q.Type {
	case Single, Next:
		if len(a) != 1 {
			d.errorf(n, "answer: a %s question has exactly one correct choice, got %v", q.Type, a)
		}
	case Multi:
		ok := len(a) >= 2
		for i := 1; i < len(a); i++ {
			ok = ok && a[i] > a[i-1]
		}
		if !ok {
			d.errorf(n, "answer: a multi question has two or more correct choices in ascending order, got %v", a)
		}
	case Order:
		seen := make([]bool, nc+1)
		ok := len(a) == nc
		for _, v := range a {
			ok = ok && !seen[v]
			seen[v] = true
		}
		if !ok {
			d.errorf(n, "answer: an order question's answer is every choice number once, in the correct order; got %v for %d choices", a, nc)
		}
	}
}
