package prompt

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	r := Lines(strings.NewReader("554\r\n5.7.1\n\nRCPT"))
	var got []string
	for {
		l, err := r.ReadLine()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
	}
	if want := []string{"554", "5.7.1", "", "RCPT"}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
}

func TestComplete(t *testing.T) {
	words := []string{"RCPT", "RETR", "RSET", "5.7.1", "554", "op25b"}
	for _, c := range []struct {
		line, prefix string
		rest         []string
	}{
		{"re", "re", []string{"tr"}}, // in the case being typed
		{"RE", "RE", []string{"TR"}},
		{"R", "R", []string{"CPT", "ETR", "SET"}},
		{"55", "55", []string{"4"}},
		{"554 5.", "5.", []string{"7.1"}},
		{"OP", "OP", []string{"25B"}},
		{"Rc", "Rc", []string{"PT"}}, // mixed: as the word is
		{"xyz", "xyz", nil},
		{"", "", []string{"5.7.1", "554", "RCPT", "RETR", "RSET", "op25b"}},
	} {
		prefix, rest := Complete(words, c.line)
		if prefix != c.prefix || !reflect.DeepEqual(rest, c.rest) {
			t.Errorf("Complete(%q) = %q, %q; want %q, %q", c.line, prefix, rest, c.prefix, c.rest)
		}
	}
}

// TestLineCap pastes more than MaxLine characters: the filter keeps
// MaxLine of them and lets line endings and editing keys through.
func TestLineCap(t *testing.T) {
	c := &lineCap{}
	kept := 0
	for range MaxLine + 20000 {
		if _, ok := c.filter('x'); ok {
			kept++
		}
	}
	if kept != MaxLine {
		t.Fatalf("kept %d characters of a long paste, want %d", kept, MaxLine)
	}
	if _, ok := c.filter(0x7f); !ok {
		t.Error("backspace was dropped at the cap")
	}
	c.OnChange(make([]rune, MaxLine-1), MaxLine-1, 0x7f) // one deleted
	if _, ok := c.filter('y'); !ok {
		t.Error("a character was dropped under the cap after a deletion")
	}
	if _, ok := c.filter('\r'); !ok || c.n != 0 {
		t.Error("Enter did not end the line")
	}
}

// A WordsFunc is asked at each Tab, so the words can change between lines.
func TestWordsFunc(t *testing.T) {
	words := []string{"EHLO"}
	c := autoComplete(Config{Words: []string{"ignored"}, WordsFunc: func() []string { return words }})
	got, n := c.Do([]rune("e"), 1)
	if len(got) != 1 || string(got[0]) != "hlo" || n != 1 {
		t.Errorf("Do(e) = %q, %d; want [hlo], 1", got, n)
	}
	words = []string{"RCPT", "RSET"}
	if got, _ := c.Do([]rune("R"), 1); len(got) != 2 {
		t.Errorf("after the words changed, Do(R) = %q, want 2 completions", got)
	}
}
