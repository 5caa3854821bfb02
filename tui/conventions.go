package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
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
	iw := w - panelFrameW
	var lines []string
	if c.page == 1 {
		lines = conventionLines(p, s, iw)
	} else {
		lines = marginLines(p, s, iw)
	}
	return m.textPanel(p.T(i18n.ConvTitle, c.page, conventionPages), strings.Join(lines, "\n"), w, h)
}

// conventionLines is one line per convention: ID, loss, formula and the
// labels it gives the two pairs, the formula dropped when it does not fit.
func conventionLines(p i18n.Printer, s loss.Setting, w int) []string {
	cs, err := loss.Conventions(s)
	if err != nil {
		return []string{err.Error()}
	}
	lines := []string{p.T(i18n.ConvIntro)}
	for _, c := range cs {
		head := padRight(string(c.ID), 12) + padRight(numfmt.Loss(c.Loss), 8)
		labels := "a-p " + c.Labels[0] + ", a-n " + c.Labels[1] + " (" + p.T(conventionLabelIDs[c.ID]) + ")"
		line := head + padRight(c.Formula, 46) + labels
		if lipgloss.Width(line) > w {
			line = head + labels
		}
		lines = append(lines, ansi.Truncate(line, w, "…"))
	}
	return lines
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
	m := numfmt.Input(s.Margin)
	texts := []string{
		p.T(i18n.MarginIntro, m),
		p.T(i18n.MarginPlain, numfmt.Input(ms.PlainGap), m, numfmt.Loss(ev.Triplet.Loss)),
		p.T(i18n.MarginSquared, numfmt.Input(ms.SquaredGap), m, numfmt.Loss(ev.Squared.Loss), numfmt.Input(ms.SquaredEquivalent)),
	}
	if ms.OnSphere {
		texts = append(texts, p.T(i18n.MarginCosine, numfmt.Input(ms.SimAP), numfmt.Input(ms.SimAN), m, numfmt.Loss(ms.CosineTriplet)), p.T(i18n.MarginCosineNote))
	} else {
		texts = append(texts, p.T(i18n.MarginCosineFar))
	}
	var lines []string
	for _, t := range texts {
		lines = append(lines, strings.Split(ansi.Wordwrap(t, w, " "), "\n")...)
	}
	return lines
}

func padRight(s string, w int) string { return s + strings.Repeat(" ", max(1, w-lipgloss.Width(s))) }
