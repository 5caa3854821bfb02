package trainview

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// FuzzCharts: whatever the values (ties, zeros, huge, infinite, NaN), the
// charts draw exactly w×h cells and never panic or hang.
func FuzzCharts(f *testing.F) {
	f.Add(1.0, 2.0, 0.0, 5.0, 0.5, 20, 5)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 30, 3)
	f.Add(math.Inf(1), 1e308, math.NaN(), -1e-300, 2.0, 40, 8)
	f.Fuzz(func(t *testing.T, a, b, c, d, margin float64, w, h int) {
		if w < 1 || w > 200 || h < 1 || h > 60 {
			return
		}
		pos := []float64{math.Abs(a), math.Abs(b)}
		neg := []float64{math.Abs(c), math.Abs(d), math.Abs(a)}
		slices.Sort(pos)
		slices.Sort(neg)
		hc := histogram(pos, neg, math.Abs(margin), true, 0, w, h)
		lines := curve([]int{0, 3, 7}, []float64{a, b, c}, math.Max(math.Abs(a), math.Abs(d)), w, h, lipgloss.NewStyle())
		var box viewBox
		emb := []float64{a, b, c, d, margin, a}
		box.include(emb)
		sc := scatter(emb, []int{0, 1, 2}, 3, box, w, h, make([]lipgloss.Style, 3), classGlyphs)
		for _, block := range [][]string{hc.lines, lines, sc} {
			if len(block) != h {
				t.Fatalf("%d lines, want %d", len(block), h)
			}
			for _, l := range block {
				if lipgloss.Width(l) != w {
					t.Fatalf("line %q is %d cells, want %d", l, lipgloss.Width(l), w)
				}
			}
		}
	})
}

func TestHistogramByHand(t *testing.T) {
	// Same-class pairs at 0.5, different-class at 1.5 and 2.5, margin 1:
	// 4 bins of [0, 2.63]: same in bin 0, different in bins 2 and 3.
	hc := histogram([]float64{0.5}, []float64{1.5, 2.5}, 1, true, 0, 4, 2)
	want := []string{"█┊  ", "█┊░░"}
	if !slices.Equal(hc.lines, want) || hc.mcol != 1 {
		t.Errorf("histogram %q (margin at %d), want %q", hc.lines, hc.mcol, want)
	}
	if got := strings.Join(histogram(nil, nil, 0, false, 0, 3, 1).lines, ""); got != "   " {
		t.Errorf("empty histogram %q", got)
	}
}
