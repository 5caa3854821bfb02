package course

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"losslab/internal/atomicfile"
)

// Progress is where a learner is in the embedded course: the lessons
// finished and the lesson and step to resume at. It is saved as JSON under
// the XDG state directory; its keys are identifiers.
type Progress struct {
	Completed []string `json:"completed"`
	Lesson    string   `json:"lesson,omitempty"` // the lesson last open
	Step      int      `json:"step,omitempty"`   // its step, 0 its start
}

// maxProgressBytes bounds the file: eight lessons need a few hundred bytes.
const maxProgressBytes = 64 << 10

// ProgressPath is $XDG_STATE_HOME/losslab/progress.json, or
// ~/.local/state/losslab/progress.json when XDG_STATE_HOME is unset or not
// absolute (the XDG spec says to ignore a relative one).
func ProgressPath() (string, error) {
	if dir := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "losslab", "progress.json"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "losslab", "progress.json"), nil
}

// ErrBadProgress marks a progress file that cannot be read as progress; the
// caller starts over (and says so) rather than failing.
var ErrBadProgress = errors.New("unreadable progress file")

// LoadProgress reads the progress at path; a missing file is no progress.
func LoadProgress(path string) (Progress, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Progress{}, nil
	}
	if err != nil {
		return Progress{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxProgressBytes+1))
	if err != nil {
		return Progress{}, err
	}
	var p Progress
	if len(data) > maxProgressBytes || json.Unmarshal(data, &p) != nil || p.Step < 0 {
		return Progress{}, fmt.Errorf("%s: %w", path, ErrBadProgress)
	}
	return p, nil
}

// Done reports whether lesson name is finished.
func (p Progress) Done(name string) bool { return slices.Contains(p.Completed, name) }

// Complete marks lesson name finished.
func (p *Progress) Complete(name string) {
	if !p.Done(name) {
		p.Completed = append(p.Completed, name)
	}
}

// Save writes p to path atomically (internal/atomicfile): a crash leaves
// the old progress or the new, never half of one.
func (p Progress) Save(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Replace(path, append(data, '\n'), 0o600)
}

// ResetProgress removes the progress at path; none is not an error.
func ResetProgress(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
