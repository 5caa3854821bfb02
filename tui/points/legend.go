package points

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
)

// Why a gradient is zero, each with the short form its legend cell says
// and the sentence said below the table where there is room.
type zeroWhy int

const (
	notZero  zeroWhy = iota
	hidden           // the teacher hid the loss
	hingeOff         // the triplet's hinge, or a pair's push, is off
	onAnchor         // the point sits on the anchor: no direction
	aligned          // cosine: the point points the anchor's way (or the opposite), where the distance is flat
	cancel           // the anchor's two terms point opposite ways and cancel
	bothOff          // both pairs leave the anchor alone
)

var whyShort = map[zeroWhy]i18n.ID{hidden: i18n.PointsZeroHidden, hingeOff: i18n.PointsZeroHingeOff, onAnchor: i18n.PointsZeroOnAnchor,
	aligned: i18n.PointsZeroAligned, cancel: i18n.PointsZeroCancel, bothOff: i18n.PointsZeroBothOff}

// why says why loss l's gradient at point w is zero (notZero if it is not).
func (s Scene) why(l Loss, w grid.Which) zeroWhy {
	if s.Hidden[l] {
		return hidden
	}
	if gx, gy := s.Grad(l, w); gx != 0 || gy != 0 {
		return notZero
	}
	t := s.Losses.Triplet
	d := [grid.NumPoints]float64{0, t.DAP, t.DAN}
	if l == Triplet {
		switch {
		case !t.Active:
			return hingeOff
		case w != grid.A && s.flat(d[w]):
			return s.flatWhy()
		case w == grid.A && s.flat(t.DAP) && s.flat(t.DAN):
			return s.flatWhy()
		}
		return cancel
	}
	if w == grid.A {
		_, pGrad := s.pairZero(0)
		_, nGrad := s.pairZero(1)
		if pGrad && nGrad {
			return bothOff
		}
		return cancel
	}
	if s.flat(s.Losses.Pairs[int(w)-1].D) {
		return s.flatWhy()
	}
	return hingeOff
}

// flat reports whether distance d has no gradient with respect to the
// points: Euclidean at 0 (no direction), cosine at 0 and 2 (the same or
// the opposite direction, its minimum and maximum).
func (s Scene) flat(d float64) bool {
	return d == 0 || s.Points.Metric == dist.Cosine && d == 2
}

func (s Scene) flatWhy() zeroWhy {
	if s.Points.Metric == dist.Cosine {
		return aligned
	}
	return onAnchor
}

// pairZero reports pair i's (a-p, a-n) distance and whether its term
// gives the points no gradient.
func (s Scene) pairZero(i int) (float64, bool) {
	pr := s.Losses.Pairs[i]
	return pr.D, s.flat(pr.D) || pr.Grad == 0
}

// Legend is the arrows' legend in width cells: a row per point with the length
// of each loss's gradient and its tip, or why it is zero; then, as rows
// allow (at most h in all), a sentence for each reason shown.
func (s Scene) Legend(p i18n.Printer, width, h int) []string {
	st := s.Styles
	cells := [grid.NumPoints + 1][NumLosses + 1]string{
		{"", p.T(i18n.PointsLegendTriplet, tipGlyphs[Triplet][0]), p.T(i18n.PointsLegendContrastive, tipGlyphs[Contrastive][0])},
	}
	var reasons []i18n.ID
	seen := map[i18n.ID]bool{}
	for w := range grid.NumPoints {
		cells[w+1][0] = strings.ToUpper(w.Key())
		for l := range NumLosses {
			why := s.why(l, w)
			if why == notZero {
				gx, gy := s.Grad(l, w)
				ar := Arrow{Loss: l, To: grid.Point{X: -gx, Y: -gy}}
				cells[w+1][l+1] = length(math.Hypot(gx, gy)) + " " + ar.Tip()
				continue
			}
			cells[w+1][l+1] = p.T(whyShort[why])
			if id := whySentence(l, w, why); id != "" && !seen[id] {
				seen[id] = true
				reasons = append(reasons, id)
			}
		}
	}
	var widths [NumLosses + 1]int
	for _, row := range cells {
		for c, cell := range row {
			widths[c] = max(widths[c], lipgloss.Width(cell))
		}
	}
	var lines []string
	for r, row := range cells {
		var b strings.Builder
		for c, cell := range row {
			b.WriteString(textwrap.PadRight(cell, widths[c]+2))
		}
		line := strings.TrimRight(b.String(), " ")
		if r == 0 {
			line = st.Dim.Render(line)
		}
		lines = append(lines, line)
	}
	for _, id := range reasons {
		text := textwrap.Wrap(p.T(id), width)
		if len(lines)+len(text) > h {
			break
		}
		for _, l := range text {
			lines = append(lines, st.Dim.Render(l))
		}
	}
	return lines
}

// whySentence is the sentence that says a zero's reason in full.
func whySentence(l Loss, w grid.Which, why zeroWhy) i18n.ID {
	switch {
	case why == hingeOff && l == Triplet:
		return i18n.PointsWhyTripletOff
	case why == hingeOff:
		return i18n.PointsWhyPushOff
	case why == onAnchor:
		return i18n.PointsWhyOnAnchor
	case why == aligned:
		return i18n.PointsWhyAligned
	case why == cancel:
		return i18n.PointsWhyCancel
	case why == bothOff:
		return i18n.PointsWhyBothOff
	case why == hidden:
		return i18n.PointsWhyHidden
	}
	return ""
}

// length writes a gradient's length: four decimals, and a length too small
// for them in two significant digits, so that no drawn arrow reads 0.
func length(x float64) string {
	if x < 0.00005 {
		return strconv.FormatFloat(x, 'g', 2, 64)
	}
	return numfmt.Loss(x)
}
