package lesson

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseQuestions feeds arbitrary YAML to the question loader, seeded
// with the broken fixtures and the examples: it must report problems as
// errors, never panic.
func FuzzParseQuestions(f *testing.F) {
	files, _ := filepath.Glob("testdata/broken/*.yaml")
	files = append(files, "../../lessons/questions/examples.yaml")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lib, err := withQuestions(src)
		if err == nil && lib == nil {
			t.Fatal("no library and no error")
		}
	})
}
