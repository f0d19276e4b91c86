package scenario

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/smtp"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Parse reads a scenario from YAML source and checks it completely. file
// names the source in error messages. The error, if any, is an ErrorList
// with every problem found, each at file:line:column.
func Parse(file string, src []byte) (*Scenario, error) {
	d := &decoder{file: file}
	if len(src) > MaxFileBytes {
		line, col := position(src, MaxFileBytes)
		d.errorAt(line, col, "the file is longer than %d bytes (the limit MaxFileBytes): a scenario is a page or two of YAML", MaxFileBytes)
		return nil, d.errs
	}
	if !d.prescan(src) {
		return nil, d.errs
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, ErrorList{SyntaxError(file, src, err)}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, ErrorList{newError(file, 1, 1, "the file is empty: a scenario needs at least id, title, world and steps")}
	}
	if !d.shape(root.Content[0], 1) {
		d.errs.Sort()
		return nil, d.errs
	}
	doc := root.Content[0]
	if !d.isScenario(doc) {
		return nil, d.errs
	}
	sc := &Scenario{File: file, Seed: 1}
	var worldNode, stepsNode *yaml.Node
	d.fields(doc, "scenario",
		field{"id", func(v *yaml.Node) {
			sc.ID = d.str(v, "id")
			if !idPattern.MatchString(sc.ID) && len(d.errs) < maxErrors {
				d.errorf(v, "id: use lower-case letters, digits and hyphens, such as open-relay; got %q", sc.ID)
			}
		}},
		field{"title", func(v *yaml.Node) { sc.Title = d.text(v, "title") }},
		field{"summary", func(v *yaml.Node) { sc.Summary = d.text(v, "summary") }},
		field{"exam", func(v *yaml.Node) { sc.Exams = d.strs(v, "exam", MaxRecords, "MaxRecords") }},
		field{"seed", func(v *yaml.Node) { sc.Seed = uint64(d.integer(v, "seed", 0, 1<<31)) }},
		field{"start", func(v *yaml.Node) { sc.Start = d.start(v) }},
		field{"world", func(v *yaml.Node) { worldNode = v }},
		field{"steps", func(v *yaml.Node) { stepsNode = v }},
		field{"recap", func(v *yaml.Node) { sc.Recap = d.recap(v) }},
	)
	if doc.Kind == yaml.MappingNode {
		for _, req := range []struct {
			ok   bool
			name string
		}{{sc.ID != "", "id"}, {!sc.Title.IsZero(), "title"}, {worldNode != nil, "world"}, {stepsNode != nil, "steps"}} {
			if !req.ok && !d.hasKey(doc, req.name) {
				d.errorf(doc, "scenario: the key %q is missing", req.name)
			}
		}
	}
	if worldNode != nil {
		d.world(worldNode, &sc.World)
	}
	if stepsNode != nil {
		for _, n := range d.list(stepsNode, "steps", MaxSteps, "MaxSteps") {
			if st := d.step(n); st != nil {
				sc.Steps = append(sc.Steps, st)
			}
		}
		if len(sc.Steps) == 0 && len(d.errs) == 0 {
			d.errorf(stepsNode, "steps: the list is empty: add at least one step (say, send, fetch, talk or wait)")
		}
	}
	if len(d.errs) == 0 {
		d.totals(sc)
	}
	if len(d.errs) == 0 {
		validate(d, sc)
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	return sc, nil
}

// start reads the calendar time the scenario starts at, within MinStart and
// MaxStart.
func (d *decoder) start(v *yaml.Node) time.Time {
	before := len(d.errs)
	s := d.str(v, "start")
	if len(d.errs) > before {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.errorf(v, "start: expected a date and time such as 2026-04-01T09:00:00+09:00, got %q", s)
		return time.Time{}
	}
	if t.Before(MinStart) || !t.Before(MaxStart) {
		d.errorf(v, "start: %s is outside the years 1970 to 2199 (the limits MinStart and MaxStart); leave start out for the default, %s", s, sim.DefaultStart.Format(time.RFC3339))
		return time.Time{}
	}
	return t
}

// totals checks the limits that add up over the whole file: recipients
// over all sends, virtual time over all waits.
func (d *decoder) totals(sc *Scenario) {
	rcpts := 0
	var waited time.Duration
	for _, st := range sc.Steps {
		switch st.Kind {
		case "send":
			rcpts += len(st.Send.To) * st.Times()
			if rcpts > MaxTotalRecipients {
				d.errorf(st.Node, "send: this step brings the recipients of all sends to %d, more than %d (the limit MaxTotalRecipients)", rcpts, MaxTotalRecipients)
				return
			}
		case "wait":
			// Compared before multiplying, which could overflow.
			over := st.Wait > 0 && time.Duration(st.Times()) > (MaxTotalWait-waited)/st.Wait
			if !over {
				waited += st.Wait * time.Duration(st.Times())
			}
			if over || waited > MaxTotalWait {
				d.errorf(st.Node, "wait: this step brings the waits to more than %d days in all (the limit MaxTotalWait)", int(MaxTotalWait/(24*time.Hour)))
				return
			}
		}
	}
}

// isScenario reports whether doc looks like a scenario at all: a mapping
// with at least one of its main keys. Anything else (a list, plain text
// such as /etc/passwd, another program's YAML) gets one error that says
// so, quoting at most a short excerpt, instead of an error per key.
func (d *decoder) isScenario(doc *yaml.Node) bool {
	if doc.Kind != yaml.MappingNode {
		d.errorf(doc, "not a scenario: a scenario is YAML with the keys id, title, world and steps, but this file holds %s", describeShort(doc))
		return false
	}
	for _, k := range []string{"id", "title", "world", "steps"} {
		if d.hasKey(doc, k) {
			return true
		}
	}
	var keys []string
	for i := 0; i+1 < len(doc.Content) && len(keys) < 3; i += 2 {
		keys = append(keys, excerpt(doc.Content[i].Value, 20))
	}
	d.errorf(doc, "not a scenario: a scenario is YAML with the keys id, title, world and steps, but this file has %s", strings.Join(keys, ", "))
	return false
}

func (d *decoder) hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func (d *decoder) world(n *yaml.Node, w *World) {
	d.fields(n, "world",
		field{"networks", func(v *yaml.Node) {
			d.entries(v, "networks", MaxNetworks, "MaxNetworks", func(k, v *yaml.Node) { w.Networks = append(w.Networks, d.network(k, v)) })
		}},
		field{"hosts", func(v *yaml.Node) {
			d.entries(v, "hosts", MaxHosts, "MaxHosts", func(k, v *yaml.Node) { w.Hosts = append(w.Hosts, d.host(k, v)) })
		}},
		field{"dns", func(v *yaml.Node) {
			d.entries(v, "dns", MaxZones, "MaxZones", func(k, v *yaml.Node) { w.DNS = append(w.DNS, d.zone(k, v)) })
		}},
		field{"bots", func(v *yaml.Node) {
			d.entries(v, "bots", MaxRecords, "MaxRecords", func(k, v *yaml.Node) { w.Bots = append(w.Bots, d.bots(k, v)) })
		}},
	)
}

func (d *decoder) network(k, v *yaml.Node) *Network {
	n := &Network{Name: k.Value, Node: k}
	what := "network " + k.Value
	d.fields(v, what,
		field{"cidr", func(v *yaml.Node) { n.CIDR = d.prefix(v, what+" cidr") }},
		field{"dynamic", func(v *yaml.Node) { n.Dynamic = d.boolean(v, what+" dynamic") }},
		field{"router", func(v *yaml.Node) { n.Router = d.name(v, what+" router") }},
		field{"op25b", func(v *yaml.Node) {
			n.HasOP25 = true
			d.fields(v, what+" op25b", field{"allow", func(v *yaml.Node) {
				for _, item := range d.list(v, what+" op25b allow", MaxRecords, "MaxRecords") {
					n.OP25B = append(n.OP25B, Ref{d.name(item, what+" op25b allow"), item})
				}
			}})
		}},
		field{"ip25b", func(v *yaml.Node) {
			n.HasIP25B = true
			d.fields(v, what+" ip25b", field{"customers", func(v *yaml.Node) {
				for _, item := range d.list(v, what+" ip25b customers", MaxRecords, "MaxRecords") {
					n.IP25B = append(n.IP25B, Ref{d.str(item, what+" ip25b customers"), item})
				}
			}})
		}},
	)
	if !n.CIDR.IsValid() && v.Kind == yaml.MappingNode && !d.hasKey(v, "cidr") {
		d.errorf(k, "%s: the key \"cidr\" is missing (for example cidr: 203.0.113.0/24)", what)
	}
	return n
}

func (d *decoder) host(k, v *yaml.Node) *Host {
	h := &Host{Name: k.Value, Node: k}
	what := "host " + k.Value
	d.fields(v, what,
		field{"ip", func(v *yaml.Node) { h.IP, h.IPNode = d.addr(v, what+" ip"), v }},
		field{"network", func(v *yaml.Node) { h.Network = Ref{d.name(v, what+" network"), v} }},
		field{"domains", func(v *yaml.Node) { h.Domains = d.strs(v, what+" domains", MaxRecords, "MaxRecords") }},
		field{"users", func(v *yaml.Node) {
			d.entries(v, what+" users", MaxRecords, "MaxRecords", func(k, v *yaml.Node) {
				h.Users = append(h.Users, User{Name: k.Value, Password: d.str(v, what+" users "+k.Value+" password")})
			})
		}},
		field{"smtp", func(v *yaml.Node) {
			for _, item := range d.list(v, what+" smtp", MaxRecords, "MaxRecords") {
				h.SMTP = append(h.SMTP, d.smtpService(item, what+" smtp"))
			}
		}},
		field{"pop3", func(v *yaml.Node) {
			for _, item := range d.list(v, what+" pop3", MaxRecords, "MaxRecords") {
				h.POP3 = append(h.POP3, d.pop3Service(item, what+" pop3"))
			}
		}},
		field{"imap", func(v *yaml.Node) {
			for _, item := range d.list(v, what+" imap", MaxRecords, "MaxRecords") {
				h.IMAP = append(h.IMAP, d.imapService(item, what+" imap"))
			}
		}},
		field{"dns", func(v *yaml.Node) { h.DNS = d.boolean(v, what+" dns") }},
		field{"down", func(v *yaml.Node) { h.Down = d.boolean(v, what+" down") }},
		field{"ptr", func(v *yaml.Node) { h.PTR = d.str(v, what+" ptr") }},
		field{"dkim", func(v *yaml.Node) { h.DKIM = d.dkim(v, what+" dkim") }},
	)
	if !h.IP.IsValid() && v.Kind == yaml.MappingNode && !d.hasKey(v, "ip") {
		d.errorf(k, "%s: the key \"ip\" is missing (for example ip: 192.0.2.25)", what)
	}
	return h
}

func (d *decoder) smtpService(n *yaml.Node, what string) SMTPService {
	s := SMTPService{Node: n}
	if n.Kind == yaml.ScalarNode { // "smtp: [25, 587]" shorthand
		s.Port = d.integer(n, what+" port", 1, 65535)
		return s
	}
	d.fields(n, what,
		field{"port", func(v *yaml.Node) { s.Port = d.integer(v, what+" port", 1, 65535) }},
		field{"relay", func(v *yaml.Node) { s.Relay = d.relay(v, what+" relay") }},
		field{"auth", func(v *yaml.Node) { s.Auth = d.authMode(v, what+" auth") }},
		field{"domains", func(v *yaml.Node) { s.Domains = d.strs(v, what+" domains", MaxRecords, "MaxRecords") }},
		field{"relay_domains", func(v *yaml.Node) { s.RelayDomains = d.strs(v, what+" relay_domains", MaxRecords, "MaxRecords") }},
		field{"mynetworks", func(v *yaml.Node) {
			for _, item := range d.list(v, what+" mynetworks", MaxRecords, "MaxRecords") {
				s.MyNetworks = append(s.MyNetworks, d.prefix(item, what+" mynetworks"))
			}
		}},
		field{"starttls", func(v *yaml.Node) { s.StartTLS = d.boolean(v, what+" starttls") }},
		field{"max_size", func(v *yaml.Node) { s.MaxSize = d.integer(v, what+" max_size", 1, 1<<30) }},
		field{"max_hops", func(v *yaml.Node) { s.MaxHops = d.integer(v, what+" max_hops", 1, 1000) }},
		// RFC 5321 4.5.3.1.8 asks a server to take at least 100; fewer is
		// allowed on purpose (a teacher showing 452), and the relay's note
		// says so in the trace when the limit bites.
		field{"max_recipients", func(v *yaml.Node) { s.MaxRecipients = d.integer(v, what+" max_recipients", 1, 100000) }},
		field{"pop_window", func(v *yaml.Node) { s.POPWindow, s.POPWindowNode = d.duration(v, what+" pop_window"), v }},
		field{"checks", func(v *yaml.Node) { s.Checks, s.ChecksNode = d.checks(v, what+" checks"), v }},
	)
	if s.Port == 0 && n.Kind == yaml.MappingNode && !d.hasKey(n, "port") {
		d.errorf(n, "%s: the key \"port\" is missing (25 for relay, 587 for submission)", what)
	}
	return s
}

func (d *decoder) pop3Service(n *yaml.Node, what string) POP3Service {
	s := POP3Service{Node: n}
	if n.Kind == yaml.ScalarNode {
		s.Port = d.integer(n, what+" port", 1, 65535)
		return s
	}
	d.fields(n, what,
		field{"port", func(v *yaml.Node) { s.Port = d.integer(v, what+" port", 1, 65535) }},
		field{"apop", func(v *yaml.Node) { s.APOP = d.boolean(v, what+" apop") }},
		field{"stls", func(v *yaml.Node) { s.STLS = d.boolean(v, what+" stls") }},
	)
	if s.Port == 0 && n.Kind == yaml.MappingNode && !d.hasKey(n, "port") {
		d.errorf(n, "%s: the key \"port\" is missing (110 for POP3)", what)
	}
	return s
}

func (d *decoder) imapService(n *yaml.Node, what string) IMAPService {
	s := IMAPService{Node: n}
	if n.Kind == yaml.ScalarNode {
		s.Port = d.integer(n, what+" port", 1, 65535)
	} else {
		d.fields(n, what,
			field{"port", func(v *yaml.Node) { s.Port = d.integer(v, what+" port", 1, 65535) }},
			field{"rev2", func(v *yaml.Node) { s.Rev2 = d.boolean(v, what+" rev2") }},
		)
		if s.Port == 0 && n.Kind == yaml.MappingNode && !d.hasKey(n, "port") {
			d.errorf(n, "%s: the key \"port\" is missing (143 for IMAP)", what)
		}
	}
	// RFC 8314 3.2: 993 is IMAP inside TLS from the first byte, which the
	// engine knows by the port (sim.ImplicitTLS).
	return s
}

// relay reads a relay policy; "open" is accepted for "anyone", the word
// teachers use for it.
// relay decodes a relay policy, once: the engine gets the typed value.
func (d *decoder) relay(n *yaml.Node, what string) *smtp.RelayPolicy {
	name := "anyone"
	if n.Kind != yaml.ScalarNode || n.Value != "open" {
		name = d.oneOf(n, what, "none", "mynetworks", "authenticated", "anyone", "pop-before-smtp")
	}
	p, err := smtp.ParseRelayPolicy(name)
	if err != nil {
		return nil // oneOf has reported it
	}
	return &p
}

// checkNames are the sender domain authentication checks a receiving
// server can run.
var checkNames = map[string]sim.AuthChecks{"spf": sim.CheckSPF, "dkim": sim.CheckDKIM, "dmarc": sim.CheckDMARC}

// checks decodes a list of checks: "checks: [spf, dkim, dmarc]".
func (d *decoder) checks(n *yaml.Node, what string) sim.AuthChecks {
	var c sim.AuthChecks
	for _, item := range d.list(n, what, len(checkNames), "the number of checks") {
		c |= checkNames[d.oneOf(item, what, "spf", "dkim", "dmarc")]
	}
	if c.Has(sim.CheckDMARC) && !c.Has(sim.CheckSPF|sim.CheckDKIM) {
		d.errorf(n, "%s: dmarc decides on the results of spf and dkim; list all three (checks: [spf, dkim, dmarc])", what)
	}
	return c
}

// dkim decodes a host's DKIM signing: "dkim: {domain: bank.example,
// selector: s1}".
func (d *decoder) dkim(n *yaml.Node, what string) *DKIM {
	k := &DKIM{Node: n}
	publish := true
	d.fields(n, what,
		field{"domain", func(v *yaml.Node) { k.Domain = strings.TrimSuffix(d.name(v, what+" domain"), ".") }},
		field{"selector", func(v *yaml.Node) { k.Selector = d.name(v, what+" selector") }},
		field{"publish", func(v *yaml.Node) { publish = d.boolean(v, what+" publish") }},
	)
	k.Unpublished = !publish
	if n.Kind == yaml.MappingNode {
		for _, key := range []string{"domain", "selector"} {
			if !d.hasKey(n, key) {
				d.errorf(n, "%s: the key %q is missing (for example dkim: {domain: bank.example, selector: s1})", what, key)
			}
		}
	}
	return k
}

// authModes are the auth settings a scenario can give a server.
var authModes = map[string]sim.AuthMode{"off": sim.AuthOff, "optional": sim.AuthOptional, "required": sim.AuthRequired}

// authNames are the same settings by mode, for step titles.
var authNames = map[sim.AuthMode]string{sim.AuthOff: "off", sim.AuthOptional: "optional", sim.AuthRequired: "required"}

// authMode decodes an auth setting, once.
func (d *decoder) authMode(n *yaml.Node, what string) *sim.AuthMode {
	m, ok := authModes[d.oneOf(n, what, "off", "optional", "required")]
	if !ok {
		return nil
	}
	return &m
}

func (d *decoder) oneOf(n *yaml.Node, what string, allowed ...string) string {
	before := len(d.errs)
	s := d.str(n, what)
	if len(d.errs) > before {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	if sg := suggest.Closest(s, allowed); sg != "" {
		d.errorf(n, "%s: %q is not one of %s (did you mean %q?)", what, s, strings.Join(allowed, ", "), sg)
	} else {
		d.errorf(n, "%s: %q is not one of %s", what, s, strings.Join(allowed, ", "))
	}
	return ""
}

func (d *decoder) zone(k, v *yaml.Node) *Zone {
	z := &Zone{Name: strings.TrimSuffix(strings.ToLower(k.Value), "."), Node: k}
	what := "dns " + k.Value
	d.fields(v, what,
		field{"mx", func(v *yaml.Node) {
			items := d.list(v, what+" mx", MaxRecords, "MaxRecords")
			for _, item := range items {
				m := d.mx(item, what+" mx")
				// RFC 7505 3: a null MX ("0 .") is the domain's only MX.
				if m.Host.Node != nil && m.Host.Name == "" && len(items) > 1 {
					d.errorf(item, "%s mx: a null MX (\".\", no mail accepted) must be the only MX record of its domain (RFC 7505 3)", what)
				}
				z.MX = append(z.MX, m)
			}
		}},
		field{"a", func(v *yaml.Node) {
			for _, item := range d.list(v, what+" a", MaxRecords, "MaxRecords") {
				z.A = append(z.A, d.addr(item, what+" a"))
			}
		}},
		field{"txt", func(v *yaml.Node) { z.TXT = d.strs(v, what+" txt", MaxRecords, "MaxRecords") }},
	)
	return z
}

// mx reads "10 mx.example.jp" (zone-file order) or {pref: 10, host: mx.example.jp}.
func (d *decoder) mx(n *yaml.Node, what string) MX {
	var m MX
	if n.Kind == yaml.ScalarNode {
		f := strings.Fields(n.Value)
		pref, err := -1, error(nil)
		if len(f) == 2 {
			pref, err = strconv.Atoi(f[0])
		}
		if err != nil || pref < 0 || pref > 65535 {
			d.errorf(n, "%s: expected \"<preference> <host>\" such as \"10 mx.example.jp\", got %q", what, n.Value)
			return m
		}
		m = MX{Pref: pref, Host: Ref{strings.TrimSuffix(f[1], "."), n}}
	} else {
		d.require(n, what, "pref", "host")
		d.fields(n, what,
			field{"pref", func(v *yaml.Node) { m.Pref = d.integer(v, what+" pref", 0, 65535) }},
			field{"host", func(v *yaml.Node) { m.Host = Ref{strings.TrimSuffix(d.name(v, what+" host"), "."), v} }},
		)
	}
	if m.Host.Node != nil && m.Host.Name == "" && m.Pref != 0 {
		d.errorf(n, "%s: a null MX (host \".\", no mail accepted) has preference 0 (RFC 7505 3)", what)
	}
	return m
}

// target reads "host:port"; the port is written in digits only.
func (d *decoder) target(n *yaml.Node, what string) Target {
	before := len(d.errs)
	s := d.str(n, what)
	if len(d.errs) > before {
		return Target{}
	}
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		d.errorf(n, "%s: expected host:port such as mail.isp.example:587, got %q", what, s)
		return Target{}
	}
	digits := s[i+1:]
	port, err := strconv.Atoi(digits)
	if err != nil || port < 1 || port > 65535 || strings.Trim(digits, "0123456789") != "" || digits[0] == '0' {
		d.errorf(n, "%s: the port in %q is not a number from 1 to 65535", what, s)
		return Target{}
	}
	return Target{Host: Ref{s[:i], n}, Port: port}
}

// Limits of a recap: enough lines to retell the scenario, few enough to
// read at a glance at its end.
const (
	minRecapLines, maxRecapLines = 3, 5
	maxRecapFacts                = 5
)

// recap reads the recap: a mapping with lines (three to five bilingual
// lines, what happened) and facts (up to five bilingual lines, the exam
// facts the scenario showed).
func (d *decoder) recap(n *yaml.Node) *Recap {
	r := &Recap{Node: n}
	var linesNode *yaml.Node
	d.fields(n, "recap",
		field{"lines", func(v *yaml.Node) {
			linesNode = v
			for _, l := range d.list(v, "recap lines", MaxRecords, "MaxRecords") {
				r.Lines = append(r.Lines, d.text(l, "recap line"))
			}
		}},
		field{"facts", func(v *yaml.Node) {
			facts := d.list(v, "recap facts", MaxRecords, "MaxRecords")
			if len(facts) > maxRecapFacts {
				d.errorf(v, "recap facts: %d facts; give at most %d, the ones this scenario shows best", len(facts), maxRecapFacts)
			}
			for _, f := range facts {
				r.Facts = append(r.Facts, d.text(f, "recap fact"))
			}
		}},
	)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	switch {
	case linesNode == nil:
		d.errorf(n, "recap: the key \"lines\" is missing: say in %d to %d lines what the scenario showed", minRecapLines, maxRecapLines)
	case linesNode.Kind == yaml.SequenceNode && (len(r.Lines) < minRecapLines || len(r.Lines) > maxRecapLines):
		d.errorf(linesNode, "recap lines: %d lines; give %d to %d, each {en: ..., ja: ...}", len(r.Lines), minRecapLines, maxRecapLines)
	}
	return r
}
