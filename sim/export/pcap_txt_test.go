package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestPCAPTsharkTXT opens the spoofing capture with tshark and checks
// that it decodes every TXT answer the trace shows (SPF, the DKIM key,
// DMARC), string for string (RFC 1035 3.3.14).
func TestPCAPTsharkTXT(t *testing.T) {
	tshark, err := exec.LookPath("tshark")
	if err != nil {
		t.Skip("tshark is not installed; TestPCAPReadBack checks the capture")
	}
	in := run(t, "spoofing", i18n.EN)
	var buf bytes.Buffer
	if err := PCAP(&buf, in); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "spoofing.pcapng")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tshark, "-r", path, "-Y", "dns.txt", "-T", "fields", "-e", "dns.txt").Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		got = append(got, strings.Split(line, ",")...)
	}
	var want []string
	for i := range in.Events {
		e := &in.Events[i]
		if e.Kind == trace.Line && e.Proto == trace.DNS && e.Tag.Kind == trace.Answer && strings.Contains(e.Line, " IN TXT ") {
			_, txt, _ := strings.Cut(e.Line, " IN TXT ")
			want = append(want, strings.Trim(txt, `"`))
		}
	}
	if len(want) < 5 || !slices.Equal(got, want) {
		t.Errorf("tshark decodes the TXT answers\n  %q\nthe trace has\n  %q", got, want)
	}
}
