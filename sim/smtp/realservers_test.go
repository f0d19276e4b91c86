package smtp

import (
	"strconv"
	"strings"
	"testing"
)

// The dialogues below were written from what Postfix 3.7 answers, set up as
// most textbooks and mailsim's scenarios assume: main.cf defaults plus
// smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated,
// reject_unauth_destination (the stock default ends in
// defer_unauth_destination, which says 454 4.7.1 instead of 554 5.7.1),
// and on 587 the stock submission service of master.cf. Each S: line is
// what mailsim's server core must answer; "| code ..." after it is what
// Postfix answers where the two differ, and why. The test asserts mailsim's
// answers, then measures how many reply lines agree with Postfix's
// (issue 14 asks for 90%); the differences are the ones the explanations
// (sim/explain) tell an exam candidate about.
var realSMTP = []struct {
	name   string
	cfg    func() *Config
	script string
}{
	{"greeting and EHLO", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: QUIT
		S: 221 2.0.0`},
	{"HELO", mxConfig, `
		S: 220
		C: HELO mail.outside.example
		S: 250
		C: QUIT
		S: 221`},
	{"EHLO without a name", mxConfig, `
		S: 220
		C: EHLO
		S: 501
		C: HELO
		S: 501`},
	{"a full transaction", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250 2.1.0
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5
		C: DATA
		S: 354
		C: Subject: hi
		C: 
		C: hello
		C: .
		S: 250 2.0.0
		C: QUIT
		S: 221 2.0.0`},
	{"a path without angle brackets", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:carol@outside.example
		S: 250 2.1.0
		C: RCPT TO:bob@example.jp
		S: 250 2.1.5`},
	{"the null reverse-path", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<>
		S: 250 2.1.0`},
	{"nested MAIL", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<a@outside.example>
		S: 250
		C: MAIL FROM:<b@outside.example>
		S: 503 5.5.1`},
	{"RCPT before MAIL", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1`},
	{"an unknown local user", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<nobody@example.jp>
		S: 550 5.1.1`},
	{"relay denied", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<victim@example.net>
		S: 554 5.7.1`},
	{"one bad recipient among good ones (RFC 5321 D.1)", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<bob@example.jp>
		S: 250
		C: RCPT TO:<green@example.jp>
		S: 550 5.1.1
		C: RCPT TO:<alice@example.jp>
		S: 250
		C: DATA
		S: 354
		C: .
		S: 250`},
	{"postmaster without a domain", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<Postmaster>
		S: 250`},
	{"DATA before MAIL", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: DATA
		S: 503 5.5.1`},
	{"DATA when every RCPT was refused", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<nobody@example.jp>
		S: 550
		C: DATA
		S: 503 5.5.1 | 554 5.5.1 Postfix: "Error: no valid recipients" inside a transaction; RFC 5321 3.3 allows both`},
	{"MAIL before EHLO", mxConfig, `
		S: 220
		C: MAIL FROM:<carol@outside.example>
		S: 503 5.5.1 | 250 2.1.0 Postfix's default smtpd_helo_required = no accepts it; RFC 5321 4.1.4 binds the client`},
	{"RSET, NOOP and their arguments", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: NOOP
		S: 250 2.0.0
		C: NOOP anything
		S: 250 2.0.0
		C: RSET
		S: 250 2.0.0
		C: RSET now
		S: 501 5.5.4`},
	{"a new EHLO resets the transaction", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: EHLO mail.outside.example
		S: 250
		C: RCPT TO:<bob@example.jp>
		S: 503 5.5.1`},
	{"VRFY a local user", mxConfig, `
		S: 220
		C: VRFY bob
		S: 252 2.0.0`},
	{"VRFY an unknown user", mxConfig, `
		S: 220
		C: VRFY nobody
		S: 550 5.1.1`},
	{"VRFY without an argument", mxConfig, `
		S: 220
		C: VRFY
		S: 501 5.5.4`},
	{"VRFY disabled", func() *Config { return with(mxConfig(), func(c *Config) { c.DisableVRFY = true }) }, `
		S: 220
		C: VRFY bob
		S: 502 5.5.1`},
	{"EXPN", mxConfig, `
		S: 220
		C: EXPN staff
		S: 502 5.5.1 | 502 5.5.2 Postfix does not know EXPN at all: "Error: command not recognized"`},
	{"an unknown command", mxConfig, `
		S: 220
		C: FOO
		S: 500 5.5.2 | 502 5.5.2 Postfix answers unknown commands with 502; RFC 5321 4.2.4 says 500`},
	{"HELP", mxConfig, `
		S: 220
		C: HELP
		S: 214 2.0.0 | 502 5.5.2 Postfix has no HELP command`},
	{"an empty line", mxConfig, `
		S: 220
		C: 
		S: 500 5.5.2`},
	{"AUTH where it is not offered", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1`},
	{"STARTTLS where it is not offered", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: STARTTLS
		S: 502 5.5.1`},
	{"SIZE over the limit, an unknown parameter", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example> SIZE=99999999999
		S: 552 5.3.4
		C: MAIL FROM:<carol@outside.example> FOO=bar
		S: 555 5.5.4
		C: MAIL FROM:<carol@outside.example> BODY=8BITMIME
		S: 250 2.1.0`},
	{"a DSN parameter on RCPT", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<bob@example.jp> NOTIFY=NEVER
		S: 555 5.5.4 | 250 2.1.5 Postfix offers DSN (RFC 3461) and takes NOTIFY=; mailsim does not advertise DSN`},
	{"bad address syntax", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@>
		S: 501 5.1.7
		C: MAIL <carol@outside.example>
		S: 501 5.5.4
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<bob@>
		S: 501 5.1.3
		C: RCPT <bob@example.jp>
		S: 501 5.5.4`},
	{"a text line over 1000 octets", mxConfig, `
		S: 220
		C: EHLO mail.outside.example
		S: 250
		C: MAIL FROM:<carol@outside.example>
		S: 250
		C: RCPT TO:<bob@example.jp>
		S: 250
		C: DATA
		S: 354
		C: ` + strings.Repeat("x", 1200) + `
		C: .
		S: 554 5.6.0 | 250 2.0.0 Postfix accepts long lines and breaks them at line_length_limit (2048)`},
	{"submission: MAIL before AUTH", submissionConfig, `
		S: 220
		C: EHLO pc10.home.isp.example
		S: 250
		C: MAIL FROM:<alice@isp.example>
		S: 530 5.7.0`},
	{"submission: a wrong password, then the right one", submissionConfig, `
		S: 220
		C: EHLO pc10.home.isp.example
		S: 250
		C: AUTH PLAIN AGFsaWNlAHdyb25n
		S: 535 5.7.8
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1
		C: MAIL FROM:<alice@isp.example>
		S: 250
		C: RCPT TO:<bob@example.jp>
		S: 250`},
	{"submission: AUTH cancelled and undecodable", submissionConfig, `
		S: 220
		C: EHLO pc10.home.isp.example
		S: 250
		C: AUTH LOGIN
		S: 334
		C: *
		S: 501 5.7.0
		C: AUTH PLAIN !!!
		S: 501 5.5.2`},
}

// realLine is one S: line: mailsim's code and enhanced code, and Postfix's
// where it differs.
type realLine struct {
	code, enhanced    string
	realCode, realEnh string
	why               string
}

func parseRealLine(t *testing.T, s string) realLine {
	t.Helper()
	var l realLine
	mine, real, differs := strings.Cut(s, " | ")
	f := strings.Fields(mine)
	l.code = f[0]
	if len(f) > 1 {
		l.enhanced = f[1]
	}
	if differs {
		f := strings.Fields(real)
		l.realCode, l.realEnh = f[0], f[1]
		l.why = strings.Join(f[2:], " ")
	}
	return l
}

func TestSideBySidePostfix(t *testing.T) {
	if len(realSMTP) < 30 {
		t.Fatalf("only %d dialogues", len(realSMTP))
	}
	lines, agree := 0, 0
	for _, d := range realSMTP {
		s := NewServer(d.cfg(), outPeer)
		script := strings.Split(cleanScript(d.script), "\n")
		pending := &Reply{}
		*pending = s.Greeting()
		for i, line := range script {
			switch {
			case strings.HasPrefix(line, "S: "):
				if pending == nil {
					t.Fatalf("%s: line %d: the server says nothing here", d.name, i+1)
				}
				want := parseRealLine(t, line[len("S: "):])
				got := *pending
				pending = nil
				if strconv.Itoa(got.Code) != want.code || want.enhanced != "" && got.Enhanced != want.enhanced {
					t.Errorf("%s: line %d: got %d %s, want %s %s", d.name, i+1, got.Code, got.Enhanced, want.code, want.enhanced)
				}
				lines++
				if want.realCode == "" || want.realCode == want.code {
					agree++
				} else {
					t.Logf("differs from Postfix: %s: mailsim %s %s, Postfix %s %s (%s)", d.name, want.code, want.enhanced, want.realCode, want.realEnh, want.why)
				}
			case strings.HasPrefix(line, "C: "):
				if pending != nil {
					t.Fatalf("%s: line %d: the script skips the reply %d", d.name, i+1, pending.Code)
				}
				r := s.Handle(line[len("C: "):])
				if r.Reply.Code != 0 {
					pending = &r.Reply
				}
			default:
				t.Fatalf("%s: line %d: %q is neither C: nor S:", d.name, i+1, line)
			}
		}
		if pending != nil {
			t.Errorf("%s: the script ends before the reply %d", d.name, pending.Code)
		}
	}
	pct := 100 * agree / lines
	t.Logf("%d dialogues, %d reply lines, %d (%d%%) as Postfix 3.7 answers", len(realSMTP), lines, agree, pct)
	if pct < 90 {
		t.Errorf("only %d%% of reply lines agree with Postfix; issue 14 asks for 90%%", pct)
	}
}
