package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mailsim/mailsim/sim/scenario"
	"github.com/mailsim/mailsim/sim/trace"
)

// TestREADMEScenario keeps the README's example scenario true: it loads,
// and every expectation it states is met.
func TestREADMEScenario(t *testing.T) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(src), "\n```yaml\n")
	if !ok {
		t.Fatal("README.md has no yaml block")
	}
	block, _, ok := strings.Cut(rest, "\n```\n")
	if !ok {
		t.Fatal("README.md's yaml block does not end")
	}
	sc, err := scenario.Parse("README.md", []byte(block))
	if err != nil {
		t.Fatalf("the README's example does not load:\n%v", err)
	}
	rep, err := scenario.Run(sc, &trace.Recorder{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checks == 0 || !rep.OK() {
		t.Errorf("the README's example: %d of %d expectations missed", rep.Missed, rep.Checks)
	}
}

// TestREADMETranscript keeps the README's abridged transcript true: every
// line it shows is a line of the basic-delivery golden transcript.
func TestREADMETranscript(t *testing.T) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(src), "`mailsim run basic-delivery` prints (abridged):\n\n```\n")
	if !ok {
		t.Fatal("README.md has no abridged transcript")
	}
	block, _, _ := strings.Cut(rest, "\n```")
	golden, err := os.ReadFile("testdata/golden/basic-delivery.en.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(golden), "\n")
	shown := 0
	for _, l := range strings.Split(block, "\n") {
		if l == "..." {
			continue
		}
		shown++
		if !slices.Contains(lines, l) {
			t.Errorf("README shows a line `mailsim run basic-delivery` does not print:\n%s", l)
		}
	}
	if shown == 0 {
		t.Error("the README's transcript is empty")
	}
}

// TestREADMEPlayerFrame keeps the README's picture of the player true: it
// is the player's own golden frame, byte for byte.
func TestREADMEPlayerFrame(t *testing.T) {
	const frame = "../../sim/player/testdata/frames/submission-80x24-en.txt"
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(frame)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "```text\n"+string(want)+"```\n") {
		t.Errorf("README.md's picture of the player is not %s: copy that file into the ```text block under \"The player\"", frame)
	}
}
