// Package dist computes distances between embedding vectors, their gradients,
// and pairwise distance matrices.
//
// Conventions: every distance is ≥ 0 and symmetric; cosine distance is
// 1 − cos(u, v), so it lies in [0, 2]; sqeuclidean is the squared Euclidean
// distance (not a metric: it breaks the triangle inequality). Vectors must be
// non-empty, of equal length and finite; cosine also needs non-zero vectors.
// Problems are reported as *VectorError values that say which input is wrong.
package dist

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Metric names one of the supported distances.
type Metric int

const (
	Euclidean Metric = iota
	SqEuclidean
	Manhattan
	Cosine
)

var metricNames = [...]string{"euclidean", "sqeuclidean", "manhattan", "cosine"}

// Names lists the metric names accepted by Parse, in a stable order.
func Names() []string { return metricNames[:] }

func (m Metric) String() string {
	if m < 0 || int(m) >= len(metricNames) {
		return fmt.Sprintf("Metric(%d)", int(m))
	}
	return metricNames[m]
}

// ErrUnknownMetric is returned by Parse for a name it does not know.
var ErrUnknownMetric = errors.New("unknown distance")

// Parse looks a metric up by its name.
func Parse(name string) (Metric, error) {
	for i, n := range metricNames {
		if n == name {
			return Metric(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q (known: %s)", ErrUnknownMetric, name, strings.Join(metricNames[:], ", "))
}

// Sentinel causes inside a *VectorError.
var (
	ErrEmpty       = errors.New("vector is empty")
	ErrLength      = errors.New("vector lengths differ")
	ErrNotFinite   = errors.New("component is not finite")
	ErrZeroVector  = errors.New("cosine distance is undefined for a zero vector")
	ErrUnsupported = errors.New("unsupported metric")
)

// VectorError says which argument of a two-vector call is wrong (Arg 0 is the
// first, 1 the second) and, for a bad component, which one (Index, else −1).
type VectorError struct {
	Arg   int
	Index int
	Err   error
}

func (e *VectorError) Error() string {
	which := [2]string{"first vector", "second vector"}[e.Arg&1]
	if e.Index >= 0 {
		return fmt.Sprintf("%s: component %d: %v", which, e.Index+1, e.Err)
	}
	return fmt.Sprintf("%s: %v", which, e.Err)
}

func (e *VectorError) Unwrap() error { return e.Err }

// CheckVector reports the first problem with v on its own: empty, or a NaN or
// infinite component. It names the vector as argument arg of a call.
func CheckVector(v []float64, arg int) error {
	if len(v) == 0 {
		return &VectorError{Arg: arg, Index: -1, Err: ErrEmpty}
	}
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return &VectorError{Arg: arg, Index: i, Err: ErrNotFinite}
		}
	}
	return nil
}

func checkPair(m Metric, u, v []float64) error {
	if m < 0 || int(m) >= len(metricNames) {
		return fmt.Errorf("%w: %v", ErrUnsupported, m)
	}
	if err := CheckVector(u, 0); err != nil {
		return err
	}
	if err := CheckVector(v, 1); err != nil {
		return err
	}
	if len(u) != len(v) {
		return &VectorError{Arg: 1, Index: -1, Err: fmt.Errorf("%w: %d and %d", ErrLength, len(u), len(v))}
	}
	if m == Cosine {
		for arg, w := range [2][]float64{u, v} {
			if norm2(w) == 0 {
				return &VectorError{Arg: arg, Index: -1, Err: ErrZeroVector}
			}
		}
	}
	return nil
}

func norm2(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

// Between returns the distance m(u, v).
func (m Metric) Between(u, v []float64) (float64, error) {
	if err := checkPair(m, u, v); err != nil {
		return 0, err
	}
	return m.between(u, v), nil
}

// between assumes checked input.
func (m Metric) between(u, v []float64) float64 {
	switch m {
	case Euclidean:
		return math.Sqrt(sqDiff(u, v))
	case SqEuclidean:
		return sqDiff(u, v)
	case Manhattan:
		var s float64
		for i := range u {
			s += math.Abs(u[i] - v[i])
		}
		return s
	default: // Cosine
		var dot float64
		for i := range u {
			dot += u[i] * v[i]
		}
		return clampCosine(1 - dot/(norm2(u)*norm2(v)))
	}
}

// clampCosine keeps round-off from leaving [0, 2].
func clampCosine(d float64) float64 { return math.Min(math.Max(d, 0), 2) }

func sqDiff(u, v []float64) float64 {
	var s float64
	for i := range u {
		t := u[i] - v[i]
		s += t * t
	}
	return s
}

// Grad writes ∂m(u,v)/∂u into gu and ∂m(u,v)/∂v into gv (each len(u)) and
// returns the distance. Where the distance is not differentiable it uses the
// subgradient 0: Euclidean at u = v (where (u−v)/d would be 0/0) and
// Manhattan in a component where u_i = v_i.
func (m Metric) Grad(u, v, gu, gv []float64) (float64, error) {
	if err := checkPair(m, u, v); err != nil {
		return 0, err
	}
	if len(gu) != len(u) || len(gv) != len(v) {
		return 0, fmt.Errorf("gradient buffers have lengths %d and %d, want %d", len(gu), len(gv), len(u))
	}
	d := m.between(u, v)
	switch m {
	case Euclidean:
		for i := range u {
			g := 0.0
			if d > 0 {
				g = (u[i] - v[i]) / d
			}
			gu[i], gv[i] = g, -g
		}
	case SqEuclidean:
		for i := range u {
			g := 2 * (u[i] - v[i])
			gu[i], gv[i] = g, -g
		}
	case Manhattan:
		for i := range u {
			g := sign(u[i] - v[i])
			gu[i], gv[i] = g, -g
		}
	case Cosine:
		// d = 1 − u·v/(|u||v|); ∂d/∂u = −(v/(|u||v|) − (u·v) u/(|u|³|v|)).
		nu, nv := norm2(u), norm2(v)
		var dot float64
		for i := range u {
			dot += u[i] * v[i]
		}
		for i := range u {
			gu[i] = -(v[i]/(nu*nv) - dot*u[i]/(nu*nu*nu*nv))
			gv[i] = -(u[i]/(nu*nv) - dot*v[i]/(nv*nv*nv*nu))
		}
	}
	return d, nil
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}
