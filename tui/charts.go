package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/charmbracelet/lipgloss"

	"losslab/core/loss"
)

type chartKind int

const (
	chartTriplet chartKind = iota
	chartContrastive
	chartHeatmap
	chartGeometry
	chartHistory
	numCharts
)

var chartTitles = [numCharts]string{
	"triplet loss against d(a,n)",
	"contrastive loss of one pair against d",
	"triplet loss over d(a,p) (x) and d(a,n) (y)",
	"geometry around the anchor",
	"history of both losses",
}

// chartKey is everything a chart's base picture depends on. Inputs that only
// move a marker are not in it, so moving the marker reuses the picture.
type chartKey struct {
	kind          chartKind
	w, h          int
	color         bool
	a, b, c       float64
	historyLength int
}

type cacheEntry struct {
	key  chartKey
	pic  picture
	plot *plot // for placing markers in data coordinates
}

// chartCache keeps the last base picture of each chart.
type chartCache struct {
	entries map[chartKind]cacheEntry
	looks   map[cellLook]string // rendered cells, shared by every picture
	builds  int                 // how many pictures were drawn (tests check reuse)
}

// maxLooks bounds the rendered-cell memo (braille runes × styles stay far below).
const maxLooks = 1 << 14

func newChartCache() *chartCache {
	return &chartCache{entries: map[chartKind]cacheEntry{}, looks: map[cellLook]string{}}
}

// get returns the chart for key, drawing it with draw on a plot of ranges
// v when the cached one was drawn for other inputs.
func (c *chartCache) get(key chartKey, v view, draw func(p *plot)) cacheEntry {
	old, ok := c.entries[key.kind]
	if ok && old.key == key {
		return old
	}
	c.builds++
	var p *plot
	if ok && old.key.w == key.w && old.key.h == key.h {
		p = old.plot
		p.reset(v)
	} else {
		p = newPlot(key.w, key.h, v)
	}
	draw(p)
	if len(c.looks) > maxLooks {
		clear(c.looks)
	}
	e := cacheEntry{key: key, pic: p.picture(c.looks), plot: p}
	c.entries[key.kind] = e
	return e
}

// renderChart draws the current chart in w×h cells.
func (m Model) renderChart(w, h int) string {
	if w < 10 || h < 3 {
		return padLines("", w, h)
	}
	st, ev := m.styles, m.eval
	dap, dan, mg := ev.DAP, ev.DAN, ev.Margin
	switch m.chart {
	case chartTriplet:
		top := niceMax(dap + mg)
		e := m.charts.get(chartKey{kind: chartTriplet, w: w, h: h, a: dap, b: mg, c: top}, view{0, 3, 0, top, true}, func(p *plot) {
			p.vline(dap, st.Dim)
			p.vline(dap+mg, st.Dim)
			p.curve(func(x float64) float64 { return math.Max(dap-x+mg, 0) }, st.Accent)
			zoneLabel(p, 0, dap, "hard", st.Regime[loss.Hard])
			zoneLabel(p, dap, dap+mg, "semi-hard", st.Regime[loss.SemiHard])
			zoneLabel(p, dap+mg, 3, "easy", st.Regime[loss.Easy])
		})
		return e.pic.with(mark{e.plot.cell(dan, ev.Triplet.Loss), glyph('●', st.Regime[ev.Triplet.Regime])})
	case chartContrastive:
		xmax := 3.0
		top := niceMax(0.5 * math.Pow(math.Max(math.Max(dap, dan), mg), 2) * 1.2)
		e := m.charts.get(chartKey{kind: chartContrastive, w: w, h: h, a: mg, c: top}, view{0, xmax, 0, top, true}, func(p *plot) {
			p.vline(mg, st.Dim)
			p.curve(func(x float64) float64 { return 0.5 * x * x }, st.Positive)
			p.curve(func(x float64) float64 { return 0.5 * math.Pow(math.Max(mg-x, 0), 2) }, st.Negative)
			p.text(canvas.Point{X: p.cell(0, top).X + 1, Y: 0}, "same: ½d²  ·  different: ½max(m−d,0)²  ·  ┊ m", st.Dim)
		})
		var marks []mark
		for i, pr := range ev.Pairs {
			r, style := 'P', st.Positive
			if i == 1 {
				r, style = 'N', st.Negative
			}
			marks = append(marks, mark{e.plot.cell(pr.D, math.Min(pr.Loss, top)), glyph(r, style)})
		}
		return e.pic.with(marks...)
	case chartHeatmap:
		e := m.charts.get(chartKey{kind: chartHeatmap, w: w, h: h, a: mg, color: m.opts.Color}, view{0, 3, 0, 3, true}, func(p *plot) {
			m.heatmap(p, mg)
		})
		at := e.plot.cell(dap, dan)
		return e.pic.with(mark{at, glyph('◆', st.Bold.Background(e.heatAt(at)))})
	case chartGeometry:
		// Braille dots are about square (2×4 per cell, cells twice as tall as
		// wide), so equal units per dot on both axes keep circles round.
		ry := math.Max(math.Max(dap+mg, dan), 0.1) * 1.15
		rx := ry * float64(2*w) / float64(4*h)
		e := m.charts.get(chartKey{kind: chartGeometry, w: w, h: h, a: dap, b: mg, c: ry}, view{-rx, rx, -ry, ry, false}, func(p *plot) {
			m.geometry(p, dap, mg)
		})
		angle := 2.4 // radians: the negative sits up and to the left of the anchor
		return e.pic.with(
			mark{e.plot.cell(0, 0), glyph('A', st.Bold)},
			mark{e.plot.cell(dap, 0), glyph('P', st.Positive)},
			mark{e.plot.cell(dan*math.Cos(angle), dan*math.Sin(angle)), glyph('N', st.Negative)},
		)
	default:
		n := len(m.history)
		e := m.charts.get(chartKey{kind: chartHistory, w: w, h: h, historyLength: n, a: m.historyTop()},
			view{0, math.Max(float64(n-1), 1), 0, m.historyTop(), true}, m.historyPlot)
		return e.pic.with()
	}
}

// heatAt is the background under a heatmap cell, so the marker keeps it.
func (e cacheEntry) heatAt(at canvas.Point) lipgloss.TerminalColor {
	if !e.plot.inside(at) {
		return lipgloss.NoColor{}
	}
	return e.plot.lc.Canvas.Cell(at).Style.GetBackground()
}

// niceMax rounds a chart's top up to a multiple of 0.5 (at least 0.5).
func niceMax(v float64) float64 { return math.Max(0.5, math.Ceil(v*2)/2) }

// zoneLabel centres a label in the data interval [lo, hi] on the top row,
// if it fits.
func zoneLabel(p *plot, lo, hi float64, label string, style lipgloss.Style) {
	a, b := p.cell(lo, 0).X, p.cell(math.Min(hi, p.lc.ViewMaxX()), 0).X
	if b-a-1 < len([]rune(label)) {
		label, _, _ = strings.Cut(label, "-") // "semi-hard" → "semi" in a narrow band
		if b-a-1 < len([]rune(label)) {
			return
		}
	}
	p.text(canvas.Point{X: (a+b)/2 - len([]rune(label))/2 + 1, Y: 0}, label, style)
}

// ramp shades the heatmap when colour is off, lowest first.
const ramp = " .:-=+*#%@"

func (m Model) heatmap(p *plot, mg float64) {
	st := m.styles
	top := 3 + mg // the loss's largest value over [0,3]²
	gw, gh := p.lc.GraphWidth(), p.lc.GraphHeight()
	x0 := p.left()
	heat := make([]lipgloss.Style, len(st.Heat))
	for i, c := range st.Heat {
		heat[i] = st.Base.Background(c)
	}
	for row := range gh {
		dan := 3 * (float64(gh-1-row) + 0.5) / float64(gh)
		for col := range gw {
			dap := 3 * (float64(col) + 0.5) / float64(gw)
			v := math.Max(dap-dan+mg, 0) / top
			pt := canvas.Point{X: x0 + col, Y: row}
			if m.opts.Color {
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
		dap := 3 * (float64(col) + 0.5) / float64(gw)
		for _, dan := range []float64{dap, dap + mg} {
			pt := p.cell(dap, dan)
			pt.X = x0 + col
			if dan <= 3 && p.inside(pt) {
				style := p.lc.Canvas.Cell(pt).Style
				p.lc.Canvas.SetCell(pt, canvas.NewCellWithStyle('/', style.Foreground(lipgloss.Color("#FFFFFF"))))
			}
		}
	}
}

func (m Model) geometry(p *plot, dap, mg float64) {
	st := m.styles
	circle := func(radius float64) []canvas.Float64Point {
		var pts []canvas.Float64Point
		for i := 0; i <= 180; i++ {
			t := 2 * math.Pi * float64(i) / 180
			pts = append(pts, canvas.Float64Point{X: radius * math.Cos(t), Y: radius * math.Sin(t)})
		}
		return pts
	}
	p.braille(st.Positive, circle(dap))
	if mg > 0 {
		p.braille(st.Dim, circle(dap+mg))
	}
	p.text(canvas.Point{X: 0, Y: p.lc.Canvas.Height() - 1}, fmt.Sprintf("inner circle r = d(a,p) = %.2f · outer ring r = d(a,p) + m = %.2f · N between them is semi-hard", dap, dap+mg), st.Dim)
}

// historyTop is the history chart's y range, part of its cache key.
func (m Model) historyTop() float64 {
	top := 0.0
	for _, h := range m.history {
		top = math.Max(top, math.Max(h.triplet, h.contrastive))
	}
	return niceMax(top * 1.1)
}

func (m Model) historyPlot(p *plot) {
	st := m.styles
	n := len(m.history)
	trip := make([]canvas.Float64Point, n)
	for i, pt := range m.history {
		trip[i] = canvas.Float64Point{X: float64(i), Y: pt.triplet}
	}
	if n == 1 {
		trip = append(trip, canvas.Float64Point{X: 1, Y: m.history[0].triplet})
	}
	p.braille(st.Accent, trip)
	// Contrastive as dots, one per cell column, so both series read apart without colour.
	last := -1
	for i, pt := range m.history {
		c := p.cell(float64(i), pt.contrastive)
		if c.X != last && p.inside(c) {
			p.lc.Canvas.SetCell(c, canvas.NewCellWithStyle('•', st.Positive))
			last = c.X
		}
	}
	p.text(canvas.Point{X: p.lc.Origin().X + 2, Y: 0}, fmt.Sprintf("⣿ triplet  • contrastive  (%d states)", n), st.Dim)
}
