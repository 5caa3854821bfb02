package batch

import (
	"math"
	"math/rand/v2"
	"slices"

	"losslab/core/loss"
)

// sampleAnchors draws k of the n anchors uniformly without replacement,
// seeded, and returns them sorted (distance rows are computed in order).
func sampleAnchors(n, k int, seed uint64) []int {
	r := rand.New(rand.NewPCG(seed, 0x6c6f73736c6162)) // "losslab"
	// Floyd's algorithm: k draws, no n-sized permutation.
	chosen := make(map[int]bool, k)
	out := make([]int, 0, k)
	for j := n - k; j < n; j++ {
		t := r.IntN(j + 1)
		if chosen[t] {
			t = j
		}
		chosen[t] = true
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// z95 is the standard normal quantile for a two-sided 95% interval.
const z95 = 1.959963984540054

// ratioInterval is the 95% confidence interval of R = Σy/Σx over a simple
// random sample of k of the n anchors (the ratio estimator's linearised
// variance with the finite population correction; Cochran, Sampling
// Techniques, 6.3), clipped to [lo, hi]. It needs k ≥ 2 (PlanFor sees to it).
func ratioInterval(y, x []float64, n int, lo, hi float64) Interval {
	k := len(y)
	var sy, sx float64
	for i := range y {
		sy += y[i]
		sx += x[i]
	}
	if sx == 0 { // the statistic is 0 by convention (no active triplet, say) in every sample
		return Interval{0, 0}
	}
	r := sy / sx
	var ss float64
	for i := range y {
		e := y[i] - r*x[i]
		ss += e * e
	}
	mean := sx / float64(k)
	se := math.Sqrt((1 - float64(k)/float64(n)) * ss / float64(k-1) / float64(k) / (mean * mean))
	return Interval{Low: min(max(r-z95*se, lo), hi), High: min(max(r+z95*se, lo), hi)}
}

// intervals gives every sampled statistic its 95% interval, keyed by JSON
// path. The unit of sampling is the anchor, so each statistic is a ratio of
// per-anchor sums.
func intervals(anchors []anchorStats, second []secondPass, b *binnedSeparation, margin float64, n int) map[string]Interval {
	k := len(anchors)
	col := func(f func(i int) float64) []float64 {
		out := make([]float64, k)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	one := col(func(int) float64 { return 1 })
	others := col(func(int) float64 { return float64(n - 1) })
	triplets := col(func(i int) float64 { a := anchors[i]; return float64(a.easy + a.semi + a.hard) })
	positives := col(func(i int) float64 { return float64(anchors[i].positives) })
	inf := math.Inf(1)
	out := map[string]Interval{
		"losses.contrastive":          ratioInterval(col(func(i int) float64 { return anchors[i].contrastive }), others, n, 0, inf),
		"losses.batch_all":            ratioInterval(col(func(i int) float64 { return anchors[i].batchAll }), triplets, n, 0, inf),
		"losses.batch_all_nonzero":    ratioInterval(col(func(i int) float64 { return anchors[i].batchAll }), col(func(i int) float64 { return float64(anchors[i].active) }), n, 0, inf),
		"losses.fraction_active":      ratioInterval(col(func(i int) float64 { return float64(anchors[i].active) }), triplets, n, 0, 1),
		"losses.batch_hard":           ratioInterval(col(func(i int) float64 { return math.Max(anchors[i].hardest+margin, 0) }), one, n, 0, inf),
		"losses.batch_hard_soft":      ratioInterval(col(func(i int) float64 { return loss.Softplus(anchors[i].hardest) }), one, n, 0, inf),
		"losses.semi_hard":            ratioInterval(col(func(i int) float64 { return anchors[i].semiHard }), positives, n, 0, inf),
		"triplets.easy_fraction":      ratioInterval(col(func(i int) float64 { return float64(anchors[i].easy) }), triplets, n, 0, 1),
		"triplets.semi_hard_fraction": ratioInterval(col(func(i int) float64 { return float64(anchors[i].semi) }), triplets, n, 0, 1),
		"triplets.hard_fraction":      ratioInterval(col(func(i int) float64 { return float64(anchors[i].hard) }), triplets, n, 0, 1),
		"separation.auc":              ratioInterval(col(func(i int) float64 { return second[i].placement }), positives, n, 0, 1),
		"separation.accuracy":         ratioInterval(col(func(i int) float64 { return float64(second[i].correct) }), others, n, 0, 1),
		"separation.negatives_closer_than_median_positive_plus_margin": ratioInterval(
			col(func(i int) float64 { return float64(second[i].closer) }), col(func(i int) float64 { return float64(second[i].negatives) }), n, 0, 1),
	}
	// Woodruff's interval for the median: the interval of the share of
	// positives at most the median, mapped back through the quantiles.
	// Each end takes its whole bin, so the binning cannot make it narrower.
	f := ratioInterval(col(func(i int) float64 { return float64(second[i].atMostMed) }), positives, n, 0, 1)
	half := (f.High - f.Low) / 2
	lo, _ := b.quantileBins(0.5 - half)
	_, hi := b.quantileBins(0.5 + half)
	out["separation.median_positive"] = Interval{Low: b.h.edge(lo), High: b.h.edge(hi + 1)}
	return out
}
