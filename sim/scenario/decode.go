package scenario

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim/i18n"
)

// decoder walks a yaml.Node tree, collecting every error with its position
// instead of stopping at the first.
type decoder struct {
	file string
	errs ErrorList
}

const maxErrors = 25

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		return
	}
	e := &Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// field is one key a mapping may hold.
type field struct {
	name string
	set  func(v *yaml.Node)
}

// fields decodes a mapping whose keys are fixed, reporting unknown and
// duplicate keys. what names the mapping in messages ("send step").
func (d *decoder) fields(n *yaml.Node, what string, fs ...field) {
	if !d.isMap(n, what) {
		return
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			d.errorf(k, "%s: key %q appears twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		found := false
		for _, f := range fs {
			if f.name == k.Value {
				f.set(v)
				found = true
				break
			}
		}
		if !found {
			msg := fmt.Sprintf("%s: unknown key %q", what, k.Value)
			if s := suggest.Closest(k.Value, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.errorf(k, "%s; valid keys: %s", msg, strings.Join(names, ", "))
		}
	}
}

// entries calls fn for every key and value of a mapping whose keys are names
// (hosts, networks, domains), in file order, rejecting duplicates.
func (d *decoder) entries(n *yaml.Node, what string, fn func(k, v *yaml.Node)) {
	if !d.isMap(n, what) {
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			d.errorf(k, "%s: %q is defined twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		fn(k, v)
	}
}

func (d *decoder) isMap(n *yaml.Node, what string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	d.errorf(n, "%s: expected a mapping (key: value lines), got %s", what, describe(n))
	return false
}

// list returns the items of a sequence; a single scalar counts as a list of
// one, so "to: bob@example.jp" and "to: [bob@example.jp]" both work.
func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	switch n.Kind {
	case yaml.SequenceNode:
		return n.Content
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return []*yaml.Node{n}
	}
	d.errorf(n, "%s: expected a list, got %s", what, describe(n))
	return nil
}

func (d *decoder) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s: expected a string, got %s", what, describe(n))
		return ""
	}
	return n.Value
}

func (d *decoder) strs(n *yaml.Node, what string) []string {
	var out []string
	for _, item := range d.list(n, what) {
		out = append(out, d.str(item, what))
	}
	return out
}

func (d *decoder) integer(n *yaml.Node, what string, lo, hi int) int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		v, err := strconv.Atoi(n.Value)
		if err == nil && v >= lo && v <= hi {
			return v
		}
	}
	d.errorf(n, "%s: expected a whole number from %d to %d, got %s", what, lo, hi, describe(n))
	return 0
}

func (d *decoder) boolean(n *yaml.Node, what string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	}
	d.errorf(n, "%s: expected true or false, got %s", what, describe(n))
	return false
}

func (d *decoder) addr(n *yaml.Node, what string) netip.Addr {
	s := d.str(n, what)
	if s == "" {
		return netip.Addr{}
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		d.errorf(n, "%s: expected an IP address such as 192.0.2.25, got %q", what, s)
	}
	return a
}

func (d *decoder) prefix(n *yaml.Node, what string) netip.Prefix {
	s := d.str(n, what)
	if s == "" {
		return netip.Prefix{}
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		d.errorf(n, "%s: expected a network in CIDR form such as 203.0.113.0/24, got %q", what, s)
		return netip.Prefix{}
	}
	return p.Masked()
}

func (d *decoder) duration(n *yaml.Node, what string) time.Duration {
	s := d.str(n, what)
	if s == "" {
		return 0
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		d.errorf(n, "%s: expected a duration such as 30m, 4h or 90s, got %q", what, s)
	}
	return v
}

// text reads bilingual text: a mapping {en: ..., ja: ...}, or a plain string
// used for both languages (handy for a teacher's own scenario).
func (d *decoder) text(n *yaml.Node, what string) i18n.Text {
	if n.Kind == yaml.ScalarNode {
		s := d.str(n, what)
		return i18n.Text{EN: s, JA: s}
	}
	var t i18n.Text
	d.fields(n, what,
		field{"en", func(v *yaml.Node) { t.EN = d.str(v, what+" en") }},
		field{"ja", func(v *yaml.Node) {
			t.JA = d.str(v, what+" ja")
			if v.Style&yaml.FoldedStyle != 0 {
				t.JA = unfoldJapanese(t.JA)
			}
		}},
	)
	if n.Kind == yaml.MappingNode && (t.EN == "" || t.JA == "") {
		d.errorf(n, "%s: give the text in both languages, en and ja", what)
	}
	return t
}

// describe names what a node holds, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!int":
		return "the number " + n.Value
	case "!!bool":
		return n.Value
	}
	return strconv.Quote(n.Value)
}

// sortedKeys returns m's keys in order, for deterministic messages.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// unfoldJapanese removes the spaces that YAML's folded style (">") puts
// where it joins lines: English needs them, Japanese is written without
// spaces, so a space next to a CJK character is dropped.
func unfoldJapanese(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && (isCJK(rs[i-1]) || isCJK(rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// isCJK reports whether r is a character of Japanese text: kana, kanji,
// CJK punctuation or a full-width form.
func isCJK(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF
}
