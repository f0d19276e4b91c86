package pop3

// transaction handles the commands of the TRANSACTION state (RFC 1939 5, 7).
func (s *Server) transaction(v string, args [2]string, n int) Result {
	switch v {
	case CmdUSER, CmdAPOP, CmdSTLS:
		// RFC 1939 7 and RFC 2595 4: these are valid only in AUTHORIZATION.
		return errResult(txtLoggedIn)
	case CmdSTAT:
		if n != 0 {
			return noArgs(v)
		}
		// RFC 1939 5: "+OK nn mm"; messages marked as deleted are not
		// counted in either total.
		return okResult(pair(len(s.msgs)-s.marked, s.total-s.markSize))
	case CmdLIST:
		return s.list(args, n)
	case CmdUIDL:
		return s.uidl(args, n)
	case CmdRETR:
		if n != 1 {
			return errResult("usage: RETR msg")
		}
		i, r := s.message(args[0])
		if i == 0 {
			return r
		}
		m := &s.msgs[i-1]
		// RFC 1939 5: "+OK 120 octets", then the message, byte-stuffed.
		return Result{Response: Response{OK: true, Text: numText("", m.size, " octets"), Multi: true, Lines: m.body()}}
	case CmdTOP:
		if n != 2 {
			return errResult("usage: TOP msg n")
		}
		i, r := s.message(args[0])
		if i == 0 {
			return r
		}
		m := &s.msgs[i-1]
		k, ok := number(args[1])
		if !ok {
			return errResult(txtBadCount)
		}
		return Result{Response: Response{OK: true, Text: txtTop, Multi: true, Lines: m.top(k)}}
	case CmdDELE:
		if n != 1 {
			return errResult("usage: DELE msg")
		}
		i, r := s.message(args[0])
		if i == 0 {
			return r
		}
		m := &s.msgs[i-1]
		// RFC 1939 5: DELE only marks; the message goes in the UPDATE state.
		m.deleted = true
		s.marked++
		s.markSize += m.size
		return okResult(numText("message ", i, " deleted"))
	case CmdNOOP:
		if n != 0 {
			return noArgs(v)
		}
		return okResult("")
	case CmdRSET:
		if n != 0 {
			return noArgs(v)
		}
		// RFC 1939 5: unmark every message marked as deleted.
		for i := range s.msgs {
			s.msgs[i].deleted = false
		}
		s.marked, s.markSize = 0, 0
		return okResult(summary("maildrop has ", len(s.msgs), s.total))
	}
	return errResult(txtUnknown)
}

// list answers LIST and LIST msg with scan listings (RFC 1939 5).
func (s *Server) list(args [2]string, n int) Result {
	switch n {
	case 0:
		lines := make([]string, 0, len(s.msgs)-s.marked)
		for i := range s.msgs {
			if !s.msgs[i].deleted {
				lines = append(lines, pair(i+1, s.msgs[i].size))
			}
		}
		// RFC 1939 5: "+OK 2 messages (320 octets)", one line per message
		// not marked as deleted.
		text := summary("", len(lines), s.total-s.markSize)
		return Result{Response: Response{OK: true, Text: text, Multi: true, Lines: lines}}
	case 1:
		i, r := s.message(args[0])
		if i == 0 {
			return r
		}
		m := &s.msgs[i-1]
		return okResult(pair(i, m.size))
	}
	return errResult("usage: LIST [msg]")
}

// uidl answers UIDL and UIDL msg with unique-id listings (RFC 1939 7).
func (s *Server) uidl(args [2]string, n int) Result {
	switch n {
	case 0:
		lines := make([]string, 0, len(s.msgs)-s.marked)
		for i := range s.msgs {
			if !s.msgs[i].deleted {
				lines = append(lines, numText("", i+1, " ", s.msgs[i].uid))
			}
		}
		return Result{Response: Response{OK: true, Text: txtUIDL, Multi: true, Lines: lines}}
	case 1:
		i, r := s.message(args[0])
		if i == 0 {
			return r
		}
		m := &s.msgs[i-1]
		return okResult(numText("", i, " ", m.uid))
	}
	return errResult("usage: UIDL [msg]")
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
