package sim

import (
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
)

// Free lists: what every connection allocates (the Conn, the handlers at
// its two ends, their protocol cores) is reused once it is dead, instead
// of being dropped for the garbage collector: a campaign opens a million
// connections, each alive for a few steps. The world runs in one
// goroutine, so these are plain slices.
//
// Something is dead when nothing can reach it any more. For a connection
// whose two ends are the world's own SMTP or POP3 handlers that is known
// exactly: the scheduler's tasks that refer to it are counted
// (Conn.tasks), the handlers keep no pointer to it once they are over
// (reusable.over), and nothing else is given one. A connection driven from
// outside (mailsim serve, the shell, a raw talk) is never reused: its
// client may keep it.
type freeLists struct {
	conns       []*Conn
	smtpClients []*smtpClient
	smtpServers []*smtpServer
	pop3Clients []*pop3Client
	pop3Servers []*pop3Server
	sendWaits   []*waiter[SMTPResult]
	fetchWaits  []*waiter[FetchResult]
	attempts    []*attempt
	lookups     []*lookup
}

// maxFree bounds each free list: what a world keeps for reuse is what was
// alive at once, up to this many.
const maxFree = 1024

// push appends x to a free list unless it is full.
func push[T any](list *[]T, x T) {
	if len(*list) < maxFree {
		*list = append(*list, x)
	}
}

// pop takes the last of a free list, or reports false when it is empty.
func pop[T any](list *[]T) (T, bool) {
	var zero T
	n := len(*list)
	if n == 0 {
		return zero, false
	}
	x := (*list)[n-1]
	(*list)[n-1] = zero
	*list = (*list)[:n-1]
	return x, true
}

// reusable is a connection's end that the world may reuse: one of its own
// handlers, which drops every reference to the connection once over says
// it is over.
type reusable interface {
	Peer
	// over reports that the handler is done with the connection: nothing
	// it scheduled outside the connection's own tasks (a DNS look-up, a
	// content check, a delayed close, a TLS timer) still refers to it or
	// to the handler, and no call into it can come but from those tasks.
	over() bool
	// recycle clears the handler, keeping its buffers and core, and puts
	// it on the world's free list.
	recycle()
}

// newConnValue returns a zero connection of w, reused from a dead one.
func (w *World) newConnValue() *Conn {
	if c, ok := pop(&w.free.conns); ok {
		return c
	}
	return &Conn{w: w}
}

// release reuses c and its two handlers if c is dead: both ends are the
// world's handlers and are over, the handshake is not under way, and no
// scheduled task refers to it. What is not dead is left alone (a later
// call may find it dead, or the garbage collector takes it), so release
// may be called at any point where no caller further up still uses c or
// its handlers.
func (w *World) release(c *Conn) {
	if !c.pooled || c.tasks > 0 || c.dial.d != nil {
		return
	}
	var ends [2]reusable
	for i, p := range c.peer {
		if p == nil {
			continue // a refused connection has no server end
		}
		r, ok := p.(reusable)
		if !ok || !r.over() {
			return
		}
		ends[i] = r
	}
	for _, r := range ends {
		if r != nil {
			r.recycle()
		}
	}
	c.reset()
	push(&w.free.conns, c)
}

// newSMTPClient returns a cleared SMTP client handler with its core.
func (w *World) newSMTPClient() *smtpClient {
	if cl, ok := pop(&w.free.smtpClients); ok {
		return cl
	}
	return &smtpClient{w: w, core: new(smtp.Client)}
}

func (cl *smtpClient) recycle() {
	w := cl.w
	*cl = smtpClient{w: w, core: cl.core, in: lineReader{buf: cl.in.buf[:0]}, parser: cl.parser}
	cl.parser.Reset()
	push(&w.free.smtpClients, cl)
}

// newPOP3Client returns a cleared POP3 client handler with its core.
func (w *World) newPOP3Client() *pop3Client {
	if cl, ok := pop(&w.free.pop3Clients); ok {
		return cl
	}
	return &pop3Client{w: w, core: new(pop3.Client)}
}

func (cl *pop3Client) recycle() {
	w := cl.w
	*cl = pop3Client{w: w, core: cl.core, in: lineReader{buf: cl.in.buf[:0]}, asm: cl.asm}
	cl.asm.Reset()
	push(&w.free.pop3Clients, cl)
}

// newSMTPServer returns a cleared SMTP server handler; its core, kept in
// spare, is reset when the session greets.
func (w *World) newSMTPServer() *smtpServer {
	if s, ok := pop(&w.free.smtpServers); ok {
		return s
	}
	s := &smtpServer{w: w, spare: new(smtp.Server)}
	s.name.init(w, s.named)
	return s
}

func (s *smtpServer) recycle() {
	w := s.w
	*s = smtpServer{w: w, spare: s.spare, name: s.name.cleared(),
		in: lineReader{buf: s.in.buf[:0]}, tin: lineReader{buf: s.tin.buf[:0]}}
	push(&w.free.smtpServers, s)
}

// newPOP3Server returns a cleared POP3 server handler with its core.
func (w *World) newPOP3Server() *pop3Server {
	if s, ok := pop(&w.free.pop3Servers); ok {
		return s
	}
	return &pop3Server{w: w, core: new(pop3.Server)}
}

func (s *pop3Server) recycle() {
	w := s.w
	*s = pop3Server{w: w, core: s.core, in: lineReader{buf: s.in.buf[:0]}, tin: lineReader{buf: s.tin.buf[:0]}}
	push(&w.free.pop3Servers, s)
}

// waiter is what Send and Fetch wait on: the session's done callback sets
// the result; the callbacks are method values made once per waiter.
type waiter[R any] struct {
	res      R
	finished bool
	doneFn   func(R)
	overFn   func() bool
}

func (wt *waiter[R]) done(r R)   { wt.res, wt.finished = r, true }
func (wt *waiter[R]) over() bool { return wt.finished }

// newWaiter returns a cleared waiter from list, or a new one.
func newWaiter[R any](list *[]*waiter[R]) *waiter[R] {
	if wt, ok := pop(list); ok {
		return wt
	}
	wt := &waiter[R]{}
	wt.doneFn, wt.overFn = wt.done, wt.over
	return wt
}

// freeWaiter clears wt and puts it on list once its session has called
// done, which a session does once; a waiter whose session may still call
// it is left alone.
func freeWaiter[R any](list *[]*waiter[R], wt *waiter[R]) {
	if !wt.finished {
		return
	}
	var zero R
	wt.res, wt.finished = zero, false
	push(list, wt)
}
