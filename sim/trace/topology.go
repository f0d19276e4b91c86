package trace

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
)

// Topology describes the virtual world a trace was recorded in, so that views
// can draw hosts, networks and routers without reaching into the engine.
type Topology struct {
	ID       string    // scenario id
	Title    i18n.Text // scenario title
	Summary  i18n.Text // what the scenario shows, in a few sentences: its goal
	Exams    []string  // exams the scenario prepares for ("FE", "AP", "SC", ...)
	Hosts    []Host    // in the order the scenario declares them
	Networks []Network // likewise
	Steps    []i18n.Text
	// Recap is what the scenario showed, in three to five lines, and Facts
	// the exam facts it demonstrated: what views show after the last step.
	Recap []i18n.Text
	Facts []i18n.Text
	// MX is the world's MX table (RFC 5321 5.1), by domain and then
	// preference: what a title screen shows as the settings that matter.
	MX []MX
	// TXT are the world's TXT records, by name: what a title screen shows
	// of sender domain authentication (SPF at a domain, a DKIM key at
	// <selector>._domainkey.<domain>, DMARC at _dmarc.<domain>).
	TXT []TXT
	// Bots are the groups of hosts a scenario makes from a template
	// (world: bots:); Hosts holds only the few of them a view shows.
	Bots []BotGroup
}

// BotGroup is a group of bots: Count hosts named after Name ("bot-{n}",
// n from 1) on Network.
type BotGroup struct {
	Group   string
	Count   int
	Name    string
	Network string
}

// Member reports whether host is one of the group's bots.
func (b *BotGroup) Member(host string) bool {
	pre, suf, ok := strings.Cut(b.Name, "{n}")
	if !ok || !strings.HasPrefix(host, pre) || !strings.HasSuffix(host, suf) || len(host) <= len(pre)+len(suf) {
		return false
	}
	n, err := strconv.Atoi(host[len(pre) : len(host)-len(suf)])
	return err == nil && n >= 1 && n <= b.Count && strconv.Itoa(n) == host[len(pre):len(host)-len(suf)]
}

// HostName is the name of bot n (from 1).
func (b *BotGroup) HostName(n int) string { return strings.Replace(b.Name, "{n}", strconv.Itoa(n), 1) }

// TXT is one TXT record of the world's DNS, its character-strings joined.
type TXT struct {
	Name string
	Text string
}

// DKIM is a host's DKIM signing setup (RFC 6376): it signs the mail whose
// header From is at or under Domain, with the key published at
// <Selector>._domainkey.<Domain> unless Unpublished.
type DKIM struct {
	Domain      string
	Selector    string
	Unpublished bool
}

// MX is one MX record of the world's DNS.
type MX struct {
	Domain string
	Pref   uint16
	Host   string // "" for a null MX (RFC 7505)
}

// SMTPService is what a view says about one SMTP service of a host: the
// settings a lesson turns on (relay policy, AUTH, STARTTLS).
type SMTPService struct {
	Port         uint16
	Relay        string   // the relay policy's scenario spelling: "none", "mynetworks", "authenticated", "anyone", "pop-before-smtp"
	RelayDomains []string // domains relayed as a backup MX
	AuthOffered  bool     // AUTH is advertised (RFC 4954)
	AuthRequired bool     // MAIL before AUTH is refused (RFC 6409 4.3)
	StartTLS     bool     // STARTTLS is advertised (RFC 3207)
	ImplicitTLS  bool     // TLS from the first byte (RFC 8314 3.3)
	// Checks are the sender domain authentication checks run on what the
	// service receives, in order: "spf", "dkim", "dmarc".
	Checks []string
}

// Host is one machine of the world.
type Host struct {
	Name    string
	IP      netip.Addr
	Network string   // "" for a host directly on the internet
	Roles   []string // what it runs: "smtp:25", "smtp:587", "pop3:110", "dns:53"; empty for a plain client
	Domains []string // the mail domains it is final destination for
	SMTP    []SMTPService
	Down    bool  // down when the scenario starts
	DKIM    *DKIM // the host's DKIM signing, nil when it signs nothing
}

// Network is a named network behind a router.
type Network struct {
	Name    string
	CIDR    netip.Prefix
	Dynamic bool   // addresses handed out dynamically to customers (what OP25B targets)
	Router  string // the router between this network and the internet
	// Filters are the router's egress rules in words, for drawing: "OP25B: TCP/25 out only to mail.isp.example".
	Filters []i18n.Text
}

// HostByName returns the host called name.
func (t *Topology) HostByName(name string) (Host, bool) {
	for _, h := range t.Hosts {
		if h.Name == name {
			return h, true
		}
	}
	return Host{}, false
}

// NetworkByName returns the network called name.
func (t *Topology) NetworkByName(name string) (Network, bool) {
	for _, n := range t.Networks {
		if n.Name == name {
			return n, true
		}
	}
	return Network{}, false
}
