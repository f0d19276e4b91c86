package sim

import (
	"slices"
	"strconv"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/trace"
)

// FetchResult is what one POP3 session achieved.
type FetchResult struct {
	Outcome   Outcome
	BlockedBy *Network
	Statuses  []string // "+OK" or "-ERR" for every response, the greeting first
	Client    pop3.ClientResult
	Left      int  // messages left in the mailbox after the session
	Dropped   bool // the client hung up without QUIT
}

// config returns the POP3 core's configuration for a service of h.
func (w *World) pop3Config(h *Host, s *POP3Service) *pop3.Config {
	cfg := &pop3.Config{Hostname: h.Name, Users: map[string]string{}, STLS: s.STLS}
	for _, u := range h.Users {
		cfg.Users[u.Name] = u.Password
	}
	if s.APOP {
		// RFC 1939 7: the timestamp must be unique per greeting; derive it
		// from the virtual clock so it is reproducible.
		cfg.Timestamp = "<" + strconv.Itoa(int(w.now.Milliseconds())) + "." + strconv.Itoa(w.conns) + "@" + h.Name + ">"
	}
	cfg.Open = func(user string) []pop3.Message {
		if u := h.user(user); u != nil {
			return slices.Clone(u.Mailbox)
		}
		return nil
	}
	cfg.Lock = func(user string) bool {
		u := h.user(user)
		if u == nil || u.locked {
			return u == nil
		}
		u.locked = true
		return true
	}
	cfg.Unlock = func(user string) {
		if u := h.user(user); u != nil {
			u.locked = false
		}
	}
	return cfg
}

func (w *World) pop3Session(src, dst *Host, port uint16, job pop3.Job, drop bool) (res FetchResult) {
	defer func() {
		// What is left counts whether or not the session got anywhere.
		if u := dst.user(job.User); u != nil {
			res.Left = len(u.Mailbox)
		}
	}()
	svc := dst.pop3Service(port)
	c, out, blk := w.dial(src, dst, port, trace.POP3, svc != nil || dst.smtpService(port) != nil)
	if out != Connected {
		return FetchResult{Outcome: out, BlockedBy: blk}
	}
	if svc == nil {
		c.close(trace.ClientToServer)
		return FetchResult{Outcome: Refused}
	}
	srv := pop3.NewServer(w.pop3Config(dst, svc))
	cl := pop3.NewClient(job)
	res = FetchResult{Outcome: Connected}
	resp := srv.Greeting()
	w.emitResponse(c, resp, srv.State())
	res.Statuses = append(res.Statuses, resp.Status())
	closed := false
	for !closed {
		line, done := cl.Next(resp)
		if done {
			break
		}
		c.hop()
		if drop && pop3.VerbOf(line) == pop3.CmdQUIT {
			srv.Hangup()
			w.note(src, i18n.T(
				"the connection drops before QUIT: the server never enters UPDATE, so nothing is deleted (RFC 1939 6)",
				"QUITの前に接続が切れた: UPDATE状態に入らないので何も削除されない(RFC 1939 6)"))
			res.Dropped = true
			break
		}
		r := w.pop3Exchange(c, srv, dst, line)
		res.Statuses = append(res.Statuses, r.Response.Status())
		resp = r.Response
		closed = r.Close
	}
	c.hop()
	if closed {
		c.close(trace.ServerToClient)
	} else {
		srv.Hangup() // nothing marked is deleted, and the lock is given back
		c.close(trace.ClientToServer)
	}
	res.Client = cl.Result()
	return res
}

// pop3Exchange hands one client line to the server core and emits it and
// the response; what a session reaching UPDATE deleted leaves the mailbox.
func (w *World) pop3Exchange(c *conn, srv *pop3.Server, dst *Host, line string) pop3.Result {
	c.line(trace.ClientToServer, line, trace.Tag{Kind: trace.Command, Verb: pop3.VerbOf(line), Last: true}, nil)
	r := srv.Handle(line)
	c.hop()
	w.emitResponse(c, r.Response, srv.State())
	if len(r.Delete) > 0 {
		w.expunge(dst, srv.User(), r.Delete)
	}
	return r
}

// expunge removes the messages a POP3 session deleted when it reached UPDATE.
func (w *World) expunge(h *Host, user string, uids []string) {
	u := h.user(user)
	if u == nil {
		return
	}
	u.Mailbox = slices.DeleteFunc(u.Mailbox, func(m pop3.Message) bool { return slices.Contains(uids, m.UID) })
}

// emitResponse emits every wire line of a POP3 response.
func (w *World) emitResponse(c *conn, r pop3.Response, st pop3.State) {
	n := r.NumLines()
	for i := 0; i < n; i++ {
		tag := trace.Tag{Kind: trace.Body, Last: i == n-1}
		if i == 0 {
			tag.Kind, tag.Status = trace.StatusLine, trace.Err
			if r.OK {
				tag.Status = trace.OK
			}
		}
		var sess *trace.Session
		if i == n-1 {
			sess = &trace.Session{State: st.String()}
		}
		c.line(trace.ServerToClient, r.Line(i), tag, sess)
	}
}

// talkPOP3 sends raw lines to a POP3 server.
func (w *World) talkPOP3(src, dst *Host, svc *POP3Service, lines []string) TalkResult {
	c, out, blk := w.dial(src, dst, svc.Port, trace.POP3, true)
	if out != Connected {
		return TalkResult{Outcome: out, BlockedBy: blk}
	}
	srv := pop3.NewServer(w.pop3Config(dst, svc))
	res := TalkResult{Outcome: Connected}
	g := srv.Greeting()
	w.emitResponse(c, g, srv.State())
	res.Replies = append(res.Replies, g.Status())
	for _, l := range lines {
		c.hop()
		r := w.pop3Exchange(c, srv, dst, l)
		res.Replies = append(res.Replies, r.Response.Status())
		if r.Close {
			c.hop()
			c.close(trace.ServerToClient)
			return res
		}
	}
	c.hop()
	srv.Hangup()
	c.close(trace.ClientToServer)
	return res
}
