package batch

import (
	"math"
	"math/rand/v2"
	"testing"

	"losslab/core/loss"
)

// hingeTerms sums the census loss's closed form from the census's counts,
// which compare d(a,n) with d(a,p) + m − Tol: that is its own test only if
// its g is the distance itself, bit for bit.
func TestCensusHingeIsTheDistance(t *testing.T) {
	pl, err := newPlan(loss.Params{Margin: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(11, 11))
	census := 0
	for _, h := range pl.hinge {
		if !h.census {
			continue
		}
		census++
		for range 1000 {
			d := math.Ldexp(r.Float64(), r.IntN(100)-50)
			if h.g.Of(d) != d {
				t.Fatalf("the census loss's g(%v) = %v", d, h.g.Of(d))
			}
		}
	}
	if census != 1 {
		t.Fatalf("%d closed-form losses take the census's counts, want 1 (the triplet loss)", census)
	}
}
