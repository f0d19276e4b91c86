package scenario

import (
	"reflect"
	"testing"

	"github.com/mailsim/mailsim/sim/trace"
)

// retrySrc queues mail behind a down MX for longer than the queue
// lifetime: retries every 30 minutes across many wait chunks, then a
// bounce.
const retrySrc = `id: retry
title: T
world:
  hosts:
    pc: {ip: 198.51.100.10}
    relay.example: {ip: 198.51.100.25, domains: [b.example], users: {a: x}, smtp: [{port: 25, relay: anyone}]}
    mx.example: {ip: 192.0.2.25, down: true, smtp: [25]}
  dns:
    d1.example: {mx: ["10 mx.example"]}
    d2.example: {mx: ["10 mx.example"]}
    b.example: {mx: ["10 relay.example"]}
steps:
  - send: {client: pc, server: "relay.example:25", from: a@b.example, to: [u@d1.example, u@d2.example]}
  - wait: 47m
  - wait: 125h
`

// TestChunkedWaitIsTheSame checks that Run, which waits in pieces to look
// at its budget, gives the very trace of waiting at once, for every bundled
// scenario and one that retries for days.
func TestChunkedWaitIsTheSame(t *testing.T) {
	all, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	retry, err := Parse("retry.yaml", []byte(retrySrc))
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range append(all, retry) {
		if sc.Attempts() > 0 {
			// A campaign runs summarised (RunWith), never with the whole
			// trace; sim/campaign tests that both count the same.
			continue
		}
		t.Run(sc.ID, func(t *testing.T) {
			whole := &trace.Recorder{}
			w, err := sc.Build(whole)
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range sc.Steps {
				play(w, i, st, nil)
			}
			chunked := &trace.Recorder{}
			if _, err := Run(sc, chunked); err != nil {
				t.Fatal(err)
			}
			var got []trace.Event
			for _, e := range chunked.Events {
				if e.Kind != trace.Expect {
					got = append(got, e)
				}
			}
			if len(got) != len(whole.Events) {
				t.Fatalf("waiting in pieces gave %d events, at once %d", len(got), len(whole.Events))
			}
			for i := range got {
				got[i].Seq = whole.Events[i].Seq // Expect events took sequence numbers
				if !reflect.DeepEqual(got[i], whole.Events[i]) {
					t.Fatalf("event %d differs:\npieces: %+v\nonce:   %+v", i, got[i], whole.Events[i])
				}
			}
			if sc.ID == "retry" && len(got) < 1000 {
				t.Errorf("the retry scenario made only %d events; it should retry for days", len(got))
			}
		})
	}
}
