package player

import (
	"strconv"
	"strings"

	"github.com/mailsim/mailsim/sim/trace"
)

// strip draws the topology strip in rows y, y+1 and y+2: the two hosts of
// the current exchange with their addresses, the wire between them with the
// ports in use and any router on the path (a filtering router that dropped
// the SYN drawn as a barrier), the networks they sit on, and the envelope
// travelling along the wire. Outside an exchange it shows the whole world.
func (r *renderer) strip(y, rows int) {
	x, ok := r.m.Exchange()
	if !ok || r.cw < 24 {
		r.overview(y, rows)
		return
	}
	y += rows - 3
	x0, cw := r.mx, r.cw
	var boxL, boxR int // --big: the hosts drawn as boxes at both ends
	if r.v.Big {
		limit := (cw - 24) / 2
		boxL, boxR = r.boxWidth(x.Client, limit), r.boxWidth(x.Server, limit)
		if limit < 8 {
			boxL, boxR = 0, 0
		}
	}
	if boxL > 0 {
		r.hostBox(x0, y, boxL, x.Client, true)
		r.hostBox(x0+cw-boxR, y, boxR, x.Server, false)
		x0, cw = x0+boxL+1, cw-boxL-boxR-2
	}
	leftPort := ""
	if x.Client.Port != 0 {
		leftPort = ":" + strconv.Itoa(int(x.Client.Port))
	}
	rightPort := x.Proto.String()
	if x.Server.Port != 0 {
		rightPort = ":" + strconv.Itoa(int(x.Server.Port)) + " " + rightPort
	}
	xs := x0
	if leftPort != "" {
		xs += textWidth(leftPort) + 1
	}
	xe := x0 + cw - textWidth(rightPort) - 1
	if xe-xs < 12 {
		r.overview(y, 3)
		return
	}
	// Row 2: the wire.
	wy := y + 1
	r.c.put(x0, wy, leftPort, stBold)
	r.c.fill(xs, wy, xe-xs, r.g.hline, stDim)
	r.c.put(xe+1, wy, rightPort, stBold)
	gx := gatePositions(x.Gates, xs, xe)
	for i, g := range x.Gates {
		glyph, st := r.g.gate, stGate
		switch {
		case g.Dropped:
			glyph, st = r.g.barrier, stDrop
		case len(g.Filters) > 0:
			glyph = r.g.filter
		}
		r.c.put(gx[i], wy, glyph, st)
	}
	r.marker(&x, gx, xs, xe, wy)

	// Row 1: the hosts, and router names over their gates.
	half := (cw - 1) / 2
	ll, rl := "", ""
	if boxL == 0 {
		ll = r.fit(half, hostLabel(x.Client, true), x.Client.Host)
		rl = r.fit(half, hostLabel(x.Server, false), x.Server.Host)
		r.c.put(x0, y, ll, stBold)
		r.c.put(x0+cw-textWidth(rl), y, rl, stBold)
	}
	lo, hi := x0+textWidth(ll)+1, x0+cw-textWidth(rl)-1
	for i, g := range x.Gates {
		lo = r.centered(y, gx[i], clean(g.Router), lo, hi, stGate)
	}

	// Row 3: filter rules under their gates, networks under the hosts.
	lo = x0
	minStart, maxEnd := x0+cw, x0
	for i, g := range x.Gates {
		label, st := r.filterLabel(g), stFilter
		if g.Dropped {
			st = stDrop
		}
		w := textWidth(label)
		start := gx[i] - w/2
		if label == "" || start < lo || start+w > x0+cw {
			continue
		}
		r.c.put(start, y+2, label, st)
		lo = start + w + 1
		minStart, maxEnd = min(minStart, start), max(maxEnd, start+w)
	}
	if boxL > 0 {
		return // the boxes carry the networks
	}
	left := r.fit(min(half, minStart-x0-1), r.networkLabels(x.Client.Host)...)
	r.c.put(x0, y+2, left, stDim)
	right := r.fit(min(half, x0+cw-maxEnd-1), r.networkLabels(x.Server.Host)...)
	r.c.put(x0+cw-textWidth(right), y+2, right, stDim)
}

// boxWidth is the width of a host's box: its name, address and network
// fit inside, up to limit columns.
func (r *renderer) boxWidth(ep trace.Endpoint, limit int) int {
	w := textWidth(shortName(clean(ep.Host), limit-4))
	if ep.IP.IsValid() {
		w = max(w, len(ep.IP.String())+1)
	}
	nets := r.networkLabels(ep.Host)
	w = max(w, textWidth(nets[len(nets)-1])+1)
	return min(w, limit-4) + 4
}

// hostBox draws a host as a box of width w in rows y..y+2 for --big: its
// address in the top border, its name inside, its network in the bottom
// border.
func (r *renderer) hostBox(x, y, w int, ep trace.Endpoint, left bool) {
	inner := w - 2
	top, bottom := "", ""
	if ep.IP.IsValid() {
		top = ep.IP.String()
	}
	nets := r.networkLabels(ep.Host)
	bottom = nets[len(nets)-1]
	border := func(y int, l, rt, label string) {
		r.c.put(x, y, l, stBold)
		r.c.fill(x+1, y, inner, r.g.hline, stBold)
		r.c.put(x+w-1, y, rt, stBold)
		// A label that does not fit is left out, never cut: a cut
		// address would be another address.
		if label = clean(label); label != "" && textWidth(label)+3 <= inner {
			at := x + 1
			if !left {
				at = x + w - 2 - textWidth(label) - 2
			}
			r.c.put(at, y, " "+label+" ", stDim)
		}
	}
	border(y, r.g.tl, r.g.tr, top)
	r.c.put(x, y+1, r.g.vline, stBold)
	r.c.put(x+2, y+1, shortName(clean(ep.Host), inner-2), stBold)
	r.c.put(x+w-1, y+1, r.g.vline, stBold)
	border(y+2, r.g.bl, r.g.br, bottom)
}

// gatePositions spreads the routers along the wire: the client's at a
// third, the server's at two thirds.
func gatePositions(gs []Gate, xs, xe int) []int {
	pos := make([]int, len(gs))
	n := len(gs)
	for i, g := range gs {
		switch {
		case n == 1 && g.Server:
			pos[i] = xs + (xe-xs)*2/3
		case n <= 2:
			pos[i] = xs + (xe-xs)*(i+1)/3
		default:
			pos[i] = xs + (xe-xs)*(i+1)/(n+1)
		}
	}
	return pos
}

// marker draws the travelling envelope, or once the beat has landed an
// arrowhead at the end it reached. A SYN that a router drops stops at its
// barrier.
func (r *renderer) marker(x *Exchange, gx []int, xs, xe, y int) {
	beat := r.m.Current()
	if len(beat) == 0 {
		return
	}
	e := &beat[0]
	gateX := func(router string) int {
		for i, g := range x.Gates {
			if g.Router == router {
				return gx[i]
			}
		}
		return -1
	}
	label := r.g.env + " " + truncate(clean(markerLabel(e)), 9, "")
	mw := textWidth(label)
	switch e.Kind {
	case trace.Drop, trace.Timeout:
		for i, g := range x.Gates {
			if g.Dropped {
				r.c.put(max(gx[i]-mw, xs), y, label, stDrop)
				return
			}
		}
		return
	case trace.Connect, trace.Accept, trace.Ack, trace.Refused, trace.Close, trace.Line, trace.Record:
	default:
		return
	}
	toServer := true
	switch e.Kind {
	case trace.Accept, trace.Refused:
		toServer = false
	case trace.Close:
		toServer = e.Src.Host == x.Client.Host
	case trace.Line, trace.Record:
		toServer = e.Dir != trace.ServerToClient
	}
	stopAt := xe
	if e.Kind == trace.Connect && x.DropAhead != "" {
		if g := gateX(x.DropAhead); g > xs {
			stopAt = g
		}
	}
	if !r.inFlight() {
		if stopAt < xe { // the SYN waits at the barrier that is about to drop it
			r.c.put(max(stopAt-mw, xs), y, label, stMarker)
			return
		}
		if toServer {
			r.c.put(xe-1, y, r.g.right, stMarker)
		} else {
			r.c.put(xs, y, r.g.left, stMarker)
		}
		return
	}
	from, to := xs, max(stopAt-mw, xs)
	if !toServer {
		from, to = to, from
	}
	steps := r.v.AnimSteps
	at := min(max(r.v.Anim, 0), steps)
	r.c.put(from+(to-from)*at/steps, y, label, stMarker)
}

// markerLabel is the few characters the envelope carries: the verb, the
// reply code, the TCP flag, the DNS question type.
func markerLabel(e *trace.Event) string {
	switch e.Kind {
	case trace.Connect, trace.Drop, trace.Timeout:
		return "SYN"
	case trace.Accept:
		return "SYN-ACK"
	case trace.Ack:
		return "ACK"
	case trace.Refused:
		return "RST"
	case trace.Close:
		return "FIN"
	case trace.Record:
		return "TLS"
	}
	switch {
	case e.Proto == trace.DNS && e.Dir == trace.ServerToClient:
		return orText(e.Tag.RCode, orText(firstField(e.Tag.Query), "DNS"))
	case e.Proto == trace.DNS:
		return orText(firstField(e.Tag.Query), "DNS") + "?"
	case e.Dir == trace.ServerToClient && e.Tag.Code != 0:
		return strconv.Itoa(e.Tag.Code)
	case e.Dir == trace.ServerToClient && e.Tag.Status != trace.NoStatus:
		return e.Tag.Status.String()
	case e.Tag.Kind == trace.MessageText:
		return "DATA"
	case e.Tag.Kind == trace.AuthData:
		return "AUTH"
	case e.Tag.Verb != "":
		return e.Tag.Verb
	}
	return firstField(e.Line)
}

// hostLabel is "name 192.0.2.1" for the client, "192.0.2.1 name" read
// toward the right edge for the server.
func hostLabel(ep trace.Endpoint, left bool) string {
	name := clean(ep.Host)
	if !ep.IP.IsValid() {
		return name
	}
	if left {
		return name + " " + ep.IP.String()
	}
	return ep.IP.String() + " " + name
}

// networkLabels are the descriptions of a host's network, most detailed
// first.
func (r *renderer) networkLabels(host string) []string {
	h, _ := r.m.topo.HostByName(host)
	if h.Network == "" {
		return []string{r.t(lInternet)}
	}
	n, ok := r.m.topo.NetworkByName(h.Network)
	name := clean(h.Network)
	if !ok || !n.CIDR.IsValid() {
		return []string{name}
	}
	full := name + " " + n.CIDR.String()
	if n.Dynamic {
		return []string{full + " " + r.t(lDynamic), full, name + " " + r.t(lDynamic), name}
	}
	return []string{full, name}
}

// filterLabel is the short name of a router's first rule ("OP25B" from
// "OP25B: TCP/25 out only to ..."), prefixed with the barrier once it
// dropped something.
func (r *renderer) filterLabel(g Gate) string {
	s := ""
	if len(g.Filters) > 0 {
		s = clean(r.t(g.Filters[0]))
		if i := strings.IndexAny(s, ":："); i > 0 {
			s = s[:i]
		}
		s = truncate(strings.TrimSpace(s), 14, r.g.ellipsis)
	}
	if g.Dropped {
		return strings.TrimSpace(r.g.barrier + " " + s)
	}
	return s
}

// fit returns the first candidate no wider than w, or the last one cut to w.
func (r *renderer) fit(w int, candidates ...string) string {
	if w <= 0 || len(candidates) == 0 {
		return ""
	}
	for _, c := range candidates {
		if textWidth(c) <= w {
			return c
		}
	}
	return truncate(candidates[len(candidates)-1], w, r.g.ellipsis)
}

// centered draws s centred on column at if it fits strictly between lo and
// hi, and returns the first free column after it (lo when it was left out).
func (r *renderer) centered(y, at int, s string, lo, hi int, st style) int {
	w := textWidth(s)
	start := at - w/2
	if s == "" || start < lo || start+w > hi {
		return lo
	}
	r.c.put(start, y, s, st)
	return start + w + 1
}

// overview shows the world when no exchange is under way: each network
// with its hosts and router, then the hosts on the internet.
func (r *renderer) overview(y, n int) {
	topo := r.m.topo
	rows := 0
	var later []seg // filter rules that did not fit beside their router
	line := func(segs ...seg) {
		if rows >= n {
			return
		}
		r.segments(y+rows, segs)
		rows++
	}
	for _, n := range topo.Networks {
		segs := []seg{{"[" + clean(n.Name), stBold}}
		if n.CIDR.IsValid() {
			segs = append(segs, seg{" " + n.CIDR.String(), stPlain})
		}
		if n.Dynamic {
			segs = append(segs, seg{" " + r.t(lDynamic), stPlain})
		}
		segs = append(segs, seg{"] ", stBold}, seg{r.hostsOn(n.Name), stPlain})
		if n.Router != "" {
			glyph := r.g.gate
			if len(n.Filters) > 0 {
				glyph = r.g.filter
			}
			segs = append(segs, seg{" " + r.g.hline + glyph + r.g.hline + " " + clean(n.Router), stGate})
			// The rules follow on the same row when they fit, else on rows
			// of their own below.
			var rules []seg
			for _, f := range n.Filters {
				rules = append(rules, seg{"  " + clean(r.t(f)), stFilter})
			}
			if segsWidth(segs)+segsWidth(rules) <= r.cw {
				segs = append(segs, rules...)
				rules = nil
			}
			line(segs...)
			for _, f := range rules {
				later = append(later, seg{"  " + clean(n.Router) + ":" + f.s, stFilter})
			}
			continue
		}
		line(segs...)
	}
	if hosts := r.hostsOn(""); hosts != "" {
		// The hosts on the internet wrap under each other rather than
		// being cut.
		label := "[" + r.t(lInternet) + "] "
		lw := textWidth(label)
		for i, l := range wrap(nil, hosts, max(r.cw-lw, 8), true) {
			if i == 0 {
				line(seg{label, stBold}, seg{l, stPlain})
			} else {
				line(seg{strings.Repeat(" ", lw), stPlain}, seg{l, stPlain})
			}
		}
	}
	for _, s := range later {
		line(s)
	}
}

func segsWidth(segs []seg) int {
	n := 0
	for _, s := range segs {
		n += textWidth(s.s)
	}
	return n
}

type seg struct {
	s  string
	st style
}

// segments draws a row of styled pieces, ending in an ellipsis when they do
// not fit.
func (r *renderer) segments(y int, segs []seg) {
	total := 0
	for _, s := range segs {
		total += textWidth(s.s)
	}
	limit := r.mx + r.cw
	if total > r.cw {
		limit -= textWidth(r.g.ellipsis)
	}
	x := r.mx
	for _, s := range segs {
		s.s = truncate(s.s, limit-x, "")
		x = r.c.put(x, y, s.s, s.st)
	}
	if total > r.cw {
		r.c.put(x, y, r.g.ellipsis, stDim)
	}
}

func (r *renderer) hostsOn(network string) string {
	var b strings.Builder
	for _, h := range r.m.topo.Hosts {
		if h.Network != network {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("  ")
		}
		b.WriteString(clean(h.Name))
	}
	return b.String()
}
