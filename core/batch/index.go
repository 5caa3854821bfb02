package batch

// sortedIndex answers "how many values are < x and ≤ x" over sorted values
// on a grid of buckets: a histogram's bins, each split into 2^shift buckets
// so that a bucket holds a few values however many there are. The bucket of
// a distance never decreases as the distance grows, so every value in a
// lower bucket than x's is below x and every value in a higher one above
// it: only the values sharing x's bucket are compared with x. The
// histogram's bin of a distance is its bucket >> shift, the same bits as
// fineHistogram.bin (the grid is that one's times 2^shift, an exact
// scaling). Most bins hold no value, which the occupied bits tell at once;
// every negative pair of the exact method asks.
type sortedIndex struct {
	values   []float64
	h        *fineHistogram
	shift    uint
	perUnit  float64  // buckets per unit of distance
	start    []uint32 // start[b]: the values in buckets < b
	occupied []uint64 // bit i: histogram bin i holds a value
}

// perBucket is about how many values a bucket holds.
const perBucket = 4

func newSortedIndex(sorted []float64, h *fineHistogram) *sortedIndex {
	bins := len(h.pos)
	var shift uint
	for shift < 10 && bins<<shift < len(sorted)/perBucket {
		shift++
	}
	ix := &sortedIndex{values: sorted, h: h, shift: shift, perUnit: h.perUnit * float64(int(1)<<shift),
		start: make([]uint32, bins<<shift+1), occupied: make([]uint64, (bins+63)/64)}
	for _, v := range sorted {
		b := ix.bucket(v)
		ix.start[b+1]++
		ix.occupied[b>>shift/64] |= 1 << (b >> shift % 64)
	}
	for b := range bins << shift {
		ix.start[b+1] += ix.start[b]
	}
	return ix
}

// bucket is x's bucket, found as fineHistogram.bin finds its bin.
func (ix *sortedIndex) bucket(x float64) int {
	last := len(ix.start) - 2
	f := x * ix.perUnit
	switch {
	case !(f > 0):
		return 0
	case f >= float64(last):
		return last
	}
	return int(f)
}

// holds says whether histogram bin i holds a value.
func (ix *sortedIndex) holds(i int) bool { return ix.occupied[i/64]&(1<<(i%64)) != 0 }

// before is the number of values in histogram bins < i.
func (ix *sortedIndex) before(i int) int { return int(ix.start[i<<ix.shift]) }

// bounds returns the number of values < x and ≤ x.
func (ix *sortedIndex) bounds(x float64) (less, atMost int) {
	return ix.boundsIn(ix.bucket(x), x)
}

// boundsIn is bounds for an x in bucket b.
func (ix *sortedIndex) boundsIn(b int, x float64) (less, atMost int) {
	lo, hi := int(ix.start[b]), int(ix.start[b+1])
	v := ix.values
	less = lo
	for step := hi - lo; step > 0; { // the first value ≥ x
		half := step / 2
		if v[less+half] < x {
			less += half + 1
			step -= half + 1
		} else {
			step = half
		}
	}
	atMost = less
	for step := hi - less; step > 0; { // the first value > x
		half := step / 2
		if v[atMost+half] <= x {
			atMost += half + 1
			step -= half + 1
		} else {
			step = half
		}
	}
	return less, atMost
}
