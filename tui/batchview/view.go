package batchview

import (
	"losslab/internal/textwrap"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/batch"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// View shows the data set, the options, the result and the distributions,
// exactly w×h cells. The full help and the picker take the place of the
// loss lines, so that the histogram stays in view; the shell's key bar has
// the short help.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	st, p := m.ctx.Styles, m.ctx.Printer
	header := st.Title.Render("losslab batch")
	if m.data.X != nil {
		n, dim := m.data.X.Dims()
		header += " · " + p.T(i18n.BatchSource, errtext.Source(p, m.data.Source, m.data.Demo), numfmt.Count(int64(n)), numfmt.Count(int64(dim)), numfmt.Count(int64(len(m.data.Classes))))
	}
	status := ""
	if m.computing {
		status = "  " + st.Accent.Render(p.T(i18n.BatchComputing)) + " " + m.bar.ViewAs(m.done) + " " + numfmt.Fixed(100*m.done, 0) + "%"
	}
	options := i18n.BatchOptions
	if m.normalize {
		options = i18n.BatchOptionsNorm
	}
	lines := []string{
		header,
		p.N(options, int64(m.bins()), st.Bold.Render(p.MetricName(m.opts.Metric.String())), st.Bold.Render(numfmt.Input(m.opts.Margin)), numfmt.Count(int64(m.bins()))) + status,
		st.Accent.Render(m.note),
	}
	room := m.height - len(lines)
	var top []string // the loss lines, or what replaces them
	switch {
	case m.picker.open:
		top = m.pickerLines()
	case m.help.ShowAll:
		top = strings.Split(m.help.FullHelpView(m.keys.FullHelp()), "\n")
	case m.err == nil && m.res != nil:
		top = append(methodNotes(p, m.res), batchLossLines(p, m.res.ByLoss, m.width)...)
	}
	switch {
	case m.err != nil: // wrapped: the error names a file and line, and every word of it counts
		lines = append(lines, top...)
		for _, l := range textwrap.Wrap("✗ "+errorText(p, m.err), m.width) {
			lines = append(lines, st.Error.Render(l))
		}
		lines = append(lines, textwrap.Wrap(p.T(i18n.BatchErrorQuit), m.width)...)
	case m.res == nil:
		lines = append(append(lines, top...), p.T(i18n.BatchFirstResult))
	default:
		body := append(top, m.resultLines()...)
		lines = append(lines, append(body, m.histogram(room-len(body))...)...)
	}
	return common.PadLines(strings.Join(lines, "\n"), m.width, m.height)
}

// minBarBins is the fewest bins the bars show before the histogram turns
// sideways: fewer bars than that say nothing about where the kinds overlap.
const minBarBins = 4

// histogram is the distributions in room lines: a pair of bars per bin
// (merged to fit), or, when fewer than minBarBins pairs fit, a column per
// bin in three lines.
func (m Model) histogram(room int) []string {
	p, h, marks := m.ctx.Printer, m.res.Histogram, m.marks()
	w := m.width - m.indent.GetHorizontalFrameSize()
	heading := func(rows int) []string { return m.histogramHeading(rows, marks) }
	rows := max(1, (room-len(heading(room)))/2)
	rows = max(1, (room-len(heading(rows)))/2) // the heading grows a line when bins merge
	var out, draw []string
	if rows < min(minBarBins, len(h.Positive)) {
		if head, c := m.sideways(w, marks); c != nil && len(head)+len(c) <= room {
			out, draw = head, c
		}
	}
	if draw == nil { // the bars, unless the columns took their place
		out, draw = heading(rows), HistogramLines(p, h, w, rows, marks...)
	}
	for _, l := range draw {
		out = append(out, m.indent.Render(l))
	}
	return out
}

// sideways is HistogramColumns with its heading, the marks' legend at the
// end of the axis line where it fits (a line saved for the columns), else
// under the heading as over the bars.
func (m Model) sideways(w int, marks []Mark) (heading, lines []string) {
	p, h := m.ctx.Printer, m.res.Histogram
	lines = HistogramColumns(p, h, w, marks...)
	if lines == nil {
		return nil, nil
	}
	cols := ColumnCount(p, h, w)
	if axis := lines[len(lines)-1] + " · " + m.markLegend(marks); lipgloss.Width(axis) <= w {
		lines[len(lines)-1] = axis
		return HistogramHeading(p, h, cols), lines
	}
	return m.histogramHeading(cols, marks), lines
}

// marks are the margin and the best threshold, marked on the histogram as
// the figure marks them.
func (m Model) marks() []Mark {
	return []Mark{{At: m.res.Margin, Letter: "m"}, {At: m.res.Separation.Threshold, Letter: "t"}}
}

// histogramHeading is the heading over a histogram of rows bins: what it
// shows, whether bins are merged, and what m and t mark.
func (m Model) histogramHeading(rows int, marks []Mark) []string {
	out := HistogramHeading(m.ctx.Printer, m.res.Histogram, rows)
	legend := m.markLegend(marks)
	if last := out[len(out)-1]; len(out) > 1 && lipgloss.Width(last+" · "+legend) <= m.width {
		out[len(out)-1] = last + " · " + legend
		return out
	}
	return append(out, legend)
}

// markLegend says what m and t mark, and where one is beyond the bins.
func (m Model) markLegend(marks []Mark) string {
	p, h := m.ctx.Printer, m.res.Histogram
	texts := []string{p.T(i18n.BatchMarkMargin), p.T(i18n.BatchMarkThreshold)} // their values are on the lines above
	for i, mk := range marks {
		if binOf(h, mk.At) < 0 {
			texts[i] = p.T(i18n.BatchMarkBeyond, texts[i])
		}
	}
	return strings.Join(texts, " · ")
}

// pickerLines are the picker: its heading, a row per demo and the file
// row with its path, and what it is doing or what went wrong.
func (m Model) pickerLines() []string {
	st, p, pk := m.ctx.Styles, m.ctx.Printer, m.picker
	out := []string{st.Bold.Render(p.T(i18n.BatchOpenTitle))}
	for i, name := range pk.choices {
		row := p.T(i18n.DataDemo, name)
		if name == "" {
			row = p.T(i18n.BatchOpenFile) + " " + pk.path.View()
		}
		out = append(out, st.Cursor(i == pk.selected)+row)
	}
	switch {
	case pk.loading != "":
		out = append(out, st.Accent.Render(p.T(i18n.BatchOpening, pk.loading)))
	case pk.err != "":
		for _, l := range textwrap.Wrap("✗ "+pk.err, m.width) {
			out = append(out, st.Error.Render(l))
		}
	}
	return append(out, "")
}

// resultLines are the triplet census and the separation, under the losses.
func (m Model) resultLines() []string {
	p := m.ctx.Printer
	r := m.res
	l, t, s := r.Losses, r.Triplets, r.Separation
	easy, semi, hard := numfmt.Percent(t.Easy, t.Total), numfmt.Percent(t.SemiHard, t.Total), numfmt.Percent(t.Hard, t.Total)
	triplets := p.T(i18n.BatchTriplets, numfmt.Count(t.Total), easy, semi, hard, numfmt.Share(l.FractionActive))
	if lipgloss.Width(triplets) > m.width { // say less rather than cut a number
		triplets = p.T(i18n.BatchTripletsShort, numfmt.Count(t.Total), easy, semi, hard)
	}
	return []string{
		triplets,
		p.T(i18n.BatchSeparation, numfmt.Loss(s.AUC), numfmt.Loss(s.Threshold), numfmt.Share(s.Accuracy)),
		p.T(i18n.BatchInsideMargin, numfmt.Share(s.NegativesInsideMedianPlusMargin)),
		"",
	}
}

// methodNotes says how the figures were computed: exactly, binned or
// estimated from a sample.
func methodNotes(p i18n.Printer, r *batch.Result) []string {
	switch {
	case r.Method == batch.MethodExact:
		return []string{p.T(i18n.BatchViewExact)}
	case r.Method == batch.MethodBinned:
		return []string{p.T(i18n.BatchViewBinned, strconv.FormatFloat(r.Separation.AUCErrorBound, 'g', 2, 64))}
	case r.Sample != nil:
		return []string{p.T(i18n.BatchViewSampled, numfmt.Count(int64(r.Sample.Anchors)), numfmt.Count(int64(r.Sample.Of)), r.Sample.Seed)}
	}
	return nil
}
