package jastyle_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/internal/jastyle"
	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/lesson"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// report fails t with every finding of one document.
func report(t *testing.T, doc string, parts []jastyle.Part) {
	t.Helper()
	for _, f := range jastyle.Check(parts...) {
		t.Errorf("%s: %s\n\ttext: %s", doc, f, parts[f.Part].Text)
	}
}

// TestBundledScenarios reads the Japanese of every bundled scenario (title,
// summary, narration) and of what playing it shows: step headings, trace
// notes, router filters and expectation lines built in code.
func TestBundledScenarios(t *testing.T) {
	scs, err := scenario.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scs {
		report(t, sc.ID+" title", []jastyle.Part{{Kind: jastyle.Label, Text: sc.Title.JA}})
		// The summary and the narration are each read on their own, so
		// each introduces its terms (first use) by itself.
		report(t, sc.ID+" summary", []jastyle.Part{{Kind: jastyle.Narration, Text: sc.Summary.JA}})
		var say []jastyle.Part
		for _, st := range sc.Steps {
			if !st.Say.IsZero() {
				say = append(say, jastyle.Part{Kind: jastyle.Narration, Text: st.Say.JA})
			}
		}
		report(t, sc.ID+" narration", say)

		var rec trace.Recorder
		rep, err := scenario.Run(sc, &rec)
		if err != nil {
			t.Fatalf("%s: %v", sc.ID, err)
		}
		seen := map[string]bool{}
		var shown []jastyle.Part
		add := func(s string) {
			if s != "" && !seen[s] {
				seen[s] = true
				shown = append(shown, jastyle.Part{Kind: jastyle.Label, Text: s})
			}
		}
		for _, e := range rec.Events {
			if e.Kind != trace.Narration {
				add(e.Text.In(i18n.JA))
			}
		}
		for _, s := range rep.Topology.Steps {
			add(s.JA)
		}
		for _, n := range rep.Topology.Networks {
			for _, f := range n.Filters {
				add(f.JA)
			}
		}
		// Each line is its own document: a parenthesised once-word may
		// appear in every note.
		for _, p := range shown {
			report(t, sc.ID+" trace", []jastyle.Part{p})
		}
	}
}

// TestExplainTable reads every entry of the explain table, each entry a
// document of its own (the pane shows one entry at a time).
func TestExplainTable(t *testing.T) {
	for _, e := range explain.All() {
		report(t, e.Key, []jastyle.Part{
			{Kind: jastyle.Label, Text: e.Title.JA},
			{Kind: jastyle.Explanation, Text: e.Text.JA},
			{Kind: jastyle.Cause, Text: e.Cause.JA},
			{Kind: jastyle.Explanation, Text: e.Fix.JA},
			{Kind: jastyle.Explanation, Text: e.OK.JA},
			{Kind: jastyle.Explanation, Text: e.Err.JA},
			{Kind: jastyle.Label, Text: e.Source().JA},
			// The pane's "実際のサーバ" line.
			{Kind: jastyle.Explanation, Text: e.Servers.JA},
		})
	}
}

// TestEngineCatalogue reads every template of the engine's message
// catalogue: the notes, drops and outcomes the trace carries.
func TestEngineCatalogue(t *testing.T) {
	ts := sim.Messages()
	if len(ts) == 0 {
		t.Fatal("the engine's catalogue is empty")
	}
	for _, m := range ts {
		report(t, m.ID, []jastyle.Part{{Kind: jastyle.Label, Text: m.JA}})
	}
}

// sourceKinds says what kind of text the Japanese string literals of a
// directory are. The explain table is read through its API instead
// (TestExplainTable), so that each field gets its own register.
var sourceKinds = map[string]jastyle.Kind{
	"cmd/mailsim":    jastyle.UI,
	"sim/player":     jastyle.UI,
	"sim/scenario":   jastyle.UI,
	"sim/i18n":       jastyle.UI,
	"sim/transcript": jastyle.Label,
	"sim/lesson":     jastyle.UI, // lesson and quiz messages; the bodies: TestLessonsAndQuestions
	"sim/shell":      jastyle.UI,
	"sim/serve":      jastyle.Label, // notes about real clients, in the transcript
	"sim":            jastyle.Label, // the engine's trace notes and its message catalogue
}

// TestSourceStrings reads every Japanese string literal of the program's
// non-test Go files (player labels and key help, CLI messages, the engine's
// notes, step headings and expectation lines), so that a string no bundled
// scenario reaches is read too. English help texts that quote a Japanese
// term are not Japanese text (IsJapaneseText). A literal that is only part
// of a sentence is checked on its own; TestBundledScenarios reads the
// sentences whole.
func TestSourceStrings(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		kind, ok := sourceKinds[filepath.ToSlash(filepath.Dir(rel))]
		if !ok {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(x ast.Node) bool {
			// A pattern given to regexp is not text for the reader.
			if call, ok := x.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
					if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "regexp" {
						return false
					}
				}
			}
			lit, ok := x.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !jastyle.IsJapaneseText(s) {
				return true
			}
			n++
			report(t, fset.Position(lit.Pos()).String(), []jastyle.Part{{Kind: kind, Text: s}})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("read only %d Japanese literals; is the walk rooted at the module?", n)
	}
}

// TestLessonsAndQuestions reads the bundled lessons (`mailsim lesson`) and
// question bank (`mailsim quiz`). A lesson's goals and its pages are two
// documents, in narration; each question is one document, its stem and
// choices in the quiz's plain form, its feedback and explanation in だ・である.
func TestLessonsAndQuestions(t *testing.T) {
	lib, err := lesson.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range lib.Topics {
		report(t, "topic "+tp.ID, []jastyle.Part{{Kind: jastyle.Label, Text: tp.Title.JA}})
	}
	for _, l := range lib.Lessons {
		// The goals are shown before the first page, so they introduce
		// their terms by themselves, as the pages do.
		goals := []jastyle.Part{{Kind: jastyle.Label, Text: l.Title.JA}}
		for _, g := range l.Goals {
			goals = append(goals, jastyle.Part{Kind: jastyle.Narration, Text: g.JA})
		}
		report(t, "lesson "+l.ID+" goals", goals)
		var parts []jastyle.Part
		for _, s := range l.Sections {
			parts = append(parts, jastyle.Part{Kind: jastyle.Label, Text: s.Title.JA},
				jastyle.Part{Kind: jastyle.Narration, Text: s.Text.JA})
		}
		report(t, "lesson "+l.ID, parts)
	}
	for _, q := range lib.Questions {
		parts := []jastyle.Part{{Kind: jastyle.Quiz, Text: q.Stem.JA}}
		for _, c := range q.Choices {
			parts = append(parts, jastyle.Part{Kind: jastyle.Quiz, Text: c.Text.JA})
			if c.Why.JA != "" {
				parts = append(parts, jastyle.Part{Kind: jastyle.Explanation, Text: c.Why.JA})
			}
		}
		if q.Explanation.JA != "" {
			parts = append(parts, jastyle.Part{Kind: jastyle.Explanation, Text: q.Explanation.JA})
		}
		report(t, fmt.Sprintf("%s:%d %s", q.Pos.File, q.Pos.Line, q.ID), parts)
	}
}
