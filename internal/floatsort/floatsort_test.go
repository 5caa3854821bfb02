package floatsort

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var scratch []float64
	for _, n := range []int{0, 1, 5, radixMin - 1, radixMin, 1000, 5000} {
		for _, kind := range []string{"uniform", "ties", "tiny", "huge", "normal"} {
			v := make([]float64, n)
			for i := range v {
				switch kind {
				case "uniform":
					v[i] = r.Float64() * 10
				case "ties":
					v[i] = float64(r.IntN(4))
				case "tiny":
					v[i] = r.Float64() * 1e-300
				case "huge":
					v[i] = r.Float64() * math.MaxFloat64
				case "normal": // negatives too: keys made and turned back
					v[i] = r.NormFloat64() * math.Ldexp(1, r.IntN(40)-20)
				}
			}
			// Values from +0 up are sorted on their own bits; a −0 (or
			// any value with a sign bit) makes keys.
			for _, signed := range []bool{false, true} {
				v := slices.Clone(v)
				if n > 2 && signed {
					v[0], v[1] = 0, math.Copysign(0, -1)
				}
				want := slices.Clone(v)
				slices.Sort(want)
				scratch = Sort(v, scratch)
				if !slices.Equal(v, want) {
					t.Fatalf("n=%d %s (signed: %v): not sorted", n, kind, signed)
				}
				if n >= radixMin && signed && !math.Signbit(v[0]) {
					t.Fatalf("n=%d %s: −0 is not first (its key is the least)", n, kind)
				}
			}
		}
	}
}

func BenchmarkSort(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{4000, 10000} { // an anchor's positives in batch's two-class case; training's frame
		v := make([]float64, n)
		w := make([]float64, len(v))
		for i := range v {
			v[i] = 5 + r.NormFloat64()
		}
		var scratch []float64
		b.Run(fmt.Sprintf("radix/%d", n), func(b *testing.B) {
			for b.Loop() {
				copy(w, v)
				scratch = Sort(w, scratch)
			}
		})
		b.Run(fmt.Sprintf("pdqsort/%d", n), func(b *testing.B) {
			for b.Loop() {
				copy(w, v)
				slices.Sort(w)
			}
		})
	}
}

// Values that share the radix passes' top bits, few or all of them, come
// out sorted by the runs' pass: neighbours one ulp apart, a block of them
// among ordinary values, and every value within 2⁻²¹ of 1.
func TestSortSharedTopBits(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var buf []float64
	for _, shared := range []int{2, 3, 100, 40000} {
		v := make([]float64, 40000)
		for i := range v {
			v[i] = 1 + r.Float64()
		}
		for i := range shared {
			v[r.IntN(len(v))] = math.Nextafter(1.5, 2) + float64(r.IntN(1<<20))*0x1p-52 + float64(i%2)*0x1p-52
		}
		want := slices.Clone(v)
		slices.Sort(want)
		buf = Sort(v, buf)
		if !slices.Equal(v, want) {
			t.Fatalf("%d values sharing their top bits: radix sort differs from slices.Sort", shared)
		}
	}
}

// FuzzSort: any finite values, as 8-byte words, sort as slices.Sort does;
// the input is repeated up to radixMin so that the radix path runs.
func FuzzSort(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		var v []float64
		for i := 0; i+8 <= len(b); i += 8 {
			x := math.Float64frombits(uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
				uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56)
			if !math.IsNaN(x) && !math.IsInf(x, 0) {
				v = append(v, x)
			}
		}
		if len(v) == 0 {
			return
		}
		for k := len(v); len(v) < radixMin; k++ {
			v = append(v, v[k%len(v)]*float64(1+k%3))
		}
		want := slices.Clone(v)
		slices.Sort(want)
		Sort(v, nil)
		if !slices.Equal(v, want) {
			t.Fatalf("radix sort differs from slices.Sort on %v", want[:min(8, len(want))])
		}
	})
}

// Wide magnitudes, zeros and ties, as training's distances have.
func TestSortWideMagnitudes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var buf []float64
	for _, n := range []int{1, 2, 7, 1000, 40000} {
		v := make([]float64, n)
		for i := range v {
			switch r.IntN(4) {
			case 0:
				v[i] = 0
			case 1:
				v[i] = float64(r.IntN(5)) // ties
			default:
				v[i] = r.ExpFloat64() * math.Pow(10, float64(r.IntN(20)-10))
			}
		}
		want := slices.Clone(v)
		slices.Sort(want)
		buf = Sort(v, buf)
		if !slices.Equal(v, want) {
			t.Fatalf("n = %d: radix sort differs from slices.Sort", n)
		}
	}
}

// Each objective's loss, term count and active count on a batch equal
// core/batch's composable path (distance → miner → registry term →
// reducer) on the same distances: the training miners are its zero-alloc
// twins.
