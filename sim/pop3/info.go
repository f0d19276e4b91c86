package pop3

// Info is what a server states about its session: the facts a view (the
// player's state pane, through the trace) shows without reconstructing the
// protocol from the lines.
type Info struct {
	State     State
	TLS       bool   // the session runs inside TLS (STLS or port 995)
	User      string // the user given by USER (waiting for PASS) or logged in
	LoggedIn  bool   // PASS or APOP succeeded in this session
	Messages  int    // messages in the maildrop snapshot taken at login (RFC 1939 8)
	Octets    int    // their size in octets
	Retrieved []int  // numbers of the messages RETR sent, in order, each once
	Marked    []int  // numbers of the messages marked deleted by DELE (RFC 1939 5)
	Deleted   int    // messages removed when QUIT entered the UPDATE state (RFC 1939 6)
}

// Info returns the session's facts. The slices are views that never change:
// the caller may keep them while the session goes on, and must not modify
// them.
func (s *Server) Info() Info {
	in := Info{
		State:    s.state,
		TLS:      s.tls,
		User:     s.user,
		LoggedIn: s.user != "",
		Messages: len(s.msgs),
		Octets:   s.total,
		Deleted:  s.removed,
	}
	if in.User == "" && s.hasUser {
		in.User = s.pending
	}
	if n := len(s.retrieved); n > 0 {
		in.Retrieved = s.retrieved[:n:n]
	}
	if n := len(s.markList); n > 0 {
		in.Marked = s.markList[:n:n]
	}
	return in
}

// Unchanged reports whether in still describes the session: a driver
// that keeps the last Info compares it before building another. No single
// command changes a list without changing its length (RETR adds, DELE adds,
// RSET empties), so lengths are enough between two responses.
func (s *Server) Unchanged(in *Info) bool {
	user := s.user
	if user == "" && s.hasUser {
		user = s.pending
	}
	return in.TLS == s.tls && in.State == s.state && in.User == user && in.LoggedIn == (s.user != "") &&
		in.Messages == len(s.msgs) && in.Octets == s.total && len(in.Retrieved) == len(s.retrieved) &&
		len(in.Marked) == s.marked && in.Deleted == s.removed
}
