package main

import (
	"strings"
	"testing"
)

// TestCompareProgress checks the progress bar of a campaign: drawn on
// stderr when it is a terminal, up to 100% for each setting and cleared,
// and nothing at all when stderr is not a terminal. The table on stdout is
// the same either way.
func TestCompareProgress(t *testing.T) {
	args := []string{"run", "../../sim/campaign/testdata/small.yaml", "--compare", "op25b=off,on", "--lang", "en"}
	plain, plainOut, plainErr := testStreams(nil)
	if code := Main(args, plain); code != ExitOK {
		t.Fatalf("exit %d: %s", code, plainErr)
	}
	if plainErr.Len() != 0 {
		t.Errorf("progress written to a stderr that is not a terminal: %q", plainErr)
	}
	tty, ttyOut, ttyErr := testStreams(nil)
	tty.ErrIsTerminal = true
	if code := Main(args, tty); code != ExitOK {
		t.Fatalf("exit %d: %s", code, ttyErr)
	}
	bar := ttyErr.String()
	for _, want := range []string{
		"\rsmall-campaign op25b=off [", "100% 108/108", "\rsmall-campaign op25b=on [", "\r\x1b[K",
	} {
		if !strings.Contains(bar, want) {
			t.Errorf("progress on a terminal lacks %q:\n%q", want, bar)
		}
	}
	if !strings.HasSuffix(bar, "\r\x1b[K") {
		t.Errorf("the bar is not cleared at the end: %q", bar[max(0, len(bar)-40):])
	}
	if ttyOut.String() != plainOut.String() {
		t.Error("the table differs with a terminal on stderr")
	}
}
