package batch

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// fineBins is the resolution at which the exact method counts distances as
// they stream past, and the grid every displayed histogram is drawn on,
// whichever the method: display bins are whole multiples of these, so the
// counts shown are exact for their edges, and the edges are the same for
// the exact and the binned method. The binned method counts on up to
// BinnedBins, a multiple of fineBins, fine enough that its AUC error bound
// is small.
const (
	fineBins   = 1 << 16
	BinnedBins = 1 << 18
)

// fineHistogram counts distances on [0, top] before the largest distance is
// known; top is a bound computed from the data.
type fineHistogram struct {
	top      float64
	perUnit  float64 // bins per unit of distance
	pos, neg []int64
}

func newFineHistogram(top float64, bins int) *fineHistogram {
	return &fineHistogram{top: top, perUnit: float64(bins) / top, pos: make([]int64, bins), neg: make([]int64, bins)}
}

// bin is the index of d's bin; the comparisons before converting keep a
// NaN or huge quotient from becoming an out-of-range index.
func (h *fineHistogram) bin(d float64) int {
	last := len(h.pos) - 1
	f := d * h.perUnit
	switch {
	case !(f > 0):
		return 0
	case f >= float64(last):
		return last
	}
	return int(f)
}

// edge is the lower edge of bin i (the upper edge of bin i−1).
func (h *fineHistogram) edge(i int) float64 {
	return float64(i) * h.top / float64(len(h.pos))
}

// binCounts is one worker's counts on a fine histogram's bins, 4 bytes
// each so that they stay in cache as the distances stream by; the worker
// adds them to the histogram (flush) before any could pass 2³² − 1.
type binCounts struct {
	h        *fineHistogram
	mu       *sync.Mutex // guards h's counts
	pos, neg []uint32
	pending  int64 // counts since the last flush
}

// newBinCounts counts both kinds of pair, or only the negatives.
func newBinCounts(h *fineHistogram, mu *sync.Mutex, positives bool) *binCounts {
	b := &binCounts{h: h, mu: mu, neg: make([]uint32, len(h.neg))}
	if positives {
		b.pos = make([]uint32, len(h.pos))
	}
	return b
}

// addSorted counts the values of one kind, given in increasing order: the
// counts are then visited in order, as the caches like.
func (b *binCounts) addSorted(same bool, sorted []float64) {
	counts := b.neg
	if same {
		counts = b.pos
	}
	// Only values at the ends can be outside (0, last bin): the rest take
	// int(d·perUnit) without bin's tests, the same index.
	lo, hi := 0, len(sorted)
	for ; lo < hi && !(sorted[lo]*b.h.perUnit > 0); lo++ {
		counts[b.h.bin(sorted[lo])]++
	}
	for ; hi > lo && !(sorted[hi-1]*b.h.perUnit < float64(len(counts)-1)); hi-- {
		counts[b.h.bin(sorted[hi-1])]++
	}
	for _, d := range sorted[lo:hi] {
		counts[int(d*b.h.perUnit)]++
	}
}

// room flushes when k more counts could make one pass 2³² − 1.
func (b *binCounts) room(k int) {
	if b.pending += int64(k); b.pending > math.MaxUint32-int64(k) {
		b.flush()
		b.pending = int64(k)
	}
}

// flush adds the counts to the histogram and zeroes them.
func (b *binCounts) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, v := range b.pos {
		b.h.pos[i] += int64(v)
	}
	for i, v := range b.neg {
		b.h.neg[i] += int64(v)
	}
	clear(b.pos)
	clear(b.neg)
	b.pending = 0
}

// distanceBound is an upper bound on every pairwise distance: by the
// triangle inequality no two rows are farther apart than twice the largest
// distance from the mean row. It is computed on rows scaled by a power of
// two (exact) so that squares cannot overflow. A bound beyond float64 is
// capped there: the distances themselves are checked as they are computed.
func distanceBound(metric dist.Metric, x *mat.Dense) float64 {
	if metric == dist.Cosine {
		return 2
	}
	n, d := x.Dims()
	maxAbs := 0.0
	for i := range n {
		for _, v := range x.RawRowView(i) {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	shift := 0
	if maxAbs > 0 {
		_, shift = math.Frexp(maxAbs)
	}
	mean := make([]float64, d)
	for i := range n {
		for j, v := range x.RawRowView(i) {
			mean[j] += math.Ldexp(v, -shift) / float64(n)
		}
	}
	far := 0.0
	for i := range n {
		var s float64
		for j, v := range x.RawRowView(i) {
			t := math.Ldexp(v, -shift) - mean[j]
			if metric == dist.Manhattan {
				s += math.Abs(t)
			} else {
				s += t * t
			}
		}
		if metric != dist.Manhattan {
			s = math.Sqrt(s)
		}
		far = math.Max(far, s)
	}
	bound := math.Ldexp(2*far*(1+1e-9), shift)
	if metric == dist.SqEuclidean {
		bound *= bound
	}
	return min(max(bound, 1e-300), math.MaxFloat64)
}

// display merges the fine bins into exactly bins equal bins from 0: each a
// whole number of fineBins-grid cells, as few as cover the largest distance
// seen, so the last bins may lie beyond it and be empty (by fewer than bins
// grid cells: under 3% of the range for 1000 bins when the distances span
// half the bound or more, as Euclidean and Manhattan ones always do).
func (h *fineHistogram) display(bins int) Histogram {
	size := len(h.pos)
	last := 0
	for i := range size {
		if h.pos[i] > 0 || h.neg[i] > 0 {
			last = i
		}
	}
	cell := max(size/fineBins, 1)             // fine bins per grid cell
	per := cell * ((last/cell + bins) / bins) // fine bins per display bin: ⌈cells used / bins⌉ cells
	out := Histogram{Edges: make([]float64, bins+1), Positive: make([]int64, bins), Negative: make([]int64, bins)}
	for i := range bins + 1 {
		out.Edges[i] = h.edge(i * per)
	}
	for i := 0; i <= last; i++ {
		out.Positive[i/per] += h.pos[i]
		out.Negative[i/per] += h.neg[i]
	}
	return out
}
