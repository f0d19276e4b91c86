package pop3

import (
	"strings"
	"testing"
)

// Test maildrops. bob's first message has body lines that begin with "." so
// that every transcript shows byte-stuffing.
const (
	bobMsg1 = "From: alice@isp.example\r\n" +
		"To: bob@example.jp\r\n" +
		"Subject: Hello\r\n" +
		"\r\n" +
		"Hi Bob,\r\n" +
		".signature follows\r\n" +
		".\r\n" +
		"Alice\r\n" // 102 octets
	bobMsg2 = "From: carol@example.jp\r\n" +
		"To: bob@example.jp\r\n" +
		"Subject: Lunch\r\n" +
		"\r\n" +
		"Noon?\r\n" // 69 octets
	bobUID1 = "20260401-0001"
	bobUID2 = "20260401-0002"

	// The two messages of RFC 1939 10, made to the sizes the RFC shows.
	roseMsg1 = "From: alice@isp.example\r\n" +
		"To: mrose@dewey.example\r\n" +
		"Subject: Lunch\r\n" +
		"\r\n" +
		"Noon at the usual place?\r\n" +
		"Bring the drafts.\r\n" +
		"Alice\r\n" // 120 octets
	roseMsg2 = "From: bob@example.jp\r\n" +
		"To: mrose@dewey.example\r\n" +
		"Subject: Minutes\r\n" +
		"\r\n" +
		"Minutes of the meeting, attendees: alice, bob, mrose.\r\n" +
		". the draft is done\r\n" +
		". review next week\r\n" +
		".\r\n" +
		"Next meeting: Friday 10:00\r\n" +
		"Bob.\r\n" // 200 octets
)

// testConfig is mail.example.jp: bob has two messages, carol's password has
// spaces, dave's maildrop is empty, erin has one message.
func testConfig() *Config {
	return &Config{
		Hostname: "mail.example.jp",
		Users: map[string]string{
			"bob":   "hunter2",
			"carol": "correct horse battery",
			"dave":  "letmein",
			"erin":  "s3cret",
		},
		Open: func(user string) []Message {
			switch user {
			case "bob":
				return []Message{{UID: bobUID1, Data: bobMsg1}, {UID: bobUID2, Data: bobMsg2}}
			case "carol", "erin":
				return []Message{{UID: "only", Data: bobMsg2}}
			}
			return nil
		},
	}
}

// rfcConfig is the server "dewey" of RFC 1939 10.
func rfcConfig() *Config {
	return &Config{
		Hostname:  "dewey",
		Users:     map[string]string{"mrose": "tanstaaf"},
		Timestamp: "<1896.697170952@dbc.mtview.ca.us>",
		Open: func(string) []Message {
			return []Message{{UID: "whqtswO00WBw418f9t5JxYwZ", Data: roseMsg1}, {UID: "QhdPYR:00WBw1Ph7x7", Data: roseMsg2}}
		},
	}
}

// writeResponse renders a response's wire lines as "S: " lines.
func writeResponse(b *strings.Builder, r Response) {
	for i := 0; i < r.NumLines(); i++ {
		b.WriteString("S: ")
		b.WriteString(r.Line(i))
		b.WriteByte('\n')
	}
}

// runScript plays a transcript against s in the style of net/smtp's tests:
// the "C: " lines of script are sent one by one, and the whole conversation,
// greeting first, is rendered again and compared with script byte for byte.
// It returns the Result of each command.
func runScript(t *testing.T, s *Server, script string) []Result {
	t.Helper()
	var b strings.Builder
	writeResponse(&b, s.Greeting())
	var results []Result
	for _, l := range strings.SplitAfter(script, "\n") {
		if c, ok := strings.CutPrefix(l, "C: "); ok {
			b.WriteString(l)
			r := s.Handle(strings.TrimSuffix(c, "\n"))
			results = append(results, r)
			writeResponse(&b, r.Response)
			if r.StartTLS {
				// The driver's part: the handshake completes, the same
				// core goes on inside TLS.
				s.TLSStarted()
			}
		}
	}
	compareTranscript(t, b.String(), script)
	return results
}

// compareTranscript reports the first line where got and want differ.
func compareTranscript(t *testing.T, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("transcript differs at line %d:\n got: %q\nwant: %q\nwhole transcript:\n%s", i+1, gl, wl, got)
			return
		}
	}
}
