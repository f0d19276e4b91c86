package scenario

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/transcript"
)

// Error is one problem in a scenario file, with the position it was found
// at. Line and Col count from 1; 0 means the position is unknown.
//
// Error and In print the file name and the message through
// transcript.Clean: both come from whoever wrote the file (a host called
// "\x1b]52;c;..." would otherwise write to the reader's clipboard).
type Error struct {
	File      string
	Line, Col int
	Msg       string // in English

	format string // the English format Msg was made from, the key of messagesJA
	args   []any
}

func (e *Error) Error() string { return e.In(i18n.EN) }

// In returns the error in lang: the Japanese message when the catalogue
// (messages_ja.go) has one, the English one otherwise.
func (e *Error) In(lang i18n.Lang) string {
	msg := e.Msg
	if lang == i18n.JA {
		msg = e.ja()
	}
	file := transcript.Clean(e.File)
	msg = transcript.Clean(msg)
	switch {
	case e.Line > 0 && e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Col, msg)
	case e.File != "":
		return file + ": " + msg
	}
	return msg
}

// ja formats the message from its Japanese format, with phrases (what a
// node holds, "step at line 3") said in Japanese too.
func (e *Error) ja() string {
	f, ok := messagesJA[e.format]
	if !ok {
		return e.Msg
	}
	args := make([]any, len(e.args))
	for i, a := range e.args {
		switch a := a.(type) {
		case i18n.Text:
			args[i] = a.In(i18n.JA)
		case string:
			args[i] = jaWhat(a)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(f, args...)
}

var stepAtLine = regexp.MustCompile(`^step at line (\d+)`)

// jaWhat says "step at line 16", the name of a step in messages, in
// Japanese; the other names of places in a file are its keys, the same in
// both languages.
func jaWhat(s string) string {
	return stepAtLine.ReplaceAllString(s, "${1}行目のステップ")
}

// newError makes an Error from an English format and its arguments; an
// i18n.Text argument prints in the language asked for.
func newError(file string, line, col int, format string, args ...any) *Error {
	en := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(i18n.Text); ok {
			en[i] = t.EN
		} else {
			en[i] = a
		}
	}
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, en...), format: format, args: args}
}

// ErrorList is every problem found in one file, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string { return l.In(i18n.EN) }

// In returns every error in lang, one a line.
func (l ErrorList) In(lang i18n.Lang) string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.In(lang))
	}
	return b.String()
}

// Sort puts the errors in file order: by file, then line and column.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		if l[i].Line != l[j].Line {
			return l[i].Line < l[j].Line
		}
		return l[i].Col < l[j].Col
	})
}
