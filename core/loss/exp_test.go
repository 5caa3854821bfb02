package loss

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulps is how many float64s lie between a and b (both finite, same sign).
func ulps(a, b float64) int64 {
	d := int64(math.Float64bits(a)) - int64(math.Float64bits(b))
	if d < 0 {
		d = -d
	}
	return d
}

// tableExp is within 2 ulp of math.Exp over every exponent the losses
// give it, densely near 0 and across the whole normal range, exact at 0,
// and math.Exp's own value where the result is subnormal, infinite or NaN.
func TestExpWithinTwoUlp(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	worst, at := int64(0), 0.0
	check := func(x float64) {
		got, want := tableExp(x), math.Exp(x)
		if u := ulps(got, want); u > worst {
			worst, at = u, x
		}
	}
	for range 2_000_000 {
		check(-760 + 1470*r.Float64())
		check(-40 * r.Float64())
		check(1e-3 * (2*r.Float64() - 1))
	}
	for x := -708.0; x <= 709; x += 0.125 { // table boundaries and the range's ends
		check(x)
	}
	if worst > 2 {
		t.Errorf("tableExp(%v) is %d ulp from math.Exp", at, worst)
	}
	t.Logf("largest difference from math.Exp: %d ulp, at %v", worst, at)
	if tableExp(0) != 1 {
		t.Errorf("tableExp(0) = %v", tableExp(0))
	}
	for _, x := range []float64{-708.5, -745, -746, -760, 709.5, 710, math.Inf(1), math.Inf(-1), math.NaN()} {
		got, want := tableExp(x), math.Exp(x)
		if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("tableExp(%v) = %v, want math.Exp's %v", x, got, want)
		}
	}
}

func BenchmarkExp(b *testing.B) {
	xs := make([]float64, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range xs {
		xs[i] = -40 * r.Float64()
	}
	var s float64
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			for _, x := range xs {
				s += tableExp(x)
			}
		}
	})
	b.Run("math", func(b *testing.B) {
		for b.Loop() {
			for _, x := range xs {
				s += math.Exp(x)
			}
		}
	})
	b.Run("sum", func(b *testing.B) { // as the losses take them: addExps over chunks
		for b.Loop() {
			for c := 0; c < len(xs); c += expChunk {
				s = addExps(s, xs[c:c+expChunk])
			}
		}
	})
	b.Run("sum-portable", func(b *testing.B) {
		for b.Loop() {
			for c := 0; c < len(xs); c += expChunk {
				s = portableExps(s, xs[c:c+expChunk])
			}
		}
	})
	if s == 0 {
		b.Fatal("no sum")
	}
}

// The sums that gather their exponents in chunks give the bits of adding
// tableExp one term at a time, across chunk boundaries, with subnormal
// exps (Multi-Similarity's push at large distances) between the others.
func TestExpSumsInChunks(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	for _, n := range []int{0, 1, expChunk - 1, expChunk, expChunk + 1, 3*expChunk + 7, 2000} {
		ds := make([]float64, n)
		for i := range ds {
			ds[i] = r.Float64() * 6
		}
		nearest, inv, far := 0.5, 10.0, 4.2
		want := 0.0
		for _, d := range ds {
			if d <= far {
				want += tableExp((nearest - d) * inv)
			}
		}
		if got := addExpsWithin(0, ds, nearest, inv, far, false); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("InfoNCE's sum of %d: %v, one by one %v", n, got, want)
		}
		// Multi-Similarity's push with c = 50: exponents down to −300, and
		// with c = 300 some below −708, whose exps are subnormal.
		top := 0.0 // U, the largest u = λ − d, as softLogSum finds it
		for _, d := range ds {
			top = max(top, MultiSimilarityBase-d)
		}
		for _, c := range []float64{50, 300} {
			skip := float64(expIsZero)
			want := 0.0
			for _, d := range ds {
				if x := c * (-(d - MultiSimilarityBase) - top); x > skip {
					want += tableExp(x)
				}
			}
			logS := math.Log1p(want)
			if top != 0 {
				logS = math.Log(math.Exp(-c*top) + want)
			}
			got := logSumFrom(ds, c, -1, top, nil, 0, false)
			if wantSum := top + logS/c; math.Float64bits(got) != math.Float64bits(wantSum) {
				t.Fatalf("Multi-Similarity's sum of %d at c = %v: %v, one by one %v", n, c, got, wantSum)
			}
		}
	}
}

// portableExps is addExps without the assembly.
func portableExps(s float64, xs []float64) float64 {
	old := haveAVX2
	haveAVX2 = false
	defer func() { haveAVX2 = old }()
	return addExps(s, xs)
}

// The assembly adds the bits of addExps's Go loop: each exp alone (four
// equal ones, so that a lane's last bit shows in the sum), sums of four
// across the whole table range (both ends, k's sign, every table index),
// and a start that is not 0.
func TestAddExpsAsmIsPortable(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2 here: only the Go loop runs")
	}
	r := rand.New(rand.NewPCG(25, 26))
	check := func(s float64, xs []float64) {
		if got, want := addExps(s, xs), portableExps(s, xs); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("addExps(%v, %v) = %v, the Go loop %v", s, xs, got, want)
		}
	}
	for x := -708.0; x <= 709; x += 1.0 / 512 {
		check(0, []float64{x, x, x, x})
	}
	for range 200_000 {
		xs := make([]float64, 1+r.IntN(11))
		for i := range xs {
			xs[i] = -708 + 1417*r.Float64()
			if r.IntN(2) == 0 {
				xs[i] = -40 * r.Float64()
			}
		}
		check(r.Float64()*float64(r.IntN(3)), xs)
	}
	check(0, []float64{-708, 709, 0, math.Copysign(0, -1), 1e-300, -1e-300, 0x1p-1074, 708.9})
}

func FuzzAddExpsAsmIsPortable(f *testing.F) {
	if !haveAVX2 {
		f.Skip("no AVX2 here: only the Go loop runs")
	}
	f.Add(0.0, 0.0, -1.0, 2.5, -700.0)
	f.Fuzz(func(t *testing.T, s, a, b, c, d float64) {
		xs := []float64{a, b, c, d, a - d}
		for _, x := range xs {
			if !inTable(x) {
				return // addExps's contract: every x inTable
			}
		}
		if got, want := addExps(s, xs), portableExps(s, xs); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("addExps(%v, %v) = %v, the Go loop %v", s, xs, got, want)
		}
	})
}
