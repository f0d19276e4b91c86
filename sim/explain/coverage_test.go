package explain_test

import (
	"strconv"
	"testing"

	"github.com/mailsim/mailsim/sim/explain"
	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/pop3"
	"github.com/mailsim/mailsim/sim/trace"
)

// What the explainer must cover (/work/briefs/explain.md), beyond what the
// protocol packages list themselves.
var (
	wantSMTPVerbs = []string{"HELO", "EHLO", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT",
		"VRFY", "EXPN", "HELP", "AUTH", "STARTTLS"}
	wantPOP3Verbs = []string{"USER", "PASS", "APOP", "STAT", "LIST", "UIDL", "RETR", "TOP",
		"DELE", "RSET", "NOOP", "QUIT", "CAPA", "STLS"}
	wantCodes = []int{211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 450, 451, 452,
		454, 455, 500, 501, 502, 503, 504, 521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556}
	wantEnhanced = []string{"2.0.0", "2.1.0", "2.1.5", "2.3.0", "2.6.0", "2.7.0", "4.3.0",
		"4.3.1", "4.4.1", "4.4.2", "4.5.3", "4.7.0", "5.0.0", "5.1.1", "5.1.3", "5.1.7", "5.1.8",
		"5.1.10", "5.3.4", "5.4.6", "5.5.0", "5.5.1", "5.5.2", "5.5.4", "5.7.0", "5.7.1",
		"5.7.8", "5.7.11", "5.7.26"}
)

func TestCoverSMTPVerbs(t *testing.T) {
	for _, v := range append(wantSMTPVerbs, "AUTH-DATA") {
		want := "SMTP " + v
		if got := keys(explain.Lookup(v)); len(got) == 0 || got[0] != want {
			t.Errorf("Lookup(%q) = %q, want %q first", v, got, want)
		}
		if got := keys(explain.ForEvent(smtpCmd(v, v))); len(got) != 1 || got[0] != want {
			t.Errorf("ForEvent(%s command) = %q, want [%q]", v, got, want)
		}
	}
}

func TestCoverPOP3Verbs(t *testing.T) {
	// pop3.Verbs is what the POP3 server knows; the brief's list must be in
	// it too, so check the union.
	seen := map[string]bool{}
	for _, v := range append(pop3.Verbs(), wantPOP3Verbs...) {
		if seen[v] {
			continue
		}
		seen[v] = true
		want := "POP3 " + v
		got := keys(explain.Lookup(v))
		if len(got) == 0 || got[len(got)-1] != want {
			t.Errorf("Lookup(%q) = %q, want %q last", v, got, want)
		}
		if got := keys(explain.ForEvent(pop3Cmd(v+" 1", v))); len(got) != 1 || got[0] != want {
			t.Errorf("ForEvent(%s command) = %q, want [%q]", v, got, want)
		}
	}
	for _, v := range wantPOP3Verbs {
		found := false
		for _, p := range pop3.Verbs() {
			found = found || p == v
		}
		if !found {
			t.Errorf("pop3.Verbs() lacks %s", v)
		}
	}
}

func TestCoverReplyCodes(t *testing.T) {
	for _, c := range wantCodes {
		s := strconv.Itoa(c)
		if got := keys(explain.Lookup(s)); len(got) != 1 || got[0] != s {
			t.Errorf("Lookup(%q) = %q, want exactly its own entry", s, got)
		}
		line := s + " text"
		if got := keys(explain.ForEvent(smtpReply(line, c, "", true))); len(got) != 1 || got[0] != s {
			t.Errorf("ForEvent(%q) = %q", line, got)
		}
	}
}

func TestCoverEnhancedCodes(t *testing.T) {
	for _, x := range wantEnhanced {
		if got := keys(explain.Lookup(x)); len(got) != 1 || got[0] != x {
			t.Errorf("Lookup(%q) = %q, want exactly its own entry", x, got)
		}
		code := map[byte]int{'2': 250, '4': 451, '5': 550}[x[0]]
		line := strconv.Itoa(code) + " " + x + " text"
		got := keys(explain.ForEvent(smtpReply(line, code, x, true)))
		if len(got) != 2 || got[0] != x || got[1] != strconv.Itoa(code) {
			t.Errorf("ForEvent(%q) = %q, want [%s %d]", line, got, x, code)
		}
	}
}

func TestCoverDNSAndTCP(t *testing.T) {
	for q, want := range map[string]string{
		"MX": "DNS MX", "A": "DNS A", "TXT": "DNS TXT", "NXDOMAIN": "DNS NXDOMAIN",
		"NOERROR": "DNS NODATA", "null MX": "DNS null MX", "op25b": "OP25B", "drop": "TCP drop",
		"timeout": "TCP timeout", "refused": "TCP refused", "FIN": "TCP FIN",
	} {
		if got := keys(explain.Lookup(q)); len(got) != 1 || got[0] != want {
			t.Errorf("Lookup(%q) = %q, want [%q]", q, got, want)
		}
	}
	for typ, want := range map[string]string{"MX": "DNS MX", "A": "DNS A", "TXT": "DNS TXT"} {
		e := dnsQ("query example.jp. IN "+typ, typ+" example.jp")
		if got := keys(explain.ForEvent(e)); len(got) != 1 || got[0] != want {
			t.Errorf("ForEvent(%s question) = %q, want [%q]", typ, got, want)
		}
	}
	for kind, want := range map[trace.Kind]string{
		trace.Drop: "TCP drop", trace.Timeout: "TCP timeout", trace.Refused: "TCP refused", trace.Close: "TCP FIN",
	} {
		if got := keys(explain.ForEvent(tcp(kind, 25))); len(got) != 1 || got[0] != want {
			t.Errorf("ForEvent(%v) = %q, want [%q]", kind, got, want)
		}
	}
}

// TestCoverIMAP: every command the IMAP server takes, every untagged data
// response and response code it sends, and each condition has an entry
// that ForEvent finds on the line the engine tags.
func TestCoverIMAP(t *testing.T) {
	for _, c := range imap.Commands() {
		e := &trace.Event{Kind: trace.Line, Proto: trace.IMAP, Dir: trace.ClientToServer,
			Line: "a1 " + c, Tag: trace.Tag{Kind: trace.Command, Verb: c, Last: true}}
		if got := keys(explain.ForEvent(e)); len(got) != 1 || got[0] != "IMAP "+c {
			t.Errorf("ForEvent(%s command) = %q", c, got)
		}
	}
	for _, d := range []string{imap.DataCAPABILITY, imap.DataENABLED, imap.DataFLAGS, imap.DataLIST,
		imap.DataEXISTS, imap.DataRECENT, imap.DataEXPUNGE, imap.DataFETCH} {
		e := &trace.Event{Kind: trace.Line, Proto: trace.IMAP, Dir: trace.ServerToClient,
			Line: "* 1 " + d, Tag: trace.Tag{Kind: trace.Untagged, Verb: d}}
		if got := keys(explain.ForEvent(e)); len(got) != 1 || got[0] != "IMAP "+d {
			t.Errorf("ForEvent(* %s) = %q", d, got)
		}
	}
	for _, code := range []string{imap.CodeUIDVALIDITY, imap.CodeUIDNEXT, imap.CodePERMANENTFLAGS,
		imap.CodeUNSEEN, imap.CodeREADWRITE, imap.CodeAUTHFAILED, imap.CodeNONEXISTENT,
		imap.CodeEXPUNGEISSUED, imap.CodeCLOSED, imap.CodeCAPABILITY} {
		e := &trace.Event{Kind: trace.Line, Proto: trace.IMAP, Dir: trace.ServerToClient,
			Line: "a1 NO [" + code + " 1] text", Tag: trace.Tag{Kind: trace.Tagged, Cond: trace.CondNO}}
		if got := keys(explain.ForEvent(e)); len(got) != 2 || got[0] != "IMAP "+code || got[1] != "IMAP NO" {
			t.Errorf("ForEvent(a1 NO [%s]) = %q", code, got)
		}
	}
	for _, c := range []trace.Cond{trace.CondOK, trace.CondNO, trace.CondBAD, trace.CondBYE} {
		e := &trace.Event{Kind: trace.Line, Proto: trace.IMAP, Dir: trace.ServerToClient,
			Line: "* " + c.String() + " text", Tag: trace.Tag{Kind: trace.Untagged, Cond: c}}
		if got := keys(explain.ForEvent(e)); len(got) != 1 || got[0] != "IMAP "+c.String() {
			t.Errorf("ForEvent(* %v) = %q", c, got)
		}
	}
	e := &trace.Event{Kind: trace.Line, Proto: trace.IMAP, Dir: trace.ServerToClient, Line: "+ ready", Tag: trace.Tag{Kind: trace.ContinueReq}}
	if got := keys(explain.ForEvent(e)); len(got) != 1 || got[0] != "IMAP +" {
		t.Errorf("ForEvent(+) = %q", got)
	}
	for q, want := range map[string]string{"SELECT": "IMAP SELECT", "expunge": "IMAP EXPUNGE",
		"UID FETCH 1:* (FLAGS)": "IMAP UID FETCH", "UIDVALIDITY": "IMAP UIDVALIDITY", "IMAP NOOP": "IMAP NOOP"} {
		if got := keys(explain.Lookup(q)); len(got) != 1 || got[0] != want {
			t.Errorf("Lookup(%q) = %q, want [%q]", q, got, want)
		}
	}
}
