package grid

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"losslab/core/dist"
	"losslab/core/loss"
)

// The article's example in points mode: the default points (a 3-4-5
// triangle) give d(a,p) = 0.7 and d(a,n) = 0.5 exactly enough that every
// loss is the one the controls give.
func TestArticleInPointsMode(t *testing.T) {
	s := Article().WithPointsFrom(Points{})
	want := [NumPoints]Point{{1, 0}, {1.7, 0}, {0.7, 0.4}}
	if !s.Points.On || s.Points.At != want {
		t.Fatalf("points %+v, want on at %v", s.Points, want)
	}
	if s.DAP != 70 || s.DAN != 50 {
		t.Errorf("controls' values %v, %v", s.DAP, s.DAN)
	}
	set := s.Setting()
	if math.Abs(set.DAP-0.7) > 1e-15 || math.Abs(set.DAN-0.5) > 1e-15 {
		t.Errorf("setting %v, %v", set.DAP, set.DAN)
	}
	back := s.WithoutPoints()
	if back.Points.On || back.Setting() != Article().Setting() {
		t.Errorf("leaving points mode: %+v", back)
	}
	if s.WithPointsFrom(Points{}) != s {
		t.Error("a state in points mode was placed again")
	}
}

// Moving a point changes the distances it takes part in, exactly; the
// controls hold them on the 0.01 grid.
func TestDistancesFollowThePoints(t *testing.T) {
	s := Article().WithPointsFrom(Points{})
	ps := s.Points
	ps.At[P] = Point{1.5, 0.5} // d(a,p) = √(0.25 + 0.25) = 0.70710678…
	got, err := s.WithPoints(ps)
	if err != nil {
		t.Fatal(err)
	}
	if d := got.Setting().DAP; math.Abs(d-math.Sqrt(0.5)) > 1e-15 || got.DAP != 71 {
		t.Errorf("d(a,p) = %v, control %v; want √0.5, 0.71", d, got.DAP)
	}
	e, err := loss.Evaluate(got.Setting())
	if err != nil {
		t.Fatal(err)
	}
	if want := math.Sqrt(0.5) - 0.5 + 0.2; math.Abs(e.Triplet.Loss-want) > 1e-15 {
		t.Errorf("triplet %v, want %v", e.Triplet.Loss, want)
	}
}

// A distance set by a control, a preset or a step moves its point along
// the line from the anchor (Euclidean) or turns it about the origin
// (cosine): the anchor and the other point stay.
func TestWithValueMovesItsPoint(t *testing.T) {
	for _, metric := range []dist.Metric{dist.Euclidean, dist.Cosine} {
		t.Run(metric.String(), func(t *testing.T) {
			s := Article().WithPointsFrom(Points{})
			s.Points.Metric = metric
			s, err := s.WithPoints(s.Points)
			if err != nil {
				t.Fatal(err)
			}
			got := s.WithValue(DAN, 120)
			if !got.Points.On || got.Points.At[A] != s.Points.At[A] || got.Points.At[P] != s.Points.At[P] {
				t.Fatalf("points %+v, from %+v", got.Points.At, s.Points.At)
			}
			if d := got.Setting().DAN; math.Abs(d-1.2) > 1e-9 || got.DAN != 120 {
				t.Errorf("d(a,n) = %v (control %v), want 1.2", d, got.DAN)
			}
		})
	}
	// Cosine reaches no distance above 2: the value leaves points mode.
	s := Article().WithPointsFrom(Points{})
	s.Points.Metric = dist.Cosine
	s, _ = s.WithPoints(s.Points)
	if got := s.WithValue(DAN, 250); got.Points.On || got.DAN != 250 {
		t.Errorf("cosine at 2.5: %+v", got)
	}
}

// Placing points at any grid distances from any valid points realises
// them to well within loss.Tol, so that a preset's boundary cases (a hinge
// exactly 0) stay on the same side in points mode.
func TestPlacingRealisesDistances(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 3000 {
		metric := []dist.Metric{dist.Euclidean, dist.Cosine}[r.IntN(2)]
		prev := Points{On: true, Metric: metric}
		for w := range prev.At {
			ang, rad := 2*math.Pi*r.Float64(), MaxNorm*r.Float64()
			if r.IntN(10) == 0 {
				rad = 0
			}
			prev.At[w] = Point{rad * math.Cos(ang), rad * math.Sin(ang)}.Snapped()
		}
		if prev.Check() != nil {
			continue
		}
		maxD := 300
		if metric == dist.Cosine {
			maxD = 200
		}
		s := State{DAP: Hundredths(r.IntN(maxD + 1)), DAN: Hundredths(r.IntN(maxD + 1)), Margin: 20}
		got := s.WithPointsFrom(prev)
		if !got.Points.On {
			t.Fatalf("from %+v: not placed", prev)
		}
		if got.Points.Metric == metric && got.Points.At[A] != prev.At[A] {
			t.Fatalf("the anchor moved: %v to %v", prev.At[A], got.Points.At[A])
		}
		set := got.Setting()
		if math.Abs(set.DAP-s.DAP.Float()) > 1e-10 || math.Abs(set.DAN-s.DAN.Float()) > 1e-10 {
			t.Fatalf("%v from %+v: distances %v, %v; want %v, %v", metric, prev.At, set.DAP, set.DAN, s.DAP, s.DAN)
		}
		if got.DAP != s.DAP || got.DAN != s.DAN {
			t.Fatalf("controls %v, %v; want %v, %v", got.DAP, got.DAN, s.DAP, s.DAN)
		}
	}
}

// Points that cannot be the playground's are refused with the point at
// fault and why.
func TestPointsRefused(t *testing.T) {
	base := Article().WithPointsFrom(Points{})
	for _, c := range []struct {
		name  string
		edit  func(*Points)
		which Which
		want  error
	}{
		{"beyond the plane", func(ps *Points) { ps.At[N] = Point{4, 3.1} }, N, ErrPointFar},
		{"not a number", func(ps *Points) { ps.At[A] = Point{math.NaN(), 0} }, A, ErrPointFar},
		{"the negative too far", func(ps *Points) { ps.At[N] = Point{-2.5, 0} }, N, ErrPointsApart},
		{"cosine at the origin", func(ps *Points) { ps.Metric, ps.At[P] = dist.Cosine, Point{} }, P, ErrPointOrigin},
		{"another distance", func(ps *Points) { ps.Metric = dist.Manhattan }, A, ErrPointMetric},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := base.Points
			c.edit(&ps)
			got, err := base.WithPoints(ps)
			var pe *PointsError
			if !errors.Is(err, c.want) || !errors.As(err, &pe) || pe.Point != c.which {
				t.Fatalf("error %v, want %v about %s", err, c.want, c.which.Key())
			}
			if got != base {
				t.Error("a refused move changed the state")
			}
		})
	}
}

// The lattice: coordinates spell in at most twelve decimals, and a
// gradient step moves every point by −lr·∂L/∂x.
func TestLatticeAndStep(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for range 10000 {
		x := Snap((2*r.Float64() - 1) * MaxNorm)
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if _, frac, _ := strings.Cut(s, "."); len(frac) > 12 {
			t.Fatalf("%v spells %s", x, s)
		}
	}
	if Snap(-1e-13) != 0 || math.Signbit(Snap(-1e-13)) {
		t.Error("−0 on the lattice")
	}
	ps := Article().WithPointsFrom(Points{}).Points
	got := ps.Stepped([3][]float64{{-1.6, 0.8}, {1, 0}, {0.6, -0.8}}, 0.1)
	want := [NumPoints]Point{{1.16, -0.08}, {1.6, 0}, {0.64, 0.48}}
	if got.At != want {
		t.Errorf("step: %v, want %v", got.At, want)
	}
}
