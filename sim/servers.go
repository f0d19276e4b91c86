package sim

import (
	"encoding/binary"
	"hash/maphash"
	"net/netip"
	"slices"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// The server end of a connection: one handler per accepted connection,
// reading the client's bytes, handing each line to the sans-I/O core of
// the service on that port, writing the core's replies, and carrying out
// its effects (accept a message, delete what a POP3 session expunged).
// Every client, simulated or real, talks to these same handlers.

// listener returns what accepts connections on dst:port and the protocol
// it speaks; its Proto is TCP when nothing listens there.
func (w *World) listener(dst *Host, port uint16) service {
	if dst == w.dnsHost && port == 53 {
		// RFC 7766 5: a DNS server answers over TCP as well as UDP.
		return service{proto: trace.DNS, host: dst}
	}
	if s := dst.smtpService(port); s != nil {
		return service{proto: trace.SMTP, host: dst, smtp: s}
	}
	if s := dst.pop3Service(port); s != nil {
		return service{proto: trace.POP3, host: dst, pop3: s}
	}
	if s := dst.imapService(port); s != nil {
		return service{proto: trace.IMAP, host: dst, imap: s}
	}
	return service{proto: trace.TCP}
}

// service is what listens on a port: a value, so that dialling makes no
// closure.
type service struct {
	proto trace.Proto
	host  *Host
	smtp  *SMTPService
	pop3  *POP3Service
	imap  *IMAPService
}

// listening reports whether anything listens (else the SYN gets RST).
func (s *service) listening() bool { return s.proto != trace.TCP }

// open accepts connection c: the handler of the service reads from it.
func (s *service) open(w *World, c *Conn) Peer {
	switch s.proto {
	case trace.DNS:
		return &dnsServer{w: w}
	case trace.SMTP:
		return w.openSMTP(c, s.host, s.smtp)
	case trace.POP3:
		return w.openPOP3(c, s.host, s.pop3)
	case trace.IMAP:
		return w.openIMAP(c, s.host, s.imap)
	}
	return nil
}

// ImplicitTLS reports whether a port speaks TLS from the first byte
// (RFC 8314 3.3: 465 submissions, 995 pop3s; 993 imaps).
func ImplicitTLS(port uint16) bool { return port == 465 || port == 993 || port == 995 }

// smtpServer runs an SMTP server core on one connection.
type smtpServer struct {
	w        *World
	host     *Host
	svc      *SMTPService
	core     *smtp.Server // nil until the greeting: the client's name is being looked up
	spare    *smtp.Server // the core, reset for each session (pool.go)
	conn     *Conn        // the connection, until the client's name is known (named)
	name     nameLookup   // the look-up of the client's name
	early    []Data       // what the client sent before the greeting
	in       lineReader
	tls      *tlsSide   // TLS, once started: the core's lines go through it
	tin      lineReader // the decrypted stream
	done     bool       // the server closed, or the client went away
	accepted bool       // a message was accepted: the queue has work
	info     smtp.Info
	sess     *snapEntry // the last snapshot, nil before the first
	// holding is set while the content checks of a message run
	// (SMTPService.Checks); the client's lines wait in held.
	holding bool
	held    []string
	// Record, when set, makes the handler record the client's lines in
	// the trace itself: for a real client, which says nothing of what it
	// sends (mailsim serve).
	Record bool
}

// openSMTP accepts an SMTP connection. Like Postfix's smtpd, the server
// first finds the client's name in the reverse DNS (clientName), then
// greets; the name is what its Received: field shows in parentheses.
func (w *World) openSMTP(c *Conn, h *Host, svc *SMTPService) *smtpServer {
	client, _ := c.Endpoints()
	s := w.newSMTPServer()
	s.host, s.svc, s.conn = h, svc, c
	s.name.h, s.name.ip = h, client.IP
	w.clientName(&s.name)
	return s
}

// named: the client's name is known (or known to be unknown); the server
// greets.
func (s *smtpServer) named(name string) {
	w, c := s.w, s.conn
	s.conn = nil // over() may be true from now: the handler keeps no pointer to c
	s.spare.Reset(&s.svc.Config, smtp.Peer{IP: s.name.ip, Name: name})
	s.core = s.spare
	if s.done {
		w.release(c)
		return // the client hung up while the server looked it up
	}
	if ImplicitTLS(c.server.Port) {
		// RFC 8314 3.3: the handshake first; the greeting comes inside.
		s.tls, _ = w.startTLS(c, ServerSide, "")
	} else {
		s.reply(c, s.core.Greeting())
		c.Flush(ServerSide)
	}
	early := s.early
	s.early = nil
	for _, p := range early {
		s.Receive(c, p)
	}
}

// nameLookup is the look-up of a client's name (clientName) for an SMTP
// server handler: its two DNS callbacks are made once per handler, not
// once per connection.
type nameLookup struct {
	w          *World
	h          *Host
	ip         netip.Addr
	ptrName    string // the name the PTR record gave
	done       func(name string)
	ptrFn, aFn func(dns.Answer, bool)
}

// init binds n's callbacks; done gets the name.
func (n *nameLookup) init(w *World, done func(string)) {
	n.w, n.done = w, done
	n.ptrFn, n.aFn = n.ptr, n.a
}

// cleared is n without its session: the world and the callbacks stay.
func (n *nameLookup) cleared() nameLookup {
	return nameLookup{w: n.w, done: n.done, ptrFn: n.ptrFn, aFn: n.aFn}
}

// clientName finds the name of a client at n.ip the way Postfix's smtpd
// does when it accepts a connection: a PTR query for the address, then an
// A query for the name the PTR gives, which must lead back to the address
// (forward-confirmed reverse DNS; a PTR anyone could write proves
// nothing). Without a PTR record, or when the two disagree, the client is
// unknown (""), which Received: shows as "unknown [203.0.113.10]". A world
// without a DNS server knows no names and asks nothing. n.done gets the
// name.
func (w *World) clientName(n *nameLookup) {
	if w.dnsHost == nil {
		n.done("")
		return
	}
	w.resolve(n.h, w.reverseName(n.ip), dns.TypePTR, n.ptrFn)
}

// reverseName is dns.ReverseName(ip), made once per client address: the
// same clients connect again and again. Past maxExchanges addresses (a
// botnet's, each once or twice) the names are forgotten all at once.
func (w *World) reverseName(ip netip.Addr) string {
	if name, ok := w.reverse[ip]; ok {
		return name
	}
	if w.reverse == nil || len(w.reverse) >= maxExchanges {
		w.reverse = make(map[netip.Addr]string)
	}
	name := dns.ReverseName(ip)
	w.reverse[ip] = name
	return name
}

// ptr: the answer to the PTR query.
func (n *nameLookup) ptr(ans dns.Answer, ok bool) {
	if !ok || ans.RCode != dns.RCodeNoError || len(ans.PTR) == 0 {
		n.done("")
		return
	}
	n.ptrName = ans.PTR[0]
	n.w.resolve(n.h, n.ptrName, dns.TypeA, n.aFn)
}

// a: the answer to the A query for the name the PTR gave.
func (n *nameLookup) a(a dns.Answer, ok bool) {
	if ok && slices.Contains(a.A, n.ip.Unmap()) {
		n.done(n.ptrName)
		return
	}
	n.w.note(n.h, i18n.M(msgPTRMismatch, n.ptrName, n.ip.String()))
	n.done("")
}

// Receive hands each complete line to the core, decrypted first once TLS
// is up.
func (s *smtpServer) Receive(c *Conn, p Data) {
	if s.core == nil {
		// What comes before the greeting waits for it.
		s.early = append(s.early, Data{Lines: slices.Clone(p.Lines), Raw: p.Raw})
		return
	}
	if s.tls != nil {
		s.tls.Record = s.Record
		for _, ev := range s.tls.receive(p) {
			switch ev.kind {
			case evHandshake:
				if ev.err != nil {
					s.tlsFailed(c, ev.err)
					return
				}
				s.core.TLSStarted()
				if ImplicitTLS(c.server.Port) {
					s.reply(c, s.core.Greeting())
				}
			case evPlain:
				d := Data{Raw: string(ev.data)}
				for line, ok := s.tin.next(&d); ok; line, ok = s.tin.next(&d) {
					s.handle(c, line)
				}
			}
		}
		s.flush(c)
		return
	}
	s.core.SizeHint(p.Len()) // message text in p is buffered in one piece
	for line, ok := s.in.next(&p); ok; line, ok = s.in.next(&p) {
		if s.handle(c, line) {
			// RFC 3207 5: whatever the client sent after STARTTLS in the
			// clear is not taken inside TLS.
			break
		}
	}
	s.flush(c)
}

// handle hands one line to the core and writes its reply; it reports
// whether TLS starts now.
func (s *smtpServer) handle(c *Conn, line string) (startTLS bool) {
	if s.done {
		return false
	}
	if s.holding {
		// RFC 2920 3.1: a pipelining client may send on after the final
		// "."; the server answers in order, once the verdict is in.
		s.held = append(s.held, line)
		return false
	}
	if s.Record {
		s.clientLine(c, line, s.tagClient(line))
	}
	r := s.core.Handle(line)
	if r.Hold {
		s.check(c, r.Message)
		return false
	}
	if r.Reply.Code != 0 {
		s.reply(c, r.Reply)
		if r.Message != nil {
			s.accepted = true
			s.w.accept(s.host, s.svc, r.Message)
		}
	}
	if r.Close {
		s.done = true
		s.flush(c)
		// The client reads the reply, then sees the FIN.
		c.closeAfter(ServerSide)
	}
	if r.StartTLS {
		// RFC 3207 4: the 220 leaves in the clear, then the handshake.
		c.Flush(ServerSide)
		s.tls, _ = s.w.startTLS(c, ServerSide, "")
		return true
	}
	return false
}

// check runs the service's sender domain authentication on m before the
// reply to the final ".", then accepts it with an Authentication-Results
// field (RFC 8601), marked as spam under p=quarantine, or refuses it
// under p=reject (RFC 7489 6.6.3), and takes up the lines that waited.
func (s *smtpServer) check(c *Conn, m *smtp.Message) {
	s.holding = true
	s.w.checkAuth(s.host, s.svc.Checks, m, func(o AuthOutcome) {
		s.holding = false
		if s.done {
			s.w.release(c)
			return // the client left before the verdict: nothing was accepted
		}
		s.w.noteVerdict(s.host, &o)
		if o.Action() == Reject {
			s.reply(c, s.core.Refuse(smtp.ReplyDMARCReject(o.FromDomain)))
		} else {
			r := s.core.Accept(m)
			m.Data = o.header(s.host.Name) + m.Data
			s.reply(c, r)
			s.accepted = true
			s.w.accept(s.host, s.svc, m)
		}
		held := s.held
		s.held = nil
		for i, line := range held {
			if s.handle(c, line) {
				break // RFC 3207 5: nothing after STARTTLS counts
			}
			if s.holding {
				s.held = append(held[i+1:len(held):len(held)], s.held...)
				break
			}
		}
		s.flush(c)
	})
}

// clientLine records a line of a real client (Record).
func (s *smtpServer) clientLine(c *Conn, line string, tag trace.Tag) {
	if s.tls != nil {
		c.Inner(ClientSide, line, tag, nil)
		return
	}
	c.record(ClientSide, line, tag)
}

// line writes one line of the server's, through TLS once it is up.
func (s *smtpServer) line(c *Conn, text string, tag trace.Tag, sess *trace.Session) {
	if s.tls != nil {
		s.tls.line(text, tag, sess)
		return
	}
	c.Line(ServerSide, text, tag, sess)
}

// flush sends what the server wrote.
func (s *smtpServer) flush(c *Conn) {
	if s.tls != nil {
		s.tls.flush()
		return
	}
	c.Flush(ServerSide)
}

// tlsFailed: the handshake failed (crypto/tls has sent its alert); the
// server closes.
// serverTLSFailed ends a POP3 or IMAP session whose TLS handshake failed:
// a note says why, the core hangs up, and the connection closes.
func (w *World) serverTLSFailed(h *Host, c *Conn, t *tlsSide, err error, hangup func()) {
	w.note(h, i18n.M(msgTLSFailed, err.Error()))
	hangup()
	c.Close(ServerSide)
	t.stop()
}

func (s *smtpServer) tlsFailed(c *Conn, err error) {
	s.w.note(s.host, i18n.M(msgTLSFailed, err.Error()))
	s.done = true
	c.Close(ServerSide)
	s.stop()
}

// Closed: the client hung up.
func (s *smtpServer) Closed(c *Conn) {
	s.stop()
	if !s.done {
		s.done = true
		s.finish()
	}
}

// closedOwn: the server's own FIN has left.
func (s *smtpServer) closedOwn() {
	s.stop()
	s.finish()
}

// over: the session ended, its name look-up and content check are not
// pending, and it ran without TLS (whose handshake timer and goroutine
// keep the connection).
func (s *smtpServer) over() bool { return s.done && s.core != nil && !s.holding && s.tls == nil }

// stop ends the TLS goroutine, if any.
func (s *smtpServer) stop() {
	if s.tls != nil {
		s.tls.stop()
	}
}

// finish hands what the session accepted to the queue manager.
func (s *smtpServer) finish() {
	if s.accepted {
		s.w.kick()
	}
}

// tagClient says what a client line is, from the core's state before it
// handles the line.
func (s *smtpServer) tagClient(line string) trace.Tag {
	return smtpClientTag(s.core.LineVerb(line), line)
}

// smtpClientTag turns the core's verb for a client line into a trace tag.
func smtpClientTag(v, line string) trace.Tag {
	switch v {
	case smtp.TagDataLine:
		return trace.Tag{Kind: trace.MessageText, Last: true}
	case smtp.TagAuthData:
		return trace.Tag{Kind: trace.AuthData, Last: true}
	case "":
		v = verb(line)
	}
	return trace.Tag{Kind: trace.Command, Verb: v, Last: true}
}

// reply writes every line of r, the session's state on the last.
func (s *smtpServer) reply(c *Conn, r smtp.Reply) {
	n := r.NumLines()
	for i := 0; i < n; i++ {
		tag := trace.Tag{Kind: trace.Reply, Code: r.Code, Enhanced: r.Enhanced, Last: i == n-1}
		var sess *trace.Session
		if i == n-1 && s.w.tracesLine(c.Proto(), tag) {
			sess = s.snapshot()
		}
		s.w.wire = r.AppendLine(s.w.wire[:0], i)
		s.line(c, s.w.intern(s.w.wire), tag, sess)
	}
}

// snapshot is the core's session state for the trace, built anew only
// when the core says it may have changed.
func (s *smtpServer) snapshot() *trace.Session {
	if s.sess != nil && s.core.Unchanged(&s.info) {
		return &s.sess.s
	}
	in := s.core.View()
	s.sess = s.w.snapshot(trace.Session{
		State: in.State.String(), Helo: in.Helo, TLS: in.TLS, AuthUser: in.User,
		InMail: in.InMail, From: in.From, Rcpts: in.To, Rejected: in.Refused, Accepted: in.Accepted,
	}, s.sess)
	// What Unchanged compares next time: the lists only by length, and
	// the snapshot has lists of its own.
	in.To, in.Refused = s.sess.s.Rcpts, s.sess.s.Rejected
	s.info = in
	return &s.sess.s
}

// snapEntry is a shared snapshot and the one that last followed it in a
// session: sessions that go the same way pass through the same states in
// the same order, so the successor is a hint that spares the look-up by
// key most of the time.
type snapEntry struct {
	s    trace.Session
	next *snapEntry
}

// snapshot returns a session snapshot equal to v for the trace. Snapshots
// never change once emitted, and the same states recur in every session
// that goes the same way (every SMTP greeting, every RCPT of the same
// address), so an equal one already made is shared; new ones are cut from
// slabs of sessionSlab. prev is the snapshot the session's handler gave
// before (nil for its first): when v equals the one that followed prev
// last time, no key is built and no map searched.
func (w *World) snapshot(v trace.Session, prev *snapEntry) *snapEntry {
	// Empty SMTP lists are nil, as smtp.Server.Info gives them.
	if len(v.Rcpts) == 0 {
		v.Rcpts = nil
	}
	if len(v.Rejected) == 0 {
		v.Rejected = nil
	}
	if prev != nil && prev.next != nil && sameSession(&prev.next.s, &v) {
		return prev.next
	}
	p := w.snapshotByKey(v)
	if prev != nil {
		prev.next = p
	}
	return p
}

// snapshotByKey is snapshot without a hint.
func (w *World) snapshotByKey(v trace.Session) *snapEntry {
	w.snapKey = appendSessionKey(w.snapKey[:0], &v)
	if p := w.snaps[string(w.snapKey)]; p != nil {
		return p
	}
	if w.snaps == nil || len(w.snaps) >= maxSnaps {
		w.snaps = make(map[string]*snapEntry)
	}
	if len(w.sessions) == cap(w.sessions) {
		w.sessions = make([]snapEntry, 0, sessionSlab)
	}
	// The SMTP lists are the core's own (smtp.Server.View), which change
	// as it goes on: a snapshot has copies.
	v.Rcpts, v.Rejected = slices.Clone(v.Rcpts), slices.Clone(v.Rejected)
	w.sessions = append(w.sessions, snapEntry{s: v})
	p := &w.sessions[len(w.sessions)-1]
	w.snaps[string(w.snapKey)] = p
	return p
}

// sameSession reports whether a and b state the same facts, as equal
// keys of appendSessionKey would: nil lists apart from empty ones.
func sameSession(a, b *trace.Session) bool {
	strs := func(x, y []string) bool { return (x == nil) == (y == nil) && slices.Equal(x, y) }
	nums := func(x, y []int) bool { return (x == nil) == (y == nil) && slices.Equal(x, y) }
	return a.State == b.State && a.Helo == b.Helo && a.AuthUser == b.AuthUser && a.From == b.From &&
		a.Accepted == b.Accepted && a.TLS == b.TLS && a.InMail == b.InMail &&
		a.LoggedIn == b.LoggedIn && a.User == b.User && a.Messages == b.Messages && a.Octets == b.Octets &&
		a.Deleted == b.Deleted && a.Mailbox == b.Mailbox &&
		strs(a.Rcpts, b.Rcpts) && strs(a.Rejected, b.Rejected) &&
		nums(a.Retrieved, b.Retrieved) && nums(a.Marked, b.Marked) && nums(a.Seen, b.Seen)
}

// intern returns b as a string, the same string for the same bytes most
// of the time: a server's reply lines are mostly the same few ("250 2.1.5
// Ok"). The world remembers the last line per slot of a small table, so a
// line that changes every time (a queue id) only takes its slot over.
func (w *World) intern(b []byte) string {
	if len(b) > 80 {
		return string(b)
	}
	if w.interned == nil {
		w.interned = new([internSlots]string)
		w.internSeed = maphash.MakeSeed()
	}
	slot := &w.interned[maphash.Bytes(w.internSeed, b)%internSlots]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

const internSlots = 512

// sessionSlab is how many snapshots one allocation holds: 31 of 264 bytes
// with the allocator's header fill an 8 KB size class.
const sessionSlab = 31

// maxSnaps bounds the distinct snapshots a world shares; past it they are
// forgotten all at once.
const maxSnaps = 4096

// appendSessionKey appends an encoding of every field of s that tells two
// snapshots apart: lengths before strings and lists, nil lists apart from
// empty ones.
func appendSessionKey(b []byte, s *trace.Session) []byte {
	str := func(v string) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	num := func(v int) { b = binary.AppendVarint(b, int64(v)) }
	strs := func(vs []string) {
		if vs == nil {
			b = append(b, 0)
			return
		}
		b = binary.AppendUvarint(b, uint64(len(vs))+1)
		for _, v := range vs {
			str(v)
		}
	}
	nums := func(vs []int) {
		if vs == nil {
			b = append(b, 0)
			return
		}
		b = binary.AppendUvarint(b, uint64(len(vs))+1)
		for _, v := range vs {
			num(v)
		}
	}
	flags := byte(0)
	for i, f := range [...]bool{s.TLS, s.InMail, s.LoggedIn} {
		if f {
			flags |= 1 << i
		}
	}
	b = append(b, flags)
	str(s.State)
	str(s.Helo)
	str(s.AuthUser)
	str(s.From)
	strs(s.Rcpts)
	strs(s.Rejected)
	num(s.Accepted)
	str(s.User)
	num(s.Messages)
	num(s.Octets)
	nums(s.Retrieved)
	nums(s.Marked)
	num(s.Deleted)
	str(s.Mailbox)
	nums(s.Seen)
	return b
}

// pop3Server runs a POP3 server core on one connection.
type pop3Server struct {
	w      *World
	host   *Host
	core   *pop3.Server
	in     lineReader
	tls    *tlsSide
	tin    lineReader
	done   bool
	info   pop3.Info
	sess   *snapEntry
	Record bool // as smtpServer.Record
}

func (w *World) openPOP3(c *Conn, h *Host, svc *POP3Service) *pop3Server {
	s := w.newPOP3Server()
	s.host = h
	s.core.Reset(w.pop3Config(h, svc, c.id))
	if ImplicitTLS(c.server.Port) {
		s.tls, _ = w.startTLS(c, ServerSide, "") // RFC 8314 3.3
		return s
	}
	s.respond(c, s.core.Greeting())
	c.Flush(ServerSide)
	return s
}

func (s *pop3Server) Receive(c *Conn, p Data) {
	if s.tls != nil {
		s.tls.Record = s.Record
		for _, ev := range s.tls.receive(p) {
			switch ev.kind {
			case evHandshake:
				if ev.err != nil {
					s.done = true
					s.w.serverTLSFailed(s.host, c, s.tls, ev.err, s.core.Hangup)
					return
				}
				s.core.TLSStarted()
				if ImplicitTLS(c.server.Port) {
					s.respond(c, s.core.Greeting())
				}
			case evPlain:
				d := Data{Raw: string(ev.data)}
				for line, ok := s.tin.next(&d); ok; line, ok = s.tin.next(&d) {
					s.handle(c, line)
				}
			}
		}
		s.flush(c)
		return
	}
	for line, ok := s.in.next(&p); ok; line, ok = s.in.next(&p) {
		if s.handle(c, line) {
			break // RFC 2595 4: nothing sent in the clear after STLS counts
		}
	}
	s.flush(c)
}

// handle hands one line to the core; it reports whether TLS starts now.
func (s *pop3Server) handle(c *Conn, line string) (startTLS bool) {
	if s.done {
		return false
	}
	if s.Record {
		tag := trace.Tag{Kind: trace.Command, Verb: pop3.VerbOf(line), Last: true}
		if s.tls != nil {
			c.Inner(ClientSide, line, tag, nil)
		} else {
			c.record(ClientSide, line, tag)
		}
	}
	was := s.core.User()
	r := s.core.Handle(line)
	s.respond(c, r.Response)
	if was == "" && s.core.User() != "" {
		client, _ := c.Endpoints()
		s.w.popLoggedIn(s.host, s.core.User(), client.IP)
	}
	if len(r.Delete) > 0 {
		s.w.expunge(s.host, s.core.User(), r.Delete)
	}
	if r.Close {
		s.done = true
		s.flush(c)
		c.closeAfter(ServerSide)
	}
	if r.StartTLS {
		c.Flush(ServerSide)
		s.tls, _ = s.w.startTLS(c, ServerSide, "")
		return true
	}
	return false
}

func (s *pop3Server) flush(c *Conn) {
	if s.tls != nil {
		s.tls.flush()
		return
	}
	c.Flush(ServerSide)
}

// Closed: the client hung up; a session that did not QUIT deletes
// nothing and gives the maildrop back (RFC 1939 6).
func (s *pop3Server) Closed(c *Conn) {
	if s.tls != nil {
		s.tls.stop()
	}
	if !s.done {
		s.done = true
		s.core.Hangup()
	}
}

// over: the session ended, without TLS.
func (s *pop3Server) over() bool { return s.done && s.tls == nil }

// closedOwn: the server's own FIN has left.
func (s *pop3Server) closedOwn() {
	if s.tls != nil {
		s.tls.stop()
	}
}

// respond writes every wire line of r, the session's state on the last.
func (s *pop3Server) respond(c *Conn, r pop3.Response) {
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
		if i == n-1 && s.w.tracesLine(c.Proto(), tag) {
			sess = s.snapshot()
		}
		var line string
		if i == 0 && r.Text != "" {
			// The status line, built without a concatenation that most
			// of the time makes a line sent before.
			w := s.w
			w.wire = append(append(append(w.wire[:0], r.Status()...), ' '), r.Text...)
			line = w.intern(w.wire)
		} else {
			line = r.Line(i)
		}
		if s.tls != nil {
			s.tls.line(line, tag, sess)
		} else {
			c.Line(ServerSide, line, tag, sess)
		}
	}
}

func (s *pop3Server) snapshot() *trace.Session {
	if s.sess != nil && s.core.Unchanged(&s.info) {
		return &s.sess.s
	}
	in := s.core.Info()
	s.info = in
	s.sess = s.w.snapshot(trace.Session{State: in.State.String(), TLS: in.TLS, User: in.User, LoggedIn: in.LoggedIn,
		Messages: in.Messages, Octets: in.Octets, Retrieved: in.Retrieved, Marked: in.Marked, Deleted: in.Deleted}, s.sess)
	return &s.sess.s
}

// pop3Config returns the POP3 core's configuration for a service of h.
// The core copies it, so one is made per service and kept while h's users
// stay the same; only an APOP timestamp differs from one session to the
// next.
func (w *World) pop3Config(h *Host, s *POP3Service, conn int) *pop3.Config {
	cfg := w.pop3Cfgs[s]
	if cfg == nil || cfg.Hostname != h.Name || cfg.STLS != s.STLS || !sameUsers(cfg.Users, h.Users) {
		cfg = newPOP3Config(h, s)
		if w.pop3Cfgs == nil {
			w.pop3Cfgs = make(map[*POP3Service]*pop3.Config)
		}
		w.pop3Cfgs[s] = cfg
	}
	if s.APOP {
		// RFC 1939 7: the timestamp must be unique per greeting; derive it
		// from the virtual clock so it is reproducible.
		c := *cfg
		c.Timestamp = "<" + itoa(int(w.now.Milliseconds())) + "." + itoa(conn) + "@" + h.Name + ">"
		return &c
	}
	return cfg
}

// sameUsers reports whether a configuration's users are still users'.
func sameUsers(cfg map[string]string, users []*User) bool {
	if len(cfg) != len(users) {
		return false
	}
	for _, u := range users {
		if p, ok := cfg[u.Name]; !ok || p != u.Password {
			return false
		}
	}
	return true
}

func newPOP3Config(h *Host, s *POP3Service) *pop3.Config {
	cfg := &pop3.Config{Hostname: h.Name, Users: make(map[string]string, len(h.Users)), STLS: s.STLS}
	for _, u := range h.Users {
		cfg.Users[u.Name] = u.Password
	}
	cfg.Open = func(user string) []pop3.Message {
		u := h.user(user)
		if u == nil {
			return nil
		}
		msgs := u.Mailbox.Messages()
		out := make([]pop3.Message, len(msgs))
		for i, m := range msgs {
			out[i] = pop3.Message{UID: m.UniqueID(), Head: m.Head, Data: m.Body}
		}
		return out
	}
	cfg.Lock = func(user string) bool {
		u := h.user(user)
		return u == nil || u.Mailbox.Lock()
	}
	cfg.Unlock = func(user string) {
		if u := h.user(user); u != nil {
			u.Mailbox.Unlock()
		}
	}
	return cfg
}

// expunge removes the messages a POP3 session deleted when it reached
// UPDATE.
func (w *World) expunge(h *Host, user string, uniqueIDs []string) {
	u := h.user(user)
	if u == nil {
		return
	}
	var uids []uint32
	for _, m := range u.Mailbox.Messages() {
		for _, id := range uniqueIDs {
			if m.UniqueID() == id {
				uids = append(uids, m.UID)
			}
		}
	}
	u.Mailbox.Remove(uids...)
}

// imapServer runs an IMAP server core on one connection. The core works
// on the users' mailboxes in the store directly, so what it flags and
// expunges every other session, IMAP or POP3, sees at once.
type imapServer struct {
	w      *World
	host   *Host
	core   *imap.Server
	in     lineReader
	tls    *tlsSide   // implicit TLS (993): the core's lines go through it
	tin    lineReader // the decrypted stream
	tlsUp  bool       // the handshake completed
	done   bool
	gen    uint64
	sess   *trace.Session
	Record bool // as smtpServer.Record
}

func (w *World) openIMAP(c *Conn, h *Host, svc *IMAPService) *imapServer {
	s := &imapServer{w: w, host: h, core: imap.NewServer(imapConfig(h, svc))}
	if ImplicitTLS(c.server.Port) {
		// RFC 8314 3.2: on 993 the handshake comes first; the greeting
		// comes inside TLS.
		s.tls, _ = w.startTLS(c, ServerSide, "")
		return s
	}
	s.respond(c, s.core.Greeting(), true)
	c.Flush(ServerSide)
	return s
}

func (s *imapServer) Receive(c *Conn, p Data) {
	if s.tls != nil {
		s.tls.Record = s.Record
		for _, ev := range s.tls.receive(p) {
			switch ev.kind {
			case evHandshake:
				if ev.err != nil {
					s.done = true
					s.w.serverTLSFailed(s.host, c, s.tls, ev.err, s.core.Hangup)
					return
				}
				s.tlsUp = true
				s.sess = nil // the snapshot now says TLS
				s.respond(c, s.core.Greeting(), true)
			case evPlain:
				d := Data{Raw: string(ev.data)}
				for line, ok := s.tin.next(&d); ok; line, ok = s.tin.next(&d) {
					s.handle(c, line)
				}
			}
		}
		s.tls.flush()
		return
	}
	for line, ok := s.in.next(&p); ok; line, ok = s.in.next(&p) {
		s.handle(c, line)
	}
	c.Flush(ServerSide)
}

// handle hands one line to the core and writes its responses.
func (s *imapServer) handle(c *Conn, line string) {
	if s.done {
		return
	}
	if s.Record {
		if s.tls != nil {
			c.Inner(ClientSide, line, imapClientTag(line), nil)
		} else {
			c.Line(ClientSide, line, imapClientTag(line), nil)
		}
	}
	r := s.core.Handle(line)
	for i, resp := range r.Responses {
		s.respond(c, resp, i == len(r.Responses)-1)
	}
	if r.Close {
		s.done = true
		if s.tls != nil {
			s.tls.flush()
		} else {
			c.Flush(ServerSide)
		}
		c.closeAfter(ServerSide)
	}
}

// Closed: the client hung up without LOGOUT; nothing is expunged.
func (s *imapServer) Closed(c *Conn) {
	if s.tls != nil {
		s.tls.stop()
	}
	if !s.done {
		s.done = true
		s.core.Hangup()
	}
}

// closedOwn: the server's own FIN has left.
func (s *imapServer) closedOwn() {
	if s.tls != nil {
		s.tls.stop()
	}
}

// imapClientTag says what a client line is: a command, named with its
// IMAP command (UID FETCH as one).
func imapClientTag(line string) trace.Tag {
	return trace.Tag{Kind: trace.Command, Verb: imap.VerbOf(line), Last: true}
}

// respond writes every wire line of r: the first says what the response
// is, the others are the octets of a literal and what follows it. The
// session's state goes on the last line of the last response to a line.
func (s *imapServer) respond(c *Conn, r imap.Response, final bool) {
	n := r.NumLines()
	for i := 0; i < n; i++ {
		tag := trace.Tag{Kind: trace.Body, Last: i == n-1}
		if i == 0 {
			tag = imapResponseTag(r)
			tag.Last = n == 1
		}
		var sess *trace.Session
		if final && i == n-1 && s.w.tracesLine(c.Proto(), tag) {
			sess = s.snapshot()
		}
		if s.tls != nil {
			s.tls.line(r.Line(i), tag, sess)
		} else {
			c.Line(ServerSide, r.Line(i), tag, sess)
		}
	}
}

// imapResponseTag types the first line of a response.
func imapResponseTag(r imap.Response) trace.Tag {
	switch {
	case r.Continuation():
		return trace.Tag{Kind: trace.ContinueReq}
	case r.Untagged():
		t := trace.Tag{Kind: trace.Untagged, Cond: trace.ParseCond(r.Cond())}
		if t.Cond == trace.NoCond {
			t.Verb = r.Name()
		}
		return t
	}
	return trace.Tag{Kind: trace.Tagged, Cond: trace.ParseCond(r.Cond())}
}

func (s *imapServer) snapshot() *trace.Session {
	if s.sess != nil && s.core.Gen() == s.gen {
		return s.sess
	}
	in := s.core.Info()
	s.gen = s.core.Gen()
	s.sess = &s.w.snapshot(trace.Session{State: in.State.String(), TLS: s.tlsUp, User: in.User, LoggedIn: in.User != "",
		Mailbox: in.Mailbox, Messages: in.Exists, Seen: in.Seen, Marked: in.Deleted, Deleted: in.Expunged}, nil).s
	return s.sess
}

// imapConfig returns the IMAP core's configuration for a service of h.
func imapConfig(h *Host, s *IMAPService) *imap.Config {
	cfg := &imap.Config{Hostname: h.Name, Users: make(map[string]string, len(h.Users)), Rev2: s.Rev2}
	for _, u := range h.Users {
		cfg.Users[u.Name] = u.Password
	}
	cfg.Open = func(user string) imap.Mailbox {
		if u := h.user(user); u != nil {
			return u.Mailbox
		}
		return nil
	}
	return cfg
}
