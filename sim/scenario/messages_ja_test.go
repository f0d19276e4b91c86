package scenario

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMessagesJA finds every message format the loader can report (the
// string literal given to errorf, errorAt or newError) in this package's
// source and checks that messagesJA translates it with the same verbs, so
// no error reaches a Japanese reader in English.
func TestMessagesJA(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			var at int
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			switch name {
			case "errorf":
				at = 1
			case "errorAt":
				at = 2
			case "newError":
				at = 3
			default:
				return true
			}
			if len(call.Args) <= at {
				return true
			}
			lit, ok := call.Args[at].(*ast.BasicLit)
			if id, isIdent := call.Args[at].(*ast.Ident); isIdent && id.Name == "format" {
				return true // passing on its caller's format
			}
			if !ok {
				t.Errorf("%s: the format of %s is not a string literal", fset.Position(call.Pos()), name)
				return true
			}
			format, _ := strconv.Unquote(lit.Value)
			found++
			ja, ok := messagesJA[format]
			switch {
			case !ok:
				t.Errorf("%s: no Japanese for %q", fset.Position(call.Pos()), format)
			case verbs(ja) != verbs(format):
				t.Errorf("%s: the Japanese of %q has verbs %s, want %s", fset.Position(call.Pos()), format, verbs(ja), verbs(format))
			}
			return true
		})
	}
	if found < 60 {
		t.Fatalf("found %d message formats; the search is broken", found)
	}
}

// verbs lists the formatting verbs of a format in order: "%s %q %d".
func verbs(format string) string {
	var out []string
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) {
			out = append(out, format[i:i+2])
			i++
		}
	}
	return fmt.Sprint(out)
}

func TestErrorInJapanese(t *testing.T) {
	src := "id: t\ntitle: {en: T, ja: T}\nworld:\n  hosts:\n    pc: {ip: 192.0.2.1, smtp: [{prot: 25}]}\nsteps:\n  - wait: an hour\n"
	_, err := Parse("t.yaml", []byte(src))
	list, _ := err.(ErrorList)
	got := list.In("ja")
	for _, want := range []string{
		`t.yaml:5:33: host pc smtp: 未知のキー"prot"です("port"の誤りではありませんか)。使えるキー: port, relay,`,
		`t.yaml:7:11: wait: 30m、4h、90sのような時間を指定してください(実際: "an hour")`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Japanese errors:\n%s\nwant a line containing:\n%s", got, want)
		}
	}
}
