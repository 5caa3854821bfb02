package dist

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// RowError says which row (0-based Row, shown 1-based) of an embedding matrix
// is unusable and why.
type RowError struct {
	Row   int
	Index int // component, or −1
	Err   error
}

func (e *RowError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("row %d: component %d: %v", e.Row+1, e.Index+1, e.Err)
	}
	return fmt.Sprintf("row %d: %v", e.Row+1, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

// Pairs holds N×D embeddings prepared for distance computations between their
// rows: validated once, with the per-row norms that the Gram-matrix form needs.
// Matrix builds the whole N×N matrix; Rows and Tile build parts of it, so
// that large N never needs N×N memory.
//
// Scale safety: when the components are so large (or small) that squared
// norms would overflow (or underflow), the rows are multiplied by a power of
// two first, which is exact, and the distances scaled back. A distance that
// is itself beyond float64 comes out as +Inf: callers check.
type Pairs struct {
	metric Metric
	x      *mat.Dense // rows L2-normalised for Cosine; times 2^shift otherwise
	sqNorm []float64  // squared row norms (Euclidean, SqEuclidean)
	shift  int        // distances are computed on x·2^shift and scaled back
}

// safeExponent bounds the components that need no rescaling: with |v| ≤ 2^200
// and up to 2^600 terms a sum of squares stays finite, and ≥ 2^-200 keeps the
// squares normal.
const safeExponent = 200

// NewPairs validates x (non-empty, finite, non-zero rows for cosine) and
// prepares it. x is not modified.
func NewPairs(m Metric, x *mat.Dense) (*Pairs, error) {
	if m < 0 || int(m) >= len(metricNames) {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, m)
	}
	if x == nil || x.IsEmpty() {
		return nil, ErrEmpty
	}
	n, _ := x.Dims()
	maxAbs := 0.0
	for i := range n {
		for j, v := range x.RawRowView(i) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, &RowError{Row: i, Index: j, Err: ErrNotFinite}
			}
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	p := &Pairs{metric: m, x: x}
	switch {
	case m == Cosine:
		p.x = mat.DenseCopyOf(x)
		for i := range n {
			if err := UnitRow(p.x.RawRowView(i)); err != nil {
				return nil, &RowError{Row: i, Index: -1, Err: ErrZeroVector}
			}
		}
		return p, nil
	case maxAbs > 0 && (maxAbs > math.Ldexp(1, safeExponent) || maxAbs < math.Ldexp(1, -safeExponent)):
		_, e := math.Frexp(maxAbs) // maxAbs = f·2^e, f in [0.5, 1)
		p.shift = -e
		p.x = mat.DenseCopyOf(x)
		data := p.x.RawMatrix().Data
		for k, v := range data {
			data[k] = math.Ldexp(v, p.shift)
		}
	}
	if m == Euclidean || m == SqEuclidean {
		p.sqNorm = make([]float64, n)
		for i := range n {
			row := p.x.RawRowView(i)
			p.sqNorm[i] = blas64.Dot(vec(row), vec(row))
		}
	}
	return p, nil
}

// ErrZeroRow is UnitRow's error for a row of zeros.
var ErrZeroRow = errors.New("the row is a zero vector")

// UnitRow scales row to unit L2 norm in place without overflow or underflow:
// it first multiplies by the power of two that brings the largest component
// into [0.5, 1) (exact), then divides by the norm. A zero row is an error.
func UnitRow(row []float64) error {
	maxAbs := 0.0
	for _, v := range row {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ErrNotFinite
		}
		maxAbs = math.Max(maxAbs, math.Abs(v))
	}
	if maxAbs == 0 {
		return ErrZeroRow
	}
	_, e := math.Frexp(maxAbs)
	var s float64
	for j, v := range row {
		row[j] = math.Ldexp(v, -e)
		s += row[j] * row[j]
	}
	nrm := math.Sqrt(s)
	for j := range row {
		row[j] /= nrm
	}
	return nil
}

func vec(v []float64) blas64.Vector { return blas64.Vector{N: len(v), Inc: 1, Data: v} }

// Subset returns the pairs of the given rows of p's embeddings, in that
// order, prepared as p is (the same scaling and norms): their distances
// have the bits of p's.
func (p *Pairs) Subset(rows []int) *Pairs {
	_, d := p.x.Dims()
	s := &Pairs{metric: p.metric, x: mat.NewDense(len(rows), d, nil), shift: p.shift}
	for r, i := range rows {
		s.x.SetRow(r, p.x.RawRowView(i))
	}
	if p.sqNorm != nil {
		s.sqNorm = make([]float64, len(rows))
		for r, i := range rows {
			s.sqNorm[r] = p.sqNorm[i]
		}
	}
	return s
}

// Len is the number of rows N.
func (p *Pairs) Len() int { n, _ := p.x.Dims(); return n }

// Metric is the distance the pairs are measured with.
func (p *Pairs) Metric() Metric { return p.metric }

// Pairwise returns the N×N distance matrix between the rows of x: symmetric,
// with an exact 0 diagonal.
func Pairwise(m Metric, x *mat.Dense) (*mat.Dense, error) {
	p, err := NewPairs(m, x)
	if err != nil {
		return nil, err
	}
	return p.Matrix(), nil
}

// Matrix returns the whole N×N distance matrix.
func (p *Pairs) Matrix() *mat.Dense {
	n := p.Len()
	return mat.NewDense(n, n, p.Rows(identity(n), nil))
}

// Rows writes the distances from each of the given rows to every row into
// dst, a len(rows)×N row-major slice (allocated when nil or short), and
// returns it.
func (p *Pairs) Rows(rows []int, dst []float64) []float64 {
	n := p.Len()
	if cap(dst) < len(rows)*n {
		dst = make([]float64, len(rows)*n)
	}
	dst = dst[:len(rows)*n]
	p.Tile(rows, 0, n, dst, n)
	return dst
}

// Tile writes the distance from each row rows[r] to each row j in j0..j1−1
// into dst[r·ld + j − j0]; a row's distance to itself is an exact 0. The
// Euclidean and cosine distances come from the Gram kernel (gram.go), whose
// products have the same bits however the rows are split into tiles: d(i, j)
// and d(j, i) are equal.
func (p *Pairs) Tile(rows []int, j0, j1 int, dst []float64, ld int) {
	raw := p.x.RawMatrix()
	if p.metric == Manhattan {
		for r, i := range rows {
			xi := p.x.RawRowView(i)
			out := dst[r*ld:][:j1-j0]
			for c := range out {
				out[c] = Manhattan.between(xi, p.x.RawRowView(j0+c))
			}
		}
	} else {
		gram(raw.Data, raw.Stride, raw.Cols, rows, j0, j1, dst, ld)
		for r, i := range rows {
			p.fromGram(i, j0, dst[r*ld:][:j1-j0])
		}
	}
	if p.shift != 0 {
		for r := range rows {
			p.unscale(dst[r*ld:][:j1-j0])
		}
	}
}

// identity is 0, 1, …, n−1.
func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// unscale undoes NewPairs' power-of-two scaling: distances are homogeneous of
// degree 1 (degree 2 for sqeuclidean) in the rows.
func (p *Pairs) unscale(dst []float64) {
	if p.shift == 0 {
		return
	}
	k := -p.shift
	if p.metric == SqEuclidean {
		k *= 2
	}
	for i, v := range dst {
		dst[i] = math.Ldexp(v, k)
	}
}

// fromGram turns the products gⱼ = xᵢ·xⱼ of row i with rows j0, j0+1, …
// into distances in place, clamping the negative round-off that
// ‖xᵢ‖² + ‖xⱼ‖² − 2g can produce for near-equal rows, and setting d(i, i) to
// an exact 0.
func (p *Pairs) fromGram(i, j0 int, row []float64) {
	switch p.metric {
	case Cosine:
		for j, g := range row {
			row[j] = clampCosine(1 - g)
		}
	case Euclidean:
		ni, norms := p.sqNorm[i], p.sqNorm[j0:][:len(row)]
		done := 0
		if n4 := len(row) &^ 3; haveAVX2 && n4 > 0 {
			// A square root each, 5.4 × 10⁹ of them at 60,000 rows: four
			// at a time, the same bits.
			euclidean4(ni, &norms[0], &row[0], n4)
			done = n4
		}
		for j := done; j < len(row); j++ {
			row[j] = math.Sqrt(nonNegative(ni + norms[j] - 2*row[j]))
		}
	case SqEuclidean:
		ni, norms := p.sqNorm[i], p.sqNorm[j0:][:len(row)]
		for j, g := range row {
			row[j] = nonNegative(ni + norms[j] - 2*g)
		}
	}
	if j0 <= i && i < j0+len(row) {
		row[i-j0] = 0
	}
}

// nonNegative is max(v, 0) for the squared distances fromGram makes: −0 and
// round-off below 0 become +0, and a NaN (rows too large to square) stays
// NaN for the callers to report, with one comparison where max spends
// several on NaN and signed zeros.
func nonNegative(v float64) float64 {
	if v <= 0 {
		return 0
	}
	return v
}
