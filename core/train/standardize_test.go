package train

import (
	"math"
	"testing"
)

// A column standardises to the same values at any scale float64 can hold.
// Before, the sum of squares overflowed at 1e160 (every value became 0,
// and training reported AUC 0.5), vanished at 1e-300 (the same), and the
// differences overflowed near 1e308 (NaN, reported as a divergence).
func TestStandardizeAtAnyScale(t *testing.T) {
	base := []float64{0.3, -1.2, 2.5, 0.7, -0.4, 1.9}
	want := append([]float64(nil), base...)
	standardizeColumn(want)
	var mean, sq float64
	for _, v := range want {
		mean += v
		sq += v * v
	}
	if math.Abs(mean) > 1e-12 || math.Abs(sq/float64(len(want))-1) > 1e-12 {
		t.Fatalf("standardised %v: mean %v, variance %v", want, mean, sq/float64(len(want)))
	}
	for _, scale := range []float64{1e160, 1e-300, 1e-310, 7e307 / 2.5, 1.7e308 / 2.5, 0x1p-1000, 0x1p+1000} {
		col := make([]float64, len(base))
		for i, v := range base {
			col[i] = v * scale
		}
		standardizeColumn(col)
		for i := range col {
			if math.Abs(col[i]-want[i]) > 1e-9 {
				t.Errorf("scale %g: %v, want %v", scale, col, want)
				break
			}
		}
	}
	// A power of two changes no bit.
	col := make([]float64, len(base))
	for i, v := range base {
		col[i] = v * 0x1p-900
	}
	standardizeColumn(col)
	for i := range col {
		if col[i] != want[i] {
			t.Errorf("scale 2^-900: %v, want %v exactly", col, want)
			break
		}
	}
}

func TestStandardizeConstantColumn(t *testing.T) {
	// 0.1 three times: the mean rounds to 0.10000000000000002, and the
	// column became −1 everywhere rather than 0.
	for _, col := range [][]float64{{0.1, 0.1, 0.1}, {1e300, 1e300}, {0, 0, 0}, {-5e-324, -5e-324}} {
		standardizeColumn(col)
		for _, v := range col {
			if v != 0 {
				t.Errorf("constant column standardised to %v", col)
				break
			}
		}
	}
}
