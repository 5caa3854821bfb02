package loss

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"losslab/core/dist"
)

func multiSimilarity(t testing.TB) Loss { return lookup(t, MultiSimilarityID) }

// By hand, with α = 2, β = 50, λ = 0.5. Both distances at the base: each
// part is log(1 + e⁰)/its scale, ln 2/2 + ln 2/50, and each derivative is
// the weight ½ of e⁰ against the 1. The article's first example: the
// positive 0.2 past the base costs log(1 + e^0.4)/2, the negative at the
// base ln 2/50; ∂/∂d(a,p) = σ(0.4).
func TestMultiSimilarityByHand(t *testing.T) {
	l := multiSimilarity(t)
	for _, c := range []struct {
		dap, dan, want, gp, gn float64
	}{
		{0.5, 0.5, math.Ln2/2 + math.Ln2/50, 0.5, -0.5},
		{0.7, 0.5, math.Log(1+math.Exp(0.4))/2 + math.Ln2/50, 1 / (1 + math.Exp(-0.4)), -0.5},
		// Far apart: the push part underflows to 0 and so does its derivative.
		{0.5, 30, math.Ln2 / 2, 0.5, 0},
	} {
		term, err := l.Triplet(c.dap, c.dan, Params{Margin: 9, Temperature: 9}) // it reads neither
		if err != nil {
			t.Fatal(err)
		}
		if !near(term.Loss, c.want, 1e-15) || !near(term.Grad[0], c.gp, 1e-15) || !near(term.Grad[1], c.gn, 1e-15) || !term.Active {
			t.Errorf("(%v, %v): %+v, want loss %v, ∂ %v, %v", c.dap, c.dan, term, c.want, c.gp, c.gn)
		}
		v, err := l.Anchor([]float64{c.dap}, []float64{c.dan}, Params{}, nil, nil)
		if err != nil || v.Sum != term.Loss || v.Terms != 1 || v.Active != 1 {
			t.Errorf("(%v, %v): the anchor form gives %+v, %v; the triplet form %v", c.dap, c.dan, v, err, term.Loss)
		}
	}
	// No positive and no negative: both logs are log 1 = 0, still one term.
	if v, err := l.Anchor(nil, nil, Params{}, nil, nil); err != nil || v != (AnchorValue{Terms: 1}) {
		t.Errorf("empty anchor: %+v, %v", v, err)
	}
}

type multiSimilarityReference struct {
	Alpha, Beta, Base float64
	Anchor            []struct {
		Pos, Neg []float64
		Loss     float64
		GradPos  []float64 `json:"grad_pos"`
		GradNeg  []float64 `json:"grad_neg"`
	}
	Batch []struct {
		Embeddings      [][]float64
		Labels          []int
		CosineLoss      float64     `json:"cosine_loss"`
		EuclideanLoss   float64     `json:"euclidean_loss"`
		CosineDistances [][]float64 `json:"cosine_distances"`
	}
}

func loadMultiSimilarityReference(t *testing.T) multiSimilarityReference {
	t.Helper()
	var ref multiSimilarityReference
	readReference(t, "testdata/multi_similarity.json", &ref)
	if ref.Alpha != MultiSimilarityAlpha || ref.Beta != MultiSimilarityBeta || ref.Base != MultiSimilarityBase {
		t.Fatalf("reference for α %v, β %v, λ %v", ref.Alpha, ref.Beta, ref.Base)
	}
	if len(ref.Anchor) == 0 || len(ref.Batch) == 0 {
		t.Fatal("empty reference")
	}
	return ref
}

// One anchor's loss and its gradient, against PyTorch autograd on the
// transcription of pytorch-metric-learning (testdata/multi_similarity_reference.py).
func TestMultiSimilarityAnchorMatchesPyTorch(t *testing.T) {
	l := multiSimilarity(t)
	for i, c := range loadMultiSimilarityReference(t).Anchor {
		gp, gn := make([]float64, len(c.Pos)), make([]float64, len(c.Neg))
		v, err := l.Anchor(c.Pos, c.Neg, Params{}, gp, gn)
		if err != nil {
			t.Fatal(err)
		}
		if !near(v.Sum, c.Loss, 1e-12*math.Max(1, c.Loss)) {
			t.Errorf("anchor %d %v %v: %.17g, PyTorch %.17g", i, c.Pos, c.Neg, v.Sum, c.Loss)
		}
		for _, side := range []struct {
			got, want []float64
		}{{gp, c.GradPos}, {gn, c.GradNeg}} {
			if len(side.got) != len(side.want) {
				t.Fatalf("anchor %d: %d derivatives, PyTorch %d", i, len(side.got), len(side.want))
			}
			for k := range side.got {
				if !near(side.got[k], side.want[k], 1e-12) {
					t.Errorf("anchor %d: ∂/∂d[%d] %.17g, PyTorch %.17g", i, k, side.got[k], side.want[k])
				}
			}
		}
	}
}

// Whole batches: the mean over anchors on the cosine distance equals
// pytorch-metric-learning's default (cosine similarity), and on the plain
// Euclidean distance its LpDistance(normalize_embeddings=False).
func TestMultiSimilarityBatchMatchesPyTorch(t *testing.T) {
	l := multiSimilarity(t)
	for i, c := range loadMultiSimilarityReference(t).Batch {
		for a := range c.Embeddings {
			for j := range c.Embeddings {
				if d, _ := dist.Cosine.Between(c.Embeddings[a], c.Embeddings[j]); j != a && !near(d, c.CosineDistances[a][j], 1e-12) {
					t.Fatalf("batch %d: cosine distance (%d, %d) %v, PyTorch %v", i, a, j, d, c.CosineDistances[a][j])
				}
			}
		}
		for _, m := range []struct {
			metric dist.Metric
			want   float64
		}{{dist.Cosine, c.CosineLoss}, {dist.Euclidean, c.EuclideanLoss}} {
			var sum float64
			forAnchors(t, m.metric, c.Embeddings, c.Labels, func(a int, pos, neg []float64) {
				v, err := l.Anchor(pos, neg, Params{}, nil, nil)
				if err != nil || v.Terms != 1 {
					t.Fatalf("batch %d anchor %d: %+v, %v", i, a, v, err)
				}
				sum += v.Sum
			})
			if got := sum / float64(len(c.Embeddings)); !near(got, m.want, 1e-12*math.Max(1, m.want)) {
				t.Errorf("batch %d (%s): %.17g, PyTorch %.17g", i, m.metric, got, m.want)
			}
		}
	}
}

func TestMultiSimilarityGradientMatchesFiniteDifferences(t *testing.T) {
	checkAnchorGradient(t, multiSimilarity(t), Params{}, 13)
}

// Properties over random anchors: the term is ≥ 0 and finite; pulling a
// positive closer or pushing a negative away never raises it, and the
// derivatives say so by their signs.
func TestMultiSimilarityProperties(t *testing.T) {
	l := multiSimilarity(t)
	rng := rand.New(rand.NewPCG(21, 22))
	for range 500 {
		pos, neg := make([]float64, rng.IntN(5)), make([]float64, rng.IntN(8))
		for i := range pos {
			pos[i] = rng.Float64() * 3
		}
		for i := range neg {
			neg[i] = rng.Float64() * 3
		}
		gp, gn := make([]float64, len(pos)), make([]float64, len(neg))
		v0, err := l.Anchor(pos, neg, Params{}, gp, gn)
		if err != nil || !(v0.Sum >= 0) || math.IsInf(v0.Sum, 0) {
			t.Fatalf("%v %v: %+v, %v", pos, neg, v0, err)
		}
		for _, g := range gp {
			if !(g > 0 && g < 1) {
				t.Fatalf("∂/∂d(a,p) = %v outside (0, 1)", g)
			}
		}
		for _, g := range gn {
			if !(g <= 0 && g > -1) {
				t.Fatalf("∂/∂d(a,n) = %v outside (−1, 0]", g)
			}
		}
		if len(pos) > 0 {
			pos[0] *= 0.5
		}
		if len(neg) > 0 {
			neg[0] += 0.5
		}
		v1, _ := l.Anchor(pos, neg, Params{}, nil, nil)
		if v1.Sum > v0.Sum {
			t.Fatalf("a closer positive and a farther negative raised the term: %v → %v", v0.Sum, v1.Sum)
		}
	}
}

func TestMultiSimilarityRejectsBadDistances(t *testing.T) {
	l := multiSimilarity(t)
	for _, d := range []float64{-0.1, math.NaN(), math.Inf(1)} {
		if _, err := l.Triplet(d, 0.5, Params{}); !errors.Is(err, ErrDistance) {
			t.Errorf("d(a,p) = %v: %v", d, err)
		}
		if _, err := l.Anchor([]float64{0.5}, []float64{0.5, d}, Params{}, nil, nil); !errors.Is(err, ErrDistance) {
			t.Errorf("d(a,n) = %v: %v", d, err)
		}
	}
}

// For any finite distances the term is finite, ≥ 0 and its derivatives in
// range: no exponent overflows, even at 1e308.
func FuzzMultiSimilarity(f *testing.F) {
	f.Add(0.7, 0.5, 0.9)
	f.Add(0.0, 0.0, 0.0)
	f.Add(1e308, 1e-300, 1e308)
	f.Add(0.5, 1e6, 0.49)
	f.Fuzz(func(t *testing.T, p1, p2, n1 float64) {
		l, _ := Lookup(MultiSimilarityID)
		gp, gn := make([]float64, 2), make([]float64, 1)
		v, err := l.Anchor([]float64{p1, p2}, []float64{n1}, Params{}, gp, gn)
		if err != nil {
			if !errors.Is(err, ErrDistance) {
				t.Fatalf("(%v, %v; %v): %v", p1, p2, n1, err)
			}
			return
		}
		if !(v.Sum >= 0) || math.IsInf(v.Sum, 0) || v.Terms != 1 {
			t.Fatalf("(%v, %v; %v) = %+v", p1, p2, n1, v)
		}
		if !(gp[0] >= 0 && gp[1] >= 0 && gp[0]+gp[1] <= 1+1e-15 && gn[0] <= 0 && gn[0] >= -1) {
			t.Fatalf("(%v, %v; %v): ∂ %v %v", p1, p2, n1, gp, gn)
		}
	})
}

// softLogSum skips exponents below expIsZero because math.Exp is 0 there:
// checked on a fine grid down to −1e4, so that skipping changes no bit.
func TestExpIsZeroBelowExpIsZero(t *testing.T) {
	for x := float64(expIsZero); x > -1e4; x -= 0.001 {
		if e := math.Exp(x); e != 0 || math.Signbit(e) {
			t.Fatalf("math.Exp(%v) = %v, want +0", x, e)
		}
	}
	if math.Exp(-745) == 0 {
		t.Error("math.Exp(−745) is 0: the comment's bound is wrong")
	}
}

// The push leaves out the negatives' exps below 2⁻⁶⁰ of the pull: the
// anchor's term is within one part in 2⁵⁹ of the sum with every exp, on
// anchors whose negatives are near, far and in between (β = 50 makes most
// far ones negligible).
func TestMultiSimilarityLeavesOutOnlyNegligible(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	left := 0
	for range 2000 {
		pos, neg := make([]float64, 1+r.IntN(40)), make([]float64, 1+r.IntN(400))
		for i := range pos {
			pos[i] = r.Float64() * 3
		}
		spread := []float64{0.7, 2, 20}[r.IntN(3)]
		for i := range neg {
			neg[i] = r.Float64() * spread
		}
		v, err := multiSimilarityAnchor(pos, neg, Params{}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		pull, _ := softLogSum(pos, MultiSimilarityAlpha, 1, "d(a,p)", nil, 0)
		push, _ := softLogSum(neg, MultiSimilarityBeta, -1, "d(a,n)", nil, 0)
		if math.Abs(v.Sum-(pull+push)) > 0x1p-59*(pull+push) {
			t.Fatalf("%d positives, %d negatives: %v, with every exp %v", len(pos), len(neg), v.Sum, pull+push)
		}
		if v.Sum != pull+push {
			left++
		}
	}
	t.Logf("%d of 2000 anchors' terms differ in their last bit", left)
}
