package batch

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortDistances(t *testing.T) {
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
			scratch = sortDistances(v, scratch)
			if !slices.Equal(v, want) {
				t.Fatalf("n=%d %s: not sorted", n, kind)
			}
		}
	}
}

func BenchmarkSortDistances(b *testing.B) {
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
			scratch = sortDistances(w, scratch)
		}
	})
	b.Run("pdqsort", func(b *testing.B) {
		for b.Loop() {
			copy(w, v)
			slices.Sort(w)
		}
	})
}
