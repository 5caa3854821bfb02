package batch

import "slices"

// ReducerID is a reducer's stable identifier (JSON and flags use it).
type ReducerID string

// The reducers: each turns the terms a miner's selection produced into the
// batch's one number.
const (
	Mean          ReducerID = "mean"            // over every term
	MeanNonZero   ReducerID = "mean-non-zero"   // over the active terms only (0 when none)
	PerAnchorMean ReducerID = "per-anchor-mean" // each anchor's mean, then the mean over anchors
	Sum           ReducerID = "sum"
)

// Terms are the terms of one loss over a selection, grouped by anchor: entry
// i stands for Count[i] terms of anchor Anchor[i] summing to Sum[i], Active[i]
// of them non-zero. Pair and triplet losses give one term per entry; an
// anchor-wide loss gives one entry per anchor.
type Terms struct {
	Anchor        []int
	Sum           []float64
	Count, Active []int64
}

func (t *Terms) add(anchor int, sum float64, count, active int64) {
	t.Anchor = append(t.Anchor, anchor)
	t.Sum = append(t.Sum, sum)
	t.Count = append(t.Count, count)
	t.Active = append(t.Active, active)
}

// Reducer makes the scalar from Terms, and says how each term weighs in it.
type Reducer struct {
	ID     ReducerID
	Reduce func(t Terms) float64
	// Weight is ∂L/∂ℓ of each term of an anchor that has k of the
	// selection's terms, c the selection's totals: the reducer's
	// derivative, by which training scales every term's gradient (0 when
	// there is nothing to reduce).
	Weight func(c Totals, k int64) float64
	// PerAnchor says Weight depends on the anchor (PerAnchorMean); every
	// other reducer weighs all terms alike.
	PerAnchor bool
}

// Totals count a selection's terms, its active terms and the anchors that
// have terms.
type Totals struct{ Terms, Active, Anchors int64 }

var reducers = [...]Reducer{
	{Mean, func(t Terms) float64 { return ratio(total(t.Sum), totalInt(t.Count)) },
		func(c Totals, _ int64) float64 { return inverse(c.Terms) }, false},
	{MeanNonZero, func(t Terms) float64 { return ratio(total(t.Sum), totalInt(t.Active)) },
		func(c Totals, _ int64) float64 { return inverse(c.Active) }, false},
	{PerAnchorMean, reducePerAnchor,
		func(c Totals, k int64) float64 { return inverse(c.Anchors) * inverse(k) }, true},
	{Sum, func(t Terms) float64 { return total(t.Sum) },
		func(Totals, int64) float64 { return 1 }, false},
}

// Reducers returns every reducer; the slice is the caller's own.
func Reducers() []Reducer { return slices.Clone(reducers[:]) }

// ReducerByID returns the reducer with id.
func ReducerByID(id ReducerID) (Reducer, bool) {
	for _, r := range reducers {
		if r.ID == id {
			return r, true
		}
	}
	return Reducer{}, false
}

// reducePerAnchor sums in anchor order, so the result does not depend on
// the order of the terms.
func reducePerAnchor(t Terms) float64 {
	n := 0
	for _, a := range t.Anchor {
		n = max(n, a+1)
	}
	sum, count := make([]float64, n), make([]int64, n)
	for i, a := range t.Anchor {
		sum[a] += t.Sum[i]
		count[a] += t.Count[i]
	}
	var means float64
	anchors := int64(0)
	for a, k := range count {
		if k > 0 {
			means += sum[a] / float64(k)
			anchors++
		}
	}
	return ratio(means, anchors)
}

// inverse is 1/k, 0 for no terms.
func inverse(k int64) float64 {
	if k == 0 {
		return 0
	}
	return 1 / float64(k)
}

// ratio is s/k, 0 for no terms (an empty selection costs nothing).
func ratio(s float64, k int64) float64 {
	if k == 0 {
		return 0
	}
	return s / float64(k)
}

func total(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}

func totalInt(v []int64) int64 {
	var s int64
	for _, x := range v {
		s += x
	}
	return s
}
