package scenarios

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"losslab/core/grid"
	"losslab/core/loss"
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
	Start       grid.State
	Steps       []Step
	Source      string // "preset" or the file's path
}

// Step is one state of a replay: the full state after the step's changes
// (what it does not name carries over), the fields it set, and its note.
type Step struct {
	State grid.State
	Set   []grid.Field
	Note  string
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

// FileError is a problem at a line of a scenario file.
type FileError struct {
	File string
	Line int // 0 when no line applies
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *FileError) Unwrap() error { return ErrInvalid }

// LoadFile reads and validates a scenario file.
func LoadFile(path string) (*Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &FileError{File: path, Msg: "is a directory, not a scenario file"}
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

// rawScenario mirrors the file; values are decoded as any so that this
// package, not the decoder, reports wrong types with the right line.
type rawScenario struct {
	Name        any              `toml:"name"`
	Title       any              `toml:"title"`
	Description any              `toml:"description"`
	Start       map[string]any   `toml:"start"`
	Step        []map[string]any `toml:"step"`
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse validates the scenario file content data; file names it in errors.
func Parse(file string, data []byte) (*Scenario, error) {
	if len(data) > MaxFileBytes {
		return nil, &FileError{File: file, Msg: fmt.Sprintf("larger than %d bytes", MaxFileBytes)}
	}
	var raw rawScenario
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{File: file, Line: pe.Position.Line, Msg: "TOML syntax: " + pe.Message}
		}
		return nil, &FileError{File: file, Msg: err.Error()}
	}
	p := &parser{file: file, lines: indexLines(string(data))}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, p.unknownKey(und[0])
	}
	if len(raw.Step) > MaxSteps {
		return nil, p.errAt("step", 0, "", fmt.Sprintf("%d steps: at most %d are allowed", len(raw.Step), MaxSteps))
	}
	s := &Scenario{Source: file}
	if s.Name, err = p.text(raw.Name, "", 0, "name", true); err != nil {
		return nil, err
	}
	if !slugPattern.MatchString(s.Name) {
		return nil, p.errAt("", 0, "name", fmt.Sprintf("name %q is not a slug: use lower-case letters, digits and single '-' (e.g. blog-case-1)", s.Name))
	}
	if s.Title, err = p.text(raw.Title, "", 0, "title", true); err != nil {
		return nil, err
	}
	if s.Description, err = p.text(raw.Description, "", 0, "description", false); err != nil {
		return nil, err
	}
	if raw.Start == nil {
		return nil, &FileError{File: file, Msg: "missing [start] table (it needs dap, dan, margin, y_ap, y_an)"}
	}
	if err := p.knownKeys(raw.Start, "start", 0); err != nil {
		return nil, err
	}
	for f := grid.DAP; f < grid.NumFields; f++ {
		if _, ok := raw.Start[f.Key()]; !ok {
			return nil, p.errAt("start", 0, "", fmt.Sprintf("[start] is missing %s (all of dap, dan, margin, y_ap, y_an are required)", f.Key()))
		}
	}
	if s.Start, _, err = p.apply(grid.State{}, raw.Start, "start", 0); err != nil {
		return nil, err
	}
	cur := s.Start
	for i, step := range raw.Step {
		if err := p.knownKeys(step, "step", i); err != nil {
			return nil, err
		}
		var set []grid.Field
		if cur, set, err = p.apply(cur, step, "step", i); err != nil {
			return nil, err
		}
		note, err := p.text(step["note"], "step", i, "note", false)
		if err != nil {
			return nil, err
		}
		if len(set) == 0 {
			return nil, p.errAt("step", i, "", fmt.Sprintf("step %d sets nothing: give at least one of dap, dan, margin, y_ap, y_an", i+1))
		}
		s.Steps = append(s.Steps, Step{State: cur, Set: set, Note: note})
	}
	return s, nil
}

type parser struct {
	file  string
	lines lineIndex
}

func (p *parser) errAt(section string, index int, key, msg string) error {
	return &FileError{File: p.file, Line: p.lines.find(section, index, key), Msg: msg}
}

// unknownKey reports a top-level key the format does not have.
func (p *parser) unknownKey(k toml.Key) error {
	return p.errAt("", 0, k[0], fmt.Sprintf("unknown key %s (known keys: name, title, description, [start], [[step]])", k))
}

// knownKeys rejects keys a [start] or [[step]] table does not have, sorted
// so that the first reported is stable.
func (p *parser) knownKeys(table map[string]any, section string, index int) error {
	var known []string
	for f := range grid.NumFields {
		known = append(known, f.Key())
	}
	if section == "step" {
		known = append(known, "note")
	}
	var unknown []string
	for k := range table {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return p.errAt(section, index, unknown[0], fmt.Sprintf("unknown key %s.%s (known keys: %s)", section, unknown[0], strings.Join(known, ", ")))
}

// text reads an optional or required string value.
func (p *parser) text(v any, section string, index int, key string, required bool) (string, error) {
	if v == nil {
		if required {
			return "", &FileError{File: p.file, Msg: fmt.Sprintf("missing %s", key)}
		}
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", p.errAt(section, index, key, fmt.Sprintf("%s must be a string, not %s", key, tomlType(v)))
	}
	if required && strings.TrimSpace(s) == "" {
		return "", p.errAt(section, index, key, fmt.Sprintf("%s is empty", key))
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
				return cur, nil, p.errAt(section, index, f.Key(), fmt.Sprintf("%s must be \"same\" or \"different\", not %s", f.Key(), tomlType(v)))
			}
			y, err := loss.ParseLabel(s)
			if err != nil {
				return cur, nil, p.errAt(section, index, f.Key(), fmt.Sprintf("%s = %q: want \"same\" or \"different\"", f.Key(), s))
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
			return cur, nil, p.errAt(section, index, f.Key(), fmt.Sprintf("%s must be a number, not %s", f.Key(), tomlType(v)))
		}
		h, err := f.Value(x)
		if err != nil {
			return cur, nil, p.errAt(section, index, f.Key(), fmt.Sprintf("%s = %v", f.Key(), err))
		}
		cur = cur.WithValue(f, h)
	}
	return cur, set, nil
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64, float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// lineIndex maps (section, occurrence, key) to the line where it appears,
// for error messages. Sections: "" (top level), "start", "step" (the
// index-th [[step]]). A key of "" means the section's header.
type lineIndex map[string]int

var (
	headerLine = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?`)
	keyLine    = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*=`)
)

func indexLines(text string) lineIndex {
	idx := lineIndex{}
	section, count := "", map[string]int{}
	occurrence := 0
	for i, line := range strings.Split(text, "\n") {
		if m := headerLine.FindStringSubmatch(line); m != nil {
			section = m[2]
			occurrence = count[section]
			count[section]++
			idx.set(section, occurrence, "", i+1)
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			idx.set(section, occurrence, m[1], i+1)
		}
	}
	return idx
}

func lineKey(section string, index int, key string) string {
	return fmt.Sprintf("%s#%d.%s", section, index, key)
}

func (idx lineIndex) set(section string, index int, key string, line int) {
	if _, ok := idx[lineKey(section, index, key)]; !ok {
		idx[lineKey(section, index, key)] = line
	}
}

// find returns the key's line, else its section's header line, else 0.
func (idx lineIndex) find(section string, index int, key string) int {
	if l, ok := idx[lineKey(section, index, key)]; ok {
		return l
	}
	return idx[lineKey(section, index, "")]
}
