// Package i18n holds mailsim's bilingual text: the Text type that carries the
// same teaching sentence in English and Japanese, and the choice of language
// from a flag or the locale.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language mailsim can speak to its user.
type Lang string

// The languages every piece of teaching text exists in.
const (
	EN Lang = "en"
	JA Lang = "ja"
)

// Text is one piece of user-facing teaching text in both languages.
type Text struct {
	EN string `json:"en,omitempty"`
	JA string `json:"ja,omitempty"`
}

// T builds a Text from its English and Japanese versions.
func T(en, ja string) Text { return Text{EN: en, JA: ja} }

// In returns the text in lang, falling back to English when the Japanese
// version is missing.
func (t Text) In(lang Lang) string {
	if lang == JA && t.JA != "" {
		return t.JA
	}
	return t.EN
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.EN == "" && t.JA == "" }

// Parse turns a --lang value into a Lang.
func Parse(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "english":
		return EN, nil
	case "ja", "jp", "japanese", "日本語":
		return JA, nil
	}
	return "", fmt.Errorf("unknown language %q: use en or ja", s)
}

// FromEnv picks the language from the locale variables in the order POSIX
// gives them precedence (LC_ALL, LC_MESSAGES, LANG): Japanese when the first
// one set starts with "ja", English otherwise. getenv is os.Getenv in
// production and a map lookup in tests.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "ja") {
				return JA
			}
			return EN
		}
	}
	return EN
}

// Template is one sentence of the engine's message catalogue, in both
// languages, with numbered placeholders {0}, {1}, ... for its arguments.
// Templates are package-level values: an event refers to one and carries
// only the arguments, so the engine formats nothing and a view renders the
// sentence in its reader's language.
type Template struct {
	ID     string // stable name, for tests and exports ("relay.no-mx")
	EN, JA string
}

// Text returns the template's two languages as a Text, placeholders and all.
func (t *Template) Text() Text { return Text{EN: t.EN, JA: t.JA} }

// Msg is a sentence for the reader: a catalogue Template with its
// arguments. Literal text (narration a scenario file wrote) is a template
// of its own, with no ID.
type Msg struct {
	T    *Template
	Args []Arg
}

// Arg is one argument of a Msg: plain text the same in both languages
// (a host name, an address, a wire line), or a nested Msg.
type Arg struct {
	S   string
	Msg *Msg
}

// M builds a Msg from a template and plain-string arguments.
func M(t *Template, args ...string) Msg {
	m := Msg{T: t}
	if len(args) > 0 {
		m.Args = make([]Arg, len(args))
		for i, a := range args {
			m.Args[i] = Arg{S: a}
		}
	}
	return m
}

// Literal wraps a bilingual text as a Msg. Braces in it are kept as they
// are: a literal has no arguments.
func Literal(t Text) Msg {
	if t.IsZero() {
		return Msg{}
	}
	return Msg{T: &Template{EN: t.EN, JA: t.JA}}
}

// With returns m with a nested message appended as its next argument.
func (m Msg) With(n Msg) Msg {
	m.Args = append(m.Args[:len(m.Args):len(m.Args)], Arg{Msg: &n})
	return m
}

// IsZero reports whether the message says nothing.
func (m Msg) IsZero() bool { return m.T == nil }

// ID is the template's id, or "" for a literal or an empty message.
func (m Msg) ID() string {
	if m.T == nil {
		return ""
	}
	return m.T.ID
}

// Text returns the message in both languages.
func (m Msg) Text() Text { return m.Both() }

// In renders the message in lang (English when a Japanese version is
// missing).
func (m Msg) In(lang Lang) string {
	if m.T == nil {
		return ""
	}
	tpl := m.T.EN
	if lang == JA && m.T.JA != "" {
		tpl = m.T.JA
	}
	if len(m.Args) == 0 {
		return tpl
	}
	var b strings.Builder
	for i := 0; i < len(tpl); i++ {
		if tpl[i] == '{' && i+2 < len(tpl) && tpl[i+1] >= '0' && tpl[i+1] <= '9' && tpl[i+2] == '}' {
			if n := int(tpl[i+1] - '0'); n < len(m.Args) {
				a := m.Args[n]
				if a.Msg != nil {
					b.WriteString(a.Msg.In(lang))
				} else {
					b.WriteString(a.S)
				}
			}
			i += 2
			continue
		}
		b.WriteByte(tpl[i])
	}
	return b.String()
}

// Both renders the message in both languages, as a Text.
func (m Msg) Both() Text { return Text{EN: m.In(EN), JA: m.In(JA)} }
