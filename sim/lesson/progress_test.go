package lesson

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProgressRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := &Store{Path: filepath.Join(dir, "sub", "progress.json")}
	p := s.Load()
	q := &Question{ID: "q1", Topics: []string{"spf", "dkim"}}
	p.Record(q, false)
	p.Record(q, true)
	p.Record(&Question{ID: "q2", Topics: []string{"spf"}}, false)
	p.Lesson("receiving").Section = 2
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	got := s.Load()
	if tq := got.Questions["q1"]; tq == nil || tq.Right != 1 || tq.Wrong != 1 || !tq.LastRight {
		t.Errorf("q1 tally after a round trip: %+v", tq)
	}
	if !got.Missed("q2") || got.Missed("q1") || got.Missed("never") {
		t.Error("Missed: want q2 only")
	}
	if w := got.WeakTopics(); strings.Join(w, ",") != "spf,dkim" {
		t.Errorf("weak topics %v, want [spf dkim]: spf 1 of 3 right, dkim 1 of 2, both under 60%%", w)
	}
	if got.StatusOf("receiving") != InProgress || got.StatusOf("dns-mx") != NotStarted {
		t.Error("lesson status not kept")
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path))
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files after saving; the temporary file was left behind", len(entries))
	}
}

// TestCorruptProgress: a damaged file is reported, kept as a backup, and
// replaced; a second damaged file gets the next backup name.
func TestCorruptProgress(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	var warn bytes.Buffer
	s := &Store{Path: path, Warn: &warn}
	for i, bad := range []string{`{"version": 1, "questions": {`, `not json at all`} {
		if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		p := s.Load()
		if len(p.Questions) != 0 {
			t.Errorf("a damaged file gave %d answers", len(p.Questions))
		}
		backup := path + ".bad-" + string(rune('1'+i))
		kept, err := os.ReadFile(backup)
		if err != nil || string(kept) != bad {
			t.Errorf("backup %s: %q, %v; want the damaged file's bytes", backup, kept, err)
		}
		if !strings.Contains(warn.String(), "kept it as "+backup) {
			t.Errorf("warning does not name the backup %s:\n%s", backup, warn.String())
		}
		p.Record(&Question{ID: "q", Topics: []string{"spf"}}, true)
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
		if again := s.Load(); again.Questions["q"] == nil {
			t.Error("the replacement file does not load")
		}
	}
}

func TestProgressWrongVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	os.WriteFile(path, []byte(`{"version": 99}`), 0o600)
	var warn bytes.Buffer
	(&Store{Path: path, Warn: &warn}).Load()
	if !strings.Contains(warn.String(), "version 99") {
		t.Errorf("warning: %q", warn.String())
	}
}
