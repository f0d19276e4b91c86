package player

import (
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestTLSFrame: the player shows TLS records by type and length, the
// dialogue inside them marked [TLS], and the records of a reply in the
// reply's beat.
func TestTLSFrame(t *testing.T) {
	sc, err := scenario.Load("eavesdropping")
	if err != nil {
		t.Fatal(err)
	}
	w, err := sc.Prepare(&trace.Recorder{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	if _, err := scenario.Run(sc, rec); err != nil {
		t.Fatal(err)
	}
	topo := sc.Topology(w)
	p := New(&topo, rec.Events, Config{Width: 120, Height: 32, Lang: i18n.EN, NoAnim: true})
	seekEvent(t, p.Model(), func(e *trace.Event) bool {
		return e.Kind == trace.Line && e.Tag.Encrypted && strings.HasPrefix(e.Line, "250-AUTH PLAIN")
	})
	frame := stripSGR(strings.Join(p.Frame(), "\n"))
	for _, want := range []string{
		// Each line says which host sends it.
		"TLS  alice-laptop     C: Handshake (ClientHello) 1.3, ",
		"TLS  mail.isp.example S: Handshake (ServerHello) 1.3, ",
		"SMTP alice-laptop     C: [TLS] EHLO ",
		"SMTP mail.isp.example S: [TLS] 250-AUTH PLAIN LOGIN",
		"TLS  mail.isp.example S: Application Data, ",
	} {
		if !strings.Contains(frame, want) {
			t.Errorf("frame lacks %q:\n%s", want, frame)
		}
	}
	// The reply's record is in the reply's beat.
	beat := p.Model().Current()
	if last := beat[len(beat)-1]; last.Kind != trace.Record || last.Dir != trace.ServerToClient {
		t.Errorf("the beat of the EHLO reply ends with %v, want the record that carries it", last.Kind)
	}
}

// stripSGR drops the colour escape sequences of a frame.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
