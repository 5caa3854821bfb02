// Package points draws points mode, the playground's second place: the
// anchor, the positive and the negative as points of the plane (a braille
// canvas, the letters A P N), the triplet's boundary and the contrastive
// margin around the anchor (or, under cosine, the unit circle and the
// directions that bound them), and the descent direction −∂L/∂x of each
// loss at each point as an arrow, with a legend of the lengths and why a
// zero is zero. The playground owns the points (core/grid's State.Points)
// and the keys; this package maps between the plane and the cells (Frame)
// and draws (Scene).
package points

import (
	"math"

	"losslab/core/grid"
)

// Box is a rectangle of the plane.
type Box struct{ MinX, MaxX, MinY, MaxY float64 }

// with is b grown to hold pt.
func (b Box) with(pt grid.Point) Box {
	return Box{math.Min(b.MinX, pt.X), math.Max(b.MaxX, pt.X), math.Min(b.MinY, pt.Y), math.Max(b.MaxY, pt.Y)}
}

// around is b grown to hold the disc of radius r around c.
func (b Box) around(c grid.Point, r float64) Box {
	return b.with(grid.Point{X: c.X - r, Y: c.Y - r}).with(grid.Point{X: c.X + r, Y: c.Y + r})
}

// Frame maps the plane to w×h cells of braille dots (2×4 per cell). Cells
// are about twice as tall as wide, so the dots are about square: one unit
// per dot on both axes keeps circles round.
type Frame struct {
	MinX, MinY float64 // the plane's point at the bottom-left dot's centre
	Unit       float64 // plane units per dot
	W, H       int     // cells
}

// fitPad is the room Fit leaves around what it frames, as a share of it.
const fitPad = 0.12

// Fit is the frame of w×h cells that holds b with some room, centred.
func Fit(b Box, w, h int) Frame {
	dw, dh := float64(max(2*w-1, 1)), float64(max(4*h-1, 1))
	bw, bh := math.Max(b.MaxX-b.MinX, 1e-3), math.Max(b.MaxY-b.MinY, 1e-3)
	unit := math.Max(bw/dw, bh/dh) * (1 + 2*fitPad)
	cx, cy := (b.MinX+b.MaxX)/2, (b.MinY+b.MaxY)/2
	return Frame{MinX: cx - unit*dw/2, MinY: cy - unit*dh/2, Unit: unit, W: w, H: h}
}

// Holds reports whether b lies inside the frame.
func (f Frame) Holds(b Box) bool {
	maxX, maxY := f.MinX+f.Unit*float64(2*f.W-1), f.MinY+f.Unit*float64(4*f.H-1)
	return b.MinX >= f.MinX && b.MaxX <= maxX && b.MinY >= f.MinY && b.MaxY <= maxY
}

// Follow is the frame for b after f: f itself while b stays inside it and
// fills a fair part of it (so that moving a point does not rescale the
// plane under it at every key), else a new fit.
func (f Frame) Follow(b Box, w, h int) Frame {
	if f.W == w && f.H == h && f.Unit > 0 && f.Holds(b) {
		fit := Fit(b, w, h)
		if fit.Unit > f.Unit/3 {
			return f
		}
	}
	return Fit(b, w, h)
}

// dot is the dot of plane point pt, x to the right and y down from the
// top-left dot; it may lie outside the frame.
func (f Frame) dot(pt grid.Point) (int, int) {
	x := int(math.Round((pt.X - f.MinX) / f.Unit))
	y := 4*f.H - 1 - int(math.Round((pt.Y-f.MinY)/f.Unit))
	return x, y
}

// Cell is the cell holding plane point pt's dot.
func (f Frame) Cell(pt grid.Point) (int, int) {
	x, y := f.dot(pt)
	return floorDiv(x, 2), floorDiv(y, 4)
}

// At is the plane point at the centre of cell (x, y), on the playground's
// 0.01 grid, as a click there puts a point.
func (f Frame) At(x, y int) grid.Point {
	px := f.MinX + f.Unit*(float64(2*x)+0.5)
	py := f.MinY + f.Unit*(float64(4*f.H-1-4*y)-1.5)
	return grid.Point{X: math.Round(px*100) / 100, Y: math.Round(py*100) / 100}
}

func floorDiv(a, b int) int { return int(math.Floor(float64(a) / float64(b))) }
