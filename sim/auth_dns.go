package sim

import (
	"context"
	"net"
	"net/netip"
	"strings"

	"github.com/mailsim/mailsim/sim/dns"
)

// The DNS the checks of auth.go see: a cache of the world's answers that
// answers the libraries' synchronous look-ups and records what it does
// not hold yet.

// maxAuthRounds bounds the look-up rounds of one check. SPF makes at most
// 10 look-ups that count and 2 void ones (RFC 7208 4.6.4), each round
// finds at least one new name, so an honest check never comes near it.
const maxAuthRounds = 24

// dnsKey names one cached look-up.
type dnsKey struct {
	name string
	t    dns.Type
}

// dnsCache holds the answers one session's checks have seen and the
// names a run missed.
type dnsCache struct {
	answers map[dnsKey]*cachedAnswer
	misses  []dnsKey
}

type cachedAnswer struct {
	ans dns.Answer
	ok  bool // false: no answer (no DNS server, timeout, unreadable)
}

func newDNSCache() *dnsCache { return &dnsCache{answers: map[dnsKey]*cachedAnswer{}} }

// errNotYet is what a run gets for a name not looked up yet.
var errNotYet = &net.DNSError{Err: "not looked up yet", IsTemporary: true}

// get returns the answer for name and type t, or records a miss.
func (c *dnsCache) get(name string, t dns.Type) (dns.Answer, error) {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	k := dnsKey{name, t}
	a, ok := c.answers[k]
	if !ok {
		for _, m := range c.misses {
			if m == k {
				return dns.Answer{}, errNotYet
			}
		}
		c.misses = append(c.misses, k)
		return dns.Answer{}, errNotYet
	}
	switch {
	case !a.ok:
		return dns.Answer{}, &net.DNSError{Err: "no answer from the DNS server", Name: name, IsTimeout: true, IsTemporary: true}
	case a.ans.RCode == dns.RCodeNXDomain:
		return a.ans, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	case a.ans.RCode != dns.RCodeNoError:
		return a.ans, &net.DNSError{Err: "server failure", Name: name, IsTemporary: true}
	}
	return a.ans, nil
}

// LookupTXT answers from the cache as net.LookupTXT would: one string per
// record, its <character-string>s joined (RFC 7208 3.3, RFC 6376 3.6.2.2).
func (c *dnsCache) LookupTXT(_ context.Context, name string) ([]string, error) {
	a, err := c.get(name, dns.TypeTXT)
	if err != nil {
		return nil, err
	}
	if len(a.TXT) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	return a.TXT, nil
}

// txt is LookupTXT in the shape go-msgauth asks for.
func (c *dnsCache) txt(name string) ([]string, error) { return c.LookupTXT(context.Background(), name) }

// LookupMX answers an SPF "mx" mechanism from the cache.
func (c *dnsCache) LookupMX(_ context.Context, name string) ([]*net.MX, error) {
	a, err := c.get(name, dns.TypeMX)
	if err != nil {
		return nil, err
	}
	if len(a.MX) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	out := make([]*net.MX, len(a.MX))
	for i, mx := range a.MX {
		out[i] = &net.MX{Host: mx.Host + ".", Pref: mx.Pref}
	}
	return out, nil
}

// LookupIPAddr answers an SPF "a" mechanism (and the addresses of "mx"
// hosts) from the cache. The world is IPv4: A records only.
func (c *dnsCache) LookupIPAddr(_ context.Context, name string) ([]net.IPAddr, error) {
	a, err := c.get(name, dns.TypeA)
	if err != nil {
		return nil, err
	}
	if len(a.A) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	out := make([]net.IPAddr, len(a.A))
	for i, ip := range a.A {
		out[i] = net.IPAddr{IP: net.IP(ip.AsSlice())}
	}
	return out, nil
}

// LookupAddr answers an SPF "ptr" mechanism from the cache.
func (c *dnsCache) LookupAddr(_ context.Context, addr string) ([]string, error) {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return nil, err
	}
	a, err := c.get(dns.ReverseName(ip), dns.TypePTR)
	if err != nil {
		return nil, err
	}
	if len(a.PTR) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: addr, IsNotFound: true}
	}
	out := make([]string, len(a.PTR))
	for i, p := range a.PTR {
		out[i] = p + "."
	}
	return out, nil
}
