package batch

import (
	"context"
	"math"
)

// The binned method, for batches whose positive pairs do not fit the memory
// budget, and for samples of anchors. Pass 1 evaluates each anchor as the
// exact method does (losses and census exact) and counts both distributions
// on up to BinnedBins fine bins: each unordered pair once when every anchor
// is evaluated, every ordered pair (a, j), j ≠ a, of a sample's anchors (the
// anchor is the unit of sampling). Over every anchor, pass 2 (refine.go)
// then visits each pair once more, collecting the few whose bins can hold
// the threshold, the median or the median + m, so that those are exact too
// and only the AUC is binned. A sample's pass 2 (sample.go) gives each
// anchor's share of pairs right at the binned threshold and its other
// per-anchor figures, for the confidence intervals.

func computeBinned(ctx context.Context, in *input, res *Result) error {
	n := len(in.labels)
	c, hist, err := binnedPassOne(ctx, in, allAnchors(n), false, progressOf(in.opts.Progress, 0, 2*n))
	if err != nil {
		return err
	}
	c.reduceLosses(res)
	b := newBinnedSeparation(hist)
	sep := &res.Separation
	sep.Method, sep.Bins = MethodBinned, len(hist.pos)
	sep.PositivePairs, sep.NegativePairs = b.p, b.q
	sep.AUC, sep.AUCErrorBound = b.auc()
	if err := refine(ctx, in, b, progressOf(in.opts.Progress, n, 2*n), sep); err != nil {
		return err
	}
	res.Histogram = hist.display(in.opts.Bins)
	return nil
}

// binnedPassOne evaluates the anchors (ordered: every pair of each, else
// each unordered pair once) and counts their pairs on fine bins.
func binnedPassOne(ctx context.Context, in *input, anchors []int, ordered bool, progress func(int, int)) (*computation, *fineHistogram, error) {
	n := len(in.labels)
	visited := int64(len(anchors)) * int64(n-1)
	if !ordered {
		visited /= 2
	}
	bins := binsFor(visited)
	hist := newFineHistogram(in.top, bins)
	c := newComputation(in, len(anchors), hist, true)
	c.ordered = ordered
	err := forRows(ctx, in.pairs, anchors, in.opts.BlockRows, progress, func(w, slot, a int, row []float64) error {
		return c.anchor(c.workers[w], slot, a, row)
	})
	if err != nil {
		return nil, nil, err
	}
	c.flush()
	if !ordered { // each unordered pair was counted from both its ends
		for i := range hist.pos {
			hist.pos[i] /= 2
			hist.neg[i] /= 2
		}
	}
	return c, hist, nil
}

// progressOf reports a pass's progress as part of the whole.
func progressOf(progress func(int, int), base, total int) func(int, int) {
	if progress == nil {
		return nil
	}
	return func(done, _ int) { progress(base+done, total) }
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

// placements is, by bin, the share of negatives farther than a distance in
// it (the same bin counting ½): one table read per positive pair of a
// sample's pass 2, where the counts and the division cost more.
func (b *binnedSeparation) placements() []float64 {
	out := make([]float64, len(b.h.neg))
	for i := range out {
		out[i] = (float64(b.negAbove[i]) + float64(b.h.neg[i])/2) / float64(b.q)
	}
	return out
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
