package dns

import (
	"golang.org/x/net/dns/dnsmessage"
)

// Message size limits.
const (
	// RFC 1035 2.3.4, 4.2.1: a UDP message is at most 512 octets; a longer
	// answer is truncated and the TC bit set.
	maxUDP = 512
	// RFC 1035 4.2.2: over TCP the length prefix is two octets.
	maxTCP = 65535
	// The UDP payload size the server advertises in its OPT record: the
	// 2020 DNS flag day value, which avoids IP fragmentation.
	ednsSize = 1232
)

// Handle answers one RFC 1035 query received over UDP, as the zone's
// authoritative server, and returns the response message.
//
//   - fewer than 12 octets (no header, so no ID to answer to), or a message
//     that is itself a response (QR=1): nil, nothing is sent;
//   - an opcode other than QUERY: NOTIMP (RFC 1035 4.1.1);
//   - a header that parses but a message that does not, or a QDCOUNT other
//     than 1 (RFC 9619): FORMERR;
//   - a class other than IN: REFUSED;
//   - a name not in the zone: NXDOMAIN;
//   - a name in the zone without records of the type: NOERROR, empty answer;
//   - otherwise NOERROR with the records, TTL 3600.
//
// The response echoes the ID, opcode, RD bit and question; it sets AA and
// not RA, since the server does not recurse. If the query has an EDNS OPT
// record the response has one too (RFC 6891 7), and an EDNS version other
// than 0 gets BADVERS (RFC 6891 6.1.3). An answer that does not fit in 512
// octets, or in the requestor's EDNS payload size, is sent with TC=1 and no
// records (RFC 1035 4.2.1, RFC 2181 9), telling the client to ask over TCP.
func (z *Zone) Handle(query []byte) (resp []byte) {
	return z.handle(query, false)
}

// HandleTCP is Handle for a query received over TCP (RFC 1035 4.2.2): the
// same answers without the UDP size limit. query and the response are the
// message without the two-octet length prefix.
func (z *Zone) HandleTCP(query []byte) (resp []byte) {
	return z.handle(query, true)
}

// edns is what a query's OPT record asked for.
type edns struct {
	present bool
	size    int   // requestor's UDP payload size
	version uint8 // EDNS version
}

func (z *Zone) handle(query []byte, tcp bool) []byte {
	var p dnsmessage.Parser
	h, err := p.Start(query)
	if err != nil || h.Response {
		return nil
	}
	rh := dnsmessage.Header{
		ID:               h.ID,
		Response:         true,
		OpCode:           h.OpCode,
		RecursionDesired: h.RecursionDesired,
	}
	if h.OpCode != 0 {
		// RFC 1035 4.1.1: RCODE 4, the server does not support that kind
		// of query. Other opcodes lay out their sections differently, so
		// none is echoed.
		rh.RCode = dnsmessage.RCodeNotImplemented
		return build(rh, nil, nil, edns{})
	}
	q, opt, ok := readQuery(&p)
	if !ok {
		rh.RCode = dnsmessage.RCodeFormatError
		return build(rh, nil, nil, edns{})
	}
	limit := maxTCP
	if !tcp {
		limit = maxUDP
		if opt.present && opt.size > maxUDP {
			// RFC 6891 6.2.5: sizes below 512 are treated as 512.
			limit = opt.size
		}
	}
	if opt.present && opt.version != 0 {
		// RFC 6891 6.1.3: answer BADVERS (16), whose upper bits go in the
		// OPT record and lower bits (0) in the header.
		return build(rh, &q, nil, opt)
	}
	if q.Class != dnsmessage.ClassINET {
		rh.RCode = dnsmessage.RCodeRefused
		return build(rh, &q, nil, opt)
	}

	var buf [255]byte
	n := z.nodes[string(buf[:keyBytes(&buf, &q.Name)])]
	rh.Authoritative = true
	if n == nil {
		rh.RCode = dnsmessage.RCodeNameError
		return build(rh, &q, nil, opt)
	}
	if n.mxErr != nil && (q.Type == dnsmessage.TypeMX || q.Type == dnsmessage.TypeALL) ||
		n.ptrErr != nil && (q.Type == dnsmessage.TypePTR || q.Type == dnsmessage.TypeALL) {
		rh.RCode, rh.Authoritative = dnsmessage.RCodeServerFailure, false
		return build(rh, &q, nil, opt)
	}
	resp := build(rh, &q, n, opt)
	if resp == nil {
		// Packing failed: a zone record the wire cannot carry.
		rh.RCode, rh.Authoritative = dnsmessage.RCodeServerFailure, false
		return build(rh, &q, nil, opt)
	}
	if len(resp) > limit {
		rh.Truncated = true
		return build(rh, &q, nil, opt)
	}
	return resp
}

// readQuery reads the question and the OPT record of a query whose header
// has been read. ok is false when the message is malformed.
func readQuery(p *dnsmessage.Parser) (q dnsmessage.Question, opt edns, ok bool) {
	q, err := p.Question()
	if err != nil {
		return q, opt, false // includes QDCOUNT 0
	}
	if p.SkipQuestion() != dnsmessage.ErrSectionDone {
		return q, opt, false // a second question, or garbage
	}
	if p.SkipAllAnswers() != nil || p.SkipAllAuthorities() != nil {
		return q, opt, false
	}
	for {
		h, err := p.AdditionalHeader()
		if err == dnsmessage.ErrSectionDone {
			return q, opt, true
		}
		if err != nil {
			return q, opt, false
		}
		if h.Type == dnsmessage.TypeOPT {
			if opt.present {
				return q, opt, false // RFC 6891 6.1.1: more than one OPT is FORMERR
			}
			opt = edns{present: true, size: int(h.Class), version: uint8(h.TTL >> 16)}
		}
		if p.SkipAdditional() != nil {
			return q, opt, false
		}
	}
}

// build packs a response: header, the question if q is not nil, the
// records of n that answer q, and an OPT record if the query had one. It
// returns nil if packing fails.
func build(h dnsmessage.Header, q *dnsmessage.Question, n *node, opt edns) []byte {
	b := dnsmessage.NewBuilder(make([]byte, 0, maxUDP), h)
	// RFC 1035 4.1.4: compression is optional, but every real server uses
	// it, and the answer owner names all point back at the question.
	b.EnableCompression()
	if q != nil {
		if b.StartQuestions() != nil || b.Question(*q) != nil {
			return nil
		}
		if n != nil {
			if b.StartAnswers() != nil || answer(&b, q, n) != nil {
				return nil
			}
		}
	}
	if opt.present {
		var rh dnsmessage.ResourceHeader
		var rc dnsmessage.RCode
		if opt.version != 0 {
			rc = 16 // BADVERS
		}
		if b.StartAdditionals() != nil || rh.SetEDNS0(ednsSize, rc, false) != nil ||
			b.OPTResource(rh, dnsmessage.OPTResource{}) != nil {
			return nil
		}
	}
	msg, err := b.Finish()
	if err != nil {
		return nil
	}
	return msg
}

// answer adds the records of n that answer q: the type asked for, or all of
// them for ANY. The owner name is the question's, with its case as sent.
func answer(b *dnsmessage.Builder, q *dnsmessage.Question, n *node) error {
	h := dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: TTL}
	all := q.Type == dnsmessage.TypeALL
	if all || q.Type == dnsmessage.TypeMX {
		for _, r := range n.mx {
			if err := b.MXResource(h, r); err != nil {
				return err
			}
		}
	}
	if all || q.Type == dnsmessage.TypeA {
		for _, r := range n.a {
			if err := b.AResource(h, r); err != nil {
				return err
			}
		}
	}
	if all || q.Type == dnsmessage.TypeAAAA {
		for _, r := range n.aaaa {
			if err := b.AAAAResource(h, r); err != nil {
				return err
			}
		}
	}
	if all || q.Type == dnsmessage.TypeTXT {
		for _, r := range n.txt {
			if err := b.TXTResource(h, r); err != nil {
				return err
			}
		}
	}
	if all || q.Type == dnsmessage.TypePTR {
		for _, r := range n.ptr {
			if err := b.PTRResource(h, r); err != nil {
				return err
			}
		}
	}
	return nil
}
