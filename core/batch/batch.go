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
// are sorted once (a radix sort), so the census is a linear walk. Distances
// come from core/dist's Gram kernel in tiles (rows.go): when half the matrix
// fits in 32 MiB each tile of the upper half is computed once and serves
// both its rows' anchors and, transposed, its columns'; beyond that each
// worker computes the rows of its own anchors. Both cores work on separate
// anchors and sum into their own counts. Memory: at most those 32 MiB of
// tiles or a few rows per worker, and for the exact AUC and threshold 16
// bytes per positive pair (the sorted positive distances and one count
// each) plus 8 per positive pair and further worker. When that would pass
// the memory budget (Options.MaxMemory, default 1 GiB) the separation
// statistics are binned instead (see binned.go): every loss stays exact, and
// so do the threshold, accuracy, median and share of close negatives; the
// AUC comes with an error bound. Options.SampleAnchors evaluates a seeded
// uniform sample of anchors and gives each statistic a 95% confidence
// interval (sample.go). PlanFor says beforehand which method Compute will
// use and estimates its time and memory; Result.Method says which it used.
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
	Progress    func(done, total int) // called after each block of anchors, one call at a time (from any goroutine); may be nil
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
	// Method is MethodExact or MethodBinned. Binned over every anchor, only
	// the AUC differs from the exact method's, by at most AUCErrorBound.
	// Binned over a sample of anchors, AUC is within AUCErrorBound of the
	// value over the same pairs, MedianPositive within MedianErrorBound, and
	// Threshold is the best of the fine bins' edges; Accuracy and
	// NegativesInsideMedianPlusMargin are exact for the Threshold and
	// MedianPositive shown.
	Method           string  `json:"method"`
	Bins             int     `json:"bins,omitempty"` // fine bins of the binned method
	AUCErrorBound    float64 `json:"auc_error_bound"`
	MedianErrorBound float64 `json:"median_error_bound"`
}

// Methods (JSON values of Result.Method, Separation.Method and Plan.Method).
const (
	MethodExact   = "exact"
	MethodBinned  = "binned"
	MethodSampled = "sampled" // Result.Method and Plan.Method only: a sample is binned
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
	// Method is how the whole report was computed: MethodExact, MethodBinned
	// (every anchor; the AUC within Separation.AUCErrorBound) or
	// MethodSampled (Sample's anchors only).
	Method string `json:"method"`
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
	pl, err := newPlan(loss.Params{Margin: opts.Margin, Temperature: opts.Temperature})
	if err != nil {
		return nil, err
	}
	in := &input{pairs: pairs, labels: labels, classes: classes, top: distanceBound(opts.Metric, x), plan: pl, opts: opts}
	res := &Result{N: n, Dim: d, Classes: presentClasses(labels, classes), Distance: opts.Metric.String(), Margin: opts.Margin}
	cost := PlanFor(n, d, labels, classes, opts)
	switch res.Method = cost.Method; cost.Method {
	case MethodSampled:
		err = computeSampled(ctx, in, cost.Anchors, res)
	case MethodBinned:
		err = computeBinned(ctx, in, res)
	default:
		err = computeExact(ctx, in, res)
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

// input is what every method starts from.
type input struct {
	pairs   *dist.Pairs
	labels  []int
	classes int
	top     float64 // a bound on every distance (distanceBound)
	plan    plan
	opts    Options
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
