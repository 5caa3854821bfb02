package train

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/loss"
)

func TestAUCByHand(t *testing.T) {
	// Positives {1, 2}, negatives {2, 3}: 1<2, 1<3, 2=2 (½), 2<3 → 3.5/4.
	if got := AUC([]float64{1, 2}, []float64{2, 3}); got != 0.875 {
		t.Errorf("AUC = %v, want 0.875", got)
	}
	if got := AUC([]float64{5}, []float64{1, 2}); got != 0 {
		t.Errorf("every negative nearer: AUC = %v, want 0", got)
	}
	if got := AUC(nil, []float64{1}); got != 0 {
		t.Errorf("no positives: AUC = %v, want 0", got)
	}
}

// bruteAUC compares every positive with every negative.
func bruteAUC(pos, neg []float64) float64 {
	var s float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p < n:
				s++
			case p == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg))
}

func TestAUCMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		pos := make([]float64, 1+r.IntN(30))
		neg := make([]float64, 1+r.IntN(30))
		for i := range pos {
			pos[i] = float64(r.IntN(8)) // small integers: many ties
		}
		for i := range neg {
			neg[i] = float64(r.IntN(8))
		}
		slices.Sort(pos)
		slices.Sort(neg)
		if got, want := AUC(pos, neg), bruteAUC(pos, neg); math.Abs(got-want) > 1e-15 {
			t.Fatalf("AUC(%v, %v) = %v, brute force %v", pos, neg, got, want)
		}
	}
}

func FuzzAUC(f *testing.F) {
	f.Add([]byte{1, 2, 2, 3}, 2)
	f.Add([]byte{0, 0, 0}, 1)
	f.Add([]byte{9, 1, 4, 4, 4, 7}, 3)
	f.Fuzz(func(t *testing.T, raw []byte, split int) {
		if len(raw) < 2 || split < 1 || split >= len(raw) {
			return
		}
		pos, neg := make([]float64, split), make([]float64, len(raw)-split)
		for i, b := range raw {
			if i < split {
				pos[i] = float64(b % 16)
			} else {
				neg[i-split] = float64(b % 16)
			}
		}
		slices.Sort(pos)
		slices.Sort(neg)
		got := AUC(pos, neg)
		if got < 0 || got > 1 || math.Abs(got-bruteAUC(pos, neg)) > 1e-12 {
			t.Fatalf("AUC = %v, brute force %v", got, bruteAUC(pos, neg))
		}
	})
}

// The metrics agree with core/batch, the batch command's computation, on the
// embeddings a run produces.
func TestMetricsAgreeWithBatch(t *testing.T) {
	cfg := NewConfig()
	cfg.Data, cfg.Model, cfg.Loss = Moons, MLP, SemiHard
	rec := trainRecord(t, cfg, 30, 30)
	data, _ := Generate(cfg.Data, cfg.Seed)
	tr, _ := New(cfg, data)
	for range 30 {
		_ = tr.Step()
	}
	emb := make([]float64, 2*len(tr.eval))
	tr.runs[0].Embed(data, tr.eval, emb)
	labels := make([]int, len(tr.eval))
	for k, i := range tr.eval {
		labels[k] = data.Labels[i]
	}
	res, err := batch.Compute(context.Background(), mat.NewDense(len(tr.eval), 2, emb), labels, len(data.Classes), batch.Options{Margin: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := rec[len(rec)-1]
	if math.Abs(got.AUC-res.Separation.AUC) > 1e-12 {
		t.Errorf("AUC %v, core/batch %v", got.AUC, res.Separation.AUC)
	}
	pos, neg := tr.runs[0].Distances()
	if int64(len(pos)) != res.Separation.PositivePairs || int64(len(neg)) != res.Separation.NegativePairs {
		t.Errorf("%d/%d pairs, core/batch %d/%d", len(pos), len(neg), res.Separation.PositivePairs, res.Separation.NegativePairs)
	}
}

func TestSamplerIsClassBalanced(t *testing.T) {
	for _, id := range []DataID{Blobs, Moons, Digits} {
		data, err := Generate(id, 5)
		if err != nil {
			t.Fatal(err)
		}
		s := newSampler(data, data.Labels, allPoints(data), 40, 5)
		for range 50 {
			b := s.next()
			count := map[int]int{}
			seen := map[int]bool{}
			for _, i := range b {
				if seen[i] {
					t.Fatalf("%s: sample %d twice in one batch", id, i)
				}
				seen[i] = true
				count[data.Labels[i]]++
			}
			if len(count) != s.p {
				t.Fatalf("%s: %d classes in a batch, want %d", id, len(count), s.p)
			}
			for c, k := range count {
				if k != s.k {
					t.Fatalf("%s: class %d has %d samples, want %d", id, c, k, s.k)
				}
			}
		}
	}
}

func TestDataSets(t *testing.T) {
	for _, id := range DataIDs() {
		d, err := Generate(id, 9)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := Generate(id, 9)
		if !slices.Equal(d.X, again.X) || len(d.X) != d.N*d.D || len(d.Labels) != d.N {
			t.Errorf("%s: not reproducible or misshapen", id)
		}
		for j := range d.D {
			var s, s2 float64
			for i := range d.N {
				v := d.X[i*d.D+j]
				s += v
				s2 += v * v
			}
			if m, v := s/float64(d.N), s2/float64(d.N); math.Abs(m) > 1e-9 || (v != 0 && math.Abs(v-1) > 1e-9) {
				t.Errorf("%s column %d: mean %v, variance %v", id, j, m, v)
			}
		}
	}
	if _, err := Generate("spiral", 1); err == nil {
		t.Error("an unknown data set was accepted")
	}
}

// TestObjectivesMatchComposedBatchLosses: every objective's value on a
// batch is core/batch's Compose of its (loss, miner, reducer), the two
// sharing the registry's terms and the miners.
func TestObjectivesMatchComposedBatchLosses(t *testing.T) {
	cfg := NewConfig()
	cfg.Similarity = NegDistance // core/batch's Euclidean distances
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 20 {
		b := 6 + r.IntN(20)
		z := make([]float64, 2*b)
		for i := range z {
			z[i] = r.NormFloat64()
		}
		labels := make([]int, b)
		for i := range labels {
			labels[i] = i % (2 + trial%3)
		}
		margin := []float64{0, 0.5, 1.5}[trial%3]
		d := mat.NewDense(b, b, nil)
		for i := range b {
			for j := range b {
				v, _ := dist.Euclidean.Between(z[2*i:2*i+2], z[2*j:2*j+2])
				d.Set(i, j, v)
			}
		}
		for _, o := range Objectives() {
			id := o.ID
			want, err := batch.Compose(d, labels, o.Loss, loss.Params{Margin: margin, Temperature: cfg.Temperature}, batch.Strategy{Miner: o.Miner, Reducer: o.Reducer}, 1)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			e := newEvaluator(RunSpec{id, margin}, cfg, b)
			got, err := e.evaluate(z, labels, make([]float64, 2*b))
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got.Loss-want.Value) > 1e-12*math.Max(1, want.Value) || int64(got.Terms) != want.Terms || int64(got.Active) != want.Active {
				t.Errorf("trial %d %s: loss %v over %d terms (%d active); core/batch %v over %d (%d)", trial, id, got.Loss, got.Terms, got.Active, want.Value, want.Terms, want.Active)
			}
		}
	}
}

func allPoints(d *Data) []int {
	idx := make([]int, d.N)
	for i := range idx {
		idx[i] = i
	}
	return idx
}
