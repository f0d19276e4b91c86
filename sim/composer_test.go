package sim

import (
	"strings"
	"testing"
	"time"
)

// TestComposerWritesComposeMessage: the composer that SendAsync uses writes
// byte for byte what composeMessage writes, whether its parts are made
// now, kept from an earlier message, or replaced when more sets of parts
// than it keeps come by, and across seconds of virtual time.
func TestComposerWritesComposeMessage(t *testing.T) {
	type msg struct {
		from, headerFrom string
		to               []string
		subject, body    string
	}
	msgs := []msg{
		{"winner@spam.example", "", []string{"bob@example.jp"}, "You have won!", "Congratulations!\nClick.\n"},
		{"winner@spam.example", "", []string{"carol@example.jp"}, "You have won!", "Congratulations!\nClick.\n"},
		{"alice@isp.example", "Alice <alice@isp.example>", []string{"bob@example.jp", "carol@example.jp"}, "Hi", "Hello"},
		{"alice@isp.example", "", []string{"bob@example.jp"}, "こんにちは", "日本語の本文\n"},
		{"alice@isp.example", "", []string{"bob@example.jp"}, strings.Repeat("x", 1990), "."},
		{"alice@isp.example", "", nil, "", ""},
	}
	for i := range composerParts {
		msgs = append(msgs, msg{"a@isp.example", "", []string{"u" + itoa(i) + "@example.jp"}, "Hi", "Hello"})
	}
	var c composer
	date := DefaultStart
	seq := 0
	for round := range 3 {
		for i, m := range msgs {
			seq += 97
			date = date.Add(time.Duration(i*round) * 300 * time.Millisecond)
			client := "bot-" + itoa(i)
			got := c.compose(m.from, m.headerFrom, m.to, m.subject, m.body, date, seq, client)
			want := composeMessage(m.from, m.headerFrom, m.to, m.subject, m.body, date,
				date.Format("20060102150405")+"."+itoa(seq)+"@"+client)
			if got != want {
				t.Fatalf("round %d, message %d:\n got %q\nwant %q", round, i, got, want)
			}
		}
	}
	// The composer keeps its own copy of the recipients: a caller that
	// reuses its slice does not change what later messages say.
	to := []string{"bob@example.jp"}
	first := c.compose("a@isp.example", "", to, "Hi", "Hello", date, 1, "pc")
	to[0] = "carol@example.jp"
	second := c.compose("a@isp.example", "", to, "Hi", "Hello", date, 1, "pc")
	if first == second || !strings.Contains(second, "To: carol@example.jp\r\n") {
		t.Errorf("a changed recipient slice gave\n%q\nafter\n%q", second, first)
	}
}
