package export

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

func TestMarkdownGolden(t *testing.T) {
	for _, id := range bundled(t) {
		t.Run(id, func(t *testing.T) {
			golden(t, "markdown/"+id+".en.md", render(t, Markdown, id, i18n.EN))
		})
	}
	for _, id := range []string{"op25b", "pop3-basics"} {
		golden(t, "markdown/"+id+".ja.md", render(t, Markdown, id, i18n.JA))
	}
}

// TestMarkdownContent checks each handout against its trace: every step has
// its heading, every protocol line is inside a code block, every reply
// code that appeared is in the table with an explanation, fences are
// balanced, and outside code no "<" is left for Markdown to read as a link
// or as HTML (other than the line breaks in table cells).
func TestMarkdownContent(t *testing.T) {
	for _, id := range bundled(t) {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			in := run(t, id, lang)
			md := string(render(t, Markdown, id, lang))
			var prose, code strings.Builder
			inCode := false
			for _, l := range strings.Split(md, "\n") {
				if strings.HasPrefix(l, "```") {
					inCode = !inCode
					continue
				}
				if inCode {
					code.WriteString(l + "\n")
				} else {
					prose.WriteString(l + "\n")
				}
			}
			if inCode {
				t.Errorf("%s.%s: a code block is not closed", id, lang)
			}
			if p := strings.ReplaceAll(prose.String(), "<br>", ""); regexp.MustCompile(`(^|[^\\])<`).MatchString(p) {
				t.Errorf("%s.%s: an unescaped < outside code", id, lang)
			}
			codes := map[int]bool{}
			for i := range in.Events {
				e := &in.Events[i]
				switch {
				case e.Kind == trace.Step:
					if !strings.Contains(md, "## "+stepLabel(e.Step, lang)) {
						t.Errorf("%s.%s: no heading for %s", id, lang, stepLabel(e.Step, lang))
					}
				case e.Kind == trace.Line:
					if !strings.Contains(code.String(), e.Line+"\n") {
						t.Errorf("%s.%s: line %q is in no code block", id, lang, e.Line)
					}
					if e.Tag.Kind == trace.Reply {
						codes[e.Tag.Code] = true
					}
				}
			}
			for c := range codes {
				row := regexp.MustCompile(`(?m)^\| ` + strconv.Itoa(c) + ` \| [0-9]+ \| \*\*[^|]+\*\*: .+ \| RFC`)
				if !row.MatchString(md) {
					t.Errorf("%s.%s: reply code %d has no explained row in the table", id, lang, c)
				}
			}
		}
	}
}
