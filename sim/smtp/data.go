package smtp

// dataLine takes one line of message text after 354 (RFC 5321 4.1.1.4).
func (s *Server) dataLine(line string) Result {
	if line == "." {
		return s.endData()
	}
	// RFC 5321 4.5.2: the client doubled a leading dot; remove it.
	if len(line) > 0 && line[0] == '.' {
		line = line[1:]
	}
	// RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with its CRLF,
	// not counting the doubled dot. The line cannot be refused on its own
	// (nothing answers a text line), so it is remembered for the final ".".
	if len(line)+2 > maxTextLine {
		s.longLine = true
	}
	s.size += len(line) + 2
	// Keep nothing past the size limit: the message will be refused anyway
	// and a client must not make the server grow without bound.
	if s.size <= s.cfg.maxSize() {
		if s.data.Cap() == 0 {
			// The text at hand (SizeHint) holds this line and what
			// follows, the final "." included: the whole message when it
			// came in one segment. Without a hint, most messages a
			// scenario sends are a few hundred octets. The builder grows
			// the buffer for the rest.
			n := 512
			if s.hint >= len(line)+2 && s.hint <= s.cfg.maxSize() {
				n = s.hint
			}
			s.data.Grow(n)
		}
		s.data.WriteString(line)
		s.data.WriteString("\r\n")
	}
	return Result{}
}

// endData answers the final "." (RFC 5321 4.1.1.4, 4.3.2: 250, or 552, 554,
// 451, 452, 450, 550). Whatever the answer, the transaction is over and the
// session is back in READY.
func (s *Server) endData() Result {
	var r Result
	switch {
	case s.size > s.cfg.maxSize():
		// RFC 1870 6.2 and RFC 5321 4.5.3.1.9 (552 "Too much mail data");
		// the text is Postfix's.
		r.Reply = replyTooBig
	case s.longLine:
		// RFC 5321 4.5.3.1.9 lists "500 Line too long" among the answers
		// to a limit, but 500 means an unrecognized command and 4.3.2
		// allows only 250, 552, 554, 451, 452, 450 and 550 after the data.
		// So the final "." gets 554 "Transaction failed", with RFC 3463
		// X.6.0 because the content, not the command, is at fault: a line
		// over 998 characters also breaks RFC 5322 2.1.1.
		r.Reply = replyTextTooLong
	case CountReceived(s.data.String()) > s.cfg.maxHops():
		// RFC 5321 6.3: a message with too many Received: fields is in a
		// loop; RFC 3463 X.4.6 is "routing loop detected".
		r.Reply = replyTooManyHops
	default:
		m := &Message{
			From:  s.from,
			To:    s.to,
			Helo:  s.helo,
			ESMTP: s.esmtp,
			TLS:   s.tls,
			User:  s.user,
			Peer:  s.peer,
			Data:  s.data.String(),
		}
		// The Message owns these buffers now: the builder's bytes are
		// Data's, and resetTransaction starts a new buffer.
		s.to = nil
		r.Message = m
		if s.cfg.HoldData {
			r.Hold = true
			s.held = true
		} else {
			r.Reply = s.Accept(m)
		}
	}
	s.resetTransaction()
	s.state = StateReady
	return r
}

// Accept ends a transaction with 250: the server takes responsibility
// for m (RFC 5321 4.2.5) and counts it. It is how endData accepts, and
// how a driver ends a held transaction (Config.HoldData).
func (s *Server) Accept(m *Message) Reply {
	s.held = false
	s.accepted++
	if s.cfg.NextID == nil {
		return replyOk
	}
	m.ID = s.cfg.NextID()
	return fixed(C250Completed, E200Other, "Ok: queued as "+m.ID)
}

// Refuse ends a held transaction with r, a 4xx or 5xx reply to the final
// "." (RFC 5321 4.3.2: 550, 554, 451 ...): the message is not accepted
// and not counted.
func (s *Server) Refuse(r Reply) Reply {
	s.held = false
	return r
}

// Held reports whether the final "." of a message waits for the
// driver's Accept or Refuse.
func (s *Server) Held() bool { return s.held }
