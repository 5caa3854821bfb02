package batch

import "sort"

// sortedIndex answers "how many values are < x" and "≤ x" over sorted values
// in near-constant time: a table of buckets over [0, top] narrows each
// binary search to the values of one bucket. Every negative pair asks it once.
type sortedIndex struct {
	values []float64
	start  []int // start[b]: first value ≥ b/scale
	scale  float64
}

const indexBuckets = 1 << 16

func newSortedIndex(sorted []float64, top float64) *sortedIndex {
	ix := &sortedIndex{values: sorted, start: make([]int, indexBuckets+1), scale: indexBuckets / top}
	for b := range ix.start {
		ix.start[b] = sort.SearchFloat64s(sorted, float64(b)/ix.scale)
	}
	return ix
}

// bucket is x's bucket; comparing before converting keeps a huge, infinite
// or NaN product (top near the float64 limit) from becoming an index out of
// range.
func (ix *sortedIndex) bucket(x float64) int {
	f := x * ix.scale
	switch {
	case !(f > 0):
		return 0
	case f >= indexBuckets-1:
		return indexBuckets - 1
	}
	return int(f)
}

// bounds returns the number of values < x and ≤ x.
func (ix *sortedIndex) bounds(x float64) (less, atMost int) {
	b := ix.bucket(x)
	lo, hi := ix.start[b], ix.start[b+1]
	v := ix.values
	// Rounding can put x just outside its bucket's range: search all then.
	if lo > 0 && v[lo-1] >= x || hi < len(v) && v[hi] <= x {
		lo, hi = 0, len(v)
	}
	window := v[lo:hi]
	less = lo + sort.SearchFloat64s(window, x)
	atMost = lo + sort.Search(len(window), func(i int) bool { return window[i] > x })
	return less, atMost
}
