package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/atomicfile"
)

// Encode writes s in the scenario file format, each value spelled by the
// TOML encoder (so a note's every character is written as TOML spells it),
// each translation beside its English text. Each step names only the
// fields it set, so loading the result reproduces every state exactly. A
// scenario within the loader's limits (MaxSteps, MaxFileBytes) loads back;
// Session keeps recordings within them.
func Encode(s *Scenario) []byte {
	var b bytes.Buffer
	top := table{{"name", s.Name}}
	top.text("title", s.Title, s.TitleTranslations)
	top.text("description", s.Description, s.DescriptionTranslations)
	if len(s.Covers) > 0 {
		top = append(top, keyValue{"covers", s.Covers})
	}
	top.write(&b)
	b.WriteString("\n[start]\n")
	start := table{{"margin", s.Start.Margin.Float()}, {"y_ap", s.Start.YAP.String()}, {"y_an", s.Start.YAN.String()}}
	if s.Start.Points.On { // the points give the distances
		start = append(start, pointsTable(s.Start.Points)...)
	} else {
		start = append(table{{"dap", s.Start.DAP.Float()}, {"dan", s.Start.DAN.Float()}}, start...)
	}
	start.write(&b)
	for _, st := range s.Steps {
		b.WriteString("\n[[step]]\n")
		encodeStep(st).write(&b)
	}
	return b.Bytes()
}

// encodeStep lists a step's keys in the order of the format: the fields it
// sets, its note, its question, its mode.
func encodeStep(st Step) table {
	var t table
	for f := range grid.NumFields {
		if !slices.Contains(st.Set, f) || st.Points && st.State.Points.On && (f == grid.DAP || f == grid.DAN) {
			continue // not set, or given by the points
		}
		if f.IsLabel() {
			t = append(t, keyValue{f.Key(), st.State.Label(f).String()})
		} else {
			t = append(t, keyValue{f.Key(), st.State.Value(f).Float()})
		}
	}
	if st.Points {
		t = append(t, pointsTable(st.State.Points)...)
	}
	t.text("note", st.Note, st.NoteTranslations)
	if q := st.Question; q != nil {
		t.text("question", q.Text, q.TextTranslations)
		if len(q.Choices) > 0 {
			t = append(t, keyValue{"choices", q.Choices})
			for _, l := range i18n.Targets() {
				if c, ok := q.ChoicesTranslations[l]; ok {
					t = append(t, keyValue{translationKey("choices", l), c})
				}
			}
			t = append(t, keyValue{"answer", q.Choices[q.Correct]})
		} else {
			t = append(t, keyValue{"answer", q.Answer})
			if q.Tolerance != DefaultTolerance {
				t = append(t, keyValue{"tolerance", q.Tolerance})
			}
		}
		t.text("explain", q.Explain, q.ExplainTranslations)
		t = append(t, encodeMistakes(q)...)
		if q.NoState {
			t = append(t, keyValue{"show_state", false})
		}
	}
	if st.Mode.Kind != ModeNone {
		t = append(t, keyValue{"mode", string(st.Mode.Kind)})
	}
	if st.Mode.Demo != "" {
		t = append(t, keyValue{"demo", st.Mode.Demo})
	}
	return append(t, encodeTrainStep(st.Mode)...)
}

// A table is a file's table as key = value lines, in order.
type (
	table    []keyValue
	keyValue struct {
		key   string
		value any
	}
)

// text adds a text (when it is not empty) and its translations.
func (t *table) text(key, english string, tr i18n.Translations) {
	if english != "" {
		*t = append(*t, keyValue{key, english})
	}
	for _, l := range i18n.Targets() {
		if s := tr[l]; s != "" {
			*t = append(*t, keyValue{translationKey(key, l), s})
		}
	}
}

func (t table) write(b *bytes.Buffer) {
	for _, kv := range t {
		var v bytes.Buffer
		if err := toml.NewEncoder(&v).Encode(map[string]any{"v": kv.value}); err != nil {
			// Only unsupported Go types fail, and these values are fixed types.
			panic(fmt.Sprintf("scenarios: encoding %s: %v", kv.key, err))
		}
		b.WriteString(kv.key + " = " + strings.TrimPrefix(v.String(), "v = "))
	}
}

// SaveNew writes s into dir as NAME.toml, or NAME-2.toml … NAME-100.toml
// when that exists, and returns the path written: whole or not at all, never
// over a file (internal/atomicfile).
func SaveNew(dir string, s *Scenario) (string, error) {
	data := Encode(s)
	for i := 1; i <= 100; i++ {
		file := s.Name + ".toml"
		if i > 1 {
			file = fmt.Sprintf("%s-%d.toml", s.Name, i)
		}
		path := filepath.Join(dir, file)
		err := atomicfile.WriteNew(path, data)
		if !errors.Is(err, atomicfile.ErrExists) {
			return path, err
		}
	}
	return "", fmt.Errorf("%s: %w", filepath.Join(dir, s.Name+".toml"), atomicfile.ErrExists)
}
