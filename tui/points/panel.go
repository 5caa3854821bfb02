package points

import (
	"math"
	"strings"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// Panel is the body of the points panel, which takes the controls' place
// in points mode: each point's coordinates, the selected one marked with
// ▸, then the two distances they give (the exact values the panels use).
func (s Scene) Panel(p i18n.Printer) string {
	st := s.Styles
	var lines []string
	for w := range grid.NumPoints {
		pt := s.Points.At[w]
		mark, name := "  ", strings.ToUpper(w.Key())
		if w == s.Selected {
			mark, name = st.Selected.Render("▸ "), st.Selected.Render(name)
		}
		lines = append(lines, mark+name+" ("+coordinate(pt.X)+", "+coordinate(pt.Y)+")")
	}
	set := s.Losses.Triplet
	lines = append(lines,
		p.T(i18n.PointsPanelDistance, "d(a,p)", numfmt.Input(set.DAP)),
		p.T(i18n.PointsPanelDistance, "d(a,n)", numfmt.Input(set.DAN)))
	return strings.Join(lines, "\n")
}

// coordinate writes a coordinate in the panel's room: two decimals on the
// 0.01 grid (where keys and the mouse put points), three after a gradient
// step has left it.
func coordinate(x float64) string {
	if math.Round(x*100)/100 == x {
		return numfmt.Fixed(x, 2)
	}
	return numfmt.Fixed(x, 3)
}

// Title is the plane panel's title in w cells: the distance the points
// are read with and the loss the step key follows, with the keys that
// change them (d, o), in fewer words where the long form does not fit.
func Title(p i18n.Printer, ps grid.Points, follow Loss, w int) string {
	cos, con := ps.Metric == dist.Cosine, follow == Contrastive
	pick := func(yes bool, a, b i18n.ID) string {
		if yes {
			return p.T(a)
		}
		return p.T(b)
	}
	return common.FitFirst(w,
		p.T(i18n.PointsPlaneTitle, pick(cos, i18n.PointsCosine, i18n.PointsEuclidean), pick(con, i18n.PointsFollowContrastive, i18n.PointsFollowTriplet)),
		p.T(i18n.PointsPlaneTitleShort, pick(cos, i18n.PointsCosineShort, i18n.PointsEuclideanShort), pick(con, i18n.PointsContrastiveShort, i18n.PointsTripletShort)))
}
