package scenarios

import (
	"errors"
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
	// Values are decoded as any, so that this package, not the decoder,
	// reports wrong types with the right line; the scan admitted only the
	// format's keys.
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{File: file, Line: max(pe.Position.Line, 1), ID: i18n.ScenSyntax, Args: []any{pe.Message}}
		}
		return nil, &FileError{File: file, Line: 1, ID: i18n.ScenSyntax, Args: []any{err.Error()}}
	}
	p := &parser{file: file, lay: lay}
	s := &Scenario{Source: file}
	if s.Name, err = p.text(raw["name"], sectionTop, 0, "name", true); err != nil {
		return nil, err
	}
	if !slugPattern.MatchString(s.Name) {
		return nil, p.errAt(sectionTop, 0, "name", i18n.ScenNotSlug, s.Name)
	}
	if s.Title, s.TitleTranslations, err = p.translated(raw, sectionTop, 0, "title", true, termsafe.String); err != nil {
		return nil, err
	}
	if s.Description, s.DescriptionTranslations, err = p.translated(raw, sectionTop, 0, "description", false, termsafe.Multiline); err != nil {
		return nil, err
	}
	if s.Covers, err = p.covers(raw["covers"]); err != nil {
		return nil, err
	}
	start, _ := raw[sectionStart].(map[string]any)
	if start == nil {
		return nil, &FileError{File: file, Line: 1, ID: i18n.ScenMissingStart}
	}
	for f := grid.DAP; f < grid.NumFields; f++ {
		_, ok := start[f.Key()]
		if !ok && !(setsPoints(start) && (f == grid.DAP || f == grid.DAN)) { // points give the distances
			return nil, p.errAt(sectionStart, 0, "", i18n.ScenStartMissing, f.Key())
		}
	}
	if s.Start, _, _, err = p.apply(grid.State{}, start, sectionStart, 0); err != nil {
		return nil, err
	}
	steps, _ := raw[sectionStep].([]map[string]any)
	cur := s.Start
	for i, step := range steps {
		var set []grid.Field
		var pointsSet bool
		if cur, set, pointsSet, err = p.apply(cur, step, sectionStep, i); err != nil {
			return nil, err
		}
		st := Step{State: cur, Set: set, Points: pointsSet}
		if st.Note, st.NoteTranslations, err = p.translated(step, sectionStep, i, "note", false, termsafe.Multiline); err != nil {
			return nil, err
		}
		if st.Question, st.Mode, err = p.lessonStep(step, i); err != nil {
			return nil, err
		}
		if len(set) == 0 && !pointsSet && st.Question == nil && st.Mode.Kind == ModeNone {
			return nil, p.errAt(sectionStep, i, "", i18n.ScenStepEmpty, i+1)
		}
		s.Steps = append(s.Steps, st)
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

// apply sets on cur the fields that table names, validating each, then
// what it says of points mode (points.go); pointsSet reports the latter.
func (p *parser) apply(cur grid.State, table map[string]any, section string, index int) (out grid.State, set []grid.Field, pointsSet bool, err error) {
	if cur, set, err = p.applyFields(cur, table, section, index); err != nil {
		return cur, nil, false, err
	}
	if cur, pointsSet, err = p.applyPoints(cur, table, section, index); err != nil {
		return cur, nil, false, err
	}
	return cur, set, pointsSet, nil
}

// applyFields sets on cur the controls' fields that table names.
func (p *parser) applyFields(cur grid.State, table map[string]any, section string, index int) (grid.State, []grid.Field, error) {
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
				return cur, nil, p.errAt(section, index, f.Key(), i18n.ScenBadLabel, f.Key(), errtext.NewInputError(err, s))
			}
			cur = cur.WithLabel(f, y)
			continue
		}
		x, err := p.numeric(v, section, index, f.Key())
		if err != nil {
			return cur, nil, err
		}
		h, err := f.Value(x)
		if err != nil {
			return cur, nil, p.errAt(section, index, f.Key(), i18n.ScenBadNumber, f.Key(), errtext.NewInputError(err, ""))
		}
		cur = cur.WithValue(f, h)
	}
	return cur, set, nil
}

// numeric is a decoded TOML number (an integer or a float, NaN and Inf
// left for the value's own range check), or an error naming key's line.
func (p *parser) numeric(v any, section string, index int, key string) (float64, error) {
	switch n := v.(type) {
	case float64:
		return n, nil
	case int64:
		return float64(n), nil
	}
	return 0, p.errAt(section, index, key, i18n.ScenNumberType, key, tomlType(v))
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
