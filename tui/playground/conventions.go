package playground

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// conventionsPanel is the playground's switchboard: 'v' cycles it through
// the contrastive loss under five conventions, the triplet margin under
// three measures, and off. It takes the chart panel's place while shown.
type conventionsPanel struct{ page int }

const conventionPages = 2

func (c *conventionsPanel) next()        { c.page = (c.page + 1) % (conventionPages + 1) }
func (c conventionsPanel) showing() bool { return c.page > 0 }

var conventionLabelIDs = map[loss.ConventionID]i18n.ID{
	loss.ConventionArticle:    i18n.ConvLabelArticle,
	loss.ConventionHadsell:    i18n.ConvLabelHadsell,
	loss.ConventionTFA:        i18n.ConvLabelTFA,
	loss.ConventionPML:        i18n.ConvLabelPML,
	loss.ConventionTorchHinge: i18n.ConvLabelTorch,
}

// view renders the page for setting s in w×h cells (frame included).
func (c conventionsPanel) view(m Model, s loss.Setting, w, h int) string {
	p := m.ctx.Printer
	iw := w - common.PanelFrameW
	if c.page == 1 { // the contrastive loss five ways: hidden with its panel
		lines := conventionLines(p, s, iw)
		if len(lines) > h-common.PanelFrameH { // the five rows before their introduction
			lines = lines[1:]
		}
		lines = m.unlessHidden(PanelContrastive, lines)
		return m.textPanel(p.T(i18n.ConvTitle, c.page, conventionPages), strings.Join(lines, "\n"), w, h)
	}
	title := p.T(i18n.MarginTitle, numfmt.Input(s.Margin), c.page, conventionPages)
	lines := m.unlessHidden(PanelTriplet, marginLines(p, s, iw)) // the triplet loss three ways
	return m.textPanel(title, strings.Join(lines, "\n"), w, h)
}

// conventionLines is one line per convention in columns as wide as their
// widest cell: ID, loss, formula, what its labels mean and the labels it
// gives the two pairs, the last columns left out, on every row, where the
// table would not fit w.
func conventionLines(p i18n.Printer, s loss.Setting, w int) []string {
	cs, err := loss.Conventions(s)
	if err != nil {
		return []string{err.Error()}
	}
	rows := make([][]string, len(cs))
	for i, c := range cs {
		rows[i] = []string{string(c.ID), numfmt.Loss(c.Loss), c.Formula, p.T(conventionLabelIDs[c.ID]),
			p.T(i18n.ConvPairs, p.ConventionLabel(c.Labels[0]), p.ConventionLabel(c.Labels[1]))}
	}
	for cols := len(rows[0]); ; cols-- {
		table := columns(rows, cols)
		if cols == 3 || common.Widest(table...) <= w {
			return append([]string{p.T(i18n.ConvIntro)}, table...)
		}
	}
}

// columns lays out the first n cells of rows in columns as wide as their
// widest cell in terminal cells, two spaces apart.
func columns(rows [][]string, n int) []string {
	widths := make([]int, n)
	for _, r := range rows {
		for j := range n {
			widths[j] = max(widths[j], ansi.StringWidth(r[j]))
		}
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		var b strings.Builder
		for j := range n {
			if j == n-1 {
				b.WriteString(r[j])
				break
			}
			b.WriteString(textwrap.PadRight(r[j], widths[j]) + "  ")
		}
		out[i] = b.String()
	}
	return out
}

// marginLines say what m asks of this state under plain, squared and
// cosine measures, each wrapped to w.
func marginLines(p i18n.Printer, s loss.Setting, w int) []string {
	ms, err := loss.MarginScales(s)
	if err != nil {
		return []string{err.Error()}
	}
	ev, err := loss.Evaluate(s)
	if err != nil {
		return []string{err.Error()}
	}
	squared, _ := ev.Result(loss.SquaredTripletID)
	type row struct{ label, text string }
	rows := []row{
		{p.T(i18n.MarginLabelPlain), p.T(i18n.MarginPlain, numfmt.Input(ms.PlainGap), numfmt.Loss(ev.Triplet.Loss))},
		{p.T(i18n.MarginLabelSquared), p.T(i18n.MarginSquared, numfmt.Input(ms.SquaredGap), numfmt.Loss(squared.Value), numfmt.Input(ms.SquaredMatching))},
	}
	if ms.OnSphere {
		rows = append(rows, row{p.T(i18n.MarginLabelCosine), p.T(i18n.MarginCosine, numfmt.Input(ms.SimAP), numfmt.Input(ms.SimAN), numfmt.Loss(ms.CosineTriplet))},
			row{"", p.T(i18n.MarginCosineNote)})
	} else {
		rows = append(rows, row{p.T(i18n.MarginLabelCosine), p.T(i18n.MarginCosineFar)})
	}
	// The labels are a column as wide as the widest in cells; each text
	// wraps beside it, its continuation lines indented to the column.
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, ansi.StringWidth(r.label)+2)
	}
	var lines []string
	for _, r := range rows {
		if r.label == "" { // a note on the rows above: the whole width
			lines = append(lines, textwrap.Wrap(r.text, w)...)
			continue
		}
		for i, l := range textwrap.Wrap(r.text, max(w-labelW, 1)) {
			lead := strings.Repeat(" ", labelW)
			if i == 0 {
				lead = textwrap.PadRight(r.label, labelW)
			}
			lines = append(lines, lead+l)
		}
	}
	return lines
}
