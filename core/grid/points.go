package grid

import (
	"errors"
	"fmt"
	"math"

	"losslab/core/dist"
	"losslab/core/loss"
)

// Points mode: the anchor, the positive and the negative as points of the
// plane, from which d(a,p) and d(a,n) are derived. While a state's Points
// are on, its Setting carries the exact distances the points give and its
// DAP, DAN fields the nearest values on the 0.01 grid (what the distance
// controls show after leaving points mode).

// Point is a position in the plane. Its coordinates lie on a 1e-12 lattice
// (Snap), so that a state string or a scenario file spells them exactly in
// at most twelve decimals.
type Point struct{ X, Y float64 }

// Which names one of the three points.
type Which int

// The points, in the order loss.OnPoints indexes them.
const (
	A Which = iota
	P
	N
	NumPoints
)

var whichKeys = [NumPoints]string{"a", "p", "n"}

// Key is the point's letter in files and state strings (a, p, n).
func (w Which) Key() string { return whichKeys[w] }

// Points are the three points of points mode and the distance they are
// read with: Euclidean, or cosine with the points read as directions.
type Points struct {
	On     bool
	Metric dist.Metric
	At     [NumPoints]Point
}

// Limits of the plane: every point lies within MaxNorm of the origin, so
// that placing a point anywhere a distance asks stays inside (a point's
// distance to another is at most MaxDistance).
const MaxNorm = 5.0

// Snap puts x on the 1e-12 lattice; −0 becomes 0.
func Snap(x float64) float64 {
	s := math.Round(x*1e12) / 1e12
	if s == 0 {
		return 0
	}
	return s
}

// Snapped is pt with both coordinates on the lattice.
func (pt Point) Snapped() Point { return Point{Snap(pt.X), Snap(pt.Y)} }

func (pt Point) vec() []float64 { return []float64{pt.X, pt.Y} }

// Norm is the point's distance to the origin.
func (pt Point) Norm() float64 { return math.Hypot(pt.X, pt.Y) }

// Why a set of points is refused; a PointsError wraps one.
var (
	ErrPointFar    = errors.New("point too far from the origin")
	ErrPointOrigin = errors.New("point at the origin has no direction")
	ErrPointsApart = errors.New("distance above the playground's maximum")
	ErrPointMetric = errors.New("points are read with euclidean or cosine distance only")
)

// PointsError says which point (or which distance) a refusal is about.
type PointsError struct {
	Point Which // the point at fault; for ErrPointsApart the far one (P or N)
	Value float64
	Err   error
}

func (e *PointsError) Error() string {
	return fmt.Sprintf("%s: %v (%v)", e.Point.Key(), e.Err, e.Value)
}

func (e *PointsError) Unwrap() error { return e.Err }

// Check reports why ps cannot be the playground's points: a point beyond
// MaxNorm, a point at the origin under cosine, or a distance from the
// anchor beyond MaxDistance.
func (ps Points) Check() error {
	if ps.Metric != dist.Euclidean && ps.Metric != dist.Cosine {
		return &PointsError{Err: ErrPointMetric}
	}
	for w, pt := range ps.At {
		switch n := pt.Norm(); {
		case !(n <= MaxNorm): // NaN too
			return &PointsError{Point: Which(w), Value: n, Err: ErrPointFar}
		case ps.Metric == dist.Cosine && n == 0:
			return &PointsError{Point: Which(w), Err: ErrPointOrigin}
		}
	}
	dap, dan, err := ps.distances()
	if err != nil {
		return err
	}
	for w, d := range map[Which]float64{P: dap, N: dan} {
		if d > MaxDistance.Float()+loss.Tol {
			return &PointsError{Point: w, Value: d, Err: ErrPointsApart}
		}
	}
	return nil
}

// Distances are d(a,p) and d(a,n) as the points give them.
func (ps Points) Distances() (dap, dan float64) {
	dap, dan, _ = ps.distances() // Check has refused the points that fail
	return dap, dan
}

func (ps Points) distances() (dap, dan float64, err error) {
	a := ps.At[A].vec()
	if dap, err = ps.Metric.Between(a, ps.At[P].vec()); err != nil {
		return 0, 0, err
	}
	if dan, err = ps.Metric.Between(a, ps.At[N].vec()); err != nil {
		return 0, 0, err
	}
	return dap, dan, nil
}

// Losses are the triplet and contrastive losses of the points with margin
// m and labels yap, yan, and their gradients with respect to each point
// (loss.LossesOnPoints, the one place they are computed).
func (ps Points) Losses(m float64, yap, yan loss.Label) (loss.OnPoints, error) {
	return loss.LossesOnPoints(ps.Metric, ps.At[A].vec(), ps.At[P].vec(), ps.At[N].vec(), m, yap, yan)
}

// Stepped is ps after one gradient step of size lr against grad (one
// gradient per point, as loss.OnPoints gives them): every point moves by
// −lr·∂L/∂x, then onto the lattice.
func (ps Points) Stepped(grad [3][]float64, lr float64) Points {
	for w := range ps.At {
		ps.At[w] = Point{ps.At[w].X - lr*grad[w][0], ps.At[w].Y - lr*grad[w][1]}.Snapped()
	}
	return ps
}

// DefaultPoints is where points mode puts the points of a state that has
// none: the anchor at (1, 0), the positive to its right and the negative
// up and to its left (along (−0.6, 0.8)), at the state's distances. The
// anchor is off the origin so that cosine can read it as a direction.
func DefaultPoints() Points {
	return Points{On: true, At: [NumPoints]Point{{1, 0}, {2, 0}, {0.4, 0.8}}}
}

// placed is ps with the positive and the negative moved so that their
// distances from the anchor are dap and dan: along the line from the
// anchor through where each was (Euclidean), or turned about the origin on
// the same side of the anchor (cosine), the anchor staying where it is.
func (ps Points) placed(dap, dan float64) Points {
	return ps.placedAt(P, dap).placedAt(N, dan)
}

// minCosineNorm is the least length at which cosine places a point.
const minCosineNorm = 0.1

// reaches reports whether the points' distance has value d: cosine
// distance lies in [0, 2].
func (ps Points) reaches(d float64) bool { return ps.Metric != dist.Cosine || d <= 2 }

// placedAt is ps with point w (P or N) moved to distance d from the anchor.
func (ps Points) placedAt(w Which, d float64) Points {
	fallback := map[Which]Point{P: {1, 0}, N: {-0.6, 0.8}}[w]
	ps.At[w] = ps.place(ps.At[w], d, fallback)
	return ps
}

// place moves pt to distance d from the anchor; fallback is the direction
// used when pt gives none (it sits on the anchor, or on its line through
// the origin under cosine, where either side does).
func (ps Points) place(pt Point, d float64, fallback Point) Point {
	a := ps.At[A]
	if ps.Metric == dist.Cosine {
		// 1 − cos θ = d: keep pt's length, turn it to the angle θ from a.
		theta := math.Acos(math.Max(-1, math.Min(1, 1-d)))
		side := 1.0
		if a.X*pt.Y-a.Y*pt.X < 0 {
			side = -1
		}
		// A point very near the origin is placed further out: its direction
		// is held to 1e-12 by the lattice, so a short one would miss d.
		base, r := math.Atan2(a.Y, a.X), math.Max(pt.Norm(), minCosineNorm)
		return Point{r * math.Cos(base+side*theta), r * math.Sin(base+side*theta)}.Snapped()
	}
	u := Point{pt.X - a.X, pt.Y - a.Y}
	if n := u.Norm(); n > 0 {
		u = Point{u.X / n, u.Y / n}
	} else {
		u = fallback
	}
	out := Point{a.X + d*u.X, a.Y + d*u.Y}
	if out.Norm() > MaxNorm { // toward the origin instead, which is inside
		n := a.Norm()
		out = Point{a.X - d*a.X/n, a.Y - d*a.Y/n}
	}
	return out.Snapped()
}

// WithPoints returns s with points ps on (ps.On is set): d(a,p) and
// d(a,n) come from them, the margin and labels stay. It fails, leaving s,
// when ps.Check does.
func (s State) WithPoints(ps Points) (State, error) {
	ps.On = true
	for w := range ps.At {
		ps.At[w] = ps.At[w].Snapped()
	}
	if err := ps.Check(); err != nil {
		return s, err
	}
	dap, dan := ps.Distances()
	s.Points, s.DAP, s.DAN = ps, nearest(dap), nearest(dan)
	return s, nil
}

// WithPointsFrom returns s with points on: prev's points (DefaultPoints
// when prev is off, or cosine and a distance is above 2) with the positive and the negative placed at s's
// distances, so that a state from the distance controls, a preset or a
// step keeps its values in points mode. A state whose points are on
// already is returned as it is.
func (s State) WithPointsFrom(prev Points) State {
	if s.Points.On {
		return s
	}
	if !prev.On || !prev.reaches(s.DAP.Float()) || !prev.reaches(s.DAN.Float()) {
		prev = DefaultPoints()
	}
	out, err := s.WithPoints(prev.placed(s.DAP.Float(), s.DAN.Float()))
	if err != nil { // prev was checked, and placing keeps inside: only a hand-made prev fails
		out, _ = s.WithPoints(DefaultPoints().placed(s.DAP.Float(), s.DAN.Float()))
	}
	return out
}

// WithoutPoints returns s with points mode off: the distances are those
// the points gave, on the 0.01 grid.
func (s State) WithoutPoints() State {
	s.Points = Points{}
	return s
}

// nearest is the grid value nearest to a distance, within the controls'
// range.
func nearest(d float64) Hundredths {
	return min(max(Hundredths(math.Round(d*100)), 0), MaxDistance)
}
