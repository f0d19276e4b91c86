package sim

import (
	"encoding/binary"
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// resolve asks the world's DNS server for name's records of type t, as host
// src would: a real RFC 1035 query over UDP/53, answered from the zone one
// latency later, the question and each record shown as a line in the
// trace, the messages' bytes kept with them. done gets the answer when it
// is back at src, with ok false when the world has no DNS server, the
// server is down (after the resolver's timeout), or the answer did not
// parse. The answer's slices are shared with other look-ups of the same
// question: done reads them and never changes them.
func (w *World) resolve(src *Host, name string, t dns.Type, done func(ans dns.Answer, ok bool)) {
	if w.dnsHost == nil {
		w.note(src, i18n.M(msgNoDNSServer, name))
		done(dns.Answer{}, false)
		return
	}
	w.dnsID++
	x := w.exchange(name, t)
	if x.qerr != nil {
		w.note(src, i18n.M(msgLookupError, name, x.qerr.Error()))
		done(dns.Answer{}, false)
		return
	}
	l := w.newLookup()
	l.src, l.name, l.t, l.done = src, name, t, done
	l.x, l.gen = x, w.zone.Gen()
	l.id, l.dnsID = w.newConn(), w.dnsID
	l.client, l.server = src.endpoint(src.ephemeral()), w.dnsHost.endpoint(53)
	// The query's bytes with their ID are made only for the trace (summary
	// mode shows no DNS line) or for a retry over TCP (arrive).
	if tag := (trace.Tag{Kind: trace.Query, Verb: "QUERY", Query: x.q, Last: true}); w.tracesLine(trace.DNS, tag) {
		l.query = w.withID(x.query, l.dnsID)
		e := w.dnsEvent(l.id, trace.ClientToServer, l.client, l.server)
		e.Line = x.qline
		e.Tag = tag
		e.Payload = l.query
		w.emit(e)
	}
	if w.dnsHost.Down {
		w.after(dnsTimeout, func() {
			w.note(src, i18n.M(msgDNSDown, w.dnsHost.Name, itoa(int(dnsTimeout.Seconds()))))
			w.finishLookup(l, dns.Answer{}, false)
		})
		return
	}
	w.after(w.opts.Latency, l.arriveFn)
}

// lookup is one UDP question in flight. Look-ups are many and short, and
// the world runs in one goroutine, so they are kept on a free list with
// their two scheduler callbacks made once.
type lookup struct {
	w                *World
	src              *Host
	name             string
	t                dns.Type
	id               int    // the exchange's number in the trace
	dnsID            uint16 // the message ID
	client, server   trace.Endpoint
	query            []byte // with its ID, once made
	ans              dns.Answer
	ok               bool
	done             func(dns.Answer, bool)
	arriveFn, doneFn func()
	x                *exchange // the question and answer when it was asked
	gen              uint64    // the zone's generation then
}

func (w *World) newLookup() *lookup {
	if l, ok := pop(&w.free.lookups); ok {
		return l
	}
	l := &lookup{w: w}
	l.arriveFn, l.doneFn = l.arrive, l.finish
	return l
}

// arrive: the query reaches the server, which answers from the zone.
func (l *lookup) arrive() {
	w := l.w
	x := l.x // what the zone answers, unless it changed in flight
	if l.gen != w.zone.Gen() {
		x = w.exchange(l.name, l.t)
	}
	if x.perr != nil {
		w.note(l.src, i18n.M(msgDNSUnreadable, x.perr.Error()))
		l.ans, l.ok = dns.Answer{}, false
		w.after(w.opts.Latency, l.doneFn)
		return
	}
	// In summary mode (summary.go) the sink sees no DNS line: the
	// response's bytes with their ID are not even made.
	if w.tracesLine(trace.DNS, trace.Tag{Kind: trace.Answer, Query: x.q, Last: true}) {
		resp := w.withID(x.resp, l.dnsID)
		for i, line := range x.lines {
			e := w.dnsEvent(l.id, trace.ServerToClient, l.server, l.client)
			e.Line = line
			e.Tag = trace.Tag{Kind: trace.Answer, Query: x.q, Last: i == len(x.lines)-1}
			if i == 0 {
				e.Tag.RCode = x.ans.RCode
				e.Tag.Empty = x.empty
				e.Payload = resp
			}
			w.emit(e)
		}
	}
	if x.ans.Truncated {
		if l.query == nil {
			l.query = w.withID(x.query, l.dnsID)
		}
		src, name, t, query, done := l.src, l.name, l.t, l.query, l.done
		w.after(w.opts.Latency, func() { w.resolveTCP(src, name, t, query, done) })
		w.freeLookup(l)
		return
	}
	l.ans, l.ok = x.ans, true
	l.ans.ID = l.dnsID
	w.after(w.opts.Latency, l.doneFn)
}

// finish: the answer is back at the client.
func (l *lookup) finish() { l.w.finishLookup(l, l.ans, l.ok) }

// finishLookup frees l, then hands the answer over: done may ask again.
func (w *World) finishLookup(l *lookup, ans dns.Answer, ok bool) {
	done := l.done
	w.freeLookup(l)
	done(ans, ok)
}

func (w *World) freeLookup(l *lookup) {
	*l = lookup{w: w, arriveFn: l.arriveFn, doneFn: l.doneFn}
	push(&w.free.lookups, l)
}

// withID returns a copy of a DNS message with its ID set: each query and
// response goes into the trace with its own bytes. The copies are cut from
// a shared slab: they are small, many, and never change once emitted.
func (w *World) withID(msg []byte, id uint16) []byte {
	if len(msg) < 2 {
		return msg
	}
	var b []byte
	if n := len(msg); n > payloadSlab/4 {
		b = make([]byte, n)
	} else {
		if cap(w.payloads)-len(w.payloads) < n {
			w.payloads = make([]byte, 0, payloadSlab)
		}
		b = w.payloads[len(w.payloads) : len(w.payloads)+n : len(w.payloads)+n]
		w.payloads = w.payloads[:len(w.payloads)+n]
	}
	copy(b, msg)
	binary.BigEndian.PutUint16(b, id)
	return b
}

// payloadSlab is the size of the slabs DNS message copies are cut from.
const payloadSlab = 4096

// exchange is what a question and its answer from the zone look like,
// apart from the message ID: the same for every look-up of the question
// while the zone is unchanged, so each is made once.
type exchange struct {
	query    []byte // ID 0
	qerr     error  // the name cannot be put in a query
	qline, q string // the question's trace line and Tag.Query
	resp     []byte // the zone's response, ID 0
	ans      dns.Answer
	perr     error // the response did not parse
	lines    []string
	empty    bool // NOERROR without a record of the type asked for
}

type exchangeKey struct {
	name string
	t    dns.Type
}

// maxExchanges bounds the questions a world remembers: past it they are
// forgotten all at once (a botnet asks for many PTRs once each).
const maxExchanges = 4096

// exchange returns the question and answer for name and t, made from the
// zone as it is now.
func (w *World) exchange(name string, t dns.Type) *exchange {
	if g := w.zone.Gen(); g != w.exGen || w.exchanges == nil || len(w.exchanges) >= maxExchanges {
		w.exchanges = make(map[exchangeKey]*exchange)
		w.exGen = g
	}
	k := exchangeKey{name, t}
	if x := w.exchanges[k]; x != nil {
		return x
	}
	x := &exchange{}
	x.query, x.qerr = dns.NewQuery(0, name, t)
	if x.qerr == nil {
		x.qline = dns.QuestionLine(name, t)
		x.q = t.String() + " " + name
		x.resp = w.zone.Handle(x.query)
		x.ans, x.perr = dns.ParseAnswer(x.resp)
		if x.perr == nil {
			x.lines = x.ans.Lines()
			x.empty = x.ans.RCode == dns.RCodeNoError && !x.ans.Truncated && len(x.ans.MX)+len(x.ans.A)+len(x.ans.TXT)+len(x.ans.PTR) == 0
		}
	}
	w.exchanges[k] = x
	return x
}

// dnsEvent returns the scratch event for a DNS message of exchange id.
func (w *World) dnsEvent(id int, dir trace.Dir, src, dst trace.Endpoint) *trace.Event {
	e := w.event(trace.Line)
	e.Conn = id
	e.Proto = trace.DNS
	e.Dir = dir
	e.Src, e.Dst = src, dst
	return e
}

// dnsTimeout is how long a resolver waits for a UDP answer before it
// gives up (the stub resolver default of 5 s, resolv.conf(5)).
const dnsTimeout = 5 * time.Second

// note emits a remark made by host h.
func (w *World) note(h *Host, m i18n.Msg) {
	e := w.event(trace.Note)
	e.Src = h.endpoint(0)
	e.Text = m
	w.emit(e)
}
