package scenario

import (
	"strings"
	"testing"
)

// TestIMAPExpectations: what retrieved, seen, left and replies mean for an
// imap step, and that each can miss. The world is expectWorld with an IMAP
// server beside POP3, sharing bob's mailbox.
func TestIMAPExpectations(t *testing.T) {
	world := strings.Replace(expectWorld, "      pop3: [110]\n", "      pop3: [110]\n      imap: [143]\n", 1)
	deliver := `  - send: {client: mail.isp.example, server: mx.example.jp:25, from: alice@isp.example, to: bob@example.jp}
`
	read := `  - imap: {client: bob-pc, server: mx.example.jp:143, user: bob, pass: hunter2}
`
	for _, c := range []struct {
		name   string
		steps  string
		missed int
	}{
		{"read leaves the message", deliver + read + "    expect: {retrieved: 1, seen: 0, left: 1, replies: [OK, OK, OK, OK, OK, OK, OK]}\n", 0},
		{"seen by the next session", deliver + read + read + "    expect: {retrieved: 1, seen: 1, left: 1, replies: [OK, OK, OK, OK, OK, OK]}\n", 0},
		{"seen can miss", deliver + read + "    expect: {seen: 1}\n", 1},
		{"delete expunges", deliver + `  - imap: {client: bob-pc, server: mx.example.jp:143, user: bob, pass: hunter2, delete: true}
    expect: {retrieved: 1, left: 0, replies: [OK, OK, OK, OK, OK, OK, OK, OK, OK]}
`, 0},
		{"wrong password", deliver + `  - imap: {client: bob-pc, server: mx.example.jp:143, user: bob, pass: nope}
    expect: {retrieved: 0, left: 1, replies: [OK, OK, "NO", OK]}
`, 0},
		{"POP3 deletion shows over IMAP", deliver + `  - fetch: {client: bob-pc, server: mx.example.jp:110, user: bob, pass: hunter2}
` + read + "    expect: {retrieved: 0, left: 0}\n", 0},
		{"IMAP seen, POP3 still downloads", deliver + read + `  - fetch: {client: bob-pc, server: mx.example.jp:110, user: bob, pass: hunter2}
    expect: {retrieved: 1, left: 0}
`, 0},
		{"talk by hand", deliver + `  - talk: {client: bob-pc, server: mx.example.jp:143, lines: ["a1 LOGIN bob hunter2", "a2 FETCH 1 FLAGS", "a3 SELECT INBOX", "a4 STORE 1 +FLAGS (\\Deleted)", "a5 CLOSE", "a6 LOGOUT"]}
    expect: {replies: [OK, OK, BAD, OK, OK, OK, OK]}
`, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := runYAML(t, world+c.steps).Missed; got != c.missed {
				t.Errorf("%d expectations missed, want %d", got, c.missed)
			}
		})
	}
}
