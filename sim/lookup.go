package sim

import (
	"strconv"
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// resolve asks the world's DNS server for name's records of type t, as host
// src would: a real RFC 1035 query over UDP/53, answered from the zone, each
// record shown as a line in the trace. ok is false when the world has no DNS
// server or the answer did not parse.
func (w *World) resolve(src *Host, name string, t dns.Type) (ans dns.Answer, ok bool) {
	if w.dnsHost == nil {
		w.note(src, i18n.T(
			"cannot look up "+name+": this world has no DNS server",
			name+"を検索できない: この世界にDNSサーバがない"))
		return dns.Answer{}, false
	}
	c := &conn{w: w, id: w.newConn(), proto: trace.DNS, client: src.endpoint(src.ephemeral()), server: w.dnsHost.endpoint(53)}
	w.dnsID++
	query, err := dns.NewQuery(w.dnsID, name, t)
	if err != nil {
		w.note(src, i18n.T("cannot look up "+name+": "+err.Error(), name+"を検索できない: "+err.Error()))
		return dns.Answer{}, false
	}
	q := t.String() + " " + name
	c.line(trace.ClientToServer, dns.QuestionLine(name, t), trace.Tag{Kind: trace.Query, Verb: "QUERY", Query: q, Last: true}, nil)
	if w.dnsHost.Down {
		w.advance(dnsTimeout)
		w.note(src, i18n.T(
			"no answer from "+w.dnsHost.Name+" after "+strconv.Itoa(int(dnsTimeout.Seconds()))+"s: the DNS server is down",
			w.dnsHost.Name+"から"+strconv.Itoa(int(dnsTimeout.Seconds()))+"秒応答がない: DNSサーバが停止している"))
		return dns.Answer{}, false
	}
	c.hop()
	resp := w.zone.Handle(query)
	ans, err = dns.ParseAnswer(resp)
	if err != nil {
		w.note(src, i18n.T("unreadable DNS answer: "+err.Error(), "DNS応答を解釈できない: "+err.Error()))
		return dns.Answer{}, false
	}
	lines := ans.Lines()
	for i, l := range lines {
		tag := trace.Tag{Kind: trace.Answer, Query: q, Last: i == len(lines)-1}
		if i == 0 {
			tag.RCode = ans.RCode
		}
		c.line(trace.ServerToClient, l, tag, nil)
	}
	c.hop()
	return ans, true
}

// dnsTimeout is how long a resolver waits for a UDP answer before it
// gives up (the stub resolver default of 5 s, resolv.conf(5)).
const dnsTimeout = 5 * time.Second

// note emits a bilingual remark made by host h.
func (w *World) note(h *Host, t i18n.Text) {
	e := w.event(trace.Note)
	e.Src = h.endpoint(0)
	e.Text = i18n.Literal(t)
	w.emit(e)
}
