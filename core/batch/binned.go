package batch

import (
	"context"
	"math"
	"runtime"

	"losslab/core/dist"
)

// The binned method, for batches whose positive pairs do not fit the memory
// budget and for samples of anchors. It visits every pair twice: each
// unordered pair once when every anchor is evaluated, and every ordered pair
// (a, j), j ≠ a, of a sample's anchors (the anchor is the unit of sampling):
//
//  1. the losses and census per anchor (exact, as in the exact method), and
//     both distributions counted on BinnedBins fine bins;
//  2. with the threshold and median taken from those bins, the exact share
//     of pairs each anchor gets right under "d ≤ t means same", its
//     negatives closer than median + m, and (for confidence intervals) its
//     positives' placements among the negatives.
//
// So counts, the histogram and the loss terms are those of the exact method
// when every anchor is evaluated.

// secondPass is what pass 2 finds for one anchor.
type secondPass struct {
	correct     int64   // pairs right under "d ≤ threshold means same"
	closer      int64   // negatives closer than median + m
	atMostMed   int64   // positives ≤ median (for the median's interval)
	placement   float64 // Σ over positives of the share of negatives farther (binned, ties ½)
	negatives   int64
	positiveSum int64
}

func computeBinned(ctx context.Context, pairs *dist.Pairs, labels []int, top float64, pl plan, cost Plan, opts Options, res *Result) error {
	n := len(labels)
	anchors := allAnchors(n)
	if cost.Anchors < n {
		anchors = sampleAnchors(n, cost.Anchors, opts.Seed)
	}
	k := len(anchors)
	sampled := k < n
	visited := int64(k) * int64(n-1) // ordered pairs of a sample
	if !sampled {
		visited /= 2
	}
	bins := binsFor(visited)
	hist := newFineHistogram(top, bins)
	c := &computation{n: n, labels: labels, margin: opts.Margin, metric: opts.Metric, hist: hist,
		anchors: make([]anchorStats, len(anchors)), ordered: sampled, plan: pl, tallies: make([]tally, len(anchors)*len(pl.slots))}
	ws := make([]*worker, runtime.GOMAXPROCS(0))
	for i := range ws {
		ws[i] = &worker{hist: newFineHistogram(top, bins)}
	}
	rows := blockRows(n, opts.BlockRows)
	progress := func(base int) func(int, int) {
		if opts.Progress == nil {
			return nil
		}
		return func(done, _ int) { opts.Progress(base+done, 2*k) }
	}
	err := forBlocks(ctx, pairs, anchors, rows, progress(0), func(w, slot, a int, row []float64) error {
		return c.anchor(ws[w], slot, a, row)
	})
	if err != nil {
		return err
	}
	for _, w := range ws {
		hist.addAll(w.hist)
		w.hist = nil
	}

	b := newBinnedSeparation(hist)
	threshold, med, medErr := b.threshold(), b.quantile(0.5), b.quantileError()
	second := make([]secondPass, k)
	m := opts.Margin
	err = forBlocks(ctx, pairs, anchors, rows, progress(k), func(_, slot, a int, row []float64) error {
		sp := &second[slot]
		ya := labels[a]
		for j, d := range row {
			if j == a || (!sampled && j < a) { // the pairs of the first pass
				continue
			}
			if labels[j] == ya {
				sp.positiveSum++
				if d <= threshold {
					sp.correct++
				}
				if d <= med {
					sp.atMostMed++
				}
				if sampled { // placements serve only the AUC's interval
					sp.placement += b.placement(d)
				}
			} else {
				sp.negatives++
				if d > threshold {
					sp.correct++
				}
				if d < med+m {
					sp.closer++
				}
			}
		}
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
	sep.Method, sep.Bins = MethodBinned, bins
	sep.PositivePairs, sep.NegativePairs = b.p, b.q
	sep.AUC, sep.AUCErrorBound = b.auc()
	sep.Threshold, sep.MedianPositive, sep.MedianErrorBound = threshold, med, medErr
	sep.Accuracy = float64(correct) / float64(b.p+b.q)
	sep.NegativesInsideMedianPlusMargin = float64(closer) / float64(b.q)
	res.Histogram = hist.display(opts.Bins)
	if !sampled {
		return nil
	}
	res.Sample = &Sample{Anchors: k, Of: n, Seed: opts.Seed}
	c.intervals(res, second, b)
	return nil
}

// binsFor is the number of fine bins for that many pairs: about one
// per pair, at least fineBins and at most BinnedBins (4 MiB of counts per
// worker: small enough to stay mostly in cache as distances stream by).
func binsFor(pairs int64) int {
	bins := fineBins
	for bins < BinnedBins && int64(bins) < pairs {
		bins *= 2
	}
	return bins
}

// binnedSeparation answers questions about both distributions from their
// fine bins.
type binnedSeparation struct {
	h        *fineHistogram
	p, q     int64
	negAbove []int64 // negatives in bins above b
	posUpTo  []int64 // positives in bins ≤ b
}

func newBinnedSeparation(h *fineHistogram) *binnedSeparation {
	size := len(h.pos)
	b := &binnedSeparation{h: h, negAbove: make([]int64, size), posUpTo: make([]int64, size)}
	for i := size - 1; i >= 0; i-- {
		if i+1 < size {
			b.negAbove[i] = b.negAbove[i+1] + h.neg[i+1]
		}
	}
	for i := range size {
		b.p += h.pos[i]
		b.q += h.neg[i]
		b.posUpTo[i] = b.p
	}
	return b
}

// auc counts positive-negative pairs in different bins exactly and those
// sharing a bin as ties (½ each); the truth for a shared bin lies anywhere
// between 0 and 1 per pair, hence the bound.
func (b *binnedSeparation) auc() (auc, bound float64) {
	var wins, shared float64
	for i, pc := range b.h.pos {
		if pc == 0 {
			continue
		}
		wins += float64(pc) * float64(b.negAbove[i])
		shared += float64(pc) * float64(b.h.neg[i])
	}
	pq := float64(b.p) * float64(b.q)
	return (wins + shared/2) / pq, shared / 2 / pq
}

// placement is the share of negatives farther than d (same bin counting ½).
func (b *binnedSeparation) placement(d float64) float64 {
	i := b.h.bin(d)
	return (float64(b.negAbove[i]) + float64(b.h.neg[i])/2) / float64(b.q)
}

// threshold is the bin edge t that maximises the accuracy of "d < t means
// same" (all bins below t same, the rest different), 0 when none beats
// calling every pair different.
func (b *binnedSeparation) threshold() float64 {
	best, bestT := b.q, 0.0
	for i := range b.h.pos {
		// t = upper edge of bin i: positives in bins ≤ i are right, and
		// negatives in bins > i.
		if correct := b.posUpTo[i] + b.negAbove[i]; correct > best {
			best, bestT = correct, b.h.edge(i+1)
		}
	}
	return bestT
}

// quantile is the positives' q-quantile, interpolated between the middles
// of the bins holding the two ranks around q(P−1) as median interpolates
// between the two middle values; each middle is within half a bin of its
// value, so the result is too.
func (b *binnedSeparation) quantile(q float64) float64 {
	lo, hi := b.quantileBins(q)
	r := min(max(q, 0), 1) * float64(b.p-1)
	mid := func(i int) float64 { return (b.h.edge(i) + b.h.edge(i+1)) / 2 }
	return mid(lo) + (r-math.Floor(r))*(mid(hi)-mid(lo))
}

// quantileError bounds how far quantile(q) can be from the exact value.
func (b *binnedSeparation) quantileError() float64 {
	return b.h.edge(1) / 2
}

// quantileBins are the bins holding the positives of 0-based ranks
// ⌊q(P−1)⌋ and ⌈q(P−1)⌉.
func (b *binnedSeparation) quantileBins(q float64) (int, int) {
	q = min(max(q, 0), 1)
	r := q * float64(b.p-1)
	return b.binOfRank(int64(math.Floor(r))), b.binOfRank(int64(math.Ceil(r)))
}

func (b *binnedSeparation) binOfRank(r int64) int {
	lo, hi := 0, len(b.posUpTo)-1
	for lo < hi { // first bin with more than r positives up to it
		mid := (lo + hi) / 2
		if b.posUpTo[mid] > r {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
