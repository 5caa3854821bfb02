package train

import (
	"fmt"
	"slices"
)

// Split says which points a run trains on and which it never sees: the
// held-out points, on which the metrics ask whether what was learned
// generalises.
type Split struct {
	Train, HeldOut []int // indices into the data, in index order
	// Classes are the classes held out whole (HoldoutClasses), in index
	// order; nil when a share of every class is held out.
	Classes []int
}

// IsHeldOut says whether point i is held out.
func (s Split) IsHeldOut(i int) bool {
	_, found := slices.BinarySearch(s.HeldOut, i)
	return found
}

// makeSplit draws the split of cfg from its own seeded stream: with
// HoldoutClasses, that many whole classes; otherwise ⌊Holdout·n⌋ of each
// class's n points, keeping at least 2 of each class in training (a class
// needs a positive pair).
func makeSplit(d *Data, cfg Config) (Split, error) {
	r := newRand(cfg.Seed, streamSplit)
	members := make([][]int, len(d.Classes))
	for i, c := range d.Labels {
		members[c] = append(members[c], i)
	}
	held := make([]bool, d.N)
	var s Split
	if k := cfg.HoldoutClasses; k > 0 {
		var present []int // classes with points
		for c, m := range members {
			if len(m) > 0 {
				present = append(present, c)
			}
		}
		if k < MinHoldoutClasses || len(present)-k < MinHoldoutClasses {
			return Split{}, &ParamError{Flag: "holdout-classes", Err: fmt.Errorf("%w: %d of %d classes, want %d to %d (at least %d classes must train)",
				ErrRange, k, len(present), MinHoldoutClasses, len(present)-MinHoldoutClasses, MinHoldoutClasses)}
		}
		r.Shuffle(len(present), func(i, j int) { present[i], present[j] = present[j], present[i] })
		s.Classes = slices.Sorted(slices.Values(present[:k]))
		for _, c := range s.Classes {
			for _, i := range members[c] {
				held[i] = true
			}
		}
	} else {
		for _, m := range members {
			h := min(int(cfg.Holdout*float64(len(m))), max(len(m)-2, 0))
			for t := range h { // a partial Fisher–Yates shuffle
				u := t + r.IntN(len(m)-t)
				m[t], m[u] = m[u], m[t]
				held[m[t]] = true
			}
		}
	}
	for i, h := range held {
		if h {
			s.HeldOut = append(s.HeldOut, i)
		} else {
			s.Train = append(s.Train, i)
		}
	}
	return s, nil
}
