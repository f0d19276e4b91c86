package export

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestJSONGolden keeps two scenarios' exports as golden files: one with
// submission, DNS and relay, one with router drops and retransmissions.
// Every scenario is checked against the schema by TestJSONSchema.
func TestJSONGolden(t *testing.T) {
	for _, id := range []string{"basic-delivery", "op25b"} {
		t.Run(id, func(t *testing.T) {
			got := render(t, JSON, id, i18n.EN)
			if ja := render(t, JSON, id, i18n.JA); !bytes.Equal(got, ja) {
				t.Error("the JSON export depends on --lang; it carries both languages and should not")
			}
			golden(t, "json/"+id+".jsonl", got)
		})
	}
}

// TestJSONSchema reads the export back as a consumer would, with nothing
// but the documented field names, and checks it against the trace.
func TestJSONSchema(t *testing.T) {
	for _, id := range bundled(t) {
		t.Run(id, func(t *testing.T) {
			in := run(t, id, i18n.EN)
			sc := bufio.NewScanner(bytes.NewReader(render(t, JSON, id, i18n.EN)))
			sc.Buffer(nil, 1<<20)
			if !sc.Scan() {
				t.Fatal("empty export")
			}
			var head struct {
				Schema   string `json:"schema"`
				Version  int    `json:"version"`
				Scenario string `json:"scenario"`
				Start    string `json:"start"`
				Hosts    []struct{ Name, IP string }
				Steps    []i18n.Text
			}
			if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
				t.Fatalf("first line: %v", err)
			}
			if head.Schema != "mailsim-trace" || head.Version != 1 || head.Scenario != id ||
				head.Start != "2026-04-01T09:00:00+09:00" || len(head.Hosts) != len(in.Topology.Hosts) ||
				len(head.Steps) != len(in.Topology.Steps) {
				t.Errorf("first line = %s", sc.Bytes())
			}
			n := 0
			for sc.Scan() {
				var ev map[string]any
				if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
					t.Fatalf("line %d: %v", n+2, err)
				}
				e := &in.Events[n]
				for _, k := range []string{"seq", "at_ns", "time", "step", "kind"} {
					if _, ok := ev[k]; !ok {
						t.Errorf("line %d has no %q: %s", n+2, k, sc.Bytes())
					}
				}
				if ev["kind"] != e.Kind.String() || ev["seq"] != float64(e.Seq) || ev["at_ns"] != float64(e.At) {
					t.Errorf("line %d = %s, want event %+v", n+2, sc.Bytes(), e)
				}
				if e.Kind == trace.Line {
					if l, ok := ev["line"].(string); !ok || l != e.Line {
						t.Errorf("line %d: line = %v, want %q", n+2, ev["line"], e.Line)
					}
				}
				if e.Payload != nil && e.Kind != trace.Record {
					// (TLS records differ between runs of the engine: see
					// TestPCAPDeterministic.)
					p, _ := ev["payload"].(string)
					if b, err := base64.StdEncoding.DecodeString(p); err != nil || !bytes.Equal(b, e.Payload) {
						t.Errorf("line %d: payload %q does not decode to the trace's bytes", n+2, p)
					}
				}
				if e.Kind == trace.Expect {
					if ok, present := ev["ok"].(bool); !present || ok != e.OK {
						t.Errorf("line %d: ok = %v, want %v", n+2, ev["ok"], e.OK)
					}
				}
				if !e.Text.IsZero() {
					txt, _ := ev["text"].(map[string]any)
					if txt["en"] != e.Text.In(i18n.EN) || txt["ja"] != e.Text.In(i18n.JA) {
						t.Errorf("line %d: text = %v", n+2, ev["text"])
					}
				}
				n++
			}
			if n != len(in.Events) {
				t.Errorf("export has %d event lines, the trace %d events", n, len(in.Events))
			}
		})
	}
}
