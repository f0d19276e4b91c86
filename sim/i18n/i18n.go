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
