package sim

import (
	"slices"
	"testing"

	"github.com/mailsim/mailsim/sim/imap"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestIMAPSession reads bob's mailbox over IMAP after a delivery and
// checks what the trace states: commands named as the client sent them,
// untagged data by name, the literal's lines as Body, conditions on
// status lines, the session on the last line of each command's
// responses; and that the server's bytes, parsed back from the trace,
// carry the stored message octet for octet.
func TestIMAPSession(t *testing.T) {
	tw := newTestWorld(t, nil)
	tw.mx.IMAP = []*IMAPService{{Port: 143}}
	tw.submit("bob@example.jp")
	stored := tw.mx.User("bob").Mailbox.Messages()[0].Text()
	start := len(tw.rec.Events)
	r := tw.IMAP(IMAPRequest{Client: tw.bob, Server: tw.mx, Port: 143, Job: imap.Job{User: "bob", Pass: "hunter2"}})
	if r.Outcome != Connected || len(r.Client.Messages) != 1 || r.Client.Marked != 1 || r.Left != 1 {
		t.Fatalf("result %+v", r)
	}
	if !slices.Equal(r.Conds, []string{"OK", "OK", "OK", "OK", "OK", "OK", "OK"}) {
		t.Errorf("conditions %q", r.Conds)
	}
	var verbs, data []string
	var p imap.Parser
	var body string
	var last *trace.Session
	for _, e := range tw.rec.Events[start:] {
		if e.Kind != trace.Line || e.Proto != trace.IMAP {
			continue
		}
		if e.Dir == trace.ClientToServer {
			if e.Tag.Kind != trace.Command {
				t.Errorf("client line %q tagged %v", e.Line, e.Tag.Kind)
			}
			verbs = append(verbs, e.Tag.Verb)
			continue
		}
		if e.Tag.Kind == trace.Untagged && e.Tag.Verb != "" {
			data = append(data, e.Tag.Verb)
		}
		if e.Session != nil {
			last = e.Session
		}
		resp, done, err := p.Feed(e.Line)
		if err != nil {
			t.Fatalf("the trace's line %q does not parse: %v", e.Line, err)
		}
		if done && resp.Name() == imap.DataFETCH && body == "" {
			if e.Tag.Kind != trace.Body || !e.Tag.Last {
				t.Errorf("the FETCH response's last line %q is tagged %+v", e.Line, e.Tag)
			}
			body = resp.Text
		}
	}
	want := []string{"CAPABILITY", "LOGIN", "SELECT", "UID FETCH", "UID STORE", "LOGOUT"}
	if !slices.Equal(verbs, want) {
		t.Errorf("client verbs %q, want %q", verbs, want)
	}
	if !slices.Contains(data, "EXISTS") || !slices.Contains(data, "FETCH") || !slices.Contains(data, "CAPABILITY") {
		t.Errorf("untagged data %q", data)
	}
	if want := "1 FETCH (UID 1 FLAGS () BODY[] {" + itoa(len(stored)) + "}\r\n" + stored + ")"; body != want {
		t.Errorf("FETCH from the trace:\n%q\nwant\n%q", body, want)
	}
	if last == nil || last.State != "Logout" || last.User != "bob" || !slices.Equal(last.Seen, []int{1}) {
		t.Errorf("last session %+v", last)
	}
}
