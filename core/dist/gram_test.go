package dist

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// The Gram kernel gives the bits of gonum's blocked Gemm (large enough to
// take its parallel path, which splits the products into chunks of 64) for
// every length, odd row and column counts, offsets and strides, with the
// assembly and with the portable kernel.
func TestGramIsGonumsGemm(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, d := range []int{1, 2, 3, 4, 5, 7, 16, 63, 64, 65, 127, 128, 130, 200} {
		const n, stride = 260, 211 // 5 × 5 gonum blocks: the parallel path
		x := make([]float64, n*stride)
		for i := range x {
			x[i] = r.NormFloat64() * math.Ldexp(1, r.IntN(20)-10)
		}
		want := make([]float64, n*n)
		a := blas64.General{Rows: n, Cols: d, Stride: stride, Data: x}
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, a, 0, blas64.General{Rows: n, Cols: n, Stride: n, Data: want})
		for _, asm := range []bool{true, false} {
			if asm && !haveGramAsm {
				continue
			}
			t.Run(map[bool]string{true: "asm", false: "portable"}[asm]+"/d="+itoa(d), func(t *testing.T) {
				defer setGramAsm(asm)()
				rows := []int{0, 1, 2, 7, 9, 10, 100, 259, 3} // odd count, out of order
				for _, span := range [][2]int{{0, n}, {3, 10}, {5, 6}, {17, 17 + 64}, {250, 260}} {
					j0, j1 := span[0], span[1]
					ld := j1 - j0 + 3
					g := make([]float64, len(rows)*ld)
					gram(x, stride, d, rows, j0, j1, g, ld)
					for ri, i := range rows {
						for j := j0; j < j1; j++ {
							if got, w := g[ri*ld+j-j0], want[i*n+j]; math.Float64bits(got) != math.Float64bits(w) {
								t.Fatalf("x%d·x%d = %v, gonum %v (columns %d..%d)", i, j, got, w, j0, j1)
							}
						}
					}
				}
			})
		}
	}
}

func setGramAsm(on bool) (restore func()) {
	old := haveGramAsm
	haveGramAsm = on && old
	return func() { haveGramAsm = old }
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// BenchmarkGram is the kernel on 1024 rows of 128 components against
// themselves (both triangles), serially: 2·1024²·128 floating-point
// operations.
func BenchmarkGram(b *testing.B) {
	const n, d = 1024, 128
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, n*d)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	g := make([]float64, n*n)
	for b.Loop() {
		gram(x, d, d, rows, 0, n, g, n)
	}
	b.ReportMetric(2*n*n*d/(b.Elapsed().Seconds()/float64(b.N))/1e9, "GFLOP/s")
}

// BenchmarkGramGonum is gonum's Gemm on the same product, for comparison.
func BenchmarkGramGonum(b *testing.B) {
	const n, d = 1024, 128
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, n*d)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	a := blas64.General{Rows: n, Cols: d, Stride: d, Data: x}
	g := make([]float64, n*n)
	for b.Loop() {
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, a, 0, blas64.General{Rows: n, Cols: n, Stride: n, Data: g})
	}
	b.ReportMetric(2*n*n*d/(b.Elapsed().Seconds()/float64(b.N))/1e9, "GFLOP/s")
}
