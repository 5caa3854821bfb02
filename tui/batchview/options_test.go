package batchview

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"gonum.org/v1/gonum/mat"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// spread is a small data set whose farthest pair is 12 apart: two classes
// on a line, at 0, 1 and 11, 12.
func spread() *dataset.Dataset {
	return &dataset.Dataset{X: mat.NewDense(4, 1, []float64{0, 1, 11, 12}), Labels: []int{0, 0, 1, 1},
		Classes: []string{"a", "b"}, Lines: []int{1, 2, 3, 4}, File: "spread.csv", Source: "spread.csv"}
}

// view opens the batch view on d at w×h with margin m and computes its
// first result.
func view(t *testing.T, d *dataset.Dataset, m float64, w, h int) *Model {
	t.Helper()
	bm := Open(common.DefaultContext(), Config{Data: d, Options: batch.Options{Metric: dist.Euclidean, Margin: m}})
	next, _ := bm.Update(tea.WindowSizeMsg{Width: w, Height: h})
	bm = next.(*Model)
	return finish(t, bm, bm.Init())
}

// pressAll presses keys and runs what each starts.
func pressAll(t *testing.T, m *Model, keys ...string) *Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(tuitest.Key(k))
		m = next.(*Model)
		if cmd != nil {
			m = finish(t, m, cmd)
		}
	}
	return m
}

// The margin's range follows the data: batch --margin 5 then → gave
// margin 2.00 (the playground's top). It reaches the farthest pair and
// never ends below the margin given.
func TestBatchMarginFollowsTheData(t *testing.T) {
	m := pressAll(t, view(t, spread(), 5, 100, 34), "right")
	if m.opts.Margin != 5.05 || m.res.Margin != 5.05 || !strings.Contains(m.View(), "margin 5.05") {
		t.Fatalf("→ from 5: margin %v\n%s", m.opts.Margin, m.View())
	}
	for range 200 {
		m = pressAll(t, m, "right")
	}
	// The top is the histogram's last edge, 12.0026 (whole cells of its
	// grid), up to the next 0.01: no pair is farther.
	if m.opts.Margin != 12.01 || Farthest(m.res.Histogram) < 12 || !strings.Contains(m.View(), "margin is at its maximum 12.01: no pair of this data is farther apart") {
		t.Errorf("the top: margin %v\n%s", m.opts.Margin, m.View())
	}
	// A margin given beyond the data is the top; ← lowers it.
	m = pressAll(t, view(t, spread(), 20, 100, 34), "right")
	if m.opts.Margin != 20 || !strings.Contains(m.View(), "margin is at its maximum 20.00, the one it was opened with") {
		t.Errorf("given 20: margin %v\n%s", m.opts.Margin, m.View())
	}
	if m = pressAll(t, m, "left"); m.opts.Margin != 19.95 {
		t.Errorf("← from 20: %v", m.opts.Margin)
	}
	// Normalised, the pairs are at most 2 apart: a margin above that says so.
	m = pressAll(t, view(t, tuitest.Iris(t), 2.5, 100, 34), "o", "left", "right", "right")
	if m.opts.Margin != 2.5 || !strings.Contains(m.View(), "2.50, the one it was opened with") {
		t.Errorf("normalised iris, given 2.5: margin %v\n%s", m.opts.Margin, m.View())
	}
}

// o computes on the rows L2-normalised and says so; again, on the rows as
// read. The figures are core's on the normalised copy.
func TestBatchNormalizeToggle(t *testing.T) {
	d := tuitest.Iris(t)
	m := pressAll(t, view(t, d, 0.2, 100, 34), "o")
	nd, err := d.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	want, err := batch.Compute(context.Background(), nd.X, nd.Labels, len(nd.Classes), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if !m.normalize || m.res.Separation.AUC != want.Separation.AUC || !strings.Contains(m.View(), "rows L2-normalised") {
		t.Errorf("o: normalize %v AUC %v, want %v\n%s", m.normalize, m.res.Separation.AUC, want.Separation.AUC, m.View())
	}
	if d.X.At(0, 0) != 5.1 {
		t.Errorf("normalising changed the data as read: %v", d.X.At(0, 0))
	}
	m = pressAll(t, m, "o")
	if m.normalize || !strings.Contains(m.View(), "AUC 0.9397") || strings.Contains(m.View(), "normalised") {
		t.Errorf("o again:\n%s", m.View())
	}
	// A zero row cannot be normalised: one line says why, nothing changes.
	z := tuitest.Iris(t)
	for j := range 4 {
		z.X.Set(2, j, 0)
	}
	m = pressAll(t, view(t, z, 0.2, 100, 34), "o")
	if m.normalize || !strings.Contains(m.View(), "cannot normalise the rows: demo iris:4: --normalize: the row is a zero vector") {
		t.Errorf("zero row:\n%s", m.View())
	}
	// Opened normalised (batch --normalize), o turns it off.
	m = Open(common.DefaultContext(), Config{Data: tuitest.Iris(t), Normalize: true, Options: batch.Options{Margin: 0.2}})
	if !m.normalize || m.data.X.At(0, 0) == 5.1 || m.raw.X.At(0, 0) != 5.1 {
		t.Errorf("Config.Normalize: %v %v %v", m.normalize, m.data.X.At(0, 0), m.raw.X.At(0, 0))
	}
}

// b and B step through the bin counts, the histogram has them, and the
// ends say so.
func TestBatchBins(t *testing.T) {
	m := pressAll(t, view(t, tuitest.Iris(t), 0.2, 100, 80), "b")
	if m.opts.Bins != 50 || len(m.res.Histogram.Positive) != 50 || !strings.Contains(m.View(), "50 bins") {
		t.Fatalf("b from 30: %d bins", len(m.res.Histogram.Positive))
	}
	m = pressAll(t, m, "b", "b")
	if m.opts.Bins != 100 || !strings.Contains(m.View(), "100 bins is the most the view offers") {
		t.Errorf("b at 100: %d\n%s", m.opts.Bins, m.View())
	}
	m = pressAll(t, m, tuitest.Repeat("B", 6)...)
	if m.opts.Bins != 10 || !strings.Contains(m.View(), "10 bins is the fewest the view offers") {
		t.Errorf("B at 10: %d", m.opts.Bins)
	}
	// A count given by --bins outside the choices moves to its neighbours.
	m = Open(common.DefaultContext(), Config{Data: tuitest.Iris(t), Options: batch.Options{Margin: 0.2, Bins: 7}})
	if next, _ := m.setBins(1); next.opts.Bins != 10 {
		t.Errorf("b from 7: %d", next.opts.Bins)
	}
	if next, _ := m.setBins(-1); next.opts.Bins != 7 || next.note == "" {
		t.Errorf("B from 7: %d %q", next.opts.Bins, next.note)
	}
}

// The histogram marks the bin of the margin with m and the bin of the best
// threshold with t, as the figure marks them with lines, and says what
// they are.
func TestBatchHistogramMarks(t *testing.T) {
	m := view(t, tuitest.Iris(t), 0.2, 100, 80) // tall: 30 bins, none merged
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "m margin · t best threshold") {
		t.Errorf("no legend:\n%s", v)
	}
	marked := map[string]int{}
	for _, l := range strings.Split(v, "\n") {
		var lo, hi float64
		var letters string
		if _, err := fmt.Sscanf(strings.ReplaceAll(l, "–", " "), "%f %f %s", &lo, &hi, &letters); err != nil || !strings.Contains(l, "│") {
			continue
		}
		for _, c := range []struct {
			letter string
			at     float64
		}{{"m", m.res.Margin}, {"t", m.res.Separation.Threshold}} {
			if strings.Contains(letters, c.letter) {
				marked[c.letter]++
				if c.at < lo-0.005 || c.at > hi+0.005 { // the labels have 2 decimals
					t.Errorf("%s = %v marked in the row %q", c.letter, c.at, l)
				}
			}
		}
	}
	if marked["m"] != 1 || marked["t"] != 1 {
		t.Errorf("marks %v, want m and t once each:\n%s", marked, v)
	}
}

// binOf agrees with a linear search over random edges and values.
func TestBinOf(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		k := 1 + r.IntN(40)
		top := 0.1 + 10*r.Float64()
		h := batch.Histogram{Positive: make([]int64, k), Negative: make([]int64, k)}
		for i := range k + 1 {
			h.Edges = append(h.Edges, top*float64(i)/float64(k))
		}
		x := (r.Float64()*1.2 - 0.1) * top
		if r.IntN(10) == 0 {
			x = h.Edges[r.IntN(k+1)] // on an edge
		}
		want := -1
		for i := range k {
			if x >= h.Edges[i] && (x < h.Edges[i+1] || i == k-1 && x == h.Edges[k]) {
				want = i
			}
		}
		if got := binOf(h, x); got != want {
			t.Fatalf("binOf(%v) over %v = %d, want %d", x, h.Edges, got, want)
		}
	}
	if got := Farthest(batch.Histogram{Edges: []float64{0, 1, 2, 3}, Positive: []int64{1, 0, 0}, Negative: []int64{0, 2, 0}}); got != 2 {
		t.Errorf("Farthest = %v", got)
	}
}

// ? shows every key where the loss lines were: the histogram stays in view.
func TestBatchHelpKeepsTheHistogram(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := view(t, tuitest.Iris(t), 0.2, size[0], size[1])
			before := strings.Count(m.View(), "% same")
			m = pressAll(t, m, "?")
			v := m.View()
			if got := strings.Count(v, "% same"); got < before || !strings.Contains(v, "open another data set") || !strings.Contains(v, "L2-normalise rows") {
				t.Errorf("? left %d of %d histogram bins:\n%s", got, before, v)
			}
			tuitest.CheckWidths(t, "batch help", v, size[0], size[1], false)
			if m = pressAll(t, m, "esc"); strings.Contains(m.View(), "open another data set") {
				t.Error("esc did not close the keys")
			}
		})
	}
}
