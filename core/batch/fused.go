package batch

import (
	"math"
	"sort"

	"losslab/core/loss"
)

// The fused kernel's side of the registry: every (loss, strategy) value of
// Strategies is a slot that each anchor adds its terms to, computed by the
// loss's own term function as the anchor's row of distances streams by.
// Only all-triplet sums use a closed form (loss.Hinge); the tests check
// every slot against Compose and the brute force.

// LossValue is one registered loss on the batch under one strategy.
type LossValue struct {
	Loss loss.ID `json:"loss"`
	Strategy
	Margin      *float64 `json:"margin,omitempty"`
	Temperature *float64 `json:"temperature,omitempty"`
	Value
}

type slot struct {
	loss     loss.Loss
	params   loss.Params
	strategy Strategy
	reach    float64 // pair losses: different-class pairs at d ≥ reach cost 0
}

// plan lists the slots and, by strategy, which slots each step feeds.
type plan struct {
	slots                   []slot
	pairs, hard, semi, anch []int
	hinge                   []hingeSlots // the census loss's last
}

// hingeSlots are a closed-form loss's all-triplet mean and non-zero mean.
// census marks the triplet loss, whose active triplets are the census's
// not-easy ones (g(d) = d, the same test): it reuses the census's counts.
type hingeSlots struct {
	g             loss.Curve
	mean, nonzero int
	census        bool
}

// tally is one anchor's sum of terms in one slot.
type tally struct {
	sum           float64
	count, active int64
}

// slotCount is the number of slots a plan has.
func slotCount() int {
	k := 0
	for _, l := range loss.Registry() {
		k += len(Strategies(l))
	}
	return k
}

func newPlan(params loss.Params) (plan, error) {
	var pl plan
	var census []hingeSlots
	for _, l := range loss.Registry() {
		p, err := l.Resolve(params)
		if err != nil {
			return pl, err
		}
		var h hingeSlots
		for _, s := range Strategies(l) {
			k := len(pl.slots)
			reach := math.Inf(1)
			if l.Reach != nil {
				reach = l.Reach(p)
			}
			pl.slots = append(pl.slots, slot{l, p, s, reach})
			if l.Anchor != nil { // every pair of the anchor, whatever the miner's name
				pl.anch = append(pl.anch, k)
				continue
			}
			switch s.Miner {
			case AllPairs:
				pl.pairs = append(pl.pairs, k)
			case BatchHard:
				pl.hard = append(pl.hard, k)
			case SemiHard:
				pl.semi = append(pl.semi, k)
			case AllTriplets:
				h.g, h.census = l.Hinge, l.ID == loss.TripletID
				if s.Reducer == Mean {
					h.mean = k
				} else {
					h.nonzero = k
				}
			}
		}
		switch {
		case h.census:
			census = append(census, h)
		case h.g != loss.NoCurve:
			pl.hinge = append(pl.hinge, h)
		}
	}
	// The census loss last: its sums overwrite the negatives hingeTerms
	// reads for the others.
	pl.hinge = append(pl.hinge, census...)
	return pl, nil
}

func (t *tally) add(term loss.Term) {
	t.sum += term.Loss
	t.count++
	if term.Active {
		t.active++
	}
}

// addSums adds count terms at once: their sum, and how many are active.
func (t *tally) addSums(sum float64, count, active int64) {
	t.sum += sum
	t.count += count
	t.active += active
}

// pairTerms adds the anchor's pairs with the distances ps (same class) and
// ns (different classes) to every pair slot: a same-class pair's term by
// the loss's Pull where it has one, a different-class pair beyond the
// slot's reach as a 0 the loss promises, the rest by the loss's Pair.
func (c *computation) pairTerms(w *worker, row []tally, ps, ns []float64) {
	for _, k := range c.plan.pairs {
		s, t := &c.plan.slots[k], &row[k]
		if pull := s.loss.Pull; pull != loss.NoCurve {
			var sum float64 // in a register: summed through t, each add waits on the last one's store
			var active int64
			for _, d := range ps {
				v := pull.Of(d)
				sum += v
				if v > 0 {
					active++
				}
			}
			t.addSums(sum, int64(len(ps)), active)
		} else {
			for _, d := range ps {
				term, err := s.loss.Pair(d, loss.Same, s.params)
				w.keep(err)
				t.add(term)
			}
		}
		t.count += int64(len(ns))
		for _, d := range ns {
			if d < s.reach { // beyond, the loss says the term is 0
				term, err := s.loss.Pair(d, loss.Different, s.params)
				w.keep(err)
				t.sum += term.Loss
				if term.Active {
					t.active++
				}
			}
		}
	}
}

// minedTerms adds the mined triplets (dp[i], dn[i]) to slot s's tally, in
// order. A closed-form loss's term is hingeTerm, the bits of its Triplet
// function (TestHingeTermIsTheRegistrys) without the explanation that
// function builds: mining calls it once per positive pair. A loss with
// GapOf (soft-margin) is computed from d(a,p) − d(a,n) the same way.
func (c *computation) minedTerms(w *worker, t *tally, s *slot, dp, dn []float64) {
	var sum float64 // the case's sum, added to t once
	var active int64
	switch hinge, gap := s.loss.Hinge, s.loss.GapOf; {
	case hinge != loss.NoCurve:
		sum, active = hingeSums(hinge, dp, dn, s.params.Margin)
	case gap != nil: // within loss.GapTolerance of Triplet's term
		for i, p := range dp {
			if v := gap(p - dn[i]); v > 0 {
				sum += v
				active++
			}
		}
	default:
		for i, p := range dp {
			term, err := s.loss.Triplet(p, dn[i], s.params)
			w.keep(err)
			t.add(term)
		}
		return
	}
	t.addSums(sum, int64(len(dp)), active)
}

// hingeSums sums hingeTerm over the triplets (dp[i], dn[i]), in order. A
// function of its own, without a call: in minedTerms, whose other cases
// call the loss, the sums would live in memory.
func hingeSums(g loss.Curve, dp, dn []float64, m float64) (sum float64, active int64) {
	for i, p := range dp {
		h, on := hingeTerm(g.Of(p), g.Of(dn[i]), m)
		sum += h
		active += on
	}
	return sum, active
}

// hingeTerm is the term max(g(dp) − g(dn) + m, 0) of a loss with a Hinge g,
// given g(dp) and g(dn): +0 (inactive) within loss.Tol of its kink, as
// every loss's Active says, and 1 if active, else 0. It has no branch:
// among the semi-hard triplets active and inactive ones alternate at
// random where the classes overlap, and a branch on it mispredicted more
// than the term cost.
func hingeTerm(gp, gn, m float64) (float64, int64) {
	h := gp - gn + m
	active := int64(less(loss.Tol, h))
	return math.Float64frombits(math.Float64bits(h) & -uint64(active)), active
}

// anchorTerms gives the anchor's whole row to the anchor-wide losses: ps
// and ns in increasing order, checked by split.
func (c *computation) anchorTerms(w *worker, row []tally, ps, ns []float64) {
	for _, k := range c.plan.anch {
		s := &c.plan.slots[k]
		var v loss.AnchorValue
		var err error
		if sorted := s.loss.AnchorSorted; sorted != nil {
			v, err = sorted(ps, ns, s.params)
		} else {
			v, err = s.loss.Anchor(ps, ns, s.params, nil, nil)
		}
		w.keep(err)
		row[k].addSums(v.Sum, int64(v.Terms), int64(v.Active))
	}
}

// hingeReach returns the distance below which a negative can be active for
// some positive in any closed-form loss (the anchor's farthest positive
// decides), and keeps each loss's own in w.reach for hingeTerms.
func (c *computation) hingeReach(w *worker, maxP float64) float64 {
	w.reach = w.reach[:0]
	r := 0.0
	for _, h := range c.plan.hinge {
		far := distanceCutoff(h.g, h.g.Of(maxP)+c.margin+loss.Tol, maxP)
		w.reach = append(w.reach, far)
		r = max(r, far)
	}
	return r
}

// hingeTerms sums max(g(dp) − g(dn) + m, 0) over every (p, n) of the anchor
// without visiting each pair. A negative is active for a positive when
// g(dn) < g(dp) + m − Tol (the term's own test); with ps and near both
// increasing, and g non-decreasing in floating point too
// (TestHingeIncreases), the k negatives active for a positive are the
// first k, and add k·(g(dp) + m) − (their sum of g(dn)). near holds, in
// increasing order and ended by +Inf, every negative below hingeReach's
// distance; q counts all of the anchor's negatives. It runs after the
// census, whose lists it reuses: w.notEasy's counts, w.atMost's and
// w.scratch's memory, and near's, which the census loss (the last) turns
// into its prefix sums.
func (c *computation) hingeTerms(w *worker, row []tally, ps, near []float64, q int) {
	m := c.margin
	for i, h := range c.plan.hinge {
		// counts[i]: the negatives active for positive i; gn: g of the
		// negatives, to become their prefix sums.
		var counts []int32
		var gn []float64
		if h.census { // g(d) = d: the census's counts, and near itself
			counts, gn = w.notEasy, near
		} else {
			keys := w.scratch[:len(ps)]
			for i, dp := range ps {
				keys[i] = h.g.Of(dp) + m - loss.Tol
			}
			// No negative from reach on is active for any positive.
			within := sort.SearchFloat64s(near, w.reach[i])
			gn = grow(w.gn, within+1)
			for j, v := range near[:within] {
				gn[j] = h.g.Of(v)
			}
			gn[within] = math.Inf(1)
			counts = w.atMost
			countBelow(keys, gn, counts)
			w.gn = gn
		}
		prefixInPlace(gn, int(counts[len(counts)-1])) // the last positive has the most
		// g(dp) + m again rather than kept from the keys' loop: a list of it
		// would be one more of up to 500,000 values per worker at 1,000,000
		// rows (issue 23: no more memory than before).
		var sum float64
		var active int64
		for i, k := range counts {
			sum += float64(k)*(h.g.Of(ps[i])+m) - gn[k]
			active += int64(k)
		}
		all := int64(len(ps)) * int64(q)
		for _, k := range [2]int{h.mean, h.nonzero} {
			row[k].addSums(sum, all, active)
		}
	}
}

// prefixInPlace turns v[:k+1] into the sums of v's first 0, 1, …, k values.
func prefixInPlace(v []float64, k int) {
	var s float64
	for i, x := range v[:k] {
		v[i], s = s, s+x
	}
	v[k] = s
}

// grow returns s resliced to n, reallocated if its capacity is less.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// distanceCutoff returns a distance at and beyond which the increasing g is ≥ c
// (+Inf if it never is), found by bisection from lo, so that most negatives
// are ruled out by comparing distances, without calling g.
func distanceCutoff(g loss.Curve, c, lo float64) float64 {
	hi := math.Max(2*lo, 1)
	for g.Of(hi) < c {
		if hi *= 2; math.IsInf(hi, 1) {
			return hi
		}
	}
	for range 64 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if g.Of(mid) < c {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// keep remembers a worker's first error.
func (w *worker) keep(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// reduceSlots sums every anchor's tallies in anchor order and applies each
// slot's reducer.
func (c *computation) reduceSlots() []LossValue {
	k := len(c.plan.slots)
	out := make([]LossValue, k)
	for i, s := range c.plan.slots {
		var t Terms
		for a := range c.anchors { // every anchor, or the sample's
			e := c.tallies[a*k+i]
			t.add(a, e.sum, e.count, e.active)
		}
		red, _ := ReducerByID(s.strategy.Reducer)
		out[i] = LossValue{Loss: s.loss.ID, Strategy: s.strategy,
			Value: Value{Value: red.Reduce(t), Terms: totalInt(t.Count), Active: totalInt(t.Active)}}
		if s.loss.UsesMargin {
			out[i].Margin = &c.plan.slots[i].params.Margin
		}
		if s.loss.UsesTemperature {
			out[i].Temperature = &c.plan.slots[i].params.Temperature
		}
	}
	return out
}

// Find returns the value of loss id under strategy s.
func Find(values []LossValue, id loss.ID, s Strategy) (LossValue, bool) {
	for _, v := range values {
		if v.Loss == id && v.Strategy == s {
			return v, true
		}
	}
	return LossValue{}, false
}

// classicLosses fills the named fields of Losses (the JSON keys `losses.*`
// that scripts already read) from the registry's values.
func classicLosses(values []LossValue) Losses {
	get := func(id loss.ID, s Strategy) Value {
		v, _ := Find(values, id, s)
		return v.Value
	}
	all := get(loss.TripletID, Strategy{AllTriplets, Mean})
	return Losses{
		Contrastive:     get(loss.ContrastiveID, Strategy{AllPairs, Mean}).Value,
		BatchAll:        all.Value,
		BatchAllNonzero: get(loss.TripletID, Strategy{AllTriplets, MeanNonZero}).Value,
		FractionActive:  ratio(float64(all.Active), all.Terms),
		BatchHard:       get(loss.TripletID, Strategy{BatchHard, Mean}).Value,
		BatchHardSoft:   get(loss.SoftMarginID, Strategy{BatchHard, Mean}).Value,
		SemiHard:        get(loss.TripletID, Strategy{SemiHard, Mean}).Value,
	}
}
