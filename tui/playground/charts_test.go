package playground

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/figure"
	"losslab/i18n"
	"losslab/statestr"
	"losslab/tui/internal/tuitest"
)

// chartLines renders chart c of the model at state s in w×h cells, plain.
func chartLines(t *testing.T, s grid.State, c int, w, h int) []string {
	t.Helper()
	m := newModel(t, Options{})
	m.byHand(s)
	m.chart = c
	return strings.Split(ansi.Strip(m.renderChart(w, h)), "\n")
}

// yLabels maps each y tick label's row to its value: the text before ┤.
func yLabels(lines []string) map[int]float64 {
	out := map[int]float64{}
	for i, l := range lines {
		if before, _, ok := strings.Cut(l, "┤"); ok {
			if v, err := strconv.ParseFloat(strings.TrimSpace(before), 64); err == nil {
				out[i] = v
			}
		}
	}
	return out
}

// xLabels is the values under the x axis (the line after └).
func xLabels(lines []string) []float64 {
	var out []float64
	for i, l := range lines {
		if strings.Contains(l, "└") && i+1 < len(lines) {
			for _, f := range strings.Fields(lines[i+1]) {
				if v, err := strconv.ParseFloat(f, 64); err == nil {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

func isRound(v float64) bool {
	for _, step := range []float64{0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5} {
		if k := v / step; math.Abs(k-math.Round(k)) < 1e-9 {
			return true
		}
	}
	return false
}

// Ticks sit at round values, evenly spaced, on every chart with axes.
func TestTicksAreRound(t *testing.T) {
	for _, size := range [][2]int{{76, 6}, {116, 20}, {96, 13}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			for _, c := range []int{chartNamed(t, statestr.ChartTriplet), chartNamed(t, statestr.ChartContrastive), chartNamed(t, statestr.ChartHeatmap)} {
				if c == chartNamed(t, statestr.ChartHeatmap) && size[1]-1-axisRows < heatMinRows {
					continue // no heatmap in so few rows (TestHeatmapSaysWhereItIsReadable)
				}
				for _, s := range []grid.State{grid.Article(), {DAP: 3, DAN: 1, Margin: 200, YAP: loss.Same, YAN: loss.Different}, {DAP: 5, DAN: 9, Margin: 3, YAP: loss.Same, YAN: loss.Different}} {
					lines := chartLines(t, s, c, size[0], size[1])
					xs := xLabels(lines)
					if len(xs) < 2 {
						t.Errorf("chart %d at %v, %+v: x labels %v", c+1, size, s, xs)
					}
					for i, v := range xs {
						if !isRound(v) || i > 1 && c != chartNamed(t, statestr.ChartContrastive) && math.Abs((xs[i]-xs[i-1])-(xs[1]-xs[0])) > 1e-9 {
							t.Errorf("chart %d at %v: x labels %v are not round and even", c+1, size, xs)
							break
						}
					}
					ys := yLabels(lines)
					if len(ys) < 2 {
						t.Errorf("chart %d at %v, %+v: y labels %v\n%s", c+1, size, s, ys, strings.Join(lines, "\n"))
					}
					for _, v := range ys {
						if !isRound(v) {
							t.Errorf("chart %d at %v: y label %v is not round", c+1, size, v)
						}
					}
				}
			}
		})
	}
}

// A marker whose value is a tick value sits on that tick's row.
func TestMarkerOnItsTickRow(t *testing.T) {
	// L = d(a,p) − 0.20 is 0.49999999999999994 or 0.39999999999999997 in
	// float64: a tick value at each size.
	for _, c := range []struct {
		h    int
		dap  grid.Hundredths
		want float64
	}{{6, 70, 0.5}, {13, 70, 0.5}, {20, 60, 0.4}} {
		t.Run(fmt.Sprintf("%dx%d", 100, c.h), func(t *testing.T) {
			h := c.h
			lines := chartLines(t, grid.State{DAP: c.dap, DAN: 20, Margin: 0, YAP: loss.Same, YAN: loss.Different}, chartNamed(t, statestr.ChartTriplet), 100, h)
			row := -1
			for i, l := range lines {
				if strings.Contains(l, "●") {
					row = i
				}
			}
			if v, ok := yLabels(lines)[row]; !ok || v != c.want {
				t.Errorf("height %d: ● on row %d labelled %v, want %v\n%s", h, row, v, c.want, strings.Join(lines, "\n"))
			}
		})
	}
}

// The different-class curve fills its own scale: its peak ½m² is the top
// label of the right pane, not a flat line under ½d².
func TestContrastiveChartShowsPushCurve(t *testing.T) {
	lines := chartLines(t, grid.Article(), chartNamed(t, statestr.ChartContrastive), 116, 20)
	right := make([]string, len(lines))
	for i, l := range lines {
		r := []rune(l)
		right[i] = string(r[len(r)/2:])
	}
	top := math.Inf(-1)
	for _, v := range yLabels(right) {
		top = math.Max(top, v)
	}
	if top != 0.02 { // ½·0.2² = 0.02
		t.Errorf("right pane tops at %v, want 0.02 (½m²)\n%s", top, strings.Join(lines, "\n"))
	}
	if !strings.Contains(lines[0], "⣿ same") || !strings.Contains(lines[0], "• different") {
		t.Errorf("legend %q lacks the curves' glyphs", lines[0])
	}
	dots := 0
	for _, l := range right[1:] {
		dots += strings.Count(l, "•")
	}
	if dots < 10 {
		t.Errorf("the push curve has %d • cells", dots)
	}
}

// P stays visible beside A when d(a,p) is too small to leave A's cell.
func TestGeometryKeepsPVisible(t *testing.T) {
	for _, s := range []grid.State{{DAP: 0, DAN: 150, Margin: 20, YAP: loss.Same, YAN: loss.Different}, {DAP: 1, DAN: 300, Margin: 0, YAP: loss.Same, YAN: loss.Different}, {DAP: 0, DAN: 0, Margin: 0, YAP: loss.Same, YAN: loss.Different}} {
		t.Run(fmt.Sprintf("%+v", s), func(t *testing.T) {
			text := strings.Join(chartLines(t, s, chartNamed(t, statestr.ChartGeometry), 76, 6), "\n")
			for _, r := range []string{"A", "P", "N"} {
				if strings.Count(text, r) < 1 {
					t.Errorf("%+v: %s is missing\n%s", s, r, text)
				}
			}
		})
	}
}

// One state draws both losses as one point each, at state 1, with integer ticks.
func TestHistorySingleState(t *testing.T) {
	m := newModel(t, Options{})
	m.chart = chartNamed(t, statestr.ChartHistory)
	lines := strings.Split(ansi.Strip(m.renderChart(76, 12)), "\n")
	if !strings.Contains(lines[0], "1 state") || strings.Contains(lines[0], "1 states") {
		t.Errorf("legend %q", lines[0])
	}
	body := strings.Join(lines[1:], "\n")
	if strings.Count(body, "•") != 1 {
		t.Errorf("contrastive drawn %d times for one state\n%s", strings.Count(body, "•"), body)
	}
	braille := 0
	for _, r := range body {
		if r > 0x2800 && r <= 0x28FF {
			braille++
		}
	}
	if braille != 1 {
		t.Errorf("triplet drawn in %d braille cells for one state\n%s", braille, body)
	}
	for _, v := range xLabels(lines) {
		if v != math.Trunc(v) {
			t.Errorf("x label %v is not a state number", v)
		}
	}
}

// The history chart of one state labels its x axis 1 only: "1 … 2" beside
// "1 state" named a state that does not exist.
func TestHistoryOfOneStateHasOneXLabel(t *testing.T) {
	lines := screenWithChart(t, statestr.ChartHistory)
	for i, l := range lines {
		if strings.Contains(l, "└") && i+1 < len(lines) {
			labels := strings.Fields(strings.Trim(lines[i+1], "│ "))
			if len(labels) != 1 || labels[0] != "1" {
				t.Errorf("one state's x labels are %q:\n%s", labels, strings.Join(lines, "\n"))
			}
			return
		}
	}
	t.Fatalf("no x axis:\n%s", strings.Join(lines, "\n"))
}

// A y axis of a few rows labels its top row: the 80×24 heatmap (three rows
// over 0 to 3) read 2.0 and 0.0 with the top third unlabelled. The triplet
// chart has three rows at 80×24.
func TestFewRowsLabelTheTop(t *testing.T) {
	lines := screenWithChart(t, statestr.ChartTriplet)
	for i, l := range lines {
		if strings.Contains(l, "chart 1/") { // the title; the legend row, then the graph's top row
			if !strings.Contains(lines[i+2], "┤") || strings.Count(strings.Join(lines, "\n"), "┤") > 4 {
				t.Errorf("the top of a few rows has no label:\n%s", strings.Join(lines, "\n"))
			}
			return
		}
	}
	t.Fatalf("no chart title:\n%s", strings.Join(lines, "\n"))
}

// screenWithChart is the 80×24 screen, plain, after c pressed until the
// chart of ID id shows.
func screenWithChart(t *testing.T, id string) []string {
	t.Helper()
	m := sized(newModel(t, Options{}), 80, 24)
	for m.chart != chartNamed(t, id) {
		m = press(t, m, "c")
	}
	return strings.Split(ansi.Strip(m.View()), "\n")
}

// chartNamed is the position in the chart table of the chart with ID id.
func chartNamed(t testing.TB, id string) int {
	t.Helper()
	i, ok := chartIndex(id)
	if !ok {
		t.Fatalf("no chart %q in the table", id)
	}
	return i
}

// The chart table is the one list of charts: its IDs are exactly the ones
// state strings carry, in their order (the first, the default, is the one
// the playground opens on), and every chart draws on screen and as a figure,
// so that 'f' always writes the chart on screen.
func TestChartTable(t *testing.T) {
	var ids []string
	for _, c := range charts {
		ids = append(ids, c.id)
	}
	if want := statestr.Charts(); !slices.Equal(ids, want) {
		t.Errorf("the table's charts are %q, state strings name %q", ids, want)
	}
	m := sized(newModel(t, Options{}), 120, 40)
	figureOf := map[string]string{} // figure title → chart ID
	for i, c := range charts {
		t.Run(c.id, func(t *testing.T) {
			if c.draw == nil || c.figure == nil || c.title == "" {
				t.Fatalf("chart %q lacks a way to draw it, a figure or a title", c.id)
			}
			if got, ok := chartIndex(c.id); !ok || got != i {
				t.Errorf("chartIndex(%q) = %d, %v", c.id, got, ok)
			}
			m.chart = i
			if v := m.View(); !strings.Contains(v, tuitest.English(c.title)) {
				t.Errorf("the panel does not title the chart %q:\n%s", tuitest.English(c.title), v)
			}
			p, err := c.figure(m.figureInput(), figure.Style{Printer: i18n.New(i18n.English)})
			if err != nil || p == nil {
				t.Fatalf("figure: %v", err)
			}
			// Each chart its own figure: a row that fell back on another's
			// figure would repeat that figure's title.
			if p.Title.Text == "" || figureOf[p.Title.Text] != "" {
				t.Errorf("the figure's title %q is empty or also %q's", p.Title.Text, figureOf[p.Title.Text])
			}
			figureOf[p.Title.Text] = c.id
		})
	}
	if _, ok := chartIndex("bar"); ok {
		t.Error("an unknown ID found a chart")
	}
}
