package dist

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Before, ‖v‖ overflowed to +Inf for components ≥ 1e155 (the row became
// zeros) and underflowed to 0 below 1e-162 (a "zero vector").
func TestUnitRowScaleSafe(t *testing.T) {
	for _, s := range []float64{1, 1e200, 1e-200, 1e307, 5e-324 * 1e10} {
		row := []float64{3 * s, 4 * s}
		if err := UnitRow(row); err != nil {
			t.Fatalf("scale %g: %v", s, err)
		}
		if math.Abs(row[0]-0.6) > 1e-15 || math.Abs(row[1]-0.8) > 1e-15 {
			t.Errorf("scale %g: %v, want [0.6 0.8]", s, row)
		}
	}
	if err := UnitRow([]float64{0, 0}); !errors.Is(err, ErrZeroRow) {
		t.Errorf("zero row: %v", err)
	}
}

// Distances are homogeneous in the rows: scaling by 2^k (exact) scales them
// by 2^k (2^2k for sqeuclidean), however large or small k.
func TestPairsScaleSafe(t *testing.T) {
	base := mat.NewDense(3, 2, []float64{1, 0.5, 3, 4, -1, 2})
	for _, m := range []Metric{Euclidean, SqEuclidean, Manhattan, Cosine} {
		want, err := Pairwise(m, base)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{700, 400, -400, -900} {
			if m == SqEuclidean && (k > 500 || k < -500) {
				continue // the squares are beyond float64 (+Inf, which callers reject, or 0)
			}
			scaled := mat.DenseCopyOf(base)
			scaled.Apply(func(_, _ int, v float64) float64 { return math.Ldexp(v, k) }, scaled)
			got, err := Pairwise(m, scaled)
			if err != nil {
				t.Fatalf("%v ×2^%d: %v", m, k, err)
			}
			unit := k
			switch m {
			case SqEuclidean:
				unit = 2 * k
			case Cosine:
				unit = 0
			}
			for i := range 3 {
				for j := range 3 {
					g, w := math.Ldexp(got.At(i, j), -unit), want.At(i, j)
					if math.Abs(g-w) > 1e-12*math.Max(1, w) {
						t.Errorf("%v ×2^%d: d(%d,%d) = %g·2^%d, want %g", m, k, i, j, g, unit, w)
					}
				}
			}
		}
	}
}

func TestRowsMatchMatrix(t *testing.T) {
	x := mat.NewDense(5, 3, []float64{1, 2, 3, 0, 1, 0, -2, 1, 4, 5, 5, 5, 0.5, 0, -1})
	for _, m := range []Metric{Euclidean, SqEuclidean, Manhattan, Cosine} {
		p, err := NewPairs(m, x)
		if err != nil {
			t.Fatal(err)
		}
		all := p.Rows([]int{0, 1, 2, 3, 4}, nil)
		rows := []int{0, 2, 4}
		got := p.Rows(rows, nil)
		for r, i := range rows {
			for j := range 5 {
				if math.Abs(got[r*5+j]-all[i*5+j]) > 1e-12 {
					t.Errorf("%v: Rows row %d col %d = %v, Block %v", m, i, j, got[r*5+j], all[i*5+j])
				}
			}
			if got[r*5+i] != 0 {
				t.Errorf("%v: diagonal of row %d is %v", m, i, got[r*5+i])
			}
		}
	}
}
