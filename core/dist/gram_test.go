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
			if asm && !haveAVX2 {
				continue
			}
			t.Run(map[bool]string{true: "asm", false: "portable"}[asm]+"/d="+itoa(d), func(t *testing.T) {
				defer setAVX2(asm)()
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

func setAVX2(on bool) (restore func()) {
	old := haveAVX2
	haveAVX2 = on && old
	return func() { haveAVX2 = old }
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// The Gram kernel at 4096 × 128 against gonum, on the product batch needs:
// the upper half of X·Xᵀ (N(N+1)/2 dot products of 128 components). The
// kernel does it in the 64-row tiles core/batch uses, on one core; gonum's
// Dsyrk does the half, on one core; gonum's Dgemm (what Pairs used before)
// the whole product, on every core. GFLOP/s counts the half's operations
// for all three: what each delivers of what batch needs.
func BenchmarkGram4096(b *testing.B) {
	const n, d = 4096, 128
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, n*d)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	useful := float64(n) * (n + 1) / 2 * 2 * d
	report := func(b *testing.B) {
		b.ReportMetric(useful/(b.Elapsed().Seconds()/float64(b.N))/1e9, "GFLOP/s")
	}
	b.Run("kernel-tiles", func(b *testing.B) {
		rows := make([]int, n)
		for i := range rows {
			rows[i] = i
		}
		g := make([]float64, 64*n)
		for b.Loop() {
			for lo := 0; lo < n; lo += 64 {
				gram(x, d, d, rows[lo:lo+64], lo, n, g, n-lo)
			}
		}
		report(b)
	})
	a := blas64.General{Rows: n, Cols: d, Stride: d, Data: x}
	c := make([]float64, n*n)
	b.Run("gonum-dsyrk", func(b *testing.B) {
		for b.Loop() {
			blas64.Syrk(blas.NoTrans, 1, a, 0, blas64.Symmetric{Uplo: blas.Upper, N: n, Stride: n, Data: c})
		}
		report(b)
	})
	b.Run("gonum-dgemm", func(b *testing.B) {
		for b.Loop() {
			blas64.Gemm(blas.NoTrans, blas.Trans, 1, a, a, 0, blas64.General{Rows: n, Cols: n, Stride: n, Data: c})
		}
		report(b)
	})
}
