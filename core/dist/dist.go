// Package dist computes distances between embedding vectors, their gradients,
// their similarity forms, and pairwise distance matrices.
//
// Conventions: every distance is ≥ 0 and symmetric, in the units of the
// embedding (squared units for sqeuclidean); cosine distance is
// 1 − cos(u, v), so it lies in [0, 2]; sqeuclidean is the squared Euclidean
// distance (not a metric: it breaks the triangle inequality). A similarity is
// the same comparison the other way round, larger meaning closer: cos(u, v)
// for cosine, −d for the others (see Form). Vectors must be non-empty, of
// equal length and finite; cosine also needs non-zero vectors.
//
// Norms and distances are computed scale-safely, as math.Hypot and gonum's
// floats.Norm are: components near 1e±300 give the right answer, not 0, Inf or
// NaN. A distance that float64 cannot hold is an error (ErrNotRepresentable),
// never +Inf. Problems are reported as *VectorError values that say which
// input is wrong.
package dist

import (
	"errors"
	"fmt"
	"math"
	"slices"
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

// Names lists the metric names accepted by Parse, in a stable order. The
// slice is the caller's own.
func Names() []string { return slices.Clone(metricNames[:]) }

// Count is the number of metrics: Metric(0) … Metric(Count−1) are valid.
const Count = len(metricNames)

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
	// ErrNotRepresentable: the distance exceeds the largest float64.
	ErrNotRepresentable = errors.New("the distance is too large for float64 (about 1.8e308)")
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

// norm2 is the Euclidean norm of v, scale-safe: the plain sum of squares
// when it neither overflows nor comes near underflow, else the sum of
// squares of v/max|v| (the reference BLAS dnrm2's idea), so that 1e200 and
// 1e-200 components give their norm, not Inf or 0.
func norm2(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	if s > safeLow && s < safeHigh {
		return math.Sqrt(s)
	}
	scale := maxAbs(v)
	if scale == 0 || math.IsInf(scale, 0) || math.IsNaN(scale) {
		return scale
	}
	s = 0
	for _, x := range v {
		t := x / scale
		s += t * t
	}
	return scale * math.Sqrt(s)
}

// Sums of squares inside (safeLow, safeHigh) lost nothing to overflow or
// underflow: every square that mattered was a normal float64.
const (
	safeLow  = 0x1p-900
	safeHigh = 0x1p+1000
)

func maxAbs(v []float64) float64 {
	var m float64
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// Norm is the Euclidean norm of v, computed scale-safely; +Inf only when
// the norm itself exceeds the largest float64.
func Norm(v []float64) float64 { return norm2(v) }

// Between returns the distance m(u, v).
func (m Metric) Between(u, v []float64) (float64, error) {
	if err := checkPair(m, u, v); err != nil {
		return 0, err
	}
	return checkRepresentable(m.between(u, v), u, v)
}

// checkRepresentable turns an overflowed distance into an error that names
// the vector of larger magnitude, the one that carried it out of range.
func checkRepresentable(d float64, u, v []float64) (float64, error) {
	if !math.IsInf(d, 0) && !math.IsNaN(d) {
		return d, nil
	}
	arg := 0
	if maxAbs(v) > maxAbs(u) {
		arg = 1
	}
	return 0, &VectorError{Arg: arg, Index: -1, Err: ErrNotRepresentable}
}

// between assumes checked input; it returns ±Inf or NaN only when the
// distance is not representable.
func (m Metric) between(u, v []float64) float64 {
	switch m {
	case Euclidean:
		return euclidean(u, v)
	case SqEuclidean:
		d := euclidean(u, v)
		return d * d
	case Manhattan:
		var s float64
		for i := range u {
			s += math.Abs(u[i] - v[i])
		}
		return s
	default: // Cosine
		return clampCosine(1 - cosine(u, v))
	}
}

// euclidean is ‖u − v‖, scale-safe like norm2; a difference that overflows
// means the distance does too (+Inf).
func euclidean(u, v []float64) float64 {
	s := sqDiff(u, v)
	if s > safeLow && s < safeHigh {
		return math.Sqrt(s)
	}
	var scale float64
	for i := range u {
		scale = math.Max(scale, math.Abs(u[i]-v[i]))
	}
	if scale == 0 || math.IsInf(scale, 0) {
		return scale
	}
	s = 0
	for i := range u {
		t := (u[i] - v[i]) / scale
		s += t * t
	}
	return scale * math.Sqrt(s)
}

// cosine is cos(u, v) of non-zero vectors, computed on u/max|u| and
// v/max|v| so that no product overflows or underflows.
func cosine(u, v []float64) float64 {
	su, sv := maxAbs(u), maxAbs(v)
	var dot, nu, nv float64
	for i := range u {
		a, b := u[i]/su, v[i]/sv
		dot += a * b
		nu += a * a
		nv += b * b
	}
	return math.Min(math.Max(dot/(math.Sqrt(nu)*math.Sqrt(nv)), -1), 1)
}

// Form says which way a value compares: a distance is smaller for closer
// vectors, a similarity larger.
type Form uint8

const (
	DistanceForm   Form = iota // smaller is closer
	SimilarityForm             // larger is closer
)

// Closer reports whether value a means closer vectors than value b.
func (f Form) Closer(a, b float64) bool {
	if f == SimilarityForm {
		return a > b
	}
	return a < b
}

// SimilarityOf turns a distance d of this metric into its similarity form:
// cos(u, v) = 1 − d for cosine, −d for the others. It reverses the order and
// is exact: DistanceOf(SimilarityOf(d)) = d for cosine distances in [0, 2].
func (m Metric) SimilarityOf(d float64) float64 {
	if m == Cosine {
		return 1 - d
	}
	return -d
}

// DistanceOf is the inverse of SimilarityOf.
func (m Metric) DistanceOf(s float64) float64 {
	if m == Cosine {
		return 1 - s
	}
	return -s
}

// Similarity returns the similarity form of m(u, v): for cosine the cosine
// similarity itself (in [−1, 1], computed directly, not as 1 − d).
func (m Metric) Similarity(u, v []float64) (float64, error) {
	if err := checkPair(m, u, v); err != nil {
		return 0, err
	}
	if m == Cosine {
		return cosine(u, v), nil
	}
	d, err := checkRepresentable(m.between(u, v), u, v)
	return -d, err
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
	d, err := checkRepresentable(m.between(u, v), u, v)
	if err != nil {
		return 0, err
	}
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
		// d = 1 − û·v̂ with û = u/|u|; ∂d/∂u = −(v̂ − c·û)/|u|, c = û·v̂,
		// written on unit vectors so that no product leaves float64's range.
		nu, nv, c := norm2(u), norm2(v), cosine(u, v)
		for i := range u {
			uh, vh := u[i]/nu, v[i]/nv
			gu[i] = -(vh - c*uh) / nu
			gv[i] = -(uh - c*vh) / nv
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
