package explain_test

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
)

// A Japanese reader sees no English source phrase: "explain --lang ja
// op25b" once printed "出典: operational practice; RFC 6409 3.1".
func TestSourceInJapanese(t *testing.T) {
	for _, e := range explain.All() {
		var b strings.Builder
		(&explain.Printer{W: &b, Lang: i18n.JA}).Entry(e)
		if strings.Contains(b.String(), explain.Practice) {
			t.Errorf("%s in Japanese says %q:\n%s", e.Key, explain.Practice, b.String())
		}
	}
	var b strings.Builder
	(&explain.Printer{W: &b, Lang: i18n.JA}).Entries(explain.Lookup("op25b"))
	if !strings.Contains(b.String(), "出典: 運用上の慣行") {
		t.Errorf("explain --lang ja op25b:\n%s", b.String())
	}
}

// The explanations answer for the codes the engine and the RFCs use for
// expiry and routing, and agree with what the server core sends.
func TestExplainAgreesWithServer(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		{"5.4.4", "RFC 5321 5.1"},
		{"5.4.7", "4.4.1"},
		{"500", "500 5.5.2 Error: command not recognized"},
		{"501", `"MAIL FROM:alice@example.jp"`},
		{"502", "502 5.5.1 Error: EXPN command not implemented"},
		{"503", "554 5.5.1 Error: no valid recipients"},
		{"SMTP VRFY", "502 5.5.1"},
		{"252", "550 5.1.1"},
		{"5.6.0", "line_length_limit"},
	} {
		es := explain.Lookup(tc.key)
		if len(es) == 0 {
			t.Errorf("explain %s: nothing", tc.key)
			continue
		}
		if !strings.Contains(es[0].Text.EN+" "+es[0].Servers.EN, tc.want) {
			t.Errorf("explain %s does not say %q:\n%s", tc.key, tc.want, es[0].Text.EN)
		}
	}
}
