package floatsort

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var scratch []float64
	for _, n := range []int{0, 1, 5, radixMin - 1, radixMin, 1000, 5000} {
		for _, kind := range []string{"uniform", "ties", "tiny", "huge"} {
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
				}
			}
			if n > 2 {
				v[0], v[1] = 0, math.Copysign(0, -1)
			}
			want := slices.Clone(v)
			slices.Sort(want)
			scratch = Sort(v, scratch)
			if !slices.Equal(v, want) {
				t.Fatalf("n=%d %s: not sorted", n, kind)
			}
		}
	}
}

func BenchmarkSort(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	v := make([]float64, 10000)
	w := make([]float64, len(v))
	for i := range v {
		v[i] = 5 + r.NormFloat64()
	}
	var scratch []float64
	b.Run("radix", func(b *testing.B) {
		for b.Loop() {
			copy(w, v)
			scratch = Sort(w, scratch)
		}
	})
	b.Run("pdqsort", func(b *testing.B) {
		for b.Loop() {
			copy(w, v)
			slices.Sort(w)
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
