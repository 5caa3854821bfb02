package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
	"losslab/core/loss"
)

// Every value the fused kernel reports equals the composable path's
// (distance → miner → term → reducer) on random batches with ties, classes
// of size 2, every metric, block size and margin, with the same term and
// active counts.
func TestFusedMatchesComposable(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for trial := range 60 {
		classes := 2 + r.IntN(3)
		n := 2*classes + r.IntN(12)
		metric := dist.Metric(trial % dist.Count)
		x, labels := randomBatch(r, n, 1+r.IntN(4), classes, trial%3 == 0)
		if metric == dist.Cosine {
			for i := range n {
				x.Set(i, 0, x.At(i, 0)+10)
			}
		}
		m := []float64{0, 0.2, 1, 3}[r.IntN(4)]
		tau := []float64{0, 0.05, 1}[r.IntN(3)]
		got, err := Compute(context.Background(), x, labels, classes, Options{Metric: metric, Margin: m, Temperature: tau, BlockRows: 1 + r.IntN(n)})
		if err != nil {
			t.Fatal(err)
		}
		dm, err := dist.Pairwise(metric, x)
		if err != nil {
			t.Fatal(err)
		}
		if want := countStrategies(); len(got.ByLoss) != want {
			t.Fatalf("%d values, the registry's strategies are %d", len(got.ByLoss), want)
		}
		for _, v := range got.ByLoss {
			l, _ := loss.Lookup(v.Loss)
			want, err := Compose(dm, labels, l, loss.Params{Margin: m, Temperature: tau}, v.Strategy, 1)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(v.Value.Value-want.Value) > 1e-9*math.Max(1, math.Abs(want.Value)) || v.Terms != want.Terms || v.Active != want.Active {
				t.Errorf("trial %d (%v, n=%d, m=%v, τ=%v) %s %s/%s: fused %+v, composed %+v",
					trial, metric, n, m, tau, v.Loss, v.Miner, v.Reducer, v.Value, want)
			}
		}
	}
}

func countStrategies() int {
	k := 0
	for _, l := range loss.Registry() {
		k += len(Strategies(l))
	}
	return k
}

// Miners and reducers by hand on four points of a line: 0, 1 (class 0) and
// 3.5, 5 (class 1), m = 1, the batch of TestByHand.
func TestMinersAndReducersByHand(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 3.5, 5})
	labels := []int{0, 0, 1, 1}
	d, _ := dist.Pairwise(dist.Euclidean, x)
	b := NewBatch(4)
	b.Set(d.RawMatrix().Data, labels)
	byID := func(id loss.ID) loss.Loss { l, _ := loss.Lookup(id); return l }
	contrastive, triplet, infonce := byID(loss.ContrastiveID), byID(loss.TripletID), byID(loss.InfoNCEID)
	mine := func(l loss.Loss, id MinerID) *selection {
		var s selection
		if err := Mine(b, l, id, 7, &s); err != nil {
			t.Fatalf("%s with %s: %v", id, l.ID, err)
		}
		return &s
	}
	if s := mine(contrastive, AllPairs); len(s.pairs) != 6 || s.pairs[0] != [2]int{0, 1} || s.pairs[5] != [2]int{2, 3} {
		t.Errorf("all pairs: %v", s.pairs)
	}
	if s := mine(triplet, AllTriplets); len(s.triplets) != 8 || s.triplets[0] != [3]int{0, 1, 2} || s.triplets[7] != [3]int{3, 2, 1} {
		t.Errorf("all triplets: %v", s.triplets)
	}
	// Batch-hard: anchor 0 (at 0) has its one positive 1 and nearest negative 2 (3.5).
	if s := mine(triplet, BatchHard); len(s.triplets) != 4 || s.triplets[0] != [3]int{0, 1, 2} || s.triplets[3] != [3]int{3, 2, 1} {
		t.Errorf("batch-hard: %v", s.triplets)
	}
	// Semi-hard for (1, 0): d = 1; the negatives at 2.5 and 4 are both
	// farther, the nearest is 2 (at 3.5). Hardest negative is the same here.
	for _, id := range []MinerID{SemiHard, HardestNegative} {
		if s := mine(triplet, id); len(s.triplets) != 4 || s.triplets[1] != [3]int{1, 0, 2} {
			t.Errorf("%s: %v", id, s.triplets)
		}
	}
	r1, r2 := mine(triplet, RandomNegative), mine(triplet, RandomNegative)
	if len(r1.triplets) != 4 || !slices.Equal(r1.triplets, r2.triplets) {
		t.Errorf("random negative is not reproducible: %v, %v", r1.triplets, r2.triplets)
	}
	for _, tr := range r1.triplets {
		if labels[tr[2]] == labels[tr[0]] || labels[tr[1]] != labels[tr[0]] || tr[0] == tr[1] {
			t.Errorf("random negative mined an invalid triplet %v", tr)
		}
	}
	for _, id := range []MinerID{AllPositives, AllPairs} {
		if s := mine(infonce, id); !slices.Equal(s.anchors, []string{"0: [1] [2 3]", "1: [0] [2 3]", "2: [3] [0 1]", "3: [2] [0 1]"}) {
			t.Errorf("%s for an anchor-wide loss: %q", id, s.anchors)
		}
	}
	for _, c := range []struct {
		l  loss.Loss
		id MinerID
	}{{contrastive, AllTriplets}, {triplet, AllPairs}, {triplet, AllPositives}, {infonce, BatchHard}} {
		if err := Mine(b, c.l, c.id, 0, &selection{}); !errors.Is(err, ErrStrategy) {
			t.Errorf("%s with %s: %v, want ErrStrategy", c.id, c.l.ID, err)
		}
	}
	if err := Mine(b, triplet, "no-such-miner", 0, &selection{}); err == nil || errors.Is(err, ErrStrategy) {
		t.Errorf("an unknown miner: %v", err)
	}
	// Reducers: terms 1, 0, 3 for anchor 0 and 2 for anchor 1.
	terms := Terms{Anchor: []int{0, 0, 0, 1}, Sum: []float64{1, 0, 3, 2}, Count: []int64{1, 1, 1, 1}, Active: []int64{1, 0, 1, 1}}
	for id, want := range map[ReducerID]float64{Mean: 6.0 / 4, MeanNonZero: 6.0 / 3, PerAnchorMean: (4.0/3 + 2) / 2, Sum: 6} {
		r, _ := ReducerByID(id)
		if got := r.Reduce(terms); math.Abs(got-want) > 1e-15 {
			t.Errorf("%s = %v, want %v", id, got, want)
		}
	}
	if r, _ := ReducerByID(MeanNonZero); r.Reduce(Terms{}) != 0 {
		t.Error("the mean of no terms is not 0")
	}
	// Through Compose: batch-hard triplet = mean over anchors of
	// [1 − 2.5 + 1]+, [1 − 2.5 + 1]+, [1.5 − 2.5 + 1]+, [1.5 − 4 + 1]+ = 0.
	tl, _ := loss.Lookup(loss.TripletID)
	if v, err := Compose(d, labels, tl, loss.Params{Margin: 1}, Strategy{BatchHard, Mean}, 0); err != nil || v.Value != 0 || v.Terms != 4 {
		t.Errorf("batch-hard triplet: %+v, %v", v, err)
	}
	if _, err := Compose(d, labels, tl, loss.Params{Margin: 1}, Strategy{AllPairs, Mean}, 0); err == nil {
		t.Error("a pair miner was accepted for a triplet loss")
	}
}

// Compute's InfoNCE against PyTorch (core/loss/testdata/infonce.json).
func TestInfoNCEAgainstPyTorch(t *testing.T) {
	raw, err := os.ReadFile("../loss/testdata/infonce.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Batch []struct {
			Embeddings  [][]float64
			Labels      []int
			Distance    string
			Temperature float64
			Loss        float64
		}
	}
	if err := json.Unmarshal(raw, &ref); err != nil || len(ref.Batch) == 0 {
		t.Fatal("no reference batches", err)
	}
	for i, c := range ref.Batch {
		x := mat.NewDense(len(c.Embeddings), len(c.Embeddings[0]), nil)
		classes := 0
		for r, row := range c.Embeddings {
			x.SetRow(r, row)
			classes = max(classes, c.Labels[r]+1)
		}
		metric, _ := dist.Parse(c.Distance)
		res, err := Compute(context.Background(), x, c.Labels, classes, Options{Metric: metric, Temperature: c.Temperature})
		if err != nil {
			t.Fatal(err)
		}
		v, ok := Find(res.ByLoss, loss.InfoNCEID, Strategy{AllPositives, Mean})
		if !ok {
			t.Fatal("no InfoNCE value")
		}
		// The pairwise Gram form rounds differently from PyTorch's direct
		// distances; with τ small that shows at 1e-12, far inside 1e-9.
		if math.Abs(v.Value.Value-c.Loss) > 1e-9*math.Max(1, c.Loss) {
			t.Errorf("case %d (%s, τ %v): %.17g, PyTorch %.17g", i, c.Distance, c.Temperature, v.Value.Value, c.Loss)
		}
	}
}

// A temperature that is not positive and finite is refused, naming τ.
func TestBadTemperature(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 3.5, 5})
	for _, tau := range []float64{-1, math.NaN(), math.Inf(1)} {
		_, err := Compute(context.Background(), x, []int{0, 0, 1, 1}, 2, Options{Metric: dist.Euclidean, Temperature: tau})
		var ie *loss.InputError
		if !errors.As(err, &ie) || ie.Field != "temperature" || !errors.Is(err, loss.ErrTemperature) {
			t.Errorf("τ = %v: %v", tau, err)
		}
	}
}

// The fused kernel computes a closed-form loss's mined terms itself
// (hingeTerm): they are the bits of the registry's Triplet function, at
// random distances and margins and at the kink, where Tol decides.
func TestHingeTermIsTheRegistrys(t *testing.T) {
	r := rand.New(rand.NewPCG(61, 62))
	for _, l := range loss.Registry() {
		if l.Hinge == loss.NoCurve {
			continue
		}
		for i := range 20000 {
			dp, dn := r.Float64()*4, r.Float64()*4
			m := []float64{0, 0.2, 1, r.Float64()}[i%4]
			if i%5 == 0 { // on the kink: g(dp) + m = g(dn), give or take Tol
				dn = math.Sqrt(math.Max(0, l.Hinge.Of(dp)+m+(r.Float64()-0.5)*4*loss.Tol))
				if l.Hinge.Of(2) == 2 {
					dn = dp + m + (r.Float64()-0.5)*4*loss.Tol
				}
			}
			p, err := l.Resolve(loss.Params{Margin: m})
			if err != nil {
				t.Fatal(err)
			}
			want, err := l.Triplet(dp, dn, p)
			if err != nil {
				continue
			}
			h, on := hingeTerm(l.Hinge.Of(dp), l.Hinge.Of(dn), p.Margin)
			if active := on == 1; active != want.Active || on > 1 || math.Float64bits(h) != math.Float64bits(want.Loss) {
				t.Fatalf("%s(%v, %v, m=%v): closed form %v (active %v), registry %v (active %v)", l.ID, dp, dn, m, h, active, want.Loss, want.Active)
			}
		}
	}
}

// selection records what a miner visits.
type selection struct {
	pairs    [][2]int
	triplets [][3]int
	anchors  []string
}

func (s *selection) Pairs(i int, js []int) {
	for _, j := range js {
		s.pairs = append(s.pairs, [2]int{i, j})
	}
}
func (s *selection) Triplets(a, p int, ns []int) {
	for _, n := range ns {
		s.triplets = append(s.triplets, [3]int{a, p, n})
	}
}
func (s *selection) Anchor(a int, pos, neg []int) {
	s.anchors = append(s.anchors, fmt.Sprintf("%d: %v %v", a, pos, neg))
}
