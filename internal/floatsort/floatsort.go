// Package floatsort sorts float64 slices with an LSD radix sort on their
// bits: eight linear passes without branches, several times faster than a
// comparison sort on the tens of thousands of distances that core/batch
// sorts per anchor and core/train per frame.
package floatsort

import (
	"math"
	"slices"
)

// radixMin is the length from which Sort uses the radix sort:
// below it pdqsort's comparisons are cheaper than eight counting passes.
const radixMin = 512

// Sort sorts v (finite values) in place, ascending; scratch is reused
// between calls and returned, grown if needed.
func Sort(v, scratch []float64) []float64 {
	if len(v) < radixMin {
		slices.Sort(v)
		return scratch
	}
	if cap(scratch) < len(v) {
		scratch = make([]float64, len(v))
	}
	src, dst := v, scratch[:len(v)]
	var count [256]int
	for shift := uint(0); shift < 64; shift += 8 {
		count = [256]int{}
		for _, x := range src {
			count[byte(key(x)>>shift)]++
		}
		if count[byte(key(src[0])>>shift)] == len(src) {
			continue // every value has the same byte here
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, x := range src {
			b := byte(key(x) >> shift)
			dst[count[b]] = x
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
	return scratch
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
