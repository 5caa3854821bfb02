package batchview

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/batch"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui/common"
)

// View shows the data set, the options, the result and the distributions,
// exactly w×h cells but for the help line.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	st, p := m.ctx.Styles, m.ctx.Printer
	header := st.Title.Render("losslab batch")
	if m.data.X != nil {
		n, dim := m.data.X.Dims()
		header += " · " + p.T(i18n.BatchSource, termsafe.String(m.data.Source), numfmt.Count(int64(n)), numfmt.Count(int64(dim)), numfmt.Count(int64(len(m.data.Classes))))
	}
	status := ""
	if m.computing {
		status = "  " + st.Accent.Render(p.T(i18n.BatchComputing)) + " " + m.bar.ViewAs(m.done) + " " + numfmt.Fixed(100*m.done, 0) + "%"
	}
	lines := []string{
		header,
		p.T(i18n.BatchOptions, st.Bold.Render(p.MetricName(m.opts.Metric.String())), st.Bold.Render(numfmt.Input(m.opts.Margin))) + status,
		st.Accent.Render(m.note),
	}
	helpView := m.help.View(m.keys)
	helpH := lipgloss.Height(helpView)
	room := m.height - len(lines) - helpH
	switch {
	case m.err != nil: // wrapped: the error names a file and line, and every word of it counts
		for _, l := range common.WrapWords("✗ "+termsafe.String(errtext.Message(p, m.err)), m.width) {
			lines = append(lines, st.Error.Render(l))
		}
		lines = append(lines, common.WrapWords(p.T(i18n.BatchErrorQuit), m.width)...)
	case m.res == nil:
		lines = append(lines, p.T(i18n.BatchFirstResult))
	default:
		body := m.resultLines()
		rows := max(1, (room-len(body)-1)/2)
		if HistogramGroup(len(m.res.Histogram.Positive), rows) > 1 { // a line for saying so
			rows = max(1, (room-len(body)-2)/2)
		}
		hist := HistogramLines(p, m.res.Histogram, m.width-m.indent.GetHorizontalFrameSize(), rows)
		body = append(body, HistogramHeading(p, m.res.Histogram, rows)...)
		for _, h := range hist {
			body = append(body, m.indent.Render(h))
		}
		lines = append(lines, body...)
	}
	return common.PadLines(strings.Join(lines, "\n"), m.width, m.height-helpH) + "\n" + helpView
}

func (m Model) resultLines() []string {
	p := m.ctx.Printer
	r := m.res
	l, t, s := r.Losses, r.Triplets, r.Separation
	easy, semi, hard := numfmt.Percent(t.Easy, t.Total), numfmt.Percent(t.SemiHard, t.Total), numfmt.Percent(t.Hard, t.Total)
	triplets := p.T(i18n.BatchTriplets, numfmt.Count(t.Total), easy, semi, hard, numfmt.Fixed(100*l.FractionActive, 1)+"%")
	if lipgloss.Width(triplets) > m.width { // say less rather than cut a number
		triplets = p.T(i18n.BatchTripletsShort, numfmt.Count(t.Total), easy, semi, hard)
	}
	return append(append(methodNotes(p, r), batchLossLines(p, r.ByLoss, m.width)...),
		triplets,
		p.T(i18n.BatchSeparation, numfmt.Loss(s.AUC), numfmt.Loss(s.Threshold), numfmt.Fixed(100*s.Accuracy, 1)+"%"),
		p.T(i18n.BatchInsideMargin, numfmt.Fixed(100*s.NegativesInsideMedianPlusMargin, 1)+"%"),
		"",
	)
}

// methodNotes says when the figures are a sample's estimates or binned.
func methodNotes(p i18n.Printer, r *batch.Result) []string {
	var out []string
	if r.Sample != nil {
		out = append(out, p.T(i18n.BatchViewSampled, numfmt.Count(int64(r.Sample.Anchors)), numfmt.Count(int64(r.Sample.Of)), r.Sample.Seed))
	}
	if s := r.Separation; s.Method == batch.MethodBinned && r.Sample == nil { // a sample is always binned
		out = append(out, p.T(i18n.BatchViewBinned, strconv.FormatFloat(s.AUCErrorBound, 'g', 2, 64)))
	}
	return out
}
