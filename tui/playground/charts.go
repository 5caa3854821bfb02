package playground

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/statestr"
	"losslab/tui/common"
)

// How the playground's charts draw on screen; the chart table
// (charttable.go) lists them.

// tripletAt, pairAt are the curves the charts draw: core/loss's own
// functions, so a chart never disagrees with the numbers beside it.
func tripletAt(dap, dan, m float64) float64 {
	t, _ := loss.TripletLoss(dap, dan, m) // chart inputs are ≥ 0
	return t.Loss
}

func pairAt(d, m float64, y loss.Label) float64 {
	pr, _ := loss.ContrastivePair(d, m, y)
	return pr.Loss
}

// tripletChart is the triplet loss against d(a,n) over its three zones,
// the state's d(a,n) marked in its regime's colour.
func (m Model) tripletChart(w, h int) string {
	st, ev, pr := m.styles, m.eval, m.printer()
	dap, dan, mg := ev.DAP, ev.DAN, ev.Margin
	maxD := grid.MaxDistance.Float()
	top := niceTop(dap + mg)
	e := m.charts.get(chartKey{pane: statestr.ChartTriplet, w: w, h: h, a: dap, b: mg, c: top}, view{0, maxD, 0, top, true, false}, func(p *plot) {
		p.vline(dap, st.Dim)
		p.vline(dap+mg, st.Dim)
		p.curve(func(x float64) float64 { return tripletAt(dap, x, mg) }, st.Accent)
	})
	legend := newRow(w)
	zones := []struct {
		lo, hi      float64
		long, short i18n.ID
		style       lipgloss.Style
	}{
		{0, dap, i18n.ChartZoneHard, i18n.ChartZoneHard, st.Regime[loss.Hard]},
		{dap, dap + mg, i18n.ChartZoneSemi, i18n.ChartZoneSemiShort, st.Regime[loss.SemiHard]},
		{dap + mg, maxD, i18n.ChartZoneEasy, i18n.ChartZoneEasy, st.Regime[loss.Easy]},
	}
	for _, z := range zones {
		a, b := e.plot.cell(z.lo, 0).X, e.plot.cell(math.Min(z.hi, maxD), 0).X
		for _, label := range []string{pr.T(z.long), pr.T(z.short)} {
			if n := ansi.StringWidth(label); b-a-1 >= n {
				legend.put((a+b)/2-n/2+1, label, z.style)
				break
			}
		}
	}
	return legend.String() + "\n" + e.pic.with(mark{e.plot.cell(dan, ev.Triplet.Loss), glyph('●', st.Regime[ev.Triplet.Regime])})
}

// heatmapChart shades the triplet loss over every (d(a,p), d(a,n)), with
// the state marked.
func (m Model) heatmapChart(w, h int) string {
	if h-axisRows < heatMinRows { // a few rows of shade say nothing: say where it can be read
		return m.heatTooShort(w, h)
	}
	st, ev := m.styles, m.eval
	dap, dan, mg := ev.DAP, ev.DAN, ev.Margin
	maxD := grid.MaxDistance.Float()
	top := tripletAt(maxD, 0, mg) // the loss's largest value over the grid's square
	e := m.charts.get(chartKey{pane: statestr.ChartHeatmap, w: w, h: h, a: mg, color: m.ctx.Color}, view{0, maxD, 0, maxD, true, false}, func(p *plot) {
		m.heatmap(p, mg, top)
	})
	at := e.plot.cell(dap, dan)
	return m.heatLegend(w, top) + "\n" + e.pic.with(mark{at, glyph('◆', st.Bold.Background(e.heatAt(at)))})
}

// geometryChart draws the anchor, the positive and the negative as points
// of the plane, with the triplet's rings and the contrastive margin.
func (m Model) geometryChart(w, h int) string {
	st, ev, pr := m.styles, m.eval, m.printer()
	dap, dan, mg := ev.DAP, ev.DAN, ev.Margin
	// Braille dots are about square (2×4 per cell, cells twice as tall as
	// wide), so equal units per dot on both axes keep circles round.
	ry := math.Max(math.Max(dap+mg, dan), 0.1) * 1.15
	rx := ry * float64(2*w) / float64(4*h)
	e := m.charts.get(chartKey{pane: statestr.ChartGeometry, w: w, h: h, a: dap, b: mg, c: ry}, view{-rx, rx, -ry, ry, false, false}, func(p *plot) {
		m.geometry(p, dap, mg)
	})
	angle := 2.4 // radians: the negative sits up and to the left of the anchor
	a := e.plot.cell(0, 0)
	pc := e.plot.cell(dap, 0)
	if pc == a { // a tiny d(a,p): keep P readable beside A
		pc.X++
	}
	nc := e.plot.cell(dan*math.Cos(angle), dan*math.Sin(angle))
	if nc == a || nc == pc {
		nc.X = a.X - 1
	}
	in := func(x float64) string { return numfmt.Input(x) }
	legend := common.FitFirst(w,
		pr.T(i18n.ChartGeomLegend, in(dap), in(dap+mg), in(mg)),
		pr.T(i18n.ChartGeomLegendShort, in(dap), in(dap+mg), in(mg)),
		pr.T(i18n.ChartGeomLegendTiny, in(dap), in(dap+mg), in(mg)))
	if mg == 0 { // nothing but the circle is drawn
		legend = common.FitFirst(w, pr.T(i18n.ChartGeomNoMargin, in(dap)), pr.T(i18n.ChartGeomNoMarginTiny, in(dap)))
	}
	return common.PadLines(st.Dim.Render(legend), w, 1) + "\n" + e.pic.with(
		mark{a, glyph('A', st.Bold)},
		mark{pc, glyph('P', st.Positive)},
		mark{nc, glyph('N', st.Negative)},
	)
}

// historyChart is both losses over the states the user went through.
func (m Model) historyChart(w, h int) string {
	st, pr := m.styles, m.printer()
	n := len(m.history)
	top := m.historyTop()
	// One state is x = 1 in the middle of [0.5, 1.5]: an axis to 2 would
	// label a state that does not exist.
	lo, hi := 1.0, float64(n)
	if n < 2 {
		lo, hi = 0.5, 1.5
	}
	e := m.charts.get(chartKey{pane: statestr.ChartHistory, w: w, h: h, historyLength: n, a: top},
		view{lo, hi, 0, top, true, true}, m.historyPlot)
	count := pr.N(i18n.ChartHistoryStates, int64(n), numfmt.Count(int64(n)))
	legend := newRow(w)
	legend.put(e.plot.left(), pr.T(i18n.ChartHistoryLegend, count), st.Dim)
	return legend.String() + "\n" + e.pic.with()
}

// contrastiveDiffPane keys the contrastive chart's second pane, the
// different-class curve on its own scale, in the chart cache.
const contrastiveDiffPane = statestr.ChartContrastive + "-different"

// contrastiveChart draws the two branches of the contrastive loss side by
// side, each on its own y scale: ½d² for a same pair reaches 4.5 while the
// different-pair curve peaks at ½m², which one scale would flatten.
func (m Model) contrastiveChart(w, h int) string {
	st, ev, pr := m.styles, m.eval, m.printer()
	mg := ev.Margin
	xTop := niceTop(math.Max(math.Max(ev.DAP, ev.DAN), 1.5*mg) * 1.1)
	lw := (w - 1) / 2
	rw := w - 1 - lw
	pull := func(d float64) float64 { return pairAt(d, mg, loss.Same) }
	push := func(d float64) float64 { return pairAt(d, mg, loss.Different) }
	lTop, rTop := niceTop(pull(xTop)), niceTop(math.Max(push(0), 0.01))
	left := m.charts.get(chartKey{pane: statestr.ChartContrastive, w: lw, h: h, a: xTop, c: lTop}, view{0, xTop, 0, lTop, true, false}, func(p *plot) {
		p.curve(pull, st.Positive)
	})
	right := m.charts.get(chartKey{pane: contrastiveDiffPane, w: rw, h: h, a: xTop, b: mg, c: rTop}, view{0, xTop, 0, rTop, true, false}, func(p *plot) {
		p.vline(mg, st.Dim)
		p.dots(push, '•', st.Negative)
	})
	var lm, rm []mark
	for i, pair := range ev.Pairs {
		r, style := 'P', st.Positive
		if i == 1 {
			r, style = 'N', st.Negative
		}
		if pair.Branch == loss.Pull {
			lm = append(lm, mark{left.plot.cell(pair.D, pair.Loss), glyph(r, style)})
		} else {
			rm = append(rm, mark{right.plot.cell(pair.D, pair.Loss), glyph(r, style)})
		}
	}
	legend := common.PadLines(st.Positive.Render(common.FitFirst(lw, pr.T(i18n.ChartSameLegend))), lw, 1) + " " +
		common.PadLines(st.Negative.Render(common.FitFirst(rw, pr.T(i18n.ChartDiffLegend, numfmt.Loss(push(0))), pr.T(i18n.ChartDiffLegendShort))), rw, 1)
	return legend + "\n" + sideBySideGap(left.pic.with(lm...), right.pic.with(rm...), " ")
}

// sideBySideGap joins two blocks of equal height line by line with gap.
func sideBySideGap(a, b, gap string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range al {
		al[i] += gap + bl[i]
	}
	return strings.Join(al, "\n")
}

// heatMinRows is the fewest rows in which the heatmap's zones read; below
// them the chart says from which terminal height it has them. axisRows are
// the rows a plot with axes gives to the x axis and its labels.
const (
	heatMinRows = 8
	axisRows    = 2
)

// heatTooShort fills the chart's w×(h+1) cells (its legend row and h rows
// of plot) with where the heatmap can be read: how many more rows the
// layout needs to give it heatMinRows, and the figure.
func (m Model) heatTooShort(w, h int) string {
	need, tall := heatMinRows-(h-axisRows), m
	for tall.height = m.height + 1; tall.height < m.height+100; tall.height++ {
		if tall.layout().chartH-m.layout().chartH >= need {
			break
		}
	}
	more := tall.height - m.height // rows, not a height: the shell around the mode may take some
	text := m.printer().N(i18n.ChartHeatTooShort, int64(more), more, heatMinRows)
	return common.PadLines(common.FitLines(text, w, h+1, m.styles.Dim), w, h+1)
}

// heatLegend explains the heatmap's shading: a strip of its colours, or
// the character ramp when colour is off.
func (m Model) heatLegend(w int, top float64) string {
	st, pr := m.styles, m.printer()
	topS := numfmt.Loss(top)
	if !m.ctx.Color {
		return common.PadLines(st.Dim.Render(common.FitFirst(w, pr.T(i18n.ChartHeatRamp, ramp, topS), pr.T(i18n.ChartHeatRampShort, ramp, topS))), w, 1)
	}
	var strip strings.Builder
	for _, c := range st.Heat {
		strip.WriteString(st.Base.Background(c).Render(" "))
	}
	text := pr.T(i18n.ChartHeatColour, topS)
	return common.PadLines("0 "+strip.String()+" "+st.Dim.Render(common.FitFirst(w-len(st.Heat)-3, text, topS)), w, 1)
}

// heatAt is the background under a heatmap cell, so the marker keeps it.
func (e cacheEntry) heatAt(at canvas.Point) lipgloss.TerminalColor {
	if !e.plot.inside(at) {
		return lipgloss.NoColor{}
	}
	return e.plot.lc.Canvas.Cell(at).Style.GetBackground()
}

// niceTop rounds a chart's top up to 1, 2, 2.5 or 5 times a power of ten,
// so that its ticks fall on round values.
func niceTop(v float64) float64 {
	if !(v > 0) {
		return 0.5
	}
	p := math.Pow10(int(math.Floor(math.Log10(v))))
	for _, k := range []float64{1, 2, 2.5, 5, 10} {
		if k*p >= v-1e-12 {
			return k * p
		}
	}
	return 10 * p
}

// ramp shades the heatmap when colour is off, lowest first.
const ramp = " .:-=+*#%@"

func (m Model) heatmap(p *plot, mg, top float64) {
	st := m.styles
	maxD := grid.MaxDistance.Float()
	gw, gh := p.lc.GraphWidth(), p.lc.GraphHeight()
	x0 := p.left()
	heat := make([]lipgloss.Style, len(st.Heat))
	for i, c := range st.Heat {
		heat[i] = st.Base.Background(c)
	}
	for row := range gh {
		dan := maxD * (float64(gh-1-row) + 0.5) / float64(gh)
		for col := range gw {
			dap := maxD * (float64(col) + 0.5) / float64(gw)
			v := tripletAt(dap, dan, mg) / top
			pt := canvas.Point{X: x0 + col, Y: row}
			if m.ctx.Color {
				i := min(int(v*float64(len(heat))), len(heat)-1)
				p.lc.Canvas.SetCell(pt, canvas.NewCellWithStyle(' ', heat[i]))
			} else {
				i := min(int(v*float64(len(ramp))), len(ramp)-1)
				p.lc.Canvas.SetCell(pt, canvas.NewCell(rune(ramp[i])))
			}
		}
	}
	// The lines d(a,n) = d(a,p) (hard | semi-hard) and d(a,n) = d(a,p) + m (semi-hard | easy).
	for col := range gw {
		dap := maxD * (float64(col) + 0.5) / float64(gw)
		for _, dan := range []float64{dap, dap + mg} {
			pt := p.cell(dap, dan)
			pt.X = x0 + col
			if dan <= maxD && p.inside(pt) {
				style := p.lc.Canvas.Cell(pt).Style
				p.lc.Canvas.SetCell(pt, canvas.NewCellWithStyle('/', style.Foreground(st.HeatLine)))
			}
		}
	}
}

func (m Model) geometry(p *plot, dap, mg float64) {
	st := m.styles
	p.braille(st.Positive, circle(dap))
	if mg > 0 {
		p.braille(st.Dim, circle(dap+mg))
		// The contrastive margin: a radius around the anchor, dotted so that
		// it reads apart from the triplet's ring without colour.
		for _, pt := range circle(mg) {
			if c := p.cell(pt.X, pt.Y); p.inside(c) && p.lc.Canvas.Cell(c).Rune == 0 {
				p.lc.Canvas.SetCell(c, canvas.NewCellWithStyle('·', st.Negative))
			}
		}
	}
}

// circle is a closed polyline of radius r around the origin.
func circle(r float64) []canvas.Float64Point {
	pts := make([]canvas.Float64Point, 0, 181)
	for i := 0; i <= 180; i++ {
		t := 2 * math.Pi * float64(i) / 180
		pts = append(pts, canvas.Float64Point{X: r * math.Cos(t), Y: r * math.Sin(t)})
	}
	return pts
}

// historyTop is the history chart's y range, part of its cache key.
func (m Model) historyTop() float64 {
	top := 0.0
	for _, h := range m.history {
		top = math.Max(top, math.Max(h.triplet, h.contrastive))
	}
	return niceTop(top * 1.1)
}

// historyPlot draws state i at x = i+1: the triplet loss as a braille line
// (a single dot for one state), the contrastive loss as • per state, so
// both read apart without colour and one state draws both as one point.
func (m Model) historyPlot(p *plot) {
	st := m.styles
	trip := make([]canvas.Float64Point, len(m.history))
	for i, pt := range m.history {
		trip[i] = canvas.Float64Point{X: float64(i + 1), Y: pt.triplet}
	}
	if len(trip) == 1 {
		trip = append(trip, trip[0]) // a line of length 0 is its one dot
	}
	p.braille(st.Accent, trip)
	last := -1
	for i, pt := range m.history {
		c := p.cell(float64(i+1), pt.contrastive)
		if c.X != last && p.inside(c) {
			p.lc.Canvas.SetCell(c, canvas.NewCellWithStyle('•', st.Positive))
			last = c.X
		}
	}
}
