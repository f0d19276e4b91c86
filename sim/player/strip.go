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
func (r *renderer) strip(y int) {
	x, ok := r.m.Exchange()
	if !ok || r.cw < 24 {
		r.overview(y)
		return
	}
	x0, cw := r.mx, r.cw
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
		r.overview(y)
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
	ll := r.fit(half, hostLabel(x.Client, true), x.Client.Host)
	rl := r.fit(half, hostLabel(x.Server, false), x.Server.Host)
	r.c.put(x0, y, ll, stBold)
	r.c.put(x0+cw-textWidth(rl), y, rl, stBold)
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
	left := r.fit(min(half, minStart-x0-1), r.networkLabels(x.Client.Host)...)
	r.c.put(x0, y+2, left, stDim)
	right := r.fit(min(half, x0+cw-maxEnd-1), r.networkLabels(x.Server.Host)...)
	r.c.put(x0+cw-textWidth(right), y+2, right, stDim)
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
func (r *renderer) overview(y int) {
	topo := r.m.topo
	rows := 0
	line := func(segs ...seg) {
		if rows >= 3 {
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
			for _, f := range n.Filters {
				segs = append(segs, seg{"  " + clean(r.t(f)), stFilter})
			}
		}
		line(segs...)
	}
	if hosts := r.hostsOn(""); hosts != "" {
		line(seg{"[" + r.t(lInternet) + "] ", stBold}, seg{hosts, stPlain})
	}
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
