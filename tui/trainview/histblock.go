package trainview

import (
	"math"
	"slices"
	"strings"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// A pane's histograms: the training points' two distance distributions
// above the axis and, where there is room, the held-out points' below it,
// hanging from the same axis, so that the two read on one scale; for a
// triplet run the gaps beside them (gaps.go).

// paneRows are the rows of a pane's column left to the bars and the curve:
// the training histogram's, the held-out one's (0: not drawn) and the loss
// curve's; room says what has room.
type paneRows struct {
	train, held, curve int
	room               room
}

// room is what a pane's column has room for, from all to the figures
// alone; a pane without room for something says so (figureLines).
type room uint8

const (
	roomAll    room = iota
	roomNoHeld      // no held-out histogram
	roomNone        // no histogram, no loss curve
)

// minHeldRows is the fewest rows the held-out histogram is drawn with.
const minHeldRows = 2

// heldFits says whether free rows hold both histograms (at least two rows
// each) and a row of curve.
func heldFits(free int) bool { return free >= 2+minHeldRows+1 }

// chartsFit says whether free rows hold the training histogram (two rows)
// and a row of curve.
func chartsFit(free int) bool { return free >= 2+1 }

// splitRows shares free rows: three fifths to the bars (two thirds with the
// held-out histogram, half of them its), the rest to the curve.
func splitRows(free int, held bool) paneRows {
	if !held || !heldFits(free) {
		bars := max(2, free*3/5)
		return paneRows{train: bars, curve: max(1, free-bars)}
	}
	bars := max(2+minHeldRows, free*2/3)
	return paneRows{train: bars - bars/2, held: bars / 2, curve: max(1, free-bars)}
}

// columnLayout is the pane's figures (paneStats), the scatter's height and
// the column's rows for a pane of rest rows (below its title) whose column
// is w cells, beside the scatter (wide) or under it, with caption lines of
// the loss curve's caption. What does not fit gives way in order: the
// held-out histogram, then the histograms and the curve; the figures say
// which. The figures take at least floor.stats lines (blank ones at their
// end) and the lines from the histograms' axis to the curve (legends and
// caption) at least floor.tail (blank ones before the caption), and the
// column draws at most floor.room, so that two panes' rows line up.
func (m *Model) columnLayout(i int, r *train.Run, met train.Metrics, w, rest int, wide bool, caption int, floor paneFloor) column {
	held := heldOutMeasured(r)
	rm := floor.room
	if !held {
		rm = max(rm, roomNoHeld) // nothing to draw, nothing to say
	}
	for {
		say := rm
		if !held && rm == roomNoHeld {
			say = roomAll
		}
		stats := m.paneStats(i, met, w, say)
		for len(stats) < floor.stats {
			stats = append(stats, "")
		}
		own := caption // the caption's figures stay when the charts go
		if rm != roomNone {
			own += m.histogramExtra(r, w, rm == roomAll)
		}
		tail := max(own, floor.tail)
		fixed := len(stats) + tail
		if rm != roomNone {
			fixed++ // the axis
		}
		scatterH := rest
		switch {
		case !wide && rm == roomNone: // the scatter takes every row the figures leave
			scatterH = max(3, rest-fixed)
		case !wide:
			scatterH = max(3, (rest-fixed)/2)
		}
		free := rest - fixed
		if !wide {
			free = rest - fixed - scatterH
		}
		switch {
		case rm == roomAll && !heldFits(free):
			rm = roomNoHeld
		case rm == roomNoHeld && !chartsFit(free):
			rm = roomNone
		default:
			rows := splitRows(free, rm == roomAll)
			rows.room = say
			return column{stats: stats, scatterH: scatterH, rows: rows, room: rm, tail: tail, pad: tail - own}
		}
	}
}

// column is a pane's column as columnLayout lays it out: the figures, the
// scatter's height, the charts' rows, and the tail's lines (legends and
// caption) with the blank ones before the caption that make them up.
type column struct {
	stats     []string
	scatterH  int
	rows      paneRows
	room      room // what was drawn (rows.room is what the figures say)
	tail, pad int
}

// paneFloor is what two panes' columns share: at least as many figure
// lines and tail lines as the longer's, and at most the room the one with
// least has.
type paneFloor struct {
	stats, tail int
	room        room
}

// heldOutMeasured says whether run r has held-out distances to draw (none
// for the free model, or with no point held out).
func heldOutMeasured(r *train.Run) bool {
	pos, neg := r.HeldOutDistances()
	return len(pos)+len(neg) > 0
}

// paneStats are the pane's wrapped lines of figures: step, loss, AUC,
// means, scale and held out (saying what has no room), and slow mode's
// legend.
func (m *Model) paneStats(i int, met train.Metrics, w int, rm room) []string {
	stats := []string{
		m.p.T(i18n.TrainPaneStep, numfmt.Count(int64(met.Step)), numfmt.Loss(met.Loss)),
		m.p.T(i18n.TrainPaneAUC, numfmt.Loss(met.AUC), numfmt.Share(met.ActiveFraction)),
		m.p.T(i18n.TrainPaneMeans, numfmt.Loss(met.MeanPositive), numfmt.Loss(met.MeanNegative)),
	}
	stats = append(stats, m.figureLines(i, met, rm)...)
	// Wrapped to the column, so that a figure in exponent form (a run near
	// divergence) is never cut; slow mode's legend is wrapped before it is
	// styled.
	return append(wrapEach(stats, w), m.slowLegend(i, w)...)
}

// histogramBlock is the distances' bars with their axis, the held-out
// bars under it (rows.held > 0) and the legends; for a triplet run the
// gaps' histogram beside the distances.
func (m *Model) histogramBlock(i int, r *train.Run, w int, rows paneRows) []string {
	held := m.heldLegend(rows, w)
	if !showsGaps(r.Spec) || w < 24 {
		bars, legend := m.distanceBlock(i, r, w, rows)
		return append(append(bars, held...), m.styles.dim.Render(m.p.T(legend)))
	}
	left := (w - 1) / 2
	dists, _ := m.distanceBlock(i, r, left, rows)
	gc := gapHistogram(r.AnchorGaps(), r.Spec.Margin, r.Spec.Loss.UsesMargin(), w-left-1, rows.train)
	gaps := append(append([]string{}, gc.lines...), m.styles.dim.Render(gc.axis(w-left-1)))
	n := len(dists) // the training bars, the axis, the held-out bars
	dists, gaps = padBlock(dists, left, n), padBlock(gaps, w-left-1, n)
	out := make([]string, n)
	for k := range out {
		out[k] = dists[k] + " " + gaps[k]
	}
	out = append(out, held...)
	for _, l := range m.gapLegend(w) {
		out = append(out, m.styles.dim.Render(l))
	}
	return out
}

// heldLegend says, under the held-out bars, which bars are whose: the
// training points' above the axis, the held-out points' (or classes')
// below.
func (m *Model) heldLegend(rows paneRows, w int) []string {
	if rows.held == 0 {
		return nil
	}
	id := i18n.TrainLegendHeldOut
	if m.cfg.HoldoutClasses > 0 {
		id = i18n.TrainLegendHeldOutClasses
	}
	lines := wrap(m.p.T(id), w)
	for k, l := range lines {
		lines[k] = m.styles.dim.Render(l)
	}
	return lines
}

// gapLegend is the legend under the split histograms: the distances', then
// the gaps', each wrapped to w.
func (m *Model) gapLegend(w int) []string {
	return append(wrap(m.p.T(i18n.TrainLegend), w), wrap(m.p.T(i18n.TrainLegendGap), w)...)
}

// histogramExtra is the lines histogramBlock draws besides the bars: the
// axis and the legends (the held-out bars' with held).
func (m *Model) histogramExtra(r *train.Run, w int, held bool) int {
	n := 2
	if showsGaps(r.Spec) && w >= 24 {
		n = 1 + len(m.gapLegend(w))
	}
	if held {
		n += len(m.heldLegend(paneRows{held: 1}, w))
	}
	return n
}

// distanceBlock is the distances' bars over their axis and the held-out
// ones hanging under it (rows.held of them), every line w cells, with the
// legend's ID: m marked only where it is a distance (contrastive's
// radius). The axis reaches the largest distance of either set (or is
// fixed: x), so the two read on one scale.
func (m *Model) distanceBlock(i int, r *train.Run, w int, rows paneRows) ([]string, i18n.ID) {
	pos, neg := r.Distances()
	hpos, hneg := r.HeldOutDistances()
	top := 0.0
	if m.fixAxis && i < len(m.axisTop) {
		top = m.axisTop[i]
	}
	if top == 0 {
		top = distanceTop(pos, neg, r.Spec.Margin, marksRadius(r.Spec))
		if rows.held > 0 {
			top = math.Max(top, distanceTop(hpos, hneg, r.Spec.Margin, marksRadius(r.Spec)))
		}
	}
	hc := histogram(pos, neg, r.Spec.Margin, marksRadius(r.Spec), top, w, rows.train)
	lines := append([]string{}, hc.lines...)
	// Axis: 0 at the left, the top distance at the right, m under the margin.
	axis := []rune(strings.Repeat(" ", w))
	right := []rune(numfmt.Axis(hc.top, 2))
	copy(axis[max(0, w-len(right)):], right)
	axis[0] = '0'
	markedM := hc.mcol > 1 && hc.mcol < w-len(right)-1 // not over 0 or the top's label
	if markedM {
		axis[hc.mcol] = 'm'
	}
	lines = append(lines, m.styles.dim.Render(string(axis)))
	if rows.held > 0 {
		under := histogram(hpos, hneg, r.Spec.Margin, marksRadius(r.Spec), top, w, rows.held).lines
		slices.Reverse(under) // hanging from the axis
		lines = append(lines, under...)
	}
	if markedM { // the legend explains the m on the axis, only where it is drawn (margin 0 is under 0)
		return lines, i18n.TrainLegendMargin
	}
	return lines, i18n.TrainLegend
}
