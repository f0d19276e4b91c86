package export

import (
	"testing"

	"github.com/mailsim/mailsim/internal/jastyle"
)

// TestJapaneseStyle reads every Japanese label and sentence this package
// adds (the handout's labels, the HTML player's interface, step headings)
// with the glossary's rules (GLOSSARY-ja.md, internal/jastyle).
func TestJapaneseStyle(t *testing.T) {
	var parts []jastyle.Part
	for _, l := range []struct{ ja string }{
		{mdExams.JA}, {mdOverview.JA}, {mdCast.JA}, {mdHost.JA}, {mdAddress.JA}, {mdNetwork.JA}, {mdRuns.JA},
		{mdInternet.JA}, {mdDynamic.JA}, {mdRouter.JA}, {mdCodes.JA}, {mdEnhanced.JA}, {mdPOP3.JA}, {mdCode.JA},
		{mdTimes.JA}, {mdMeaning.JA}, {mdCause.JA}, {mdFix.JA}, {mdSource.JA},
	} {
		parts = append(parts, jastyle.Part{Kind: jastyle.Label, Text: l.ja})
	}
	parts = append(parts, jastyle.Part{Kind: jastyle.UI, Text: mdFooter.JA})
	for _, k := range []string{"back", "next", "step", "pos", "cause", "fix", "source", "internet"} {
		parts = append(parts, jastyle.Part{Kind: jastyle.Label, Text: htmlUI[k].JA})
	}
	for _, k := range []string{"nothing", "start", "keys"} {
		parts = append(parts, jastyle.Part{Kind: jastyle.UI, Text: htmlUI[k].JA})
	}
	for _, f := range jastyle.Check(parts...) {
		t.Errorf("%s (text: %s)", f, parts[f.Part].Text)
	}
}
