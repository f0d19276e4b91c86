package lesson

import (
	"errors"
	"slices"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
)

// question builds a question of type t with n choices and answer a.
func question(t Type, n int, a ...int) *Question {
	q := &Question{ID: "t-" + string(t), Type: t, Answer: a}
	for i := range n {
		q.Choices = append(q.Choices, Choice{Text: i18n.T(string(rune('A'+i)), string(rune('A'+i)))})
	}
	return q
}

// identity shows the choices in their written order.
func identity(q *Question) Shown {
	s := Shown{Q: q}
	for i := range q.Choices {
		s.Order = append(s.Order, i)
	}
	return s
}

func TestGrade(t *testing.T) {
	fill := &Question{ID: "f", Type: Fill, Accept: []string{"587", "Submission"}}
	for _, c := range []struct {
		name   string
		q      *Question
		in     string
		right  bool
		given  []int
		unread bool
	}{
		{"digit", question(Single, 4, 2), "2", true, []int{2}, false},
		{"letter", question(Single, 4, 2), "b", true, []int{2}, false},
		{"upper letter", question(Single, 4, 2), " B ", true, []int{2}, false},
		{"katakana", question(Single, 4, 3), "ウ", true, []int{3}, false},
		{"full-width digit", question(Single, 4, 3), "３", true, []int{3}, false},
		{"wrong", question(Single, 4, 3), "1", false, []int{1}, false},
		{"out of range", question(Single, 4, 3), "5", false, nil, true},
		{"two for single", question(Single, 4, 3), "1,3", false, nil, true},
		{"empty", question(Single, 4, 3), "  ", false, nil, true},
		{"word", question(Single, 4, 3), "three", false, nil, true},
		{"next", question(Next, 4, 1), "a", true, []int{1}, false},
		{"multi comma", question(Multi, 4, 1, 3), "1,3", true, []int{1, 3}, false},
		{"multi reversed space", question(Multi, 4, 1, 3), "3 1", true, []int{1, 3}, false},
		{"multi katakana run", question(Multi, 4, 1, 3), "アウ", true, []int{1, 3}, false},
		{"multi ideographic comma", question(Multi, 4, 1, 3), "ア、ウ", true, []int{1, 3}, false},
		{"multi partial", question(Multi, 4, 1, 3), "1", false, []int{1}, false},
		{"multi twice", question(Multi, 4, 1, 3), "1,1", false, nil, true},
		{"order spaces", question(Order, 4, 3, 1, 2, 4), "3 1 2 4", true, []int{3, 1, 2, 4}, false},
		{"order commas", question(Order, 4, 3, 1, 2, 4), "3,1,2,4", true, []int{3, 1, 2, 4}, false},
		{"order wrong", question(Order, 4, 3, 1, 2, 4), "1 2 3 4", false, []int{1, 2, 3, 4}, false},
		{"order short", question(Order, 4, 3, 1, 2, 4), "3 1 2", false, nil, true},
		{"fill", fill, "587", true, nil, false},
		{"fill case", fill, " submission ", true, nil, false},
		{"fill full-width", fill, "５８７", true, nil, false},
		{"fill wrong", fill, "465", false, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := identity(c.q).Grade(c.in)
			if c.unread {
				if !errors.Is(err, ErrUnreadable) {
					t.Fatalf("Grade(%q) = %+v, %v; want ErrUnreadable", c.in, res, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Grade(%q): %v", c.in, err)
			}
			if res.Correct != c.right || !slices.Equal(res.Given, c.given) {
				t.Errorf("Grade(%q) = %+v, want correct=%v given=%v", c.in, res, c.right, c.given)
			}
		})
	}
}

// TestGradeShuffled checks that a label names the choice shown under it,
// not the choice written at that place.
func TestGradeShuffled(t *testing.T) {
	q := question(Single, 4, 1)
	s := Shown{Q: q, Order: []int{2, 0, 3, 1}} // choice 1 is shown second
	if res, _ := s.Grade("2"); !res.Correct {
		t.Error("label 2 shows choice 1, the answer, but was graded wrong")
	}
	if res, _ := s.Grade("1"); res.Correct {
		t.Error("label 1 shows choice 3, but was graded right")
	}
	o := question(Order, 3, 1, 2, 3)
	so := Shown{Q: o, Order: []int{2, 0, 1}} // shown: C A B
	if res, _ := so.Grade("2 3 1"); !res.Correct {
		t.Errorf("shown C A B, answer A B C is labels 2 3 1: graded %+v", res)
	}
}

// TestShowDeterministic checks that the same seed gives the same order and
// that an order question is never shown already in order.
func TestShowDeterministic(t *testing.T) {
	q := question(Single, 5, 1)
	a, b := Show(q, 42), Show(q, 42)
	if !slices.Equal(a.Order, b.Order) {
		t.Errorf("seed 42 gave %v then %v", a.Order, b.Order)
	}
	differs := false
	for seed := range uint64(20) {
		if !slices.Equal(Show(q, seed).Order, a.Order) {
			differs = true
		}
	}
	if !differs {
		t.Error("twenty seeds all gave the same order")
	}
	o := question(Order, 3, 1, 2, 3)
	for seed := range uint64(50) {
		if s := Show(o, seed); slices.Equal(positions(s.Order), o.Answer) {
			t.Fatalf("seed %d shows the order question in its answer's order", seed)
		}
	}
}

func TestLabel(t *testing.T) {
	if got := Label(2, i18n.JA); got != "ウ" {
		t.Errorf("Label(2, ja) = %q, want ウ", got)
	}
	if got := Label(2, i18n.EN); got != "3" {
		t.Errorf("Label(2, en) = %q, want 3", got)
	}
}

// FuzzGrade feeds arbitrary answers to every question type: Grade must
// never panic, and an answer it reads must name only existing choices.
func FuzzGrade(f *testing.F) {
	for _, s := range []string{"1", "b", "ウ", "1,3", "3 1 2 4", "587", "", "、、", "ア イ", "99999999999999999999"} {
		f.Add(s)
	}
	qs := []*Question{question(Single, 4, 2), question(Multi, 4, 1, 3), question(Order, 4, 2, 1, 4, 3),
		{ID: "f", Type: Fill, Accept: []string{"587"}}}
	f.Fuzz(func(t *testing.T, in string) {
		for _, q := range qs {
			res, err := Show(q, 1).Grade(in)
			if err != nil {
				continue
			}
			for _, g := range res.Given {
				if g < 1 || g > len(q.Choices) {
					t.Fatalf("%s: Grade(%q) gave choice %d of %d", q.Type, in, g, len(q.Choices))
				}
			}
		}
	})
}
