// Package batch computes what the batch losses and mining strategies make of
// a labelled set of embeddings, and how far apart the distance distributions
// of same-class and different-class pairs are.
//
// Definitions (docs/conventions.md, "Batch definitions"): pairs are unordered i < j;
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
// Nothing is cubic in N: each anchor's positive and near negative distances
// are sorted once (a radix sort), so the census is a linear walk; the
// distance matrix is computed in blocks of anchors (gonum Gemm) and never
// held whole for large N. Memory: a 32 MiB block of distance rows, O(N) per
// worker, and for the exact AUC and threshold 16 bytes per positive pair
// (the sorted positive distances and one count each). When that would pass
// the memory budget (Options.MaxMemory, default 1 GiB) the separation
// statistics are binned instead (see binned.go): every loss stays exact, the
// AUC comes with an error bound. Options.SampleAnchors evaluates a seeded
// uniform sample of anchors and gives each statistic a 95% confidence
// interval (sample.go). PlanFor says beforehand which method Compute will
// use and estimates its time and memory.
//
// Compute checks its context between blocks of anchors and inside workers;
// a distance or loss beyond float64 is an error naming the row, never a
// silently wrong figure.
package batch

import (
	"context"
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
	"losslab/internal/floatsort"
	"losslab/internal/gopanic"
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
	// MaxMemory is the budget in bytes for Compute's working memory (the
	// embeddings themselves not counted); 0 means DefaultMaxMemory. Above it
	// the separation statistics are binned rather than exact.
	MaxMemory int64
	// SampleAnchors, when in 1..N−1, evaluates that many anchors (at least
	// MinSampleAnchors, and all N when that is not fewer) drawn uniformly
	// without replacement, seeded by Seed, instead of all N.
	SampleAnchors int
	Seed          uint64
}

// DefaultMaxMemory is Compute's memory budget when Options.MaxMemory is 0.
const DefaultMaxMemory = 1 << 30

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
	// Method is MethodExact or MethodBinned. Binned, AUC is within
	// AUCErrorBound of the value over the same pairs, MedianPositive within
	// MedianErrorBound, and Threshold is the best of the fine bins' edges;
	// Accuracy and NegativesInsideMedianPlusMargin are exact for the
	// Threshold and MedianPositive shown.
	Method           string  `json:"method"`
	Bins             int     `json:"bins,omitempty"` // fine bins of the binned method
	AUCErrorBound    float64 `json:"auc_error_bound"`
	MedianErrorBound float64 `json:"median_error_bound"`
}

// Separation methods (JSON values).
const (
	MethodExact  = "exact"
	MethodBinned = "binned"
)

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
	// Sample is set when only a sample of anchors was evaluated; then pair
	// counts and the histogram are those of the sampled anchors' ordered
	// pairs and Intervals holds a 95% confidence interval for every
	// statistic, keyed by its JSON path ("losses.contrastive", ...; the
	// registry's values as "by_loss/LOSS/MINER/REDUCER"), except those
	// listed in NoInterval: statistics that do not vary across the sampled
	// anchors (or have terms at one anchor or none), whose spread the
	// sample cannot estimate, so that no interval pretends to be a point.
	Sample     *Sample             `json:"sample,omitempty"`
	Intervals  map[string]Interval `json:"confidence_95,omitempty"`
	NoInterval []string            `json:"no_confidence_95,omitempty"`
}

// Sample describes a sample of anchors.
type Sample struct {
	Anchors int    `json:"anchors"`
	Of      int    `json:"of"`
	Seed    uint64 `json:"seed"`
}

// Interval is a confidence interval.
type Interval struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
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
// (rows) with labels (class indices 0..classes−1). It returns ctx.Err() when
// ctx is cancelled, and a *dist.RowError when a distance or a loss term is
// beyond float64.
func Compute(ctx context.Context, x *mat.Dense, labels []int, classes int, opts Options) (*Result, error) {
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
	top := distanceBound(opts.Metric, x)
	pl, err := newPlan(loss.Params{Margin: opts.Margin, Temperature: opts.Temperature})
	if err != nil {
		return nil, err
	}
	res := &Result{N: n, Dim: d, Classes: presentClasses(labels, classes), Distance: opts.Metric.String(), Margin: opts.Margin}
	cost := PlanFor(n, d, labels, classes, opts)
	if cost.Method == MethodBinned {
		err = computeBinned(ctx, pairs, labels, top, pl, cost, opts, res)
	} else {
		err = computeExact(ctx, pairs, x, labels, classes, top, pl, opts, res)
	}
	if err != nil {
		return nil, err
	}
	if err := res.checkFinite(); err != nil {
		return nil, err
	}
	return res, nil
}

// checkFinite is the last guard against printing a wrong figure: per-anchor
// sums are checked as they are made, but their total can still overflow.
func (r *Result) checkFinite() error {
	l, s := r.Losses, r.Separation
	for _, v := range [...]struct {
		name string
		x    float64
	}{{"contrastive loss", l.Contrastive}, {"batch-all triplet loss", l.BatchAll}, {"batch-all non-zero mean", l.BatchAllNonzero},
		{"batch-hard loss", l.BatchHard}, {"soft-margin batch-hard loss", l.BatchHardSoft}, {"semi-hard loss", l.SemiHard},
		{"AUC", s.AUC}, {"threshold", s.Threshold}, {"median positive distance", s.MedianPositive}} {
		if !(math.Abs(v.x) <= math.MaxFloat64) {
			return fmt.Errorf("%w: the %s over all anchors overflows float64 (the distances are too large)", ErrNotFinite, v.name)
		}
	}
	for _, v := range r.ByLoss {
		if !(math.Abs(v.Value.Value) <= math.MaxFloat64) {
			return fmt.Errorf("%w: the %s loss (%s, %s) over all anchors overflows float64", ErrNotFinite, v.Loss, v.Miner, v.Reducer)
		}
	}
	for key, iv := range r.Intervals {
		if !(math.Abs(iv.Low) <= math.MaxFloat64 && math.Abs(iv.High) <= math.MaxFloat64) {
			return fmt.Errorf("%w: the confidence interval of %s overflows float64 (the distances are too large)", ErrNotFinite, key)
		}
	}
	return nil
}

// computeExact holds every positive pair distance sorted: exact AUC and
// threshold in 16 bytes per positive pair.
func computeExact(ctx context.Context, pairs *dist.Pairs, x *mat.Dense, labels []int, classes int, top float64, pl plan, opts Options, res *Result) error {
	n := len(labels)
	pos, err := positiveDistances(ctx, opts.Metric, x, labels, classes)
	if err != nil {
		return err
	}
	hist := newFineHistogram(top, fineBins)
	for _, v := range pos {
		hist.pos[hist.bin(v)]++
	}
	c := &computation{n: n, labels: labels, margin: opts.Margin, metric: opts.Metric, pos: pos, posIx: newSortedIndex(pos, hist.top), hist: hist,
		negBelow: make([]int64, len(pos)+1), plan: pl, tallies: make([]tally, n*len(pl.slots))}
	c.median = median(pos)
	c.anchors = make([]anchorStats, n)
	if err := c.run(ctx, pairs, blockRows(n, opts.BlockRows), opts.Progress); err != nil {
		return err
	}
	c.reduce(res)
	res.Separation.Method = MethodExact
	res.Histogram = hist.display(opts.Bins)
	return nil
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
func positiveDistances(ctx context.Context, metric dist.Metric, x *mat.Dense, labels []int, classes int) ([]float64, error) {
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
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			hi := min(lo+rows, k)
			buf = p.Block(lo, hi, buf)
			for i := lo; i < hi; i++ {
				row := buf[(i-lo)*k : (i-lo+1)*k]
				for j := i + 1; j < k; j++ {
					if err := checkDistance(metric, idx[i], idx[j], row[j]); err != nil {
						return nil, err
					}
				}
				out = append(out, row[i+1:]...)
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
	metric  dist.Metric
	pos     []float64 // sorted positive pair distances (exact method)
	posIx   *sortedIndex
	median  float64
	hist    *fineHistogram
	anchors []anchorStats // by slot: anchor index, or position in the sample

	// ordered: every pair (a, j), j ≠ a, of the evaluated anchors counts
	// (a sample: the anchor is the unit of sampling); otherwise each pair
	// counts once, j > a. The binned method adds the pairs to the worker's
	// histogram, the exact one streams negatives against the positives.
	ordered bool

	// Streaming comparison of negative pairs with the sorted positives.
	less, ties, closer int64
	// negBelow[k] counts the negatives with exactly k positives below them;
	// one array shared by the workers (atomic adds), as it is as long as
	// the positives.
	negBelow []int64

	plan    plan
	tallies []tally // slot s's tallies are tallies[s·S : (s+1)·S]
}

// worker holds one goroutine's scratch space and partial sums.
type worker struct {
	ps, ns             []float64
	scratch            []float64 // for floatsort.Sort
	gs, gprefix, reach []float64 // hingeTerms' sorted keys, prefix sums and reaches
	negHist            []int64
	hist               *fineHistogram // ordered pairs: this worker's counts
	less, ties, closer int64
	err                error
}

// checkEvery is how many anchors a worker handles between context checks.
const checkEvery = 64

// forBlocks computes the distance rows of the anchors in blocks of rows and
// hands each anchor (slot, row index, distances) to visit on every worker.
// It stops at the first error or when ctx is cancelled.
func forBlocks(ctx context.Context, pairs *dist.Pairs, anchors []int, rows int, progress func(int, int), visit func(w, slot, a int, row []float64) error) error {
	n, workers := pairs.Len(), runtime.GOMAXPROCS(0)
	var buf []float64
	for lo := 0; lo < len(anchors); lo += rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		hi := min(lo+rows, len(anchors))
		buf = pairs.Rows(anchors[lo:hi], buf)
		errs := make([]error, workers)
		panics := make([]*gopanic.Value, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				defer gopanic.Capture(&panics[w])
				for s := lo + w; s < hi; s += workers {
					if (s-lo)%checkEvery == w%checkEvery {
						if errs[w] = ctx.Err(); errs[w] != nil {
							return
						}
					}
					if errs[w] = visit(w, s, anchors[s], buf[(s-lo)*n:(s-lo+1)*n]); errs[w] != nil {
						return
					}
				}
			}(w)
		}
		wg.Wait()
		gopanic.Repanic(panics) // a worker's panic is the caller's, where it can be recovered
		if err := firstError(errs); err != nil {
			return err
		}
		if progress != nil {
			progress(hi, len(anchors))
		}
	}
	return nil
}

// firstError prefers a data error over a cancellation, then the lowest worker.
func firstError(errs []error) error {
	var first error
	for _, err := range errs {
		switch {
		case err == nil:
		case !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded):
			return err
		case first == nil:
			first = err
		}
	}
	return first
}

func allAnchors(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func (c *computation) run(ctx context.Context, pairs *dist.Pairs, rows int, progress func(int, int)) error {
	ws := make([]*worker, runtime.GOMAXPROCS(0))
	for i := range ws {
		ws[i] = &worker{negHist: make([]int64, len(c.hist.neg))}
	}
	err := forBlocks(ctx, pairs, allAnchors(c.n), rows, progress, func(w, slot, a int, row []float64) error {
		return c.anchor(ws[w], slot, a, row)
	})
	if err != nil {
		return err
	}
	for _, w := range ws {
		c.less += w.less
		c.ties += w.ties
		c.closer += w.closer
		for i, v := range w.negHist {
			c.hist.neg[i] += v
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

// anchor computes anchor a's contributions (into slot) from its row of
// distances.
func (c *computation) anchor(w *worker, slot, a int, row []float64) error {
	m, ya := c.margin, c.labels[a]
	st := &c.anchors[slot]
	slots := len(c.plan.slots)
	terms := c.tallies[slot*slots : (slot+1)*slots]
	w.ps, w.ns = w.ps[:0], w.ns[:0]
	var far int64 // pairs that no pair loss reaches
	for j, dj := range row {
		if j == a {
			continue
		}
		if !(dj <= math.MaxFloat64) {
			return checkDistance(c.metric, a, j, dj)
		}
		same := c.labels[j] == ya
		if same {
			w.ps = append(w.ps, dj)
		} else {
			w.ns = append(w.ns, dj)
		}
		if c.ordered || j > a {
			if same || dj < c.plan.pairReach {
				c.pairTerms(w, terms, dj, same)
			} else {
				far++
			}
			switch {
			case w.hist != nil:
				w.hist.add(same, dj)
			case !same:
				c.streamNegative(w, dj)
			}
		}
	}
	c.farPairs(terms, far)
	q := len(w.ns)
	// Positives in increasing order make every census count below a pointer
	// that only moves forward: linear walks instead of a binary search each.
	w.scratch = floatsort.Sort(w.ps, w.scratch)
	maxP := w.ps[len(w.ps)-1]
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
	w.scratch = floatsort.Sort(near, w.scratch)
	c.hingeTerms(w, terms, w.ps, near, q)
	var k, hard, u int // negatives < dp+m−Tol (not easy), ≤ dp+Tol (hard), ≤ dp
	for _, dp := range w.ps {
		for k < len(near) && near[k] < dp+m-loss.Tol {
			k++
		}
		for hard < len(near) && near[hard] <= dp+loss.Tol {
			hard++
		}
		for u < len(near) && near[u] <= dp {
			u++
		}
		easy := int64(q - max(k, hard))
		st.hard += int64(hard)
		st.easy += easy
		st.semi += int64(q) - int64(hard) - easy
		// TF Addons: the closest negative farther than the positive, else the farthest.
		chosen := farMin
		if u < len(near) {
			chosen = near[u]
		}
		if math.IsInf(chosen, 1) {
			chosen = farthest
		}
		c.minedTerms(w, terms, c.plan.semi, dp, chosen)
	}
	st.positives = int64(len(w.ps))
	c.minedTerms(w, terms, c.plan.hard, maxP, minN)
	if w.err != nil {
		return w.err
	}
	return c.checkTallies(a, terms)
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

func (c *computation) reduce(res *Result) {
	c.reduceLosses(res)

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
