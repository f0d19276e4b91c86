package imap

import "github.com/mailsim/mailsim/sim/mailstore"

// Info is what a server states about its session: the facts a view shows
// (through the trace) without reconstructing the protocol from the lines.
type Info struct {
	State    State
	Rev2     bool   // the session runs under IMAP4rev2's rules (ENABLE)
	User     string // the logged-in user
	Mailbox  string // the selected mailbox, "" if none
	Exists   int    // messages in the selected mailbox, as the client knows them
	Seen     []int  // sequence numbers of the messages flagged \Seen
	Deleted  []int  // sequence numbers of the messages flagged \Deleted (removed at EXPUNGE or CLOSE)
	Fetched  int    // messages whose text this session fetched
	Expunged int    // messages this session expunged
}

// Info returns the session's facts. The slices are new.
func (s *Server) Info() Info {
	in := Info{State: s.state, Rev2: s.rev2, User: s.user, Exists: len(s.view),
		Fetched: len(s.fetched), Expunged: s.expunged}
	if s.state == StateSelected {
		in.Mailbox = Inbox
	}
	for i, m := range s.view {
		if m.flags&mailstore.Seen != 0 {
			in.Seen = append(in.Seen, i+1)
		}
		if m.flags&mailstore.Deleted != 0 {
			in.Deleted = append(in.Deleted, i+1)
		}
	}
	return in
}

// Gen counts the commands the session has run and its other changes: a
// driver that keeps the last Info builds another only when Gen moved.
func (s *Server) Gen() uint64 { return s.gen }
