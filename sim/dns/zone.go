package dns

import (
	"slices"
	"strings"

	"golang.org/x/net/dns/dnsmessage"
)

// Zone is the data of the virtual internet's DNS: names and their records.
// The server is authoritative for every name, so a name that is not in the
// zone does not exist (NXDOMAIN).
//
// A Zone is not safe for concurrent use while it is being changed; Handle
// only reads it, so any number of Handle calls may run at once between Adds.
type Zone struct {
	nodes map[string]*node // keyed by normalized name
	gen   uint64           // counts Add calls: answers kept from before differ
}

// node is what a zone knows about one name, in public form and ready to pack.
type node struct {
	added bool // given to Add; false for an empty non-terminal
	rec   Records

	// Wire forms, prepared once per Add so that answering allocates little.
	mx     []dnsmessage.MXResource
	mxErr  error // an exchange name that cannot be packed: answer SERVFAIL
	a      []dnsmessage.AResource
	aaaa   []dnsmessage.AAAAResource
	txt    []dnsmessage.TXTResource
	ptr    []dnsmessage.PTRResource
	ptrErr error // a PTR name that cannot be packed: answer SERVFAIL
}

// NewZone returns an empty zone. The zero Zone is empty and ready too.
func NewZone() *Zone {
	return &Zone{nodes: make(map[string]*node)}
}

// Add gives name the records r, merged with any it already has. The name
// compares ASCII case-insensitively and its trailing dot is optional; MX
// hosts are stored the same way (lower case, no trailing dot, "." becomes ""
// for the null MX). Duplicates are dropped, since a record set is a set
// (RFC 2181 5); otherwise records keep the order they were added in. An IPv4
// address written as IPv4-mapped IPv6 is stored as IPv4; an invalid
// netip.Addr is ignored.
//
// Add accepts any name; use CheckName first where a bad name should be an
// error. A record whose data cannot be put on the wire makes the server
// answer SERVFAIL for it, as a server with a broken zone would.
//
// Adding a name with empty Records makes it exist with no records, so
// queries for it get NOERROR with an empty answer instead of NXDOMAIN.
func (z *Zone) Add(name string, r Records) {
	if z.nodes == nil {
		z.nodes = make(map[string]*node)
	}
	z.gen++
	key := normalize(name)
	n := z.nodes[key]
	if n == nil {
		n = &node{}
		z.nodes[key] = n
	}
	n.added = true
	for _, m := range r.MX {
		m.Host = normalize(m.Host)
		if !slices.Contains(n.rec.MX, m) {
			n.rec.MX = append(n.rec.MX, m)
		}
	}
	for _, a := range r.A {
		if !a.IsValid() {
			continue
		}
		a = a.Unmap().WithZone("")
		if !slices.Contains(n.rec.A, a) {
			n.rec.A = append(n.rec.A, a)
		}
	}
	for _, t := range r.TXT {
		if !slices.Contains(n.rec.TXT, t) {
			n.rec.TXT = append(n.rec.TXT, t)
		}
	}
	for _, p := range r.PTR {
		p = normalize(p)
		if !slices.Contains(n.rec.PTR, p) {
			n.rec.PTR = append(n.rec.PTR, p)
		}
	}
	n.prepare()

	// RFC 8020, RFC 1034 4.3.2: every ancestor of a name exists, even
	// with no records of its own (an empty non-terminal).
	for k := key; k != ""; {
		i := strings.IndexByte(k, '.')
		if i < 0 {
			k = ""
		} else {
			k = k[i+1:]
		}
		if z.nodes[k] == nil {
			z.nodes[k] = &node{}
		}
	}
}

// Gen changes whenever the zone does: a client that keeps answers (the
// world keeps each question's response bytes, since a zone is static
// between scenario steps) compares it to know they still hold.
func (z *Zone) Gen() uint64 { return z.gen }

// prepare rebuilds the wire forms from n.rec.
func (n *node) prepare() {
	n.mx, n.mxErr = n.mx[:0], nil
	for _, m := range n.rec.MX {
		host, err := wireName(m.Host)
		if err != nil {
			n.mxErr = err
		}
		n.mx = append(n.mx, dnsmessage.MXResource{Pref: m.Pref, MX: host})
	}
	n.a, n.aaaa = n.a[:0], n.aaaa[:0]
	for _, a := range n.rec.A {
		if a.Is4() {
			n.a = append(n.a, dnsmessage.AResource{A: a.As4()})
		} else {
			n.aaaa = append(n.aaaa, dnsmessage.AAAAResource{AAAA: a.As16()})
		}
	}
	n.txt = n.txt[:0]
	for _, t := range n.rec.TXT {
		n.txt = append(n.txt, dnsmessage.TXTResource{TXT: splitText(t)})
	}
	n.ptr, n.ptrErr = n.ptr[:0], nil
	for _, p := range n.rec.PTR {
		name, err := wireName(p)
		if err != nil {
			n.ptrErr = err
		}
		n.ptr = append(n.ptr, dnsmessage.PTRResource{PTR: name})
	}
}

// splitText cuts a TXT string into <character-string>s of at most 255
// octets (RFC 1035 3.3.14; RFC 7208 3.3 says a reader joins them without
// spaces). An empty string is one empty <character-string>, since TXT
// RDATA holds at least one.
func splitText(s string) []string {
	parts := make([]string, 0, len(s)/maxString+1)
	for {
		n := min(len(s), maxString)
		parts = append(parts, s[:n])
		s = s[n:]
		if s == "" {
			return parts
		}
	}
}

// Names returns the names given to Add, normalized and sorted bytewise.
func (z *Zone) Names() []string {
	names := make([]string, 0, len(z.nodes))
	for k, n := range z.nodes {
		if n.added {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	return names
}

// Lookup returns a copy of the records given to Add for name, and whether
// name was given to Add at all.
func (z *Zone) Lookup(name string) (Records, bool) {
	n := z.nodes[normalize(name)]
	if n == nil || !n.added {
		return Records{}, false
	}
	return Records{
		MX:  slices.Clone(n.rec.MX),
		A:   slices.Clone(n.rec.A),
		TXT: slices.Clone(n.rec.TXT),
		PTR: slices.Clone(n.rec.PTR),
	}, true
}
