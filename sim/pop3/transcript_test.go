package pop3

import (
	"slices"
	"strings"
	"testing"
)

// rfc1939Example is the example session of RFC 1939 10, line for line, with
// the messages the RFC leaves out written in.
const rfc1939Example = `S: +OK dewey POP3 server ready <1896.697170952@dbc.mtview.ca.us>
C: APOP mrose c4c9334bac560ecc979e58001b3e22fb
S: +OK mrose's maildrop has 2 messages (320 octets)
C: STAT
S: +OK 2 320
C: LIST
S: +OK 2 messages (320 octets)
S: 1 120
S: 2 200
S: .
C: RETR 1
S: +OK 120 octets
S: From: alice@isp.example
S: To: mrose@dewey.example
S: Subject: Lunch
S: 
S: Noon at the usual place?
S: Bring the drafts.
S: Alice
S: .
C: DELE 1
S: +OK message 1 deleted
C: RETR 2
S: +OK 200 octets
S: From: bob@example.jp
S: To: mrose@dewey.example
S: Subject: Minutes
S: 
S: Minutes of the meeting, attendees: alice, bob, mrose.
S: .. the draft is done
S: .. review next week
S: ..
S: Next meeting: Friday 10:00
S: Bob.
S: .
C: DELE 2
S: +OK message 2 deleted
C: QUIT
S: +OK dewey POP3 server signing off (maildrop empty)
`

// loggedIn is the opening the TRANSACTION cases share: the greeting and
// bob's USER/PASS login to a maildrop of two messages.
const loggedIn = `S: +OK mail.example.jp POP3 server ready
C: USER bob
S: +OK send PASS
C: PASS hunter2
S: +OK bob's maildrop has 2 messages (171 octets)`

func TestRFC1939Example(t *testing.T) {
	if len(roseMsg1) != 120 || len(roseMsg2) != 200 {
		t.Fatalf("fixture sizes %d, %d; RFC 1939 10 has 120, 200", len(roseMsg1), len(roseMsg2))
	}
	if d := Digest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"); d != "c4c9334bac560ecc979e58001b3e22fb" {
		t.Fatalf("Digest = %s, RFC 1939 7 gives c4c9334bac560ecc979e58001b3e22fb", d)
	}
	s := NewServer(rfcConfig())
	results := runScript(t, s, rfc1939Example)
	last := results[len(results)-1]
	if !last.Close || s.State() != StateUpdate {
		t.Errorf("after QUIT: Close=%v state=%v, want true UPDATE", last.Close, s.State())
	}
	if want := []string{"whqtswO00WBw418f9t5JxYwZ", "QhdPYR:00WBw1Ph7x7"}; !slices.Equal(last.Delete, want) {
		t.Errorf("Delete = %q, want %q", last.Delete, want)
	}
	if results[0].Login != "mrose" || s.User() != "mrose" {
		t.Errorf("Login = %q, User() = %q, want mrose", results[0].Login, s.User())
	}
}

// serverCase is one transcript against testConfig (or the config cfg makes).
type serverCase struct {
	name   string
	cfg    func(*Config) // changes to testConfig, or nil
	script string
	state  State    // the state after the script
	delete []string // Delete of the last result
}

var serverCases = []serverCase{
	{
		name: "login and quit",
		script: loggedIn + `
C: QUIT
S: +OK mail.example.jp POP3 server signing off (2 messages left)
`,
		state: StateUpdate,
	},
	{
		name: "bad password, unknown user, PASS without USER",
		script: `S: +OK mail.example.jp POP3 server ready
C: PASS hunter2
S: -ERR USER first
C: USER bob
S: +OK send PASS
C: PASS wrong
S: -ERR [AUTH] invalid user name or password
C: PASS hunter2
S: -ERR USER first
C: USER mallory
S: +OK send PASS
C: PASS hunter2
S: -ERR [AUTH] invalid user name or password
C: USER bob
S: +OK send PASS
C: PASS
S: -ERR usage: PASS string
C: USER
S: -ERR usage: USER name
C: USER bob smith
S: -ERR usage: USER name
C: QUIT
S: +OK mail.example.jp POP3 server signing off
`,
		state: StateClosed,
	},
	{
		name: "password with spaces",
		script: `S: +OK mail.example.jp POP3 server ready
C: USER carol
S: +OK send PASS
C: PASS correct horse battery
S: +OK carol's maildrop has 1 message (69 octets)
`,
		state: StateTransaction,
	},
	{
		name: "TRANSACTION commands before login",
		script: `S: +OK mail.example.jp POP3 server ready
C: STAT
S: -ERR log in first with USER and PASS
C: LIST
S: -ERR log in first with USER and PASS
C: UIDL 1
S: -ERR log in first with USER and PASS
C: RETR 1
S: -ERR log in first with USER and PASS
C: TOP 1 0
S: -ERR log in first with USER and PASS
C: DELE 1
S: -ERR log in first with USER and PASS
C: RSET
S: -ERR log in first with USER and PASS
C: NOOP
S: -ERR log in first with USER and PASS
`,
		state: StateAuthorization,
	},
	{
		name: "AUTHORIZATION commands after login",
		cfg:  func(c *Config) { c.Timestamp = "<42.1@mail.example.jp>"; c.STLS = true },
		script: `S: +OK mail.example.jp POP3 server ready <42.1@mail.example.jp>
C: STLS
S: +OK Begin TLS negotiation
C: USER bob
S: +OK send PASS
C: PASS hunter2
S: +OK bob's maildrop has 2 messages (171 octets)
C: USER bob
S: -ERR already logged in
C: PASS hunter2
S: -ERR already logged in
C: APOP bob 0123456789abcdef0123456789abcdef
S: -ERR already logged in
C: STLS
S: -ERR already logged in
`,
		state: StateTransaction,
	},
	{
		name: "STAT LIST UIDL",
		script: loggedIn + `
C: STAT
S: +OK 2 171
C: LIST
S: +OK 2 messages (171 octets)
S: 1 102
S: 2 69
S: .
C: LIST 2
S: +OK 2 69
C: LIST 3
S: -ERR no such message, only 2 messages in maildrop
C: LIST 0
S: -ERR no such message, only 2 messages in maildrop
C: LIST 99999999999999999999
S: -ERR no such message, only 2 messages in maildrop
C: LIST x
S: -ERR invalid message number
C: LIST +1
S: -ERR invalid message number
C: LIST 1 2
S: -ERR usage: LIST [msg]
C: UIDL
S: +OK unique-id listing follows
S: 1 20260401-0001
S: 2 20260401-0002
S: .
C: UIDL 2
S: +OK 2 20260401-0002
C: UIDL 5
S: -ERR no such message, only 2 messages in maildrop
C: STAT 1
S: -ERR STAT takes no arguments
`,
		state: StateTransaction,
	},
	{
		name: "RETR byte-stuffs",
		script: loggedIn + `
C: RETR 1
S: +OK 102 octets
S: From: alice@isp.example
S: To: bob@example.jp
S: Subject: Hello
S: 
S: Hi Bob,
S: ..signature follows
S: ..
S: Alice
S: .
C: RETR 2
S: +OK 69 octets
S: From: carol@example.jp
S: To: bob@example.jp
S: Subject: Lunch
S: 
S: Noon?
S: .
C: RETR
S: -ERR usage: RETR msg
C: RETR 3
S: -ERR no such message, only 2 messages in maildrop
C: RETR -1
S: -ERR invalid message number
`,
		state: StateTransaction,
	},
	{
		name: "TOP",
		script: loggedIn + `
C: TOP 1 0
S: +OK top of message follows
S: From: alice@isp.example
S: To: bob@example.jp
S: Subject: Hello
S: 
S: .
C: TOP 1 2
S: +OK top of message follows
S: From: alice@isp.example
S: To: bob@example.jp
S: Subject: Hello
S: 
S: Hi Bob,
S: ..signature follows
S: .
C: TOP 2 100
S: +OK top of message follows
S: From: carol@example.jp
S: To: bob@example.jp
S: Subject: Lunch
S: 
S: Noon?
S: .
C: TOP 1
S: -ERR usage: TOP msg n
C: TOP 1 x
S: -ERR invalid number of lines
C: TOP 3 1
S: -ERR no such message, only 2 messages in maildrop
`,
		state: StateTransaction,
	},
	{
		name: "DELE marks, RSET unmarks, QUIT deletes nothing",
		script: loggedIn + `
C: DELE 1
S: +OK message 1 deleted
C: DELE 1
S: -ERR message 1 already deleted
C: RETR 1
S: -ERR message 1 already deleted
C: LIST 1
S: -ERR message 1 already deleted
C: TOP 1 0
S: -ERR message 1 already deleted
C: UIDL 1
S: -ERR message 1 already deleted
C: STAT
S: +OK 1 69
C: LIST
S: +OK 1 message (69 octets)
S: 2 69
S: .
C: UIDL
S: +OK unique-id listing follows
S: 2 20260401-0002
S: .
C: DELE
S: -ERR usage: DELE msg
C: RSET
S: +OK maildrop has 2 messages (171 octets)
C: STAT
S: +OK 2 171
C: NOOP
S: +OK
C: QUIT
S: +OK mail.example.jp POP3 server signing off (2 messages left)
`,
		state: StateUpdate,
	},
	{
		name: "DELE then QUIT deletes",
		script: loggedIn + `
C: DELE 2
S: +OK message 2 deleted
C: QUIT
S: +OK mail.example.jp POP3 server signing off (1 message left)
`,
		state:  StateUpdate,
		delete: []string{bobUID2},
	},
	{
		name: "empty maildrop",
		script: `S: +OK mail.example.jp POP3 server ready
C: USER dave
S: +OK send PASS
C: PASS letmein
S: +OK dave's maildrop has 0 messages (0 octets)
C: STAT
S: +OK 0 0
C: LIST
S: +OK 0 messages (0 octets)
S: .
C: RETR 1
S: -ERR no such message, only 0 messages in maildrop
C: QUIT
S: +OK mail.example.jp POP3 server signing off (maildrop empty)
`,
		state: StateUpdate,
	},
	{
		name: "CAPA in both states",
		script: `S: +OK mail.example.jp POP3 server ready
C: CAPA
S: +OK Capability list follows
S: TOP
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: UIDL
S: IMPLEMENTATION mailsim
S: .
C: USER erin
S: +OK send PASS
C: PASS s3cret
S: +OK erin's maildrop has 1 message (69 octets)
C: CAPA
S: +OK Capability list follows
S: TOP
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: UIDL
S: IMPLEMENTATION mailsim
S: .
C: CAPA x
S: -ERR CAPA takes no arguments
`,
		state: StateTransaction,
	},
	{
		// RFC 2595 4: STLS in CAPA and no USER before TLS, USER and no
		// STLS after; the password is refused in the clear (Dovecot's
		// disable_plaintext_auth).
		name: "STLS offered: no password before TLS",
		cfg:  func(c *Config) { c.STLS = true },
		script: `S: +OK mail.example.jp POP3 server ready
C: CAPA
S: +OK Capability list follows
S: TOP
S: RESP-CODES
S: AUTH-RESP-CODE
S: UIDL
S: STLS
S: IMPLEMENTATION mailsim
S: .
C: USER bob
S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
C: PASS hunter2
S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
C: STLS now
S: -ERR STLS takes no arguments
C: STLS
S: +OK Begin TLS negotiation
C: CAPA
S: +OK Capability list follows
S: TOP
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: UIDL
S: IMPLEMENTATION mailsim
S: .
C: STLS
S: -ERR TLS already active
C: USER bob
S: +OK send PASS
`,
		state: StateAuthorization,
	},
	{
		name: "STLS not configured",
		script: `S: +OK mail.example.jp POP3 server ready
C: STLS
S: -ERR unknown command
`,
		state: StateAuthorization,
	},
	{
		name: "unknown commands, case, CRLF",
		script: `S: +OK mail.example.jp POP3 server ready
C: HELO client.example
S: -ERR unknown command
C: 
S: -ERR unknown command
C: AUTH
S: -ERR unknown command
C: LAST
S: -ERR unknown command
C: user bob
S: +OK send PASS
C: pAsS hunter2
S: +OK bob's maildrop has 2 messages (171 octets)
C: stat
S: +OK 2 171
C: list  2
S: +OK 2 69
C: STATUS
S: -ERR unknown command
`,
		state: StateTransaction,
	},
	{
		name: "line length limit",
		script: "S: +OK mail.example.jp POP3 server ready\n" +
			"C: USER " + strings.Repeat("u", 248) + "\n" + // 253 octets + CRLF = 255
			"S: +OK send PASS\n" +
			"C: USER " + strings.Repeat("u", 249) + "\n" +
			"S: -ERR line too long\n",
		state: StateAuthorization,
	},
	{
		name: "APOP",
		cfg:  func(c *Config) { c.Timestamp = "<42.1@mail.example.jp>" },
		script: `S: +OK mail.example.jp POP3 server ready <42.1@mail.example.jp>
C: STAT
S: -ERR log in first with USER and PASS, or APOP
C: APOP bob
S: -ERR usage: APOP name digest
C: APOP bob 0123456789abcdef0123456789abcdef
S: -ERR [AUTH] invalid user name or password
C: APOP mallory ` + "6c4ad8d5b5b4e9ac94e4b0c1fd27f8d0" + `
S: -ERR [AUTH] invalid user name or password
C: APOP bob tooshort
S: -ERR [AUTH] invalid user name or password
C: APOP bob ` + "A1A2B7D6C2D4C3AE8CB5B84FA2A3E19A" + `
S: -ERR [AUTH] invalid user name or password
`,
		state: StateAuthorization,
	},
	{
		name: "APOP not offered",
		script: `S: +OK mail.example.jp POP3 server ready
C: APOP bob 0123456789abcdef0123456789abcdef
S: -ERR APOP not supported
`,
		state: StateAuthorization,
	},
	{
		name: "after QUIT",
		script: `S: +OK mail.example.jp POP3 server ready
C: QUIT
S: +OK mail.example.jp POP3 server signing off
C: NOOP
S: -ERR session closed
`,
		state: StateClosed,
	},
	{
		name: "no host name",
		cfg:  func(c *Config) { c.Hostname = "" },
		script: `S: +OK POP3 server ready
C: QUIT
S: +OK POP3 server signing off
`,
		state: StateClosed,
	},
}

func TestServerTranscripts(t *testing.T) {
	for _, tc := range serverCases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			s := NewServer(cfg)
			results := runScript(t, s, tc.script)
			if s.State() != tc.state {
				t.Errorf("state = %v, want %v", s.State(), tc.state)
			}
			last := results[len(results)-1]
			if !slices.Equal(last.Delete, tc.delete) {
				t.Errorf("Delete = %q, want %q", last.Delete, tc.delete)
			}
			// Only the +OK to QUIT in TRANSACTION may delete, and QUIT (or a
			// line after it) is the only thing that closes.
			for i, r := range results[:len(results)-1] {
				if r.Delete != nil {
					t.Errorf("result %d deletes %q before the last command", i, r.Delete)
				}
			}
		})
	}
}
