package batch

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"losslab/core/loss"
)

// Strategy is how one batch value of a loss is made: a miner picks the
// pairs or triplets, the loss computes their terms, a reducer the scalar.
type Strategy struct {
	Miner   MinerID   `json:"miner"`
	Reducer ReducerID `json:"reducer"`
}

// Strategies lists the batch values Compute reports for l, in display
// order: pair losses over all pairs; anchor-wide losses (InfoNCE) over every
// positive pair; triplet losses batch-hard and semi-hard, plus all triplets
// when their terms can be summed in closed form (l.HingeOf).
func Strategies(l loss.Loss) []Strategy {
	switch {
	case l.Kind == loss.OnPairs:
		return []Strategy{{AllPairs, Mean}}
	case l.Anchor != nil:
		return []Strategy{{AllPositives, Mean}}
	}
	var s []Strategy
	if l.HingeOf != nil {
		s = append(s, Strategy{AllTriplets, Mean}, Strategy{AllTriplets, MeanNonZero})
	}
	return append(s, Strategy{BatchHard, Mean}, Strategy{SemiHard, Mean})
}

// Value is one loss on one batch under one strategy.
type Value struct {
	Value  float64 `json:"value"`
	Terms  int64   `json:"terms"`  // terms the reducer saw
	Active int64   `json:"active"` // of which non-zero
}

// ErrStrategy: the miner does not fit the loss (pairs for a triplet loss, …).
var ErrStrategy = errors.New("miner does not fit the loss")

// Compose computes loss l under p on a batch given by its full distance
// matrix d and labels, the composable way: distance → miner → loss term →
// reducer. It holds every selected term, so it is for small batches and for
// checking the fused kernel of Compute. seed drives RandomNegative.
func Compose(d *mat.Dense, labels []int, l loss.Loss, p loss.Params, s Strategy, seed uint64) (Value, error) {
	p, err := l.Resolve(p)
	if err != nil {
		return Value{}, err
	}
	red, ok := ReducerByID(s.Reducer)
	if !ok {
		return Value{}, fmt.Errorf("unknown reducer %q", s.Reducer)
	}
	terms, err := composeTerms(d, labels, l, p, s.Miner, seed)
	if err != nil {
		return Value{}, err
	}
	return Value{Value: red.Reduce(terms), Terms: totalInt(terms.Count), Active: totalInt(terms.Active)}, nil
}

func composeTerms(d *mat.Dense, labels []int, l loss.Loss, p loss.Params, id MinerID, seed uint64) (Terms, error) {
	var t Terms
	if id == AllPositives {
		if l.Anchor == nil {
			return t, fmt.Errorf("%w: %s with %s", ErrStrategy, id, l.ID)
		}
		for a, ca := range labels {
			var pos, neg []float64
			for j, c := range labels {
				switch {
				case j == a:
				case c == ca:
					pos = append(pos, d.At(a, j))
				default:
					neg = append(neg, d.At(a, j))
				}
			}
			sum, err := l.Anchor(pos, neg, p)
			if err != nil {
				return t, err
			}
			// Every term of a softmax loss is −log of a probability < 1: active.
			t.add(a, sum, int64(len(pos)), int64(len(pos)))
		}
		return t, nil
	}
	miner, ok := MinerByID(id, seed)
	if !ok {
		return t, fmt.Errorf("unknown miner %q", id)
	}
	sel := miner.Mine(d, labels)
	switch l.Kind {
	case loss.OnPairs:
		if sel.Pairs == nil && sel.Triplets != nil {
			return t, fmt.Errorf("%w: %s with %s", ErrStrategy, id, l.ID)
		}
		for _, pr := range sel.Pairs {
			y := loss.Different
			if labels[pr.I] == labels[pr.J] {
				y = loss.Same
			}
			term, err := l.Pair(d.At(pr.I, pr.J), y, p)
			if err != nil {
				return t, err
			}
			t.add(pr.I, term.Loss, 1, boolCount(term.Active))
		}
	default:
		if sel.Triplets == nil && sel.Pairs != nil {
			return t, fmt.Errorf("%w: %s with %s", ErrStrategy, id, l.ID)
		}
		for _, tr := range sel.Triplets {
			term, err := l.Triplet(d.At(tr.A, tr.P), d.At(tr.A, tr.N), p)
			if err != nil {
				return t, err
			}
			t.add(tr.A, term.Loss, 1, boolCount(term.Active))
		}
	}
	return t, nil
}

func boolCount(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
