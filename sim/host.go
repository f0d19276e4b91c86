package sim

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/mailstore"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Host is one machine in the virtual world: a PC, a mail server, the DNS
// server. Its services are data; the world drives them.
type Host struct {
	Name    string
	IP      netip.Addr
	Network *Network // nil for a host directly on the internet
	// Domains are the mail domains this host is final destination for.
	Domains []string
	// Users are the accounts of this host: each has a mailbox and a password
	// that opens it over POP3 and, where a service allows AUTH, SMTP.
	Users []*User
	SMTP  []*SMTPService
	POP3  []*POP3Service
	IMAP  []*IMAPService
	// Down makes the host drop every connection attempt (a crashed server).
	Down bool
	// PTR is the name the reverse DNS gives for the host's address. When
	// empty, a host with an SMTP service gets its own name, as mail server
	// operators set it up (receivers look it up), and other hosts, such as
	// home PCs, get no PTR record at all.
	PTR string
	// DKIM, when set, makes the host DKIM-sign the mail it relays for
	// its domain (RFC 6376); its public key goes into the world's DNS.
	DKIM *DKIMSigner

	nextPort uint16
	// helo is heloName's address literal for heloIP, made once: a bot
	// greets with it at every one of its attempts.
	helo   string
	heloIP netip.Addr
	// popLogins are the POP3 logins per client address, for POP before
	// SMTP.
	popLogins map[netip.Addr]popLogin
}

// User is an account on a host.
type User struct {
	Name     string
	Password string
	Mailbox  *mailstore.Mailbox // made when the host joins the world
}

// SMTPService is an SMTP server listening on a port of a host.
type SMTPService struct {
	Port   uint16
	Config smtp.Config // Hostname, Domains, Users and Mailbox are filled in by the world
	Auth   AuthMode
	// POPWindow is how long after a POP3 login from an address the
	// service relays for it (relay policy pop-before-smtp); 0 means
	// DefaultPOPWindow.
	POPWindow time.Duration
	// Checks are the sender domain authentication checks (SPF, DKIM,
	// DMARC) the service runs before it answers the final "."; see
	// auth.go.
	Checks AuthChecks
}

// DefaultPOPWindow is how long a POP3 login opens relaying under POP
// before SMTP unless a service says otherwise; implementations let it be
// set and used minutes, not hours.
const DefaultPOPWindow = 10 * time.Minute

// popLogin is the last successful POP3 login from one address.
type popLogin struct {
	user string
	at   time.Duration
}

// AuthMode says whether an SMTP service offers or requires SMTP AUTH.
type AuthMode uint8

// Auth modes.
const (
	AuthOff AuthMode = iota
	AuthOptional
	AuthRequired
)

// POP3Service is a POP3 server listening on a port of a host.
type POP3Service struct {
	Port uint16
	APOP bool // announce an APOP timestamp in the greeting
	STLS bool
}

// IMAPService is an IMAP server listening on a port of a host.
type IMAPService struct {
	Port uint16
	Rev2 bool // advertise IMAP4rev2 (RFC 9051) beside IMAP4rev1, with ENABLE
}

// Network is a named network behind a router, such as an ISP's dynamic
// customer range.
type Network struct {
	Name    string
	Prefix  netip.Prefix
	Dynamic bool
	Router  string // the router's name, shown where it drops a packet
	// OP25B, when set, drops TCP/25 leaving this network for anything but the
	// hosts named in it (the ISP's own MTA).
	OP25B *OP25B
	// IP25B, when set, drops TCP/25 coming into this network from another
	// ISP's dynamic network (the provider's mail servers sit behind it).
	IP25B *IP25B
}

// IP25B is Inbound Port 25 Blocking: a provider's router refuses port 25
// towards its mail servers from dynamic customer ranges of other ISPs,
// since mail from there should come through that ISP's own server. It
// stops the spam of bots in networks without OP25B. Like OP25B, it is
// operational practice, not an RFC.
type IP25B struct {
	// Customers are the provider's own dynamic networks, which may still
	// reach its servers on port 25 (its OP25B lets them out to them).
	Customers []string
}

// OP25B is Outbound Port 25 Blocking: a router rule of Japanese (and by now
// most) ISPs that stops their dynamic customers from speaking SMTP to other
// networks' mail servers directly.
type OP25B struct {
	Allow []string // host names that port 25 may still reach
}

// DefaultRouter is the name of the router of a network that does not name
// its own: "<network>-router".
func DefaultRouter(network string) string { return network + "-router" }

// AddNetwork adds a network. Its router is called <name>-router unless named.
func (w *World) AddNetwork(n *Network) error {
	if _, dup := w.netByNm[n.Name]; dup {
		return fmt.Errorf("network %q is defined twice", n.Name)
	}
	if n.Router == "" {
		n.Router = DefaultRouter(n.Name)
	}
	w.nets = append(w.nets, n)
	w.netByNm[n.Name] = n
	return nil
}

// Network returns the network called name, or nil.
func (w *World) Network(name string) *Network { return w.netByNm[name] }

// AddHost adds a host, checking that its name and address are unique and that
// the address lies in its network. Every host gets an A record.
func (w *World) AddHost(h *Host) error {
	if _, dup := w.byName[h.Name]; dup {
		return fmt.Errorf("host %q is defined twice", h.Name)
	}
	if other, dup := w.byIP[h.IP]; dup {
		return fmt.Errorf("host %q has address %s, which host %q already has", h.Name, h.IP, other.Name)
	}
	if h.Network != nil && h.Network.Prefix.IsValid() && !h.Network.Prefix.Contains(h.IP) {
		return fmt.Errorf("host %q has address %s, outside its network %s (%s)", h.Name, h.IP, h.Network.Name, h.Network.Prefix)
	}
	seen := map[uint16]string{}
	for _, s := range h.SMTP {
		if p, dup := seen[s.Port]; dup {
			return fmt.Errorf("host %q has two servers on port %d (%s and smtp)", h.Name, s.Port, p)
		}
		seen[s.Port] = "smtp"
	}
	for _, s := range h.POP3 {
		if p, dup := seen[s.Port]; dup {
			return fmt.Errorf("host %q has two servers on port %d (%s and pop3)", h.Name, s.Port, p)
		}
		seen[s.Port] = "pop3"
	}
	for _, s := range h.IMAP {
		if p, dup := seen[s.Port]; dup {
			return fmt.Errorf("host %q has two servers on port %d (%s and imap)", h.Name, s.Port, p)
		}
		seen[s.Port] = "imap"
	}
	h.nextPort = 49152 // IANA's dynamic port range (RFC 6335 6)
	for _, u := range h.Users {
		if u.Mailbox == nil {
			u.Mailbox = mailstore.New(1)
		}
	}
	w.hosts = append(w.hosts, h)
	w.byName[h.Name] = h
	w.byIP[h.IP] = h
	w.zone.Add(h.Name, dns.Records{A: []netip.Addr{h.IP}})
	ptr := h.PTR
	if ptr == "" && len(h.SMTP) > 0 {
		ptr = h.Name
	}
	if ptr != "" {
		w.zone.Add(dns.ReverseName(h.IP), dns.Records{PTR: []string{ptr}})
	}
	for _, s := range h.SMTP {
		w.wireSMTP(h, s)
	}
	if d := h.DKIM; d != nil {
		d.key = dkimKey(h.Name, d.Selector, d.Domain)
		if !d.Unpublished {
			w.zone.Add(d.KeyName(), dns.Records{TXT: []string{d.KeyRecord()}})
		}
	}
	return nil
}

// wireSMTP fills in the parts of an SMTP service's config that come from its
// host: name, domains, accounts and the mailbox check.
func (w *World) wireSMTP(h *Host, s *SMTPService) {
	c := &s.Config
	c.Hostname = h.Name
	if len(c.Domains) == 0 {
		c.Domains = h.Domains
	}
	c.Users = nil
	if s.Auth != AuthOff {
		c.Users = map[string]string{}
		for _, u := range h.Users {
			c.Users[u.Name] = u.Password
		}
	}
	c.AuthRequired = s.Auth == AuthRequired
	c.HoldData = s.Checks != 0
	if c.Relay == smtp.RelayMyNetworks && len(c.MyNetworks) == 0 && h.Network != nil {
		// Postfix's default (mynetworks_style = subnet): trust the network
		// the server sits in. Here, so that a reconfigured server gets it too.
		c.MyNetworks = []netip.Prefix{h.Network.Prefix}
	}
	c.Mailbox = func(addr string) bool { return h.user(localPart(addr)) != nil }
	c.NextID = w.queueID
	c.QueueFull = func() bool { return w.queueFull(h) }
	c.RecentPOP = nil
	if c.Relay == smtp.RelayPOPBeforeSMTP {
		c.RecentPOP = func(ip netip.Addr) bool { return w.recentPOP(h, s, ip) }
	}
}

func (s *SMTPService) popWindow() time.Duration {
	if s.POPWindow > 0 {
		return s.POPWindow
	}
	return DefaultPOPWindow
}

// recentPOP decides POP before SMTP for a client of h's service s at ip,
// and says in the trace why it relays or not.
func (w *World) recentPOP(h *Host, s *SMTPService, ip netip.Addr) bool {
	win := itoa(int(s.popWindow().Minutes()))
	l, ok := h.popLogins[ip]
	if !ok {
		w.note(h, i18n.M(msgPOPNone, ip.String()))
		return false
	}
	since := w.now - l.at
	ago := i18n.M(msgMinutesAgo, itoa(int(since.Minutes())))
	if since < time.Minute {
		ago = i18n.M(msgSecondsAgo, itoa(int(since.Seconds())))
	}
	if since > s.popWindow() {
		w.note(h, i18n.M(msgPOPExpired, ip.String(), l.user, win).With(ago))
		return false
	}
	w.note(h, i18n.M(msgPOPAllow, ip.String(), l.user, win).With(ago))
	return true
}

// popLoggedIn records a POP3 login on h from ip; a service of h that
// relays by POP before SMTP now relays for that address for a while.
func (w *World) popLoggedIn(h *Host, user string, ip netip.Addr) {
	for _, s := range h.SMTP {
		if s.Config.Relay != smtp.RelayPOPBeforeSMTP {
			continue
		}
		if h.popLogins == nil {
			h.popLogins = map[netip.Addr]popLogin{}
		}
		h.popLogins[ip.Unmap()] = popLogin{user: user, at: w.now}
		w.note(h, i18n.M(msgPOPGrant, user, ip.Unmap().String(), h.Name, itoa(int(s.popWindow().Minutes()))))
		return
	}
}

// Host returns the host called name, or nil.
func (w *World) Host(name string) *Host { return w.byName[name] }

// SetDNS makes h the world's DNS server and adds zone data to it.
func (w *World) SetDNS(h *Host) { w.dnsHost = h }

// Zone is the DNS data every host resolves against.
func (w *World) Zone() *dns.Zone { return w.zone }

func (h *Host) user(name string) *User {
	for _, u := range h.Users {
		if strings.EqualFold(u.Name, name) {
			return u
		}
	}
	return nil
}

// User returns the account called name, or nil.
func (h *Host) User(name string) *User { return h.user(name) }

// SMTPService returns the SMTP service on port, or nil.
func (h *Host) SMTPService(port uint16) *SMTPService { return h.smtpService(port) }

// Rewire applies a changed SMTP service policy (relay, AUTH) of host h.
func (w *World) Rewire(h *Host, s *SMTPService) { w.wireSMTP(h, s) }

func (h *Host) smtpService(port uint16) *SMTPService {
	for _, s := range h.SMTP {
		if s.Port == port {
			return s
		}
	}
	return nil
}

func (h *Host) pop3Service(port uint16) *POP3Service {
	for _, s := range h.POP3 {
		if s.Port == port {
			return s
		}
	}
	return nil
}

func (h *Host) imapService(port uint16) *IMAPService {
	for _, s := range h.IMAP {
		if s.Port == port {
			return s
		}
	}
	return nil
}

// isLocal reports whether this host is final destination for addr's domain.
func (h *Host) isLocal(addr string) bool {
	d := domainPart(addr)
	for _, x := range h.Domains {
		if strings.EqualFold(x, d) {
			return true
		}
	}
	for _, s := range h.SMTP {
		for _, x := range s.Config.Domains {
			if strings.EqualFold(x, d) {
				return true
			}
		}
	}
	return false
}

// ephemeral returns the next client port of the host.
func (h *Host) ephemeral() uint16 {
	p := h.nextPort
	h.nextPort++
	if h.nextPort == 0 {
		h.nextPort = 49152
	}
	return p
}

func (h *Host) endpoint(port uint16) trace.Endpoint {
	return trace.Endpoint{Host: h.Name, IP: h.IP, Port: port}
}

// filter decides whether a SYN from src to dst:port passes every router on
// the way: the source network's egress rule (OP25B), then the destination
// network's ingress rule (IP25B). It returns the blocking network and its
// rule, or nil.
func (w *World) filter(src, dst *Host, port uint16) (*Network, trace.Rule) {
	if port != 25 || src.Network != nil && src.Network == dst.Network {
		return nil, trace.NoRule // inside a network no router is on the path
	}
	if n := src.Network; n != nil && n.OP25B != nil && !slices.Contains(n.OP25B.Allow, dst.Name) {
		return n, trace.OP25B
	}
	if n := dst.Network; n != nil && n.IP25B != nil && src.Network != nil && src.Network.Dynamic &&
		!slices.Contains(n.IP25B.Customers, src.Network.Name) {
		return n, trace.IP25B
	}
	return nil, trace.NoRule
}

// Topology describes the world for views.
func (w *World) Topology() trace.Topology {
	var t trace.Topology
	for _, h := range w.hosts {
		th := trace.Host{Name: h.Name, IP: h.IP, Domains: h.Domains, Down: h.Down}
		if h.Network != nil {
			th.Network = h.Network.Name
		}
		for _, s := range h.SMTP {
			th.Roles = append(th.Roles, "smtp:"+strconv.Itoa(int(s.Port)))
			th.SMTP = append(th.SMTP, trace.SMTPService{
				Port: s.Port, Relay: s.Config.Relay.String(), RelayDomains: s.Config.RelayDomains,
				AuthOffered: s.Auth != AuthOff, AuthRequired: s.Auth == AuthRequired,
				StartTLS: s.Config.StartTLS, ImplicitTLS: ImplicitTLS(s.Port),
				Checks: s.Checks.names(),
			})
		}
		for _, s := range h.POP3 {
			th.Roles = append(th.Roles, "pop3:"+strconv.Itoa(int(s.Port)))
		}
		for _, s := range h.IMAP {
			th.Roles = append(th.Roles, "imap:"+strconv.Itoa(int(s.Port)))
		}
		if h == w.dnsHost {
			th.Roles = append(th.Roles, "dns:53")
		}
		if d := h.DKIM; d != nil {
			th.DKIM = &trace.DKIM{Domain: d.Domain, Selector: d.Selector, Unpublished: d.Unpublished}
		}
		t.Hosts = append(t.Hosts, th)
	}
	for _, n := range w.nets {
		tn := trace.Network{Name: n.Name, CIDR: n.Prefix, Dynamic: n.Dynamic, Router: n.Router}
		switch {
		case n.OP25B != nil && len(n.OP25B.Allow) == 0:
			tn.Filters = append(tn.Filters, msgOP25BNone.Text())
		case n.OP25B != nil:
			tn.Filters = append(tn.Filters, i18n.M(msgOP25BAllow, strings.Join(n.OP25B.Allow, ", ")).Both())
		}
		switch {
		case n.IP25B != nil && len(n.IP25B.Customers) == 0:
			tn.Filters = append(tn.Filters, msgIP25BNone.Text())
		case n.IP25B != nil:
			tn.Filters = append(tn.Filters, i18n.M(msgIP25BCustomers, strings.Join(n.IP25B.Customers, ", ")).Both())
		}
		t.Networks = append(t.Networks, tn)
	}
	for _, name := range w.zone.Names() {
		r, _ := w.zone.Lookup(name)
		for _, mx := range r.MX {
			t.MX = append(t.MX, trace.MX{Domain: name, Pref: mx.Pref, Host: mx.Host})
		}
		for _, txt := range r.TXT {
			t.TXT = append(t.TXT, trace.TXT{Name: name, Text: txt})
		}
	}
	return t
}

func localPart(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[:i]
	}
	return addr
}

func domainPart(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return strings.ToLower(addr[i+1:])
	}
	return ""
}
