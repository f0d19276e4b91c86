package lesson

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Progress is what mailsim remembers about a learner: every answer's tally,
// the tally per topic (the weak topics come from it) and where each lesson
// was left.
type Progress struct {
	Version   int                     `json:"version"`
	Questions map[string]*Tally       `json:"questions,omitempty"`
	Topics    map[string]*Tally       `json:"topics,omitempty"`
	Lessons   map[string]*LessonState `json:"lessons,omitempty"`
}

// Tally counts right and wrong answers; LastRight is the latest one.
type Tally struct {
	Right     int  `json:"right"`
	Wrong     int  `json:"wrong"`
	LastRight bool `json:"last_right"`
}

// LessonState is where a learner is in a lesson: the next section to show
// (len(Sections) means the check questions), and whether it was finished.
type LessonState struct {
	Section int  `json:"section"`
	Done    bool `json:"done"`
}

const progressVersion = 1

// NewProgress returns an empty progress.
func NewProgress() *Progress {
	return &Progress{Version: progressVersion, Questions: map[string]*Tally{}, Topics: map[string]*Tally{}, Lessons: map[string]*LessonState{}}
}

// Record counts one answer to q, for the question and each of its topics.
func (p *Progress) Record(q *Question, right bool) {
	add := func(m map[string]*Tally, k string) {
		t := m[k]
		if t == nil {
			t = &Tally{}
			m[k] = t
		}
		if right {
			t.Right++
		} else {
			t.Wrong++
		}
		t.LastRight = right
	}
	add(p.Questions, q.ID)
	for _, tp := range q.Topics {
		add(p.Topics, tp)
	}
}

// Missed reports whether the last answer to the question was wrong.
func (p *Progress) Missed(id string) bool {
	t := p.Questions[id]
	return t != nil && !t.LastRight
}

// weak reports whether right answers out of of fall below 60%, the pass
// mark of IPA's exams.
func weak(right, of int) bool { return of > 0 && right*5 < of*3 }

// WeakTopics are the topics with fewer than 60% right answers, weakest
// first (then by id).
func (p *Progress) WeakTopics() []string {
	var out []string
	for id, t := range p.Topics {
		if weak(t.Right, t.Right+t.Wrong) {
			out = append(out, id)
		}
	}
	ratio := func(id string) float64 { t := p.Topics[id]; return float64(t.Right) / float64(t.Right+t.Wrong) }
	sort.Slice(out, func(i, j int) bool {
		if ri, rj := ratio(out[i]), ratio(out[j]); ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

// Lesson returns the state of a lesson, creating it.
func (p *Progress) Lesson(id string) *LessonState {
	s := p.Lessons[id]
	if s == nil {
		s = &LessonState{}
		p.Lessons[id] = s
	}
	return s
}

// Store keeps the progress in one JSON file.
type Store struct {
	Path string
	// Warn receives what went wrong with the file (corrupt, unwritable);
	// none of it stops the learner.
	Warn io.Writer
}

// DefaultPath is progress.json in mailsim's directory under the user's
// configuration directory ($XDG_CONFIG_HOME or ~/.config on Linux).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "mailsim", "progress.json"), nil
}

// Load reads the progress. A missing file is a new learner. A file that is
// not valid progress is reported on Warn, kept beside it as
// progress.json.bad-N, and replaced by an empty progress: it never stops
// the learner.
func (s *Store) Load() *Progress {
	src, err := os.ReadFile(s.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewProgress()
	}
	if err != nil {
		s.warnf("cannot read the progress file %s (%v); starting with no progress", s.Path, err)
		return NewProgress()
	}
	p := NewProgress()
	if err := json.Unmarshal(src, p); err != nil || p.Version != progressVersion {
		if err == nil {
			err = fmt.Errorf("version %d, want %d", p.Version, progressVersion)
		}
		backup, berr := s.backup()
		if berr != nil {
			s.warnf("the progress file %s is damaged (%v) and could not be kept (%v); starting a new one", s.Path, err, berr)
		} else {
			s.warnf("the progress file %s is damaged (%v); kept it as %s and started a new one", s.Path, err, backup)
		}
		return NewProgress()
	}
	if p.Questions == nil {
		p.Questions = map[string]*Tally{}
	}
	if p.Topics == nil {
		p.Topics = map[string]*Tally{}
	}
	if p.Lessons == nil {
		p.Lessons = map[string]*LessonState{}
	}
	return p
}

// backup renames the file to the first free progress.json.bad-N.
func (s *Store) backup() (string, error) {
	for n := 1; n < 1000; n++ {
		b := fmt.Sprintf("%s.bad-%d", s.Path, n)
		if _, err := os.Lstat(b); errors.Is(err, fs.ErrNotExist) {
			return b, os.Rename(s.Path, b)
		}
	}
	return "", errors.New("too many backups")
}

// Save writes the progress atomically: a temporary file in the same
// directory, flushed to disk, then renamed over the old one, so that a
// crash leaves either the old file or the new one, never half of one.
func (s *Store) Save(p *Progress) error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(s.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".progress-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing to remove
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, s.Path); err != nil {
		return err
	}
	// Make the rename itself durable; not every system can sync a directory.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

func (s *Store) warnf(format string, args ...any) {
	if s.Warn != nil {
		fmt.Fprintf(s.Warn, "mailsim: "+format+"\n", args...)
	}
}
