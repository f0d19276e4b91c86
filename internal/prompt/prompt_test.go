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
