package main

import (
	"strings"
	"testing"
)

// TestExportPcapNotToTerminal: a capture or a recording never goes to a
// terminal; the text formats do.
func TestExportPcapNotToTerminal(t *testing.T) {
	tests := []struct {
		format string
		code   int
		stderr string
	}{
		{"pcap", ExitBadInput, "a pcap is binary and is not written to a terminal; use -o FILE"},
		{"cast", ExitBadInput, "a cast is a recording for asciinema"},
		{"mermaid", ExitOK, ""},
	}
	for _, tt := range tests {
		ios, out, errOut := testStreams(nil)
		ios.IsTerminal = true
		if code := Main([]string{"export", "basic-delivery", "--format", tt.format}, ios); code != tt.code {
			t.Errorf("%s: exit %d, want %d; stderr: %s", tt.format, code, tt.code, errOut)
		}
		if !strings.Contains(errOut.String(), tt.stderr) {
			t.Errorf("%s: stderr %q, want it to say %q", tt.format, errOut, tt.stderr)
		}
		if tt.code != ExitOK && out.Len() > 0 {
			t.Errorf("%s: wrote %d bytes to the terminal", tt.format, out.Len())
		}
	}
}
