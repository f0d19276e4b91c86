package scenario

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mailsim/mailsim/sim/campaign"
)

var stepKinds = []string{"say", "send", "fetch", "imap", "talk", "wait", "configure", "campaign"}

// step reads one entry of steps: exactly one action key (send, fetch, talk,
// wait), or say alone; say may also come with an action as its narration;
// expect checks the outcome.
func (d *decoder) step(n *yaml.Node) *Step {
	st := &Step{Node: n, Repeat: 1}
	what := "step at line " + strconv.Itoa(n.Line)
	var actions []string
	d.fields(n, what,
		field{"say", func(v *yaml.Node) { st.Say = d.text(v, "say") }},
		field{"send", func(v *yaml.Node) { actions = append(actions, "send"); st.Send = d.send(v) }},
		field{"fetch", func(v *yaml.Node) { actions = append(actions, "fetch"); st.Fetch = d.fetch(v) }},
		field{"imap", func(v *yaml.Node) { actions = append(actions, "imap"); st.IMAP = d.imap(v) }},
		field{"talk", func(v *yaml.Node) { actions = append(actions, "talk"); st.Talk = d.talk(v) }},
		field{"wait", func(v *yaml.Node) { actions = append(actions, "wait"); st.Wait = d.duration(v, "wait") }},
		field{"configure", func(v *yaml.Node) { actions = append(actions, "configure"); st.Config = d.configure(v) }},
		field{"campaign", func(v *yaml.Node) { actions = append(actions, "campaign"); st.Campaign = d.campaign(v) }},
		field{"expect", func(v *yaml.Node) { st.Expect = d.expect(v) }},
		field{"repeat", func(v *yaml.Node) { st.Repeat = d.bounded(v, "repeat", 1, MaxRepeat, "MaxRepeat") }},
	)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	switch len(actions) {
	case 0:
		if st.Say.IsZero() {
			d.errorf(n, "%s: a step needs one of %v", what, stepKinds)
			return nil
		}
		st.Kind = "say"
		if st.Expect != nil {
			d.errorf(st.Expect.Node, "expect: a say step has nothing to check")
		}
	case 1:
		st.Kind = actions[0]
	default:
		d.errorf(n, "%s: one action per step, but this one has %v: split it into separate steps", what, actions)
		return nil
	}
	return st
}

func (d *decoder) send(n *yaml.Node) *Send {
	s := &Send{Subject: "Hello", Body: "Hello,\nthis message was sent in mailsim's virtual internet.\n"}
	d.fields(n, "send",
		field{"client", func(v *yaml.Node) { s.Client = Ref{d.name(v, "send client"), v} }},
		field{"server", func(v *yaml.Node) { s.Server = d.target(v, "send server") }},
		field{"helo", func(v *yaml.Node) { s.Helo = d.str(v, "send helo") }},
		field{"from", func(v *yaml.Node) { s.From = d.str(v, "send from") }},
		field{"header_from", func(v *yaml.Node) { s.HeaderFrom = d.str(v, "send header_from") }},
		field{"to", func(v *yaml.Node) { s.To = d.strs(v, "send to", MaxRecipients, "MaxRecipients") }},
		field{"subject", func(v *yaml.Node) {
			if v.Kind == yaml.ScalarNode && strings.ContainsAny(v.Value, "\r\n") {
				d.errorf(v, "send subject: a subject is one line; write it without line breaks (with '>-' for a long one)")
				return
			}
			s.Subject = d.str(v, "send subject")
		}},
		field{"body", func(v *yaml.Node) { s.Body = d.multiline(v, "send body", MaxBodyBytes, "MaxBodyBytes", MaxBodyLines) }},
		field{"tls", func(v *yaml.Node) { s.TLS = TLS{d.oneOf(v, "send tls", "starttls", "implicit", "none"), v} }},
		field{"auth", func(v *yaml.Node) { d.auth(v, s) }},
	)
	d.require(n, "send", "client", "server", "from", "to")
	return s
}

// auth reads "user/password" or {user, pass, mechanism}.
func (d *decoder) auth(n *yaml.Node, s *Send) {
	s.HasAuth = true
	if n.Kind == yaml.ScalarNode {
		v := d.str(n, "send auth")
		for i := 0; i < len(v); i++ {
			if v[i] == '/' {
				s.AuthUser, s.AuthPass = v[:i], v[i+1:]
				return
			}
		}
		d.errorf(n, "send auth: expected user/password such as alice/secret, got %q", v)
		return
	}
	d.fields(n, "send auth",
		field{"user", func(v *yaml.Node) { s.AuthUser = d.str(v, "send auth user") }},
		field{"pass", func(v *yaml.Node) { s.AuthPass = d.str(v, "send auth pass") }},
		field{"mechanism", func(v *yaml.Node) { s.AuthMech = d.oneOf(v, "send auth mechanism", "PLAIN", "LOGIN") }},
	)
}

func (d *decoder) fetch(n *yaml.Node) *Fetch {
	f := &Fetch{}
	d.fields(n, "fetch",
		field{"client", func(v *yaml.Node) { f.Client = Ref{d.name(v, "fetch client"), v} }},
		field{"server", func(v *yaml.Node) { f.Server = d.target(v, "fetch server") }},
		field{"user", func(v *yaml.Node) { f.User = d.str(v, "fetch user") }},
		field{"pass", func(v *yaml.Node) { f.Pass = d.str(v, "fetch pass") }},
		field{"apop", func(v *yaml.Node) { f.APOP = d.boolean(v, "fetch apop") }},
		field{"keep", func(v *yaml.Node) { f.Keep = d.boolean(v, "fetch keep") }},
		field{"drop", func(v *yaml.Node) { f.Drop = d.boolean(v, "fetch drop") }},
		field{"tls", func(v *yaml.Node) { f.TLS = TLS{d.oneOf(v, "fetch tls", "starttls", "implicit", "none"), v} }},
	)
	d.require(n, "fetch", "client", "server", "user", "pass")
	return f
}

func (d *decoder) imap(n *yaml.Node) *IMAP {
	m := &IMAP{}
	d.fields(n, "imap",
		field{"client", func(v *yaml.Node) { m.Client = Ref{d.name(v, "imap client"), v} }},
		field{"server", func(v *yaml.Node) { m.Server = d.target(v, "imap server") }},
		field{"user", func(v *yaml.Node) { m.User = d.str(v, "imap user") }},
		field{"pass", func(v *yaml.Node) { m.Pass = d.str(v, "imap pass") }},
		field{"delete", func(v *yaml.Node) { m.Delete = d.boolean(v, "imap delete") }},
		// IMAP's own STARTTLS (RFC 3501 6.2.1) is not simulated: 993's
		// implicit TLS is what RFC 8314 recommends.
		field{"tls", func(v *yaml.Node) { m.TLS = TLS{d.oneOf(v, "imap tls", "implicit", "none"), v} }},
	)
	d.require(n, "imap", "client", "server", "user", "pass")
	return m
}

func (d *decoder) talk(n *yaml.Node) *Talk {
	t := &Talk{}
	d.fields(n, "talk",
		field{"client", func(v *yaml.Node) { t.Client = Ref{d.name(v, "talk client"), v} }},
		field{"server", func(v *yaml.Node) { t.Server = d.target(v, "talk server") }},
		field{"lines", func(v *yaml.Node) {
			for _, item := range d.list(v, "talk lines", MaxTalkLines, "MaxTalkLines") {
				t.Lines = append(t.Lines, d.str(item, "talk lines"))
			}
		}},
	)
	d.require(n, "talk", "client", "server", "lines")
	return t
}

// require reports each missing key of a mapping.
func (d *decoder) require(n *yaml.Node, what string, keys ...string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for _, k := range keys {
		if !d.hasKey(n, k) {
			d.errorf(n, "%s: the key %q is missing", what, k)
		}
	}
}

func (d *decoder) expect(n *yaml.Node) *Expect {
	e := &Expect{Node: n}
	d.fields(n, "expect",
		field{"delivered_to", func(v *yaml.Node) {
			e.HasDeliv = true
			e.DeliveredTo = d.strs(v, "expect delivered_to", MaxRecipients, "MaxRecipients")
		}},
		field{"rejected", func(v *yaml.Node) { e.Rejected = d.code(v, "expect rejected") }},
		field{"blocked_by", func(v *yaml.Node) { e.BlockedBy = d.name(v, "expect blocked_by") }},
		field{"refused", func(v *yaml.Node) { e.Refused = d.boolean(v, "expect refused") }},
		field{"replies", func(v *yaml.Node) {
			e.HasReplies = true
			for _, item := range d.list(v, "expect replies", MaxTalkLines, "MaxTalkLines") {
				e.Replies = append(e.Replies, d.code(item, "expect replies"))
			}
		}},
		field{"bounced", func(v *yaml.Node) { e.Bounced = d.strs(v, "expect bounced", MaxRecipients, "MaxRecipients") }},
		field{"queued", func(v *yaml.Node) {
			e.HasQueued = true
			e.Queued = d.strs(v, "expect queued", MaxRecipients, "MaxRecipients")
		}},
		field{"retrieved", func(v *yaml.Node) { x := d.integer(v, "expect retrieved", 0, 1<<30); e.Retrieved = &x }},
		field{"left", func(v *yaml.Node) { x := d.integer(v, "expect left", 0, 1<<30); e.Left = &x }},
		field{"seen", func(v *yaml.Node) { x := d.integer(v, "expect seen", 0, 1<<30); e.Seen = &x }},
		field{"counts", func(v *yaml.Node) { e.Counts = d.counts(v) }},
	)
	return e
}

// counts reads a campaign step's expected counters: each key an outcome
// ("delivered", "blocked"), each value a number the counter must equal or
// a mapping with at_least and at_most, whose bounds are numbers or
// percentages of the step's delivery attempts ("90%").
func (d *decoder) counts(n *yaml.Node) []CountCheck {
	if !d.isMap(n, "expect counts") {
		return nil
	}
	if len(n.Content) == 0 {
		d.errorf(n, "expect counts: name at least one counter, such as delivered: 0; the counters are %s", strings.Join(campaign.OutcomeNames(), ", "))
	}
	var out []CountCheck
	fs := make([]field, campaign.NumOutcomes)
	for o := range campaign.NumOutcomes {
		name := o.String()
		fs[o] = field{name, func(v *yaml.Node) {
			if c, ok := d.count(v, o, "expect counts "+name); ok {
				out = append(out, c)
			}
		}}
	}
	d.fields(n, "expect counts", fs...)
	return out
}

// count reads the expectation of one counter.
func (d *decoder) count(v *yaml.Node, o campaign.Outcome, what string) (CountCheck, bool) {
	c := CountCheck{Outcome: o}
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!int":
		c.Min = Bound{N: int64(d.integer(v, what, 0, 1<<30)), Set: true}
		c.Max = c.Min
	case v.Kind == yaml.MappingNode:
		given := 0
		d.fields(v, what,
			field{"at_least", func(b *yaml.Node) { given++; c.Min = d.bound(b, what+" at_least") }},
			field{"at_most", func(b *yaml.Node) { given++; c.Max = d.bound(b, what+" at_most") }},
		)
		switch {
		case given == 0:
			d.errorf(v, "%s: give at_least, at_most or both, such as {at_least: 90%%}", what)
		case c.Min.Set && c.Max.Set && c.Min.Pct == c.Max.Pct && c.Min.N > c.Max.N:
			d.errorf(v, "%s: at_least %s is more than at_most %s", what, c.Min, c.Max)
		}
	default:
		d.errorf(v, "%s: expected a number, or {at_least: N}, {at_most: N} or both, where N may be a percentage of the attempts such as 90%%; got %s", what, describe(v))
		return c, false
	}
	return c, c.Min.Set || c.Max.Set
}

// bound reads one bound of a counter: a whole number, or a percentage of
// the step's attempts from 0% to 100%.
func (d *decoder) bound(n *yaml.Node, what string) Bound {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!int" && strings.HasSuffix(n.Value, "%") {
		p, err := strconv.Atoi(strings.TrimSuffix(n.Value, "%"))
		if err == nil && p >= 0 && p <= 100 {
			return Bound{N: int64(p), Pct: true, Set: true}
		}
		d.errorf(n, "%s: expected a percentage from 0%% to 100%% such as 90%%, got %q", what, n.Value)
		return Bound{}
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n, "%s: expected a number or a percentage of the attempts such as 90%%, got %s", what, describe(n))
		return Bound{}
	}
	return Bound{N: int64(d.integer(n, what, 0, 1<<30)), Set: true}
}

// code reads a reply code (554), a code with enhanced code ("554 5.7.1"),
// a POP3 status (+OK, -ERR) or an IMAP condition (OK, NO, BAD, BYE).
func (d *decoder) code(n *yaml.Node, what string) string {
	s := d.str(n, what)
	switch s {
	case "+OK", "-ERR", "OK", "NO", "BAD", "BYE", "PREAUTH":
		return s
	}
	if len(s) >= 3 {
		if c, err := strconv.Atoi(s[:3]); err == nil && c >= 200 && c <= 599 && (len(s) == 3 || s[3] == ' ') {
			return s
		}
	}
	if s != "" {
		d.errorf(n, "%s: expected a reply code such as 250 or \"554 5.7.1\", +OK / -ERR (POP3), or OK / NO / BAD (IMAP), got %q", what, s)
	}
	return ""
}

func (d *decoder) configure(n *yaml.Node) *Configure {
	c := &Configure{}
	d.fields(n, "configure",
		field{"server", func(v *yaml.Node) { c.Server = d.target(v, "configure server") }},
		field{"host", func(v *yaml.Node) { c.Host = Ref{d.name(v, "configure host"), v} }},
		field{"relay", func(v *yaml.Node) { c.Relay = d.relay(v, "configure relay") }},
		field{"auth", func(v *yaml.Node) { c.Auth = d.authMode(v, "configure auth") }},
		field{"down", func(v *yaml.Node) { b := d.boolean(v, "configure down"); c.Down = &b }},
	)
	if n.Kind == yaml.MappingNode {
		if (c.Relay != nil || c.Auth != nil) && c.Server.Host.Name == "" {
			d.errorf(n, "configure: relay and auth change a server: say which one with server: host:port")
		}
		if c.Down != nil && c.Host.Name == "" {
			d.errorf(n, "configure: down changes a host: say which one with host: name")
		}
		if c.Relay == nil && c.Auth == nil && c.Down == nil {
			d.errorf(n, "configure: nothing to change: give relay, auth or down")
		}
	}
	return c
}
