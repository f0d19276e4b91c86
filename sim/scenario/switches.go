package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mailsim/mailsim/sim/smtp"
)

// Switches are the settings `mailsim run --compare` can turn, each with
// its values; the first value of each is the one that removes the
// defence or the hole.
//
//   - op25b=off removes OP25B from every network; op25b=on gives it to
//     every dynamic network, with the exceptions the file lists (none if
//     it lists none).
//   - relay=closed makes every server that relays for anyone relay for
//     nobody; relay=open leaves them as the file has them.
var Switches = map[string][]string{
	"op25b": {"off", "on"},
	"relay": {"closed", "open"},
}

// SwitchKeys returns the names of the switches, sorted.
func SwitchKeys() []string {
	keys := make([]string, 0, len(Switches))
	for k := range Switches {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// With returns a copy of the scenario with one switch set; the scenario
// itself is unchanged, so one loaded file can be run under each setting.
func (sc *Scenario) With(key, value string) (*Scenario, error) {
	values, ok := Switches[key]
	if !ok {
		return nil, fmt.Errorf("%q is not a switch; the switches are %s", key, strings.Join(SwitchKeys(), ", "))
	}
	if !slices.Contains(values, value) {
		return nil, fmt.Errorf("%s=%s: the values of %s are %s", key, value, key, strings.Join(values, ", "))
	}
	out := *sc
	out.World.Networks = copies(sc.World.Networks)
	out.World.Hosts = copies(sc.World.Hosts)
	for _, h := range out.World.Hosts {
		h.SMTP = slices.Clone(h.SMTP)
	}
	switch key {
	case "op25b":
		for _, n := range out.World.Networks {
			switch {
			case value == "off":
				n.HasOP25 = false
			case n.Dynamic:
				n.HasOP25 = true
			}
		}
	case "relay":
		if value == "closed" {
			none := smtp.RelayNone
			for _, h := range out.World.Hosts {
				for i, s := range h.SMTP {
					if s.Relay != nil && *s.Relay == smtp.RelayAnyone {
						h.SMTP[i].Relay = &none
					}
				}
			}
		}
	}
	return &out, nil
}

// copies returns a new slice of copies of the elements of s (nil for nil).
func copies[T any](s []*T) []*T {
	if s == nil {
		return nil
	}
	out := make([]*T, len(s))
	for i, p := range s {
		c := *p
		out[i] = &c
	}
	return out
}

// Turns reports whether switch key changes anything in the scenario:
// op25b needs a dynamic network (or one with OP25B), relay a server that
// relays for anyone. An unknown key turns nothing.
func (sc *Scenario) Turns(key string) bool {
	switch key {
	case "op25b":
		return slices.ContainsFunc(sc.World.Networks, func(n *Network) bool { return n.Dynamic || n.HasOP25 })
	case "relay":
		return slices.ContainsFunc(sc.World.Hosts, func(h *Host) bool {
			return slices.ContainsFunc(h.SMTP, func(s SMTPService) bool { return s.Relay != nil && *s.Relay == smtp.RelayAnyone })
		})
	}
	return false
}

// Has reports whether the scenario as written already has switch key set
// to value, so that With(key, value) changes nothing: op25b=off when no
// network has OP25B, op25b=on when every dynamic network has it,
// relay=open always (it leaves the servers as the file has them),
// relay=closed when no server relays for anyone.
func (sc *Scenario) Has(key, value string) bool {
	switch key + "=" + value {
	case "op25b=off":
		return !slices.ContainsFunc(sc.World.Networks, func(n *Network) bool { return n.HasOP25 })
	case "op25b=on":
		return !slices.ContainsFunc(sc.World.Networks, func(n *Network) bool { return n.Dynamic && !n.HasOP25 })
	case "relay=open":
		return true
	case "relay=closed":
		return !sc.Turns("relay")
	}
	return false
}

// Scale multiplies the messages each bot sends in every campaign by f,
// within MaxAttempts: how a benchmark or a teacher makes the bundled
// campaign bigger without editing the file.
func (sc *Scenario) Scale(f int) error {
	if f < 1 {
		return newError(sc.File, 0, 0, "scale %d: the scale must be at least 1", f)
	}
	if n := sc.Attempts(); n > 0 && f > MaxAttempts/n {
		return newError(sc.File, 0, 0, "scale %d makes more than %d delivery attempts (the limit MaxAttempts): at scale 1 the scenario makes %d", f, MaxAttempts, n)
	}
	for i, st := range sc.Steps {
		if st.Kind != "campaign" {
			continue
		}
		c := *st.Campaign
		c.Messages *= f
		c.attempts *= f
		s := *st
		s.Campaign = &c
		sc.Steps[i] = &s
	}
	return nil
}
