package smtp

// Info is what a server session has established so far: the facts a view
// shows as "where the conversation stands" (RFC 5321 3.3, RFC 4954).
type Info struct {
	State    State
	Helo     string
	ESMTP    bool
	TLS      bool     // the session runs inside TLS
	User     string   // AUTH identity, "" if none
	InMail   bool     // a mail transaction is open
	From     string   // its reverse-path, "" for <>
	To       []string // forward-paths accepted in it
	Refused  []string // forward-paths refused in it, "<addr> 550"
	Accepted int      // messages accepted in this session
}

// Info returns the session's facts. The slices are copies.
func (s *Server) Info() Info {
	in := s.View()
	in.To = append([]string(nil), in.To...)
	in.Refused = append([]string(nil), in.Refused...)
	return in
}

// View is Info without the copies: its slices are the session's own and
// change as it goes on, so a caller that keeps them clones them. A driver
// that only compares the facts with ones it kept saves the copies.
func (s *Server) View() Info {
	in := s.state == StateMail || s.state == StateRcpt || s.state == StateData
	return Info{
		State: s.state, Helo: s.helo, ESMTP: s.esmtp, TLS: s.tls, User: s.user,
		InMail: in, From: s.from, To: s.to, Refused: s.refused, Accepted: s.accepted,
	}
}

// Unchanged reports whether in still describes the session: a driver
// that keeps the last Info compares it before building another.
func (s *Server) Unchanged(in *Info) bool {
	return in.State == s.state && in.TLS == s.tls && in.Helo == s.helo && in.User == s.user && in.From == s.from &&
		len(in.To) == len(s.to) && len(in.Refused) == len(s.refused) && in.Accepted == s.accepted
}
