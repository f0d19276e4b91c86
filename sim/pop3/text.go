package pop3

import "strconv"

// The helpers below append response texts to a buffer, usually one on the
// caller's stack, so that a text of words and numbers costs the single
// allocation of the final string; strconv.Itoa and + would pay for every
// number and every join. Responses are built on the simulator's hot path.

// messages returns the noun that follows the number n: " message" for 1,
// " messages" otherwise.
func messages(n int) string {
	if n == 1 {
		return " message"
	}
	return " messages"
}

// appendCount appends "1 message" or "n messages".
func appendCount(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, messages(n)...)
}

// appendSummary appends "n messages (m octets)", the shape RFC 1939 uses for
// a maildrop (PASS, RSET, LIST).
func appendSummary(b []byte, n, octets int) []byte {
	b = appendCount(b, n)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(octets), 10)
	return append(b, " octets)"...)
}

// summary returns pre followed by appendSummary's text.
func summary(pre string, n, octets int) string {
	var buf [64]byte
	return string(appendSummary(append(buf[:0], pre...), n, octets))
}

// numText returns pre, the decimal n, then the post strings.
func numText(pre string, n int, post ...string) string {
	var buf [96]byte
	b := append(buf[:0], pre...)
	b = strconv.AppendInt(b, int64(n), 10)
	for _, p := range post {
		b = append(b, p...)
	}
	return string(b)
}

// pair returns "a b": a STAT response or a scan listing (RFC 1939 5).
func pair(a, b int) string {
	var buf [24]byte
	out := strconv.AppendInt(buf[:0], int64(a), 10)
	out = append(out, ' ')
	return string(strconv.AppendInt(out, int64(b), 10))
}
