package playground

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/canvas/graph"
	"github.com/NimbleMarkets/ntcharts/linechart"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// picture is a drawn chart with every cell already rendered in its style,
// so that markers can replace cells without rendering the rest again.
type picture struct {
	w, h  int
	cells []string
}

// mark is one cell to draw over a picture.
type mark struct {
	at canvas.Point
	s  string // rendered, one cell wide
}

// with returns the picture as text with the marks drawn over it.
func (p picture) with(marks ...mark) string {
	var b strings.Builder
	for y := range p.h {
		if y > 0 {
			b.WriteByte('\n')
		}
	cells:
		for x := range p.w {
			for _, mk := range marks {
				if mk.at.X == x && mk.at.Y == y {
					b.WriteString(mk.s)
					continue cells
				}
			}
			b.WriteString(p.cells[y*p.w+x])
		}
	}
	return b.String()
}

// plot is a linechart whose layout ntcharts computes, with axes ticked at
// round values by axis.go, and helpers to draw braille curves, glyphs and
// text at data coordinates.
type plot struct {
	lc      linechart.Model
	axes    bool
	intX    bool // the x axis counts (history states): integer ticks
	yLabelW int  // cells reserved left of the y axis, for the current ticks
}

// view is a plot's data ranges and whether it has axes.
type view struct {
	minX, maxX, minY, maxY float64
	axes                   bool
	intX                   bool
}

func newPlot(w, h int, v view) *plot {
	step := 0
	if v.axes {
		step = 2
	}
	p := &plot{axes: v.axes}
	// ntcharts sizes the graph from the y labels' width; ours come from the
	// ticks chosen in reset, so the formatter only reports that width.
	reserve := func(int, float64) string { return strings.Repeat("0", p.yLabelW) }
	p.lc = linechart.New(w, h, v.minX, v.maxX, v.minY, v.maxY,
		linechart.WithXYSteps(step*5, step),
		linechart.WithYLabelFormatter(reserve))
	p.reset(v)
	return p
}

// reset clears the plot for new ranges, keeping its canvas: a canvas of
// styled cells is the costliest part of a chart to allocate, and ntcharts'
// Clear allocates a new one, so the cells are zeroed in place.
func (p *plot) reset(v view) {
	blank := canvas.Cell{}
	for y := range p.lc.Canvas.Height() {
		for x := range p.lc.Canvas.Width() {
			p.lc.Canvas.SetCell(canvas.Point{X: x, Y: y}, blank)
		}
	}
	p.intX = v.intX
	var yt ticks
	if p.axes {
		yt = yTicks(v.minY, v.maxY, p.lc.Canvas.Height()-2)
		p.yLabelW = yt.width()
	}
	p.lc.SetXYRange(v.minX, v.maxX, v.minY, v.maxY)
	p.lc.SetViewXYRange(v.minX, v.maxX, v.minY, v.maxY)
	p.lc.UpdateGraphSizes()
	if p.axes {
		p.drawAxes(yt)
	}
}

// grid is a braille grid over the graphing area in data coordinates.
func (p *plot) grid() *graph.BrailleGrid {
	return graph.NewBrailleGrid(p.lc.GraphWidth(), p.lc.GraphHeight(), p.lc.ViewMinX(), p.lc.ViewMaxX(), p.lc.ViewMinY(), p.lc.ViewMaxY())
}

// left is the first canvas column of the graphing area.
func (p *plot) left() int {
	if p.axes {
		return p.lc.Origin().X + 1
	}
	return 0
}

// cell returns the canvas cell of the data point (x, y): the cell holding
// the braille dot of that point (BrailleGrid.GridPoint's mapping, without
// building a grid), so markers sit exactly on the curves.
func (p *plot) cell(x, y float64) canvas.Point {
	dotsX, dotsY := 2*p.lc.GraphWidth(), 4*p.lc.GraphHeight()
	dx := (x - p.lc.ViewMinX()) * float64(dotsX-1) / (p.lc.ViewMaxX() - p.lc.ViewMinX())
	dy := (y - p.lc.ViewMinY()) * float64(dotsY-1) / (p.lc.ViewMaxY() - p.lc.ViewMinY())
	// Rounded to 1e-6 of a dot first, so that 0.7 − 0.2 (0.49999999999999994)
	// lands on the dot of 0.5, where its tick label is.
	dotX, dotY := int(math.Round(math.Round(dx*1e6)/1e6)), dotsY-1-int(math.Round(math.Round(dy*1e6)/1e6))
	return canvas.Point{X: p.left() + floorDiv(dotX, 2), Y: floorDiv(dotY, 4)}
}

func floorDiv(a, b int) int { return int(math.Floor(float64(a) / float64(b))) }

// inside tells whether a canvas cell lies in the graphing area.
func (p *plot) inside(pt canvas.Point) bool {
	return pt.X >= p.left() && pt.X < p.left()+p.lc.GraphWidth() && pt.Y >= 0 && pt.Y < p.lc.GraphHeight()
}

// braille draws polylines through data points as braille dots, clipped to
// the view.
func (p *plot) braille(style lipgloss.Style, lines ...[]canvas.Float64Point) {
	g := p.grid()
	maxX, maxY := 2*p.lc.GraphWidth()-1, 4*p.lc.GraphHeight()-1
	for _, pts := range lines {
		for i := 1; i < len(pts); i++ {
			for _, d := range graph.GetLinePoints(g.GridPoint(pts[i-1]), g.GridPoint(pts[i])) {
				if d.X >= 0 && d.X <= maxX && d.Y >= 0 && d.Y <= maxY {
					g.Set(d)
				}
			}
		}
	}
	graph.DrawBraillePatterns(&p.lc.Canvas, canvas.Point{X: p.left(), Y: 0}, g.BraillePatterns(), style)
}

// curve samples f twice per cell column (the braille resolution).
func (p *plot) curve(f func(float64) float64, style lipgloss.Style) {
	n := 2 * p.lc.GraphWidth()
	pts := make([]canvas.Float64Point, 0, n+1)
	lo, hi := p.lc.ViewMinX(), p.lc.ViewMaxX()
	for i := 0; i <= n; i++ {
		x := lo + (hi-lo)*float64(i)/float64(n)
		pts = append(pts, canvas.Float64Point{X: x, Y: f(x)})
	}
	p.braille(style, pts)
}

// vline draws a dotted vertical line at data x through the graphing area.
func (p *plot) vline(x float64, style lipgloss.Style) {
	col := p.cell(x, 0).X
	for y := range p.lc.GraphHeight() {
		pt := canvas.Point{X: col, Y: y}
		if p.inside(pt) && p.lc.Canvas.Cell(pt).Rune == 0 {
			p.lc.Canvas.SetCell(pt, canvas.NewCellWithStyle('┊', style))
		}
	}
}

// cellLook is what a chart cell's rendering depends on: the rune and the
// style attributes charts use. Cells that look alike render alike, so each
// look is rendered once per picture instead of once per cell.
type cellLook struct {
	r           rune
	fg, bg      lipgloss.TerminalColor
	bold, faint bool
}

// picture renders every cell, each look once: rendered keeps the looks of
// earlier pictures (the colour profile does not change while running).
func (p *plot) picture(rendered map[cellLook]string) picture {
	w, h := p.lc.Canvas.Width(), p.lc.Canvas.Height()
	pic := picture{w: w, h: h, cells: make([]string, w*h)}
	for y := range h {
		for x := range w {
			c := p.lc.Canvas.Cell(canvas.Point{X: x, Y: y})
			if c.Rune == 0 { // never drawn on, so unstyled: most of a chart
				pic.cells[y*w+x] = " "
				continue
			}
			look := cellLook{c.Rune, c.Style.GetForeground(), c.Style.GetBackground(), c.Style.GetBold(), c.Style.GetFaint()}
			s, ok := rendered[look]
			if !ok {
				s = c.Style.Render(string(look.r))
				rendered[look] = s
			}
			pic.cells[y*w+x] = s
		}
	}
	return pic
}

// glyph renders a one-cell marker.
func glyph(r rune, style lipgloss.Style) string { return style.Render(string(r)) }

// dots draws f as one glyph per cell column: a curve that reads apart from
// braille curves without colour.
func (p *plot) dots(f func(float64) float64, r rune, style lipgloss.Style) {
	lo, hi := p.lc.ViewMinX(), p.lc.ViewMaxX()
	gw := p.lc.GraphWidth()
	for col := range gw {
		x := lo + (hi-lo)*(float64(col)+0.5)/float64(gw)
		if c := p.cell(x, f(x)); p.inside(c) {
			p.lc.Canvas.SetCell(canvas.Point{X: p.left() + col, Y: c.Y}, canvas.NewCellWithStyle(r, style))
		}
	}
}

// row is one line of cells on which labels are placed at columns.
type row []string

func newRow(w int) row {
	r := make(row, w)
	for i := range r {
		r[i] = " "
	}
	return r
}

// put writes s from column x in style, clipped to the row. A wide
// character (Chinese) takes two cells: the second is left empty.
func (r row) put(x int, s string, style lipgloss.Style) {
	for _, c := range s {
		w := max(ansi.StringWidth(string(c)), 1)
		if x >= 0 && x+w <= len(r) {
			r[x] = style.Render(string(c))
			for k := 1; k < w; k++ {
				r[x+k] = ""
			}
		}
		x += w
	}
}

func (r row) String() string { return strings.Join(r, "") }
