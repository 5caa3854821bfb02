package loss

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"losslab/core/dist"
)

func TestRegistry(t *testing.T) {
	want := []ID{ContrastiveID, HingeContrastiveID, TripletID, SquaredTripletID, SoftMarginID}
	got := IDs()
	for _, id := range want {
		if _, ok := Lookup(id); !ok {
			t.Errorf("%s is not registered", id)
		}
	}
	if len(got) < len(want) {
		t.Errorf("IDs() = %v", got)
	}
	// Registry returns a copy: changing it changes nothing.
	r := Registry()
	r[0].ID = "corrupted"
	if Registry()[0].ID == "corrupted" {
		t.Error("Registry() shares its backing array")
	}
	if _, err := ParseID("no-such-loss"); err == nil {
		t.Error("ParseID accepted an unknown ID")
	}
	for _, l := range Registry() {
		if l.Family == ContrastiveFamily && l.Kind != OnPairs {
			t.Errorf("%s: a contrastive-family loss acts on pairs", l.ID)
		}
	}
}

// The registry's results are the same numbers as the loss functions, and
// the article's example gives 0.4 and 0.1225 through it.
func TestEvaluateAllMatchesNamedLosses(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		s := Setting{DAP: rng.Float64() * 3, DAN: rng.Float64() * 3, Margin: rng.Float64() * 2,
			YAP: Label(rng.IntN(2)), YAN: Label(rng.IntN(2))}
		e, err := Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[ID]float64{}
		for _, r := range e.Results {
			byID[r.Loss.ID] = r.Value
		}
		sq, _ := SquaredTripletLoss(s.DAP, s.DAN, s.Margin)
		soft, _ := SoftMarginTripletLoss(s.DAP, s.DAN)
		h0, _, _ := HingePair(s.DAP, s.Margin, s.YAP)
		h1, _, _ := HingePair(s.DAN, s.Margin, s.YAN)
		for id, want := range map[ID]float64{ContrastiveID: e.Contrastive, TripletID: e.Triplet.Loss,
			SquaredTripletID: sq.Loss, SoftMarginID: soft.Loss, HingeContrastiveID: (h0 + h1) / 2} {
			if math.Abs(byID[id]-want) > 1e-15 {
				t.Fatalf("%+v: %s = %v through the registry, %v named", s, id, byID[id], want)
			}
		}
	}
	e, _ := Evaluate(Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: Same, YAN: Different})
	for _, r := range e.Results {
		switch r.Loss.ID {
		case TripletID:
			if !near(r.Value, 0.4, 1e-12) || r.Terms[0].Grad != [2]float64{1, -1} || r.Terms[0].Regime != Hard {
				t.Errorf("triplet on the article's case 1: %+v", r)
			}
		case ContrastiveID:
			if !near(r.Value, 0.1225, 1e-12) || len(r.Terms) != 2 || !near(r.Terms[0].Grad[0], 0.7, 1e-12) {
				t.Errorf("contrastive on the article's case 1: %+v", r)
			}
		}
	}
}

// Every term's gradient matches a finite difference away from kinks.
func TestRegistryGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const h = 1e-6
	for range 500 {
		dap, dan, m := 0.05+rng.Float64()*2, 0.05+rng.Float64()*2, rng.Float64()
		p := Params{Margin: m}
		for _, l := range Registry() {
			switch l.Kind {
			case OnPairs:
				for _, y := range []Label{Same, Different} {
					if math.Abs(m-dap) < 1e-3 {
						continue
					}
					t0, _ := l.Pair(dap, y, p)
					tp, _ := l.Pair(dap+h, y, p)
					tm, _ := l.Pair(dap-h, y, p)
					if fd := (tp.Loss - tm.Loss) / (2 * h); math.Abs(fd-t0.Grad[0]) > 1e-5 {
						t.Fatalf("%s d=%v y=%v m=%v: grad %v, finite difference %v", l.ID, dap, y, m, t0.Grad[0], fd)
					}
				}
			case OnTriplets:
				if math.Abs(dap-dan+m) < 1e-3 || math.Abs(dap*dap-dan*dan+m) < 1e-3 {
					continue
				}
				t0, _ := l.Triplet(dap, dan, p)
				for k, dd := range [2][2]float64{{h, 0}, {0, h}} {
					tp, _ := l.Triplet(dap+dd[0], dan+dd[1], p)
					tm, _ := l.Triplet(dap-dd[0], dan-dd[1], p)
					if fd := (tp.Loss - tm.Loss) / (2 * h); math.Abs(fd-t0.Grad[k]) > 1e-5 {
						t.Fatalf("%s (%v, %v, %v): grad[%d] %v, finite difference %v", l.ID, dap, dan, m, k, t0.Grad[k], fd)
					}
				}
			}
		}
	}
}

// A loss that declares Hinge computes exactly max(g(dap) − g(dan) + m, 0),
// so batch code may sum its terms in closed form.
func TestHingeMatchesTerm(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, l := range declaring(t, "Hinge", 2, func(l Loss) bool { return l.Hinge != NoCurve }) {
		for range 2000 {
			dap, dan, m := rng.Float64()*3, rng.Float64()*3, rng.Float64()*2
			term, err := l.Triplet(dap, dan, Params{Margin: m})
			if err != nil {
				t.Fatal(err)
			}
			v := l.Hinge.Of(dap) - l.Hinge.Of(dan) + m
			want := 0.0
			if v > Tol {
				want = v
			}
			if term.Loss != want || term.Active != (v > Tol) {
				t.Fatalf("%s (%v, %v, %v): term %+v, closed form %v", l.ID, dap, dan, m, term, want)
			}
		}
	}
}

// Hinge.Of does not decrease, in floating point too: batch code merges the
// sorted g(d(a,p)) with the sorted g(d(a,n)) and relies on both being
// sorted. Checked on random distances and on each one's next float.
func TestHingeIncreases(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, l := range declaring(t, "Hinge", 2, func(l Loss) bool { return l.Hinge != NoCurve }) {
		ds := []float64{0, math.SmallestNonzeroFloat64, 1e-300, 1, 1e150, math.MaxFloat64}
		for range 5000 {
			ds = append(ds, rng.Float64()*10, math.Ldexp(rng.Float64(), rng.IntN(200)-100))
		}
		for _, d := range ds {
			next := math.Nextafter(d, math.Inf(1))
			if !(l.Hinge.Of(next) >= l.Hinge.Of(d)) {
				t.Fatalf("%s: g(%v) = %v > g(%v) = %v", l.ID, d, l.Hinge.Of(d), next, l.Hinge.Of(next))
			}
		}
	}
}

// declaring returns the registered losses for which has is true, and fails
// the test if there are fewer than want (the registry's own, by name).
func declaring(t *testing.T, field string, want int, has func(Loss) bool) []Loss {
	t.Helper()
	var ls []Loss
	for _, l := range Registry() {
		if has(l) {
			ls = append(ls, l)
		}
	}
	if len(ls) < want {
		t.Errorf("%d losses declare %s, want at least %d", len(ls), field, want)
	}
	return ls
}

// Reach is a true bound: beyond it a different-class pair costs nothing.
func TestReachIsABound(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	found := 0
	for _, l := range Registry() {
		if l.Reach == nil {
			continue
		}
		found++
		for range 2000 {
			p := Params{Margin: rng.Float64() * 2}
			r := l.Reach(p)
			for _, d := range []float64{r, r + rng.Float64()*3, math.Nextafter(r, 10)} {
				term, err := l.Pair(d, Different, p)
				if err != nil || term != (Term{}) {
					t.Fatalf("%s: d = %v ≥ reach %v gives %+v, %v", l.ID, d, r, term, err)
				}
			}
			// And it is tight: just inside the reach (beyond Tol) the term pushes.
			if d := r - 1e-6; d >= 0 {
				if term, _ := l.Pair(d, Different, p); !term.Active {
					t.Fatalf("%s: d = %v just inside reach %v is inactive", l.ID, d, r)
				}
			}
		}
	}
	if found == 0 {
		t.Error("no loss declares Reach")
	}
}

// Active means the same for every loss: the term is non-zero. The inputs
// include the kinks (d = 0, d = m, a hinge at 0) and underflows, where a
// gradient can be non-zero while the term is 0.
func TestActiveIffTermNonZero(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	special := []float64{0, 1e-170, 1e-9, 0.2, 0.2 + 1e-10, 1, 900}
	pick := func() float64 {
		if rng.IntN(3) == 0 {
			return special[rng.IntN(len(special))]
		}
		return rng.Float64() * 3
	}
	for _, l := range Registry() {
		for range 5000 {
			p, err := l.Resolve(Params{Margin: []float64{0, 0.2, rng.Float64() * 2}[rng.IntN(3)]})
			if err != nil {
				t.Fatal(err)
			}
			var term Term
			a, b := pick(), pick()
			if l.Kind == OnPairs {
				term, err = l.Pair(a, Label(rng.IntN(2)), p)
			} else {
				term, err = l.Triplet(a, b, p)
			}
			if err != nil {
				continue // InfoNCE refuses (d(a,p) − d(a,n))/τ beyond float64
			}
			if term.Active != (term.Loss > 0) {
				t.Fatalf("%s (%v, %v, %+v): loss %v but active=%v", l.ID, a, b, p, term.Loss, term.Active)
			}
		}
	}
}

// The hinge contrastive term of a same-class pair at d = 0 is 0, so it is
// inactive, but keeps its documented subgradient ∂L/∂d = 1.
func TestHingeContrastiveAtZeroIsInactive(t *testing.T) {
	l, _ := Lookup(HingeContrastiveID)
	term, err := l.Pair(0, Same, Params{Margin: 0.5})
	if err != nil || term.Loss != 0 || term.Active || term.Grad[0] != 1 {
		t.Errorf("hinge contrastive (0, same) = %+v, %v; want loss 0, inactive, gradient 1", term, err)
	}
}

// Every triplet loss's Row gives, value for value, the terms its Triplet
// gives, and refuses what Triplet refuses.
func TestRowsMatchTerms(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, l := range Registry() {
		if l.Kind != OnTriplets {
			continue
		}
		if l.Row == nil {
			t.Fatalf("%s has no Row", l.ID)
		}
		for range 200 {
			p := Params{Margin: rng.Float64() * 2, Temperature: 0.05 + rng.Float64()}
			dap, dans := rng.Float64()*3, make([]float64, rng.IntN(6))
			for i := range dans {
				dans[i] = rng.Float64() * 3
			}
			out := make([]Term, len(dans))
			if err := l.Row(dap, dans, p, out); err != nil {
				t.Fatal(err)
			}
			for i, dan := range dans {
				want, _ := l.Triplet(dap, dan, p)
				if out[i] != want {
					t.Fatalf("%s (%v, %v): Row %+v, Triplet %+v", l.ID, dap, dan, out[i], want)
				}
			}
		}
		if err := l.Row(0.5, []float64{0.2, math.NaN()}, Params{Margin: 1}, make([]Term, 2)); !errors.Is(err, ErrDistance) {
			t.Errorf("%s: a NaN d(a,n) in a row: %v", l.ID, err)
		}
		if err := l.Row(-1, []float64{0.2}, Params{Margin: 1}, make([]Term, 1)); !errors.Is(err, ErrDistance) {
			t.Errorf("%s: a negative d(a,p) in a row: %v", l.ID, err)
		}
	}
}

// lookup is the registered loss id; the test fails without it.
func lookup(t testing.TB, id ID) Loss {
	t.Helper()
	l, ok := Lookup(id)
	if !ok {
		t.Fatalf("%s is not registered", id)
	}
	return l
}

// readReference reads a testdata file of reference values into v.
func readReference(t testing.TB, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

// forAnchors calls f for every anchor of the embeddings x with its
// distances under metric to its positives and to its negatives.
func forAnchors(t testing.TB, metric dist.Metric, x [][]float64, labels []int, f func(a int, pos, neg []float64)) {
	t.Helper()
	for a, xa := range x {
		var pos, neg []float64
		for j, xj := range x {
			if j == a {
				continue
			}
			d, err := metric.Between(xa, xj)
			if err != nil {
				t.Fatal(err)
			}
			if labels[j] == labels[a] {
				pos = append(pos, d)
			} else {
				neg = append(neg, d)
			}
		}
		f(a, pos, neg)
	}
}

// A loss that declares GapOf computes its term from d(a,p) − d(a,n) within
// GapTolerance of Triplet's, active exactly where Triplet's is: near 0,
// where the soft-margin loss's series takes over, and far from it.
func TestGapOfMatchesTerm(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, l := range declaring(t, "GapOf", 1, func(l Loss) bool { return l.GapOf != nil }) { // the soft-margin triplet
		for i := range 200000 {
			dap := rng.Float64() * 4
			dan := dap + (rng.Float64()-0.5)*[]float64{0.5, 0.26, 1e-4, 40}[i%4]
			if dan < 0 {
				continue
			}
			term, err := l.Triplet(dap, dan, Params{})
			if err != nil {
				t.Fatal(err)
			}
			v := l.GapOf(dap - dan)
			if math.Abs(v-term.Loss) > GapTolerance || (v > 0) != term.Active {
				t.Fatalf("%s (%v, %v): term %v (active %v), GapOf %v, %.2g apart", l.ID, dap, dan, term.Loss, term.Active, v, v-term.Loss)
			}
		}
	}
}

// The series by hand: softplus(0) = ln 2 exactly, and at ±1/8 (its edge)
// ln(1 + e^(±1/8)) = 0.75759903531716907 and 0.63259903531716907
// (Python's decimal at 40 digits), both sides of the edge agreeing with Softplus.
func TestSoftplusNearZero(t *testing.T) {
	if got := SoftplusNearZero(0); got != math.Ln2 {
		t.Errorf("SoftplusNearZero(0) = %v, want ln 2", got)
	}
	for _, c := range []struct{ x, want float64 }{{0.125, 0.7575990353171691}, {-0.125, 0.6325990353171691}, {1e-9, 0.6931471810599453}} {
		if got := SoftplusNearZero(c.x); math.Abs(got-c.want) > 2e-16 {
			t.Errorf("SoftplusNearZero(%v) = %.17g, want %.17g", c.x, got, c.want)
		}
	}
	for _, x := range []float64{0.125, math.Nextafter(0.125, 1), -0.125, math.Nextafter(-0.125, -1), 3, -800, 800} {
		if d := math.Abs(SoftplusNearZero(x) - Softplus(x)); d > GapTolerance {
			t.Errorf("SoftplusNearZero(%v) is %g from Softplus", x, d)
		}
	}
}

// A pair loss that declares Pull gives, for a same-class pair, Pair's
// term bit for bit, active where positive (d = 0 and underflow included).
func TestPullMatchesTerm(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for _, l := range declaring(t, "Pull", 2, func(l Loss) bool { return l.Pull != NoCurve }) { // contrastive and hinge contrastive
		for i := range 20000 {
			d := rng.Float64() * 5
			switch i % 50 {
			case 0:
				d = 0
			case 1:
				d = 1e-170 // ½d² underflows
			}
			term, err := l.Pair(d, Same, Params{Margin: rng.Float64()})
			if err != nil {
				t.Fatal(err)
			}
			v := l.Pull.Of(d)
			if math.Float64bits(v) != math.Float64bits(term.Loss) || (v > 0) != term.Active {
				t.Fatalf("%s (%v): term %v (active %v), Pull %v", l.ID, d, term.Loss, term.Active, v)
			}
		}
	}
}

// AnchorSorted is Anchor's value, bit for bit, on sorted distances: few
// and many, spread and bunched (the exps that the sums skip), ties, zeros,
// anchors without positives or negatives, at several temperatures.
func TestAnchorSortedIsAnchor(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	list := func(n int, scale float64) []float64 {
		v := make([]float64, n)
		for i := range v {
			switch rng.IntN(8) {
			case 0:
				v[i] = 0
			case 1:
				v[i] = math.Round(rng.Float64() * 4) // ties
			default:
				v[i] = rng.Float64() * scale
			}
		}
		slices.Sort(v)
		return v
	}
	for _, l := range declaring(t, "AnchorSorted", 2, func(l Loss) bool { return l.AnchorSorted != nil }) {
		for i := range 3000 {
			scale := []float64{0.3, 1, 5, 40}[i%4]
			pos, neg := list(rng.IntN(40), scale), list(rng.IntN(200), scale)
			p, err := l.Resolve(Params{Temperature: []float64{0, 0.02, 0.5, 3}[rng.IntN(4)]})
			if err != nil {
				t.Fatal(err)
			}
			want, werr := l.Anchor(pos, neg, p, nil, nil)
			got, gerr := l.AnchorSorted(pos, neg, p)
			if (werr == nil) != (gerr == nil) || math.Float64bits(got.Sum) != math.Float64bits(want.Sum) ||
				got.Terms != want.Terms || got.Active != want.Active {
				t.Fatalf("%s on %d positives and %d negatives (scale %v, %+v): sorted %+v (%v), Anchor %+v (%v)",
					l.ID, len(pos), len(neg), scale, p, got, gerr, want, werr)
			}
		}
	}
}
