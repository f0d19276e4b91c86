package scenario

import (
	"math/big"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/i18n"
)

// Campaigns: many hosts made from a template (world: bots:) and a step
// that has each of them send many messages (steps: campaign:). Neither is
// expanded when the file is read: a group of bots is a count and a
// pattern, and the hosts exist only in the World that Build makes; the
// attempts of a campaign are started one by one on the virtual clock as it
// runs. So a file that asks for 10^9 of anything costs nothing to read and
// is refused at the line that asks, naming the limit.

// The limits of campaigns (see limits.go for the rest).
const (
	// MaxBots is the most hosts all the bot groups of a scenario may make
	// together: 100,000 bots on a home ISP is a large botnet, and each is
	// a host in the World.
	MaxBots = 100_000

	// MaxAttempts is the most delivery attempts all the campaign steps of
	// a scenario may make together, repeats counted: each is an SMTP
	// session, whose CPU time is what this bounds.
	MaxAttempts = 2_000_000

	// MaxRepeat is the most times a step may be repeated.
	MaxRepeat = 10_000

	// MaxDetail is the most attempts of one campaign recorded in full
	// for the sample a player animates.
	MaxDetail = 1000
)

// Bots is a group of hosts made from a template: Count hosts named after
// Name ("bot-{n}", n from 1) with consecutive addresses from the start of
// Range, on Network.
type Bots struct {
	Group   string // the group's name, as campaign steps refer to it
	Node    *yaml.Node
	Count   int
	Network Ref
	Range   netip.Prefix
	RangeAt *yaml.Node
	Name    string // pattern with one {n}
}

// HostName is the name of bot n (from 1).
func (b *Bots) HostName(n int) string {
	return strings.Replace(b.Name, "{n}", strconv.Itoa(n), 1)
}

// Addr is the address of bot n (from 1): the n-th address after the start
// of the range (the range's own first address, the network address, is
// left out).
func (b *Bots) Addr(n int) netip.Addr {
	base := b.Range.Addr().AsSlice()
	v := new(big.Int).SetBytes(base)
	v.Add(v, big.NewInt(int64(n)))
	out := v.FillBytes(make([]byte, len(base)))
	a, _ := netip.AddrFromSlice(out)
	return a
}

// size is how many addresses the range holds after its first, capped.
func (b *Bots) size() int {
	bits := b.Range.Addr().BitLen() - b.Range.Bits()
	if bits >= 31 {
		return 1<<31 - 1
	}
	return 1<<bits - 1
}

// Campaign is a step in which every bot of a group sends Messages
// messages, the attempts spread evenly over Over of virtual time.
type Campaign struct {
	Bots     Ref
	Messages int
	Servers  []Via    // where the bots send; each attempt picks one by share
	To       []string // each message goes to one of these, picked at random
	From     string   // the envelope sender of every message
	Subject  string
	Over     time.Duration
	Detail   int // attempts recorded in full for the sample (Summariser)
	Node     *yaml.Node
	group    *Bots // the group, once validated
	attempts int   // Messages times the group's Count
}

// Via is one server a campaign sends to, with its share of the attempts.
type Via struct {
	Server Target
	Share  int
}

// Attempts is how many delivery attempts the campaign makes.
func (c *Campaign) Attempts() int { return c.attempts }

// Defaults of a campaign step.
const (
	defaultOver   = time.Hour
	defaultDetail = 40
)

// bots reads one group of world: bots:.
func (d *decoder) bots(k, v *yaml.Node) *Bots {
	b := &Bots{Group: k.Value, Node: k, Name: k.Value + "-{n}"}
	what := "bots " + k.Value
	d.fields(v, what,
		field{"count", func(v *yaml.Node) { b.Count = d.bounded(v, what+" count", 1, MaxBots, "MaxBots") }},
		field{"network", func(v *yaml.Node) { b.Network = Ref{d.name(v, what+" network"), v} }},
		field{"range", func(v *yaml.Node) { b.Range, b.RangeAt = d.prefix(v, what+" range"), v }},
		field{"name", func(v *yaml.Node) {
			b.Name = d.str(v, what+" name")
			if strings.Count(b.Name, "{n}") != 1 {
				d.errorf(v, "%s name: the pattern needs exactly one {n}, the bot's number, such as \"bot-{n}\"; got %q", what, b.Name)
			}
		}},
	)
	d.require(v, what, "count")
	return b
}

// bounded reads a whole number from lo to hi and, past hi, says which
// limit it passed: a count of 10^9 is refused here, before anything is
// made.
func (d *decoder) bounded(n *yaml.Node, what string, lo, hi int, limit string) int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		v, err := strconv.Atoi(n.Value)
		if err != nil || v > hi {
			d.errorf(n, "%s: %s is more than %d (the limit %s)", what, n.Value, hi, limit)
			return 0
		}
	}
	return d.integer(n, what, lo, hi)
}

// campaign reads a campaign step.
func (d *decoder) campaign(n *yaml.Node) *Campaign {
	c := &Campaign{Node: n, Messages: 1, Over: defaultOver, Detail: defaultDetail,
		From: "winner@spam.example", Subject: "You have won!"}
	d.fields(n, "campaign",
		field{"bots", func(v *yaml.Node) { c.Bots = Ref{d.name(v, "campaign bots"), v} }},
		field{"messages", func(v *yaml.Node) { c.Messages = d.bounded(v, "campaign messages", 1, MaxAttempts, "MaxAttempts") }},
		field{"server", func(v *yaml.Node) { c.Servers = append(c.Servers, Via{d.target(v, "campaign server"), 1}) }},
		field{"servers", func(v *yaml.Node) {
			for _, item := range d.list(v, "campaign servers", MaxRecords, "MaxRecords") {
				via := Via{Share: 1}
				d.fields(item, "campaign servers",
					field{"server", func(v *yaml.Node) { via.Server = d.target(v, "campaign servers server") }},
					field{"share", func(v *yaml.Node) { via.Share = d.integer(v, "campaign servers share", 1, 1000) }},
				)
				d.require(item, "campaign servers", "server")
				c.Servers = append(c.Servers, via)
			}
		}},
		field{"to", func(v *yaml.Node) { c.To = d.strs(v, "campaign to", MaxRecipients, "MaxRecipients") }},
		field{"from", func(v *yaml.Node) { c.From = d.str(v, "campaign from") }},
		field{"subject", func(v *yaml.Node) { c.Subject = d.str(v, "campaign subject") }},
		field{"over", func(v *yaml.Node) {
			before := len(d.errs)
			c.Over = d.duration(v, "campaign over")
			if c.Over == 0 && len(d.errs) == before { // a bad duration was reported already
				d.errorf(v, "campaign over: give the time the attempts are spread over, such as 1h: bots that all start at once are not how a botnet sends")
			}
		}},
		field{"detail", func(v *yaml.Node) { c.Detail = d.bounded(v, "campaign detail", 0, MaxDetail, "MaxDetail") }},
	)
	d.require(n, "campaign", "bots", "to")
	if n.Kind == yaml.MappingNode && len(c.Servers) == 0 {
		d.errorf(n, "campaign: say where the bots send, with server: host:port or servers: [{server: host:port, share: 80}, ...]")
	}
	if d.hasKey(n, "server") && d.hasKey(n, "servers") {
		d.errorf(n, "campaign: give server or servers, not both")
	}
	return c
}

// validateBots checks the bot groups against the rest of the world:
// networks exist, ranges fit them and hold the count, and no bot takes the
// name or address of a host written out. It returns the groups by name.
func validateBots(d *decoder, w *World, nets map[string]*Network, hosts map[string]*Host) map[string]*Bots {
	groups := map[string]*Bots{}
	total := 0
	for _, b := range w.Bots {
		groups[b.Group] = b
		if b.Count == 0 {
			continue
		}
		total += b.Count
		if total > MaxBots {
			d.errorf(b.Node, "bots %s: this group brings the bots to %d, more than %d (the limit MaxBots)", b.Group, total, MaxBots)
			continue
		}
		var n *Network
		if b.Network.Name != "" {
			if n = nets[b.Network.Name]; n == nil {
				d.unknown(b.Network, "network", sortedKeys(nets))
				continue
			}
		}
		switch {
		case !b.Range.IsValid() && n == nil:
			d.errorf(b.Node, "bots %s: give range (such as 198.18.0.0/16) or a network whose addresses the bots take", b.Group)
			continue
		case !b.Range.IsValid():
			b.Range = n.CIDR
		case n != nil && n.CIDR.IsValid() && !(n.CIDR.Contains(b.Range.Addr()) && n.CIDR.Bits() <= b.Range.Bits()):
			d.errorf(b.RangeAt, "bots %s: range %s is not inside its network %s (%s)", b.Group, b.Range, n.Name, n.CIDR)
			continue
		}
		if b.Count > b.size() {
			d.errorf(b.Node, "bots %s: %d bots do not fit in %s, which has %d addresses for hosts: give a larger range", b.Group, b.Count, b.Range, b.size())
			continue
		}
		first, last := b.Addr(1), b.Addr(b.Count)
		for _, h := range w.Hosts {
			if h.IP.IsValid() && first.Compare(h.IP) <= 0 && h.IP.Compare(last) <= 0 {
				d.errorf(h.IPNode, "host %s: address %s is taken by the bots %s (%s to %s): move the host or the bots' range", h.Name, h.IP, b.Group, first, last)
			}
			if num, ok := botNumber(b.Name, h.Name); ok && num >= 1 && num <= b.Count {
				d.errorf(h.Node, "host %s: this name is taken by bot %d of the group %s (%s): rename the host or the bots", h.Name, num, b.Group, b.Name)
			}
		}
	}
	for _, b := range w.Bots {
		for _, o := range w.Bots {
			if o == b || b.Count == 0 || o.Count == 0 {
				continue
			}
			if o.Node.Line > b.Node.Line && b.Range.IsValid() && o.Range.IsValid() && b.Range.Overlaps(o.Range) &&
				b.Addr(1).Compare(o.Addr(o.Count)) <= 0 && o.Addr(1).Compare(b.Addr(b.Count)) <= 0 {
				d.errorf(o.Node, "bots %s: its addresses overlap those of the bots %s: give the groups separate ranges", o.Group, b.Group)
			}
			if o.Node.Line > b.Node.Line && o.Name == b.Name {
				d.errorf(o.Node, "bots %s: its names overlap those of the bots %s (%s): give the groups different name patterns", o.Group, b.Group, b.Name)
			}
		}
	}
	return groups
}

// botNumber reports the n for which pattern names name.
func botNumber(pattern, name string) (int, bool) {
	pre, post, _ := strings.Cut(pattern, "{n}")
	if !strings.HasPrefix(name, pre) || !strings.HasSuffix(name, post) || len(name) <= len(pre)+len(post) {
		return 0, false
	}
	n, err := strconv.Atoi(name[len(pre) : len(name)-len(post)])
	return n, err == nil
}

// checkCampaign validates a campaign step against the world.
func (v *stepChecker) checkCampaign(st *Step) {
	c := st.Campaign
	b := v.bots[c.Bots.Name]
	if b == nil {
		names := sortedKeys(v.bots)
		if len(names) == 0 {
			v.d.errorf(c.Bots.Node, "campaign bots: %q is not defined: add a group under world: bots:, such as home-bots: {count: 1000, network: isp-home}", c.Bots.Name)
		} else {
			v.d.unknown(c.Bots, "bot group", names)
		}
	} else {
		c.group = b
		c.attempts = b.Count * c.Messages
	}
	for _, via := range c.Servers {
		v.server(via.Server, "smtp", st)
	}
	for _, a := range append([]string{c.From}, c.To...) {
		if a != "" && (!strings.Contains(a, "@") || strings.ContainsAny(a, " <>")) {
			v.d.errorf(st.Node, "campaign: %q is not a mail address (user@domain)", a)
		}
	}
}

// Attempts is how many delivery attempts the scenario's campaigns make in
// all, repeats counted.
func (sc *Scenario) Attempts() int {
	n := 0
	for _, st := range sc.Steps {
		if st.Kind == "campaign" {
			n += st.Campaign.Attempts() * st.Times()
		}
	}
	return n
}

// tasksPerAttempt bounds the scheduler tasks one attempt of a campaign
// makes (a session, the server's reverse look-up, a relay with its MX
// look-up and its own session), so that a campaign the limits allow is
// not halted as a runaway (sim.MaxTasks).
const tasksPerAttempt = 200

// campaignBody is the text of every message of a campaign.
const campaignBody = "Congratulations!\nYou have been selected. Click the link to claim your prize.\n"

// campaignRun is the state of a run's campaigns: whether they run in
// summary mode, the sink to tell when sampling starts and stops, and the
// progress over all of them.
type campaignRun struct {
	summary  bool
	sampler  Sampler
	progress *progress
	seed     uint64
	shard    shard
}

// run plays campaign c, step i of the scenario: attempt k (from 0) starts
// at k/attempts of the way through c.Over, from bot k mod count, so that
// every bot sends c.Messages messages in turn; its recipient and server
// are drawn from the scenario's seed, the step's index and k alone, so the
// same file gives the same campaign however it is sharded. Attempts run
// side by side on the virtual clock; a shard runs the attempts k of its
// own (k mod Shards). In summary mode the first c.Detail attempts are
// traced in full and sampled (in the first shard), the rest summarised;
// the world leaves summary mode when the campaign and what it caused are
// over.
func (cx *campaignRun) run(w *sim.World, c *Campaign, i int, over func() bool) {
	g := c.group
	bots := make([]*sim.Host, g.Count)
	for n := range bots {
		bots[n] = w.Host(g.HostName(n + 1))
	}
	type via struct {
		host *sim.Host
		port uint16
		upTo int // the shares of this server and those before it
	}
	vias := make([]via, len(c.Servers))
	shares := 0
	for n, v := range c.Servers {
		shares += v.Share
		vias[n] = via{host: w.Host(v.Server.Host.Name), port: uint16(v.Server.Port), upTo: shares}
	}
	// Every attempt sends to one of c.To: the one-address lists are made
	// once, not per attempt (the SMTP client only reads them).
	tos := make([][]string, len(c.To))
	for n, to := range c.To {
		tos[n] = []string{to}
	}
	total := c.attempts
	start := w.Now()
	each, rem := c.Over/time.Duration(total), c.Over%time.Duration(total)
	sampling := cx.summary && cx.sampler != nil && cx.shard.index == 0
	detail := c.Detail
	if cx.shard.index > 0 {
		detail = 0 // only the first shard's sample is kept
	}
	if sampling && detail > 0 {
		cx.sampler.Detail(true)
	}
	for k := cx.shard.index; k < total; k += cx.shard.of {
		if over != nil && over() {
			break
		}
		// rem < total <= MaxAttempts, so rem*k cannot overflow.
		w.Advance(start + each*time.Duration(k) + rem*time.Duration(k)/time.Duration(total))
		if k >= detail && cx.summary && !w.Summary() {
			w.SetSummary(true)
			if sampling {
				cx.sampler.Detail(false)
			}
		}
		r := draw(cx.seed, i, k)
		to := tos[r%uint64(len(tos))]
		pick := int((r >> 32) % uint64(shares))
		v := vias[0]
		for _, x := range vias {
			if pick < x.upTo {
				v = x
				break
			}
		}
		w.SendAsync(sim.SendRequest{Client: bots[k%len(bots)], Server: v.host, Port: v.port,
			From: c.From, To: to, Subject: c.Subject, Body: campaignBody}, nil)
		cx.progress.add()
	}
	w.Settle()
	if cx.summary {
		w.SetSummary(false)
		if sampling {
			cx.sampler.Detail(false)
		}
	}
}

// campaignSummary is the one-line title of a campaign step.
func campaignSummary(c *Campaign) i18n.Text {
	var servers []string
	for _, v := range c.Servers {
		s := v.Server.Host.Name + ":" + strconv.Itoa(v.Server.Port)
		if len(c.Servers) > 1 {
			s += " (" + strconv.Itoa(v.Share) + ")"
		}
		servers = append(servers, s)
	}
	n := 0
	if c.group != nil {
		n = c.group.Count
	}
	en, ja := humanDuration(c.Over)
	return i18n.T(
		"campaign: "+strconv.Itoa(n)+" bots of "+c.Bots.Name+" send "+strconv.Itoa(c.Messages)+" messages each to "+strings.Join(servers, ", ")+" over "+en,
		"キャンペーン: "+c.Bots.Name+"のボット"+strconv.Itoa(n)+"台が"+ja+"かけて"+strings.Join(servers, "、")+"へ1台あたり"+strconv.Itoa(c.Messages)+"通を送信")
}
