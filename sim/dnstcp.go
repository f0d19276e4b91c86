package sim

import (
	"encoding/binary"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// DNS over TCP (RFC 1035 4.2.2, RFC 7766): what a resolver does when a UDP
// answer comes back truncated (TC set), because it did not fit in 512
// octets or the client's EDNS size. Each message is preceded by its length
// in two octets.

// frame puts the two-octet length in front of a DNS message.
func frame(msg []byte) []byte {
	b := make([]byte, 2, 2+len(msg))
	binary.BigEndian.PutUint16(b, uint16(len(msg)))
	return append(b, msg...)
}

// unframe takes one complete message off the front of buf.
func unframe(buf []byte) (msg, rest []byte, ok bool) {
	if len(buf) < 2 {
		return nil, buf, false
	}
	n := int(binary.BigEndian.Uint16(buf))
	if len(buf) < 2+n {
		return nil, buf, false
	}
	return buf[2 : 2+n], buf[2+n:], true
}

// dnsServer answers DNS queries over a TCP connection from the world's zone.
type dnsServer struct {
	w   *World
	buf []byte
}

func (s *dnsServer) Receive(c *Conn, d Data) {
	s.buf = append(s.buf, d.Raw...)
	for {
		msg, rest, ok := unframe(s.buf)
		if !ok {
			break
		}
		s.buf = rest
		resp := s.w.zone.HandleTCP(msg)
		ans, err := dns.ParseAnswer(resp)
		if err != nil {
			c.Close(ServerSide)
			return
		}
		lines, tags := answerLines(ans)
		c.Message(ServerSide, frame(resp), lines, tags)
	}
	c.Flush(ServerSide)
}

func (s *dnsServer) Closed(c *Conn) {}

// answerLines are the trace lines of an answer: its records, or its status.
func answerLines(ans dns.Answer) ([]string, []trace.Tag) {
	q := ans.Type.String() + " " + ans.Name
	lines := ans.Lines()
	tags := make([]trace.Tag, len(lines))
	for i := range lines {
		tags[i] = trace.Tag{Kind: trace.Answer, Query: q, Last: i == len(lines)-1}
	}
	if len(tags) > 0 {
		tags[0].RCode = ans.RCode
		tags[0].Empty = ans.RCode == dns.RCodeNoError && !ans.Truncated && len(ans.MX)+len(ans.A)+len(ans.TXT) == 0
	}
	return lines, tags
}

// dnsTCPClient asks one question over TCP and hangs up after the answer.
type dnsTCPClient struct {
	w     *World
	host  *Host
	name  string
	typ   dns.Type
	query []byte
	buf   []byte
	done  func(dns.Answer, bool)
}

// resolveTCP asks the question again over TCP, after a truncated UDP answer.
func (w *World) resolveTCP(src *Host, name string, t dns.Type, query []byte, done func(dns.Answer, bool)) {
	w.note(src, i18n.M(msgDNSTruncated, name))
	w.Dial(src, w.dnsHost, 53, &dnsTCPClient{w: w, host: src, name: name, typ: t, query: query, done: done})
}

func (cl *dnsTCPClient) Connected(c *Conn) {
	q := cl.typ.String() + " " + cl.name
	c.Message(ClientSide, frame(cl.query), []string{dns.QuestionLine(cl.name, cl.typ)},
		[]trace.Tag{{Kind: trace.Query, Verb: "QUERY", Query: q, Last: true}})
	c.Flush(ClientSide)
}

func (cl *dnsTCPClient) Failed(Outcome, *Network) { cl.finish(dns.Answer{}, false) }

func (cl *dnsTCPClient) Receive(c *Conn, d Data) {
	cl.buf = append(cl.buf, d.Raw...)
	msg, _, ok := unframe(cl.buf)
	if !ok {
		return
	}
	ans, err := dns.ParseAnswer(msg)
	c.Close(ClientSide)
	if err != nil {
		cl.w.note(cl.host, i18n.M(msgDNSUnreadable, err.Error()))
		cl.finish(dns.Answer{}, false)
		return
	}
	cl.finish(ans, true)
}

func (cl *dnsTCPClient) Closed(*Conn) { cl.finish(dns.Answer{}, false) }

func (cl *dnsTCPClient) finish(ans dns.Answer, ok bool) {
	if cl.done != nil {
		done := cl.done
		cl.done = nil
		done(ans, ok)
	}
}
