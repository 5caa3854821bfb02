package batch

import (
	"math"
	"runtime"
	"unsafe"
)

// Plan is what Compute will do for a batch and what it is expected to cost.
type Plan struct {
	Method  string  // MethodExact, MethodBinned or MethodSampled
	Anchors int     // anchors evaluated: N, or the sample's size
	Bytes   int64   // estimated peak working memory, the embeddings not counted
	Seconds float64 // estimated time on a 2-core machine like the CI's
	// ExactBytes is what the exact method would need over every anchor.
	ExactBytes int64
}

// Cost model in CPU nanoseconds, fitted to `losslab batch` on the 2-core CI
// machine (4096 × 128 in 64 classes, 20,000 × 128 in 100, 8,000 and 60,000
// × 16 in 2; every registered loss). Per anchor: its row of distances
// (gemmNs per product and dimension, half the products on the symmetric
// tiles; passNs per distance: made from its product, sorted into positives
// and negatives, the pair losses' terms, the anchor-wide losses); per
// positive (termNs: sorting, the census, the mined losses' terms) and per
// near negative (nearNs: sorting, the census, the closed-form sums), the
// near ones taken as those of about four classes; all three, and refineNs,
// refitted on 60,000 × 16 in 2 classes (about 25 ns of CPU per ordered
// pair, which varies by a tenth or more with the machine's load) after the
// sixth round of issue 23 (docs/batch-profile.md).
// The exact method places each negative pair among the sorted positives
// (streamNs) after computing and sorting those (positiveNs); the binned
// one visits every pair a second time (refineNs). A sample's pairs cost
// more (sampleNs, fitted on 1,000 anchors of 1,000,000 × 16): its pass 2
// walks unsorted rows, and rows of a million distances leave the caches,
// so that the kernel reads the embeddings from memory for every two rows.
const (
	gemmNs     = 0.06
	passNs     = 7.5
	termNs     = 11.0
	nearNs     = 22.0
	streamNs   = 8.0
	positiveNs = 20.0
	refineNs   = 2.5
	sampleNs   = 20.0
	// cores is what the estimate assumes when it turns CPU time into wall
	// time: the CI machine's count, at most GOMAXPROCS.
	cores = 2
)

// AutoSampleSeconds is the estimated time above which the command line
// samples anchors unless told otherwise (see losslab batch --sample-anchors):
// five minutes, so that every anchor of 60,000 rows in two classes (1.8
// billion pairs) is evaluated; AutoSampleTarget is the estimated time of the
// sample it then draws. SlowSeconds is the estimate from which the command
// line says how long every anchor will take and how to sample instead.
const (
	AutoSampleSeconds = 300
	AutoSampleTarget  = 30
	SlowSeconds       = 60
)

// PlanFor says how Compute will evaluate an N×dim batch with these labels
// and options: a sample when Options.SampleAnchors asks for one; else the
// exact separation statistics when their 16 bytes per positive pair (and 4
// per further worker) fit the memory budget, otherwise binned ones.
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
	sym := symmetric(n, anchors, opts.BlockRows)
	rows := workers * int64(ownRows(n, n)) * int64(n) * 8 // each worker's rows
	if sym {
		rows = symmetricTileBytes(n, opts.BlockRows) + workers*int64(n)*8
	}
	slots := int64(slotCount())
	common := rows +
		workers*int64(n)*(8*5+4*2) + // each worker's lists of n at most (worker): five of float64, two of int32
		int64(anchors)*(int64(unsafe.Sizeof(anchorStats{})+unsafe.Sizeof(secondPass{}))+slots*int64(unsafe.Sizeof(tally{})))
	p := positivePairs(labels, classes)
	// The sorted positives and the sort's scratch, or the positives, their
	// index (at most 2 bytes each) and each worker's counts by place among
	// them; each worker's counts on the bins and its rows of a class.
	exact := common + max(16*p, 8*p+2*p+4*(p+1)*workers) + workers*fineBins*4 + (fineBins+1)*4 + workers*tileRows*largestClass(labels, classes)*8
	ns := float64(anchors) / float64(n) * anchorNs(n, dim, labels, classes, sym)
	plan := Plan{Method: MethodExact, Anchors: anchors, Bytes: exact, ExactBytes: exact}
	switch {
	case anchors < n || exact > budget || p >= math.MaxUint32: // the index counts in 32 bits
		plan.Method = MethodBinned
		if anchors < n {
			plan.Method = MethodSampled
		}
		bins := int64(binsFor(int64(anchors) * int64(n-1)))
		plan.Bytes = common + (3+2*workers)*bins*8 + bins + refineBytes // counts, sums, each worker's counts, flags, kept pairs
		pairs, second := float64(anchors)*float64(n-1), sampleNs
		if anchors == n {
			pairs, second = pairs/2, refineNs
		}
		ns += pairs * (gemmNs*float64(dim) + second)
	default:
		q := float64(n)*float64(n-1)/2 - float64(p)
		ns += q*streamNs + float64(p)*(gemmNs*float64(dim)+positiveNs)
	}
	plan.Seconds = ns * 1e-9 / float64(min(workers, cores))
	return plan
}

// anchorNs is the CPU time of the pass over all n anchors.
func anchorNs(n, dim int, labels []int, classes int, sym bool) float64 {
	count := make([]float64, classes)
	for _, c := range labels {
		if c >= 0 && c < classes {
			count[c]++
		}
	}
	products := float64(n)
	if sym {
		products /= 2
	}
	var ns float64
	for _, k := range count {
		near := min(float64(n)-k, 4*k)
		ns += k * (products*gemmNs*float64(dim) + float64(n)*passNs + (k-1)*termNs + near*nearNs)
	}
	return ns
}

// SampleWithin is the number of anchors that a sample of this batch
// evaluates in about seconds (at least MinSampleAnchors and at most n): a
// sampled plan's cost grows in proportion to its anchors, each with all of
// its pairs.
func SampleWithin(seconds float64, n, dim int, labels []int, classes int, opts Options) int {
	if n <= MinSampleAnchors {
		return n
	}
	opts.SampleAnchors = MinSampleAnchors
	p := PlanFor(n, dim, labels, classes, opts)
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

// largestClass is the number of members of the largest class.
func largestClass(labels []int, classes int) int64 {
	count := make([]int64, classes)
	var big int64
	for _, c := range labels {
		if c >= 0 && c < classes {
			count[c]++
			big = max(big, count[c])
		}
	}
	return big
}
