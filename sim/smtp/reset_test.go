package smtp

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// session plays lines to s and renders everything it says and is: the
// greeting, every reply line, each result's flags and message, and the
// session's facts after each line (Info's lists printed the same whether
// nil or empty).
func session(s *Server, input string) string {
	var b strings.Builder
	writeReply(&b, s.Greeting())
	for _, line := range strings.Split(input, "\n") {
		b.WriteString("C: " + line + "\n")
		r := s.Handle(line)
		writeReply(&b, r.Reply)
		fmt.Fprintf(&b, "close=%v starttls=%v hold=%v\n", r.Close, r.StartTLS, r.Hold)
		if r.Message != nil {
			b.WriteString(describeMessage(r.Message) + " id=" + r.Message.ID + "\n")
			if r.Hold {
				writeReply(&b, s.Accept(r.Message))
			}
		}
		if r.StartTLS {
			s.TLSStarted()
		}
		fmt.Fprintf(&b, "%+v\n", s.Info())
	}
	return b.String()
}

// resetConfigs are what a reused core served before: other names, limits
// and extensions, so that what Reset keeps (the EHLO reply) is tested
// against a change of configuration.
func resetConfigs() []*Config {
	return []*Config{
		fuzzConfig(),
		with(fuzzConfig(), func(c *Config) { c.Hostname, c.StartTLS, c.MaxSize = "other.example", false, 0 }),
		with(fuzzConfig(), func(c *Config) { c.Users, c.HoldData = nil, true }),
		nil,
	}
}

// FuzzServerReset runs a session on a core that served another session
// and was Reset, and on a new core, and compares every reply and fact:
// a reset core behaves exactly as a new one, also when it is reset a
// second time with the same configuration.
func FuzzServerReset(f *testing.F) {
	for _, seed := range []string{
		"EHLO a\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\nMAIL FROM:<a@b.example> SIZE=10\nRCPT TO:<bob@example.jp>\nDATA\n.x\n.\nQUIT",
		"HELO a\nMAIL FROM:<>\nRCPT TO:<c@elsewhere.example>\nRCPT TO:<bob@example.jp>\nRCPT TO:<x@example.jp>\nDATA",
		"EHLO a\nSTARTTLS\nEHLO b\nAUTH LOGIN\nYWxpY2U=\nc2VjcmV0\nMAIL FROM:<a@b.example>\nRCPT TO:<bob@example.jp>",
		"EHLO a\nMAIL FROM:<a@b.example>\nRCPT TO:<bob@example.jp>\nRCPT TO:<nobody@example.jp>\nRSET\nEHLO c",
	} {
		for i := range resetConfigs() {
			f.Add(uint8(i), seed, seed)
		}
	}
	f.Fuzz(func(t *testing.T, before uint8, first, input string) {
		cfgs := resetConfigs()
		s := NewServer(cfgs[int(before)%len(cfgs)], outPeer)
		session(s, first)
		for range 2 {
			s.Reset(fuzzConfig(), homePeer)
			got := session(s, input)
			if want := session(NewServer(fuzzConfig(), homePeer), input); got != want {
				t.Fatalf("a reset core differs from a new one\n--- reset\n%s\n--- new\n%s", got, want)
			}
		}
	})
}

// TestClientReset runs each job on a client core that carried out another
// job and was Reset, and on a new one: the same lines, the same result.
func TestClientReset(t *testing.T) {
	jobs := []Job{
		{Helo: "pc10.home.isp.example", Auth: &Auth{User: "alice", Pass: "secret"}, From: "alice@isp.example",
			To: []string{"bob@example.jp", "nobody@example.jp"}, Data: helloMessage},
		{Helo: "pc10.home.isp.example", Auth: &Auth{User: "alice", Pass: "wrong", Mechanism: "LOGIN"}, From: "alice@isp.example",
			To: []string{"bob@example.jp"}, Data: helloMessage},
		{Helo: "mail.isp.example", From: "", To: []string{"bob@example.jp"}, Data: "Subject: x\r\n\r\n.dot\r\n", StartTLS: true},
		{Helo: "mail.isp.example", From: "a@isp.example", To: []string{"bob@example.jp"}, Data: helloMessage},
	}
	cfgs := []func() *Config{submissionConfig, submissionTLSConfig, mxConfig}
	for i, prev := range jobs {
		for j, job := range jobs {
			for k, cfg := range cfgs {
				t.Run(fmt.Sprintf("%d-then-%d-on-%d", i, j, k), func(t *testing.T) {
					c := NewClient(prev)
					converse(t, c, NewServer(cfg(), homePeer))
					c.Reset(job)
					got, _ := converse(t, c, NewServer(cfg(), homePeer))
					fresh := NewClient(job)
					want, _ := converse(t, fresh, NewServer(cfg(), homePeer))
					if got != want {
						t.Errorf("a reset client differs from a new one\n--- reset\n%s\n--- new\n%s", got, want)
					}
					if g, w := c.Result(), fresh.Result(); !reflect.DeepEqual(g, w) {
						t.Errorf("result %+v, a new client's %+v", g, w)
					}
				})
			}
		}
	}
}
