package batch

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"losslab/core/loss"
)

// computeSampled evaluates a seeded uniform sample of k anchors, every
// ordered pair (a, j), j ≠ a, of each (the anchor is the unit of sampling),
// binned, and gives every statistic its 95% confidence interval.
func computeSampled(ctx context.Context, in *input, k int, res *Result) error {
	n := len(in.labels)
	anchors := sampleAnchors(n, k, in.opts.Seed)
	c, hist, err := binnedPassOne(ctx, in, anchors, true, progressOf(in.opts.Progress, 0, 2*k))
	if err != nil {
		return err
	}
	b := newBinnedSeparation(hist)
	threshold, med := b.threshold(), b.quantile(0.5)
	second := make([]secondPass, k)
	m := in.opts.Margin
	placement := b.placements()
	err = forRows(ctx, in.pairs, anchors, in.opts.BlockRows, progressOf(in.opts.Progress, k, 2*k), func(_, slot, a int, row []float64) error {
		var sp secondPass
		ya := in.labels[a]
		for j, d := range row {
			switch {
			case j == a:
			case in.labels[j] == ya:
				sp.positiveSum++
				if d <= threshold {
					sp.correct++
				}
				if d <= med {
					sp.atMostMed++
				}
				sp.placement += placement[hist.bin(d)]
			default:
				sp.negatives++
				if d > threshold {
					sp.correct++
				}
				if d < med+m {
					sp.closer++
				}
			}
		}
		second[slot] = sp
		return nil
	})
	if err != nil {
		return err
	}
	c.reduceLosses(res)
	var correct, closer int64
	for _, sp := range second {
		correct += sp.correct
		closer += sp.closer
	}
	sep := &res.Separation
	sep.Method, sep.Bins = MethodBinned, len(hist.pos)
	sep.PositivePairs, sep.NegativePairs = b.p, b.q
	sep.AUC, sep.AUCErrorBound = b.auc()
	sep.Threshold, sep.MedianPositive, sep.MedianErrorBound = threshold, med, b.quantileError()
	sep.Accuracy = float64(correct) / float64(b.p+b.q)
	sep.NegativesInsideMedianPlusMargin = float64(closer) / float64(b.q)
	res.Histogram = hist.display(in.opts.Bins)
	res.Sample = &Sample{Anchors: k, Of: n, Seed: in.opts.Seed}
	c.intervals(res, second, b)
	return nil
}

// secondPass is what a sample's second pass finds for one anchor.
type secondPass struct {
	correct     int64   // pairs right under "d ≤ threshold means same"
	closer      int64   // negatives closer than median + m
	atMostMed   int64   // positives ≤ median (for the median's interval)
	placement   float64 // Σ over positives of the share of negatives farther (binned, ties ½)
	negatives   int64
	positiveSum int64
}

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

// MinSampleAnchors is the smallest sample of anchors whose 95% intervals
// the normal approximation below can be trusted for (the usual n ≥ 30);
// smaller samples are raised to it.
const MinSampleAnchors = 30

// ratioInterval is the 95% confidence interval of R = Σy/Σx over a simple
// random sample of k of the n anchors (the ratio estimator's linearised
// variance with the finite population correction; Cochran, Sampling
// Techniques, 6.3), clipped to [lo, hi]. ok is false when the sample cannot
// estimate the spread: fewer than two anchors with x ≠ 0 (a mean of no
// terms is 0 by convention), or no variation at all among the anchors, which
// a sample shows far more often than the batch has it (every sampled anchor
// without a close negative, say).
func ratioInterval(y, x []float64, n int, lo, hi float64) (iv Interval, ok bool) {
	k := len(y)
	var sy, sx float64
	units := 0
	for i := range y {
		sy += y[i]
		sx += x[i]
		if x[i] != 0 {
			units++
		}
	}
	if units < 2 {
		return Interval{}, false
	}
	r := sy / sx
	var ss float64
	for i := range y {
		e := y[i] - r*x[i]
		ss += e * e
	}
	mean := sx / float64(k)
	se := math.Sqrt((1 - float64(k)/float64(n)) * ss / float64(k-1) / float64(k) / (mean * mean))
	if !(se > 1e-12*math.Abs(r)) { // rounding residue of equal ratios is no spread
		return Interval{}, false
	}
	return Interval{Low: min(max(r-z95*se, lo), hi), High: min(max(r+z95*se, lo), hi)}, true
}

// IntervalKey is the key of v's interval in Result.Intervals.
func IntervalKey(v LossValue) string {
	return fmt.Sprintf("by_loss/%s/%s/%s", v.Loss, v.Miner, v.Reducer)
}

// intervals gives every sampled statistic its 95% interval, keyed by JSON
// path, or lists it in res.NoInterval. The unit of sampling is the anchor,
// so each statistic is a ratio of per-anchor sums: a loss's Mean is
// Σ terms / Σ count, its MeanNonZero Σ terms / Σ active.
func (c *computation) intervals(res *Result, second []secondPass, b *binnedSeparation) {
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
	var none []string
	set := func(key string, iv Interval, ok bool) {
		if ok {
			out[key] = iv
		} else {
			none = append(none, key)
		}
	}
	slotOf := map[[3]string]int{}
	for i, s := range c.plan.slots {
		sums := col(func(a int) float64 { return c.tallies[a*slots+i].sum })
		den := col(func(a int) float64 { return float64(c.tallies[a*slots+i].count) })
		if s.strategy.Reducer == MeanNonZero {
			den = col(func(a int) float64 { return float64(c.tallies[a*slots+i].active) })
		}
		iv, ok := ratioInterval(sums, den, n, 0, inf)
		set(IntervalKey(LossValue{Loss: s.loss.ID, Strategy: s.strategy}), iv, ok)
		slotOf[[3]string{string(s.loss.ID), string(s.strategy.Miner), string(s.strategy.Reducer)}] = i
	}
	classic := func(key string, id loss.ID, m MinerID, r ReducerID) {
		if i, ok := slotOf[[3]string{string(id), string(m), string(r)}]; ok {
			iv, ok := out[IntervalKey(LossValue{Loss: id, Strategy: Strategy{m, r}})]
			set(key, iv, ok)
			if key == "losses.batch_all" { // and the share of its terms that are active
				act := col(func(a int) float64 { return float64(c.tallies[a*slots+i].active) })
				cnt := col(func(a int) float64 { return float64(c.tallies[a*slots+i].count) })
				iv, ok := ratioInterval(act, cnt, n, 0, 1)
				set("losses.fraction_active", iv, ok)
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
	share := func(key string, y, x []float64) {
		iv, ok := ratioInterval(y, x, n, 0, 1)
		set(key, iv, ok)
	}
	share("triplets.easy_fraction", col(func(i int) float64 { return float64(a[i].easy) }), triplets)
	share("triplets.semi_hard_fraction", col(func(i int) float64 { return float64(a[i].semi) }), triplets)
	share("triplets.hard_fraction", col(func(i int) float64 { return float64(a[i].hard) }), triplets)
	share("separation.auc", col(func(i int) float64 { return second[i].placement }), positives)
	share("separation.accuracy", col(func(i int) float64 { return float64(second[i].correct) }), others)
	share("separation.negatives_closer_than_median_positive_plus_margin",
		col(func(i int) float64 { return float64(second[i].closer) }), col(func(i int) float64 { return float64(second[i].negatives) }))
	// Woodruff's interval for the median: the interval of the share of
	// positives at most the median, mapped back through the quantiles.
	// Each end takes its whole bin, so the binning cannot make it narrower.
	f, ok := ratioInterval(col(func(i int) float64 { return float64(second[i].atMostMed) }), positives, n, 0, 1)
	half := (f.High - f.Low) / 2
	lo, _ := b.quantileBins(0.5 - half)
	_, hi := b.quantileBins(0.5 + half)
	set("separation.median_positive", Interval{Low: b.h.edge(lo), High: b.h.edge(hi + 1)}, ok)
	slices.Sort(none)
	res.Intervals, res.NoInterval = out, none
}
