package batch

import (
	"fmt"
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

// IntervalKey is the key of v's interval in Result.Intervals.
func IntervalKey(v LossValue) string {
	return fmt.Sprintf("by_loss/%s/%s/%s", v.Loss, v.Miner, v.Reducer)
}

// intervals gives every sampled statistic its 95% interval, keyed by JSON
// path. The unit of sampling is the anchor, so each statistic is a ratio of
// per-anchor sums: a loss's Mean is Σ terms / Σ count, its MeanNonZero
// Σ terms / Σ active.
func (c *computation) intervals(res *Result, second []secondPass, b *binnedSeparation) map[string]Interval {
	k, n, slots := len(c.anchors), c.n, len(c.plan.slots)
	col := func(f func(i int) float64) []float64 {
		out := make([]float64, k)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	inf := math.Inf(1)
	out := map[string]Interval{}
	slotOf := map[[3]string]int{}
	for i, s := range c.plan.slots {
		sums := col(func(a int) float64 { return c.tallies[a*slots+i].sum })
		den := col(func(a int) float64 { return float64(c.tallies[a*slots+i].count) })
		if s.strategy.Reducer == MeanNonZero {
			den = col(func(a int) float64 { return float64(c.tallies[a*slots+i].active) })
		}
		out[IntervalKey(LossValue{Loss: s.loss.ID, Strategy: s.strategy})] = ratioInterval(sums, den, n, 0, inf)
		slotOf[[3]string{string(s.loss.ID), string(s.strategy.Miner), string(s.strategy.Reducer)}] = i
	}
	classic := func(key string, id loss.ID, m MinerID, r ReducerID) {
		if i, ok := slotOf[[3]string{string(id), string(m), string(r)}]; ok {
			out[key] = out[IntervalKey(LossValue{Loss: id, Strategy: Strategy{m, r}})]
			if key == "losses.batch_all" { // and the share of its terms that are active
				act := col(func(a int) float64 { return float64(c.tallies[a*slots+i].active) })
				cnt := col(func(a int) float64 { return float64(c.tallies[a*slots+i].count) })
				out["losses.fraction_active"] = ratioInterval(act, cnt, n, 0, 1)
			}
		}
	}
	classic("losses.contrastive", loss.ContrastiveID, AllPairs, Mean)
	classic("losses.batch_all", loss.TripletID, AllTriplets, Mean)
	classic("losses.batch_all_nonzero", loss.TripletID, AllTriplets, MeanNonZero)
	classic("losses.batch_hard", loss.TripletID, BatchHard, Mean)
	classic("losses.batch_hard_soft", loss.SoftMarginID, BatchHard, Mean)
	classic("losses.semi_hard", loss.TripletID, SemiHard, Mean)

	a := c.anchors
	triplets := col(func(i int) float64 { return float64(a[i].easy + a[i].semi + a[i].hard) })
	positives := col(func(i int) float64 { return float64(a[i].positives) })
	others := col(func(int) float64 { return float64(n - 1) })
	out["triplets.easy_fraction"] = ratioInterval(col(func(i int) float64 { return float64(a[i].easy) }), triplets, n, 0, 1)
	out["triplets.semi_hard_fraction"] = ratioInterval(col(func(i int) float64 { return float64(a[i].semi) }), triplets, n, 0, 1)
	out["triplets.hard_fraction"] = ratioInterval(col(func(i int) float64 { return float64(a[i].hard) }), triplets, n, 0, 1)
	out["separation.auc"] = ratioInterval(col(func(i int) float64 { return second[i].placement }), positives, n, 0, 1)
	out["separation.accuracy"] = ratioInterval(col(func(i int) float64 { return float64(second[i].correct) }), others, n, 0, 1)
	out["separation.negatives_closer_than_median_positive_plus_margin"] = ratioInterval(
		col(func(i int) float64 { return float64(second[i].closer) }), col(func(i int) float64 { return float64(second[i].negatives) }), n, 0, 1)
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
