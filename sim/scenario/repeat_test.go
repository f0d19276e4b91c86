package scenario

import (
	"bytes"
	"testing"

	"github.com/mailsim/mailsim/sim/i18n"
	"github.com/mailsim/mailsim/sim/transcript"
)

// TestRepeatStartsClean: every run of Repeat starts from the world the file
// describes, so each run's transcript is the first one's, byte for byte
// (the same clock, queue ids and mailbox counts); in one world kept across
// runs mail piled up and a POP3 STAT counted it.
func TestRepeatStartsClean(t *testing.T) {
	for _, id := range []string{"basic-delivery", "op25b", "pop3-basics"} {
		sc, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		tw := transcript.NewWidth(&b, i18n.EN, 60)
		var runs []string
		err = Repeat(sc, 3, tw, func(done int) {
			if err := tw.Flush(); err != nil {
				t.Fatal(err)
			}
			runs = append(runs, b.String())
			b.Reset()
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) != 3 || runs[0] == "" {
			t.Fatalf("%s: %d runs, first %q", id, len(runs), runs[0])
		}
		for k, r := range runs[1:] {
			if r != runs[0] {
				t.Errorf("%s: run %d differs from run 1:\n%s\nrun 1:\n%s", id, k+2, r, runs[0])
			}
		}
	}
}
