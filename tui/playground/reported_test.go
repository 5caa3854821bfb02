// Defects a demanding new user reported in the playground and the plain
// output, each pinned by the test that failed before its fix.
package playground

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/internal/tuitest"
)

// A typing error that does not fit the note's line says less rather than
// cut a word: at 80×24 the off-grid refusal is its short form, whole.
func TestTypingErrorShortFormAt80(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	m = press(t, m, "e")
	m = press(t, m, tuitest.Repeat("backspace", 6)...)
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

// On a label the help line says the arrows toggle it, not "+0.05".
func TestLabelKeyLine(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	if v := m.View(); !strings.Contains(v, "→/l +0.05") {
		t.Fatalf("on d(a,p) the help line lacks →/l +0.05:\n%s", v)
	}
	for _, keys := range [][]string{{"down", "down", "down"}, {"down", "down", "down", "down"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			v := press(t, m, keys...).View()
			last := v[strings.LastIndex(v, "\n")+1:]
			if strings.Contains(last, "+0.05") || !strings.Contains(last, "→/l toggle") {
				t.Errorf("help line on a label: %q", last)
			}
		})
	}
}

// Plain output has no key to read more, so its hint is whole, wrapped; its
// frame takes the width it is given (a terminal's) down to common.MinWidth.
func TestPlainHintWholeAndWidth(t *testing.T) {
	for _, w := range []int{0, 80, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
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
		})
	}
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
