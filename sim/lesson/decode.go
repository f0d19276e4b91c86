package lesson

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mailsim/mailsim/internal/suggest"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
)

// The errors of this package are scenario's: one problem at
// file:line:column (scenario.Error), and every problem of a load in file
// order (scenario.ErrorList), so that `mailsim check` and the tests print
// them the same way.
type (
	// Error is one problem at a position.
	Error = scenario.Error
	// ErrorList is every problem found.
	ErrorList = scenario.ErrorList
)

// decoder walks a yaml.Node tree, collecting every error with its position
// instead of stopping at the first.
type decoder struct {
	file string
	errs ErrorList
}

const maxErrors = 50

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

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// parseRoot parses src and returns its document's top node, or nil after
// recording the error.
func (d *decoder) parseRoot(src []byte) *yaml.Node {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		d.errs = append(d.errs, scenario.SyntaxError(d.file, src, err))
		return nil
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		d.errs = append(d.errs, &Error{File: d.file, Msg: "the file is empty"})
		return nil
	}
	return root.Content[0]
}

// field is one key a mapping may hold.
type field struct {
	name     string
	set      func(v *yaml.Node)
	required bool
}

// fields decodes a mapping whose keys are fixed, reporting unknown,
// duplicate and missing keys. what names the mapping in messages.
func (d *decoder) fields(n *yaml.Node, what string, fs ...field) {
	if !d.isMap(n, what) {
		return
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	seen := map[string]bool{}
	suggested := map[string]bool{}
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
				suggested[s] = true
			}
			d.errorf(k, "%s; valid keys: %s", msg, strings.Join(names, ", "))
		}
	}
	for _, f := range fs {
		// A missing key that a misspelt one stands for was reported there.
		if f.required && !seen[f.name] && !suggested[f.name] {
			d.errorf(n, "%s: the key %q is missing", what, f.name)
		}
	}
}

func (d *decoder) isMap(n *yaml.Node, what string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	d.errorf(n, "%s: expected a mapping (key: value lines), got %s", what, describe(n))
	return false
}

// list returns the items of a sequence.
func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind == yaml.SequenceNode {
		return n.Content
	}
	d.errorf(n, "%s: expected a list, got %s", what, describe(n))
	return nil
}

func (d *decoder) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s: expected a string, got %s", what, describe(n))
		return ""
	}
	if strings.TrimSpace(n.Value) == "" {
		d.errorf(n, "%s: the text is empty", what)
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

func (d *decoder) ints(n *yaml.Node, what string, lo, hi int) []int {
	var out []int
	for _, item := range d.list(n, what) {
		out = append(out, d.integer(item, what, lo, hi))
	}
	return out
}

// text reads bilingual text {en: ..., ja: ...}; both are required. With
// plain set, a single string is accepted for both languages (protocol
// lines, port numbers).
func (d *decoder) text(n *yaml.Node, what string, plain bool) i18n.Text {
	if n.Kind == yaml.ScalarNode && plain {
		s := d.str(n, what)
		return i18n.Text{EN: s, JA: s}
	}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		d.errorf(n, "%s: give the text in both languages, as {en: ..., ja: ...}", what)
		return i18n.Text{}
	}
	var t i18n.Text
	d.fields(n, what,
		field{name: "en", required: true, set: func(v *yaml.Node) { t.EN = d.str(v, what+" en") }},
		field{name: "ja", required: true, set: func(v *yaml.Node) {
			t.JA = d.str(v, what+" ja")
			if v.Style&yaml.FoldedStyle != 0 {
				t.JA = scenario.UnfoldJapanese(t.JA)
			}
		}},
	)
	return t
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (d *decoder) id(n *yaml.Node, what string) string {
	s := d.str(n, what)
	if s != "" && !idPattern.MatchString(s) {
		d.errorf(n, "%s: use lower-case letters, digits and hyphens, such as op25b-01; got %q", what, s)
	}
	return s
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
