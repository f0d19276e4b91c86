package scenario

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// TestTruncatedMXAnswerRetriesOverTCP is an engine bug found by the
// hostile-input work, left for the engine's owner: a domain with 24 MX
// records (within MaxRecords) gets a UDP answer with TC set, "(truncated,
// retry over TCP)", and the MTA then says "no MX record" and falls back to
// the A record (RFC 5321 5.1), which teaches the wrong thing: RFC 1035
// 4.2.1 and RFC 7766 5 say to retry the query over TCP. The test fails
// until the resolver does.
func TestTruncatedMXAnswerRetriesOverTCP(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: tc\ntitle: T\nworld:\n  hosts:\n    pc: {ip: 198.51.100.10}\n")
	b.WriteString("    relay.example: {ip: 198.51.100.25, smtp: [{port: 25, relay: anyone}]}\n")
	var mx []string
	for i := range 24 {
		fmt.Fprintf(&b, "    mx%d.example: {ip: 192.0.2.%d, smtp: [25], domains: [d.example], users: {u: x}}\n", i, i+1)
		mx = append(mx, fmt.Sprintf(`"%d mx%d.example"`, i, i))
	}
	b.WriteString("  dns:\n    d.example: {mx: [" + strings.Join(mx, ", ") + "]}\n")
	b.WriteString("steps:\n  - send: {client: pc, server: \"relay.example:25\", from: a@b.example, to: u@d.example}\n")
	sc, err := Parse("tc.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	if _, err := Run(sc, rec); err != nil {
		t.Fatal(err)
	}
	for _, e := range rec.Events {
		if e.Dst.Host == "mx0.example" && e.Dst.Port == 25 {
			return // the relay reached the preferred MX
		}
	}
	var notes []string
	for _, e := range rec.Events {
		if !e.Text.IsZero() {
			notes = append(notes, e.Text.In("en"))
		}
	}
	t.Errorf("the relay never connected to mx0.example:25 after a truncated MX answer; notes:\n%s", strings.Join(notes, "\n"))
}
