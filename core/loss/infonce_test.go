package loss

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"losslab/core/dist"
)

type infoNCEReference struct {
	Triplet []struct {
		DAP, DAN, Temperature, Loss float64
	}
	Batch []struct {
		Embeddings    [][]float64
		Labels        []int
		Distance      string
		Temperature   float64
		PositivePairs int `json:"positive_pairs"`
		Loss          float64
	}
}

func loadInfoNCEReference(t *testing.T) infoNCEReference {
	t.Helper()
	var ref infoNCEReference
	readReference(t, "testdata/infonce.json", &ref)
	if len(ref.Triplet) == 0 || len(ref.Batch) == 0 {
		t.Fatal("reference data is empty")
	}
	return ref
}

func infoNCE(t *testing.T) Loss { return lookup(t, InfoNCEID) }

// By hand: on the article's 0.7 / 0.5 the logit gap is 0.2/τ, and
// softplus(0.2) = ln(1 + e^0.2) = 0.79814, softplus(2) = 2.12693.
func TestInfoNCEByHand(t *testing.T) {
	l := infoNCE(t)
	for _, c := range []struct{ tau, want float64 }{{1, 0.798138869381592}, {0.1, 2.126928011042972}, {0, 2.126928011042972}} {
		term, err := l.Triplet(0.7, 0.5, Params{Temperature: c.tau})
		if err != nil {
			t.Fatal(err)
		}
		if !near(term.Loss, c.want, 1e-12) {
			t.Errorf("τ = %v: %v, want %v", c.tau, term.Loss, c.want)
		}
	}
	// The same through the batch form: one positive, one negative.
	sum, err := anchorSum(l, []float64{0.7}, []float64{0.5}, Params{Temperature: 0.1})
	if err != nil || !near(sum, 2.126928011042972, 1e-12) {
		t.Errorf("anchor form = %v, %v", sum, err)
	}
}

func TestInfoNCETripletMatchesPyTorch(t *testing.T) {
	l := infoNCE(t)
	for _, c := range loadInfoNCEReference(t).Triplet {
		term, err := l.Triplet(c.DAP, c.DAN, Params{Temperature: c.Temperature})
		if err != nil {
			t.Fatal(err)
		}
		if !near(term.Loss, c.Loss, 1e-12*math.Max(1, c.Loss)) {
			t.Errorf("(%v, %v, τ %v) = %.17g, PyTorch %.17g", c.DAP, c.DAN, c.Temperature, term.Loss, c.Loss)
		}
	}
}

// The batch form, summed over anchors and divided by the positive pairs,
// is SupCon's mean; PyTorch computed it from the similarity matrix.
func TestInfoNCEBatchMatchesPyTorch(t *testing.T) {
	l := infoNCE(t)
	for i, c := range loadInfoNCEReference(t).Batch {
		metric, err := dist.Parse(c.Distance)
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		pairs := 0
		forAnchors(t, metric, c.Embeddings, c.Labels, func(_ int, pos, neg []float64) {
			s, err := anchorSum(l, pos, neg, Params{Temperature: c.Temperature})
			if err != nil {
				t.Fatal(err)
			}
			sum, pairs = sum+s, pairs+len(pos)
		})
		if pairs != c.PositivePairs {
			t.Fatalf("case %d: %d positive pairs, PyTorch %d", i, pairs, c.PositivePairs)
		}
		if got := sum / float64(pairs); !near(got, c.Loss, 1e-9*math.Max(1, c.Loss)) {
			t.Errorf("case %d (%s, τ %v): %.17g, PyTorch %.17g", i, c.Distance, c.Temperature, got, c.Loss)
		}
	}
}

// Every stated equivalence holds: InfoNCE at τ = 1 is the soft-margin triplet.
func TestEquivalences(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	checked := 0
	for _, l := range Registry() {
		if l.Equals.ID == "" {
			continue
		}
		other, ok := Lookup(l.Equals.ID)
		if !ok || other.Kind != l.Kind {
			t.Fatalf("%s equals %s, which is not a loss of its kind", l.ID, l.Equals.ID)
		}
		for range 1000 {
			dap, dan, m := rng.Float64()*3, rng.Float64()*3, rng.Float64()*2
			p := l.Equals.Params
			p.Margin = m
			a, err1 := l.Triplet(dap, dan, p)
			b, err2 := other.Triplet(dap, dan, Params{Margin: m})
			if err1 != nil || err2 != nil || !near(a.Loss, b.Loss, 1e-15) || a.Grad != b.Grad {
				t.Fatalf("%s%+v (%v, %v) = %+v, %s = %+v", l.ID, p, dap, dan, a, other.ID, b)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Error("no loss states an equivalence")
	}
}

// Distances far beyond τ neither overflow nor underflow to NaN: the
// log-sum-exp is shifted by the nearest sample.
func TestInfoNCEExtremeDistances(t *testing.T) {
	l := infoNCE(t)
	p := Params{Temperature: 0.01}
	sum, err := anchorSum(l, []float64{1e4, 1e4 + 1}, []float64{1e4 + 0.5, 2e4}, p)
	if err != nil || math.IsNaN(sum) || math.IsInf(sum, 0) {
		t.Fatalf("anchor form = %v, %v", sum, err)
	}
	// By hand: gaps 0, 100, 50 (×1/τ) from the nearest; the positive at the
	// nearest distance costs log(1 + e⁻¹⁰⁰ + e⁻⁵⁰) ≈ e⁻⁵⁰, the other 100 more.
	if want := 100.0; !near(sum, want, 1e-9) {
		t.Errorf("anchor form = %.17g, want %v", sum, want)
	}
}

func TestInfoNCERejectsBadTemperature(t *testing.T) {
	l := infoNCE(t)
	for _, tau := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := l.Triplet(0.7, 0.5, Params{Temperature: tau}); !errors.Is(err, ErrTemperature) {
			t.Errorf("τ = %v: err %v", tau, err)
		}
		if _, err := anchorSum(l, []float64{0.7}, []float64{0.5}, Params{Temperature: tau}); !errors.Is(err, ErrTemperature) {
			t.Errorf("anchor form, τ = %v: err %v", tau, err)
		}
		if _, err := l.Resolve(Params{Temperature: tau}); !errors.Is(err, ErrTemperature) {
			t.Errorf("Resolve, τ = %v: err %v", tau, err)
		}
	}
	if _, err := anchorSum(l, []float64{math.NaN()}, nil, Params{}); !errors.Is(err, ErrDistance) {
		t.Errorf("NaN distance: %v", err)
	}
}

// A property over random anchors: the batch form is ≥ 0 per positive
// (each term is −log of a probability), and shrinks when a negative moves away.
func TestInfoNCEAnchorProperties(t *testing.T) {
	l := infoNCE(t)
	rng := rand.New(rand.NewPCG(9, 10))
	for range 500 {
		pos := make([]float64, 1+rng.IntN(5))
		neg := make([]float64, 1+rng.IntN(8))
		for i := range pos {
			pos[i] = rng.Float64() * 2
		}
		for i := range neg {
			neg[i] = rng.Float64() * 2
		}
		p := Params{Temperature: 0.05 + rng.Float64()}
		s0, err := anchorSum(l, pos, neg, p)
		if err != nil {
			t.Fatal(err)
		}
		if s0 < 0 {
			t.Fatalf("negative sum %v", s0)
		}
		neg[0] += 0.5
		s1, _ := anchorSum(l, pos, neg, p)
		if s1 > s0 {
			t.Fatalf("moving a negative away raised the loss: %v → %v", s0, s1)
		}
	}
}

// For any distances and τ, the anchor form is finite and ≥ 0 (or an input
// error), and with the numbers small enough to compute naively it agrees
// with the naive −log softmax.
func FuzzInfoNCEAnchor(f *testing.F) {
	f.Add(0.7, 0.5, 0.9, 0.1)
	f.Add(0.0, 0.0, 0.0, 1.0)
	f.Add(1e4, 1e4+1, 2e4, 0.01)
	f.Add(1e300, 0.0, 1.0, 1e-300)
	f.Fuzz(func(t *testing.T, p1, n1, n2, tau float64) {
		l, _ := Lookup(InfoNCEID)
		sum, err := anchorSum(l, []float64{p1}, []float64{n1, n2}, Params{Temperature: tau})
		if err != nil {
			if !errors.Is(err, ErrDistance) && !errors.Is(err, ErrTemperature) && !errors.Is(err, ErrOverflow) {
				t.Fatalf("(%v; %v, %v; τ %v): %v", p1, n1, n2, tau, err)
			}
			return
		}
		if math.IsNaN(sum) || math.IsInf(sum, 0) || sum < 0 {
			t.Fatalf("(%v; %v, %v; τ %v) = %v", p1, n1, n2, tau, sum)
		}
		if math.Abs(p1)+math.Abs(n1)+math.Abs(n2) < 10 && tau > 0.5 && tau < 10 {
			e := func(d float64) float64 { return math.Exp(-d / tau) }
			naive := -math.Log(e(p1) / (e(p1) + e(n1) + e(n2)))
			if math.Abs(naive-sum) > 1e-12 {
				t.Fatalf("(%v; %v, %v; τ %v) = %v, naive %v", p1, n1, n2, tau, sum, naive)
			}
		}
	})
}

// One anchor of a 4096-sample batch (64 positives): the batch kernel calls
// this once per anchor. Target: under 20 µs, so that InfoNCE costs under
// 0.1 s of CPU over the 4096 anchors of `batch` (measured: 6.9 µs).
func BenchmarkInfoNCEAnchor4096(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	pos, neg := make([]float64, 63), make([]float64, 4032)
	for i := range pos {
		pos[i] = 10 + rng.NormFloat64()
	}
	for i := range neg {
		neg[i] = 14 + rng.NormFloat64()
	}
	l, _ := Lookup(InfoNCEID)
	p := Params{Temperature: 0.1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := anchorSum(l, pos, neg, p); err != nil {
			b.Fatal(err)
		}
	}
}

// anchorSum is the anchor form's sum alone.
func anchorSum(l Loss, pos, neg []float64, p Params) (float64, error) {
	v, err := l.Anchor(pos, neg, p, nil, nil)
	return v.Sum, err
}

// The anchor form's gradient by hand: with one positive and one negative,
// both at 1, τ = 1, π = ½ each, so ∂L/∂d(a,p) = 1 − ½ and ∂L/∂d(a,n) = −½.
func TestInfoNCEGradientByHand(t *testing.T) {
	l := infoNCE(t)
	gp, gn := make([]float64, 2), make([]float64, 1)
	v, err := l.Anchor([]float64{1}, []float64{1}, Params{Temperature: 1}, gp[:1], gn)
	if err != nil || v.Terms != 1 || v.Active != 1 || math.Abs(gp[0]-0.5) > 1e-15 || math.Abs(gn[0]+0.5) > 1e-15 {
		t.Errorf("%+v, %v: ∂L/∂d = %v, %v; want 0.5, -0.5", v, err, gp[0], gn[0])
	}
	// Two positives on the anchor, no negative: each term is log 2 and
	// nothing can lower it, so the gradient is 0.
	v, err = l.Anchor([]float64{0, 0}, nil, Params{Temperature: 1}, gp, nil)
	if err != nil || math.Abs(v.Sum-2*math.Ln2) > 1e-15 || v.Terms != 2 || gp[0] != 0 || gp[1] != 0 {
		t.Errorf("two positives alone: %+v, %v, ∂L/∂d %v; want 2 ln 2 and 0", v, err, gp)
	}
	// Far negatives: the gradient vanishes without overflow.
	if _, err := l.Anchor([]float64{0}, []float64{1e6}, Params{Temperature: 0.1}, gp[:1], gn); err != nil || gp[0] != 0 || gn[0] != 0 {
		t.Errorf("far negative: %v %v, %v", gp[0], gn[0], err)
	}
	// No positive: no term, and no gradient on the negatives.
	gn[0] = 7
	if v, err := l.Anchor(nil, []float64{0.5}, Params{}, gp[:0], gn); err != nil || v != (AnchorValue{}) || gn[0] != 0 {
		t.Errorf("no positive: %+v, %v, ∂L/∂d(a,n) %v", v, err, gn[0])
	}
}

// The anchor form's gradient is the derivative of its sum: central
// differences on random anchors.
func TestInfoNCEGradientMatchesFiniteDifferences(t *testing.T) {
	checkAnchorGradient(t, infoNCE(t), Params{Temperature: 0.3}, 11)
}

// checkAnchorGradient compares an anchor-wide loss's gradient with central
// differences of its sum on random anchors drawn with seed.
func checkAnchorGradient(t *testing.T, l Loss, p Params, seed uint64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	for trial := range 200 {
		pos, neg := make([]float64, 1+rng.IntN(4)), make([]float64, 1+rng.IntN(6))
		for i := range pos {
			pos[i] = 0.05 + rng.Float64()*1.5
		}
		for i := range neg {
			neg[i] = 0.05 + rng.Float64()*1.5
		}
		gp, gn := make([]float64, len(pos)), make([]float64, len(neg))
		if _, err := l.Anchor(pos, neg, p, gp, gn); err != nil {
			t.Fatal(err)
		}
		const h = 1e-6
		for _, side := range []struct {
			ds, g []float64
		}{{pos, gp}, {neg, gn}} {
			for i := range side.ds {
				keep := side.ds[i]
				side.ds[i] = keep + h
				up, _ := anchorSum(l, pos, neg, p)
				side.ds[i] = keep - h
				down, _ := anchorSum(l, pos, neg, p)
				side.ds[i] = keep
				if fd := (up - down) / (2 * h); math.Abs(fd-side.g[i]) > 1e-6+1e-6*math.Abs(fd) {
					t.Fatalf("trial %d: %s ∂/∂d[%d] = %.10g, finite difference %.10g (pos %v, neg %v)", trial, l.ID, i, side.g[i], fd, pos, neg)
				}
			}
		}
	}
}
