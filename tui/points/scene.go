package points

import (
	"math"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/tui/common"
)

// Loss names the two losses whose gradients points mode draws.
type Loss int

const (
	Triplet Loss = iota
	Contrastive
	NumLosses
)

// Scene is what the plane shows: the points, the margin, what core made of
// them (the losses and their gradients with respect to each point), the
// selected point and the losses a teacher hid (serve --hide), whose arrows
// are not drawn.
type Scene struct {
	Points   grid.Points
	Margin   float64
	Losses   loss.OnPoints
	Selected grid.Which
	Hidden   [NumLosses]bool
	Styles   common.Styles
}

// ArrowScale is the length an arrow is drawn at, in plane units per unit
// of gradient: −∂L/∂x = (−1, 0) is an arrow half a unit long.
const ArrowScale = 0.5

// Arrow is −∂L/∂x of one loss at one point: where it starts and ends on
// the plane, and the gradient's length |∂L/∂x|.
type Arrow struct {
	Point    grid.Which
	Loss     Loss
	From, To grid.Point
	Length   float64
}

// Grad is ∂L/∂x of loss l at point w.
func (s Scene) Grad(l Loss, w grid.Which) (x, y float64) {
	g := s.Losses.TripletGrad
	if l == Contrastive {
		g = s.Losses.ContrastiveGrad
	}
	if g[w] == nil {
		return 0, 0
	}
	return g[w][0], g[w][1]
}

// Arrows are the arrows drawn: every non-zero gradient of a loss not hidden.
func (s Scene) Arrows() []Arrow {
	var out []Arrow
	for l := range NumLosses {
		if s.Hidden[l] {
			continue
		}
		for w := range grid.NumPoints {
			gx, gy := s.Grad(l, w)
			if gx == 0 && gy == 0 {
				continue
			}
			from := s.Points.At[w]
			to := grid.Point{X: from.X - ArrowScale*gx, Y: from.Y - ArrowScale*gy}
			out = append(out, Arrow{Point: w, Loss: l, From: from, To: to, Length: math.Hypot(gx, gy)})
		}
	}
	return out
}

// Direction is the compass direction of the arrow, 0 (east) to 7 counter-
// clockwise in eighths of a turn: the tip glyph drawn for it.
func (a Arrow) Direction() int {
	t := math.Atan2(a.To.Y-a.From.Y, a.To.X-a.From.X)
	return ((int(math.Round(t/(math.Pi/4))) % 8) + 8) % 8
}

// tipGlyphs are the arrow tips by direction: single arrows for the
// triplet loss, double for the contrastive one, which tell them apart
// without colour.
var tipGlyphs = [NumLosses][8]string{
	{"→", "↗", "↑", "↖", "←", "↙", "↓", "↘"},
	{"⇒", "⇗", "⇑", "⇖", "⇐", "⇙", "⇓", "⇘"},
}

// Tip is the glyph at the arrow's tip.
func (a Arrow) Tip() string { return tipGlyphs[a.Loss][a.Direction()] }

// unitRadius is how far cosine's rays reach, past the unit circle.
const unitRadius = 1.25

// Box is what the plane must show: the points, the rings around the anchor
// (Euclidean) or the unit circle and its rays (cosine), the arrows.
func (s Scene) Box() Box {
	a := s.Points.At[grid.A]
	b := Box{a.X, a.X, a.Y, a.Y}
	for _, pt := range s.Points.At {
		b = b.with(pt)
	}
	if s.Points.Metric == dist.Cosine {
		b = b.around(grid.Point{}, unitRadius)
	} else {
		b = b.around(a, s.Losses.Triplet.DAP+s.Margin)
	}
	for _, ar := range s.Arrows() {
		b = b.with(ar.To)
	}
	return b
}

// Draw draws the scene in frame f: w×h cells.
func (s Scene) Draw(f Frame) string {
	st := s.Styles
	r := newRaster(f)
	if s.Points.Metric == dist.Cosine {
		s.drawCosine(r)
	} else {
		a := s.Points.At[grid.A]
		r.circle(a, s.Losses.Triplet.DAP+s.Margin, &st.Dim, false)
		if s.Margin > 0 {
			r.circle(a, s.Margin, &st.Negative, true)
		}
	}
	arrowStyles := [NumLosses]*lipgloss.Style{&st.Accent, &st.Strong}
	arrows := s.Arrows()
	for _, ar := range arrows {
		r.line(ar.From, ar.To, arrowStyles[ar.Loss])
	}
	for _, ar := range arrows {
		x, y := f.Cell(ar.To)
		if px, py := f.Cell(ar.From); x == px && y == py { // shorter than a cell: the tip beside the point
			x, y = px+[8]int{1, 1, 0, -1, -1, -1, 0, 1}[ar.Direction()], py+[8]int{0, -1, -1, -1, 0, 1, 1, 1}[ar.Direction()]
		}
		r.glyphAt(x, y, arrowStyles[ar.Loss].Render(ar.Tip()))
	}
	s.drawLetters(r)
	return r.String()
}

// drawCosine draws what cosine reads: the unit circle, a ray from the
// origin through each point, and the directions at cosine distance m
// (dotted, the contrastive margin) and d(a,p) + m (the triplet's
// boundary) on either side of the anchor's.
func (s Scene) drawCosine(r *raster) {
	st := s.Styles
	o := grid.Point{}
	r.circle(o, 1, &st.Dim, false)
	a := s.Points.At[grid.A]
	base := math.Atan2(a.Y, a.X)
	ray := func(theta float64, style *lipgloss.Style, dotted bool) {
		for _, side := range []float64{1, -1} {
			end := grid.Point{X: unitRadius * math.Cos(base+side*theta), Y: unitRadius * math.Sin(base+side*theta)}
			if !dotted {
				r.line(o, end, style)
				continue
			}
			for k := 1; k <= 12; k++ {
				t := float64(k) / 12
				r.glyphUnder(grid.Point{X: t * end.X, Y: t * end.Y}, '·', style)
			}
		}
	}
	if reach := s.Losses.Triplet.DAP + s.Margin; reach <= 2 {
		ray(math.Acos(1-reach), &st.Dim, false)
	}
	if s.Margin > 0 {
		ray(math.Acos(1-math.Min(s.Margin, 2)), &st.Negative, true)
	}
}

// drawLetters puts A, P and N at the points, the selected one (underlined)
// first, in its own cell; a point whose cell another took moves right.
func (s Scene) drawLetters(r *raster) {
	st := s.Styles
	looks := [grid.NumPoints]struct {
		letter string
		style  *lipgloss.Style
	}{{"A", &st.Bold}, {"P", &st.Positive}, {"N", &st.Negative}}
	order := []grid.Which{s.Selected}
	for w := range grid.NumPoints {
		if w != s.Selected {
			order = append(order, w)
		}
	}
	taken := map[[2]int]bool{}
	for _, w := range order {
		x, y := r.f.Cell(s.Points.At[w])
		for taken[[2]int{x, y}] {
			x++
		}
		taken[[2]int{x, y}] = true
		style := *looks[w].style
		if w == s.Selected {
			style = style.Underline(true)
		}
		r.glyphAt(x, y, style.Render(looks[w].letter))
	}
}
