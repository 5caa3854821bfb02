package dist

import (
	"math"
	"math/rand/v2"
	"testing"
)

// euclideanBoth turns the products row into Euclidean distances from a row
// of squared norm ni to rows of squared norms norms, with the assembly and
// with the portable loop.
func euclideanBoth(ni float64, norms, row []float64) (asm, portable []float64) {
	p := &Pairs{metric: Euclidean, sqNorm: append(append([]float64(nil), norms...), ni)}
	i := len(norms) // no diagonal among the columns
	asm, portable = append([]float64(nil), row...), append([]float64(nil), row...)
	p.fromGram(i, 0, asm)
	defer setAVX2(false)()
	p.fromGram(i, 0, portable)
	return asm, portable
}

// The assembly's distances have the portable loop's bits, at every length
// (whole groups of four and the rest), for products that cancel exactly,
// leave round-off below 0, make −0 (from norms of −0), a NaN or +Inf.
func TestEuclideanAsmIsPortable(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2 here: only the portable loop runs")
	}
	r := rand.New(rand.NewPCG(3, 4))
	special := []float64{0, math.Copysign(0, -1), math.Inf(1), math.MaxFloat64, math.SmallestNonzeroFloat64, 1e-300}
	for n := range 14 {
		for range 200 {
			ni := math.Abs(r.NormFloat64()) * math.Ldexp(1, r.IntN(40)-20)
			norms, row := make([]float64, n), make([]float64, n)
			for j := range row {
				norms[j] = math.Abs(r.NormFloat64()) * math.Ldexp(1, r.IntN(40)-20)
				switch r.IntN(4) {
				case 0: // g·2 = ni + nⱼ: +0 or round-off either side
					row[j] = (ni + norms[j]) / 2 * (1 + float64(r.IntN(3)-1)*0x1p-52)
				case 1:
					row[j] = special[r.IntN(len(special))]
					norms[j] = special[r.IntN(len(special))]
					if r.IntN(4) == 0 { // (−0 + −0) − (+0 + +0) is −0: the clamp makes it +0
						ni, norms[j], row[j] = math.Copysign(0, -1), math.Copysign(0, -1), 0
					}
				default:
					row[j] = r.NormFloat64() * math.Sqrt(ni*norms[j])
				}
			}
			asm, portable := euclideanBoth(ni, norms, row)
			for j := range row {
				if math.Float64bits(asm[j]) != math.Float64bits(portable[j]) {
					t.Fatalf("n=%d, column %d: ni=%v, nⱼ=%v, g=%v: assembly %v, portable %v", n, j, ni, norms[j], row[j], asm[j], portable[j])
				}
			}
		}
	}
}

func FuzzEuclideanAsmIsPortable(f *testing.F) {
	if !haveAVX2 {
		f.Skip("no AVX2 here: only the portable loop runs")
	}
	f.Add(1.0, 1.0, 1.0, 0.5, 2.0, 3.0)
	f.Add(2.0, 2.0, 2.0, math.Inf(1), math.Copysign(0, -1), 1e-310)
	f.Add(math.Copysign(0, -1), math.Copysign(0, -1), 0.0, 0.0, 0.0, 0.0) // t = −0
	f.Fuzz(func(t *testing.T, ni, nj, g0, g1, g2, g3 float64) {
		norms := []float64{nj, ni, nj, nj * 2, ni}
		row := []float64{g0, g1, g2, g3, (g0 + g1) / 2}
		asm, portable := euclideanBoth(ni, norms, row)
		for j := range row {
			// Bits where both are numbers; a NaN's payload is the
			// hardware's either way.
			if math.Float64bits(asm[j]) != math.Float64bits(portable[j]) && !(math.IsNaN(asm[j]) && math.IsNaN(portable[j])) {
				t.Fatalf("column %d: ni=%v, nⱼ=%v, g=%v: assembly %v, portable %v", j, ni, norms[j], row[j], asm[j], portable[j])
			}
		}
	})
}

// BenchmarkEuclidean: one row of 4,096 products into distances.
func BenchmarkEuclidean(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	const n = 4096
	norms, row := make([]float64, n), make([]float64, n)
	for j := range row {
		norms[j], row[j] = 16+r.Float64(), r.NormFloat64()
	}
	p := &Pairs{metric: Euclidean, sqNorm: append(norms, 16)}
	for _, asm := range []bool{true, false} {
		b.Run(map[bool]string{true: "asm", false: "portable"}[asm], func(b *testing.B) {
			defer setAVX2(asm)()
			work := make([]float64, n)
			for b.Loop() {
				copy(work, row)
				p.fromGram(n, 0, work)
			}
		})
	}
}
