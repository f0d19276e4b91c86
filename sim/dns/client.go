package dns

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"

	"golang.org/x/net/dns/dnsmessage"
)

// ErrNotResponse is returned by ParseAnswer for a message with QR=0.
var ErrNotResponse = errors.New("dns: message is a query, not a response")

// NewQuery builds the query a stub resolver sends for name's records of
// type t: one question, class IN, RD=1 (RFC 1035 4.1.1, 4.1.2). The name
// keeps its case as given (RFC 4343 4.1); its trailing dot is optional. An
// error wraps ErrInvalidName.
func NewQuery(id uint16, name string, t Type) ([]byte, error) {
	n, err := wireName(name)
	if err != nil {
		return nil, err
	}
	// Header, the name in wire form (one octet more than its text with
	// the dot), type and class.
	b := dnsmessage.NewBuilder(make([]byte, 0, 12+int(n.Length)+1+4), dnsmessage.Header{ID: id, RecursionDesired: true})
	if err := b.StartQuestions(); err != nil {
		return nil, err
	}
	if err := b.Question(dnsmessage.Question{Name: n, Type: dnsmessage.Type(t), Class: dnsmessage.ClassINET}); err != nil {
		return nil, fmt.Errorf("dns: building query for %q: %w", name, err)
	}
	return b.Finish()
}

// Answer is what a response says about its question.
type Answer struct {
	ID    uint16
	RCode string // RCodeNoError, RCodeNXDomain, RCodeFormErr, RCodeServFail, ...
	Name  string // the question's name, lower case, without trailing dot
	Type  Type   // the question's type; 0 if the response has no question
	MX    []MX
	A     []netip.Addr // from A and AAAA records
	TXT   []string     // one string per record, its <character-string>s joined
	PTR   []string     // host names, lower case, without trailing dot

	// Truncated is the TC bit: the answer did not fit in a UDP message and
	// the client should ask again over TCP (RFC 1035 4.2.1).
	Truncated bool
}

// ParseAnswer reads a response message. Only answer records of class IN
// whose owner is the question's name are taken, as a resolver does; other
// records and types are skipped. The response code includes the EDNS
// extended bits when an OPT record is present (RFC 6891 6.1.3). A message
// that does not parse, or is not a response, is an error.
func ParseAnswer(msg []byte) (Answer, error) {
	var p dnsmessage.Parser
	h, err := p.Start(msg)
	if err != nil {
		return Answer{}, fmt.Errorf("dns: parsing answer: %w", err)
	}
	if !h.Response {
		return Answer{}, ErrNotResponse
	}
	a := Answer{ID: h.ID, Truncated: h.Truncated}
	q, err := p.Question()
	hasQ := err == nil
	switch {
	case hasQ:
		a.Name, a.Type = keyString(&q.Name), Type(q.Type)
		// RFC 9619: QDCOUNT is 1 for a query; any further question in a
		// response is skipped, not trusted.
		err = p.SkipAllQuestions()
	case err == dnsmessage.ErrSectionDone:
		err = nil // FORMERR and NOTIMP responses may have no question
	}
	if err != nil {
		return Answer{}, fmt.Errorf("dns: parsing answer question: %w", err)
	}
	// ANCOUNT (octets 6-7; Start has checked there are 12) sizes the
	// record slices. It is untrusted, so it is capped.
	hint := min(int(msg[6])<<8|int(msg[7]), 16)
	if err := readAnswers(&p, &a, hasQ, &q.Name, hint); err != nil {
		return Answer{}, fmt.Errorf("dns: parsing answer records: %w", err)
	}
	if err := p.SkipAllAuthorities(); err != nil {
		return Answer{}, fmt.Errorf("dns: parsing authority records: %w", err)
	}
	rcode := h.RCode
	for {
		rh, err := p.AdditionalHeader()
		if err == dnsmessage.ErrSectionDone {
			break
		}
		if err == nil {
			if rh.Type == dnsmessage.TypeOPT {
				rcode = rh.ExtendedRCode(h.RCode)
			}
			err = p.SkipAdditional()
		}
		if err != nil {
			return Answer{}, fmt.Errorf("dns: parsing additional records: %w", err)
		}
	}
	a.RCode = rcodeName(int(rcode))
	return a, nil
}

// readAnswers collects the answer records about qname into a.
// hint is the capacity to give a record slice when it is first needed.
func readAnswers(p *dnsmessage.Parser, a *Answer, hasQ bool, qname *dnsmessage.Name, hint int) error {
	for {
		h, err := p.AnswerHeader()
		if err == dnsmessage.ErrSectionDone {
			return nil
		}
		if err != nil {
			return err
		}
		if !hasQ || h.Class != dnsmessage.ClassINET || !sameName(&h.Name, qname) {
			if err := p.SkipAnswer(); err != nil {
				return err
			}
			continue
		}
		switch h.Type {
		case dnsmessage.TypeMX:
			r, err := p.MXResource()
			if err != nil {
				return err
			}
			if a.MX == nil {
				a.MX = make([]MX, 0, hint)
			}
			a.MX = append(a.MX, MX{Pref: r.Pref, Host: keyString(&r.MX)})
		case dnsmessage.TypeA:
			r, err := p.AResource()
			if err != nil {
				return err
			}
			if a.A == nil {
				a.A = make([]netip.Addr, 0, hint)
			}
			a.A = append(a.A, netip.AddrFrom4(r.A))
		case dnsmessage.TypeAAAA:
			r, err := p.AAAAResource()
			if err != nil {
				return err
			}
			if a.A == nil {
				a.A = make([]netip.Addr, 0, hint)
			}
			a.A = append(a.A, netip.AddrFrom16(r.AAAA))
		case dnsmessage.TypeTXT:
			r, err := p.TXTResource()
			if err != nil {
				return err
			}
			// RFC 7208 3.3: the strings of one record are joined with
			// nothing between them.
			if a.TXT == nil {
				a.TXT = make([]string, 0, hint)
			}
			a.TXT = append(a.TXT, strings.Join(r.TXT, ""))
		case dnsmessage.TypePTR:
			r, err := p.PTRResource()
			if err != nil {
				return err
			}
			a.PTR = append(a.PTR, keyString(&r.PTR))
		default:
			if err := p.SkipAnswer(); err != nil {
				return err
			}
		}
	}
}
