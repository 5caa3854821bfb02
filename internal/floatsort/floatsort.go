// Package floatsort sorts float64 slices with an LSD radix sort on their
// bits, several times faster than a comparison sort on the tens of
// thousands of distances that core/batch sorts per anchor and core/train
// per frame.
package floatsort

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// radixMin is the length from which Sort uses the radix sort:
// below it pdqsort's comparisons are cheaper than the counting passes.
const radixMin = 512

// The radix sort orders the values by the top 22 bits of their keys' offsets
// from the smallest key, two digits of 11 bits, and then sorts each run of
// values that share those bits. The bits split the keys' range into four
// million parts: among tens of thousands of distances such runs are rare
// and short.
const (
	digitBits = 11
	digits    = 2
	buckets   = 1 << digitBits
)

// Sort sorts v (finite values) in place, ascending; scratch is reused
// between calls and returned, grown if needed. One pass finds the range of
// the keys, one counts both digits; then each digit that is not the same in
// every value takes one pass that moves the keys; each run sharing the
// sorted bits is sorted by pdqsort. Values from +0 up (distances: what
// batch and training sort) are their own keys, their bits ordered as they
// are; only values with a sign bit need keys made, in place (a pass that
// also finds their range), and turned back by a last pass.
func Sort(v, scratch []float64) []float64 {
	if len(v) < radixMin {
		slices.Sort(v)
		return scratch
	}
	if cap(scratch) < len(v) {
		scratch = make([]float64, len(v))
	}
	lo, hi, signs := bitsRange(v)
	if signs {
		// A key held as a float64 may be a NaN's bits: it is only moved
		// and read back as bits, never computed with or compared, so its
		// bits stay as they are.
		lo, hi = keyAll(v)
		defer unkeyAll(v)
	}
	if lo == hi {
		return scratch // every value has the same bits
	}
	shift := uint(max(0, bits.Len64(hi-lo)-digits*digitBits)) // bits the passes leave to the runs
	var count [digits][buckets]uint32
	for _, x := range v {
		k := (math.Float64bits(x) - lo) >> shift
		count[0][k%buckets]++
		count[1][(k>>digitBits)%buckets]++
	}
	src, dst := v, scratch[:len(v)]
	for b := range digits {
		c := &count[b]
		at := shift + uint(digitBits*b)
		if int(c[((math.Float64bits(src[0])-lo)>>at)%buckets]) == len(src) {
			continue // every value has the same digit here
		}
		var sum uint32
		for i, n := range c {
			c[i] = sum
			sum += n
		}
		for _, x := range src {
			d := ((math.Float64bits(x) - lo) >> at) % buckets
			dst[c[d]] = x
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
	sortRuns(v, lo, shift)
	return scratch
}

// bitsRange returns the least and greatest bits of v's values (v not
// empty), and whether any has its sign bit set: then the greatest has.
func bitsRange(v []float64) (lo, hi uint64, signs bool) {
	lo, hi = math.Float64bits(v[0]), math.Float64bits(v[0])
	for _, x := range v {
		b := math.Float64bits(x)
		lo, hi = min(lo, b), max(hi, b)
	}
	return lo, hi, hi>>63 != 0
}

// keyAll turns v's values into their keys (as float64 bits), in place,
// and returns the least and greatest key.
func keyAll(v []float64) (lo, hi uint64) {
	lo, hi = key(v[0]), key(v[0])
	for i, x := range v {
		k := key(x)
		lo, hi = min(lo, k), max(hi, k)
		v[i] = math.Float64frombits(k)
	}
	return lo, hi
}

// sortRuns sorts each run of keys (as float64 bits) whose offsets from lo
// share their bits above shift; v is sorted by those bits.
func sortRuns(v []float64, lo uint64, shift uint) {
	bitsOf := func(x float64) uint64 { return math.Float64bits(x) }
	top := (bitsOf(v[0]) - lo) >> shift
	for i := 1; i < len(v); i++ {
		t := (bitsOf(v[i]) - lo) >> shift
		if t != top {
			top = t
			continue
		}
		start := i - 1
		for i+1 < len(v) && (bitsOf(v[i+1])-lo)>>shift == top {
			i++
		}
		run := v[start : i+1]
		byKey := func(a, b float64) int { return cmp.Compare(bitsOf(a), bitsOf(b)) }
		if !slices.IsSortedFunc(run, byKey) {
			slices.SortFunc(run, byKey)
		}
	}
}

// unkeyAll turns keys (as float64 bits) back into their values.
func unkeyAll(v []float64) {
	for i, x := range v {
		k := math.Float64bits(x)
		flip := k>>63 - 1 // 0 for a key with the sign bit set (a value ≥ +0), else all ones
		v[i] = math.Float64frombits(k ^ (flip | 1<<63))
	}
}

// key maps a float64 to bits that sort like it: sign-flipped for negatives
// (−0 included), the sign bit set for the rest.
func key(x float64) uint64 {
	b := math.Float64bits(x)
	return b ^ (uint64(int64(b)>>63) | 1<<63) // all ones for a negative, the sign bit for the rest: no branch
}
