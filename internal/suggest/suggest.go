// Package suggest finds what a user probably meant when a word is not one
// mailsim knows: the candidate closest to a typo, for "did you mean".
package suggest

// Closest returns the candidate closest to s, if it is close enough to be
// a typo (at most two edits: "form" for "from"), or "". Of equally close
// candidates the first wins.
func Closest(s string, candidates []string) string {
	const limit = 2
	rs := []rune(s)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if d := Distance(rs, []rune(c), limit); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the optimal string alignment distance between a and b (an
// insertion, a deletion, a change or a swap of two neighbours counts one
// edit: "rctp" is one from "rcpt"), or limit+1 as soon as it must exceed
// limit.
func Distance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
