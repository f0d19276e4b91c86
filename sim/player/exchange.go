package player

import (
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Exchange is who talks to whom in the current beat: the two ends of a
// connection (or of a DNS query), the protocol, and the routers between them.
type Exchange struct {
	Conn           int
	Proto          trace.Proto
	Client, Server trace.Endpoint
	Gates          []Gate
	// DropAhead names the router that is going to drop this connection's
	// SYN, so that the animation of the SYN stops at its barrier.
	DropAhead         string
	Refused, TimedOut bool
}

// Gate is a router on the path of an exchange.
type Gate struct {
	Router  string
	Network string      // the network behind the router
	Filters []i18n.Text // its egress rules, e.g. OP25B
	Server  bool        // on the server's side (ingress) rather than the client's (egress)
	Dropped bool        // it dropped this exchange's SYN (shown so far)
}

// Exchange describes the exchange of the current beat; false when the
// current beat is not part of one (the title, a step heading, narration).
func (m *Model) Exchange() (Exchange, bool) {
	if m.pos == 0 {
		return Exchange{}, false
	}
	var x Exchange
	found := false
	for i := m.exchangeStart(); i < m.visibleEnd(); i++ {
		e := &m.events[i]
		if !found {
			if c, s, ok := ends(e); ok {
				x.Client, x.Server, x.Conn, found = c, s, e.Conn, true
				x.Gates = m.gates(c.Host, s.Host)
			}
		}
		if !found {
			continue
		}
		if x.Proto == trace.NoProto || x.Proto == trace.TCP {
			x.Proto = e.Proto // the TCP events carry the service's protocol too
		}
		switch e.Kind {
		case trace.Drop:
			x.Gates = markDropped(x.Gates, e.Router, m.topo)
		case trace.Refused:
			x.Refused = true
		case trace.Timeout:
			x.TimedOut = true
		}
	}
	if !found {
		return Exchange{}, false
	}
	if x.Proto == trace.NoProto {
		x.Proto = trace.TCP
	}
	// Look ahead from a SYN to the fate of its connection.
	if cur := m.Current(); len(cur) > 0 && cur[0].Kind == trace.Connect && cur[0].Conn != 0 {
		for i := m.visibleEnd(); i < len(m.events) && m.events[i].Step == cur[0].Step; i++ {
			e := &m.events[i]
			if e.Conn != cur[0].Conn {
				continue
			}
			if e.Kind == trace.Drop {
				x.DropAhead = e.Router
				if !hasGate(x.Gates, e.Router) {
					x.Gates = append(x.Gates, gateOf(e.Router, m.topo))
				}
			}
			if e.Kind == trace.Drop || e.Kind == trace.Accept || e.Kind == trace.Refused {
				break
			}
		}
	}
	return x, true
}

// gates returns the routers between two hosts: the client's network router
// (egress) and the server's (ingress). Hosts on the same network talk
// without crossing a router.
func (m *Model) gates(client, server string) []Gate {
	ch, _ := m.topo.HostByName(client)
	sh, _ := m.topo.HostByName(server)
	if ch.Network == sh.Network {
		return nil
	}
	var gs []Gate
	for i, name := range [2]string{ch.Network, sh.Network} {
		if name == "" {
			continue
		}
		if n, ok := m.topo.NetworkByName(name); ok && n.Router != "" {
			gs = append(gs, Gate{Router: n.Router, Network: n.Name, Filters: n.Filters, Server: i == 1})
		}
	}
	return gs
}

func hasGate(gs []Gate, router string) bool {
	for _, g := range gs {
		if g.Router == router {
			return true
		}
	}
	return false
}

// gateOf makes a gate for a router the path did not predict (the engine
// knows best which router dropped a packet).
func gateOf(router string, topo *trace.Topology) Gate {
	g := Gate{Router: router}
	for _, n := range topo.Networks {
		if n.Router == router {
			g.Network, g.Filters = n.Name, n.Filters
			break
		}
	}
	return g
}

func markDropped(gs []Gate, router string, topo *trace.Topology) []Gate {
	if !hasGate(gs, router) {
		gs = append(gs, gateOf(router, topo))
	}
	for i := range gs {
		if gs[i].Router == router {
			gs[i].Dropped = true
		}
	}
	return gs
}
