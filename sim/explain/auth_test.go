package explain_test

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/smtp"
	"github.com/mailsim/mailsim/sim/trace"
)

// Every line sender domain authentication adds to a trace has an
// explanation of its own: the DMARC refusal, the header fields the
// signer and the receiver write, and each result note of the checks.
func TestCoverSenderAuth(t *testing.T) {
	r := smtp.ReplyDMARCReject("bank.example")
	reply := smtpReply(r.Line(0), r.Code, r.Enhanced, true)
	if got := keys(explain.ForEvent(reply)); len(got) != 3 || got[0] != "SMTP 550 DMARC" || got[1] != "5.7.1" || got[2] != "550" {
		t.Errorf("DMARC refusal: %q", got)
	}
	for line, want := range map[string]string{
		"Authentication-Results: mx.isp.example;":                   "Authentication-Results",
		"DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;": "DKIM-Signature",
		"X-Spam-Flag: YES": "X-Spam-Flag",
	} {
		for _, e := range []*trace.Event{
			{Kind: trace.Line, Proto: trace.SMTP, Dir: trace.ClientToServer, Line: line, Tag: trace.Tag{Kind: trace.MessageText, Last: true}},
			{Kind: trace.Line, Proto: trace.POP3, Dir: trace.ServerToClient, Line: line, Tag: trace.Tag{Kind: trace.Body}},
		} {
			if got := keys(explain.ForEvent(e)); len(got) != 1 || got[0] != want {
				t.Errorf("%s line %q: %q, want [%q]", e.Proto, line, got, want)
			}
		}
	}
	n := 0
	for _, tpl := range sim.Messages() {
		if !strings.HasPrefix(tpl.ID, "auth.") {
			continue
		}
		n++
		e := &trace.Event{Kind: trace.Note, Text: i18n.M(tpl)}
		if got := explain.ForEvent(e); len(got) != 1 {
			t.Errorf("note %s: %d entries", tpl.ID, len(got))
		}
	}
	if n < 10 {
		t.Errorf("found %d auth.* notes in the catalogue", n)
	}
	// A plain header line, and a 5.7.1 relay refusal, are not taken for them.
	if got := keys(explain.ForEvent(&trace.Event{Kind: trace.Line, Proto: trace.SMTP, Dir: trace.ClientToServer, Line: "Subject: DKIM-Signature: x", Tag: trace.Tag{Kind: trace.MessageText}})); len(got) != 0 {
		t.Errorf("Subject line: %q", got)
	}
	// Pasted alone, as a student copies it from a bounce.
	if got := keys(explain.Lookup(r.Line(0))); len(got) != 3 || got[0] != "SMTP 550 DMARC" {
		t.Errorf("Lookup(%q) = %q", r.Line(0), got)
	}
	relay := smtpReply("554 5.7.1 <x@y.example>: Relay access denied", 554, "5.7.1", true)
	if got := keys(explain.ForEvent(relay)); len(got) == 0 || got[0] != "5.7.1" {
		t.Errorf("relay refusal: %q", got)
	}
}
