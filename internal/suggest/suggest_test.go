package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"rcpt", "rcpt", 0},
		{"rctp", "rcpt", 1},  // a swap of neighbours is one edit
		{"form", "from", 1},  // likewise
		{"helo", "ehlo", 1},  // likewise
		{"mail", "mial", 1},  // likewise
		{"data", "date", 1},  // a change
		{"quit", "quitt", 1}, // an insertion
		{"サーバ", "サーバー", 1},   // runes, not bytes
		{"retr", "stat", 3},  // past the limit: limit+1
		{"a", "abcdef", 3},   // lengths alone tell
		{"", "ab", 2},        // from nothing
	} {
		if got := Distance([]rune(c.a), []rune(c.b), 2); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	words := []string{"from", "to", "subject", "body"}
	for in, want := range map[string]string{"form": "from", "subjet": "subject", "bdy": "body", "zzzzzz": "", "tp": "to"} {
		if got := Closest(in, words); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}
