package curriculum

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"losslab/internal/atomicfile"
	"losslab/internal/regfile"
)

// Progress is where a learner is in the embedded course: the lessons
// finished and the lesson and step to resume at. It is saved as JSON under
// the XDG state directory; its keys are identifiers.
//
// To extend it, add fields with omitempty and say in merge how two saves'
// values combine; bump progressVersion when a losslab that does not know
// the new fields must not rewrite the file (it refuses later versions).
type Progress struct {
	Version   int      `json:"version"`
	Completed []string `json:"completed"`
	Lesson    string   `json:"lesson,omitempty"` // the lesson last open
	Step      int      `json:"step,omitempty"`   // its step, 0 its start
	// Answers are the outcomes of each lesson's questions, in the order the
	// lesson asks them ("" for one not answered yet). Version 2.
	Answers map[string][]Outcome `json:"answers,omitempty"`

	// recorded are the answers given since this Progress was loaded: they
	// win over the file's when saving merges the two.
	recorded map[answerKey]bool
}

type answerKey struct {
	lesson   string
	question int
}

// Outcome is how a question was answered. Values are file identifiers.
type Outcome string

const (
	Unanswered Outcome = ""
	Right      Outcome = "right" // right the first time
	RightRetry Outcome = "retry" // right on the second try
	Wrong      Outcome = "wrong" // wrong twice
	Skipped    Outcome = "skipped"
)

// Correct reports whether o counts for mastery: right, first try or retry.
func (o Outcome) Correct() bool { return o == Right || o == RightRetry }

// progressVersion is the file's format: 2 added Answers. Files from before
// the version was written (no version) read as version 1; a version 1 file
// reads as no answers. A losslab that reads only version 1 refuses a
// version 2 file rather than rewrite it without its answers.
const progressVersion = 2

// maxProgressBytes bounds the file: thirteen lessons and their answers
// need a few kilobytes.
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
// caller starts over (and says so) rather than failing. Saving replaces it,
// unless it is a later version's (ErrNewerProgress).
var ErrBadProgress = errors.New("unreadable progress file")

// ErrNewerProgress marks a progress file written by a later losslab, in a
// format this one does not know: it is neither read nor overwritten.
var ErrNewerProgress = errors.New("progress file of a newer losslab")

// LoadProgress reads the progress at path; a missing file is no progress.
// Only a regular file of at most maxProgressBytes is read (internal/regfile):
// a FIFO or a device there is refused at once, not waited on.
func LoadProgress(path string) (Progress, error) {
	data, err := regfile.ReadFile(path, maxProgressBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Progress{}, nil
	case errors.Is(err, regfile.ErrNotRegular), errors.Is(err, regfile.ErrTooLarge):
		return Progress{}, fmt.Errorf("%w: %w", ErrBadProgress, err)
	case err != nil:
		return Progress{}, err
	}
	var p Progress
	if json.Unmarshal(data, &p) != nil || p.Step < 0 || p.Version < 0 || !p.validAnswers() {
		return Progress{}, fmt.Errorf("%s: %w", path, ErrBadProgress)
	}
	if p.Version > progressVersion {
		return Progress{}, fmt.Errorf("%s: %w (version %d; this one reads %d)", path, ErrNewerProgress, p.Version, progressVersion)
	}
	p.Version = progressVersion
	return p, nil
}

// validAnswers reports whether every recorded outcome is one this losslab
// knows: a file edited by hand is not half believed.
func (p Progress) validAnswers() bool {
	for _, os := range p.Answers {
		for _, o := range os {
			if !slices.Contains([]Outcome{Unanswered, Right, RightRetry, Wrong, Skipped}, o) {
				return false
			}
		}
	}
	return true
}

// Outcome is how question q (0-based, in the lesson's order) of lesson name
// was last answered.
func (p Progress) Outcome(name string, q int) Outcome {
	if a := p.Answers[name]; q < len(a) {
		return a[q]
	}
	return Unanswered
}

// Record sets the outcome of question q of lesson name.
func (p *Progress) Record(name string, q int, o Outcome) {
	if p.Answers == nil {
		p.Answers = map[string][]Outcome{}
	}
	a := slices.Clone(p.Answers[name]) // never write into a slice another copy shares
	for len(a) <= q {
		a = append(a, Unanswered)
	}
	a[q] = o
	p.Answers[name] = a
	if p.recorded == nil {
		p.recorded = map[answerKey]bool{}
	}
	p.recorded[answerKey{name, q}] = true
}

// Scored reports whether lesson name's score means something yet: it is
// finished, or one of its questions has an outcome (right, wrong or
// skipped).
func (p Progress) Scored(name string, questions int) bool {
	if p.Done(name) {
		return true
	}
	for q := range questions {
		if p.Outcome(name, q) != "" {
			return true
		}
	}
	return false
}

// Correct counts the questions of lesson name answered right (first try
// or retry), of questions.
func (p Progress) Correct(name string, questions int) int {
	n := 0
	for q := range questions {
		if p.Outcome(name, q).Correct() {
			n++
		}
	}
	return n
}

// Missed lists the questions of lesson name, of questions, not answered
// right: wrong, skipped or not reached.
func (p Progress) Missed(name string, questions int) []int {
	var out []int
	for q := range questions {
		if !p.Outcome(name, q).Correct() {
			out = append(out, q)
		}
	}
	return out
}

// Mastered reports whether lesson name is finished with every one of its
// questions answered right: the ✓ of the lesson list.
func (p Progress) Mastered(name string, questions int) bool {
	return p.Done(name) && p.Correct(name, questions) == questions
}

// Done reports whether lesson name is finished.
func (p Progress) Done(name string) bool { return slices.Contains(p.Completed, name) }

// Complete marks lesson name finished.
func (p *Progress) Complete(name string) {
	if !p.Done(name) {
		p.Completed = append(p.Completed, name)
	}
}

// Save writes p to path, merged with what is there: two learners' processes
// saving at once lose no finished lesson. Under a lock on the directory it
// reads the file again, adds the lessons another process finished, and
// writes the result atomically (internal/atomicfile): a crash leaves the
// old progress or the new, never half of one. A file it cannot read is
// replaced, as LoadProgress's caller said; a later version's is not.
func (p Progress) Save(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	saved, err := LoadProgress(path)
	switch {
	case errors.Is(err, ErrNewerProgress):
		return err
	case errors.Is(err, ErrBadProgress):
		saved = Progress{}
	case err != nil:
		return err
	}
	data, err := json.MarshalIndent(p.merge(saved), "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Replace(path, append(data, '\n'), 0o600)
}

// merge is p with what another save left in the file: the lessons it
// finished are finished, and its answers stand except those given since p
// was loaded. Where the learner is (lesson, step) is p's, the latest save's.
func (p Progress) merge(saved Progress) Progress {
	out := p
	out.Version = progressVersion
	out.Answers = map[string][]Outcome{}
	for name, a := range saved.Answers {
		out.Answers[name] = slices.Clone(a)
	}
	for k := range p.recorded {
		a := out.Answers[k.lesson]
		for len(a) <= k.question {
			a = append(a, Unanswered)
		}
		a[k.question] = p.Outcome(k.lesson, k.question)
		out.Answers[k.lesson] = a
	}
	for name, a := range p.Answers { // answers of a file this one replaced, or loaded and not saved since
		if _, ok := out.Answers[name]; !ok {
			out.Answers[name] = slices.Clone(a)
		}
	}
	if len(out.Answers) == 0 {
		out.Answers = nil
	}
	out.Completed = slices.Clone(saved.Completed)
	for _, name := range p.Completed {
		if !slices.Contains(out.Completed, name) {
			out.Completed = append(out.Completed, name)
		}
	}
	if out.Completed == nil {
		out.Completed = []string{}
	}
	return out
}

// ResetProgress removes the progress at path; none is not an error.
func ResetProgress(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
