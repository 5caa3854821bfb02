package dist

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas"
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
// Matrix builds the whole N×N matrix; Block builds a band of rows of it, so
// that large N never needs N×N memory.
type Pairs struct {
	metric Metric
	x      *mat.Dense // rows L2-normalised for Cosine
	sqNorm []float64  // squared row norms (Euclidean, SqEuclidean)
}

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
	p := &Pairs{metric: m, x: x}
	if m == Cosine {
		p.x = mat.DenseCopyOf(x)
	}
	if m == Euclidean || m == SqEuclidean {
		p.sqNorm = make([]float64, n)
	}
	for i := range n {
		row := p.x.RawRowView(i)
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, &RowError{Row: i, Index: j, Err: ErrNotFinite}
			}
		}
		switch m {
		case Euclidean, SqEuclidean:
			p.sqNorm[i] = blas64.Dot(vec(row), vec(row))
		case Cosine:
			nrm := norm2(row)
			if nrm == 0 {
				return nil, &RowError{Row: i, Index: -1, Err: ErrZeroVector}
			}
			for j := range row {
				row[j] /= nrm
			}
		}
	}
	return p, nil
}

func vec(v []float64) blas64.Vector { return blas64.Vector{N: len(v), Inc: 1, Data: v} }

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

// Matrix returns the whole N×N distance matrix. It is Block(0, N): gonum's
// parallel Gemm on the full X·Xᵀ beats its syrk on the half product here.
func (p *Pairs) Matrix() *mat.Dense {
	n := p.Len()
	return mat.NewDense(n, n, p.Block(0, n, nil))
}

// Block writes the distances from rows lo..hi−1 to every row into dst, a
// (hi−lo)×N row-major slice (allocated when nil or short), and returns it.
func (p *Pairs) Block(lo, hi int, dst []float64) []float64 {
	n := p.Len()
	if cap(dst) < (hi-lo)*n {
		dst = make([]float64, (hi-lo)*n)
	}
	dst = dst[:(hi-lo)*n]
	if p.metric == Manhattan {
		p.manhattanBlock(lo, hi, dst)
		return dst
	}
	raw := p.x.RawMatrix()
	a := blas64.General{Rows: hi - lo, Cols: raw.Cols, Stride: raw.Stride, Data: raw.Data[lo*raw.Stride:]}
	b := blas64.General{Rows: raw.Rows, Cols: raw.Cols, Stride: raw.Stride, Data: raw.Data}
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, b, 0, blas64.General{Rows: hi - lo, Cols: n, Stride: n, Data: dst})
	for i := lo; i < hi; i++ {
		p.fromGram(i, dst[(i-lo)*n:(i-lo+1)*n])
	}
	return dst
}

// fromGram turns row i of the Gram matrix (gⱼ = xᵢ·xⱼ) into distances in
// place, clamping the negative round-off that ‖xᵢ‖² + ‖xⱼ‖² − 2g can produce
// for near-equal rows, and setting the diagonal to an exact 0.
func (p *Pairs) fromGram(i int, row []float64) {
	switch p.metric {
	case Cosine:
		for j, g := range row {
			row[j] = clampCosine(1 - g)
		}
	case Euclidean, SqEuclidean:
		ni := p.sqNorm[i]
		for j, g := range row {
			row[j] = max(ni+p.sqNorm[j]-2*g, 0)
		}
		if p.metric == Euclidean {
			for j, v := range row {
				row[j] = math.Sqrt(v)
			}
		}
	}
	row[i] = 0
}

func (p *Pairs) manhattanBlock(lo, hi int, dst []float64) {
	n := p.Len()
	for i := lo; i < hi; i++ {
		xi := p.x.RawRowView(i)
		for j := range n {
			dst[(i-lo)*n+j] = Manhattan.between(xi, p.x.RawRowView(j))
		}
	}
}
