package sim

import (
	"mime"
	"net/mail"
	"strings"
	"testing"
)

// TestLongSubjectFolded: a subject of any length the scenario format
// allows, Japanese or ASCII, with or without spaces, is folded into lines
// within 78 characters and reads back the same (RFC 5322 2.2.3, RFC 2047),
// where one long line got 554 5.6.0 from a server.
func TestLongSubjectFolded(t *testing.T) {
	for _, c := range []struct {
		subject string
		limit   int // the longest line allowed
	}{
		{strings.Repeat("あ", 600), foldAt},
		{strings.Repeat("x", 1990), foldAt},
		{strings.TrimSpace(strings.Repeat("word ", 398)), foldAt},
		{"Hi  there " + strings.Repeat("y", 200), 210}, // a word may pass 78 (RFC 5322 2.1.1 SHOULD)
		{"short", foldAt},
	} {
		subject := c.subject
		data := composeMessage("alice@isp.example", "", []string{"bob@example.jp"}, subject, "Hello", DefaultStart, "x@test")
		for _, l := range strings.Split(string(data), "\r\n") {
			if len(l) > c.limit {
				t.Errorf("subject %.20q...: line of %d characters", subject, len(l))
			}
		}
		m, err := mail.ReadMessage(strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		got, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		if err != nil || got != subject {
			t.Errorf("subject %.20q... reads back as %.40q (%v)", subject, got, err)
		}
	}
}
