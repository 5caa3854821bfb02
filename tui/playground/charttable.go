package playground

import (
	gplot "gonum.org/v1/plot"

	"losslab/core/loss"
	"losslab/figure"
	"losslab/i18n"
	"losslab/statestr"
	"losslab/tui/common"
)

// chart is one of the playground's charts: its ID (the name state strings
// and figure files give it), its title, how the screen draws it in w×h
// cells under its legend row, and how a figure draws it. The table below is
// the only list of charts: 'c' cycles through it, state strings look
// charts up in it by ID, and 'f' draws a row's own figure, so a chart
// cannot be added without its figure (TestChartTable holds every row to it).
type chart struct {
	id     string
	title  i18n.ID
	draw   func(m Model, w, h int) string
	figure func(in figureInput, st figure.Style) (*gplot.Plot, error)
}

// figureInput is what a figure is drawn from, copied from the model when
// 'f' is pressed: the figure is drawn in a command, outside Update.
type figureInput struct {
	setting loss.Setting
	history []figure.HistoryPoint
}

// charts are the playground's charts in the order 'c' shows them; the
// first is the one it opens on.
var charts = []chart{
	{statestr.ChartTriplet, i18n.ChartTitleTriplet, Model.tripletChart,
		func(in figureInput, st figure.Style) (*gplot.Plot, error) { return figure.Triplet(in.setting, st) }},
	{statestr.ChartContrastive, i18n.ChartTitleContrastive, Model.contrastiveChart,
		func(in figureInput, st figure.Style) (*gplot.Plot, error) { return figure.Contrastive(in.setting, st) }},
	{statestr.ChartHeatmap, i18n.ChartTitleHeatmap, Model.heatmapChart,
		func(in figureInput, st figure.Style) (*gplot.Plot, error) { return figure.Heatmap(in.setting, st) }},
	{statestr.ChartGeometry, i18n.ChartTitleGeometry, Model.geometryChart,
		func(in figureInput, st figure.Style) (*gplot.Plot, error) { return figure.Geometry(in.setting, st) }},
	{statestr.ChartHistory, i18n.ChartTitleHistory, Model.historyChart,
		func(in figureInput, st figure.Style) (*gplot.Plot, error) { return figure.History(in.history, st) }},
}

// chartIndex is the position in charts of the chart with ID id; "" is the
// first. ok is false for an ID no chart has.
func chartIndex(id string) (i int, ok bool) {
	if id == "" {
		return 0, true
	}
	for i, c := range charts {
		if c.id == id {
			return i, true
		}
	}
	return 0, false
}

// renderChart draws the current chart in w×h cells: a legend row, then the
// plot, so that no legend is written over a curve.
func (m Model) renderChart(w, h int) string {
	if w < 10 || h < 4 {
		return common.PadLines("", w, h)
	}
	return charts[m.chart].draw(m, w, h-1)
}

// figureInput copies what the figures draw from.
func (m Model) figureInput() figureInput {
	history := make([]figure.HistoryPoint, len(m.history))
	for i, h := range m.history {
		history[i] = figure.HistoryPoint{Triplet: h.triplet, Contrastive: h.contrastive}
	}
	return figureInput{setting: m.state.Setting(), history: history}
}
