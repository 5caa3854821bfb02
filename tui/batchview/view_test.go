package batchview

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"gonum.org/v1/gonum/mat"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/internal/tuitest"
)

// The view says how its figures were computed: exactly, binned (with the
// AUC's bound) or estimated from a sample.
func TestBatchMethodNotes(t *testing.T) {
	for _, c := range []struct {
		name string
		res  *batch.Result
		want string
	}{
		{"exact", &batch.Result{Method: batch.MethodExact, Separation: batch.Separation{Method: batch.MethodExact}}, "exact: every figure over every anchor and pair"},
		{"binned", &batch.Result{Method: batch.MethodBinned, Separation: batch.Separation{Method: batch.MethodBinned, AUCErrorBound: 2e-6}}, "within ±2e-06"},
		{"sampled", &batch.Result{Method: batch.MethodSampled, Separation: batch.Separation{Method: batch.MethodBinned}, Sample: &batch.Sample{Anchors: 1000, Of: 60000, Seed: 1}}, "sampled: 1,000 of 60,000 anchors (seed 1)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			notes := methodNotes(i18n.New(i18n.English), c.res)
			if len(notes) != 1 || !strings.Contains(notes[0], c.want) {
				t.Errorf("%q, want one note with %q", notes, c.want)
			}
		})
	}
}

// The batch view lists every loss under every strategy with core's values,
// within the width.
func TestBatchLossLines(t *testing.T) {
	x := mat.NewDense(6, 2, []float64{0, 0, 0, 1, 1, 0, 3, 3, 3, 4, 4, 3})
	res, err := batch.Compute(context.Background(), x, []int{0, 0, 0, 1, 1, 1}, 2, batch.Options{Metric: dist.Euclidean, Margin: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	var p i18n.Printer
	for _, w := range []int{80, 100, 160} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			lines := batchLossLines(p, res.ByLoss, w)
			text := strings.Join(lines, "\n")
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("at %d cells: %q", w, l)
				}
			}
			for _, v := range res.ByLoss {
				want := p.StrategyShortName(string(v.Miner), string(v.Reducer)) + " " + numfmt.Loss(v.Value.Value)
				if !strings.Contains(text, want) {
					t.Errorf("at %d cells the lines lack %q (%s):\n%s", w, want, v.Loss, text)
				}
			}
		})
	}
}

func TestGoldenChineseBatchView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := New(tuitest.ChineseContext(), tuitest.Iris(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
			next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			bm := next.(*Model)
			bm = finish(t, bm, bm.Init())
			v := bm.View()
			// The view's help line is not padded: at most the width, not exactly.
			tuitest.CheckWidths(t, "batch", v, size[0], size[1], false)
			// mt: the marks m and t in one bin.
			if words := tuitest.EnglishWords(v, []string{"batch", "iris", "mt"}); len(words) > 0 {
				t.Errorf("English words on the Chinese batch view: %q\n%s", words, v)
			}
			if !strings.Contains(v, "AUC 0.9397") || !strings.Contains(v, "同类") {
				t.Errorf("the result is not shown:\n%s", v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// Sideways, by hand: four bins, positives 8, 4, 0, 2 of 14 and negatives
// 0, 0, 4, 4 of 8 on the common scale of the largest share (8/14): 8/8,
// 4/8 and 2/8 of a cell, 7/8 for each half of the negatives; an empty bin
// is blank; m (0.5) under the first column, t (2.5) under the third.
func TestHistogramColumnsByHand(t *testing.T) {
	h := batch.Histogram{Edges: []float64{0, 1, 2, 3, 4}, Positive: []int64{8, 4, 0, 2}, Negative: []int64{0, 0, 4, 4}}
	got := HistogramColumns(i18n.New(i18n.English), h, 40, Mark{At: 0.5, Letter: "m"}, Mark{At: 2.5, Letter: "t"})
	want := []string{"same █▄ ▂", "diff   ▇▇", "     m t  0.00–4.00"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if HistogramColumns(i18n.New(i18n.English), h, 20) != nil {
		t.Error("20 cells leave fewer than MinColumns columns: want nil")
	}
}

// At 80×24 iris's histogram has room for one pair of bars, which would
// merge all 30 bins into one (100% of each kind): it turns sideways instead,
// a column per bin, with the marks under their bins; also at 80×23, as a
// lesson hosts the view (its line on top), where the legend rides on the
// axis line.
func TestNarrowScreenShowsEveryBin(t *testing.T) {
	for _, h := range []int{24, 23} {
		m := New(tuitest.Context(), tuitest.Iris(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: h})
		bm := next.(*Model)
		bm = finish(t, bm, bm.Init())
		v := ansi.Strip(bm.View())
		if strings.Contains(v, "merged") || strings.Contains(v, "100.0%") || !strings.Contains(v, "m margin · t best threshold") {
			t.Errorf("80×%d: the bins are merged, or the marks not explained:\n%s", h, v)
		}
		var same, diff string
		for _, l := range strings.Split(v, "\n") {
			switch f := strings.TrimSpace(l); {
			case strings.HasPrefix(f, "same "):
				same = f
			case strings.HasPrefix(f, "diff "):
				diff = f
			}
		}
		if len([]rune(strings.TrimRight(diff, " "))) != len("diff ")+30 || !strings.ContainsAny(same, "█") {
			t.Errorf("80×%d: want 30 columns for the 30 bins, the tallest full:\n%s\n%s", h, same, diff)
		}
	}
}
