package scenarios

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"losslab/core/grid"
	"losslab/core/loss"
)

func TestPresets(t *testing.T) {
	ps := Presets()
	if len(ps) < 10 {
		t.Fatalf("%d presets, want at least 10", len(ps))
	}
	for _, name := range []string{"blog-case-1", "blog-case-2", "blog-case-3a", "blog-case-3b", "contrastive-vs-triplet",
		"collapse", "semi-hard-band", "training", "mislabeled-positive", "margin-sweep", "squared-vs-plain"} {
		s := Preset(name)
		if s == nil {
			t.Errorf("preset %s missing", name)
			continue
		}
		if s.Title == "" || s.Description == "" {
			t.Errorf("%s has no title or description", name)
		}
		for i := range s.Len() {
			if _, err := loss.Evaluate(s.StateAt(i).Setting()); err != nil {
				t.Errorf("%s state %d: %v", name, i, err)
			}
			if i > 0 && s.NoteAt(i) == "" {
				t.Errorf("%s step %d has no note", name, i)
			}
		}
	}
	if n := Preset("training").Len() - 1; n < 20 {
		t.Errorf("training has %d steps, want 20+", n)
	}
}

// The article's cases replay to the article's values.
func TestArticleCases(t *testing.T) {
	for _, c := range []struct {
		name                 string
		triplet, contrastive float64
	}{
		{"blog-case-1", 0.4, 0.1225},
		{"blog-case-2", 0, 0.0025},
		{"blog-case-3a", 0.2, 0.1225},
		{"blog-case-3b", 0, 0.0025},
	} {
		e, err := loss.Evaluate(Preset(c.name).Start.Setting())
		if err != nil || math.Abs(e.Triplet.Loss-c.triplet) > 1e-12 || math.Abs(e.Contrastive-c.contrastive) > 1e-12 {
			t.Errorf("%s: triplet %v contrastive %v (%v), want %v %v", c.name, e.Triplet.Loss, e.Contrastive, err, c.triplet, c.contrastive)
		}
	}
	if !strings.Contains(Preset("blog-case-3b").Description, "-0.5") {
		t.Error("blog-case-3b must explain the article's -0.5 slip")
	}
}

const valid = `name = "my-case"
title = "T"

[start]
dap = 0.7
dan = 0.5
margin = 0.2
y_ap = "same"
y_an = "different"

[[step]]
dap = 0.6
note = "closer"
`

func TestParseValid(t *testing.T) {
	s, err := Parse("x.toml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	want := grid.State{DAP: 60, DAN: 50, Margin: 20, YAP: loss.Same, YAN: loss.Different}
	if s.Len() != 2 || s.StateAt(1) != want || s.NoteAt(1) != "closer" || len(s.Steps[0].Set) != 1 {
		t.Errorf("parsed %+v", s)
	}
}

func TestValidationErrors(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		want       string
	}{
		{"syntax", strings.Replace(valid, "dan = 0.5", "dan = 0.5.5", 1), 6, "TOML syntax"},
		{"unknown top key", strings.Replace(valid, "title = \"T\"", "title = \"T\"\ncolour = 1", 1), 3, "unknown key colour"},
		{"unknown step key", valid + "\n[[step]]\ndap = 0.1\nspeed = 2\n", 17, "unknown key step.speed"},
		{"missing start field", strings.Replace(valid, "margin = 0.2\n", "", 1), 4, "[start] is missing margin"},
		{"missing start", "name = \"a\"\ntitle = \"t\"\n", 1, "missing [start]"},
		{"distance out of range", strings.Replace(valid, "dan = 0.5", "dan = 3.5", 1), 6, "dan = 3.50 is out of range [0, 3.00]"},
		{"distance far out of range", strings.Replace(valid, "dan = 0.5", "dan = 1e308", 1), 6, "dan = 1e+308 is out of range [0, 3.00]"},
		{"margin far out of range", strings.Replace(valid, "margin = 0.2", "margin = -1e308", 1), 7, "margin = -1e+308 is out of range [0, 2.00]"},
		{"negative", strings.Replace(valid, "dap = 0.6", "dap = -0.1", 1), 12, "out of range"},
		{"margin out of range", strings.Replace(valid, "margin = 0.2", "margin = 2.5", 1), 7, "margin = 2.50 is out of range [0, 2.00]"},
		{"too many decimals", strings.Replace(valid, "dap = 0.6", "dap = 0.605", 1), 12, "more than two decimals"},
		{"wrong type", strings.Replace(valid, "dan = 0.5", "dan = \"far\"", 1), 6, "dan must be a number, not a string"},
		{"bad label", strings.Replace(valid, "y_an = \"different\"", "y_an = \"other\"", 1), 9, `y_an: "other" is not a label: want same, s, 1 or different, diff, d, 0`},
		{"label type", strings.Replace(valid, "y_ap = \"same\"", "y_ap = 1", 1), 8, "y_ap must be \"same\" or \"different\", not a number"},
		{"bad slug", strings.Replace(valid, "my-case", "My Case", 1), 1, "is not a slug"},
		{"missing title", strings.Replace(valid, "title = \"T\"\n", "", 1), 1, "missing title"},
		{"step sets nothing", valid + "\n[[step]]\nnote = \"hm\"\n", 15, "step 2 sets nothing"},
		{"note type", strings.Replace(valid, "note = \"closer\"", "note = 3", 1), 13, "note must be a string"},
	}
	for _, c := range cases {
		_, err := Parse("case.toml", []byte(c.text))
		var fe *FileError
		if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: error %v is not a FileError", c.name, err)
			continue
		}
		if fe.Line != c.line || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "case.toml") {
			t.Errorf("%s: %q (line %d), want line %d containing %q", c.name, err, fe.Line, c.line, c.want)
		}
	}
}

func TestLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString(valid)
	for range MaxSteps {
		b.WriteString("[[step]]\ndap = 0.1\n")
	}
	if _, err := Parse("big.toml", []byte(b.String())); err == nil || !strings.Contains(err.Error(), "big.toml:20012: more than 10,000 steps") {
		t.Errorf("10001 steps: %v", err)
	}
	big := make([]byte, MaxFileBytes+1)
	if _, err := Parse("huge.toml", big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized file: %v", err)
	}
}

func TestResolve(t *testing.T) {
	if s, err := Resolve("collapse"); err != nil || s.Name != "collapse" {
		t.Errorf("Resolve(collapse) = %v, %v", s, err)
	}
	_, err := Resolve("blog-cse-1")
	var ue *UnknownError
	if !errors.As(err, &ue) || len(ue.Closest) == 0 || ue.Closest[0] != "blog-case-1" || !strings.Contains(err.Error(), `unknown scenario "blog-cse-1"`) {
		t.Errorf("Resolve(typo) = %v", err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.toml")
	if err := os.WriteFile(path, []byte(valid), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Resolve(path); err != nil || s.Name != "my-case" || s.Source != path {
		t.Errorf("Resolve(file) = %+v, %v", s, err)
	}
	if _, err := Resolve(filepath.Join(dir, "absent.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// Record → load → replay reproduces the states exactly, for every preset
// and lesson, with every text in both languages and every question.
func TestEncodeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, s := range append(Presets(), lessons(t)...) {
		path := filepath.Join(dir, s.Name+".toml")
		if err := os.WriteFile(path, Encode(s), 0o644); err != nil {
			t.Fatal(err)
		}
		back, err := LoadFile(path)
		if err != nil {
			t.Fatalf("%s: %v\n%s", s.Name, err, Encode(s))
		}
		if d := roundTripDiff(s, back); d != "" {
			t.Errorf("%s: %s", s.Name, d)
		}
	}
}

// roundTripDiff says how back, s encoded and parsed again, differs from s:
// its states, its texts in both languages, its questions and modes; "" when
// it does not.
func roundTripDiff(s, back *Scenario) string {
	if back.Len() != s.Len() || back.Name != s.Name || !slices.Equal(back.Covers, s.Covers) {
		return fmt.Sprintf("%d states, name %q, covers %v", back.Len(), back.Name, back.Covers)
	}
	if a, b := s.Texts(), back.Texts(); !reflect.DeepEqual(a, b) {
		return fmt.Sprintf("texts differ:\n  %v\n  %v", a, b)
	}
	for i := range s.Len() {
		if back.StateAt(i) != s.StateAt(i) {
			return fmt.Sprintf("state %d: %+v, want %+v", i, back.StateAt(i), s.StateAt(i))
		}
	}
	for i, st := range s.Steps {
		if !reflect.DeepEqual(back.Steps[i].Question, st.Question) || back.Steps[i].Mode != st.Mode {
			return fmt.Sprintf("step %d: question %+v mode %+v, want %+v %+v", i+1, back.Steps[i].Question, back.Steps[i].Mode, st.Question, st.Mode)
		}
	}
	return ""
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("name = \"a\"\n[start]\ndap = 1e400\n"))
	f.Add([]byte("[[step]]\n[[step]]\n[start]\n"))
	f.Add([]byte("name = 1\n[start]\ndap = [1]\n"))
	f.Add([]byte(strings.Replace(valid, `note = "closer"`, "note = \"bell\\u0007 esc\\u001b[2J \\\"q\\\" \\\\\"", 1)))
	for _, c := range hostileShapes(256) {
		f.Add([]byte(c.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.toml", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line < 1 {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		// A valid scenario's states are in range and it re-encodes to itself.
		for i := range s.Len() {
			st := s.StateAt(i)
			if st.DAP < 0 || st.DAP > grid.MaxDistance || st.DAN < 0 || st.DAN > grid.MaxDistance || st.Margin < 0 || st.Margin > grid.MaxMargin {
				t.Fatalf("state %d out of range: %+v", i, st)
			}
		}
		back, err := Parse("again.toml", Encode(s))
		if err != nil {
			t.Fatalf("re-encoding failed: %v", err)
		}
		if d := roundTripDiff(s, back); d != "" {
			t.Fatalf("changed on re-encoding: %s", d)
		}
	})
}
