package points

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/grid"
)

// raster is a frame's cells being drawn: braille dots in layers, each cell
// in the style of the last layer that touched it, and glyphs (letters,
// arrow tips, the margin's dots) over them.
type raster struct {
	f        Frame
	bits     []uint8 // braille dot bits per cell
	style    []*lipgloss.Style
	glyphs   []string // rendered, one cell wide; "" for none
	rendered map[look]string
}

// look is what a cell's rendering depends on: cells that look alike are
// rendered once.
type look struct {
	style *lipgloss.Style
	r     rune
}

func newRaster(f Frame) *raster {
	n := f.W * f.H
	return &raster{f: f, bits: make([]uint8, n), style: make([]*lipgloss.Style, n), glyphs: make([]string, n), rendered: map[look]string{}}
}

// render is r in style st, rendered once per look.
func (r *raster) render(st *lipgloss.Style, c rune) string {
	k := look{st, c}
	s, ok := r.rendered[k]
	if !ok {
		s = st.Render(string(c))
		r.rendered[k] = s
	}
	return s
}

// brailleBit is the bit of the dot (x mod 2, y mod 4) in a braille cell.
var brailleBit = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// setDot sets dot (x, y) in style st, if it lies in the frame.
func (r *raster) setDot(x, y int, st *lipgloss.Style) {
	if x < 0 || y < 0 || x >= 2*r.f.W || y >= 4*r.f.H {
		return
	}
	i := (y/4)*r.f.W + x/2
	r.bits[i] |= brailleBit[y%4][x%2]
	r.style[i] = st
}

// line draws the segment from a to b in braille.
func (r *raster) line(a, b grid.Point, st *lipgloss.Style) {
	x0, y0 := r.f.dot(a)
	x1, y1 := r.f.dot(b)
	n := max(abs(x1-x0), abs(y1-y0), 1)
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		r.setDot(x0+int(math.Round(t*float64(x1-x0))), y0+int(math.Round(t*float64(y1-y0))), st)
	}
}

// circle draws the circle of radius rad around c in braille, or, dotted,
// as a '·' in every cell it crosses that nothing else has drawn on: a ring
// that reads apart from a braille one without colour.
func (r *raster) circle(c grid.Point, rad float64, st *lipgloss.Style, dotted bool) {
	steps := max(32, int(2*math.Pi*rad/r.f.Unit))
	prev := grid.Point{X: c.X + rad, Y: c.Y}
	for i := 1; i <= steps; i++ {
		t := 2 * math.Pi * float64(i) / float64(steps)
		pt := grid.Point{X: c.X + rad*math.Cos(t), Y: c.Y + rad*math.Sin(t)}
		if dotted {
			r.glyphUnder(pt, '·', st)
		} else {
			r.line(prev, pt, st)
		}
		prev = pt
	}
}

// glyphUnder puts c in the cell of pt unless something is drawn there.
func (r *raster) glyphUnder(pt grid.Point, c rune, st *lipgloss.Style) {
	x, y := r.f.Cell(pt)
	if r.inside(x, y) && r.bits[y*r.f.W+x] == 0 && r.glyphs[y*r.f.W+x] == "" {
		r.glyphAt(x, y, r.render(st, c))
	}
}

func (r *raster) glyphAt(x, y int, rendered string) {
	if r.inside(x, y) {
		r.glyphs[y*r.f.W+x] = rendered
	}
}

func (r *raster) inside(x, y int) bool { return x >= 0 && y >= 0 && x < r.f.W && y < r.f.H }

// String renders the cells, w×h.
func (r *raster) String() string {
	var b strings.Builder
	for y := range r.f.H {
		if y > 0 {
			b.WriteByte('\n')
		}
		for x := range r.f.W {
			i := y*r.f.W + x
			switch {
			case r.glyphs[i] != "":
				b.WriteString(r.glyphs[i])
			case r.bits[i] != 0:
				b.WriteString(r.render(r.style[i], rune(0x2800+int(r.bits[i]))))
			default:
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
