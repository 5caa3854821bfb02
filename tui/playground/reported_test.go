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
	"losslab/tui/common"
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

// On a label the key bar does not say "+0.05": the arrows toggle it, and
// the bar says what holds on a number and a label alike, "edit".
func TestLabelKeyLine(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	for _, keys := range [][]string{nil, {"down", "down", "down"}, {"down", "down", "down", "down"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			l := tuitest.KeyLine(press(t, m, keys...))
			if strings.Contains(l, "+0.05") || !strings.Contains(l, "↑↓←→ edit") {
				t.Errorf("key bar: %q", l)
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

// Only decimal numbers are values: nan, inf, 0x1p-1 (which strconv reads as
// 0.5) and 1e-1 are refused with one clear line, whole at 80 columns and
// in full where it fits, and change nothing.
func TestTypingDecimalsOnly(t *testing.T) {
	for _, typed := range []string{"nan", "inf", "0x1p-1", "1e-1", "1_0"} {
		t.Run(typed, func(t *testing.T) {
			m := sized(newModel(t, Options{}), 80, 24)
			m = press(t, m, "e")
			m = press(t, m, strings.Split(typed, "")...)
			m = press(t, m, "enter")
			if m.State() != grid.Article() || m.inputErr == nil {
				t.Fatalf("%q was taken: %+v", typed, m.State())
			}
			short := `✗ "` + typed + `" is not a number · enter to retry, esc to cancel`
			if v := m.View(); !strings.Contains(v, short) {
				t.Errorf("80×24 lacks %q:\n%s", short, v)
			}
			full := `✗ "` + typed + `" is not a number: type a decimal such as 0.25 · enter to retry, esc to cancel`
			if v := sized(m, 120, 40).View(); !strings.Contains(v, full) {
				t.Errorf("120×40 lacks %q:\n%s", full, v)
			}
		})
	}
	m := press(t, newModel(t, Options{}), "e", "−", "0", ".", "5", "enter")
	if m.inputErr == nil || !strings.Contains(m.View(), "-0.50 is out of range [0, 3.00]") {
		t.Errorf("−0.5 is a decimal, out of range: %v", m.inputErr)
	}
	m = press(t, newModel(t, Options{}), "e", ".", "5", "enter")
	if m.inputErr != nil || m.State().DAP != 50 {
		t.Errorf(".5 is a decimal: %v %+v", m.inputErr, m.State())
	}
}

// The label field's placeholder, the label's current word, is whole at
// 80×24: "✎ different", not "✎ differ…".
func TestLabelPlaceholderWhole(t *testing.T) {
	m := press(t, sized(newModel(t, Options{}), 80, 24), "down", "down", "down", "down", "e")
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "▸ y(a,n)  ✎ different") || strings.Contains(v, "differ…") {
		t.Errorf("the placeholder is cut:\n%s", v)
	}
	tuitest.CheckWidths(t, "typing a label", m.View(), 80, 24, true)
}

// At 80×24 the heatmap would have 3 rows: the chart says how many more
// rows give it the rows it needs, and that many do.
func TestHeatmapSaysWhereItIsReadable(t *testing.T) {
	heat := chartNamed(t, "heatmap")
	for h := 24; h <= 40; h++ {
		m := sized(newModel(t, Options{}), 80, h)
		m.chart = heat
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "Too few rows here") {
			if rows := strings.Count(v, "┤"); rows == 0 {
				t.Errorf("at 80×%d neither the heatmap nor where it is readable:\n%s", h, v)
			}
			continue
		}
		var more int
		if _, err := fmt.Sscanf(v[strings.Index(v, "heatmap: ")+len("heatmap: "):], "%d more", &more); err != nil {
			t.Fatalf("at 80×%d: %v\n%s", h, err, v)
		}
		taller := sized(m, 80, h+more)
		if strings.Contains(ansi.Strip(taller.View()), "Too few rows here") || taller.layout().chartH-common.PanelFrameH-1-axisRows < heatMinRows {
			t.Errorf("at 80×%d it says %d more rows, which do not give it %d", h, more, heatMinRows)
		}
		if more > 1 && !strings.Contains(ansi.Strip(sized(m, 80, h+more-1).View()), "Too few rows here") {
			t.Errorf("at 80×%d it says %d more rows, but fewer do", h, more)
		}
	}
	if v := ansi.Strip(sized(newModel(t, Options{}), 80, 24).View()); strings.Contains(v, "Too few") {
		t.Error("the message shows on another chart")
	}
}

// The contrastive panel's formulas add up as printed: ½·0.75² = 0.28125 in
// full, and the mean of the two terms shown is the mean shown (it read
// (0.2813 + 0.0000) / 2 = 0.1406, which those operands do not give).
func TestMeanLineAddsUpOnScreen(t *testing.T) {
	m := press(t, sized(newModel(t, Options{}), 80, 24), "right")
	v := ansi.Strip(m.View())
	for _, want := range []string{"½·0.75² = 0.28125", "mean = (0.28125 + 0.0000) / 2 = 0.1406"} {
		if !strings.Contains(v, want) {
			t.Errorf("screen lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "e", "0", ".", "3", "5", "enter")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "½·0.35² = 0.06125") {
		t.Errorf("½·0.35²:\n%s", v)
	}
}
