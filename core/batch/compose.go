package batch

import (
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
// order: pair losses over all pairs; anchor-wide losses over every pair of
// each anchor, InfoNCE's term per positive pair averaged over those pairs
// (all-positives, mean), a loss with a term per anchor over the anchors
// (all-pairs, per-anchor mean); triplet losses batch-hard and semi-hard,
// plus all triplets when their terms can be summed in closed form
// (l.Hinge).
func Strategies(l loss.Loss) []Strategy {
	switch {
	case l.Kind == loss.OnPairs:
		return []Strategy{{AllPairs, Mean}}
	case l.Anchor != nil && l.PerAnchor:
		return []Strategy{{AllPairs, PerAnchorMean}}
	case l.Anchor != nil:
		return []Strategy{{AllPositives, Mean}}
	}
	var s []Strategy
	if l.Hinge != loss.NoCurve {
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
	n, _ := d.Dims()
	b := NewBatch(n)
	raw := make([]float64, n*n)
	for i := range n {
		mat.Row(raw[i*n:(i+1)*n], i, d)
	}
	b.Set(raw, labels)
	c := &collector{b: b, loss: l, params: p}
	if err := Mine(b, l, s.Miner, seed, c); err != nil {
		return Value{}, err
	}
	if c.err != nil {
		return Value{}, c.err
	}
	return Value{Value: red.Reduce(c.terms), Terms: totalInt(c.terms.Count), Active: totalInt(c.terms.Active)}, nil
}

// collector visits a selection and keeps every term by anchor.
type collector struct {
	b      *Batch
	loss   loss.Loss
	params loss.Params
	terms  Terms
	err    error
}

func (c *collector) Pairs(i int, js []int) {
	for _, j := range js {
		if c.err != nil {
			return
		}
		term, err := c.loss.Pair(c.b.At(i, j), PairLabel(c.b.Labels, i, j), c.params)
		c.err = err
		c.terms.add(i, term.Loss, 1, boolCount(term.Active))
	}
}

func (c *collector) Triplets(a, p int, ns []int) {
	for _, n := range ns {
		if c.err != nil {
			return
		}
		term, err := c.loss.Triplet(c.b.At(a, p), c.b.At(a, n), c.params)
		c.err = err
		c.terms.add(a, term.Loss, 1, boolCount(term.Active))
	}
}

func (c *collector) Anchor(a int, pos, neg []int) {
	if c.err != nil {
		return
	}
	ds := make([]float64, 0, len(pos)+len(neg))
	for _, j := range pos {
		ds = append(ds, c.b.At(a, j))
	}
	for _, j := range neg {
		ds = append(ds, c.b.At(a, j))
	}
	v, err := c.loss.Anchor(ds[:len(pos)], ds[len(pos):], c.params, nil, nil)
	c.err = err
	c.terms.add(a, v.Sum, int64(v.Terms), int64(v.Active))
}

func boolCount(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
