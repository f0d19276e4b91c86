package scenario

import (
	"net/netip"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/dns"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// DefaultDNSServer is the DNS server a world gets when no host says dns: true.
var DefaultDNSServer = struct {
	Name string
	IP   netip.Addr
}{"ns.example", netip.MustParseAddr("192.0.2.53")}

// Build makes the scenario's world, with every event going to sink. A
// scenario that Parse accepted always builds; the error reports a bug.
func (sc *Scenario) Build(sink trace.Sink) (*sim.World, error) {
	w := sim.New(sim.Options{Seed: sc.Seed, Start: sc.Start, Sink: sink})
	for _, n := range sc.World.Networks {
		sn := &sim.Network{Name: n.Name, Prefix: n.CIDR, Dynamic: n.Dynamic, Router: n.Router}
		if n.HasOP25 {
			sn.OP25B = &sim.OP25B{}
			for _, r := range n.OP25B {
				sn.OP25B.Allow = append(sn.OP25B.Allow, r.Name)
			}
		}
		if n.HasIP25B {
			sn.IP25B = &sim.IP25B{}
			for _, r := range n.IP25B {
				sn.IP25B.Customers = append(sn.IP25B.Customers, r.Name)
			}
		}
		if err := w.AddNetwork(sn); err != nil {
			return nil, err
		}
	}
	var dnsHost *sim.Host
	for _, b := range sc.World.Bots {
		var n *sim.Network
		if b.Network.Name != "" {
			n = w.Network(b.Network.Name)
		}
		for i := 1; i <= b.Count; i++ {
			if err := w.AddHost(&sim.Host{Name: b.HostName(i), IP: b.Addr(i), Network: n}); err != nil {
				return nil, err
			}
		}
	}
	for _, h := range sc.World.Hosts {
		sh, err := buildHost(w, h)
		if err != nil {
			return nil, err
		}
		if err := w.AddHost(sh); err != nil {
			return nil, err
		}
		if h.DNS {
			dnsHost = sh
		}
	}
	if dnsHost == nil {
		dnsHost = &sim.Host{Name: DefaultDNSServer.Name, IP: DefaultDNSServer.IP}
		if err := w.AddHost(dnsHost); err != nil {
			return nil, err
		}
	}
	w.SetDNS(dnsHost)
	for _, z := range sc.World.DNS {
		var r dns.Records
		for _, mx := range z.MX {
			r.MX = append(r.MX, dns.MX{Pref: uint16(mx.Pref), Host: mx.Host.Name})
		}
		r.A = z.A
		r.TXT = z.TXT
		w.Zone().Add(z.Name, r)
	}
	return w, nil
}

func buildHost(w *sim.World, h *Host) (*sim.Host, error) {
	sh := &sim.Host{Name: h.Name, IP: h.IP, Domains: h.Domains, Down: h.Down, PTR: h.PTR}
	if h.DKIM != nil {
		sh.DKIM = &sim.DKIMSigner{Domain: h.DKIM.Domain, Selector: h.DKIM.Selector, Unpublished: h.DKIM.Unpublished}
	}
	if h.Network.Name != "" {
		sh.Network = w.Network(h.Network.Name)
	}
	for _, u := range h.Users {
		sh.Users = append(sh.Users, &sim.User{Name: u.Name, Password: u.Password})
	}
	for _, s := range h.SMTP {
		svc, err := buildSMTP(s, sh)
		if err != nil {
			return nil, err
		}
		sh.SMTP = append(sh.SMTP, svc)
	}
	for _, s := range h.POP3 {
		sh.POP3 = append(sh.POP3, &sim.POP3Service{Port: uint16(s.Port), APOP: s.APOP, STLS: s.STLS})
	}
	for _, s := range h.IMAP {
		sh.IMAP = append(sh.IMAP, &sim.IMAPService{Port: uint16(s.Port), Rev2: s.Rev2})
	}
	return sh, nil
}

// buildSMTP turns a service spec into a server config. What a spec leaves
// out follows the port's role: submission (587, 465) requires AUTH and
// relays for authenticated users (RFC 6409 4.3); relay (25) offers no AUTH
// and relays for nobody, the safe default since open relays were abused.
func buildSMTP(s SMTPService, h *sim.Host) (*sim.SMTPService, error) {
	submission := s.Port == 587 || s.Port == 465
	policy, auth := smtp.RelayNone, sim.AuthOff
	if submission {
		policy, auth = smtp.RelayAuthenticated, sim.AuthRequired
	}
	if s.Relay != nil {
		policy = *s.Relay
	}
	if s.Auth != nil {
		auth = *s.Auth
	}
	svc := &sim.SMTPService{Port: uint16(s.Port), POPWindow: s.POPWindow, Checks: s.Checks}
	svc.Auth = auth
	svc.Config = smtp.Config{
		Domains:       s.Domains,
		RelayDomains:  s.RelayDomains,
		Relay:         policy,
		MyNetworks:    s.MyNetworks,
		StartTLS:      s.StartTLS,
		MaxSize:       s.MaxSize,
		MaxHops:       s.MaxHops,
		MaxRecipients: s.MaxRecipients,
	}
	return svc, nil
}
