package scenario

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
)

// validate checks what the YAML shape cannot: that names refer to things
// that exist, addresses are unique and fit their networks, and every step's
// server listens where the step connects.
func validate(d *decoder, sc *Scenario) {
	w := &sc.World
	hosts := map[string]*Host{}
	nets := map[string]*Network{}
	routers := map[string]bool{}
	for _, n := range w.Networks {
		nets[n.Name] = n
		routers[n.Name] = true
		if n.Router != "" {
			routers[n.Router] = true
		} else {
			routers[sim.DefaultRouter(n.Name)] = true // what the trace will call it
		}
	}
	ips := map[netip.Addr]*Host{}
	dnsHosts := 0
	for _, h := range w.Hosts {
		hosts[h.Name] = h
		if other, dup := ips[h.IP]; dup && h.IP.IsValid() {
			d.errorf(h.IPNode, "host %s: address %s is already used by host %s (line %d): give each host its own address", h.Name, h.IP, other.Name, other.Node.Line)
		}
		ips[h.IP] = h
		if h.Network.Name != "" {
			n := nets[h.Network.Name]
			switch {
			case n == nil:
				d.unknown(h.Network, "network", sortedKeys(nets))
			case n.CIDR.IsValid() && h.IP.IsValid() && !n.CIDR.Contains(h.IP):
				d.errorf(h.IPNode, "host %s: address %s is outside its network %s (%s)", h.Name, h.IP, n.Name, n.CIDR)
			}
		}
		ports := map[int]bool{}
		for _, s := range h.SMTP {
			if ports[s.Port] {
				d.errorf(s.Node, "host %s: two servers listen on port %d", h.Name, s.Port)
			}
			ports[s.Port] = true
			if s.POPWindowNode != nil && (s.Relay == nil || *s.Relay != smtp.RelayPOPBeforeSMTP) {
				d.errorf(s.POPWindowNode, "host %s: pop_window is only for a server with relay: pop-before-smtp", h.Name)
			}
			if s.Relay != nil && *s.Relay == smtp.RelayPOPBeforeSMTP && len(h.POP3) == 0 {
				d.errorf(s.Node, "host %s: relay: pop-before-smtp needs a POP3 server on the same host (pop3: [{port: 110}])", h.Name)
			}
		}
		for _, s := range h.POP3 {
			if ports[s.Port] {
				d.errorf(s.Node, "host %s: two servers listen on port %d", h.Name, s.Port)
			}
			ports[s.Port] = true
		}
		for _, s := range h.IMAP {
			if ports[s.Port] {
				d.errorf(s.Node, "host %s: two servers listen on port %d", h.Name, s.Port)
			}
			ports[s.Port] = true
		}
		if h.DNS {
			dnsHosts++
			if dnsHosts > 1 {
				d.errorf(h.Node, "host %s: only one host may be the DNS server (dns: true)", h.Name)
			}
		}
	}
	if dnsHosts == 0 {
		// The DNS server added for the scenario must not collide with it.
		for _, h := range w.Hosts {
			switch {
			case h.Name == DefaultDNSServer.Name:
				d.errorf(h.Node, "host %s: this name is taken by the DNS server mailsim adds when no host has dns: true; give this host dns: true, or another name", h.Name)
			case h.IP == DefaultDNSServer.IP:
				d.errorf(h.IPNode, "host %s: address %s is taken by the DNS server mailsim adds (%s) when no host has dns: true; use another address", h.Name, h.IP, DefaultDNSServer.Name)
			}
		}
	}
	names := sortedKeys(hosts)
	for _, n := range w.Networks {
		for _, r := range n.OP25B {
			if hosts[r.Name] == nil {
				d.unknown(r, "host", names)
			}
		}
	}
	netNames := make([]string, 0, len(w.Networks))
	for _, n := range w.Networks {
		netNames = append(netNames, n.Name)
	}
	for _, n := range w.Networks {
		for _, r := range n.IP25B {
			if !slices.Contains(netNames, r.Name) {
				d.unknown(r, "network", netNames)
			}
		}
	}
	for _, z := range w.DNS {
		for _, mx := range z.MX {
			if mx.Host.Name != "" && mx.Host.Name != "." && hosts[mx.Host.Name] == nil {
				d.unknown(mx.Host, "host", names)
			}
		}
	}
	bots := validateBots(d, w, nets, hosts)
	v := &stepChecker{d: d, hosts: hosts, names: names, routers: routers, bots: bots}
	attempts := 0
	for _, st := range sc.Steps {
		v.check(st)
		if st.Kind == "campaign" && attempts <= MaxAttempts {
			attempts += st.Campaign.Attempts() * st.Times()
			if attempts > MaxAttempts {
				d.errorf(st.Node, "campaign: this step brings the delivery attempts of all campaigns to %d, more than %d (the limit MaxAttempts): fewer bots, messages or repeats", attempts, MaxAttempts)
			}
		}
	}
}

// unknown reports a reference to something that is not defined. kind is
// "host" or "network".
func (d *decoder) unknown(r Ref, kind string, defined []string) {
	k := kinds[kind]
	switch s := suggest.Closest(r.Name, defined); {
	case s != "":
		d.errorf(r.Node, "%s %q is not defined (did you mean %q?)", k, r.Name, s)
	case len(defined) > 0:
		d.errorf(r.Node, "%s %q is not defined; defined: %s", k, r.Name, strings.Join(defined, ", "))
	default:
		d.errorf(r.Node, "%s %q is not defined", k, r.Name)
	}
}

var kinds = map[string]i18n.Text{"host": i18n.T("host", "ホスト"), "network": i18n.T("network", "ネットワーク"),
	"bot group": i18n.T("bot group", "ボットのグループ")}

type stepChecker struct {
	d       *decoder
	hosts   map[string]*Host
	names   []string
	routers map[string]bool
	bots    map[string]*Bots
}

func (v *stepChecker) host(r Ref) *Host {
	if r.Name == "" {
		return nil
	}
	h := v.hosts[r.Name]
	if h == nil {
		v.d.unknown(r, "host", v.names)
	}
	return h
}

// server checks that something of the right protocol listens on the
// target, unless the step expects the connection to fail.
func (v *stepChecker) server(t Target, proto string, st *Step) {
	h := v.host(t.Host)
	if h == nil {
		return
	}
	if st.Expect != nil && (st.Expect.Refused || st.Expect.BlockedBy != "") {
		return
	}
	var smtp, pop3, imap bool
	for _, s := range h.SMTP {
		smtp = smtp || s.Port == t.Port
	}
	for _, s := range h.POP3 {
		pop3 = pop3 || s.Port == t.Port
	}
	for _, s := range h.IMAP {
		imap = imap || s.Port == t.Port
	}
	// One message per pair, so that each has its Japanese.
	switch {
	case !smtp && !pop3 && !imap:
		v.d.errorf(t.Host.Node, "nothing listens on %s:%d: add a server on that port to host %s, or expect refused: true", h.Name, t.Port, h.Name)
	case proto == "smtp" && pop3:
		v.d.errorf(t.Host.Node, "%s:%d is a POP3 server, but this step speaks SMTP", h.Name, t.Port)
	case proto == "smtp" && !smtp:
		v.d.errorf(t.Host.Node, "%s:%d is an IMAP server, but this step speaks SMTP", h.Name, t.Port)
	case proto == "pop3" && smtp:
		v.d.errorf(t.Host.Node, "%s:%d is an SMTP server, but this step speaks POP3", h.Name, t.Port)
	case proto == "pop3" && !pop3:
		v.d.errorf(t.Host.Node, "%s:%d is an IMAP server, but this step speaks POP3", h.Name, t.Port)
	case proto == "imap" && smtp:
		v.d.errorf(t.Host.Node, "%s:%d is an SMTP server, but this step speaks IMAP", h.Name, t.Port)
	case proto == "imap" && !imap:
		v.d.errorf(t.Host.Node, "%s:%d is a POP3 server, but this step speaks IMAP", h.Name, t.Port)
	}
}

var expectKeys = map[string][]string{
	"send":      {"delivered_to", "rejected", "blocked_by", "refused", "replies", "bounced", "queued"},
	"fetch":     {"retrieved", "left", "replies", "blocked_by", "refused"},
	"imap":      {"retrieved", "seen", "left", "replies", "blocked_by", "refused"},
	"talk":      {"replies", "blocked_by", "refused", "delivered_to"},
	"wait":      {"delivered_to", "bounced", "queued"},
	"configure": nil,
	"campaign":  {"counts"},
}

func (v *stepChecker) check(st *Step) {
	switch st.Kind {
	case "send":
		s := st.Send
		v.host(s.Client)
		v.server(s.Server, "smtp", st)
		for _, a := range append([]string{s.From}, s.To...) {
			if a != "" && (!strings.Contains(a, "@") || strings.ContainsAny(a, " <>")) {
				v.d.errorf(st.Node, "send: %q is not a mail address (user@domain)", a)
			}
		}
		if s.HasAuth && (s.AuthUser == "" || s.AuthPass == "") {
			v.d.errorf(st.Node, "send auth: give both user and password")
		}
		v.tls(s.TLS, s.Server, "send")
	case "fetch":
		v.host(st.Fetch.Client)
		v.server(st.Fetch.Server, "pop3", st)
		v.tls(st.Fetch.TLS, st.Fetch.Server, "fetch")
	case "imap":
		v.host(st.IMAP.Client)
		v.server(st.IMAP.Server, "imap", st)
		v.tls(st.IMAP.TLS, st.IMAP.Server, "imap")
	case "talk":
		v.host(st.Talk.Client)
		v.server(st.Talk.Server, "any", st)
	case "campaign":
		v.checkCampaign(st)
	case "configure":
		c := st.Config
		if c.Server.Host.Name != "" {
			v.server(c.Server, "smtp", st)
		}
		v.host(c.Host)
		if st.Expect != nil {
			v.d.errorf(st.Expect.Node, "expect: a configure step has nothing to check")
		}
	}
	e := st.Expect
	if e == nil {
		return
	}
	if e.BlockedBy != "" && !v.routers[e.BlockedBy] {
		v.d.errorf(e.Node, "expect blocked_by: %q is neither a network nor a router of this world", e.BlockedBy)
	}
	allowed := expectKeys[st.Kind]
	for i := 0; i+1 < len(e.Node.Content); i += 2 {
		k := e.Node.Content[i]
		ok := false
		for _, a := range allowed {
			ok = ok || a == k.Value
		}
		if !ok && isExpectKey(k.Value) {
			v.d.errorf(k, "expect %s does not apply to a %s step; it can check: %s", k.Value, st.Kind, strings.Join(allowed, ", "))
		}
	}
}

func isExpectKey(k string) bool {
	for _, ks := range expectKeys {
		for _, x := range ks {
			if x == k {
				return true
			}
		}
	}
	return false
}

// tls checks a client's tls setting against the port: 465, 993 and 995 speak
// TLS from the first byte (RFC 8314), every other port starts in the
// clear.
func (v *stepChecker) tls(t TLS, server Target, what string) {
	if t.Mode == "" {
		return
	}
	implicit := sim.ImplicitTLS(uint16(server.Port))
	switch {
	case implicit && t.Mode != "implicit":
		v.d.errorf(t.Node, "%s tls: port %d speaks TLS from the first byte (RFC 8314); write tls: implicit or leave tls out", what, server.Port)
	case !implicit && t.Mode == "implicit" && what == "imap":
		// No IMAP STARTTLS to suggest instead: the secure port is 993.
		v.d.errorf(t.Node, "imap tls: port %d starts in plain text; IMAP's implicit TLS is on 993: use port 993, or leave tls out", server.Port)
	case !implicit && t.Mode == "implicit":
		v.d.errorf(t.Node, "%s tls: port %d starts in plain text; implicit TLS is on 465 (SMTP), 995 (POP3) and 993 (IMAP): use tls: starttls here", what, server.Port)
	}
}

// TLSMode is the client's TLS mode for a step: as written, or implicit on
// 465, 993 and 995 when the step does not say.
func TLSMode(t TLS, port int) sim.TLSMode {
	if m, ok := sim.ParseTLSMode(t.Mode); ok && t.Mode != "" {
		return m
	}
	if sim.ImplicitTLS(uint16(port)) {
		return sim.TLSImplicit
	}
	return sim.TLSNone
}
