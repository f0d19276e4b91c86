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
	"github.com/mailsim/mailsim/sim/transcript"
)

// decoder walks a yaml.Node tree, collecting every error with its position
// instead of stopping at the first.
type decoder struct {
	file string
	errs ErrorList
}

const maxErrors = 25

// errorf records a problem at n. format is English; messages_ja.go has its
// Japanese twin, and an i18n.Text argument prints in the reader's language.
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.errorAt(line, col, format, args...)
}

func (d *decoder) errorAt(line, col int, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		return
	}
	d.errs = append(d.errs, newError(d.file, line, col, format, args...))
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
			if s := suggest.Closest(k.Value, names); s != "" {
				d.errorf(k, "%s: unknown key %q (did you mean %q?); valid keys: %s", what, k.Value, s, strings.Join(names, ", "))
			} else {
				d.errorf(k, "%s: unknown key %q; valid keys: %s", what, k.Value, strings.Join(names, ", "))
			}
		}
	}
}

// entries calls fn for every key and value of a mapping whose keys are names
// (hosts, networks, domains), in file order, rejecting duplicates, names
// that are not names, and more than limit entries (limitName says which
// limit in messages).
func (d *decoder) entries(n *yaml.Node, what string, limit int, limitName string, fn func(k, v *yaml.Node)) {
	if !d.isMap(n, what) {
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if i/2 == limit {
			d.errorf(k, "%s: more than %d entries (the limit %s)", what, limit, limitName)
			return
		}
		name := d.name(k, what)
		if name == "" {
			continue
		}
		if seen[name] {
			d.errorf(k, "%s: %q is defined twice", what, name)
			continue
		}
		seen[name] = true
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
// one, so "to: bob@example.jp" and "to: [bob@example.jp]" both work. A list
// longer than limit is an error at its first item past the limit.
func (d *decoder) list(n *yaml.Node, what string, limit int, limitName string) []*yaml.Node {
	switch n.Kind {
	case yaml.SequenceNode:
		if len(n.Content) > limit {
			d.errorf(n.Content[limit], "%s: more than %d items (the limit %s)", what, limit, limitName)
			return n.Content[:limit]
		}
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

// str reads a one-line string: no control characters (a line break in a
// header field or a protocol argument would add a line to what is sent, the
// way header injection works), at most MaxLineBytes.
func (d *decoder) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s: expected a string, got %s", what, describe(n))
		return ""
	}
	s := n.Value
	if len(s) > MaxLineBytes {
		d.errorf(n, "%s: longer than %d bytes (the limit MaxLineBytes)", what, MaxLineBytes)
		return ""
	}
	if i, r := control(s, ""); i >= 0 {
		d.errorf(n, "%s: the control character %s is not allowed here: write the value on one line, without line breaks or escape sequences", what, runeName(r))
		return ""
	}
	return s
}

// name reads a string that names something: a host, a network, a user, a
// domain, an address. It must not be empty.
func (d *decoder) name(n *yaml.Node, what string) string {
	before := len(d.errs)
	s := d.str(n, what)
	if s == "" && len(d.errs) == before {
		d.errorf(n, "%s: the value is empty: give a name, or leave the key out", what)
	}
	return s
}

// multiline reads a string of several lines (a body, narration): line
// breaks and tabs are allowed, other control characters are not, and CR is
// not either (the line ending is mailsim's to write).
func (d *decoder) multiline(n *yaml.Node, what string, maxBytes int, maxName string, maxLines int) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s: expected a string, got %s", what, describe(n))
		return ""
	}
	s := n.Value
	if len(s) > maxBytes {
		d.errorf(n, "%s: longer than %d bytes (the limit %s)", what, maxBytes, maxName)
		return ""
	}
	if maxLines > 0 {
		if c := strings.Count(s, "\n"); c > maxLines {
			d.errorf(n, "%s: more than %d lines (the limit MaxBodyLines)", what, maxLines)
			return ""
		}
	}
	if i, r := control(s, "\n\t"); i >= 0 {
		d.errorf(n, "%s: the control character %s is not allowed here", what, runeName(r))
		return ""
	}
	return s
}

// control returns the byte offset and value of the first control character
// of s not in allowed, or -1: C0, DEL and C1 (ECMA-48), and the characters
// that change how a terminal draws what follows (bidirectional overrides,
// line separators; see transcript.IsUnsafe).
func control(s, allowed string) (int, rune) {
	for i, r := range s {
		if (r < 0x20 || r == 0x7f || transcript.IsUnsafe(r)) && !strings.ContainsRune(allowed, r) {
			return i, r
		}
	}
	return -1, 0
}

// runeName names a control character the way a reader can look it up:
// "CR (U+000D)".
func runeName(r rune) string {
	names := map[rune]string{'\r': "CR", '\n': "LF", '\t': "TAB", 0: "NUL", 0x1b: "ESC", 0x7f: "DEL"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("%s (U+%04X)", n, r)
	}
	return fmt.Sprintf("U+%04X", r)
}

func (d *decoder) strs(n *yaml.Node, what string, limit int, limitName string) []string {
	var out []string
	for _, item := range d.list(n, what, limit, limitName) {
		out = append(out, d.name(item, what))
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
	before := len(d.errs)
	s := d.str(n, what)
	if len(d.errs) > before {
		return netip.Addr{}
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		d.errorf(n, "%s: expected an IP address such as 192.0.2.25, got %q", what, s)
		return netip.Addr{}
	}
	return a
}

func (d *decoder) prefix(n *yaml.Node, what string) netip.Prefix {
	before := len(d.errs)
	s := d.str(n, what)
	if len(d.errs) > before {
		return netip.Prefix{}
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		d.errorf(n, "%s: expected a network in CIDR form such as 203.0.113.0/24, got %q", what, s)
		return netip.Prefix{}
	}
	return p.Masked()
}

// duration reads a wait: positive, at most MaxWait.
func (d *decoder) duration(n *yaml.Node, what string) time.Duration {
	before := len(d.errs)
	s := d.str(n, what)
	if len(d.errs) > before {
		return 0
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		d.errorf(n, "%s: expected a duration such as 30m, 4h or 90s, got %q", what, s)
		return 0
	}
	if v > MaxWait {
		d.errorf(n, "%s: %s is longer than %s (the limit MaxWait); the queue lifetime is 5 days, so a week shows every retry and bounce", what, s, maxWaitText)
		return 0
	}
	return v
}

// maxWaitText is MaxWait as a teacher would write it.
var maxWaitText = strconv.Itoa(int(MaxWait/(24*time.Hour))) + "d (" + strconv.Itoa(int(MaxWait/time.Hour)) + "h)"

// text reads bilingual text: a mapping {en: ..., ja: ...}, or a plain string
// used for both languages (handy for a teacher's own scenario).
func (d *decoder) text(n *yaml.Node, what string) i18n.Text {
	if n.Kind == yaml.ScalarNode {
		s := d.multiline(n, what, MaxTextBytes, "MaxTextBytes", 0)
		return i18n.Text{EN: s, JA: s}
	}
	var t i18n.Text
	d.fields(n, what,
		field{"en", func(v *yaml.Node) { t.EN = d.multiline(v, what+" en", MaxTextBytes, "MaxTextBytes", 0) }},
		field{"ja", func(v *yaml.Node) {
			t.JA = d.multiline(v, what+" ja", MaxTextBytes, "MaxTextBytes", 0)
			if v.Style&yaml.FoldedStyle != 0 {
				t.JA = UnfoldJapanese(t.JA)
			}
		}},
	)
	if n.Kind == yaml.MappingNode && (t.EN == "" || t.JA == "") {
		d.errorf(n, "%s: give the text in both languages, en and ja", what)
	}
	return t
}

// describe names what a node holds, for messages.
func describe(n *yaml.Node) i18n.Text {
	switch n.Kind {
	case yaml.MappingNode:
		return i18n.T("a mapping", "マッピング")
	case yaml.SequenceNode:
		return i18n.T("a list", "リスト")
	case yaml.AliasNode:
		return i18n.T("an alias", "エイリアス")
	}
	switch n.Tag {
	case "!!null":
		return i18n.T("nothing", "空の値")
	case "!!int":
		return i18n.T("the number "+n.Value, "数値"+n.Value)
	case "!!bool":
		return i18n.T(n.Value, n.Value)
	}
	q := excerpt(n.Value, 80)
	return i18n.T(q, q)
}

// describeShort is describe with a shorter excerpt of text, for a value
// that may be a whole file.
func describeShort(n *yaml.Node) i18n.Text {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		q := excerpt(n.Value, 40)
		return i18n.T("text beginning "+q, q+"で始まるテキスト")
	}
	return describe(n)
}

// excerpt quotes at most max runes of s, with "..." when it cuts, and
// never in the middle of a UTF-8 sequence; strconv.Quote shows control
// characters as escapes.
func excerpt(s string, max int) string {
	n := 0
	for i := range s {
		if n == max {
			return strconv.Quote(s[:i] + "...")
		}
		n++
	}
	return strconv.Quote(s)
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

// UnfoldJapanese removes the spaces that YAML's folded style (">") puts
// where it joins lines: English needs them, Japanese is written without
// spaces, so a space next to a CJK character is dropped. sim/lesson uses
// it for its Japanese text too.
func UnfoldJapanese(s string) string {
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
