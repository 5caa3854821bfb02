package batch

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// countBelow against counting by hand: every size from none to a few, ties
// between and within the lists, and lists long enough that the four
// stretches each have work.
func TestCountBelow(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for trial := range 3000 {
		p, q, spread := r.IntN(12), r.IntN(12), 1+r.IntN(20)
		if trial%100 == 0 {
			p, q, spread = r.IntN(3000), r.IntN(3000), 1+r.IntN(5000)
		}
		keys, values := make([]float64, p), make([]float64, q)
		for i := range keys {
			keys[i] = float64(r.IntN(spread)) / 4
		}
		for i := range values {
			values[i] = float64(r.IntN(spread)) / 4
		}
		checkCountBelow(t, keys, values)
	}
}

func checkCountBelow(t *testing.T, keys, values []float64) {
	t.Helper()
	slices.Sort(keys)
	slices.Sort(values)
	below := make([]int32, len(keys))
	countBelow(keys, append(values, math.Inf(1)), below)
	for i, k := range keys {
		want := 0
		for _, v := range values {
			if v < k {
				want++
			}
		}
		if int(below[i]) != want {
			t.Fatalf("%d keys, %d values: key %d (%v) has %d values below it, not %d", len(keys), len(values), i, k, want, below[i])
		}
	}
}

// Any two lists of finite values, sorted: the counts are the brute force's.
func FuzzCountBelow(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, uint8(1))
	f.Add(make([]byte, 64), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, split uint8) {
		var all []float64
		for len(data) >= 2 {
			v := float64(int16(binary.LittleEndian.Uint16(data))) / 64
			all, data = append(all, v), data[2:]
		}
		cut := int(split) % (len(all) + 1)
		checkCountBelow(t, slices.Clone(all[:cut]), slices.Clone(all[cut:]))
	})
}

// nextUp is math.Nextafter towards +Inf on distances: zeros of both signs,
// the smallest and largest floats, and random ones.
func TestNextUp(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	ds := []float64{0, math.Copysign(0, -1), math.SmallestNonzeroFloat64, 1, math.MaxFloat64}
	for range 1000 {
		ds = append(ds, r.Float64()*10, math.Ldexp(r.Float64(), r.IntN(2000)-1000))
	}
	for _, d := range ds {
		if got, want := nextUp(d), math.Nextafter(d, math.Inf(1)); got != want {
			t.Fatalf("nextUp(%v) = %v, want %v", d, got, want)
		}
	}
}

// 4,000 positives' keys against 4,000 negatives, drawn as two overlapping
// classes' distances are, a fresh draw of 64 each iteration so that the
// branch predictor cannot learn one (docs/batch-profile.md, part four).
func BenchmarkCountBelow(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	var keys, values [64][]float64
	for i := range keys {
		keys[i], values[i] = make([]float64, 4000), make([]float64, 4000, 4001)
		for j := range keys[i] {
			keys[i][j], values[i][j] = math.Abs(r.NormFloat64()+5.6)+0.2, math.Abs(r.NormFloat64()+6.3)
		}
		slices.Sort(keys[i])
		slices.Sort(values[i])
		values[i] = append(values[i], math.Inf(1))
	}
	below := make([]int32, 4000)
	i := 0
	for b.Loop() {
		countBelow(keys[i%64], values[i%64], below)
		i++
	}
}
