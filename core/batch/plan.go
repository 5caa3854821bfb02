package batch

import (
	"math"
	"runtime"
	"unsafe"
)

// Plan is what Compute will do for a batch and what it is expected to cost.
type Plan struct {
	Method  string  // MethodExact or MethodBinned
	Anchors int     // anchors evaluated: N, or the sample's size
	Bytes   int64   // estimated peak working memory, the embeddings not counted
	Seconds float64 // estimated time on a 2-core machine like the CI's
}

// Cost model in CPU nanoseconds, fitted to `losslab batch` on the 2-core CI
// machine (20,000 × 16 in 2 classes, every registered loss: 74 s of CPU).
// Per anchor: its distance row (gemmNs per distance and dimension, passNs
// per distance and pass, the pair losses' terms included), and sorting and
// mining its positives and negatives (sortNs per element and doubling).
// The negatives beyond the margin are not sorted, so many classes make this
// an overestimate (about 2× at 4096 × 128 in 64 classes).
const (
	gemmNs = 0.08
	passNs = 10.0
	sortNs = 12.0
	// streamNs is per negative pair in the exact method (a lookup among the
	// sorted positives), which also sorts those once.
	streamNs = 30.0
	// cores is what the estimate assumes when it turns CPU time into wall
	// time: the CI machine's count, at most GOMAXPROCS.
	cores = 2
)

// AutoSampleSeconds is the estimated time above which the command line
// samples anchors unless told otherwise (see losslab batch --sample-anchors);
// AutoSampleTarget is the estimated time of the sample it then draws.
const (
	AutoSampleSeconds = 120
	AutoSampleTarget  = 30
)

// PlanFor says how Compute will evaluate an N×dim batch with these labels
// and options: the exact separation statistics when their 16 bytes per
// positive pair fit the memory budget (and every anchor is evaluated),
// otherwise binned ones.
func PlanFor(n, dim int, labels []int, classes int, opts Options) Plan {
	budget := opts.MaxMemory
	if budget <= 0 {
		budget = DefaultMaxMemory
	}
	anchors := n
	if opts.SampleAnchors > 0 && max(opts.SampleAnchors, MinSampleAnchors) < n {
		anchors = max(opts.SampleAnchors, MinSampleAnchors)
	}
	workers := int64(runtime.GOMAXPROCS(0))
	rows := int64(blockRows(n, opts.BlockRows))
	common := rows*int64(n)*8*2 + // a block of distance rows and its gathered inputs
		workers*int64(n)*8*3 + // each worker's positives, negatives and prefix sums
		int64(anchors)*int64(unsafe.Sizeof(anchorStats{})+unsafe.Sizeof(secondPass{}))
	p := positivePairs(labels, classes)
	exact := common + 16*p + workers*fineBins*16 + (indexBuckets+1)*8 + largestClassBlock(labels, classes)
	ns := float64(anchors) / float64(n) * anchorNs(n, dim, labels, classes)
	plan := Plan{Method: MethodExact, Anchors: anchors, Bytes: exact}
	if anchors < n || exact > budget {
		plan.Method = MethodBinned
		plan.Bytes = common + (3+2*workers)*BinnedBins*8 // shared counts and sums, and each worker's counts
		ns += float64(anchors) * float64(n) * (gemmNs*float64(dim) + passNs)
	} else {
		q := float64(n)*float64(n-1)/2 - float64(p)
		ns += q * streamNs
		if p > 1 {
			ns += float64(p) * math.Log2(float64(p)) * sortNs
		}
	}
	plan.Seconds = ns * 1e-9 / float64(min(workers, cores))
	return plan
}

// anchorNs is the CPU time of the first pass over all n anchors.
func anchorNs(n, dim int, labels []int, classes int) float64 {
	count := make([]float64, classes)
	for _, c := range labels {
		if c >= 0 && c < classes {
			count[c]++
		}
	}
	sorted := func(k float64) float64 { return k * math.Log2(k+1) }
	var ns float64
	for _, k := range count {
		ns += k * (float64(n)*(gemmNs*float64(dim)+passNs) + sortNs*(sorted(k-1)+sorted(float64(n)-k)))
	}
	return ns
}

// AnchorsWithin is the number of anchors that the plan's method evaluates in
// about seconds (at least MinSampleAnchors and at most all).
func (p Plan) AnchorsWithin(seconds float64, n int) int {
	if p.Seconds <= 0 {
		return n
	}
	k := int(float64(p.Anchors) * seconds / p.Seconds)
	return min(max(k, MinSampleAnchors), n)
}

// positivePairs counts the unordered same-class pairs.
func positivePairs(labels []int, classes int) int64 {
	count := make([]int64, classes)
	for _, c := range labels {
		if c >= 0 && c < classes {
			count[c]++
		}
	}
	var p int64
	for _, k := range count {
		p += k * (k - 1) / 2
	}
	return p
}

// largestClassBlock is the distance block positiveDistances holds for the
// largest class.
func largestClassBlock(labels []int, classes int) int64 {
	count := make([]int, classes)
	big := 0
	for _, c := range labels {
		if c >= 0 && c < classes {
			count[c]++
			big = max(big, count[c])
		}
	}
	return int64(blockRows(big, 0)) * int64(big) * 8
}
