package player

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// Hop is one leg of a message's route: a connection between two hosts, or
// a DNS question and its answer. A room follows a scenario hop by hop, so
// the player names both ends whenever the hop changes.
type Hop struct {
	Beat           int // its first beat
	Step           int // its step, from 0
	Proto          trace.Proto
	Client, Server trace.Endpoint
}

// same reports whether two hops are between the same ends in the same
// protocol: consecutive DNS questions of one resolver read as one hop.
func (h *Hop) same(o *Hop) bool {
	return h.Proto == o.Proto && h.Client.Host == o.Client.Host && h.Server.Host == o.Server.Host &&
		(h.Proto == trace.DNS || h.Server.Port == o.Server.Port)
}

// buildHops finds the hops: each exchange that has two ends. It runs once,
// in NewModel.
func (m *Model) buildHops() {
	m.hopOf = make([]int32, m.Len())
	m.hopAt = map[int]int{}
	for b := range m.hopOf {
		m.hopOf[b] = -1
		if m.exch[b] != b {
			if b > 0 {
				m.hopOf[b] = m.hopOf[b-1]
			}
			continue
		}
		e := &m.events[m.starts[b]]
		c, s, ok := ends(e)
		if !ok {
			continue
		}
		h := Hop{Beat: b, Step: e.Step, Proto: e.Proto, Client: c, Server: s}
		// The TCP events carry the service's protocol; look at the first
		// line for connections to a port nothing announced.
		for i := m.starts[b]; (h.Proto == trace.NoProto || h.Proto == trace.TCP) && i < len(m.events) && i < m.starts[b]+8; i++ {
			if p := m.events[i].Proto; p != trace.NoProto && p != trace.TCP {
				h.Proto = p
			}
		}
		m.hops = append(m.hops, h)
		m.hopOf[b] = int32(len(m.hops) - 1)
		if n := len(m.hops); n == 1 || !m.hops[n-2].same(&h) || m.hops[n-2].Step != h.Step {
			m.hopAt[m.starts[b]] = n - 1
		}
	}
}

// Hop returns the hop of the current beat; false outside one.
func (m *Model) Hop() (Hop, bool) {
	if m.pos == 0 {
		return Hop{}, false
	}
	if k := m.hopOf[m.pos-1]; k >= 0 {
		return m.hops[k], true
	}
	return Hop{}, false
}

// stepHops returns the hops of step (from 0), in order.
func (m *Model) stepHops(step int) []Hop {
	lo, _ := slices.BinarySearchFunc(m.hops, step, func(h Hop, s int) int { return h.Step - s })
	hi := lo
	for hi < len(m.hops) && m.hops[hi].Step == step {
		hi++
	}
	return m.hops[lo:hi]
}

// Role is what a host does in the world, as exam questions name it.
type Role uint8

// Roles, in the order a message meets them.
const (
	RoleMUA    Role = iota // a mail client: runs no service
	RoleMSA                // takes mail from clients: port 587 or 465, or AUTH required
	RoleMTA                // relays: SMTP on port 25
	RoleMX                 // named in an MX record
	RoleMDA                // final destination: delivers into mailboxes
	RolePOP                // serves mailboxes over POP3 or IMAP
	RoleDNS                // the DNS server
	RoleRouter             // a router between a network and the internet
	numRoles
)

var roleNames = [numRoles]i18n.Text{
	RoleMUA:    i18n.T("MUA", "MUA"),
	RoleMSA:    i18n.T("MSA", "MSA"),
	RoleMTA:    i18n.T("MTA", "MTA"),
	RoleMX:     i18n.T("MX", "MX"),
	RoleMDA:    i18n.T("MDA", "MDA"),
	RolePOP:    i18n.T("POP3/IMAP", "POP3/IMAP"),
	RoleDNS:    i18n.T("DNS", "DNS"),
	RoleRouter: i18n.T("router", "ルータ"),
}

// roleWhat says what each role is, for the cast on the title screen.
var roleWhat = [numRoles]i18n.Text{
	RoleMUA:    i18n.T("mail client", "メールソフト"),
	RoleMSA:    i18n.T("takes mail from clients", "送信メールサーバ"),
	RoleMTA:    i18n.T("relays mail", "メールを中継"),
	RoleMX:     i18n.T("named in an MX record", "MXレコードに記載"),
	RoleMDA:    i18n.T("delivers into mailboxes", "メールボックスに配送"),
	RolePOP:    i18n.T("mailboxes for clients", "受信メールサーバ"),
	RoleDNS:    i18n.T("DNS server", "DNSサーバ"),
	RoleRouter: i18n.T("router", "ルータ"),
}

// hostRoles returns the roles of a host, read from its services and the MX
// table.
func hostRoles(topo *trace.Topology, h *trace.Host) []Role {
	var rs []Role
	if len(h.Roles) == 0 {
		return []Role{RoleMUA}
	}
	if slices.ContainsFunc(smtpPorts(h), func(s trace.SMTPService) bool { return s.Port == 587 || s.Port == 465 || s.AuthRequired }) {
		rs = append(rs, RoleMSA)
	}
	if !isMX(topo, h.Name) && slices.ContainsFunc(smtpPorts(h), func(s trace.SMTPService) bool { return s.Port == 25 }) {
		rs = append(rs, RoleMTA)
	}
	if isMX(topo, h.Name) {
		rs = append(rs, RoleMX)
	}
	if len(h.Domains) > 0 {
		rs = append(rs, RoleMDA)
	}
	for _, r := range h.Roles {
		if strings.HasPrefix(r, "pop3:") || strings.HasPrefix(r, "imap:") {
			rs = append(rs, RolePOP)
			break
		}
	}
	for _, r := range h.Roles {
		if strings.HasPrefix(r, "dns:") {
			rs = append(rs, RoleDNS)
		}
	}
	return rs
}

// smtpPorts returns a host's SMTP services: their settings when the
// topology has them, else their ports from its roles ("smtp:587").
func smtpPorts(h *trace.Host) []trace.SMTPService {
	if len(h.SMTP) > 0 {
		return h.SMTP
	}
	var ss []trace.SMTPService
	for _, r := range h.Roles {
		if p, ok := strings.CutPrefix(r, "smtp:"); ok {
			if n, err := strconv.Atoi(p); err == nil && n > 0 && n < 65536 {
				ss = append(ss, trace.SMTPService{Port: uint16(n)})
			}
		}
	}
	return ss
}

func isMX(topo *trace.Topology, host string) bool {
	for _, mx := range topo.MX {
		if strings.EqualFold(mx.Host, host) {
			return true
		}
	}
	return false
}

// hopRole is the role a hop's server plays in it: MSA for a submission,
// MX for a relay to an MX host, DNS for a question.
func hopRole(topo *trace.Topology, h *Hop) (Role, bool) {
	switch h.Proto {
	case trace.DNS:
		return RoleDNS, true
	case trace.POP3, trace.IMAP:
		return RolePOP, true
	case trace.SMTP:
		switch {
		case h.Server.Port == 587 || h.Server.Port == 465:
			return RoleMSA, true
		case isMX(topo, h.Server.Host):
			return RoleMX, true
		}
		return RoleMTA, true
	}
	return 0, false
}

// clientRole is the role a hop's client plays: MUA for a host that runs
// nothing, MTA for a server passing mail on.
func clientRole(topo *trace.Topology, h *Hop) (Role, bool) {
	host, ok := topo.HostByName(h.Client.Host)
	if !ok {
		return 0, false
	}
	if len(host.Roles) == 0 {
		return RoleMUA, true
	}
	if h.Proto == trace.SMTP {
		return RoleMTA, true
	}
	return 0, false
}

// Words that name a hop: what kind of leg it is.
var (
	lHopSubmit = i18n.T("submission", "送信")
	lHopRelay  = i18n.T("relay", "中継")
	lHopPort25 = i18n.T("sending on port 25", "25番ポートで送信")
	lHopDNS    = i18n.T("DNS lookup", "DNS問い合わせ")
	lHopPOP    = i18n.T("POP3 retrieval", "POP3で受信")
	lHopIMAP   = i18n.T("IMAP access", "IMAPでアクセス")
	lHopTCP    = i18n.T("connection", "接続")
	lHopPort   = i18n.T(", port ", "、ポート")
)

// hopKind is the kind of leg a hop is, as a teacher says it.
func hopKind(topo *trace.Topology, h *Hop) i18n.Text {
	switch h.Proto {
	case trace.DNS:
		return lHopDNS
	case trace.POP3:
		return lHopPOP
	case trace.IMAP:
		return lHopIMAP
	case trace.SMTP:
		if h.Server.Port == 587 || h.Server.Port == 465 {
			return lHopSubmit
		}
		if r, ok := clientRole(topo, h); ok && r == RoleMUA {
			return lHopPort25 // a PC speaking SMTP on 25: old-style sending, or a bot going straight to an MX
		}
		return lHopRelay
	}
	return lHopTCP
}

// hopText is "relay: mail.isp.example → mx.example.jp, port 25".
func (r *renderer) hopText(h *Hop) string {
	s := r.t(hopKind(r.m.topo, h)) + ": " + clean(h.Client.Host) + " " + r.g.arrowR + " " + clean(h.Server.Host)
	if h.Server.Port != 0 {
		s += r.t(lHopPort) + strconv.Itoa(int(h.Server.Port))
	}
	return s
}

// shortName cuts a host name to at most w columns, dropping its last
// labels first ("mail.isp.example", "mail.isp", "mail").
func shortName(name string, w int) string {
	for textWidth(name) > w {
		i := strings.LastIndexByte(name, '.')
		if i <= 0 {
			break // the first label stays whole: "alice-pc", not "alice-"
		}
		name = name[:i]
	}
	return name
}

// pathNode is one host on the path row.
type pathNode struct {
	host   string
	role   Role
	roled  bool
	gate   bool   // a router lies between the previous node and this one
	router string // its name (the first, if two)
	filter bool   // and it filters
	gap    bool   // not reached from the node before: a new branch
	active bool   // an end of the current hop
}

// path lays out the route of a step: its hops chained where one ends
// where the next begins, the DNS server apart.
func (m *Model) path(step int, cur *Hop) (nodes []pathNode, dns string, dnsActive bool) {
	type pair struct{ c, s string }
	seen := map[pair]bool{}
	for _, h := range m.stepHops(step) {
		if h.Proto == trace.DNS {
			if dns == "" {
				dns = h.Server.Host
			}
			continue
		}
		// A session resumed after a DNS question is the same leg.
		if p := (pair{h.Client.Host, h.Server.Host}); seen[p] {
			continue
		} else {
			seen[p] = true
		}
		last := len(nodes) - 1
		if last < 0 || nodes[last].host != h.Client.Host {
			n := pathNode{host: h.Client.Host, gap: last >= 0}
			n.role, n.roled = clientRole(m.topo, &h)
			nodes = append(nodes, n)
		}
		n := pathNode{host: h.Server.Host}
		n.role, n.roled = hopRole(m.topo, &h)
		if gs := m.gates(h.Client.Host, h.Server.Host); len(gs) > 0 {
			n.gate, n.router = true, gs[0].Router
			for _, g := range gs {
				n.filter = n.filter || len(g.Filters) > 0
			}
		}
		if l := len(nodes) - 1; nodes[l].host == n.host {
			continue
		}
		nodes = append(nodes, n)
	}
	if cur == nil {
		return nodes, dns, false
	}
	if cur.Proto == trace.DNS {
		return nodes, dns, true
	}
	// The current hop's two ends: the client, and the server right after it.
	for i := 1; i < len(nodes); i++ {
		if nodes[i].host == cur.Server.Host && nodes[i-1].host == cur.Client.Host && !nodes[i].gap {
			nodes[i].active, nodes[i-1].active = true, true
			break
		}
	}
	return nodes, dns, false
}

// pathRow draws the route of the current step on row y, the current hop
// highlighted: "MUA alice-pc ─╪▶ MSA mail.isp.example ─▶ MX mx1.example.jp · DNS ns.example".
func (r *renderer) pathRow(y int) {
	step := r.m.Step() - 1
	if step < 0 {
		return
	}
	var cur *Hop
	if h, ok := r.m.Hop(); ok {
		cur = &h
	}
	nodes, dns, dnsActive := r.m.path(step, cur)
	if len(nodes) == 0 && dns == "" {
		return
	}
	// From the most to the least detailed, the first that fits.
	for _, d := range [...]struct {
		roles, routers bool
		name           int
	}{{true, true, 40}, {true, false, 40}, {true, false, 12}, {false, false, 12}, {true, false, 1}, {false, false, 1}} {
		segs := r.pathSegs(nodes, dns, dnsActive, d.roles, d.routers, d.name)
		total := 0
		for _, s := range segs {
			total += textWidth(s.s)
		}
		if total <= r.cw || d.name == 1 && !d.roles {
			r.segments(y, segs)
			return
		}
	}
}

func (r *renderer) pathSegs(nodes []pathNode, dns string, dnsActive, roles, routers bool, name int) []seg {
	var segs []seg
	for i, n := range nodes {
		if i > 0 {
			switch {
			case n.gap:
				segs = append(segs, seg{"  ", stPlain})
			case n.gate:
				glyph := r.g.gate
				if n.filter {
					glyph = r.g.filter
				}
				edge := " " + r.g.hline + glyph + r.g.right + " "
				if routers {
					edge = " " + r.g.hline + glyph + " " + clean(n.router) + " " + r.g.hline + r.g.right + " "
				}
				segs = append(segs, seg{edge, edgeStyle(n.active && nodes[i-1].active)})
			default:
				segs = append(segs, seg{" " + r.g.hline + r.g.right + " ", edgeStyle(n.active && nodes[i-1].active)})
			}
		}
		label := shortName(clean(n.host), name)
		if roles && n.roled {
			label = r.t(roleNames[n.role]) + " " + label
		}
		st := stDim
		if n.active {
			// Brackets as well as colour, so that NO_COLOR shows it too.
			label, st = "["+label+"]", stHighlight
		}
		segs = append(segs, seg{label, st})
	}
	if dns != "" {
		label := shortName(clean(dns), name)
		if roles || len(nodes) == 0 {
			label = "DNS " + label
		}
		st := stDim
		if dnsActive {
			label, st = "["+label+"]", stHighlight
		}
		if len(segs) > 0 {
			segs = append(segs, seg{"  " + r.g.dot + " ", stDim})
		}
		segs = append(segs, seg{label, st})
	}
	return segs
}

func edgeStyle(active bool) style {
	if active {
		return stMarker
	}
	return stDim
}
