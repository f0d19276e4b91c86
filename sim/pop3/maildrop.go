package pop3

import (
	"slices"
	"strings"
)

// Message is one message in a maildrop: Head followed by Data, CRLF line
// ends. A mail store that adds header fields at delivery (Return-Path:)
// passes them as Head and the text it shares with other mailboxes as Data,
// so that neither is copied; the server only reads them.
type Message struct {
	UID  string // unique-id for UIDL (RFC 1939 7): 1-70 chars in 0x21-0x7E
	Head string // "" or whole lines sent before Data
	Data string // the (rest of the) message
}

// ValidUID reports whether uid is a unique-id as RFC 1939 7 (UIDL) defines
// it: one to 70 characters in the range 0x21 to 0x7E.
func ValidUID(uid string) bool {
	if len(uid) == 0 || len(uid) > 70 {
		return false
	}
	for i := 0; i < len(uid); i++ {
		if uid[i] < 0x21 || uid[i] > 0x7e {
			return false
		}
	}
	return true
}

// mail is the server's snapshot of one message, taken at login. RFC 1939 8
// lets the server fix the maildrop's contents for the session when it takes
// the maildrop lock, so messages arriving later are not seen until the next
// session.
type mail struct {
	uid     string
	head    string   // whole lines before text ("" or ending in LF)
	text    string   // the message after head; lines are substrings of the two
	size    int      // octets as sent, with CRLF line ends and without byte-stuffing
	lines   []string // head and text split into lines (cut from the server's slab), made on the first RETR or TOP
	deleted bool     // marked by DELE, unmarked by RSET
}

// snapshot keeps the maildrop the Config's Open returned, in out's array
// if it has room. The texts are strings, which nobody can change, so it
// shares them rather than copy.
func snapshot(out []mail, msgs []Message) []mail {
	if len(msgs) == 0 {
		return out[:0]
	}
	out = slices.Grow(out[:0], len(msgs))[:len(msgs)]
	for i := range msgs {
		head, text := msgs[i].Head, msgs[i].Data
		if head != "" && head[len(head)-1] != '\n' {
			// Not whole lines: the last one goes on in Data.
			head, text = "", head+text
		}
		out[i] = mail{uid: msgs[i].UID, head: head, text: text, size: wireSize(head) + wireSize(text)}
	}
	return out
}

// wireSize is the octet count of data sent as lines ending in CRLF. It is
// len(data) for well-formed CRLF text; a bare LF counts as CRLF and a final
// line without an end counts with one, because that is what RETR sends.
// RFC 1939 11: the octet count is what the client receives, which may differ
// from the size of the server's own copy.
func wireSize(data string) int {
	// Every session's login sizes each message: the lines are found with
	// strings.IndexByte, which reads many bytes at a time, not byte by
	// byte.
	n := 0
	for len(data) > 0 {
		i := strings.IndexByte(data, '\n')
		if i < 0 {
			return n + len(data) + 2
		}
		if i > 0 && data[i-1] == '\r' {
			n += i + 1
		} else {
			n += i + 2
		}
		data = data[i+1:]
	}
	return n
}

// splitLines splits text at LF, dropping the CR of each CRLF; a final line
// without an end is kept, the empty string after a final CRLF is not.
func splitLines(text string) []string {
	return appendLines(make([]string, 0, countLines(text)), text)
}

// countLines is the number of lines splitLines finds in text.
func countLines(text string) int {
	count := strings.Count(text, "\n")
	if len(text) > 0 && text[len(text)-1] != '\n' {
		count++
	}
	return count
}

// appendLines appends the lines of text, as splitLines splits them.
func appendLines(lines []string, text string) []string {
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return append(lines, text)
		}
		end := i
		if end > 0 && text[end-1] == '\r' {
			end--
		}
		lines = append(lines, text[:end])
		text = text[i+1:]
	}
	return lines
}

// body returns the lines of message m, splitting it on first use: one
// slice of substrings of head and text, cut from the server's slab.
func (s *Server) body(m *mail) []string {
	if m.lines == nil && (m.head != "" || m.text != "") {
		m.lines = s.room(countLines(m.head) + countLines(m.text))
		m.lines = appendLines(appendLines(m.lines, m.head), m.text)
	}
	return m.lines
}

// topLines returns the header lines, the blank line that ends them and at most n
// lines of the body (RFC 1939 7, TOP). A message without a blank line is all
// header and is returned whole.
func (s *Server) topLines(m *mail, n int) []string {
	lines := s.body(m)
	for i, l := range lines {
		if l == "" {
			end := i + 1 + n
			if n > len(lines) || end > len(lines) {
				end = len(lines)
			}
			return lines[:end:end]
		}
	}
	return lines
}
