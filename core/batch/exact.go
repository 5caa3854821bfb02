package batch

import (
	"context"
	"runtime"

	"losslab/core/dist"
	"losslab/internal/floatsort"
)

// The exact method holds every positive pair's distance, sorted, and
// compares each negative pair with them as the anchors' rows stream by:
// exact AUC and threshold in 16 bytes per positive pair.

func computeExact(ctx context.Context, in *input, res *Result) error {
	n := len(in.labels)
	pos, err := positiveDistances(ctx, in)
	if err != nil {
		return err
	}
	hist := newFineHistogram(in.top, fineBins)
	for _, v := range pos {
		hist.pos[hist.bin(v)]++
	}
	c := newComputation(in, n, hist, false)
	c.auc = newExactAUC(pos, hist, in.opts.Margin)
	for _, w := range c.workers {
		w.auc = newWorkerAUC(len(pos))
	}
	err = forRows(ctx, in.pairs, allAnchors(n), in.opts.BlockRows, in.opts.Progress, func(w, slot, a int, row []float64) error {
		return c.anchor(c.workers[w], slot, a, row)
	})
	if err != nil {
		return err
	}
	for _, w := range c.workers {
		w.auc.place(c.auc)
	}
	c.flush()
	c.reduceLosses(res)
	c.auc.reduce(c.workers, &res.Separation)
	res.Separation.Method = MethodExact
	res.Histogram = hist.display(in.opts.Bins)
	return nil
}

// positiveDistances returns every unordered same-class pair's distance,
// sorted, computed class by class (a small part of all pairs) on every core,
// each class's rows against its later rows only.
func positiveDistances(ctx context.Context, in *input) ([]float64, error) {
	members := make([][]int, in.classes)
	for i, c := range in.labels {
		members[c] = append(members[c], i)
	}
	// A task is a band of one class's rows against that class's later rows;
	// its pairs go to their own part of out.
	type band struct {
		class  *dist.Pairs
		rows   []int // the class's rows (indices into members) of the band
		idx    []int // the class's members
		offset int
	}
	var bands []band
	total := 0
	for _, idx := range members {
		k := len(idx)
		if k < 2 {
			continue
		}
		class := in.pairs.Subset(idx)
		local := allAnchors(k)
		for lo := 0; lo < k; lo += tileRows {
			hi := min(lo+tileRows, k)
			bands = append(bands, band{class, local[lo:hi], idx, total})
			for i := lo; i < hi; i++ {
				total += k - 1 - i
			}
		}
	}
	out := make([]float64, total)
	bufs := make([][]float64, runtime.GOMAXPROCS(0))
	err := parallel(ctx, len(bands), func(w, t int) error {
		b := bands[t]
		lo, k := b.rows[0], len(b.idx)
		ld := k - lo
		if cap(bufs[w]) < len(b.rows)*ld {
			bufs[w] = make([]float64, len(b.rows)*ld)
		}
		tile := bufs[w][:len(b.rows)*ld]
		b.class.Tile(b.rows, lo, k, tile, ld)
		at := b.offset
		for r, i := range b.rows {
			later := tile[r*ld+(i-lo)+1 : (r+1)*ld]
			for j, d := range later {
				if err := checkDistance(in.opts.Metric, b.idx[i], b.idx[i+1+j], d); err != nil {
					return err
				}
			}
			at += copy(out[at:], later)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	floatsort.Sort(out, nil) // its scratch is gone before the workers' counts are made
	return out, nil
}

func median(sorted []float64) float64 {
	k := len(sorted)
	if k == 0 {
		return 0
	}
	if k%2 == 1 {
		return sorted[k/2]
	}
	return (sorted[k/2-1] + sorted[k/2]) / 2
}

// exactAUC is the exact method's comparison of negative pairs with the
// sorted positives, shared and read-only while the workers run. A negative
// in a bin without positives is only counted in its bin: its place among
// the positives is the bin's (ix.start), and whether it is closer than
// median + m the bin's too, but for the one bin that holds median + m.
type exactAUC struct {
	pos       []float64 // sorted positive pair distances
	ix        *sortedIndex
	hist      *fineHistogram
	closeAt   float64 // median + m
	closeBin  int     // its bin
	median, m float64
}

func newExactAUC(pos []float64, hist *fineHistogram, margin float64) *exactAUC {
	e := &exactAUC{pos: pos, ix: newSortedIndex(pos, hist), hist: hist, median: median(pos), m: margin}
	e.closeAt = e.median + margin
	e.closeBin = hist.bin(e.closeAt)
	return e
}

// workerAUC is one worker's part of it. When the positives are many (two
// big classes: hundreds of MiB of them), the negatives that must be placed
// among them wait in a buffer and are placed sorted: consecutive lookups
// then touch neighbouring positives, buckets and counts instead of missing
// the caches every time.
type workerAUC struct {
	less, ties, closer int64 // less and ties: of the negatives in bins with positives
	// negBelow[k] counts the negatives in bins with positives that have
	// exactly k positives below them; wrapped holds what a count passed
	// 2³² by (a large batch's rare case).
	negBelow         []uint32
	wrapped          map[int]int64
	pending, scratch []float64
}

// bufferFrom is the number of positives from which negatives are buffered:
// with their index and counts, about 17 bytes each, more than the caches
// hold. (A variable for the tests.)
var bufferFrom = 1 << 20

func newWorkerAUC(positives int) workerAUC {
	w := workerAUC{negBelow: make([]uint32, positives+1)}
	if positives >= bufferFrom {
		// A few negatives per bucket, so that the sorted ones walk the
		// positives with short steps, and at most 2^20 (8 MiB).
		w.pending = make([]float64, 0, min(max(positives/16, 64), 1<<20))
	}
	return w
}

// negative counts a negative pair distance in its bin and, when the bin
// holds positives, places it among them (or buffers it to be placed).
func (w *workerAUC) negative(e *exactAUC, bins *binCounts, dn float64) {
	b := e.ix.bucket(dn) >> e.ix.shift // dn's histogram bin
	bins.neg[b]++
	if b == e.closeBin && dn < e.closeAt {
		w.closer++
	}
	switch {
	case !e.ix.holds(b):
	case w.pending == nil:
		w.placeOne(e, dn)
	default:
		if len(w.pending) == cap(w.pending) {
			w.place(e)
		}
		w.pending = append(w.pending, dn)
	}
}

// place places the buffered negatives, sorted.
func (w *workerAUC) place(e *exactAUC) {
	if len(w.pending) == 0 {
		return
	}
	w.scratch = floatsort.Sort(w.pending, w.scratch)
	for _, dn := range w.pending {
		w.placeOne(e, dn)
	}
	w.pending = w.pending[:0]
}

// placeOne counts the positives below and equal to dn.
func (w *workerAUC) placeOne(e *exactAUC, dn float64) {
	lo, hi := e.ix.bounds(dn) // positives < dn, ≤ dn
	w.less += int64(lo)
	w.ties += int64(hi - lo)
	if w.negBelow[lo]++; w.negBelow[lo] == 0 {
		if w.wrapped == nil {
			w.wrapped = map[int]int64{}
		}
		w.wrapped[lo] += 1 << 32
	}
}

// reduce fills the separation statistics from the workers' counts.
func (e *exactAUC) reduce(workers []*worker, sep *Separation) {
	negBelow := make([]int64, len(e.pos)+1)
	var less, ties, closer int64
	for _, wk := range workers {
		w := &wk.auc
		less, ties, closer = less+w.less, ties+w.ties, closer+w.closer
		for k, v := range w.negBelow {
			negBelow[k] += int64(v)
		}
		for k, v := range w.wrapped {
			negBelow[k] += v
		}
	}
	for b, k := range e.hist.neg {
		if b < e.closeBin {
			closer += k
		}
		if !e.ix.holds(b) { // every positive of a lower bin is below these negatives, none of this bin
			negBelow[e.ix.before(b)] += k
			less += k * int64(e.ix.before(b))
		}
	}
	P, Q := int64(len(e.pos)), int64(0)
	for _, v := range negBelow {
		Q += v
	}
	sep.PositivePairs, sep.NegativePairs, sep.MedianPositive = P, Q, e.median
	sep.AUC = (float64(less) + float64(ties)/2) / (float64(P) * float64(Q))
	sep.NegativesInsideMedianPlusMargin = float64(closer) / float64(Q)
	// Accuracy of "d ≤ t means same" for t below every distance (all
	// different), then for t = each distinct positive distance.
	best, bestT := Q, 0.0
	var negAtOrBelow int64
	for i := 0; i < len(e.pos); i++ {
		negAtOrBelow += negBelow[i]
		if i+1 < len(e.pos) && e.pos[i+1] == e.pos[i] {
			continue // take ties together
		}
		if correct := int64(i+1) + Q - negAtOrBelow; correct > best {
			best, bestT = correct, e.pos[i]
		}
	}
	sep.Threshold = bestT
	sep.Accuracy = float64(best) / float64(P+Q)
}
