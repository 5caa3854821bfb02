package batch

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// The binned method over every anchor against brute force: losses, census,
// threshold, accuracy, median and the share of close negatives exact; the
// AUC within its stated bound.
func TestBinnedAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for trial := range 40 {
		classes := 2 + r.IntN(3)
		n := 2*classes + r.IntN(14)
		metric := dist.Metric(trial % 4)
		x, labels := randomBatch(r, n, 1+r.IntN(4), classes, trial%3 == 0)
		if metric == dist.Cosine {
			for i := range n {
				x.Set(i, 0, x.At(i, 0)+10)
			}
		}
		m := []float64{0, 0.2, 1, 3}[r.IntN(4)]
		got, err := Compute(context.Background(), x, labels, classes, Options{Metric: metric, Margin: m, MaxMemory: 1, BlockRows: 1 + r.IntN(n)})
		if err != nil {
			t.Fatal(err)
		}
		if got.Method != MethodBinned || got.Separation.Method != MethodBinned || got.Sample != nil || got.Intervals != nil {
			t.Fatalf("trial %d: method %q (separation %q), sample %v", trial, got.Method, got.Separation.Method, got.Sample)
		}
		want := bruteForce(t, x, labels, metric, m)
		check := func(name string, g, w, tol float64) {
			if math.Abs(g-w) > tol+1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("trial %d (%v, n=%d, m=%v): %s = %.15g, want %.15g ± %g", trial, metric, n, m, name, g, w, tol)
			}
		}
		check("contrastive", got.Losses.Contrastive, want.Losses.Contrastive, 0)
		check("batch_all", got.Losses.BatchAll, want.Losses.BatchAll, 0)
		check("batch_hard", got.Losses.BatchHard, want.Losses.BatchHard, 0)
		check("semi_hard", got.Losses.SemiHard, want.Losses.SemiHard, 0)
		check("auc", got.Separation.AUC, want.auc, got.Separation.AUCErrorBound)
		check("accuracy", got.Separation.Accuracy, want.accuracy, 0)
		check("closer", got.Separation.NegativesInsideMedianPlusMargin, want.closer, 0)
		if w := want.Triplets; got.Triplets != (Census{Easy: w.Easy, SemiHard: w.SemiHard, Hard: w.Hard, Total: w.Easy + w.SemiHard + w.Hard}) {
			t.Errorf("trial %d: census %+v, want %+v", trial, got.Triplets, want.Triplets)
		}
		pos, neg := pairDistances(t, x, labels, metric)
		if med := median(sortedCopy(pos)); got.Separation.MedianPositive != med || got.Separation.MedianErrorBound != 0 {
			t.Errorf("trial %d: median %v ± %v, want %v", trial, got.Separation.MedianPositive, got.Separation.MedianErrorBound, med)
		}
		// The threshold is the brute force's best: the smallest positive
		// distance with the best accuracy, 0 when calling every pair
		// different is as good.
		if th := got.Separation.Threshold; th != 0 {
			var correct float64
			for _, d := range pos {
				if d <= th {
					correct++
				}
			}
			for _, d := range neg {
				if d > th {
					correct++
				}
			}
			check("accuracy at the threshold shown", got.Separation.Accuracy, correct/float64(len(pos)+len(neg)), 0)
		}
		if got.Separation.PositivePairs != int64(len(pos)) || got.Separation.NegativePairs != int64(len(neg)) {
			t.Errorf("trial %d: pairs %d/%d, want %d/%d", trial, got.Separation.PositivePairs, got.Separation.NegativePairs, len(pos), len(neg))
		}
	}
}

func pairDistances(t *testing.T, x *mat.Dense, labels []int, metric dist.Metric) (pos, neg []float64) {
	dm, err := dist.Pairwise(metric, x)
	if err != nil {
		t.Fatal(err)
	}
	n := len(labels)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if labels[i] == labels[j] {
				pos = append(pos, dm.At(i, j))
			} else {
				neg = append(neg, dm.At(i, j))
			}
		}
	}
	return pos, neg
}

func sortedCopy(v []float64) []float64 {
	out := append([]float64(nil), v...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Binning is the exact AUC when no bin holds both kinds of pair: two tight
// clusters far apart.
func TestBinnedExactWhenSeparated(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 3.5, 5})
	res, err := Compute(context.Background(), x, []int{0, 0, 1, 1}, 2, Options{Metric: dist.Euclidean, Margin: 1, MaxMemory: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Separation
	if s.AUC != 1 || s.AUCErrorBound != 0 || s.Accuracy != 1 || s.PositivePairs != 2 || s.NegativePairs != 4 {
		t.Errorf("separation %+v", s)
	}
	// Median of the positives 1 and 1.5 is 1.25, within a bin's width.
	if math.Abs(s.MedianPositive-1.25) > s.MedianErrorBound || s.MedianErrorBound > 1e-3 || s.Bins != fineBins {
		t.Errorf("median %v ± %v", s.MedianPositive, s.MedianErrorBound)
	}
}

// A sample of anchors: the statistics are those of the sampled anchors'
// ordered pairs, seeded, and the 95% intervals cover the full-batch value
// about 95% of the time.
func TestSampledAnchors(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	x, labels := randomBatch(r, 300, 3, 3, false)
	opts := Options{Metric: dist.Euclidean, Margin: 0.5}
	full, err := Compute(context.Background(), x, labels, 3, opts)
	if err != nil {
		t.Fatal(err)
	}
	covered, trials := map[string]int{}, 60
	for seed := range uint64(trials) {
		opts.SampleAnchors, opts.Seed = 60, seed
		s, err := Compute(context.Background(), x, labels, 3, opts)
		if err != nil {
			t.Fatal(err)
		}
		if s.Sample == nil || s.Sample.Anchors != 60 || s.Sample.Of != 300 || s.Sample.Seed != seed {
			t.Fatalf("sample %+v", s.Sample)
		}
		if s.Triplets.Total != 60*99*200 { // each sampled anchor: 99 positives × 200 negatives
			t.Fatalf("sampled triplets %d", s.Triplets.Total)
		}
		for key, want := range map[string]float64{
			"losses.contrastive": full.Losses.Contrastive, "losses.batch_all": full.Losses.BatchAll,
			"losses.batch_hard": full.Losses.BatchHard, "losses.semi_hard": full.Losses.SemiHard,
			"losses.fraction_active": full.Losses.FractionActive, "separation.auc": full.Separation.AUC,
			"separation.median_positive": full.Separation.MedianPositive,
			"triplets.hard_fraction":     float64(full.Triplets.Hard) / float64(full.Triplets.Total),
		} {
			iv, ok := s.Intervals[key]
			if !ok {
				t.Fatalf("no interval for %s", key)
			}
			if iv.Low <= want && want <= iv.High {
				covered[key]++
			}
		}
		again, _ := Compute(context.Background(), x, labels, 3, opts)
		if again.Losses != s.Losses {
			t.Fatal("the same seed gave another sample")
		}
	}
	for key, k := range covered {
		// 95% intervals: fewer than 48 of 60 would happen with probability < 1e-4.
		if k < 48 {
			t.Errorf("%s: the interval covered the full-batch value in %d of %d samples", key, k, trials)
		}
	}
	if len(covered) < 8 {
		t.Errorf("intervals covered only %v", covered)
	}
}

func TestSampleAnchorsDistinct(t *testing.T) {
	for _, c := range []struct{ n, k int }{{10, 1}, {10, 9}, {1000, 500}, {5, 5}} {
		s := sampleAnchors(c.n, c.k, 7)
		seen := map[int]bool{}
		for i, a := range s {
			if a < 0 || a >= c.n || seen[a] || i > 0 && s[i-1] >= a {
				t.Fatalf("sampleAnchors(%d, %d) = %v", c.n, c.k, s)
			}
			seen[a] = true
		}
		if len(s) != c.k {
			t.Fatalf("sampleAnchors(%d, %d) has %d", c.n, c.k, len(s))
		}
	}
}

func TestContextCancelled(t *testing.T) {
	x, labels := randomBatch(rand.New(rand.NewPCG(1, 1)), 400, 4, 4, false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compute(ctx, x, labels, 4, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before: %v", err)
	}
	for _, opts := range []Options{{BlockRows: 10}, {BlockRows: 10, MaxMemory: 1}, {BlockRows: 10, SampleAnchors: 100}} {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		opts.Progress = func(done, total int) {
			calls++
			if calls == 2 {
				cancel()
			}
		}
		if _, err := Compute(ctx, x, labels, 4, opts); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled during (%+v): %v", opts, err)
		}
		if calls != 2 {
			t.Errorf("%d blocks after the cancellation", calls-2)
		}
		cancel()
	}
}

// Distances scale with the rows: multiplying every row and the margin by
// 2^k changes no share and scales the losses, as long as float64 can hold
// the squares. Beyond that Compute fails naming a row; it never panics nor
// reports NaN as a figure. (Below 1e-9 the regimes' absolute tolerance,
// loss.Tol, makes every triplet hard, so tiny scales check only the
// separation.)
func TestExtremeScales(t *testing.T) {
	x, labels := randomBatch(rand.New(rand.NewPCG(9, 9)), 40, 3, 2, false)
	for _, metric := range []dist.Metric{dist.Euclidean, dist.Manhattan, dist.Cosine, dist.SqEuclidean} {
		base, err := Compute(context.Background(), x, labels, 2, Options{Metric: metric, Margin: 0.3})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{600, 400, 120, -500, -1000} {
			if metric == dist.SqEuclidean && (k > 250 || k < -500) {
				continue // the squares leave float64
			}
			scaled := mat.DenseCopyOf(x)
			scaled.Apply(func(_, _ int, v float64) float64 { return math.Ldexp(v, k) }, scaled)
			unit := math.Ldexp(1, k) // how distances scale
			if metric == dist.SqEuclidean {
				unit *= unit
			}
			if metric == dist.Cosine {
				unit = 1
			}
			opts := Options{Metric: metric, Margin: 0.3 * unit}
			if (metric == dist.Euclidean || metric == dist.Manhattan) && k > 520 {
				// The contrastive loss squares distances of 2^600: beyond float64.
				_, err := Compute(context.Background(), scaled, labels, 2, opts)
				var re *dist.RowError
				if !errors.As(err, &re) || !errors.Is(err, ErrNotFinite) {
					t.Errorf("%v ×2^%d: %v, want a row error", metric, k, err)
				}
				continue
			}
			got, err := Compute(context.Background(), scaled, labels, 2, opts)
			if err != nil {
				t.Errorf("%v ×2^%d: %v", metric, k, err)
				continue
			}
			rel := func(name string, g, w float64) {
				if math.Abs(g-w) > 1e-9*math.Abs(w) {
					t.Errorf("%v ×2^%d: %s = %g, want %g", metric, k, name, g, w)
				}
			}
			rel("auc", got.Separation.AUC, base.Separation.AUC)
			rel("accuracy", got.Separation.Accuracy, base.Separation.Accuracy)
			if k < 0 && metric != dist.Cosine {
				continue
			}
			rel("batch_hard", got.Losses.BatchHard/unit, base.Losses.BatchHard)
			rel("fraction_active", got.Losses.FractionActive, base.Losses.FractionActive)
			if got.Triplets != base.Triplets {
				t.Errorf("%v ×2^%d: census %+v, want %+v", metric, k, got.Triplets, base.Triplets)
			}
		}
	}
}

// Rows near the float64 limit: the distances themselves overflow. Before,
// this panicked in sortedIndex (slice bounds out of range).
func TestNearMaxFloat(t *testing.T) {
	x := mat.NewDense(4, 2, []float64{1e308, 1e308, -1e308, 1e308, 1e308, -1e308, -1e308, -1e308})
	for _, metric := range []dist.Metric{dist.Euclidean, dist.SqEuclidean, dist.Manhattan} {
		for _, budget := range []int64{0, 1} {
			_, err := Compute(context.Background(), x, []int{0, 0, 1, 1}, 2, Options{Metric: metric, MaxMemory: budget})
			var re *dist.RowError
			if !errors.As(err, &re) || !errors.Is(err, ErrNotFinite) || re.Row < 0 || re.Row > 3 {
				t.Errorf("%v: %v, want a row error", metric, err)
			}
		}
	}
	// Cosine only needs directions: the same rows are fine.
	res, err := Compute(context.Background(), x, []int{0, 0, 1, 1}, 2, Options{Metric: dist.Cosine})
	if err != nil || res.Separation.PositivePairs != 2 {
		t.Errorf("cosine: %v", err)
	}
}

func TestPlan(t *testing.T) {
	labels := make([]int, 20000)
	for i := range labels {
		labels[i] = i % 2
	}
	p := PlanFor(20000, 16, labels, 2, Options{})
	// 2 classes of 10,000: 99,990,000 positive pairs at 16 bytes exceed 1 GiB.
	if p.Method != MethodBinned || p.Bytes > 512<<20 || p.Anchors != 20000 {
		t.Errorf("20,000 in 2 classes: %+v", p)
	}
	if q := PlanFor(20000, 16, labels, 2, Options{MaxMemory: 4 << 30}); q.Method != MethodExact || q.Bytes < 16*99_990_000 {
		t.Errorf("with 4 GiB: %+v", q)
	}
	s := PlanFor(20000, 16, labels, 2, Options{SampleAnchors: 2000})
	if s.Anchors != 2000 || s.Method != MethodSampled || !(s.Seconds < p.Seconds/5) {
		t.Errorf("sampled: %+v (all: %+v)", s, p)
	}
	// The sample that takes s's time has s's anchors, and a quarter of
	// the time a quarter of them (rounded down either way).
	if k := SampleWithin(s.Seconds, 20000, 16, labels, 2, Options{}); k < 1999 || k > 2000 {
		t.Errorf("SampleWithin the 2,000-anchor sample's time: %d", k)
	}
	if k := SampleWithin(s.Seconds/4, 20000, 16, labels, 2, Options{}); k < 499 || k > 500 {
		t.Errorf("SampleWithin a quarter of that: %d", k)
	}
	if k := SampleWithin(1e9, 20000, 16, labels, 2, Options{}); k != 20000 {
		t.Errorf("SampleWithin ample time: %d, want every anchor", k)
	}
}

// Before, a top near the float64 limit made bucket indices out of range.
func TestSortedIndexExtremeTop(t *testing.T) {
	vals := []float64{0, 1, 1e300, 1e307, 1.7e308}
	for _, top := range []float64{math.MaxFloat64, 1e-300, 4} {
		ix := newSortedIndex(vals, newFineHistogram(top, fineBins))
		for _, x := range []float64{-1, 0, 0.5, 1, 1e300, 1.7e308, math.MaxFloat64, math.Inf(1)} {
			less, atMost := ix.bounds(x)
			if less != sortSearch(vals, x, false) || atMost != sortSearch(vals, x, true) {
				t.Errorf("top %g: bounds(%g) = %d, %d", top, x, less, atMost)
			}
		}
	}
	h := newFineHistogram(math.MaxFloat64, fineBins)
	for _, d := range []float64{0, 1, math.MaxFloat64, math.Inf(1), math.NaN()} {
		if b := h.bin(d); b < 0 || b >= fineBins {
			t.Errorf("bin(%g) = %d", d, b)
		}
	}
}

func sortSearch(sorted []float64, x float64, orEqual bool) int {
	k := 0
	for _, v := range sorted {
		if v < x || orEqual && v == x {
			k++
		}
	}
	return k
}

// Every interval is finite (JSON cannot hold anything else) and has a width:
// a statistic with no terms in the sample, or one the sampled anchors all
// agree on, is listed as having no interval instead of getting a point. A
// sample asked for below MinSampleAnchors is raised to it.
func TestIntervalsFinite(t *testing.T) {
	// Two far-apart classes and m = 0: no active triplet, so the non-zero
	// mean has no terms at all and every anchor has no close negative.
	var rows []float64
	labels := make([]int, 80)
	for i := range 80 {
		labels[i] = i / 40
		rows = append(rows, float64(labels[i])*100+float64(i%40)*0.01)
	}
	x := mat.NewDense(80, 1, rows)
	for _, k := range []int{1, 2, 5, 40} {
		res, err := Compute(context.Background(), x, labels, 2, Options{SampleAnchors: k, Seed: 1})
		if err != nil {
			t.Fatalf("k=%d: %v", k, err)
		}
		if res.Sample.Anchors != max(k, MinSampleAnchors) {
			t.Errorf("k=%d: a sample of %d anchors", k, res.Sample.Anchors)
		}
		for key, iv := range res.Intervals {
			if math.IsInf(iv.Low, 0) || math.IsInf(iv.High, 0) || math.IsNaN(iv.Low) || math.IsNaN(iv.High) || !(iv.Low < iv.High) {
				t.Errorf("k=%d: %s = %+v", k, key, iv)
			}
		}
		for _, key := range []string{"losses.batch_all_nonzero", "separation.negatives_closer_than_median_positive_plus_margin", "triplets.hard_fraction"} {
			if _, ok := res.Intervals[key]; ok || !slices.Contains(res.NoInterval, key) {
				t.Errorf("k=%d: %s has interval %v; no interval for %v", k, key, res.Intervals[key], res.NoInterval)
			}
		}
		if _, ok := res.Intervals["losses.contrastive"]; !ok {
			t.Errorf("k=%d: the contrastive loss varies across anchors but has no interval", k)
		}
	}
}

// Binned because of the memory budget, every anchor still evaluated: each
// pair counts once, as in the exact method, so the loss terms, the pair
// counts and the histogram (edges and counts) are the exact method's.
func TestBinnedCountsLikeExact(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for trial := range 20 {
		classes := 2 + r.IntN(3)
		n := 2*classes + r.IntN(30)
		metric := dist.Metric(trial % 4)
		x, labels := randomBatch(r, n, 1+r.IntN(4), classes, trial%3 == 0)
		for i := range n { // no zero row for the cosine distance
			x.Set(i, 0, x.At(i, 0)+10)
		}
		bins := 1 + r.IntN(60)
		opts := Options{Metric: metric, Margin: 0.5, Bins: bins}
		exact, err := Compute(context.Background(), x, labels, classes, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.MaxMemory = 1
		binned, err := Compute(context.Background(), x, labels, classes, opts)
		if err != nil {
			t.Fatal(err)
		}
		if exact.Separation.Method != MethodExact || binned.Separation.Method != MethodBinned {
			t.Fatalf("methods %q, %q", exact.Separation.Method, binned.Separation.Method)
		}
		for i, e := range exact.ByLoss {
			b := binned.ByLoss[i]
			if b.Terms != e.Terms || b.Active != e.Active || math.Abs(b.Value.Value-e.Value.Value) > 1e-9*math.Max(1, e.Value.Value) {
				t.Errorf("trial %d %s/%s/%s: binned %d terms, %d active, %v; exact %d, %d, %v",
					trial, e.Loss, e.Miner, e.Reducer, b.Terms, b.Active, b.Value.Value, e.Terms, e.Active, e.Value.Value)
			}
		}
		es, bs := exact.Separation, binned.Separation
		if es.PositivePairs != bs.PositivePairs || es.NegativePairs != bs.NegativePairs {
			t.Errorf("trial %d: pairs %d/%d exact, %d/%d binned", trial, es.PositivePairs, es.NegativePairs, bs.PositivePairs, bs.NegativePairs)
		}
		if !reflect.DeepEqual(exact.Histogram, binned.Histogram) {
			t.Errorf("trial %d: histograms differ\nexact  %+v\nbinned %+v", trial, exact.Histogram, binned.Histogram)
		}
	}
}

// The histogram has exactly the bins asked for, equal, from 0, covering
// every pair; the last edge lies beyond the farthest pair by at most one bin
// or 3% of the range (bins are whole cells of the 1/65,536 grid).
func TestHistogramHasTheBinsAskedFor(t *testing.T) {
	r := rand.New(rand.NewPCG(43, 44))
	x, labels := randomBatch(r, 120, 8, 4, false)
	pos, neg := pairDistances(t, x, labels, dist.Euclidean)
	far := slices.Max(append(slices.Clone(pos), neg...))
	for _, bins := range []int{1, 2, 16, 30, 31, 500, 800, 1000} {
		for _, budget := range []int64{0, 1} {
			res, err := Compute(context.Background(), x, labels, 4, Options{Metric: dist.Euclidean, Bins: bins, MaxMemory: budget})
			if err != nil {
				t.Fatal(err)
			}
			h := res.Histogram
			if len(h.Positive) != bins || len(h.Negative) != bins || len(h.Edges) != bins+1 || h.Edges[0] != 0 {
				t.Fatalf("--bins %d (budget %d): %d bins, %d edges from %v", bins, budget, len(h.Positive), len(h.Edges), h.Edges[0])
			}
			width := h.Edges[1]
			if last := h.Edges[bins]; last < far || last-far > max(width, 0.03*last) {
				t.Errorf("--bins %d: last edge %v, farthest pair %v, bin width %v", bins, last, far, width)
			}
			var p, q int64
			for i := range bins {
				p, q = p+h.Positive[i], q+h.Negative[i]
			}
			if p != int64(len(pos)) || q != int64(len(neg)) {
				t.Errorf("--bins %d: %d + %d pairs counted, want %d + %d", bins, p, q, len(pos), len(neg))
			}
		}
	}
}
