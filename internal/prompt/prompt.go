// Package prompt reads the lines a person types at an interactive prompt.
// On a terminal it uses chzyer/readline (line editing, history, tab
// completion); anywhere else it reads plain lines, so the loop that consumes
// them runs the same way in tests and pipes. Commands depend only on Reader.
package prompt

import (
	"bufio"
	"errors"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/chzyer/readline"
)

// ErrInterrupt is what ReadLine returns when the user presses Ctrl-C.
var ErrInterrupt = errors.New("interrupted")

// Reader reads one line at a time.
type Reader interface {
	// ReadLine returns the next line without its line ending, io.EOF at the
	// end of input (Ctrl-D on an empty line) and ErrInterrupt on Ctrl-C.
	ReadLine() (string, error)
	Close() error
}

// Config describes a prompt.
type Config struct {
	Prompt string
	// Words are offered by tab completion for the word under the cursor,
	// matched case-insensitively by prefix.
	Words []string
	// WordsFunc, when set, is asked for the words at each Tab instead of
	// Words: for a prompt whose valid words change (a shell's session state).
	WordsFunc func() []string
	// HistoryFile, when set, keeps the lines typed across sessions.
	HistoryFile string
}

// MaxLine is the most characters a line typed at a prompt may hold; what
// is typed or pasted past it is dropped. readline redraws the whole line
// for every character, so a 20,000-character paste would take quadratic
// time; no query or protocol line needs more than this.
const MaxLine = 4096

// lineCap keeps a readline line at MaxLine characters: the listener learns
// the line's length after each key, the filter drops characters that would
// pass the cap.
type lineCap struct{ n int }

func (c *lineCap) OnChange(line []rune, pos int, key rune) ([]rune, int, bool) {
	c.n = len(line)
	return nil, 0, false
}

func (c *lineCap) filter(r rune) (rune, bool) {
	switch {
	case r == '\r' || r == '\n':
		c.n = 0
	case r >= 0x20 && r != 0x7f && c.n >= MaxLine:
		return r, false
	case r >= 0x20 && r != 0x7f:
		c.n++ // the listener corrects this after the key is handled
	}
	return r, true
}

// Terminal returns a Reader editing lines on the terminal in and out.
func Terminal(in *os.File, out io.Writer, cfg Config) (Reader, error) {
	return TerminalKeys(readline.NewCancelableStdin(in), out, cfg) // Close must not wait on a blocked read
}

// TerminalKeys is Terminal reading the keys typed on standard input from
// keys instead of from the file itself, for a program that shares the
// keyboard between the line editor and something else (the player in a
// lesson). Closing the Reader closes keys, which must then stop a blocked
// Read.
func TerminalKeys(keys io.ReadCloser, out io.Writer, cfg Config) (Reader, error) {
	lc := &lineCap{}
	rl, err := readline.NewEx(&readline.Config{
		Listener:            lc,
		FuncFilterInputRune: lc.filter,
		Prompt:              cfg.Prompt,
		Stdin:               keys,
		Stdout:              out,
		Stderr:              out,
		HistoryLimit:        200,
		HistoryFile:         cfg.HistoryFile,
		AutoComplete:        autoComplete(cfg),
		InterruptPrompt:     "^C",
		EOFPrompt:           "",
	})
	if err != nil {
		return nil, err
	}
	return &terminal{rl}, nil
}

type terminal struct{ rl *readline.Instance }

func (t *terminal) ReadLine() (string, error) {
	line, err := t.rl.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return line, ErrInterrupt
	}
	return line, err
}

func (t *terminal) Close() error { return t.rl.Close() }

// SetPrompt changes the prompt shown before the next line, for a dialogue
// whose question changes (mailsim quiz).
func (t *terminal) SetPrompt(p string) { t.rl.SetPrompt(p) }

// SetPrompt changes r's prompt if r shows one (a terminal); plain lines
// have no prompt.
func SetPrompt(r Reader, p string) {
	if t, ok := r.(interface{ SetPrompt(string) }); ok {
		t.SetPrompt(p)
	}
}

// Lines returns a Reader of the plain lines of r: no prompt, no editing. A
// last line without a line ending still counts.
func Lines(r io.Reader) Reader {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 4096), 1<<20)
	return &lines{s}
}

type lines struct{ s *bufio.Scanner }

func (l *lines) ReadLine() (string, error) {
	if l.s.Scan() {
		return strings.TrimSuffix(l.s.Text(), "\r"), nil
	}
	if err := l.s.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

func (l *lines) Close() error { return nil }

// Complete returns the words that extend the last word of line (what is
// after its last space), matched case-insensitively, as readline wants
// them: the remainder of each word after the typed prefix, sorted, in the
// case the user is typing in ("rc" gives "pt", "RC" gives "PT").
func Complete(words []string, line string) (prefix string, rest []string) {
	prefix = line[strings.LastIndexByte(line, ' ')+1:]
	lower, upper := strings.ToLower(prefix), strings.ToUpper(prefix)
	seen := map[string]bool{}
	for _, w := range words {
		if len(w) < len(prefix) || strings.ToLower(w[:len(prefix)]) != lower {
			continue
		}
		r := w[len(prefix):]
		switch {
		case lower == upper: // digits and dots say nothing about case
		case prefix == lower:
			r = strings.ToLower(r)
		case prefix == upper:
			r = strings.ToUpper(r)
		}
		if !seen[r] {
			seen[r] = true
			rest = append(rest, r)
		}
	}
	sort.Strings(rest)
	return prefix, rest
}

// autoComplete picks the completer cfg asks for.
func autoComplete(cfg Config) readline.AutoCompleter {
	if cfg.WordsFunc != nil {
		return dynamicCompleter(cfg.WordsFunc)
	}
	return completer(cfg.Words)
}

// dynamicCompleter is a completer whose words are asked for at each Tab.
type dynamicCompleter func() []string

func (d dynamicCompleter) Do(line []rune, pos int) ([][]rune, int) {
	return completer(d()).Do(line, pos)
}

// completer adapts Complete to readline's AutoCompleter.
type completer []string

func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	prefix, rest := Complete(c, string(line[:pos]))
	out := make([][]rune, len(rest))
	for i, r := range rest {
		out[i] = []rune(r)
	}
	return out, len([]rune(prefix))
}
