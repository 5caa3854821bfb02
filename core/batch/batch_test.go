package batch

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/internal/golden"
)

func TestGolden(t *testing.T) {
	g, err := golden.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Batch) == 0 {
		t.Fatal("no batch cases")
	}
	for i, b := range g.Batch {
		x := mat.NewDense(len(b.Embeddings), len(b.Embeddings[0]), nil)
		for r, row := range b.Embeddings {
			x.SetRow(r, row)
		}
		classes := 0
		for _, l := range b.Labels {
			classes = max(classes, l+1)
		}
		res, err := Compute(context.Background(), x, b.Labels, classes, Options{Metric: dist.Euclidean, Margin: b.Margin})
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"contrastive_all_pairs", res.Losses.Contrastive, b.ContrastiveAllPairs},
			{"batch_all_mean", res.Losses.BatchAll, b.BatchAllMean},
			{"batch_all_nonzero_mean", res.Losses.BatchAllNonzero, b.BatchAllNonzeroMean},
			{"fraction_active", res.Losses.FractionActive, b.FractionActive},
			{"batch_hard", res.Losses.BatchHard, b.BatchHard},
			{"semi_hard", res.Losses.SemiHard, b.SemiHard},
		} {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("case %d %s = %.17g, want %.17g", i, c.name, c.got, c.want)
			}
		}
	}
}

// reference computes everything by brute force: O(N³) over all triplets.
type reference struct {
	Result
	auc, accuracy, closer float64
}

// It reads distances from the same matrix the fast code uses, so that ties
// broken by round-off break alike: this checks the mining, core/dist checks
// the distances.
func bruteForce(t *testing.T, x *mat.Dense, labels []int, metric dist.Metric, m float64) reference {
	n, _ := x.Dims()
	dm, err := dist.Pairwise(metric, x)
	if err != nil {
		t.Fatal(err)
	}
	d := dm.At
	var r reference
	var pos, neg []float64
	var contrastive float64
	for i := range n {
		for j := i + 1; j < n; j++ {
			y := loss.Different
			if labels[i] == labels[j] {
				y = loss.Same
				pos = append(pos, d(i, j))
			} else {
				neg = append(neg, d(i, j))
			}
			p, _ := loss.ContrastivePair(d(i, j), m, y)
			contrastive += p.Loss
		}
	}
	r.Losses.Contrastive = contrastive / float64(n*(n-1)/2)
	var sum, semiSum, hardSum, softSum float64
	var active, positives int64
	for a := range n {
		maxP, minN := math.Inf(-1), math.Inf(1)
		for p := range n {
			if p == a || labels[p] != labels[a] {
				continue
			}
			positives++
			maxP = math.Max(maxP, d(a, p))
			outside, farthest := math.Inf(1), math.Inf(-1)
			for q := range n {
				if labels[q] == labels[a] {
					continue
				}
				minN = math.Min(minN, d(a, q))
				t, _ := loss.TripletLoss(d(a, p), d(a, q), m)
				switch t.Regime {
				case loss.Hard:
					r.Triplets.Hard++
				case loss.SemiHard:
					r.Triplets.SemiHard++
				default:
					r.Triplets.Easy++
				}
				if t.Active {
					sum += t.Loss
					active++
				}
				if d(a, q) > d(a, p) {
					outside = math.Min(outside, d(a, q))
				}
				farthest = math.Max(farthest, d(a, q))
			}
			chosen := outside
			if math.IsInf(outside, 1) {
				chosen = farthest
			}
			semiSum += math.Max(d(a, p)-chosen+m, 0)
		}
		hardSum += math.Max(maxP-minN+m, 0)
		softSum += loss.Softplus(maxP - minN)
	}
	total := r.Triplets.Hard + r.Triplets.SemiHard + r.Triplets.Easy
	r.Losses.BatchAll = sum / float64(total)
	r.Losses.FractionActive = float64(active) / float64(total)
	if active > 0 {
		r.Losses.BatchAllNonzero = sum / float64(active)
	}
	r.Losses.BatchHard = hardSum / float64(n)
	r.Losses.BatchHardSoft = softSum / float64(n)
	r.Losses.SemiHard = semiSum / float64(positives)
	var wins float64
	for _, p := range pos {
		for _, q := range neg {
			switch {
			case p < q:
				wins++
			case p == q:
				wins += 0.5
			}
		}
	}
	r.auc = wins / float64(len(pos)*len(neg))
	// Best accuracy of "d ≤ t means same" over every candidate t.
	cands := append(append([]float64{-1}, pos...), neg...)
	for _, t := range cands {
		correct := 0
		for _, p := range pos {
			if p <= t {
				correct++
			}
		}
		for _, q := range neg {
			if q > t {
				correct++
			}
		}
		r.accuracy = math.Max(r.accuracy, float64(correct)/float64(len(pos)+len(neg)))
	}
	sort.Float64s(pos)
	med := median(pos)
	for _, q := range neg {
		if q < med+m {
			r.closer++
		}
	}
	r.closer /= float64(len(neg))
	return r
}

func randomBatch(r *rand.Rand, n, d, classes int, grid bool) (*mat.Dense, []int) {
	x := mat.NewDense(n, d, nil)
	labels := make([]int, n)
	for i := range n {
		labels[i] = i % classes // every class has ≥ 2 members when n ≥ 2·classes
		for j := range d {
			v := r.NormFloat64() + float64(labels[i])*0.7
			if grid { // coarse values make ties between distances
				v = math.Round(v)
			}
			x.Set(i, j, v)
		}
	}
	return x, labels
}

// The fast implementation against brute force on random small batches,
// including ties and classes of size 2, for every metric and block size.
func TestAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for trial := range 60 {
		classes := 2 + r.IntN(3)
		n := 2*classes + r.IntN(12)
		metric := dist.Metric(trial % 4)
		x, labels := randomBatch(r, n, 1+r.IntN(4), classes, trial%3 == 0)
		if metric == dist.Cosine {
			for i := range n { // no zero rows for cosine
				x.Set(i, 0, x.At(i, 0)+10)
			}
		}
		m := []float64{0, 0.2, 1, 3}[r.IntN(4)]
		got, err := Compute(context.Background(), x, labels, classes, Options{Metric: metric, Margin: m, BlockRows: 1 + r.IntN(n)})
		if err != nil {
			t.Fatal(err)
		}
		want := bruteForce(t, x, labels, metric, m)
		check := func(name string, g, w float64) {
			if math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("trial %d (%v, n=%d, m=%v): %s = %.15g, want %.15g", trial, metric, n, m, name, g, w)
			}
		}
		check("contrastive", got.Losses.Contrastive, want.Losses.Contrastive)
		check("batch_all", got.Losses.BatchAll, want.Losses.BatchAll)
		check("batch_all_nonzero", got.Losses.BatchAllNonzero, want.Losses.BatchAllNonzero)
		check("fraction_active", got.Losses.FractionActive, want.Losses.FractionActive)
		check("batch_hard", got.Losses.BatchHard, want.Losses.BatchHard)
		check("batch_hard_soft", got.Losses.BatchHardSoft, want.Losses.BatchHardSoft)
		check("semi_hard", got.Losses.SemiHard, want.Losses.SemiHard)
		check("auc", got.Separation.AUC, want.auc)
		check("accuracy", got.Separation.Accuracy, want.accuracy)
		check("closer", got.Separation.NegativesInsideMedianPlusMargin, want.closer)
		if got.Triplets.Easy != want.Triplets.Easy || got.Triplets.SemiHard != want.Triplets.SemiHard || got.Triplets.Hard != want.Triplets.Hard {
			t.Errorf("trial %d: census %+v, want %+v", trial, got.Triplets, want.Triplets)
		}
		var hp, hn int64
		for i := range got.Histogram.Positive {
			hp += got.Histogram.Positive[i]
			hn += got.Histogram.Negative[i]
		}
		if hp != got.Separation.PositivePairs || hn != got.Separation.NegativePairs || hp+hn != int64(n*(n-1)/2) {
			t.Errorf("trial %d: histogram counts %d + %d for %d pairs", trial, hp, hn, n*(n-1)/2)
		}
	}
}

func TestByHand(t *testing.T) {
	// Two classes on a line: 0 and 1 (class 0), 3.5 and 5 (class 1), m = 1.
	// Positive pairs 1 and 1.5; negative pairs 2.5, 3.5, 4, 5: perfectly
	// separated at t = 1.5. Anchor 3.5 has its positive at 1.5 and a
	// negative (the point 1) at 2.5: 1.5 − 2.5 + 1 = 0, on the boundary, easy;
	// every other triplet is easier still.
	x := mat.NewDense(4, 1, []float64{0, 1, 3.5, 5})
	res, err := Compute(context.Background(), x, []int{0, 0, 1, 1}, 2, Options{Metric: dist.Euclidean, Margin: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Separation
	if s.AUC != 1 || s.Accuracy != 1 || s.Threshold != 1.5 || s.MedianPositive != 1.25 || s.PositivePairs != 2 || s.NegativePairs != 4 {
		t.Errorf("separation %+v", s)
	}
	if res.Triplets != (Census{Easy: 8, Total: 8}) || res.Losses.BatchAll != 0 || res.Losses.FractionActive != 0 || res.Losses.SemiHard != 0 {
		t.Errorf("triplets %+v losses %+v", res.Triplets, res.Losses)
	}
	// Contrastive: pulls ½(1² + 1.5²) = 1.625, every push beyond m = 1 is 0; 6 pairs.
	if math.Abs(res.Losses.Contrastive-1.625/6) > 1e-15 {
		t.Errorf("contrastive %v", res.Losses.Contrastive)
	}
}

// A negative within loss.Tol beyond the positive is hard, as Regime says.
// On a line, m = 2: class 0 at 0 and 1, class 1 at 1 + 5e-10 and 10 (the
// tiny distances that do not involve 0 or 10 are rounded by the Gram form,
// and clear-cut). Anchor 0: 1 + 5e-10 is within Tol beyond its positive,
// hard, 10 easy; anchor 1: 1 + 5e-10 nearer than 0, hard, 10 easy; anchor
// 1 + 5e-10 (positive 10): both negatives nearer, hard; anchor 10
// (positive 9 − 5e-10 away): 1 at 9 within Tol beyond, hard, 0 at 10
// semi-hard.
func TestCensusWithinTol(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 1 + 5e-10, 10})
	labels := []int{0, 0, 1, 1}
	res, err := Compute(context.Background(), x, labels, 2, Options{Metric: dist.Euclidean, Margin: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := Census{Easy: 2, SemiHard: 1, Hard: 5, Total: 8}
	if res.Triplets != want {
		t.Errorf("census %+v, want %+v", res.Triplets, want)
	}
	if b := bruteForce(t, x, labels, dist.Euclidean, 2); b.Triplets.Easy != want.Easy || b.Triplets.SemiHard != want.SemiHard || b.Triplets.Hard != want.Hard {
		t.Errorf("the brute force's census %+v, want %+v", b.Triplets, want)
	}
}

func TestErrors(t *testing.T) {
	x := mat.NewDense(3, 1, []float64{0, 1, 2})
	if _, err := Compute(context.Background(), x, []int{0, 0, 0}, 1, Options{}); err == nil {
		t.Error("one class accepted")
	}
	_, err := Compute(context.Background(), x, []int{0, 0, 1}, 2, Options{})
	var se *SingletonError
	if !errors.As(err, &se) || se.Class != 1 || se.Row != 2 {
		t.Errorf("singleton: %v", err)
	}
	if _, err := Compute(context.Background(), x, []int{0, 1}, 2, Options{}); err == nil {
		t.Error("label count mismatch accepted")
	}
	if _, err := Compute(context.Background(), x, []int{0, 1, 0}, 2, Options{Margin: -1}); err == nil {
		t.Error("negative margin accepted")
	}
}

func benchmarkCompute(b *testing.B, n, d, classes int) {
	x, labels := randomBatch(rand.New(rand.NewPCG(1, 2)), n, d, classes, false)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(context.Background(), x, labels, classes, Options{Metric: dist.Euclidean, Margin: 0.2}); err != nil {
			b.Fatal(err)
		}
	}
}

// All losses and statistics for N = 4096, D = 128 (64 classes of 64): the
// exact method on the symmetric tiles. bench/compare.py times the whole
// command against the PyTorch peer (target: a tenth of its time).
func BenchmarkCompute4096(b *testing.B) { benchmarkCompute(b, 4096, 128, 64) }

// N = 20,000, D = 128 (100 classes of 200): the exact method on each
// worker's own rows. Run with -benchtime 1x under /usr/bin/time -v to see
// the peak resident memory (target: under 500 MB).
func BenchmarkCompute20000(b *testing.B) { benchmarkCompute(b, 20000, 128, 100) }

// The index counts exactly, with ties, with several buckets per histogram
// bin (many values on few bins), and its buckets refine the histogram's
// bins: a value's bucket >> shift is its bin.
func TestSortedIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for _, c := range []struct{ values, bins int }{{500, fineBins}, {5000, 64}, {3000, 8}} {
		vals := make([]float64, c.values)
		for i := range vals {
			vals[i] = math.Round(r.Float64()*4000) / 1000 // ties
		}
		sort.Float64s(vals)
		h := newFineHistogram(4, c.bins)
		ix := newSortedIndex(vals, h)
		if c.bins < fineBins && ix.shift == 0 {
			t.Errorf("%d values on %d bins: one bucket per bin", c.values, c.bins)
		}
		probes := append([]float64{-1, 0, 4, 5, 1e-300, 3.9999999999, math.Inf(1), 1e308}, vals...)
		for range 2000 {
			probes = append(probes, r.Float64()*4.5)
		}
		for _, x := range probes {
			less, atMost := ix.bounds(x)
			if less != sort.SearchFloat64s(vals, x) || atMost != upperBound(vals, x) {
				t.Fatalf("%d values on %d bins: bounds(%v) = %d, %d", c.values, c.bins, x, less, atMost)
			}
			if b := h.bin(x); ix.bucket(x)>>ix.shift != b || ix.before(b) != sort.Search(len(vals), func(i int) bool { return h.bin(vals[i]) >= b }) {
				t.Fatalf("%d values on %d bins: %v is in bucket %d (shift %d), bin %d", c.values, c.bins, x, ix.bucket(x), ix.shift, b)
			}
		}
	}
}

// The large-N paths: two big classes make N²/4 positive pairs, too many to
// hold sorted within the budget (here 1 byte), so the AUC is binned, over
// every anchor. The target is the whole command on 60,000 × 16 in 2 classes
// within 60 s and 1 GiB on the 2-core CI machine (bench/compare.py --cases
// 60k; docs/speed.md): this is the same work on 8,000 rows, 56 times less.
func BenchmarkComputeBinned8000(b *testing.B) {
	benchmarkComputeWith(b, 8000, 16, 2, Options{MaxMemory: 1})
}

// A sample of 1,000 anchors of 60,000 (what --sample-anchors does).
func BenchmarkComputeSampled60000(b *testing.B) {
	benchmarkComputeWith(b, 60000, 16, 2, Options{SampleAnchors: 1000, Seed: 1})
}

func benchmarkComputeWith(b *testing.B, n, d, classes int, opts Options) {
	x, labels := randomBatch(rand.New(rand.NewPCG(1, 2)), n, d, classes, false)
	opts.Metric, opts.Margin = dist.Euclidean, 0.2
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(context.Background(), x, labels, classes, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// upperBound is the number of sorted values ≤ x.
func upperBound(sorted []float64, x float64) int {
	return sort.Search(len(sorted), func(i int) bool { return sorted[i] > x })
}
