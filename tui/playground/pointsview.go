package playground

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/i18n"
	"losslab/internal/textwrap"
	"losslab/tui/common"
	"losslab/tui/points"
)

// How points mode lays the playground out: the points panel in the
// controls' place, the plane in the chart's (beside the chart from
// besideChartW columns, in turns with it below).

// besideChartW is the width from which the plane and the chart share the
// chart's row; planeShare is the plane's part of it.
const (
	besideChartW = 120
	planeShare   = 0.6
)

// rect is a block of cells in the playground's own coordinates.
type rect struct{ x, y, w, h int }

// planeBesideChart reports whether the plane and the chart are both shown.
func (m Model) planeBesideChart() bool { return m.width >= besideChartW }

// planeShown reports whether the plane is on screen: in points mode, with
// nothing in its place (notes, conventions, the state string, a chart).
func (m Model) planeShown() bool {
	return m.inPoints() && !m.notes.open && !m.conventions.showing() && !m.sharing.shown && !m.help.ShowAll &&
		(m.planeBesideChart() || !m.pts.chartOver)
}

// planePanelW is the plane panel's width in a slot w wide.
func (m Model) planePanelW(w int) int {
	if m.planeBesideChart() {
		return int(float64(w) * planeShare)
	}
	return w
}

// legendW is the legend's width in a plane panel w wide: its table, or
// what the canvas can spare.
func (m Model) legendW(sc points.Scene, w int) int {
	widest := 0
	for _, l := range sc.Legend(m.printer(), w, 4) {
		widest = max(widest, lipgloss.Width(l))
	}
	return min(widest, (w-common.PanelFrameW)/2)
}

// planeRect is where the plane's canvas is, and whether it is shown.
func (m Model) planeRect() (rect, bool) {
	if !m.planeShown() || m.width < common.MinWidth || m.height < common.MinModeHeight {
		return rect{}, false
	}
	return m.planeIn(m.layout(), m.scene()), true
}

// planeIn is the plane's canvas in layout l: in the chart's row, left of
// the legend.
func (m Model) planeIn(l layout, sc points.Scene) rect {
	w := m.planePanelW(m.width)
	cw := w - common.PanelFrameW - m.legendW(sc, w) - 1
	return rect{x: 2, y: 1 + l.topH + l.contrastiveH + 1, w: cw, h: l.chartH - common.PanelFrameH}
}

// pointsPanel is the points panel, in the controls' place.
func (m Model) pointsPanel(h int) string {
	return m.textPanel(m.printer().T(i18n.PointsPanelTitle), m.scene().Panel(m.printer()), controlsW, h)
}

// pointsSlot is the chart's row of layout l in points mode: the plane,
// beside the chart or in turns with it.
func (m Model) pointsSlot(l layout, w, h int) string {
	if !m.planeShown() {
		return m.chartPanel(w, h)
	}
	pw := m.planePanelW(w)
	plane := m.planePanel(l, pw, h)
	if pw == w {
		return plane
	}
	return sideBySide(plane, m.chartPanel(w-pw, h))
}

// planePanel is the plane and its legend in a panel w×h.
func (m Model) planePanel(l layout, w, h int) string {
	sc, p := m.scene(), m.printer()
	r := m.planeIn(l, sc)
	f := m.pts.frame
	if f.W != r.w || f.H != r.h { // not fitted yet (a first frame): fit now
		f = points.Fit(sc.Box(), r.w, r.h)
	}
	canvas := strings.Split(sc.Draw(f), "\n")
	legendW := w - common.PanelFrameW - r.w - 1
	legend := sc.Legend(p, legendW, r.h)
	lines := make([]string, r.h)
	for i := range lines {
		right := ""
		if i < len(legend) {
			right = legend[i]
		}
		lines[i] = canvas[i] + " " + textwrap.PadRight(right, legendW)
	}
	return m.panel(points.Title(p, m.state.Points, m.pts.follow, w-6), strings.Join(lines, "\n"), w)
}
