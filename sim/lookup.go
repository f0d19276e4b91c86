package sim

import (
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
// parse.
func (w *World) resolve(src *Host, name string, t dns.Type, done func(ans dns.Answer, ok bool)) {
	if w.dnsHost == nil {
		w.note(src, i18n.M(msgNoDNSServer, name))
		done(dns.Answer{}, false)
		return
	}
	w.dnsID++
	query, err := dns.NewQuery(w.dnsID, name, t)
	if err != nil {
		w.note(src, i18n.M(msgLookupError, name, err.Error()))
		done(dns.Answer{}, false)
		return
	}
	id := w.newConn()
	client, server := src.endpoint(src.ephemeral()), w.dnsHost.endpoint(53)
	q := t.String() + " " + name
	e := w.dnsEvent(id, trace.ClientToServer, client, server)
	e.Line = dns.QuestionLine(name, t)
	e.Tag = trace.Tag{Kind: trace.Query, Verb: "QUERY", Query: q, Last: true}
	e.Payload = query
	w.emit(e)
	if w.dnsHost.Down {
		w.after(dnsTimeout, func() {
			w.note(src, i18n.M(msgDNSDown, w.dnsHost.Name, itoa(int(dnsTimeout.Seconds()))))
			done(dns.Answer{}, false)
		})
		return
	}
	w.after(w.opts.Latency, func() {
		resp := w.zone.Handle(query)
		ans, err := dns.ParseAnswer(resp)
		if err != nil {
			w.note(src, i18n.M(msgDNSUnreadable, err.Error()))
			w.after(w.opts.Latency, func() { done(dns.Answer{}, false) })
			return
		}
		lines := ans.Lines()
		for i, l := range lines {
			e := w.dnsEvent(id, trace.ServerToClient, server, client)
			e.Line = l
			e.Tag = trace.Tag{Kind: trace.Answer, Query: q, Last: i == len(lines)-1}
			if i == 0 {
				e.Tag.RCode = ans.RCode
				e.Tag.Empty = ans.RCode == dns.RCodeNoError && !ans.Truncated && len(ans.MX)+len(ans.A)+len(ans.TXT)+len(ans.PTR) == 0
				e.Payload = resp
			}
			w.emit(e)
		}
		if ans.Truncated {
			w.after(w.opts.Latency, func() { w.resolveTCP(src, name, t, query, done) })
			return
		}
		w.after(w.opts.Latency, func() { done(ans, true) })
	})
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
