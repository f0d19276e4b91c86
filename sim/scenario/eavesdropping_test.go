// The eavesdropping scenario's records must repeat byte for byte: the TLS
// sessions take their randomness from the world (see sim/tls.go), which
// crypto/tls honours only with this setting.
//
//go:debug cryptocustomrand=1
package scenario

import (
	"bytes"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim"
	"github.com/mailsim/mailsim/sim/trace"
)

// runBundled runs a bundled scenario and returns its trace.
func runBundled(t *testing.T, id string) []trace.Event {
	t.Helper()
	sc, err := Load(id)
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	rep, err := Run(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("%s: %d expectation(s) missed", id, rep.Missed)
	}
	return rec.Events
}

// TestEavesdroppingWire is issue 14's check: what crosses the wire after
// STARTTLS and STLS, and on 465, 993 and 995 from the first byte, holds no
// PASS, no IMAP LOGIN, no password, no base64 of the credentials and no
// message text, while the plain sessions of the same scenario show all of
// them.
func TestEavesdroppingWire(t *testing.T) {
	events := runBundled(t, "eavesdropping")
	oldAuth := base64.StdEncoding.EncodeToString([]byte("\x00alice\x00wonderland"))
	secrets := []string{
		"PASS", "LOGIN alice", "looking-glass", "wonderland",
		base64.StdEncoding.EncodeToString([]byte("\x00alice\x00looking-glass")), oldAuth,
		"old mill", "bring the map", "gate code", "4711",
	}
	protected := map[int]*bytes.Buffer{} // every byte after TLS began, per connection
	plain := map[int]*bytes.Buffer{}     // every byte of connections that never used TLS
	port := map[int]uint16{}             // the server port of each connection
	for _, e := range events {
		if e.Conn == 0 {
			continue
		}
		if port[e.Conn] == 0 {
			port[e.Conn] = e.Dst.Port // the SYN goes to the server
		}
		if e.Kind == trace.Record && protected[e.Conn] == nil {
			protected[e.Conn] = &bytes.Buffer{}
		}
		b := protected[e.Conn]
		if b == nil {
			if plain[e.Conn] == nil {
				plain[e.Conn] = &bytes.Buffer{}
			}
			if e.Kind == trace.Line {
				plain[e.Conn].WriteString(e.Line + "\r\n")
			}
			continue
		}
		switch {
		case e.Kind == trace.Record:
			b.Write(e.Payload)
		case e.Kind == trace.Line && !e.Tag.Encrypted:
			t.Errorf("conn %d: %q on the wire in the clear after TLS began", e.Conn, e.Line)
		}
	}
	// 587 with STARTTLS, 110 with STLS; 465, 993 and 995 from the first
	// byte, with not one line in the clear before the handshake.
	var ports []int
	for conn := range protected {
		ports = append(ports, int(port[conn]))
		if sim.ImplicitTLS(port[conn]) && plain[conn] != nil && plain[conn].Len() > 0 {
			t.Errorf("conn %d to port %d: lines in the clear before TLS:\n%s", conn, port[conn], plain[conn])
		}
	}
	slices.Sort(ports)
	if want := []int{110, 465, 587, 993, 995}; !slices.Equal(ports, want) {
		t.Fatalf("connections that used TLS went to ports %v, want %v", ports, want)
	}
	for conn, b := range protected {
		for _, s := range secrets {
			if bytes.Contains(b.Bytes(), []byte(s)) {
				t.Errorf("conn %d: %q readable on the wire inside TLS", conn, s)
			}
		}
	}
	// The plain sessions do show them: the scenario's point.
	var all strings.Builder
	for _, b := range plain {
		all.Write(b.Bytes())
	}
	for _, s := range []string{"PASS wonderland", "AUTH PLAIN " + oldAuth, "old mill"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("the plain sessions do not show %q", s)
		}
	}
	// STARTTLS shows the handshake and a second EHLO, never 454.
	var lines []string
	for _, e := range events {
		if e.Kind == trace.Line && (e.Dst.Port == 587 || e.Src.Port == 587) && e.Src.Host != "mail.oldnet.example" && e.Dst.Host != "mail.oldnet.example" {
			lines = append(lines, e.Line)
		}
		if e.Kind == trace.Line && e.Tag.Code == 454 {
			t.Errorf("454 in the trace: %q", e.Line)
		}
	}
	got := strings.Join(lines, "|")
	if !strings.Contains(got, "STARTTLS|220 2.0.0 Ready to start TLS|EHLO [203.0.113.20]|250-mail.isp.example") {
		t.Errorf("587 with STARTTLS: %s", got)
	}
}

// TestEavesdroppingDeterministic runs the scenario twice and compares every
// byte of every event, TLS records included.
func TestEavesdroppingDeterministic(t *testing.T) {
	a, b := runBundled(t, "eavesdropping"), runBundled(t, "eavesdropping")
	if len(a) != len(b) {
		t.Fatalf("%d events, then %d", len(a), len(b))
	}
	records := 0
	for i := range a {
		if a[i].Kind == trace.Record {
			records++
		}
		if a[i].Kind != b[i].Kind || a[i].Line != b[i].Line || a[i].TCP != b[i].TCP || a[i].TLS != b[i].TLS || !bytes.Equal(a[i].Payload, b[i].Payload) {
			t.Fatalf("event %d differs between runs:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	if records == 0 {
		t.Fatal("no TLS records")
	}
}
