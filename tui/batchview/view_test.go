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
