package trainview

import (
	"math"
	"slices"
	"strings"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/internal/numfmt"
)

// A triplet loss asks for gaps, not distances: d(a,n) − d(a,p) ≥ m. For
// the triplet runs the pane draws, beside the two distance histograms
// (without m: m is no distance there), each evaluation point's hardest gap
// as an anchor (train.Run.AnchorGaps) with 0 and m marked. Contrastive
// keeps m on the distance axis, where it is a radius.

// glyphGap draws the gaps; it reads without colour.
const glyphGap = "▒"

// showsGaps says whether run spec's loss is a triplet on distances: the
// hinge (batch-all, batch-hard, semi-hard) or its soft form.
func showsGaps(spec train.RunSpec) bool {
	id := spec.Loss.Objective().Loss.ID
	return id == loss.TripletID || id == loss.SoftMarginID
}

// marksRadius says whether m is a distance for run spec's loss: the
// contrastive losses, whose negatives are pushed out to radius m.
func marksRadius(spec train.RunSpec) bool {
	return spec.Loss.UsesMargin() && spec.Loss.Objective().Loss.Family == loss.ContrastiveFamily
}

// gapCells is the gaps' histogram over [lo, hi] with the columns of 0 and
// m (−1 when not drawn).
type gapCells struct {
	lo, hi     float64
	lines      []string
	zero, mcol int
}

func gapHistogram(gaps []float64, margin float64, showMargin bool, w, h int) gapCells {
	gaps = slices.DeleteFunc(slices.Clone(gaps), func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) })
	lo, hi := 0.0, 0.0
	if len(gaps) > 0 {
		lo, hi = math.Min(gaps[0], 0), math.Max(gaps[len(gaps)-1], 0)
	}
	if showMargin {
		hi = math.Max(hi, margin*1.05)
	}
	if hi-lo < 1e-9 {
		hi = lo + 1e-9
	}
	col := func(v float64) int { return min(max(int((v-lo)/(hi-lo)*float64(w)), 0), w-1) }
	counts := make([]int, w)
	tallest := 0
	for _, g := range gaps {
		c := col(g)
		counts[c]++
		tallest = max(tallest, counts[c])
	}
	gc := gapCells{lo: lo, hi: hi, zero: col(0), mcol: -1}
	if showMargin {
		gc.mcol = col(margin)
	}
	for r := h - 1; r >= 0; r-- {
		var b strings.Builder
		for c := range w {
			filled := counts[c] > 0 && r < max(1, int(math.Round(float64(counts[c])/float64(tallest)*float64(h))))
			switch {
			case filled:
				b.WriteString(glyphGap)
			case c == gc.zero || c == gc.mcol:
				b.WriteString(glyphMargin)
			default:
				b.WriteByte(' ')
			}
		}
		gc.lines = append(gc.lines, b.String())
	}
	return gc
}

// axis is the gap axis: lo at the left, 0 and m under their columns, hi
// at the right, where they fit.
func (g gapCells) axis(w int) string {
	a := []rune(strings.Repeat(" ", w))
	put := func(at int, s string) bool {
		r := []rune(s)
		if at < 0 || at+len(r) > w {
			return false
		}
		for k := max(at-1, 0); k < min(at+len(r)+1, w); k++ { // a blank on each side
			if a[k] != ' ' {
				return false
			}
		}
		copy(a[at:], r)
		return true
	}
	zero := put(g.zero, "0")
	switch {
	case g.mcol > g.zero+1:
		put(g.mcol, "m")
	case g.mcol == g.zero+1 && zero && (g.mcol+1 >= w || a[g.mcol+1] == ' '):
		a[g.mcol] = 'm' // "0m": each under its own column, with no room for a blank between
	}
	right := numfmt.Axis(g.hi, 2)
	put(w-len([]rune(right)), right)
	if g.zero > 0 {
		put(0, numfmt.Axis(g.lo, 2))
	}
	return string(a)
}
