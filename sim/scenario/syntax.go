package scenario

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// position returns the 1-based line and column (in characters) of byte
// offset off in src.
func position(src []byte, off int) (line, col int) {
	off = min(off, len(src))
	before := src[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// prescan finds what YAML refuses without saying where: bytes that are not
// UTF-8 and characters YAML does not allow in a file (YAML 1.2 5.1: C0
// controls other than tab and line breaks, DEL, C1 other than NEL). It
// reports the first and whether there was none.
func (d *decoder) prescan(src []byte) bool {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			line, col := position(src, i)
			d.errorAt(line, col, "the byte 0x%02X is not UTF-8: save the file as UTF-8", src[i])
			return false
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f && r != 0x85, r == 0xfeff && i > 0:
			line, col := position(src, i)
			d.errorAt(line, col, "the control character %s is not allowed in a YAML file", runeName(r))
			return false
		}
		i += size
	}
	return true
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// SyntaxError turns a YAML syntax error from reading src into an Error
// with a position; sim/lesson reads its files with it too.
// yaml.v3 gives a line for most errors (none when it is the first) and
// never a column: the column is that of the line's first character, where
// the construct it could not finish begins.
func SyntaxError(file string, src []byte, err error) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	switch {
	case strings.Contains(msg, "exceeded max depth"):
		line, col := position(src, flowDepthOffset(src))
		return newError(file, line, col, "YAML syntax: nested more than %d levels deep (the limit MaxDepth)", MaxDepth)
	case strings.Contains(msg, "incompatible YAML document"):
		line := directiveLine(src)
		return newError(file, line, 1, "YAML syntax: this %%YAML version cannot be read; remove the %%YAML line (or write %%YAML 1.1)")
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		line, col := position(src, aliasOffset(src, m[1]))
		return newError(file, line, col, "YAML syntax: the alias *%s refers to no anchor &%s; aliases are not supported here anyway: write the value out", m[1], m[1])
	}
	line, text := 1, strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = m[2]
		// yaml.v3 reports scanner errors with a 1-based line but parser
		// errors ("did not find expected ...") with the 0-based line of the
		// construct left open; shift those to point at it.
		if strings.HasPrefix(text, "did not find expected") {
			line++
		}
	}
	return newError(file, line, firstColumn(src, line), "YAML syntax: %s", text)
}

// firstColumn is the column of the first character of line that is not a
// space, 1 for an empty line.
func firstColumn(src []byte, line int) int {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return 1
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	n := len(src) - len(bytes.TrimLeft(src, " \t"))
	return utf8.RuneCount(src[:n]) + 1
}

// flowDepthOffset returns the offset of the first bracket nested deeper
// than MaxDepth, counting [ and { outside quotes, or 0.
func flowDepthOffset(src []byte) int {
	depth := 0
	var quote byte
	for i, c := range src {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
			if depth > MaxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return 0
}

// directiveLine is the line of the %YAML directive, 1 if there is none.
func directiveLine(src []byte) int {
	for i, l := range bytes.Split(src, []byte{'\n'}) {
		if bytes.HasPrefix(l, []byte("%YAML")) {
			return i + 1
		}
	}
	return 1
}

// aliasOffset finds "*name" used as an alias in src, or 0.
func aliasOffset(src []byte, name string) int {
	re, err := regexp.Compile(`(^|[\s\[{,:-])\*` + regexp.QuoteMeta(name) + `($|[\s\]},])`)
	if err != nil {
		return 0
	}
	for _, loc := range re.FindAllIndex(src, -1) {
		star := bytes.IndexByte(src[loc[0]:], '*') + loc[0]
		lineStart := bytes.LastIndexByte(src[:star], '\n') + 1
		if !bytes.Contains(src[lineStart:star], []byte("#")) { // not in a comment
			return star
		}
	}
	return 0
}

// shape checks the node tree before it is decoded: no deeper than
// MaxDepth, and no aliases or merge keys. Those are refused rather than
// expanded: a scenario is short enough to write out, and expanding them is
// how a small YAML file becomes a large one ("billion laughs"). It reports
// whether the tree is fit to decode.
func (d *decoder) shape(n *yaml.Node, depth int) bool {
	if depth > MaxDepth {
		d.errorf(n, "nested more than %d levels deep (the limit MaxDepth)", MaxDepth)
		return false
	}
	switch n.Kind {
	case yaml.AliasNode:
		d.errorf(n, "the alias *%s is not supported: write the value out where it is used", n.Value)
		return false
	case yaml.MappingNode:
		ok := true
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Tag == "!!merge" {
				d.errorf(k, "the merge key << is not supported: write the keys out in this mapping")
				ok = false
				continue
			}
			ok = d.shape(n.Content[i], depth+1) && ok
			ok = d.shape(n.Content[i+1], depth+1) && ok
		}
		return ok
	}
	ok := true
	for _, c := range n.Content {
		ok = d.shape(c, depth+1) && ok
	}
	return ok
}
