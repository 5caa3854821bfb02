package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/regfile"
	"losslab/internal/termsafe"
)

// Sources of a scenario other than a file's path.
const (
	SourcePreset = "preset" // an embedded preset
	SourceLesson = "lesson" // a lesson of the course (scenarios/curriculum)
)

// Limits on scenario files.
const (
	MaxSteps     = 10000
	MaxFileBytes = 1 << 20
)

// Scenario is a named starting state and an optional sequence of steps.
type Scenario struct {
	Name        string // slug: lower-case letters, digits and '-'
	Title       string
	Description string
	// The translations stored beside the English texts (title_zh,
	// description_zh: translate.go), by language; front ends read them
	// through In.
	TitleTranslations, DescriptionTranslations i18n.Translations
	Start                                      grid.State
	Steps                                      []Step
	Source                                     string   // "preset" or the file's path
	Covers                                     []string // a lesson's teaching points (slugs); empty for a plain scenario
}

// Step is one state of a replay: the full state after the step's changes
// (what it does not name carries over), the fields it set, and its note.
type Step struct {
	State            grid.State
	Set              []grid.Field
	Points           bool // the step sets points mode: on at its points (State.Points), or off
	Note             string
	NoteTranslations i18n.Translations // note_zh …
	// Question, when set, is asked before the step's state is shown.
	Question *Question
	// Mode, when set, opens another mode on the step's state (lesson.go).
	Mode Mode
}

// Len is the number of states, the start included.
func (s *Scenario) Len() int { return len(s.Steps) + 1 }

// StateAt returns state i of the replay; 0 is the start.
func (s *Scenario) StateAt(i int) grid.State {
	if i == 0 {
		return s.Start
	}
	return s.Steps[i-1].State
}

// NoteAt returns the note of state i; the start's is the description.
func (s *Scenario) NoteAt(i int) string {
	if i == 0 {
		return s.Description
	}
	return s.Steps[i-1].Note
}

// ErrInvalid marks every validation error of a scenario file.
var ErrInvalid = errors.New("invalid scenario")

// FileError is a problem at a line of a scenario file. Its message is a
// catalogue entry, so a front end can show it in its own language with Text.
type FileError struct {
	File string
	Line int // 0 only for problems with the file itself (a directory, a FIFO)
	ID   i18n.ID
	Args []any // arguments of the message; an i18n.ID argument is looked up too, a localized error rendered
}

func (e *FileError) Error() string { return e.Text(i18n.Printer{}) }

// Text renders the error with p: "file:line: reason".
func (e *FileError) Text(p i18n.Printer) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if id, ok := a.(i18n.ID); ok {
			a = p.T(id)
		} else if l, ok := a.(interface{ Text(i18n.Printer) string }); ok {
			a = l.Text(p)
		}
		args[i] = a
	}
	msg := p.T(e.ID, args...)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", termsafe.String(e.File), e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", termsafe.String(e.File), msg)
}

func (e *FileError) Unwrap() error { return ErrInvalid }

// LoadFile reads and validates a scenario file. Only regular files are read
// (internal/regfile): a FIFO or a device would block or never end.
func LoadFile(path string) (*Scenario, error) {
	data, err := regfile.ReadFile(path, MaxFileBytes)
	var refused *regfile.Error
	switch {
	case errors.As(err, &refused) && refused.Reason == regfile.TooLarge:
		return nil, &FileError{File: path, ID: i18n.ScenTooLarge, Args: []any{numfmt.Count(MaxFileBytes)}}
	case errors.As(err, &refused) && refused.Kind == regfile.Directory:
		return nil, &FileError{File: path, ID: i18n.ScenIsDirectory}
	case errors.As(err, &refused):
		return nil, &FileError{File: path, ID: i18n.ScenNotRegular, Args: []any{fileKind(path, refused.Kind)}}
	case err != nil:
		return nil, err
	}
	s, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	s.Source = path
	return s, nil
}

// fileKind names a non-regular file's type for an error ("a FIFO").
func fileKind(path string, k regfile.Kind) i18n.ID {
	switch k {
	case regfile.FIFO:
		return i18n.ScenKindFIFO
	case regfile.Socket:
		return i18n.ScenKindSocket
	case regfile.Device:
		if info, err := os.Stat(path); err == nil && info.Mode()&fs.ModeCharDevice != 0 {
			return i18n.ScenKindCharDevice
		}
		return i18n.ScenKindDevice
	}
	return i18n.ScenKindOther
}
