package pop3

import (
	"strings"
	"testing"
)

// The dialogues below were written from what Dovecot 2.3 answers with its
// defaults (plain-text logins allowed, as on port 110 in mailsim's
// scenarios). Each S: line is the status mailsim's server core must
// answer; "| status ..." after it is Dovecot's where the two differ, and
// why. The test asserts mailsim's answers, then measures how many status
// lines agree with Dovecot's (issue 14 asks for 97%).
var realPOP3 = []struct {
	name   string
	cfg    func() *Config
	script string
}{
	{"greeting and CAPA", testConfig, `
		S: +OK
		C: CAPA
		S: +OK`},
	{"USER and PASS", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK`},
	{"a wrong password", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS wrong
		S: -ERR`},
	{"PASS before USER", testConfig, `
		S: +OK
		C: PASS hunter2
		S: -ERR`},
	{"USER without a name", testConfig, `
		S: +OK
		C: USER
		S: -ERR`},
	{"a transaction command before login", testConfig, `
		S: +OK
		C: STAT
		S: -ERR
		C: RETR 1
		S: -ERR`},
	{"STAT and LIST", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: STAT
		S: +OK
		C: LIST
		S: +OK
		C: LIST 2
		S: +OK
		C: LIST 9
		S: -ERR
		C: LIST abc
		S: -ERR`},
	{"RETR and TOP", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: RETR 2
		S: +OK
		C: TOP 1 0
		S: +OK
		C: RETR 9
		S: -ERR`},
	{"DELE twice, then RETR of the deleted one", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: DELE 1
		S: +OK
		C: DELE 1
		S: -ERR
		C: RETR 1
		S: -ERR`},
	{"RSET undoes DELE", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: DELE 1
		S: +OK
		C: RSET
		S: +OK
		C: RETR 1
		S: +OK`},
	{"NOOP and UIDL", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: NOOP
		S: +OK
		C: UIDL
		S: +OK
		C: UIDL 1
		S: +OK`},
	{"an unknown command", testConfig, `
		S: +OK
		C: FOO
		S: -ERR`},
	{"an empty mailbox", testConfig, `
		S: +OK
		C: USER dave
		S: +OK
		C: PASS letmein
		S: +OK
		C: STAT
		S: +OK
		C: LIST
		S: +OK`},
	{"QUIT in AUTHORIZATION", testConfig, `
		S: +OK
		C: QUIT
		S: +OK`},
	{"QUIT after DELE", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: DELE 1
		S: +OK
		C: QUIT
		S: +OK`},
	{"a maildrop in use by another session", func() *Config {
		c := testConfig()
		c.Lock = func(string) bool { return false }
		return c
	}, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: -ERR | +OK Dovecot's default pop3_lock_session = no lets a second session in; RFC 1939 8 allows the exclusive lock`},
	{"USER again after login", testConfig, `
		S: +OK
		C: USER bob
		S: +OK
		C: PASS hunter2
		S: +OK
		C: USER bob
		S: -ERR`},
}

func TestSideBySideDovecot(t *testing.T) {
	if len(realPOP3) < 15 {
		t.Fatalf("only %d dialogues", len(realPOP3))
	}
	lines, agree := 0, 0
	for _, d := range realPOP3 {
		s := NewServer(d.cfg())
		script := strings.Split(cleanScript(d.script), "\n")
		pending := new(Response)
		*pending = s.Greeting()
		for i, line := range script {
			switch {
			case strings.HasPrefix(line, "S: "):
				if pending == nil {
					t.Fatalf("%s: line %d: the server says nothing here", d.name, i+1)
				}
				mine, real, differs := strings.Cut(line[len("S: "):], " | ")
				if got := pending.Status(); got != mine {
					t.Errorf("%s: line %d: got %s (%s), want %s", d.name, i+1, got, pending.StatusLine(), mine)
				}
				pending = nil
				lines++
				realStatus, why, _ := strings.Cut(real, " ")
				if !differs || realStatus == mine {
					agree++
				} else {
					t.Logf("differs from Dovecot: %s: mailsim %s, Dovecot %s (%s)", d.name, mine, realStatus, why)
				}
			case strings.HasPrefix(line, "C: "):
				if pending != nil {
					t.Fatalf("%s: line %d: the script skips a response", d.name, i+1)
				}
				r := s.Handle(line[len("C: "):])
				pending = &r.Response
			default:
				t.Fatalf("%s: line %d: %q is neither C: nor S:", d.name, i+1, line)
			}
		}
		if pending != nil {
			t.Errorf("%s: the script ends before a response", d.name)
		}
	}
	pct := 100 * agree / lines
	t.Logf("%d dialogues, %d status lines, %d (%d%%) as Dovecot 2.3 answers", len(realPOP3), lines, agree, pct)
	if pct < 97 {
		t.Errorf("only %d%% of status lines agree with Dovecot; issue 14 asks for 97%%", pct)
	}
}

// cleanScript drops the indentation and blank lines of a script constant.
func cleanScript(script string) string {
	var lines []string
	for _, l := range strings.Split(script, "\n") {
		if l = strings.TrimLeft(l, "\t"); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
