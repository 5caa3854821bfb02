package batch

import "sort"

// countBelow sets below[i] to the number of values less than keys[i], for
// keys and values both in increasing order; values must end with +Inf (not
// counted), so that no walk runs off its end.
//
// It is the anchor's census and closed-form sums' merge of its sorted
// positives with its sorted negatives. Walked with a branch per step, the
// merge mispredicts about once a positive (the two kinds interleave at
// random where they overlap), which cost more than everything else the walk
// does; here each step's comparison only adds 0 or 1 to the two indices,
// and four stretches of the merge, split where each has about a quarter of
// its steps, advance side by side so that one stretch's loads overlap the
// others' instead of waiting on them.
func countBelow(keys, values []float64, below []int32) {
	const lanes = 4
	n, m := len(keys), len(values)-1 // the +Inf is never merged
	below = below[:n]
	// Stretch l starts at the l-th quarter of the merge's n+m steps: the
	// first key i whose value d−i−1 (the last value merged before it, were
	// it there) is below it; it starts on value d−i, each value before that
	// being below key i.
	var start, j [lanes + 1]int
	start[lanes] = n
	for l := 1; l < lanes; l++ {
		d := l * (n + m) / lanes
		lo := max(0, d-m)
		i := lo + sort.Search(min(d, n)-lo, func(k int) bool { return values[d-lo-k-1] < keys[lo+k] })
		start[l], j[l] = i, d-i
	}
	i0, i1, i2, i3 := start[0], start[1], start[2], start[3]
	j0, j1, j2, j3 := j[0], j[1], j[2], j[3]
	e0, e1, e2, e3 := start[1], start[2], start[3], n
	for i0 < e0 && i1 < e1 && i2 < e2 && i3 < e3 {
		below[i0], below[i1], below[i2], below[i3] = int32(j0), int32(j1), int32(j2), int32(j3)
		l0, l1, l2, l3 := less(values[j0], keys[i0]), less(values[j1], keys[i1]), less(values[j2], keys[i2]), less(values[j3], keys[i3])
		j0, j1, j2, j3 = j0+l0, j1+l1, j2+l2, j3+l3
		i0, i1, i2, i3 = i0+1-l0, i1+1-l1, i2+1-l2, i3+1-l3
	}
	countFrom(keys[:e0], values, below, i0, j0)
	countFrom(keys[:e1], values, below, i1, j1)
	countFrom(keys[:e2], values, below, i2, j2)
	countFrom(keys[:e3], values, below, i3, j3)
}

// countFrom finishes one stretch of countBelow's merge: keys i and on,
// value j the first not yet below.
func countFrom(keys, values []float64, below []int32, i, j int) {
	for i < len(keys) {
		below[i] = int32(j)
		l := less(values[j], keys[i])
		j += l
		i += 1 - l
	}
}

// less is 1 when a < b, else 0, without a branch.
func less(a, b float64) int {
	if a < b {
		return 1
	}
	return 0
}
