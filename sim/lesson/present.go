package lesson

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"github.com/mailsim/mailsim/sim/i18n"
)

// labelsJA are the labels of choices in Japanese, in the order IPA's exams
// use them.
var labelsJA = []string{"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク"}

// Label is how the choice shown in position i (from 0) is labelled: 1, 2,
// 3 ... in English, ア, イ, ウ ... in Japanese.
func Label(i int, lang i18n.Lang) string {
	if lang == i18n.JA && i < len(labelsJA) {
		return labelsJA[i]
	}
	return fmt.Sprint(i + 1)
}

// Shown is a question as it is put to the learner: its choices in a
// shuffled order.
type Shown struct {
	Q *Question
	// Order[i] is the index (from 0) in Q.Choices of the choice shown at
	// position i.
	Order []int
}

// Show shuffles q's choices deterministically: the same seed and question
// always give the same order, whatever else is asked with it.
func Show(q *Question, seed uint64) Shown {
	order := make([]int, len(q.Choices))
	for i := range order {
		order[i] = i
	}
	shuffle(rng(seed, q.ID), order)
	// An order question shown in its correct order asks nothing.
	if q.Type == Order && len(order) > 1 && slices.Equal(positions(order), q.Answer) {
		order[0], order[1] = order[1], order[0]
	}
	return Shown{Q: q, Order: order}
}

// positions turns an order into 1-based choice numbers.
func positions(order []int) []int {
	out := make([]int, len(order))
	for i, o := range order {
		out[i] = o + 1
	}
	return out
}

// rng is a random source for one seed and one key: two keys under the same
// seed get independent streams.
func rng(seed uint64, key string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(key))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// shuffle is Fisher-Yates over s with r, written out so that the order
// depends only on PCG's output, which is fixed, and not on how a library
// maps it to a range.
func shuffle[T any](r *rand.Rand, s []T) {
	for i := len(s) - 1; i > 0; i-- {
		j := int(r.Uint64() % uint64(i+1))
		s[i], s[j] = s[j], s[i]
	}
}

// ErrUnreadable is returned (wrapped) by Parse for input that is not an
// answer to the question; the learner is asked again.
var ErrUnreadable = errors.New("not an answer")

// Result is a graded answer.
type Result struct {
	Correct bool
	// Given is what the learner chose as 1-based numbers of Q.Choices in
	// the order given; Text is a fill answer as typed.
	Given []int
	Text  string
}

// Grade reads the learner's answer and grades it. A choice is given by its
// label in either language or by its letter: "2", "b", "ウ"; several as
// "1,3" or "1 3"; an order as "3 1 2 4" or "3,1,2,4". Full-width digits and
// commas are read as their ASCII forms. A fill answer is compared with the
// accepted answers case-insensitively after trimming spaces.
func (s Shown) Grade(input string) (Result, error) {
	in := strings.TrimSpace(normalizeWidth(input))
	if in == "" {
		return Result{}, fmt.Errorf("%w: the answer is empty", ErrUnreadable)
	}
	q := s.Q
	if q.Type == Fill {
		for _, a := range q.Accept {
			if strings.EqualFold(strings.TrimSpace(normalizeWidth(a)), in) {
				return Result{Correct: true, Text: in}, nil
			}
		}
		return Result{Text: in}, nil
	}
	var given []int
	for _, tok := range splitAnswer(in) {
		pos, ok := labelIndex(tok, len(s.Order))
		if !ok {
			return Result{}, fmt.Errorf("%w: %q is not one of the choices", ErrUnreadable, tok)
		}
		n := s.Order[pos] + 1
		if slices.Contains(given, n) {
			return Result{}, fmt.Errorf("%w: %q is given twice", ErrUnreadable, tok)
		}
		given = append(given, n)
	}
	switch q.Type {
	case Single, Next:
		if len(given) != 1 {
			return Result{}, fmt.Errorf("%w: choose one", ErrUnreadable)
		}
		return Result{Correct: given[0] == q.Answer[0], Given: given}, nil
	case Multi:
		sorted := slices.Clone(given)
		slices.Sort(sorted)
		return Result{Correct: slices.Equal(sorted, q.Answer), Given: sorted}, nil
	case Order:
		if len(given) != len(q.Choices) {
			return Result{}, fmt.Errorf("%w: give all %d in order", ErrUnreadable, len(q.Choices))
		}
		return Result{Correct: slices.Equal(given, q.Answer), Given: given}, nil
	}
	return Result{}, fmt.Errorf("question %s: unknown type %q", q.ID, q.Type)
}

// splitAnswer splits "1,3", "1 3", "1、3" or "ウエ" into tokens.
func splitAnswer(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '、' || unicode.IsSpace(r) })
	var out []string
	for _, f := range fields {
		// Katakana labels run together ("アウ") are separate choices.
		if rs := []rune(f); len(rs) > 1 && slices.Contains(labelsJA, string(rs[0])) {
			for _, r := range rs {
				out = append(out, string(r))
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// labelIndex reads one label (1, a, A, ア) as a position from 0.
func labelIndex(tok string, n int) (int, bool) {
	i := -1
	switch rs := []rune(strings.ToLower(tok)); {
	case len(rs) == 1 && rs[0] >= 'a' && rs[0] <= 'h':
		i = int(rs[0] - 'a')
	case slices.Contains(labelsJA, tok):
		i = slices.Index(labelsJA, tok)
	default:
		var v int
		if _, err := fmt.Sscanf(tok, "%d", &v); err == nil && fmt.Sprint(v) == tok {
			i = v - 1
		}
	}
	return i, i >= 0 && i < n
}

// normalizeWidth turns full-width ASCII (what a Japanese input method
// types: ２, ｂ, ，) into ASCII, and the ideographic space into a space.
func normalizeWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}
