package batch

import (
	"context"
	"runtime"
	"slices"
	"sync"
)

// Pass 2 of the binned method over every anchor: the threshold, accuracy,
// median and share of negatives closer than median + m, exactly as the
// exact method finds them, from the fine bins and the few pairs in the bins
// that decide them. It rests on one fact: bin is non-decreasing in the
// distance, so a pair in a lower bin than t's is closer than t and one in a
// higher bin farther; only the pairs sharing t's bin need their values.
//
//   - Threshold: "d ≤ t means same" is right for at most P≤i + N≥i pairs
//     when t lies in bin i (P≤i positives in bins ≤ i, N≥i negatives in
//     bins ≥ i), and for at least P≤i + N>i at t = the largest positive in
//     bins ≤ i. The best t lies in a bin whose bound reaches the best of
//     those (or calling every pair different); pass 2 keeps those bins'
//     pairs, and the exact method's rule runs over them.
//   - Median: the positives of the bins holding the two middle ranks.
//   - Negatives closer than median + m: those in the bins that
//     median + m can fall in, given the median's bins.

// refineBytes is what the plan allows for the pairs pass 2 keeps (8 bytes
// each): an estimate, as how many fall in the deciding bins is known only
// after pass 1.
const refineBytes = 128 << 20

// Why pass 2 keeps a bin's pairs (flags).
const (
	forThreshold = 1 << iota // positives and negatives
	forMedian                // positives
	forCloser                // negatives
)

// refine runs pass 2 and fills the separation's exact figures.
func refine(ctx context.Context, in *input, b *binnedSeparation, progress func(int, int), sep *Separation) error {
	h := b.h
	flags := make([]uint8, len(h.pos))
	candidates(b, flags)
	r1, r2 := (b.p-1)/2, b.p/2 // the middle ranks, 0-based
	m1, m2 := b.binOfRank(r1), b.binOfRank(r2)
	for i := m1; i <= m2; i++ {
		flags[i] |= forMedian
	}
	// median + m lies between (the median's lowest possible value + m) and
	// (its highest + m), each rounded outwards by far more than the
	// roundings in bin and in the sum.
	const slack = 1e-9
	lo := (h.edge(m1)*(1-slack) + in.opts.Margin) * (1 - slack)
	hi := (h.edge(m2+1)*(1+slack) + in.opts.Margin) * (1 + slack)
	c1, c2 := h.bin(lo), h.bin(hi)
	for i := c1; i <= c2; i++ {
		flags[i] |= forCloser
	}

	m := in.opts.Margin
	pos, neg, err := keepPairs(ctx, in, h, flags, progress)
	if err != nil {
		return err
	}
	// Both sorts at once: millions of values each, and the other
	// core idle otherwise.
	var sorted sync.WaitGroup
	sorted.Go(func() { slices.Sort(pos) })
	slices.Sort(neg)
	sorted.Wait()

	// Median: the kept positives of bins m1..m2 hold ranks P<m1 onwards.
	var med []float64
	for _, v := range pos {
		if f := h.bin(v); f >= m1 && f <= m2 {
			med = append(med, v)
		}
	}
	below := b.posUpTo[m1] - h.pos[m1] // positives in bins < m1
	at := func(r int64) float64 { return med[r-below] }
	sep.MedianPositive = at(r1)
	if r1 != r2 {
		sep.MedianPositive = (at(r1) + at(r2)) / 2 // as median does
	}
	sep.MedianErrorBound = 0

	// Closer: every negative in bins below c1, and the kept ones of c1..c2
	// compared with median + m as the exact method does.
	closer := b.q - b.negAbove[c1] - h.neg[c1]
	for _, v := range neg {
		if f := h.bin(v); f >= c1 && f <= c2 && v < sep.MedianPositive+m {
			closer++
		}
	}
	sep.NegativesInsideMedianPlusMargin = float64(closer) / float64(b.q)
	sep.Threshold, sep.Accuracy = bestThreshold(b, flags, pos, neg)
	return nil
}

// The pairs pass 2 keeps: positives in bins flagged keepPositive,
// negatives in bins flagged keepNegative.
const (
	keepPositive = forThreshold | forMedian
	keepNegative = forThreshold | forCloser
)

// keepPairs visits every pair once more and returns the distances of those
// whose bins are flagged for their kind, in no particular order, in lists
// made at their final size from pass 1's counts in those bins.
func keepPairs(ctx context.Context, in *input, h *fineHistogram, flags []uint8, progress func(int, int)) (pos, neg []float64, err error) {
	kept := newKeptLists(h, flags)
	bufs := make([]keptPairs, runtime.GOMAXPROCS(0))
	err = forUpperTiles(ctx, in.pairs, progress, func(w, lo, hi, jlo, jhi int, tile []float64) error {
		k := &bufs[w]
		if k.pos == nil {
			k.pos, k.neg = make([]float64, 0, keptChunk), make([]float64, 0, keptChunk)
		}
		ld := jhi - jlo
		for i := lo; i < hi; i++ {
			yi := in.labels[i]
			for j := max(jlo, i+1); j < jhi; j++ {
				d := tile[(i-lo)*ld+j-jlo]
				f := flags[h.bin(d)]
				if f == 0 {
					continue
				}
				if in.labels[j] == yi {
					if f&keepPositive != 0 {
						k.pos = kept.add(&kept.pos, k.pos, d)
					}
				} else if f&keepNegative != 0 {
					k.neg = kept.add(&kept.neg, k.neg, d)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, k := range bufs {
		kept.flush(&kept.pos, k.pos)
		kept.flush(&kept.neg, k.neg)
	}
	return kept.pos, kept.neg, nil
}

// keptPairs are a worker's pairs kept in pass 2, a chunk at a time.
type keptPairs struct {
	pos, neg []float64
	_        [64]byte // no cache line shared with another worker's
}

// keptLists are every worker's kept pairs, joined.
type keptLists struct {
	pos, neg []float64
	mu       sync.Mutex // guards pos and neg
}

// keptChunk is how many pairs of a kind a worker gathers before adding
// them to the shared lists.
const keptChunk = 4096

// newKeptLists makes the lists of the pairs pass 2 will keep at their
// final size: pass 1 counted them in their bins (TestKeptListsEndFull). At
// 60,000 rows in two overlapping classes they are about sixteen million,
// and lists grown by appending (then joined) held up to three times that
// at once.
func newKeptLists(h *fineHistogram, flags []uint8) *keptLists {
	var np, nn int64
	for i, f := range flags {
		if f&keepPositive != 0 {
			np += h.pos[i]
		}
		if f&keepNegative != 0 {
			nn += h.neg[i]
		}
	}
	return &keptLists{pos: make([]float64, 0, np), neg: make([]float64, 0, nn)}
}

// add appends d to a worker's chunk, moving a full chunk to the shared
// list, and returns the chunk.
func (k *keptLists) add(shared *[]float64, chunk []float64, d float64) []float64 {
	if len(chunk) == cap(chunk) {
		k.flush(shared, chunk)
		chunk = chunk[:0]
	}
	return append(chunk, d)
}

// flush appends a worker's chunk to the shared list: within its capacity,
// as the counts of pass 1 promise.
func (k *keptLists) flush(shared *[]float64, chunk []float64) {
	k.mu.Lock()
	*shared = append(*shared, chunk...)
	k.mu.Unlock()
}

// candidates flags the bins that can hold the best threshold.
func candidates(b *binnedSeparation, flags []uint8) {
	h := b.h
	best := b.q // calling every pair different
	for i := range h.pos {
		if b.posUpTo[i] > 0 {
			best = max(best, b.posUpTo[i]+b.negAbove[i])
		}
	}
	for i, pc := range h.pos {
		if pc > 0 && b.posUpTo[i]+b.negAbove[i]+h.neg[i] >= best {
			flags[i] |= forThreshold
		}
	}
}

// bestThreshold runs the exact method's rule over the candidate bins:
// t = each distinct positive distance there in increasing order, the first
// that gets the most pairs right; t = 0 when none beats calling every pair
// different. pos and neg are sorted and hold every pair of those bins.
func bestThreshold(b *binnedSeparation, flags []uint8, pos, neg []float64) (threshold, accuracy float64) {
	h := b.h
	// Counts of the pairs in bins not kept, below each bin.
	posOut, negOut := make([]int64, len(h.pos)+1), make([]int64, len(h.pos)+1)
	for i := range h.pos {
		posOut[i+1], negOut[i+1] = posOut[i], negOut[i]
		if flags[i]&forThreshold == 0 {
			posOut[i+1] += h.pos[i]
			negOut[i+1] += h.neg[i]
		}
	}
	last := len(h.pos)
	keptNegs := int64(0)
	for i, f := range flags {
		if f&forThreshold != 0 {
			keptNegs += h.neg[i]
		}
	}
	best, bestT := b.q, 0.0
	var keptPos, keptNeg int64 // kept candidate pairs ≤ t
	j := 0
	for i := 0; i < len(pos); i++ {
		bi := h.bin(pos[i])
		if flags[bi]&forThreshold == 0 {
			continue
		}
		keptPos++
		if i+1 < len(pos) && pos[i+1] == pos[i] {
			continue // take ties together
		}
		t := pos[i]
		for j < len(neg) && neg[j] <= t {
			if flags[h.bin(neg[j])]&forThreshold != 0 {
				keptNeg++
			}
			j++
		}
		// Right: positives ≤ t (the bins not kept below t's, the kept ones
		// ≤ t) and negatives > t (the bins not kept above t's, the kept
		// ones > t).
		right := posOut[bi] + keptPos + (negOut[last] - negOut[bi+1]) + (keptNegs - keptNeg)
		if right > best {
			best, bestT = right, t
		}
	}
	return bestT, float64(best) / float64(b.p+b.q)
}
