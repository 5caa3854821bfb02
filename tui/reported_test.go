// Defects a demanding new user reported in the playground, the course and
// the plain output, each pinned by the test that failed before its fix.
package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/scenarios"
	"losslab/scenarios/course"
)

// A typing error that does not fit the note's line says less rather than
// cut a word: at 80×24 the off-grid refusal is its short form, whole.
func TestTypingErrorShortFormAt80(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	m = press(t, m, "e")
	m = press(t, m, repeat("backspace", 6)...)
	m = press(t, m, strings.Split("3.001", "")...)
	m = press(t, m, "enter")
	v := m.View()
	if !strings.Contains(v, "✗ 3.001: two decimals at most · enter to retry, esc to cancel") {
		t.Errorf("80×24 typing error is not the short form, whole:\n%s", v)
	}
	if strings.Contains(v, "…") && strings.Contains(v, "✗") && strings.Contains(v, "enter to …") {
		t.Errorf("typing error cut:\n%s", v)
	}
	// Where the full text fits, it is shown.
	m = sized(m, 120, 40)
	if v := m.View(); !strings.Contains(v, "3.001 has more than two decimals (losslab works on a 0.01 grid)") {
		t.Errorf("120×40 typing error is not the full form:\n%s", v)
	}
}

// A recording started on a scenario file names that scenario and its file,
// as one started on a preset names the preset; one step is "1 step".
func TestRecordNamesScenarioFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.toml")
	text := "name = \"my-case\"\ntitle = \"Mine\"\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := scenarios.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, Options{Dir: dir, Scenario: sc})
	m = pressRun(t, press(t, m, "right"), "w")
	if !strings.Contains(m.View(), "(1 step)") {
		t.Errorf("status after one change and w:\n%s", m.View())
	}
	s, err := scenarios.LoadFile(filepath.Join(dir, "session-20261128-150405.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Recorded session (started from the scenario my-case in " + file + ")"; s.Title != want {
		t.Errorf("title %q, want %q", s.Title, want)
	}
}

// LearnConfig.OpenLesson (losslab learn ID) starts in that lesson.
func TestLearnOpensLessonByID(t *testing.T) {
	m := newLearn(t, LearnConfig{OpenLesson: "regimes"}, 80, 24)
	if v := m.View(); !strings.Contains(v, "Easy, semi-hard, hard") || !strings.Contains(v, "lesson 4/8") {
		t.Errorf("learn regimes did not open lesson 4:\n%s", v)
	}
}

// After the last step of the last lesson, enter goes to the list, and the
// key line says so (not "next lesson").
func TestLastLessonKeyLine(t *testing.T) {
	last := course.Lessons()[len(course.Lessons())-1].Name
	m := newLearn(t, LearnConfig{OpenLesson: last}, 80, 24)
	for i := 0; i < 40 && !strings.Contains(m.View(), "That was the last lesson"); i++ {
		m = pressLearn(t, m, "tab", "right") // skip a question, go on
	}
	v := m.View()
	if !strings.Contains(v, "That was the last lesson") {
		t.Fatalf("never reached the end:\n%s", v)
	}
	if strings.Contains(v, "enter next lesson") || !strings.Contains(v, "enter lesson list") {
		t.Errorf("key line after the last lesson:\n%s", v)
	}
	m = pressLearn(t, m, "enter")
	if v := m.View(); !strings.Contains(v, "lessons done") {
		t.Errorf("enter did not go to the list:\n%s", v)
	}
}

// On a label the help line says the arrows toggle it, not "+0.05".
func TestLabelKeyLine(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	if v := m.View(); !strings.Contains(v, "→/l +0.05") {
		t.Fatalf("on d(a,p) the help line lacks →/l +0.05:\n%s", v)
	}
	for _, keys := range [][]string{{"down", "down", "down"}, {"down", "down", "down", "down"}} {
		v := press(t, m, keys...).View()
		last := v[strings.LastIndex(v, "\n")+1:]
		if strings.Contains(last, "+0.05") || !strings.Contains(last, "→/l toggle") {
			t.Errorf("help line on a label: %q", last)
		}
	}
}

// Plain output has no key to read more, so its hint is whole, wrapped; its
// frame takes the width it is given (a terminal's) down to MinWidth.
func TestPlainHintWholeAndWidth(t *testing.T) {
	for _, w := range []int{0, 80, 120} {
		out := Plain(Options{}, i18n.New(i18n.English), w)
		want := PlainWidth
		if w > 0 {
			want = w
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for _, l := range lines {
			if got := ansi.StringWidth(l); got > want {
				t.Errorf("width %d: line of %d cells: %q", w, got, l)
			}
		}
		if ansi.StringWidth(lines[1]) != want {
			t.Errorf("width %d: the frame is %d wide", w, ansi.StringWidth(lines[1]))
		}
		text := out[strings.LastIndex(out, "╯")+len("╯"):] // the note under the last panel
		text = strings.Join(strings.Fields(text), " ")
		if strings.Contains(text, "…") || !strings.Contains(text, "contrastive does not, since d(a,n) ≥ m.") {
			t.Errorf("width %d: the hint is not whole:\n%s", w, out)
		}
	}
}

// With no terminal to read keys from but stdout an 80-column terminal
// (setsid -w losslab </dev/null), the plain frame is 80 columns wide.
func TestNoTerminalPlainTakesTerminalWidth(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r := startOnPty(t, null, false)
	if got := r.wait(t); got != 0 {
		t.Errorf("exit %d", got)
	}
	r.out.waitFor(t, "since d(a,n) ≥ m.")
	frame := false
	for _, l := range strings.Split(r.out.String(), "\n") {
		l = strings.TrimRight(l, "\r")
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d cells on an 80-column terminal: %q", w, l)
		}
		if strings.HasPrefix(l, "╭─ controls") {
			frame = true
		}
	}
	if !frame {
		t.Errorf("no frame:\n%s", r.out.String())
	}
}

// An input error in the batch view is wrapped inside the view at 80×24,
// never cut.
func TestBatchViewInputErrorWraps(t *testing.T) {
	d := irisData(t)
	for i := range 4 {
		d.X.Set(0, i, 1e200) // squared distances overflow: a long message
	}
	m := NewBatch(d, batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = finish(t, next.(BatchModel), m.Init())
	if m.InputError() == nil {
		t.Fatal("no input error")
	}
	v := m.View()
	words := strings.Fields("✗ " + m.InputError().Error())
	if got := strings.Fields(v); !containsRun(got, words) {
		t.Errorf("the error is not whole on screen:\n%s\nwant the words %q", v, words)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line of %d cells: %q", w, l)
		}
	}
}

// containsRun reports whether want appears in words as a contiguous run.
func containsRun(words, want []string) bool {
	for i := 0; i+len(want) <= len(words); i++ {
		ok := true
		for j := range want {
			if words[i+j] != want[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// A refused label at 80×24 is the short form, whole; the full one (with the
// aliases) where it fits.
func TestTypingLabelErrorShortFormAt80(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	m = press(t, m, "down", "down", "down", "e")
	m = press(t, m, strings.Split("maybe", "")...)
	m = press(t, m, "enter")
	if v := m.View(); !strings.Contains(v, `✗ "maybe" is not a label: same or different · enter to retry, esc to cancel`) {
		t.Errorf("80×24 label error is not the short form, whole:\n%s", v)
	}
	if v := sized(m, 120, 40).View(); !strings.Contains(v, `"maybe" is not a label: want same, s, 1 or different, diff, d, 0`) {
		t.Errorf("120×40 label error is not the full form:\n%s", v)
	}
}

// A refused value empties the field: typing again starts afresh, so "5"
// (out of range) then "e-1" is not read as 5e-1 = 0.5; while typing, the
// help line lists the typing keys only.
func TestRefusedValueEmptiesTheField(t *testing.T) {
	m := press(t, sized(newModel(t, Options{}), 80, 24), "e", "5", "enter")
	if !m.editing || m.inputErr == nil || m.input.Value() != "" {
		t.Fatalf("after a refused 5: editing=%v err=%v field %q", m.editing, m.inputErr, m.input.Value())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "enter") || strings.Contains(v, "e type") || strings.Contains(v, "c chart") {
		t.Errorf("the help line while typing:\n%s", v[strings.LastIndex(v, "\n")+1:])
	}
	m = press(t, m, "e", "-", "1", "enter")
	if m.State().DAP != grid.Article().DAP || m.inputErr == nil {
		t.Errorf("\"e-1\" typed after a refusal changed d(a,p) to %v (err %v)", m.State().DAP, m.inputErr)
	}
}
