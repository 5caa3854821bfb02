package batchview

import (
	"math"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// The options the keys change, each recomputed in the background: the
// margin within a range that follows the data, the distance, normalising
// the rows, and the histogram's bins.

// binChoices are the bin counts b and B step through.
var binChoices = []int{10, 15, 20, 30, 50, 100}

// marginRange is the margin's upper end and what it is: the farthest pair
// of the data as last computed (the upper edge of the histogram's last
// non-empty bin), on the 0.01 grid; never below the margin the view opened
// with, which may lie beyond the data; the playground's 2.00 until a
// first result says how far apart the pairs are.
func (m Model) marginRange() (top grid.Hundredths, given bool) {
	top = grid.MaxMargin
	if m.res != nil {
		// Up to the next 0.01, past a last edge that float rounding left a
		// hair above a round value (12.000000000000002 is 12.00).
		f := Farthest(m.res.Histogram) * 100
		top = grid.Hundredths(math.Ceil(f - 1e-9*max(f, 1)))
	}
	if g := grid.Hundredths(math.Round(m.given * 100)); g > top {
		return g, true
	}
	return top, false
}

// setMargin moves the margin on the 0.01 grid within [0, marginRange], or
// says that it is at a limit.
func (m Model) setMargin(delta grid.Hundredths) (Model, tea.Cmd) {
	p := m.ctx.Printer
	cur := grid.Hundredths(math.Round(m.opts.Margin * 100))
	top, given := m.marginRange()
	next := min(max(cur+delta, 0), max(top, cur))
	switch {
	case next == cur && delta > 0 && cur > top:
		m.note = p.T(i18n.BatchMarginBeyond, cur, top)
		return m, nil
	case next == cur && delta > 0 && given:
		m.note = p.T(i18n.BatchMarginMaxGiven, top)
		return m, nil
	case next == cur && delta > 0 && m.res != nil:
		m.note = p.T(i18n.BatchMarginMax, top)
		return m, nil
	case next == cur && delta > 0:
		m.note = p.T(i18n.AtMaximum, common.FieldLabel(p, grid.Margin), top)
		return m, nil
	case next == cur:
		m.note = p.T(i18n.AtMinimum, common.FieldLabel(p, grid.Margin), grid.Hundredths(0))
		return m, nil
	}
	m.opts.Margin = next.Float()
	return m, m.recompute()
}

// toggleNormalize computes on the rows L2-normalised, or as read; a row
// that cannot be normalised (all zeros) is said in the note and changes
// nothing.
func (m Model) toggleNormalize() (Model, tea.Cmd) {
	if m.normalize {
		m.data, m.normalize = m.raw, false
		return m, m.recompute()
	}
	d, err := m.raw.Normalized()
	if err != nil {
		m.note = m.ctx.Printer.T(i18n.BatchCannotNormalize, errorText(m.ctx.Printer, err))
		return m, nil
	}
	m.data, m.normalize = d, true
	return m, m.recompute()
}

// setBins moves to the next bin count up (dir 1) or down (-1) in
// binChoices, or says that it is at an end.
func (m Model) setBins(dir int) (Model, tea.Cmd) {
	cur := m.bins()
	i, found := slices.BinarySearch(binChoices, cur) // the first choice ≥ cur
	switch {
	case dir > 0 && found:
		i++
	case dir < 0:
		i--
	}
	if i < 0 || i >= len(binChoices) {
		id := i18n.BatchBinsMost
		if dir < 0 {
			id = i18n.BatchBinsFewest
		}
		m.note = m.ctx.Printer.N(id, int64(cur), numfmt.Count(int64(cur)))
		return m, nil
	}
	m.opts.Bins = binChoices[i]
	return m, m.recompute()
}

// bins is the histogram's bin count as computed (batch's default 30 for 0).
func (m Model) bins() int {
	if m.opts.Bins <= 0 {
		return 30
	}
	return m.opts.Bins
}
