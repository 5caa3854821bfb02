package batch

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"

	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/internal/floatsort"
)

// anchorStats is what one anchor contributes; summing these in anchor order
// makes the result independent of scheduling.
type anchorStats struct {
	easy, semi, hard int64
	positives        int64
}

// computation is the shared state of one Compute's pass over the anchors.
// Workers write only their own worker and their own anchors' slots.
type computation struct {
	n       int
	labels  []int
	margin  float64
	metric  dist.Metric
	hist    *fineHistogram
	histMu  sync.Mutex    // guards hist's counts
	anchors []anchorStats // by slot: anchor index, or position in the sample
	plan    plan
	tallies []tally // slot s's tallies are tallies[s·S : (s+1)·S]

	// ordered: every pair (a, j), j ≠ a, of the evaluated anchors counts
	// (a sample: the anchor is the unit of sampling); otherwise each pair
	// counts once, j > a. The exact method places the negatives among the
	// positives (auc); the binned one counts the anchor's pairs on the bins.
	ordered bool
	auc     *exactAUC // nil when binned
	workers []*worker
}

// newComputation prepares a pass over slots anchors whose pairs are counted
// on hist's bins: both kinds (positives), or the negatives only.
func newComputation(in *input, slots int, hist *fineHistogram, positives bool) *computation {
	c := &computation{n: len(in.labels), labels: in.labels, margin: in.opts.Margin, metric: in.opts.Metric, hist: hist,
		anchors: make([]anchorStats, slots), plan: in.plan, tallies: make([]tally, slots*len(in.plan.slots))}
	c.workers = make([]*worker, runtime.GOMAXPROCS(0))
	for i := range c.workers {
		c.workers[i] = &worker{terms: make([]tally, len(in.plan.slots)), bins: newBinCounts(hist, &c.histMu, positives)}
	}
	return c
}

// flush adds every worker's counts to the histogram.
func (c *computation) flush() {
	for _, w := range c.workers {
		w.bins.flush()
	}
}

// worker holds one goroutine's scratch space and partial sums.
type worker struct {
	ps, ns    []float64
	before    [2]int     // the positives and negatives of rows before the anchor's
	scratch   []float64  // for floatsort.Sort, then the positives' keys for countBelow
	gn, reach []float64  // the far negatives, then hingeTerms' g(d(a,n)); each closed-form loss's reach
	notEasy   []int32    // by positive: the negatives not easy for it
	atMost    []int32    // by positive: the negatives at most as far as it (then hingeTerms' counts)
	chosen    []float64  // the semi-hard negative of each sorted positive
	terms     []tally    // the current anchor's, copied to its slot at the end
	bins      *binCounts // this worker's counts on hist's bins
	auc       workerAUC  // the exact method's comparisons of negatives with positives
	err       error
	_         [64]byte // no cache line shared with another worker's
}

// anchor computes anchor a's contributions (into slot) from its row of
// distances.
func (c *computation) anchor(w *worker, slot, a int, row []float64) error {
	m := c.margin
	terms := w.terms
	clear(terms)
	w.bins.room(len(row))
	if err := w.split(c, a, row); err != nil {
		return err
	}
	// The pairs: (a, j) for j > a, each unordered pair once (the ends of
	// w.ps and w.ns, in row order before sorting); every j ≠ a for a
	// sampled anchor.
	ps, ns := w.ps[w.before[0]:], w.ns[w.before[1]:]
	if c.ordered {
		ps, ns = w.ps, w.ns
	}
	c.pairTerms(w, terms, ps, ns)
	if c.auc != nil {
		for _, d := range ns {
			w.auc.negative(c.auc, w.bins, d)
		}
	}
	q := len(w.ns)
	// Positives in increasing order make every census count below a pointer
	// that only moves forward: linear walks instead of a binary search each.
	w.scratch = floatsort.Sort(w.ps, w.scratch)
	// Binned, every pair of the anchor is counted, in increasing order so
	// that the counts are visited in order: over all anchors each unordered
	// pair counts twice (d(a, j) and d(j, a) have the same bits), and pass 1
	// halves the counts.
	binned := c.auc == nil
	if binned {
		w.bins.addSorted(true, w.ps)
	}
	maxP := w.ps[len(w.ps)-1]
	// Negatives beyond maxP + m + Tol are easy for every positive and never
	// active: only the nearer ones need sorting. The far ones matter to the
	// semi-hard rule only through their minimum (the closest negative
	// farther than a positive) and the overall maximum (its fallback).
	cutoff := max(maxP+m+loss.Tol, c.hingeReach(w, maxP)) // near also holds what hingeTerms needs
	near, far := splitNear(w.ns, grow(w.gn, len(w.ns)), cutoff)
	w.scratch = floatsort.Sort(near, w.scratch)
	// The anchor-wide losses see every negative in increasing order (the
	// far ones, few, sorted too): their sums stop at the first too far to
	// count.
	w.scratch = floatsort.Sort(far, w.scratch)
	if binned {
		w.bins.addSorted(false, near)
		w.bins.addSorted(false, far)
	}
	w.ns = append(near, far...) // every negative, in increasing order
	w.gn = far
	farMin, minN, farthest := math.Inf(1), math.Inf(1), math.Inf(-1) // the closest far one, the closest, the farthest
	if len(far) > 0 {
		farMin = far[0]
	}
	if q > 0 {
		minN, farthest = w.ns[0], w.ns[q-1]
	}
	c.anchorTerms(w, terms, w.ps, w.ns)
	near = append(near, math.Inf(1)) // countBelow's end; near's values are finite
	// The census: for each positive, the negatives < dp+m−Tol (not easy),
	// ≤ dp and ≤ dp+Tol (hard), counted by merging the sorted lists. The
	// sorts are done: their scratch holds the positives' keys.
	w.scratch = grow(w.scratch, len(w.ps))
	keys := w.scratch
	for i, dp := range w.ps {
		keys[i] = dp + m - loss.Tol
	}
	w.notEasy = grow(w.notEasy, len(w.ps))
	countBelow(keys, near, w.notEasy)
	for i, dp := range w.ps {
		keys[i] = nextUp(dp) // below it: at most dp
	}
	w.atMost = grow(w.atMost, len(w.ps))
	countBelow(keys, near, w.atMost)
	w.chosen = grow(w.chosen, len(w.ps))
	st := census(w.ps, near, w.notEasy, w.atMost, q, farMin, farthest, w.chosen)
	c.hingeTerms(w, terms, w.ps, near, q) // last to read near: it may overwrite it
	for _, k := range c.plan.semi {
		c.minedTerms(w, &terms[k], &c.plan.slots[k], w.ps, w.chosen)
	}
	st.positives = int64(len(w.ps))
	for _, k := range c.plan.hard {
		c.minedTerms(w, &terms[k], &c.plan.slots[k], []float64{maxP}, []float64{minN})
	}
	if w.err != nil {
		return w.err
	}
	if err := c.checkTallies(a, terms); err != nil {
		return err
	}
	c.anchors[slot] = st
	copy(c.tallies[slot*len(terms):], terms)
	return nil
}

// splitNear moves the negatives ns below cutoff to its front, in order,
// and the others into far (as long as ns), and returns both. A function of
// its own, without a call, so that its loop keeps everything in registers.
func splitNear(ns, far []float64, cutoff float64) (near, farOnes []float64) {
	nn, nf := 0, 0
	for _, v := range ns {
		if v < cutoff {
			ns[nn] = v // nn ≤ the index read: nothing unread is overwritten
			nn++
		} else {
			far[nf] = v
			nf++
		}
	}
	return ns[:nn], far[:nf]
}

// census counts an anchor's triplets by kind from each positive's counts
// of negatives not easy (notEasy) and at most as far (atMost) among near
// (sorted, ended by +Inf) of q in all, and sets chosen[i] to the semi-hard
// rule's negative for positive i: TF Addons' closest negative farther than
// it, else the farthest. farMin is the closest negative beyond near.
func census(ps, near []float64, notEasy, atMost []int32, q int, farMin, farthest float64, chosen []float64) anchorStats {
	var st anchorStats
	for i, dp := range ps {
		k, u := int(notEasy[i]), int(atMost[i])
		// The hard ones are the u ≤ dp and the rare ones within Tol beyond
		// it (near's +Inf ends the walk).
		hard := u
		for near[hard] <= dp+loss.Tol {
			hard++
		}
		easy := int64(q - max(k, hard))
		st.hard += int64(hard)
		st.easy += easy
		st.semi += int64(q) - int64(hard) - easy
		// near[u] is +Inf when no near one is farther.
		c := near[u]
		if math.IsInf(c, 1) {
			c = farMin
		}
		if math.IsInf(c, 1) {
			c = farthest
		}
		chosen[i] = c
	}
	return st
}

// split puts the distances from anchor a to its positives into w.ps and to
// its negatives into w.ns, each in row order, without a branch on the
// label (both get the distance, only one keeps it), counts those of rows
// before a into w.before, and rejects a distance beyond float64, naming the
// first.
func (w *worker) split(c *computation, a int, row []float64) error {
	n := len(row)
	if cap(w.ps) < n {
		w.ps, w.ns = make([]float64, n), make([]float64, n)
	}
	ps, ns := w.ps[:n], w.ns[:n]
	ya := c.labels[a]
	np, nn, finite := 0, 0, true
	for i, part := range [2][2]int{{0, a}, {a + 1, n}} {
		if i == 1 {
			w.before = [2]int{np, nn}
		}
		labels := c.labels[part[0]:part[1]]
		for j, dj := range row[part[0]:part[1]] {
			if !(dj <= math.MaxFloat64) {
				finite = false
			}
			same := 0
			if labels[j] == ya {
				same = 1
			}
			ps[np], ns[nn] = dj, dj
			np, nn = np+same, nn+1-same
		}
	}
	w.ps, w.ns = ps[:np], ns[:nn]
	if !finite {
		for j, dj := range row {
			if j != a && !(dj <= math.MaxFloat64) {
				return checkDistance(c.metric, a, j, dj)
			}
		}
	}
	return nil
}

// checkTallies rejects an anchor whose sums overflowed: squared distances
// beyond float64 make the contrastive loss infinite although no distance is.
func (c *computation) checkTallies(a int, terms []tally) error {
	for k, t := range terms {
		if !(math.Abs(t.sum) <= math.MaxFloat64) {
			s := c.plan.slots[k]
			return &dist.RowError{Row: a, Index: -1, Err: fmt.Errorf("%w: the %s loss terms (%s, %s) of this anchor overflow float64 (the distances are too large to square or sum)",
				ErrNotFinite, s.loss.ID, s.strategy.Miner, s.strategy.Reducer)}
		}
	}
	return nil
}

// checkDistance rejects a distance beyond float64 (or NaN), naming the rows.
func checkDistance(metric dist.Metric, a, j int, d float64) error {
	if d <= math.MaxFloat64 {
		return nil
	}
	return &dist.RowError{Row: a, Index: -1, Err: fmt.Errorf("%w: the %s distance to row %d is beyond float64", ErrNotFinite, metric, j+1)}
}

// ErrNotFinite marks a distance or loss that float64 cannot hold.
var ErrNotFinite = errors.New("result is not finite")

// reduceLosses fills the losses and the census from the anchors' tallies.
func (c *computation) reduceLosses(res *Result) {
	var s anchorStats
	for _, a := range c.anchors {
		s.easy += a.easy
		s.semi += a.semi
		s.hard += a.hard
		s.positives += a.positives
	}
	total := s.easy + s.semi + s.hard
	res.ByLoss = c.reduceSlots()
	res.Losses = classicLosses(res.ByLoss)
	res.Triplets = Census{Easy: s.easy, SemiHard: s.semi, Hard: s.hard, Total: total}
}

// nextUp is the least float64 above d, for d ≥ 0 (−0 too: adding 0 makes it
// +0) and finite, as distances are: math.Nextafter's cases cost more than
// the census they serve.
func nextUp(d float64) float64 {
	return math.Float64frombits(math.Float64bits(d+0) + 1)
}
