package pop3

import "slices"

// The commands of the TRANSACTION state (RFC 1939 5, 7). The command table
// has checked the state and the number of arguments.

// stat answers STAT. RFC 1939 5: "+OK nn mm"; messages marked as deleted
// are not counted in either total.
func (s *Server) stat(args) Result {
	return okResult(pair(len(s.msgs)-s.marked, s.total-s.markSize))
}

// retr answers RETR msg. RFC 1939 5: "+OK 120 octets", then the message,
// byte-stuffed.
func (s *Server) retr(a args) Result {
	i, r := s.message(a.a[0])
	if i == 0 {
		return r
	}
	m := &s.msgs[i-1]
	if !slices.Contains(s.retrieved, i) {
		s.retrieved = append(s.retrieved, i)
	}
	return Result{Response: Response{OK: true, Text: numText("", m.size, " octets"), Multi: true, Lines: s.body(m)}}
}

// top answers TOP msg n (RFC 1939 7).
func (s *Server) top(a args) Result {
	i, r := s.message(a.a[0])
	if i == 0 {
		return r
	}
	m := &s.msgs[i-1]
	k, ok := number(a.a[1])
	if !ok {
		return errResult(txtBadCount)
	}
	return Result{Response: Response{OK: true, Text: txtTop, Multi: true, Lines: s.topLines(m, k)}}
}

// dele answers DELE msg. RFC 1939 5: DELE only marks; the message goes in
// the UPDATE state.
func (s *Server) dele(a args) Result {
	i, r := s.message(a.a[0])
	if i == 0 {
		return r
	}
	m := &s.msgs[i-1]
	m.deleted = true
	s.marked++
	s.markSize += m.size
	s.markList = addMark(s.markList, i)
	return okResult(numText("message ", i, " deleted"))
}

// addMark adds message number i to the ascending list marks. In the usual
// order (DELE 1, DELE 2, ...) it appends; otherwise it makes a new list, since
// Info's views of the old one must not change.
func addMark(marks []int, i int) []int {
	if len(marks) == 0 || i > marks[len(marks)-1] {
		return append(marks, i)
	}
	at, _ := slices.BinarySearch(marks, i)
	return slices.Insert(slices.Clip(marks), at, i)
}

// noop answers NOOP (RFC 1939 5).
func (s *Server) noop(args) Result { return okResult("") }

// rset answers RSET. RFC 1939 5: unmark every message marked as deleted.
func (s *Server) rset(args) Result {
	for i := range s.msgs {
		s.msgs[i].deleted = false
	}
	s.marked, s.markSize, s.markList = 0, 0, nil
	return okResult(summary("maildrop has ", len(s.msgs), s.total))
}

// list answers LIST and LIST msg with scan listings (RFC 1939 5).
func (s *Server) list(a args) Result {
	if a.n == 1 {
		i, r := s.message(a.a[0])
		if i == 0 {
			return r
		}
		return okResult(pair(i, s.msgs[i-1].size))
	}
	lines := s.room(len(s.msgs) - s.marked)
	for i := range s.msgs {
		if !s.msgs[i].deleted {
			lines = append(lines, pair(i+1, s.msgs[i].size))
		}
	}
	// RFC 1939 5: "+OK 2 messages (320 octets)", one line per message
	// not marked as deleted.
	text := summary("", len(lines), s.total-s.markSize)
	return Result{Response: Response{OK: true, Text: text, Multi: true, Lines: lines}}
}

// uidl answers UIDL and UIDL msg with unique-id listings (RFC 1939 7).
func (s *Server) uidl(a args) Result {
	if a.n == 1 {
		i, r := s.message(a.a[0])
		if i == 0 {
			return r
		}
		return okResult(numText("", i, " ", s.msgs[i-1].uid))
	}
	lines := s.room(len(s.msgs) - s.marked)
	for i := range s.msgs {
		if !s.msgs[i].deleted {
			lines = append(lines, numText("", i+1, " ", s.msgs[i].uid))
		}
	}
	return Result{Response: Response{OK: true, Text: txtUIDL, Multi: true, Lines: lines}}
}

// message resolves a message-number argument to the number of a message in
// the maildrop. RFC 1939 5: message numbers start at 1, and a number may not
// refer to a message marked as deleted. On failure it returns 0 and the -ERR
// to send.
func (s *Server) message(arg string) (int, Result) {
	i, ok := number(arg)
	if !ok {
		return 0, errResult(txtBadNumber)
	}
	if i < 1 || i > len(s.msgs) {
		// RFC 1939 5: "-ERR no such message, only 2 messages in maildrop".
		return 0, errResult(numText("no such message, only ", len(s.msgs), messages(len(s.msgs)), " in maildrop"))
	}
	if s.msgs[i-1].deleted {
		return 0, errResult(numText("message ", i, " already deleted"))
	}
	return i, Result{}
}

// maxNumber caps parsed numbers: far above any maildrop or message length,
// far below overflow.
const maxNumber = 1 << 30

// number parses a non-negative decimal number (RFC 1939 3: digits only, no
// sign). Numbers too large for any maildrop are clamped to maxNumber.
func number(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n < maxNumber {
			n = n*10 + int(c-'0')
		}
	}
	if n > maxNumber {
		n = maxNumber
	}
	return n, true
}
