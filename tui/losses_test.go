package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"gonum.org/v1/gonum/mat"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// On a grid of states and at every panel width from 80×24's up, the
// variants line fits, names every non-classic loss with its whole value,
// and states InfoNCE's equivalence only where it fits.
func TestVariantsLineOnAGrid(t *testing.T) {
	var p i18n.Printer
	for _, dap := range []float64{0, 0.1, 0.7, 3} {
		for _, dan := range []float64{0, 0.5, 3} {
			for _, m := range []float64{0, 0.2, 2} {
				ev, err := loss.Evaluate(loss.Setting{DAP: dap, DAN: dan, Margin: m, YAP: loss.Same, YAN: loss.Different})
				if err != nil {
					t.Fatal(err)
				}
				for w := 76; w <= 160; w += 4 {
					line := variantsLine(p, ev, w)
					if ansi.StringWidth(line) > w {
						t.Fatalf("(%v, %v, %v) at %d cells: %q is %d wide", dap, dan, m, w, line, ansi.StringWidth(line))
					}
					for _, r := range ev.Results {
						if r.Loss.Classic() {
							continue
						}
						item := p.LossShortName(string(r.Loss.ID), r.Loss.Short)
						if !strings.Contains(line, item) || !strings.Contains(line, " "+numfmt.Loss(r.Value)) {
							t.Fatalf("(%v, %v, %v) at %d cells: %q lacks %s %s", dap, dan, m, w, line, item, numfmt.Loss(r.Value))
						}
					}
					if w >= 116 && !strings.Contains(line, "InfoNCE at τ = 1.00 is soft-margin") {
						t.Errorf("at %d cells the equivalence is missing: %q", w, line)
					}
				}
			}
		}
	}
	// Narrower than every item: whole items and an ellipsis, no cut number.
	ev, _ := loss.Evaluate(loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different})
	if got := variantsLine(p, ev, 40); got != "hinge 0.3500 · squared 0.4400 · …" {
		t.Errorf("at 40 cells: %q", got)
	}
}

// The batch view lists every loss under every strategy with core's values,
// within the width.
func TestBatchLossLines(t *testing.T) {
	x := mat.NewDense(6, 2, []float64{0, 0, 0, 1, 1, 0, 3, 3, 3, 4, 4, 3})
	res, err := batch.Compute(x, []int{0, 0, 0, 1, 1, 1}, 2, batch.Options{Metric: dist.Euclidean, Margin: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	var p i18n.Printer
	for _, w := range []int{80, 100, 160} {
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
	}
}
