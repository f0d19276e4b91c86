package pop3

// Info is what a server states about its session: the facts a view (the
// player's state pane, through the trace) shows without reconstructing the
// protocol from the lines. The state itself is Server.State.
type Info struct {
	User      string // the user given by USER (waiting for PASS) or logged in
	LoggedIn  bool   // PASS or APOP succeeded in this session
	Messages  int    // messages in the maildrop snapshot taken at login (RFC 1939 8)
	Octets    int    // their size in octets
	Retrieved []int  // numbers of the messages RETR sent, in order, each once
	Marked    []int  // numbers of the messages marked deleted by DELE (RFC 1939 5)
	Deleted   int    // messages removed when QUIT entered the UPDATE state (RFC 1939 6)
}

// Info returns the session's facts. The slices are copies: the caller may
// keep them while the session goes on.
func (s *Server) Info() Info {
	in := Info{
		User:     s.user,
		LoggedIn: s.user != "",
		Messages: len(s.msgs),
		Octets:   s.total,
		Deleted:  s.removed,
	}
	if in.User == "" && s.hasUser {
		in.User = s.pending
	}
	if len(s.retrieved) > 0 {
		in.Retrieved = append([]int(nil), s.retrieved...)
	}
	if s.marked > 0 {
		in.Marked = make([]int, 0, s.marked)
		for i := range s.msgs {
			if s.msgs[i].deleted {
				in.Marked = append(in.Marked, i+1)
			}
		}
	}
	return in
}
