package smtp

import (
	"net/netip"
	"strings"
	"testing"
)

// authCases: RFC 4954 AUTH and RFC 6409 submission.
var authCases = []scriptCase{
	{"plain with initial response, then submission", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: MAIL FROM:<alice@isp.example>
		S: 530 5.7.0 Authentication required
		C: VRFY bob
		S: 530 5.7.0 Authentication required
		= READY
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		= READY
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: Subject: Hello
		C: 
		C: Hi Bob.
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<alice@isp.example> to=<bob@example.jp> helo=pc10 esmtp user=alice bytes=27
		C: QUIT
		S: 221 2.0.0 Bye
		-- close`},
	{"plain with an empty challenge", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: auth plain
		S: 334 
		= AUTH
		C: AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		= READY`},
	{"login", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH LOGIN
		S: 334 VXNlcm5hbWU6
		= AUTH
		C: YWxpY2U=
		S: 334 UGFzc3dvcmQ6
		= AUTH
		C: c2VjcmV0
		S: 235 2.7.0 Authentication successful
		= READY`},
	{"login with the username as initial response", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH LOGIN YWxpY2U=
		S: 334 UGFzc3dvcmQ6
		C: c2VjcmV0
		S: 235 2.7.0 Authentication successful`},
	{"wrong password, then right", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH PLAIN AGFsaWNlAHdyb25n
		S: 535 5.7.8 Error: authentication failed
		= READY
		C: AUTH LOGIN
		S: 334 VXNlcm5hbWU6
		C: Ym9i
		S: 334 UGFzc3dvcmQ6
		C: c2VjcmV0
		S: 535 5.7.8 Error: authentication failed
		C: AUTH PLAIN YWxpY2U=
		S: 535 5.7.8 Error: authentication failed
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful`},
	{"authorization identity must be the user", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH PLAIN Ym9iAGFsaWNlAHNlY3JldA==
		S: 535 5.7.8 Error: authentication failed
		C: AUTH PLAIN YWxpY2UAYWxpY2UAc2VjcmV0
		S: 235 2.7.0 Authentication successful`},
	{"cancel and bad base64", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH LOGIN
		S: 334 VXNlcm5hbWU6
		C: *
		S: 501 5.7.0 Authentication aborted
		= READY
		C: AUTH PLAIN
		S: 334 
		C: not base64!
		S: 501 5.5.2 Cannot decode response
		C: AUTH PLAIN AGFsaWNl=AHNlY3JldA==
		S: 501 5.5.2 Cannot decode response
		C: AUTH PLAIN
		S: 334 
		C: ` + strings.Repeat("A", 12287) + `
		S: 500 5.5.6 Authentication Exchange line is too long
		= READY`},
	{"auth sequence errors", submissionConfig, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1 Error: send HELO/EHLO first
		C: HELO pc10
		S: 250 mail.isp.example
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1 Error: send EHLO first
		C: EHLO pc10` + submissionEHLO + `
		C: AUTH
		S: 501 5.5.4 Syntax: AUTH mechanism
		C: AUTH CRAM-MD5
		S: 504 5.5.4 Unrecognized authentication type
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1 Error: already authenticated`},
	{"auth inside a transaction", func() *Config {
		return with(submissionConfig(), func(c *Config) { c.AuthRequired = false })
	}, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1 Error: MAIL transaction in progress
		= MAIL`},
	{"auth not enabled", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: AUTH LOGIN
		S: 503 5.5.1 Error: authentication not enabled
		C: EHLO a.example` + mxEHLO + `
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 503 5.5.1 Error: authentication not enabled`},
	{"auth parameter of MAIL when AUTH is offered", func() *Config {
		return with(submissionConfig(), func(c *Config) { c.AuthRequired = false })
	}, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: MAIL FROM:<alice@isp.example> AUTH=<>
		S: 250 2.1.0 Ok`},
	{"rfc 4954 example credentials", func() *Config {
		return with(submissionConfig(), func(c *Config) { c.Users = map[string]string{"test": "1234"} })
	}, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO client.example.com` + submissionEHLO + `
		C: AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=
		S: 235 2.7.0 Authentication successful`},
}

// relayCases: final destination, and the four relay policies (RFC 5321 3.6,
// 7.9; RFC 2505) that decide between 第三者中継 and "Relay access denied".
var relayCases = []scriptCase{
	{"no relay: outside domain denied, local user checked", mxConfig, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: EHLO mail.outside.example` + mxEHLO + `
		C: MAIL FROM:<spam@outside.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<victim@elsewhere.example>
		S: 554 5.7.1 <victim@elsewhere.example>: Relay access denied
		C: RCPT TO:<carol@example.jp>
		S: 550 5.1.1 <carol@example.jp>: Recipient address rejected: User unknown in local recipient table
		= MAIL
		C: RCPT TO:<bob@Example.JP>
		S: 250 2.1.5 Ok
		= RCPT`},
	{"open relay accepts anything", func() *Config {
		return with(mxConfig(), func(c *Config) { c.Relay = RelayAnyone })
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO bot.example
		S: 250 mx.example.jp
		C: MAIL FROM:<spam@bot.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<victim@elsewhere.example>
		S: 250 2.1.5 Ok
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: Subject: buy now
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<spam@bot.example> to=<victim@elsewhere.example> helo=bot.example bytes=18`},
	{"backup MX: relay domains from anyone, nothing else", func() *Config {
		return with(mxConfig(), func(c *Config) {
			c.Domains = nil
			c.RelayDomains = []string{"example.jp"}
		})
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO mail.outside.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@outside.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<victim@elsewhere.example>
		S: 554 5.7.1 <victim@elsewhere.example>: Relay access denied
		C: RCPT TO:<anyone@Example.JP>
		S: 250 2.1.5 Ok
		= RCPT`},
	{"mynetworks relays for its own network", func() *Config {
		return with(mxConfig(), func(c *Config) {
			c.Relay = RelayMyNetworks
			c.MyNetworks = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
		})
	}, Peer{IP: ispIP, Name: "web.isp.example"}, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO web.isp.example
		S: 250 mx.example.jp
		C: MAIL FROM:<www@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<someone@elsewhere.example>
		S: 250 2.1.5 Ok`},
	{"mynetworks denies everyone else", func() *Config {
		return with(mxConfig(), func(c *Config) {
			c.Relay = RelayMyNetworks
			c.MyNetworks = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
		})
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO mail.outside.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@outside.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<someone@elsewhere.example>
		S: 554 5.7.1 <someone@elsewhere.example>: Relay access denied`},
	{"mynetworks matches an IPv4-mapped peer", func() *Config {
		return with(mxConfig(), func(c *Config) {
			c.Relay = RelayMyNetworks
			c.MyNetworks = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
		})
	}, Peer{IP: netip.MustParseAddr("::ffff:192.0.2.25")}, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO web
		S: 250 mx.example.jp
		C: MAIL FROM:<www@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<someone@elsewhere.example>
		S: 250 2.1.5 Ok`},
	{"authenticated relay: denied before AUTH, allowed after", func() *Config {
		return with(submissionConfig(), func(c *Config) { c.AuthRequired = false })
	}, homePeer, `
		S: 220 mail.isp.example ESMTP mailsim
		C: EHLO pc10` + submissionEHLO + `
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 554 5.7.1 <bob@example.jp>: Relay access denied
		C: RSET
		S: 250 2.0.0 Ok
		C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
		S: 235 2.7.0 Authentication successful
		C: MAIL FROM:<alice@isp.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok`},
	{"too many recipients", func() *Config {
		return with(mxConfig(), func(c *Config) { c.MaxRecipients = 2 })
	}, outPeer, `
		S: 220 mx.example.jp ESMTP mailsim
		C: HELO a.example
		S: 250 mx.example.jp
		C: MAIL FROM:<x@a.example>
		S: 250 2.1.0 Ok
		C: RCPT TO:<bob@example.jp>
		S: 250 2.1.5 Ok
		C: RCPT TO:<alice@example.jp>
		S: 250 2.1.5 Ok
		C: RCPT TO:<postmaster@example.jp>
		S: 452 4.5.3 Too many recipients
		C: DATA
		S: 354 End data with <CR><LF>.<CR><LF>
		C: .
		S: 250 2.0.0 Ok: queued as 1A2B3D
		M: from=<x@a.example> to=<bob@example.jp>,<alice@example.jp> helo=a.example bytes=0`},
}

func TestAuthTranscripts(t *testing.T)  { runScripts(t, authCases) }
func TestRelayTranscripts(t *testing.T) { runScripts(t, relayCases) }

func TestUserAfterAuth(t *testing.T) {
	s := NewServer(submissionConfig(), homePeer)
	s.Handle("EHLO pc10")
	if s.User() != "" {
		t.Fatalf("User() before AUTH = %q", s.User())
	}
	s.Handle("AUTH PLAIN AGFsaWNlAHNlY3JldA==")
	if s.User() != "alice" {
		t.Fatalf("User() after AUTH = %q, want alice", s.User())
	}
}

func TestDecodeBase64(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"YWxpY2U=", "alice", true},
		{"=", "", true},
		{"", "", true},
		{"YWxpY2U", "", false},      // missing padding
		{"YWxp\r\nY2U=", "", false}, // RFC 4954 4: no character outside the alphabet
		{"=AAA", "", false},         // a pad before the end
		{"AAA=BBBB", "", false},
		{"YWxpY2V=", "", false}, // non-zero padding bits
	} {
		got, ok := decodeBase64(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("decodeBase64(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
