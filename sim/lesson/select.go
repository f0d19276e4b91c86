package lesson

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mailsim/mailsim/internal/suggest"
)

// Filter says which questions a quiz draws from. Empty fields select
// everything.
type Filter struct {
	Exam   string   // an exam tag (FE, N+), as ParseExam returns it
	Topics []string // topic ids; a prefix followed by "-" also matches ("op25b")
	Lesson string   // a lesson id
	Review bool     // only questions whose last answer was wrong
}

// ParseExam reads an exam as the learner types it: fe, FE, ap, n+,
// network+, security+, comptia-network+ ...
func ParseExam(s string) (string, error) {
	k := strings.ToUpper(strings.TrimSpace(s))
	k = strings.TrimPrefix(k, "COMPTIA")
	k = strings.Trim(k, " -")
	switch k {
	case "NETWORK+", "NETWORKPLUS", "NPLUS", "N":
		return "N+", nil
	case "SECURITY+", "SECURITYPLUS", "SPLUS", "S":
		return "S+", nil
	}
	if slices.Contains(Exams, k) {
		return k, nil
	}
	return "", fmt.Errorf("unknown exam %q: use FE, AP, SG, SC, NW, N+ (Network+) or S+ (Security+)", s)
}

// TopicIDs resolves topic arguments: an exact id, or a prefix that stands
// for every id starting with it and a hyphen ("op25b" for op25b-definition,
// op25b-purpose ...).
func (lib *Library) TopicIDs(args []string) ([]string, error) {
	var out []string
	var all []string
	for _, t := range lib.Topics {
		all = append(all, t.ID)
	}
	for _, a := range args {
		a = strings.ToLower(strings.TrimSpace(a))
		n := 0
		for _, id := range all {
			if id == a || strings.HasPrefix(id, a+"-") {
				if !slices.Contains(out, id) {
					out = append(out, id)
				}
				n++
			}
		}
		if n == 0 {
			msg := fmt.Sprintf("unknown topic %q", a)
			if s := suggest.Closest(a, all); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, fmt.Errorf("%s; run 'mailsim quiz --topics' to list them", msg)
		}
	}
	return out, nil
}

// Match reports whether q passes the filter; p is the learner's progress,
// needed for Review.
func (f Filter) Match(q *Question, p *Progress) bool {
	if f.Exam != "" && !slices.Contains(q.Exams, f.Exam) {
		return false
	}
	if f.Lesson != "" && q.Lesson != f.Lesson {
		return false
	}
	if len(f.Topics) > 0 && !slices.ContainsFunc(q.Topics, func(t string) bool { return slices.Contains(f.Topics, t) }) {
		return false
	}
	if f.Review && (p == nil || !p.Missed(q.ID)) {
		return false
	}
	return true
}

// Filtered returns the questions that pass f, in bank order.
func (lib *Library) Filtered(f Filter, p *Progress) []*Question {
	var out []*Question
	for _, q := range lib.Questions {
		if f.Match(q, p) {
			out = append(out, q)
		}
	}
	return out
}

// Select draws up to n questions that pass f, in an order shuffled by seed:
// the same bank, filter and seed always give the same quiz. n <= 0 means
// all of them.
func (lib *Library) Select(f Filter, p *Progress, n int, seed uint64) []*Question {
	qs := lib.Filtered(f, p)
	shuffle(rng(seed, "quiz"), qs)
	if n > 0 && n < len(qs) {
		qs = qs[:n]
	}
	return qs
}

// CheckQuestions are the questions a lesson ends with: the ones it lists,
// or else up to Count of the questions tagged with it, picked the same way
// every time.
func (lib *Library) CheckQuestions(l *Lesson) []*Question {
	if len(l.Questions) > 0 {
		var out []*Question
		for _, id := range l.Questions {
			if q, ok := lib.questions[id]; ok {
				out = append(out, q)
			}
		}
		return out
	}
	qs := lib.Filtered(Filter{Lesson: l.ID}, nil)
	shuffle(rng(0, l.ID), qs)
	if len(qs) > l.Count {
		qs = qs[:l.Count]
	}
	return qs
}
