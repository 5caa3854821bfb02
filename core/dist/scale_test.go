package dist

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// Names returns a copy: changing it cannot corrupt Parse.
func TestNamesIsACopy(t *testing.T) {
	n := Names()
	n[0] = "corrupted"
	if _, err := Parse("euclidean"); err != nil || Names()[0] != "euclidean" {
		t.Errorf("Names shares its array: %v, %v", Names(), err)
	}
	if len(Names()) != Count {
		t.Errorf("Count = %d, %d names", Count, len(Names()))
	}
}

// Cosine is scale-invariant, so scaling both vectors by 1e±103 (or far
// beyond) must give the distance of the unscaled vectors: 1 − 0.6 here.
func TestCosineAtExtremeScales(t *testing.T) {
	u, v := []float64{3, 4}, []float64{4, 3} // cos = 24/25
	want := 1 - 24.0/25
	for _, su := range []float64{1, 1e103, 1e-103, 1e300, 1e-300, 5e-324 / 3} {
		for _, sv := range []float64{1, 1e103, 1e-103, 1e307, 1e-310} {
			a, b := scaled(u, su), scaled(v, sv)
			if su < 1e-320 {
				a = []float64{5e-324 * 3, 5e-324 * 4} // subnormal: 3 and 4 units of the smallest float64
			}
			d, err := Cosine.Between(a, b)
			if err != nil || math.Abs(d-want) > 1e-15 {
				t.Errorf("cosine at scales %g, %g = %v, %v; want %v", su, sv, d, err, want)
			}
			s, err := Cosine.Similarity(a, b)
			if err != nil || math.Abs(s-24.0/25) > 1e-15 {
				t.Errorf("cosine similarity at scales %g, %g = %v, %v", su, sv, s, err)
			}
			if su < 1e-300 || sv < 1e-300 {
				continue // the gradient, about 1/|u|, exceeds float64 itself
			}
			gu, gv := make([]float64, 2), make([]float64, 2)
			if _, err := Cosine.Grad(a, b, gu, gv); err != nil || hasNaN(gu) || hasNaN(gv) {
				t.Errorf("cosine gradient at scales %g, %g = %v %v, %v", su, sv, gu, gv, err)
			}
		}
	}
}

func scaled(v []float64, s float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x * s
	}
	return out
}

func hasNaN(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return true
		}
	}
	return false
}

// 3-4-5 triangles at any scale: Euclidean 5s, squared 25s², Manhattan 7s.
func TestDistancesAtExtremeScales(t *testing.T) {
	for _, s := range []float64{1e-200, 1e-160, 1e-103, 1, 1e103, 1e160, 1e300} {
		u, v := []float64{0, s}, []float64{3 * s, 5 * s}
		if d, err := Euclidean.Between(u, v); err != nil || math.Abs(d-5*s) > 1e-15*5*s {
			t.Errorf("euclidean at %g = %v, %v; want %v", s, d, err, 5*s)
		}
		if d, err := Manhattan.Between(u, v); err != nil || math.Abs(d-7*s) > 1e-15*7*s {
			t.Errorf("manhattan at %g = %v, %v", s, d, err)
		}
		if n := Norm([]float64{3 * s, 4 * s}); math.Abs(n-5*s) > 1e-15*5*s {
			t.Errorf("norm at %g = %v", s, n)
		}
		want := 25 * s * s
		d, err := SqEuclidean.Between(u, v)
		switch {
		case math.IsInf(want, 0):
			if !errors.Is(err, ErrNotRepresentable) {
				t.Errorf("sqeuclidean at %g = %v, %v; want ErrNotRepresentable", s, d, err)
			}
		case err != nil || math.Abs(d-want) > 1e-14*want:
			t.Errorf("sqeuclidean at %g = %v, %v; want %v", s, d, err, want)
		}
	}
}

// A distance float64 cannot hold is an error naming the larger vector.
func TestNotRepresentable(t *testing.T) {
	big := []float64{1e308, -1e308}
	small := []float64{-1e308, 1e308}
	for _, m := range []Metric{Euclidean, SqEuclidean, Manhattan} {
		d, err := m.Between([]float64{1, 2}, scaled(big, 1))
		var ve *VectorError
		if err == nil {
			// Euclidean of (1,2) and (1e308, −1e308) is 1.41e308: representable.
			if m != Euclidean || math.IsInf(d, 0) {
				t.Errorf("%v: %v without error", m, d)
			}
		} else if !errors.Is(err, ErrNotRepresentable) || !errors.As(err, &ve) || ve.Arg != 1 {
			t.Errorf("%v: error %v, want ErrNotRepresentable on the second vector", m, err)
		}
		if _, err := m.Between(big, small); !errors.Is(err, ErrNotRepresentable) {
			t.Errorf("%v of opposite 1e308 vectors: %v", m, err)
		}
		g := make([]float64, 2)
		if _, err := m.Grad(big, small, g, g); !errors.Is(err, ErrNotRepresentable) {
			t.Errorf("%v gradient of opposite 1e308 vectors: %v", m, err)
		}
	}
}

// The similarity form reverses the order of the distance, and converts back.
func TestSimilarityForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 2000 {
		u, v, w := randVec(rng, 4), randVec(rng, 4), randVec(rng, 4)
		for _, m := range all {
			duv, _ := m.Between(u, v)
			duw, _ := m.Between(u, w)
			suv, err1 := m.Similarity(u, v)
			suw, err2 := m.Similarity(u, w)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if math.Abs(suv-m.SimilarityOf(duv)) > 1e-12 || math.Abs(m.DistanceOf(m.SimilarityOf(duv))-duv) > 1e-15 {
				t.Fatalf("%v: similarity %v, distance %v", m, suv, duv)
			}
			if math.Abs(duv-duw) > 1e-9 && DistanceForm.Closer(duv, duw) != SimilarityForm.Closer(suv, suw) {
				t.Fatalf("%v: distances %v, %v but similarities %v, %v", m, duv, duw, suv, suw)
			}
		}
	}
	if s, _ := Cosine.Similarity([]float64{1, 0}, []float64{-2, 0}); s != -1 {
		t.Errorf("cosine similarity of opposite vectors = %v, want -1", s)
	}
}

func randVec(r *rand.Rand, k int) []float64 {
	v := make([]float64, k)
	for i := range v {
		v[i] = r.NormFloat64()
	}
	return v
}

// Any finite vectors: a distance comes back finite, ≥ 0 and symmetric, or
// the one error that says it is not representable; never Inf or NaN.
func FuzzBetween(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 4.0)
	f.Add(1e308, -1e308, -1e308, 1e308)
	f.Add(1e-310, 5e-324, 3e-320, 0.0)
	f.Add(1e154, 1e154, -1e154, 0.0)
	f.Add(0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d float64) {
		u, v := []float64{a, b}, []float64{c, d}
		for _, m := range all {
			duv, err1 := m.Between(u, v)
			dvu, err2 := m.Between(v, u)
			if CheckVector(u, 0) != nil || CheckVector(v, 1) != nil {
				if err1 == nil {
					t.Fatalf("%v accepted %v, %v", m, u, v)
				}
				continue
			}
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("%v: errors %v / %v", m, err1, err2)
			}
			if err1 != nil {
				if !errors.Is(err1, ErrNotRepresentable) && !errors.Is(err1, ErrZeroVector) {
					t.Fatalf("%v(%v, %v): %v", m, u, v, err1)
				}
				continue
			}
			if math.IsNaN(duv) || math.IsInf(duv, 0) || duv < 0 || duv != dvu && math.Abs(duv-dvu) > 1e-15*duv {
				t.Fatalf("%v(%v, %v) = %v, reversed %v", m, u, v, duv, dvu)
			}
			if m == Cosine && duv > 2 {
				t.Fatalf("cosine %v > 2", duv)
			}
		}
	})
}
