// Package batch computes what the batch losses and mining strategies make of
// a labelled set of embeddings, and how far apart the distance distributions
// of same-class and different-class pairs are.
//
// Definitions (the README's "Batch definitions"): pairs are unordered i < j;
// a valid triplet is (a, p, n) with a ≠ p of one class and n of another;
// contrastive is the mean over all pairs of ½[y·d² + (1−y)·[m−d]+²];
// batch-all is the mean of [d(a,p) − d(a,n) + m]+ over valid triplets (and
// over the non-zero ones); batch-hard (Hermans et al. 2017) the mean over
// anchors of [max_p d(a,p) − min_n d(a,n) + m]+, its soft form with
// softplus; semi-hard is TensorFlow Addons' rule: for each ordered positive
// pair the closest negative farther than the positive, else the farthest
// negative, averaged over positive pairs. Hinges and regimes use loss.Tol.
//
// Losses are assembled as pytorch-metric-learning does: a distance builds
// the matrix, a miner (mine.go) picks pairs or triplets, the registered
// loss (core/loss) computes each term, a reducer (reduce.go) makes the
// scalar. Compose does exactly that on a full matrix, for small batches;
// Compute runs a fused kernel (fused.go) that feeds the same term functions
// as each anchor's row of distances streams by, and reports every
// registered loss under its Strategies in Result.ByLoss. The tests check
// the two against each other and against an O(N³) brute force.
//
// Nothing is cubic in N: each anchor's negative distances are sorted once
// and prefix-summed, so a positive costs a binary search; the distance
// matrix is computed in blocks of anchors (gonum Gemm) and never held whole
// for large N. Memory: a 32 MiB block of distance rows, O(N) per worker, and
// 16 bytes per positive pair for the exact AUC and threshold (the sorted
// positive distances and one count each): about 32 MB for N = 20,000 in 200
// classes, but N²/k · 8 bytes for k large classes.
package batch

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
	"losslab/core/loss"
)

// Options configure Compute.
type Options struct {
	Metric dist.Metric
	Margin float64
	// Temperature is τ for the losses that use one; 0 means each one's default.
	Temperature float64
	Bins        int                   // histogram bins for display; 0 means 30
	BlockRows   int                   // anchors per distance block; 0 chooses by size
	Progress    func(done, total int) // called after each block; may be nil
}

// Losses are the batch loss values.
type Losses struct {
	Contrastive     float64 `json:"contrastive"`
	BatchAll        float64 `json:"batch_all"`
	BatchAllNonzero float64 `json:"batch_all_nonzero"`
	FractionActive  float64 `json:"fraction_active"`
	BatchHard       float64 `json:"batch_hard"`
	BatchHardSoft   float64 `json:"batch_hard_soft"`
	SemiHard        float64 `json:"semi_hard"`
}

// Census counts the valid triplets by regime.
type Census struct {
	Easy     int64 `json:"easy"`
	SemiHard int64 `json:"semi_hard"`
	Hard     int64 `json:"hard"`
	Total    int64 `json:"total"`
}

// Separation says how well a distance threshold tells same from different.
type Separation struct {
	// AUC is P(d of a random positive pair < d of a random negative pair),
	// ties counting ½: the ROC AUC of "distance < t means same class".
	AUC float64 `json:"auc"`
	// Threshold is the t that maximises the accuracy of "d ≤ t means same"
	// over all pairs, and Accuracy that accuracy.
	Threshold float64 `json:"threshold"`
	Accuracy  float64 `json:"accuracy"`
	// NegativesInsideMedianPlusMargin is the share of negative pairs closer
	// than the median positive pair distance + m.
	NegativesInsideMedianPlusMargin float64 `json:"negatives_closer_than_median_positive_plus_margin"`
	MedianPositive                  float64 `json:"median_positive"`
	PositivePairs                   int64   `json:"positive_pairs"`
	NegativePairs                   int64   `json:"negative_pairs"`
}

// Histogram holds both distributions on shared bins: bin i is
// [Edges[i], Edges[i+1]), the last bin closed.
type Histogram struct {
	Edges    []float64 `json:"edges"`
	Positive []int64   `json:"positive"`
	Negative []int64   `json:"negative"`
}

// Result is everything Compute finds.
type Result struct {
	N          int        `json:"n"`
	Dim        int        `json:"dim"`
	Classes    int        `json:"classes"`
	Distance   string     `json:"distance"`
	Margin     float64    `json:"margin"`
	Losses     Losses     `json:"losses"`
	Triplets   Census     `json:"triplets"`
	Separation Separation `json:"separation"`
	Histogram  Histogram  `json:"histogram"`
	// ByLoss holds every registered loss under each of its Strategies, in
	// registry order: front ends iterate it instead of naming losses.
	ByLoss []LossValue `json:"by_loss"`
}

// Errors a caller can tell apart.
var (
	ErrTooFewClasses = errors.New("need at least 2 classes")
	ErrSingleton     = errors.New("class has a single sample: no positive pair")
	ErrShape         = errors.New("labels and rows differ in number")
	ErrMargin        = errors.New("margin must be finite and ≥ 0")
)

// SingletonError names the class (by index) that has one sample, and its row.
type SingletonError struct{ Class, Row int }

func (e *SingletonError) Error() string {
	return fmt.Sprintf("class %d (row %d): %v", e.Class, e.Row+1, ErrSingleton)
}
func (e *SingletonError) Unwrap() error { return ErrSingleton }

// Check validates labels (class indices 0..classes−1 for the rows of x).
func Check(n int, labels []int, classes int) error {
	if len(labels) != n {
		return fmt.Errorf("%w: %d rows, %d labels", ErrShape, n, len(labels))
	}
	count := make([]int, classes)
	row := make([]int, classes)
	for i, c := range labels {
		if c < 0 || c >= classes {
			return fmt.Errorf("row %d: label index %d out of range", i+1, c)
		}
		count[c]++
		row[c] = i
	}
	present := 0
	for _, k := range count {
		if k > 0 {
			present++
		}
	}
	if present < 2 {
		return fmt.Errorf("%w (found %d)", ErrTooFewClasses, present)
	}
	for c, k := range count {
		if k == 1 {
			return &SingletonError{Class: c, Row: row[c]}
		}
	}
	return nil
}

// Compute evaluates every batch loss and statistic of the embeddings x
// (rows) with labels (class indices 0..classes−1).
func Compute(x *mat.Dense, labels []int, classes int, opts Options) (*Result, error) {
	if x == nil || x.IsEmpty() {
		return nil, dist.ErrEmpty
	}
	n, d := x.Dims()
	if err := Check(n, labels, classes); err != nil {
		return nil, err
	}
	if !(opts.Margin >= 0) || math.IsInf(opts.Margin, 1) {
		return nil, fmt.Errorf("%w: %v", ErrMargin, opts.Margin)
	}
	if opts.Bins <= 0 {
		opts.Bins = 30
	}
	pairs, err := dist.NewPairs(opts.Metric, x)
	if err != nil {
		return nil, err
	}
	pos, err := positiveDistances(opts.Metric, x, labels, classes)
	if err != nil {
		return nil, err
	}
	hist := newFineHistogram(opts.Metric, x)
	for _, v := range pos {
		hist.pos[hist.bin(v)]++
	}
	pl, err := newPlan(loss.Params{Margin: opts.Margin, Temperature: opts.Temperature})
	if err != nil {
		return nil, err
	}
	c := &computation{n: n, labels: labels, margin: opts.Margin, pos: pos, posIx: newSortedIndex(pos, hist.top), hist: hist,
		negBelow: make([]int64, len(pos)+1), plan: pl, tallies: make([]tally, n*len(pl.slots))}
	c.median = median(pos)
	c.anchors = make([]anchorStats, n)
	if err := c.run(pairs, blockRows(n, opts.BlockRows), opts.Progress); err != nil {
		return nil, err
	}

	res := &Result{N: n, Dim: d, Classes: presentClasses(labels, classes), Distance: opts.Metric.String(), Margin: opts.Margin}
	c.reduce(res)
	res.Histogram = hist.display(opts.Bins)
	return res, nil
}

func presentClasses(labels []int, classes int) int {
	seen := make([]bool, classes)
	k := 0
	for _, c := range labels {
		if !seen[c] {
			seen[c], k = true, k+1
		}
	}
	return k
}

// blockRows picks how many anchors' distance rows to hold at once: about
// 32 MiB of them, the whole matrix when that fits.
func blockRows(n, want int) int {
	if want > 0 {
		return min(want, n)
	}
	return max(1, min(n, (32<<20)/(8*n)))
}

// positiveDistances returns every unordered same-class pair's distance,
// sorted, computed class by class (a small part of all pairs).
func positiveDistances(metric dist.Metric, x *mat.Dense, labels []int, classes int) ([]float64, error) {
	members := make([][]int, classes)
	for i, c := range labels {
		members[c] = append(members[c], i)
	}
	_, d := x.Dims()
	total := 0
	for _, idx := range members {
		total += len(idx) * (len(idx) - 1) / 2
	}
	out := make([]float64, 0, total)
	var buf []float64
	for _, idx := range members {
		k := len(idx)
		if k < 2 {
			continue
		}
		xc := mat.NewDense(k, d, nil)
		for r, i := range idx {
			xc.SetRow(r, x.RawRowView(i))
		}
		p, err := dist.NewPairs(metric, xc)
		if err != nil {
			return nil, err
		}
		rows := blockRows(k, 0)
		for lo := 0; lo < k; lo += rows {
			hi := min(lo+rows, k)
			buf = p.Block(lo, hi, buf)
			for i := lo; i < hi; i++ {
				out = append(out, buf[(i-lo)*k+i+1:(i-lo+1)*k]...)
			}
		}
	}
	slices.Sort(out)
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

// anchorStats is what one anchor contributes; summing these in anchor order
// makes the result independent of scheduling.
type anchorStats struct {
	easy, semi, hard int64
	positives        int64
}

// computation is the shared state of one Compute.
type computation struct {
	n       int
	labels  []int
	margin  float64
	pos     []float64 // sorted positive pair distances
	posIx   *sortedIndex
	median  float64
	hist    *fineHistogram
	anchors []anchorStats

	// Streaming comparison of negative pairs with the sorted positives.
	less, ties, closer int64
	// negBelow[k] counts the negatives with exactly k positives below them;
	// one array shared by the workers (atomic adds), as it is as long as
	// the positives.
	negBelow []int64

	plan    plan
	tallies []tally // anchor a's slots are tallies[a·S : (a+1)·S]
}

// worker holds one goroutine's scratch space and partial sums.
type worker struct {
	ps, ns             []float64
	gs, gprefix, reach []float64 // hingeTerms' sorted keys, prefix sums and reaches
	negHist            []int64
	less, ties, closer int64
	err                error
}

func (c *computation) run(pairs *dist.Pairs, rows int, progress func(int, int)) error {
	workers := runtime.GOMAXPROCS(0)
	ws := make([]*worker, workers)
	for i := range ws {
		ws[i] = &worker{negHist: make([]int64, len(c.hist.neg))}
	}
	var buf []float64
	for lo := 0; lo < c.n; lo += rows {
		hi := min(lo+rows, c.n)
		buf = pairs.Block(lo, hi, buf)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for a := lo + w; a < hi; a += workers {
					c.anchor(ws[w], a, buf[(a-lo)*c.n:(a-lo+1)*c.n])
				}
			}(w)
		}
		wg.Wait()
		if progress != nil {
			progress(hi, c.n)
		}
	}
	for _, w := range ws {
		if w.err != nil {
			return w.err
		}
		c.less += w.less
		c.ties += w.ties
		c.closer += w.closer
		for i, v := range w.negHist {
			c.hist.neg[i] += v
		}
	}
	return nil
}

// anchor computes anchor a's contributions from its row of distances.
func (c *computation) anchor(w *worker, a int, row []float64) {
	m, ya := c.margin, c.labels[a]
	st := &c.anchors[a]
	slots := len(c.plan.slots)
	terms := c.tallies[a*slots : (a+1)*slots]
	w.ps, w.ns = w.ps[:0], w.ns[:0]
	var far int64 // pairs j > a that no pair loss reaches
	for j, dj := range row {
		if j == a {
			continue
		}
		same := c.labels[j] == ya
		if same {
			w.ps = append(w.ps, dj)
		} else {
			w.ns = append(w.ns, dj)
		}
		if j > a {
			if same || dj < c.plan.pairReach {
				c.pairTerms(w, terms, dj, same)
			} else {
				far++
			}
			if !same {
				c.streamNegative(w, dj)
			}
		}
	}
	c.farPairs(terms, far)
	q := len(w.ns)
	maxP := slices.Max(w.ps)
	c.anchorTerms(w, terms, w.ps, w.ns)
	// Negatives beyond maxP + m + Tol are easy for every positive and never
	// active: only the nearer ones need sorting. The far ones matter to the
	// semi-hard rule only through their minimum (the closest negative
	// farther than a positive) and the overall maximum (its fallback).
	cutoff := max(maxP+m+loss.Tol, c.hingeReach(w, maxP)) // near also holds what hingeTerms needs
	near, farMin, farthest := w.ns[:0], math.Inf(1), math.Inf(-1)
	minN := math.Inf(1)
	for _, v := range w.ns { // distances are never NaN: builtin min/max, not math's slower calls
		minN, farthest = min(minN, v), max(farthest, v)
		if v < cutoff {
			near = append(near, v)
		} else {
			farMin = min(farMin, v)
		}
	}
	slices.Sort(near)
	c.hingeTerms(w, terms, w.ps, near, q)
	for _, dp := range w.ps {
		k := sort.SearchFloat64s(near, dp+m-loss.Tol) // negatives not easy
		hard := upperBound(near, dp+loss.Tol)
		easy := int64(q - max(k, hard))
		st.hard += int64(hard)
		st.easy += easy
		st.semi += int64(q) - int64(hard) - easy
		// TF Addons: the closest negative farther than the positive, else the farthest.
		chosen := farMin
		if u := upperBound(near, dp); u < len(near) {
			chosen = near[u]
		}
		if math.IsInf(chosen, 1) {
			chosen = farthest
		}
		c.minedTerms(w, terms, c.plan.semi, dp, chosen)
	}
	st.positives = int64(len(w.ps))
	c.minedTerms(w, terms, c.plan.hard, maxP, minN)
}

// streamNegative compares one negative pair distance with all positives.
func (c *computation) streamNegative(w *worker, dn float64) {
	lo, hi := c.posIx.bounds(dn) // positives < dn, ≤ dn
	w.less += int64(lo)
	w.ties += int64(hi - lo)
	atomic.AddInt64(&c.negBelow[lo], 1)
	if dn < c.median+c.margin {
		w.closer++
	}
	w.negHist[c.hist.bin(dn)]++
}

// upperBound is the number of sorted values ≤ x.
func upperBound(sorted []float64, x float64) int {
	return sort.Search(len(sorted), func(i int) bool { return sorted[i] > x })
}

func (c *computation) reduce(res *Result) {
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

	P, Q := int64(len(c.pos)), int64(0)
	for _, v := range c.negBelow {
		Q += v
	}
	sep := &res.Separation
	sep.PositivePairs, sep.NegativePairs, sep.MedianPositive = P, Q, c.median
	sep.AUC = (float64(c.less) + float64(c.ties)/2) / (float64(P) * float64(Q))
	sep.NegativesInsideMedianPlusMargin = float64(c.closer) / float64(Q)
	// Accuracy of "d ≤ t means same" for t below every distance (all
	// different), then for t = each distinct positive distance.
	best, bestT := Q, 0.0
	var negAtOrBelow int64
	for i := 0; i < len(c.pos); i++ {
		negAtOrBelow += c.negBelow[i]
		if i+1 < len(c.pos) && c.pos[i+1] == c.pos[i] {
			continue // take ties together
		}
		if correct := int64(i+1) + Q - negAtOrBelow; correct > best {
			best, bestT = correct, c.pos[i]
		}
	}
	sep.Threshold = bestT
	sep.Accuracy = float64(best) / float64(P+Q)
}
