// Package floatsort sorts float64 slices with an LSD radix sort on their
// bits, several times faster than a comparison sort on the tens of
// thousands of distances that core/batch sorts per anchor and core/train
// per frame.
package floatsort

import (
	"math"
	"slices"
)

// radixMin is the length from which Sort uses the radix sort:
// below it pdqsort's comparisons are cheaper than the counting passes.
const radixMin = 512

// The radix sort orders the values by the top 33 bits of their keys (sign,
// exponent and 21 bits of mantissa: one part in two million of a binade),
// three digits of 11 bits, and then sorts each run of values that share
// those bits. Among distances such runs are rare and short; the 31 low
// bits would have cost three more passes over every value.
const (
	digitBits = 11
	digits    = 3
	lowBits   = 64 - digits*digitBits // bits the passes leave to the runs
	buckets   = 1 << digitBits
)

// Sort sorts v (finite values) in place, ascending; scratch is reused
// between calls and returned, grown if needed. One pass counts every digit
// at once; then each digit that is not the same in every value (distances
// share their sign and most of their exponent) takes one pass that moves
// the values; last, each run sharing the top bits is sorted by pdqsort.
func Sort(v, scratch []float64) []float64 {
	if len(v) < radixMin {
		slices.Sort(v)
		return scratch
	}
	if cap(scratch) < len(v) {
		scratch = make([]float64, len(v))
	}
	var count [digits][buckets]uint32
	for _, x := range v {
		k := key(x) >> lowBits
		count[0][k%buckets]++
		count[1][(k>>digitBits)%buckets]++
		count[2][k>>(2*digitBits)]++
	}
	src, dst := v, scratch[:len(v)]
	for b := range digits {
		c := &count[b]
		shift := uint(lowBits + digitBits*b)
		if int(c[(key(src[0])>>shift)%buckets]) == len(src) {
			continue // every value has the same digit here
		}
		var sum uint32
		for i, n := range c {
			c[i] = sum
			sum += n
		}
		for _, x := range src {
			d := (key(x) >> shift) % buckets
			dst[c[d]] = x
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
	sortRuns(v)
	return scratch
}

// sortRuns sorts each run of v whose values share their top bits; v is
// sorted by those bits.
func sortRuns(v []float64) {
	top := key(v[0]) >> lowBits
	for i := 1; i < len(v); i++ {
		t := key(v[i]) >> lowBits
		if t != top {
			top = t
			continue
		}
		start := i - 1
		for i+1 < len(v) && key(v[i+1])>>lowBits == top {
			i++
		}
		if run := v[start : i+1]; !slices.IsSorted(run) {
			slices.Sort(run)
		}
	}
}

// key maps a float64 to bits that sort like it: sign-flipped for negatives
// (−0 included), the sign bit set for the rest.
func key(x float64) uint64 {
	b := math.Float64bits(x)
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}
