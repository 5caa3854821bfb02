package scenarios

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
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
	// The Chinese texts stored beside the English ones (title_zh,
	// description_zh, note_zh); "" where the file has none. Front ends read
	// them through In.
	TitleZH, DescriptionZH string
	Start                  grid.State
	Steps                  []Step
	Source                 string   // "preset" or the file's path
	Covers                 []string // a lesson's teaching points (slugs); empty for a plain scenario
}

// Step is one state of a replay: the full state after the step's changes
// (what it does not name carries over), the fields it set, and its note.
type Step struct {
	State  grid.State
	Set    []grid.Field
	Note   string
	NoteZH string // note_zh, the note in Chinese; "" when the file has none
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

// In returns s with its title, description, notes and questions (text,
// choices, explanation) in language l: the translation stored beside each
// English text where the file has one, the English text where it has not.
// s itself is left as it is (presets and lessons are shared); In of nil is
// nil.
func (s *Scenario) In(l i18n.Lang) *Scenario {
	if s == nil || l != i18n.Chinese {
		return s
	}
	out := *s
	out.Title = or(s.TitleZH, s.Title)
	out.Description = or(s.DescriptionZH, s.Description)
	out.Steps = make([]Step, len(s.Steps))
	for i, st := range s.Steps {
		st.Note = or(st.NoteZH, st.Note)
		if st.Question != nil {
			st.Question = st.Question.inChinese()
		}
		out.Steps[i] = st
	}
	return &out
}

func or(text, fallback string) string {
	if text != "" {
		return text
	}
	return fallback
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

// LoadFile reads and validates a scenario file. Only regular files are read:
// a FIFO or a device would block or never end.
func LoadFile(path string) (*Scenario, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		return nil, &FileError{File: path, ID: i18n.ScenIsDirectory}
	case !mode.IsRegular():
		return nil, &FileError{File: path, ID: i18n.ScenNotRegular, Args: []any{fileKind(mode)}}
	case info.Size() > MaxFileBytes:
		return nil, &FileError{File: path, ID: i18n.ScenTooLarge, Args: []any{numfmt.Count(MaxFileBytes)}}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
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
func fileKind(m fs.FileMode) i18n.ID {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return i18n.ScenKindFIFO
	case m&fs.ModeSocket != 0:
		return i18n.ScenKindSocket
	case m&fs.ModeCharDevice != 0:
		return i18n.ScenKindCharDevice
	case m&fs.ModeDevice != 0:
		return i18n.ScenKindDevice
	}
	return i18n.ScenKindOther
}

// rawScenario mirrors the file; values are decoded as any so that this
// package, not the decoder, reports wrong types with the right line.
type rawScenario struct {
	Name        any              `toml:"name"`
	Title       any              `toml:"title"`
	TitleZH     any              `toml:"title_zh"`
	Description any              `toml:"description"`
	Covers      any              `toml:"covers"`
	DescZH      any              `toml:"description_zh"`
	Start       map[string]any   `toml:"start"`
	Step        []map[string]any `toml:"step"`
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse validates the scenario file content data; file names it in errors.
// Titles, descriptions and notes are sanitised (internal/termsafe): nothing
// from a file can put an escape sequence on a terminal.
func Parse(file string, data []byte) (*Scenario, error) {
	if len(data) > MaxFileBytes {
		return nil, &FileError{File: file, Line: 1, ID: i18n.ScenTooLarge, Args: []any{numfmt.Count(MaxFileBytes)}}
	}
	lay, err := scan(file, data)
	if err != nil {
		return nil, err
	}
	var raw rawScenario
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{File: file, Line: max(pe.Position.Line, 1), ID: i18n.ScenSyntax, Args: []any{pe.Message}}
		}
		return nil, &FileError{File: file, Line: 1, ID: i18n.ScenSyntax, Args: []any{err.Error()}}
	}
	p := &parser{file: file, lay: lay}
	if und := md.Undecoded(); len(und) > 0 { // the scan admits only known keys
		return nil, p.errAt(sectionTop, 0, "", i18n.ScenUnknownKey, quoteKey(und[0].String()), knownList(sectionTop))
	}
	s := &Scenario{Source: file}
	if s.Name, err = p.text(raw.Name, sectionTop, 0, "name", true); err != nil {
		return nil, err
	}
	if !slugPattern.MatchString(s.Name) {
		return nil, p.errAt(sectionTop, 0, "name", i18n.ScenNotSlug, s.Name)
	}
	if s.Title, err = p.text(raw.Title, sectionTop, 0, "title", true); err != nil {
		return nil, err
	}
	s.Title = termsafe.String(s.Title)
	if s.Description, err = p.text(raw.Description, sectionTop, 0, "description", false); err != nil {
		return nil, err
	}
	s.Description = termsafe.Multiline(s.Description)
	if s.TitleZH, err = p.text(raw.TitleZH, sectionTop, 0, "title_zh", false); err != nil {
		return nil, err
	}
	s.TitleZH = termsafe.String(s.TitleZH)
	if s.DescriptionZH, err = p.text(raw.DescZH, sectionTop, 0, "description_zh", false); err != nil {
		return nil, err
	}
	s.DescriptionZH = termsafe.Multiline(s.DescriptionZH)
	if s.Covers, err = p.covers(raw.Covers); err != nil {
		return nil, err
	}
	if raw.Start == nil {
		return nil, &FileError{File: file, Line: 1, ID: i18n.ScenMissingStart}
	}
	for f := grid.DAP; f < grid.NumFields; f++ {
		if _, ok := raw.Start[f.Key()]; !ok {
			return nil, p.errAt(sectionStart, 0, "", i18n.ScenStartMissing, f.Key())
		}
	}
	if s.Start, _, err = p.apply(grid.State{}, raw.Start, sectionStart, 0); err != nil {
		return nil, err
	}
	cur := s.Start
	for i, step := range raw.Step {
		var set []grid.Field
		if cur, set, err = p.apply(cur, step, sectionStep, i); err != nil {
			return nil, err
		}
		note, err := p.text(step["note"], sectionStep, i, "note", false)
		if err != nil {
			return nil, err
		}
		noteZH, err := p.text(step["note_zh"], sectionStep, i, "note_zh", false)
		if err != nil {
			return nil, err
		}
		q, mode, err := p.lessonStep(step, i)
		if err != nil {
			return nil, err
		}
		if len(set) == 0 && q == nil && mode.Kind == ModeNone {
			return nil, p.errAt(sectionStep, i, "", i18n.ScenStepEmpty, i+1)
		}
		s.Steps = append(s.Steps, Step{State: cur, Set: set, Note: termsafe.Multiline(note), NoteZH: termsafe.Multiline(noteZH), Question: q, Mode: mode})
	}
	return s, nil
}

type parser struct {
	file string
	lay  *layout
}

func (p *parser) errAt(section string, index int, key string, id i18n.ID, args ...any) error {
	return &FileError{File: p.file, Line: p.lay.line(section, index, key), ID: id, Args: args}
}

// text reads an optional or required string value.
func (p *parser) text(v any, section string, index int, key string, required bool) (string, error) {
	if v == nil {
		if required {
			return "", &FileError{File: p.file, Line: 1, ID: i18n.ScenMissingKey, Args: []any{key}}
		}
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", p.errAt(section, index, key, i18n.ScenNotString, key, tomlType(v))
	}
	if required && strings.TrimSpace(s) == "" {
		return "", p.errAt(section, index, key, i18n.ScenEmptyText, key)
	}
	return s, nil
}

// apply sets on cur the fields that table names, validating each.
func (p *parser) apply(cur grid.State, table map[string]any, section string, index int) (grid.State, []grid.Field, error) {
	var set []grid.Field
	for f := grid.DAP; f < grid.NumFields; f++ {
		v, ok := table[f.Key()]
		if !ok {
			continue
		}
		set = append(set, f)
		if f.IsLabel() {
			s, ok := v.(string)
			if !ok {
				return cur, nil, p.errAt(section, index, f.Key(), i18n.ScenLabelType, f.Key(), tomlType(v))
			}
			y, err := loss.ParseLabel(s)
			if err != nil {
				return cur, nil, p.errAt(section, index, f.Key(), i18n.ScenBadLabel, f.Key(), errtext.NewInputError(err, termsafe.String(s)))
			}
			cur = cur.WithLabel(f, y)
			continue
		}
		var x float64
		switch n := v.(type) {
		case float64:
			x = n
		case int64:
			x = float64(n)
		default:
			return cur, nil, p.errAt(section, index, f.Key(), i18n.ScenNumberType, f.Key(), tomlType(v))
		}
		h, err := f.Value(x)
		if err != nil {
			return cur, nil, p.errAt(section, index, f.Key(), i18n.ScenBadNumber, f.Key(), errtext.NewInputError(err, ""))
		}
		cur = cur.WithValue(f, h)
	}
	return cur, set, nil
}

// tomlType names the kind of a decoded value, for an error.
func tomlType(v any) i18n.ID {
	switch v.(type) {
	case string:
		return i18n.ScenTypeString
	case int64, float64:
		return i18n.ScenTypeNumber
	case bool:
		return i18n.ScenTypeBool
	case time.Time:
		return i18n.ScenTypeDate
	}
	return i18n.ScenTypeOther
}
