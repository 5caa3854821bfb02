package train

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// TestRetrievalByHand: four points on a line, and a collapse.
func TestRetrievalByHand(t *testing.T) {
	for _, c := range []struct {
		name         string
		x            []float64
		labels       []int
		recall, mapR float64
	}{
		// 0(A) 1(A) 1.5(B) 3.5(B): the nearest of each is A, B, A, B by
		// distances 1, 0.5, 0.5, 2; R = 1 for every query.
		{"line", []float64{0, 1, 1.5, 3.5}, []int{0, 0, 1, 1}, 0.5, 0.5},
		// All at one spot, two classes of 3: R = 2, 5 tied neighbours of
		// which 2 relevant. Recall@1 = 2/5. AP@2 over the 10 orders of 2
		// relevant among 5: both first (1 order) 1, only the first (3) ½,
		// only the second (3) ¼, neither (3) 0: (1 + 1.5 + 0.75)/10.
		{"collapse", []float64{0, 0, 0, 0, 0, 0}, []int{0, 0, 0, 1, 1, 1}, 0.4, 0.325},
	} {
		t.Run(c.name, func(t *testing.T) {
			emb := make([]float64, 2*len(c.x))
			for i, x := range c.x {
				emb[2*i] = x
			}
			var s retrievalScratch
			got := s.score(emb, c.labels, true)
			if math.Abs(got.RecallAt1-c.recall) > 1e-15 || math.Abs(got.MAPAtR-c.mapR) > 1e-15 || got.Queries != len(c.x) {
				t.Errorf("Recall@1 %v MAP@R %v over %d queries, want %v %v over %d", got.RecallAt1, got.MAPAtR, got.Queries, c.recall, c.mapR, len(c.x))
			}
		})
	}
}

// TestRetrievalMatchesBruteForce averages each query's scores over every
// order of its neighbours that sorts them by distance (so every order of
// each group of ties), on random small embeddings on a coarse grid, where
// ties are common.
func TestRetrievalMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 6))
	for trial := range 200 {
		n := 3 + r.IntN(5)
		emb := make([]float64, 2*n)
		labels := make([]int, n)
		for i := range n {
			emb[2*i], emb[2*i+1] = float64(r.IntN(3)), float64(r.IntN(2))
			labels[i] = r.IntN(3)
		}
		var wantRecall, wantMAP float64
		queries := 0
		for q := range n {
			var nb []neighbour
			rel := 0
			for j := range n {
				if j != q {
					d := math.Hypot(emb[2*q]-emb[2*j], emb[2*q+1]-emb[2*j+1])
					nb = append(nb, neighbour{d, labels[j] == labels[q]})
					rel += boolInt(labels[j] == labels[q])
				}
			}
			if rel == 0 {
				continue
			}
			queries++
			var sumR, sumAP float64
			orders := 0
			permute(nb, 0, func(p []neighbour) {
				for i := 1; i < len(p); i++ {
					if p[i].d < p[i-1].d {
						return
					}
				}
				orders++
				sumR += float64(boolInt(p[0].same))
				hits, ap := 0, 0.0
				for i := range rel {
					if p[i].same {
						hits++
						ap += float64(hits) / float64(i+1)
					}
				}
				sumAP += ap / float64(rel)
			})
			wantRecall += sumR / float64(orders)
			wantMAP += sumAP / float64(orders)
		}
		var s retrievalScratch
		got := s.score(emb, labels, true)
		if got.Queries != queries {
			t.Fatalf("trial %d: %d queries, want %d", trial, got.Queries, queries)
		}
		if queries == 0 {
			continue
		}
		wantRecall /= float64(queries)
		wantMAP /= float64(queries)
		if math.Abs(got.RecallAt1-wantRecall) > 1e-12 || math.Abs(got.MAPAtR-wantMAP) > 1e-12 {
			t.Errorf("trial %d: Recall@1 %v MAP@R %v, brute force %v %v", trial, got.RecallAt1, got.MAPAtR, wantRecall, wantMAP)
		}
		if alone := s.score(emb, labels, false); alone.RecallAt1 != got.RecallAt1 {
			t.Errorf("trial %d: Recall@1 %v without MAP@R, %v with", trial, alone.RecallAt1, got.RecallAt1)
		}
	}
}

// permute calls f with every permutation of v (Heap's algorithm).
func permute(v []neighbour, k int, f func([]neighbour)) {
	if k == len(v) {
		f(v)
		return
	}
	for i := k; i < len(v); i++ {
		v[k], v[i] = v[i], v[k]
		permute(v, k+1, f)
		v[k], v[i] = v[i], v[k]
	}
}

// TestRetrievalAgainstNumPy compares with testdata/retrieval_reference.py.
func TestRetrievalAgainstNumPy(t *testing.T) {
	raw, err := os.ReadFile("testdata/retrieval_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Embedding [][]float64
		Labels    []int
		Recall    float64 `json:"recall_at_1"`
		MAP       float64 `json:"map_at_r"`
		Queries   int
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	var emb []float64
	for _, z := range ref.Embedding {
		emb = append(emb, z...)
	}
	var s retrievalScratch
	got := s.score(emb, ref.Labels, true)
	if got.Queries != ref.Queries || math.Abs(got.RecallAt1-ref.Recall) > 1e-12 || math.Abs(got.MAPAtR-ref.MAP) > 1e-12 {
		t.Errorf("Recall@1 %v MAP@R %v over %d queries, NumPy %v %v over %d", got.RecallAt1, got.MAPAtR, got.Queries, ref.Recall, ref.MAP, ref.Queries)
	}
	// Scaling every distance keeps the ranking, so the scores.
	for i := range emb {
		emb[i] *= 1e-6
	}
	if again := s.score(emb, ref.Labels, true); math.Abs(again.MAPAtR-got.MAPAtR) > 1e-12 || again.RecallAt1 != got.RecallAt1 {
		t.Errorf("scaled by 1e-6: %+v, was %+v", again, got)
	}
}

// TestEveryTripletEasyYetOverlap is issue 18's 6-point case: every anchor's
// hardest gap is at least m = 1, so every triplet is easy and the triplet
// loss is 0, while a same-class distance (3, class A) exceeds a
// different-class one (1.1, B to C): the global distributions overlap.
func TestEveryTripletEasyYetOverlap(t *testing.T) {
	data := &Data{N: 6, D: 2, Labels: []int{0, 0, 1, 1, 2, 2}, Classes: []string{"A", "B", "C"},
		X: []float64{0, 0, 3, 0, 100, 0, 100.1, 0, 101.2, 0, 101.3, 0}}
	cfg := NewConfig()
	cfg.Holdout, cfg.Loss, cfg.Margin = 0, BatchAll, 1
	r := newRun("six", RunSpec{BatchAll, 1}, network{kind: Free, n: 6, d: 2}, slices.Clone(data.X), cfg, 6)
	r.met.init(data, []int{0, 1, 2, 3, 4, 5})
	m := r.met.measure(r, data)
	gaps := r.AnchorGaps()
	// Anchor 0: 100 − 3 = 97; 1: 97 − 3 = 94; 2: 1.2 − 0.1 = 1.1;
	// 3: 1.1 − 0.1 = 1.0; 4: 1.1 − 0.1 = 1.0; 5: 1.2 − 0.1 = 1.1.
	want := []float64{1, 1, 1.1, 1.1, 94, 97}
	if len(gaps) != 6 {
		t.Fatalf("gaps %v", gaps)
	}
	for i, g := range gaps {
		if math.Abs(g-want[i]) > 1e-9 {
			t.Errorf("gap %d = %v, want %v", i, g, want[i])
		}
	}
	if gaps[0] < 1-1e-9 {
		t.Errorf("the hardest gap %v is below m", gaps[0])
	}
	res, err := r.forward(data, data.Labels, []int{0, 1, 2, 3, 4, 5})
	if err != nil || res.Loss > 1e-9 {
		t.Errorf("batch-all loss %v (%v), want 0: every triplet is easy", res.Loss, err)
	}
	// Positives {3, 0.1, 0.1}, 12 negatives of which the four B–C ones
	// (1.1 to 1.3) are below 3: 32 of the 36 (p, n) pairs are in order.
	if math.Abs(m.AUC-32.0/36) > 1e-15 {
		t.Errorf("AUC %v, want 8/9", m.AUC)
	}
}
