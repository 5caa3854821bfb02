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
	// Labels are the classes the loss and the sampler see, one per point of
	// the data: the data's labels, but for the Mislabelled points (sorted
	// indices into the data, all training points), which LabelNoise gave
	// another class that trains. Without label noise Labels is the data's
	// own slice and Mislabelled is nil.
	Labels      []int
	Mislabelled []int
}

// IsMislabelled says whether the loss sees point i under a wrong label.
func (s Split) IsMislabelled(i int) bool {
	_, found := slices.BinarySearch(s.Mislabelled, i)
	return found
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
	s.Labels = d.Labels
	if cfg.LabelNoise > 0 {
		if err := s.addLabelNoise(d, cfg); err != nil {
			return Split{}, err
		}
	}
	return s, nil
}

// addLabelNoise draws, from its own seeded stream, ⌊LabelNoise·|Train|⌋
// training points and gives each a class drawn uniformly among the other
// classes that have training points.
func (s *Split) addLabelNoise(d *Data, cfg Config) error {
	r := newRand(cfg.Seed, streamLabelNoise)
	trains := make([]bool, len(d.Classes))
	for _, i := range s.Train {
		trains[d.Labels[i]] = true
	}
	var classes []int // the classes that train
	for c, ok := range trains {
		if ok {
			classes = append(classes, c)
		}
	}
	k := int(cfg.LabelNoise * float64(len(s.Train)))
	if k == 0 {
		return nil
	}
	if len(classes) < 2 {
		return &ParamError{Flag: "label-noise", Err: fmt.Errorf("%w: %v with %d class training, want at least 2 classes to swap labels between",
			ErrRange, cfg.LabelNoise, len(classes))}
	}
	s.Labels = slices.Clone(d.Labels)
	pick := slices.Clone(s.Train)
	for t := range k { // a partial Fisher–Yates shuffle
		u := t + r.IntN(len(pick)-t)
		pick[t], pick[u] = pick[u], pick[t]
		i := pick[t]
		// the j-th of the classes that train other than the point's own
		j := r.IntN(len(classes) - 1)
		if own, _ := slices.BinarySearch(classes, d.Labels[i]); j >= own {
			j++
		}
		s.Labels[i] = classes[j]
	}
	s.Mislabelled = slices.Sorted(slices.Values(pick[:k]))
	return nil
}
