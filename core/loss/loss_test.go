package loss

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"losslab/core/dist"
	"losslab/internal/golden"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// The source article's worked examples, checkable by hand.
func TestArticleExamples(t *testing.T) {
	cases := []struct {
		dap, dan, m, triplet float64
		regime               Regime
	}{
		{0.7, 0.5, 0.2, 0.4, Hard}, // case 1: weak network
		{0.1, 0.6, 0.2, 0, Easy},   // case 2: good network
		{0.7, 0.5, 0, 0.2, Hard},   // case 3, no margin
		{0.1, 0.6, 0, 0, Easy},     // case 3: max(−0.5, 0) is 0, not the article's −0.5
		{0.1, 0.3, 0.2, 0, Easy},   // on the boundary: 2.8e-17 in float64 counts as 0
		{0.3, 0.4, 0.2, 0.1, SemiHard},
	}
	for _, c := range cases {
		tr, err := TripletLoss(c.dap, c.dan, c.m)
		if err != nil {
			t.Fatal(err)
		}
		if !near(tr.Loss, c.triplet, 1e-12) || tr.Regime != c.regime || tr.Active != (c.triplet > 0) {
			t.Errorf("TripletLoss(%v, %v, %v) = %v %v active=%v, want %v %v", c.dap, c.dan, c.m, tr.Loss, tr.Regime, tr.Active, c.triplet, c.regime)
		}
	}
	e, err := Evaluate(Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: Same, YAN: Different})
	if err != nil {
		t.Fatal(err)
	}
	// ½·0.49 = 0.245 for the positive, ½·[0.2 − 0.5]+² = 0 for the negative, mean 0.1225.
	if !near(e.Pairs[0].Loss, 0.245, 1e-12) || e.Pairs[1].Loss != 0 || !near(e.Contrastive, 0.1225, 1e-12) {
		t.Errorf("contrastive of case 1 = %v (pairs %v, %v), want 0.1225 (0.245, 0)", e.Contrastive, e.Pairs[0].Loss, e.Pairs[1].Loss)
	}
	if !e.Valid || e.Pairs[1].Active || !e.Triplet.Active {
		t.Errorf("case 1: valid=%v a-n active=%v triplet active=%v", e.Valid, e.Pairs[1].Active, e.Triplet.Active)
	}
}

// value is the result of loss id in e.
func value(t *testing.T, e Evaluation, id ID) float64 {
	t.Helper()
	r, ok := e.Result(id)
	if !ok {
		t.Fatalf("no result for %s", id)
	}
	return r.Value
}

func label(y int) Label {
	if y == 1 {
		return Same
	}
	return Different
}

func TestGoldenScalar(t *testing.T) {
	g, err := golden.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := append(append([]golden.Scalar{}, g.SeedExamples...), g.Scalar...)
	if len(cases) < 60 {
		t.Fatalf("only %d scalar cases in the reference data", len(cases))
	}
	for i, c := range cases {
		e, err := Evaluate(Setting{DAP: c.DAP, DAN: c.DAN, Margin: c.Margin, YAP: label(c.YAP), YAN: label(c.YAN)})
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		check := func(name string, got, want float64) {
			if !near(got, want, 1e-9) {
				t.Errorf("case %d (%v/%v/%v): %s = %.17g, want %.17g", i, c.DAP, c.DAN, c.Margin, name, got, want)
			}
		}
		check("contrastive", e.Contrastive, c.Contrastive)
		check("contrastive a-p", e.Pairs[0].Loss, c.ContrastivePairs[0])
		check("contrastive a-n", e.Pairs[1].Loss, c.ContrastivePairs[1])
		check("triplet", e.Triplet.Loss, c.Triplet)
		check("soft margin", value(t, e, SoftMarginID), c.SoftMargin)
		check("squared", value(t, e, SquaredTripletID), c.SquaredTriplet)
		if e.Triplet.Regime.String() != c.Regime {
			t.Errorf("case %d: regime %v, want %s", i, e.Triplet.Regime, c.Regime)
		}
	}
}

func TestGoldenVector(t *testing.T) {
	g, err := golden.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range g.Vector {
		m, err := dist.Parse(c.Distance)
		if err != nil {
			t.Fatal(err)
		}
		tr, _, _, _, err := TripletOnVectors(m, c.Anchor, c.Positive, c.Negative, c.Margin)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		e, err := Evaluate(Setting{DAP: tr.DAP, DAN: tr.DAN, Margin: c.Margin, YAP: Same, YAN: Different})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range [][3]float64{{tr.DAP, c.DAP}, {tr.DAN, c.DAN}, {tr.Loss, c.Triplet}, {e.Contrastive, c.Contrastive}} {
			if !near(v[0], v[1], 1e-9) {
				t.Errorf("case %d (%s): got %.17g, want %.17g", i, c.Distance, v[0], v[1])
			}
		}
	}
}

func TestValidation(t *testing.T) {
	bad := []struct {
		dap, dan, m float64
		field       string
		want        error
	}{
		{-0.1, 0.5, 0.2, "d(a,p)", ErrDistance},
		{0.1, math.NaN(), 0.2, "d(a,n)", ErrDistance},
		{math.Inf(1), 0.5, 0.2, "d(a,p)", ErrDistance},
		{0.1, 0.5, -1, "margin", ErrMargin},
		{0.1, 0.5, math.NaN(), "margin", ErrMargin},
	}
	for _, c := range bad {
		_, err := TripletLoss(c.dap, c.dan, c.m)
		var ie *InputError
		if !errors.Is(err, c.want) || !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("TripletLoss(%v, %v, %v) error %v, want %v on %s", c.dap, c.dan, c.m, err, c.want, c.field)
		}
		if _, err := Evaluate(Setting{DAP: c.dap, DAN: c.dan, Margin: c.m}); !errors.Is(err, c.want) {
			t.Errorf("Evaluate(%v, %v, %v) error %v, want %v", c.dap, c.dan, c.m, err, c.want)
		}
	}
	if _, err := ContrastivePair(-1, 0.2, Same); !errors.Is(err, ErrDistance) {
		t.Errorf("ContrastivePair(-1) error %v", err)
	}
	if _, err := ParseLabel("maybe"); !errors.Is(err, ErrLabel) {
		t.Errorf("ParseLabel error %v", err)
	}
	if _, err := ContrastiveMean([]float64{1}, nil, 0.2); err == nil {
		t.Error("ContrastiveMean accepted mismatched lengths")
	}
}

func TestLabelProblem(t *testing.T) {
	for _, c := range []struct {
		yap, yan Label
		want     LabelProblem
	}{
		{Same, Different, NoProblem},
		{Different, Different, PositiveDifferent},
		{Same, Same, NegativeSame},
		{Different, Same, BothSwapped},
	} {
		s := Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: c.yap, YAN: c.yan}
		e, _ := Evaluate(s)
		if got := s.Problem(); got != c.want || e.Valid != (c.want == NoProblem) {
			t.Errorf("%v/%v: %q valid=%v, want %q", c.yap, c.yan, got, e.Valid, c.want)
		}
		if !near(e.Triplet.Loss, 0.4, 1e-12) {
			t.Errorf("%v/%v: the triplet loss must still be computed, got %v", c.yap, c.yan, e.Triplet.Loss)
		}
	}
}

func TestSoftplusStable(t *testing.T) {
	for _, x := range []float64{-1000, -40, -1, 0, 1, 40, 1000} {
		s, g := Softplus(x), Sigmoid(x)
		if math.IsNaN(s) || math.IsInf(s, 0) || s < 0 || g < 0 || g > 1 {
			t.Errorf("Softplus(%v) = %v, Sigmoid = %v", x, s, g)
		}
	}
	if !near(Softplus(0), math.Ln2, 1e-15) || !near(Softplus(1000), 1000, 1e-12) || Softplus(-1000) != 0 {
		t.Error("Softplus off at 0, 1000 or −1000")
	}
}

func randomSetting(r *rand.Rand) Setting {
	return Setting{DAP: 3 * r.Float64(), DAN: 3 * r.Float64(), Margin: 2 * r.Float64(), YAP: Label(r.IntN(2)), YAN: Label(r.IntN(2))}
}

func TestPropertiesNonNegativeAndMonotone(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		s := randomSetting(r)
		e, err := Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range e.Results {
			if v := r.Value; v < 0 || math.IsNaN(v) {
				t.Fatalf("%+v: negative or NaN %s %v", s, r.Loss.ID, v)
			}
		}
		for _, v := range []float64{e.Triplet.Loss, e.Contrastive, e.Pairs[0].Loss, e.Pairs[1].Loss} {
			if v < 0 || math.IsNaN(v) {
				t.Fatalf("%+v: negative or NaN loss %v", s, v)
			}
		}
		step := 0.1 * r.Float64()
		up, _ := TripletLoss(s.DAP+step, s.DAN, s.Margin)
		if up.Loss < e.Triplet.Loss {
			t.Fatalf("%+v: triplet decreased as d(a,p) grew", s)
		}
		far, _ := TripletLoss(s.DAP, s.DAN+step, s.Margin)
		if far.Loss > e.Triplet.Loss {
			t.Fatalf("%+v: triplet increased as d(a,n) grew", s)
		}
		// The regime and the hinge tell the same story.
		if (e.Triplet.Regime == Easy) == e.Triplet.Active {
			t.Fatalf("%+v: regime %v but active=%v", s, e.Triplet.Regime, e.Triplet.Active)
		}
	}
}

// Analytic gradients against central finite differences, away from kinks.
func TestGradientsFiniteDifferences(t *testing.T) {
	const h = 1e-6
	r := rand.New(rand.NewPCG(3, 4))
	fd := func(f func(float64) float64, x float64) float64 { return (f(x+h) - f(x-h)) / (2 * h) }
	for range 2000 {
		s := randomSetting(r)
		s.DAP, s.DAN = s.DAP+0.01, s.DAN+0.01
		if math.Abs(s.DAP-s.DAN+s.Margin) < 1e-3 || math.Abs(s.Margin-s.DAN) < 1e-3 || math.Abs(s.Margin-s.DAP) < 1e-3 ||
			math.Abs(s.DAP*s.DAP-s.DAN*s.DAN+s.Margin) < 1e-3 {
			continue
		}
		e, _ := Evaluate(s)
		sq, _ := SquaredTripletLoss(s.DAP, s.DAN, s.Margin)
		soft, _ := SoftMarginTripletLoss(s.DAP, s.DAN)
		checks := []struct {
			name     string
			analytic float64
			f        func(float64) float64
			x        float64
		}{
			{"triplet/dap", e.Triplet.GradDAP, func(x float64) float64 { v, _ := TripletLoss(x, s.DAN, s.Margin); return v.Loss }, s.DAP},
			{"triplet/dan", e.Triplet.GradDAN, func(x float64) float64 { v, _ := TripletLoss(s.DAP, x, s.Margin); return v.Loss }, s.DAN},
			{"squared/dap", sq.GradDAP, func(x float64) float64 { v, _ := SquaredTripletLoss(x, s.DAN, s.Margin); return v.Loss }, s.DAP},
			{"squared/dan", sq.GradDAN, func(x float64) float64 { v, _ := SquaredTripletLoss(s.DAP, x, s.Margin); return v.Loss }, s.DAN},
			{"soft/dap", soft.GradDAP, func(x float64) float64 { v, _ := SoftMarginTripletLoss(x, s.DAN); return v.Loss }, s.DAP},
			{"soft/dan", soft.GradDAN, func(x float64) float64 { v, _ := SoftMarginTripletLoss(s.DAP, x); return v.Loss }, s.DAN},
			{"contrastive a-p", e.Pairs[0].Grad, func(x float64) float64 { v, _ := ContrastivePair(x, s.Margin, s.YAP); return v.Loss }, s.DAP},
			{"contrastive a-n", e.Pairs[1].Grad, func(x float64) float64 { v, _ := ContrastivePair(x, s.Margin, s.YAN); return v.Loss }, s.DAN},
		}
		for _, c := range checks {
			if num := fd(c.f, c.x); !near(c.analytic, num, 1e-5) {
				t.Fatalf("%+v: %s analytic %v, numeric %v", s, c.name, c.analytic, num)
			}
		}
		_, hg, _ := HingePair(s.DAN, s.Margin, s.YAN)
		if num := fd(func(x float64) float64 { v, _, _ := HingePair(x, s.Margin, s.YAN); return v }, s.DAN); !near(hg, num, 1e-5) {
			t.Fatalf("%+v: hinge grad %v, numeric %v", s, hg, num)
		}
	}
}

// The kink convention: at hinge = 0 exactly the gradient is 0 (relu's side).
func TestKinkConvention(t *testing.T) {
	tr, _ := TripletLoss(0.5, 0.5, 0)
	if tr.Active || tr.GradDAP != 0 || tr.GradDAN != 0 || tr.Regime != Hard {
		t.Errorf("at the kink: %+v", tr)
	}
	p, _ := ContrastivePair(0.2, 0.2, Different)
	if p.Active || p.Grad != 0 || p.Loss != 0 {
		t.Errorf("contrastive at d = m: %+v", p)
	}
	p, _ = ContrastivePair(0, 0.2, Same)
	if p.Active || p.Grad != 0 {
		t.Errorf("contrastive pull at d = 0: %+v", p)
	}
}

// Gradients with respect to the embeddings, against finite differences.
func TestVectorGradients(t *testing.T) {
	const h = 1e-6
	r := rand.New(rand.NewPCG(5, 6))
	vec := func(k int) []float64 {
		v := make([]float64, k)
		for i := range v {
			v[i] = r.NormFloat64()
		}
		return v
	}
	for _, m := range []dist.Metric{dist.Euclidean, dist.SqEuclidean, dist.Cosine, dist.Manhattan} {
		for range 50 {
			a, p, n := vec(4), vec(4), vec(4)
			margin := 2 * r.Float64()
			tr, ga, gp, gn, err := TripletOnVectors(m, a, p, n, margin)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(tr.Hinge) < 1e-3 {
				continue
			}
			for which, g := range [][]float64{ga, gp, gn} {
				x := [][]float64{a, p, n}[which]
				for i := range x {
					orig := x[i]
					x[i] = orig + h
					up, _, _, _, _ := TripletOnVectors(m, a, p, n, margin)
					x[i] = orig - h
					down, _, _, _, _ := TripletOnVectors(m, a, p, n, margin)
					x[i] = orig
					if num := (up.Loss - down.Loss) / (2 * h); !near(g[i], num, 1e-4) {
						t.Fatalf("%v triplet grad of input %d component %d: %v, numeric %v", m, which, i, g[i], num)
					}
				}
			}
			y := Label(r.IntN(2))
			cp, gu, _, err := ContrastiveOnVectors(m, a, p, margin, y)
			if err != nil {
				t.Fatal(err)
			}
			if y == Different && math.Abs(cp.D-margin) < 1e-3 {
				continue
			}
			for i := range a {
				orig := a[i]
				a[i] = orig + h
				up, _, _, _ := ContrastiveOnVectors(m, a, p, margin, y)
				a[i] = orig - h
				down, _, _, _ := ContrastiveOnVectors(m, a, p, margin, y)
				a[i] = orig
				if num := (up.Loss - down.Loss) / (2 * h); !near(gu[i], num, 1e-4) {
					t.Fatalf("%v contrastive grad component %d: %v, numeric %v", m, i, gu[i], num)
				}
			}
		}
	}
}

func BenchmarkTripletLoss(b *testing.B) {
	b.ReportAllocs()
	var sink Triplet
	for i := 0; b.Loop(); i++ {
		sink, _ = TripletLoss(0.7, 0.5+float64(i&7)*0.01, 0.2)
	}
	_ = sink
}

func BenchmarkContrastivePair(b *testing.B) {
	b.ReportAllocs()
	var sink Pair
	for i := 0; b.Loop(); i++ {
		sink, _ = ContrastivePair(0.5+float64(i&7)*0.01, 0.2, Label(i&1))
	}
	_ = sink
}

// Evaluate is what a keystroke or `eval` pays: both losses, variants and explanation.
func BenchmarkEvaluate(b *testing.B) {
	b.ReportAllocs()
	var sink Evaluation
	for i := 0; b.Loop(); i++ {
		sink, _ = Evaluate(Setting{DAP: 0.7, DAN: 0.5 + float64(i&7)*0.01, Margin: 0.2, YAP: Same, YAN: Different})
	}
	_ = sink
}
