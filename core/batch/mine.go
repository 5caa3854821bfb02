package batch

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"losslab/core/loss"
)

// MinerID is a miner's stable identifier (JSON and flags use it).
type MinerID string

// The miners, after pytorch-metric-learning's split: a miner picks which
// pairs or triplets of a batch a loss is computed on.
const (
	AllPairs        MinerID = "all-pairs"        // every unordered pair i < j; for an anchor-wide loss, every pair of each anchor
	AllTriplets     MinerID = "all-triplets"     // every valid (a, p, n)
	BatchHard       MinerID = "batch-hard"       // per anchor: farthest positive, nearest negative (Hermans 2017)
	SemiHard        MinerID = "semi-hard"        // per ordered positive pair: TF Addons' rule
	HardestNegative MinerID = "hardest-negative" // per ordered positive pair: the nearest negative
	RandomNegative  MinerID = "random-negative"  // per ordered positive pair: a uniformly random negative (seeded)
	AllPositives    MinerID = "all-positives"    // per ordered positive pair against every other sample (softmax losses)
)

// Batch is a batch as miners read it: the distances between its samples,
// row-major (D[i*n+j] for n samples), their labels, and scratch for one
// anchor's positives and negatives, so that mining allocates nothing.
type Batch struct {
	D             []float64
	Labels        []int
	pos, neg, all []int // all: 0, 1, …, the indices of every sample
}

// NewBatch returns a Batch with scratch for up to n samples.
func NewBatch(n int) *Batch {
	b := &Batch{}
	b.grow(n)
	return b
}

func (b *Batch) grow(n int) {
	b.pos, b.neg, b.all = make([]int, n), make([]int, n), make([]int, n)
	for i := range b.all {
		b.all[i] = i
	}
}

// Set points b at the distances d (len(labels)² values, row-major) of the
// samples with labels.
func (b *Batch) Set(d []float64, labels []int) {
	if n := len(labels); n > len(b.all) {
		b.grow(n)
	}
	b.D, b.Labels = d, labels
}

// At is the distance between samples i and j.
func (b *Batch) At(i, j int) float64 { return b.D[i*len(b.Labels)+j] }

// row is anchor a's distances.
func (b *Batch) row(a int) []float64 { n := len(b.Labels); return b.D[a*n : (a+1)*n] }

// split writes anchor a's positives (j ≠ a of its class) and negatives into
// the scratch, each in increasing index order.
func (b *Batch) split(a int) (pos, neg []int) {
	np, nn := 0, 0
	for j, c := range b.Labels {
		switch {
		case j == a:
		case c == b.Labels[a]:
			b.pos[np] = j
			np++
		default:
			b.neg[nn] = j
			nn++
		}
	}
	return b.pos[:np], b.neg[:nn]
}

// Visitor receives a miner's selection in the miner's fixed order: anchor
// by anchor, positives and negatives in index order. Mining allocates
// nothing; the visitor (Compose here, the training objective in
// core/train) decides what to compute and keep. The slices are the
// Batch's scratch, valid during the call.
type Visitor interface {
	// Pairs are the unordered pairs (i, j) for every j of js, all > i, for
	// a pair loss, whose anchor is i.
	Pairs(i int, js []int)
	// Triplets are the triplets (a, p, n) for every n of ns, for a triplet loss.
	Triplets(a, p int, ns []int)
	// Anchor is an anchor with all its positives and negatives, for an
	// anchor-wide loss (loss.Loss.Anchor), which takes every pair of each anchor.
	Anchor(a int, pos, neg []int)
}

// ErrStrategy: the miner does not fit the loss (pairs for a triplet loss, …).
var ErrStrategy = errors.New("miner does not fit the loss")

// Mine visits, on b, the selection of miner id for loss l: every pair for
// a pair loss (all-pairs), every anchor for an anchor-wide loss
// (all-positives or all-pairs, which both take every pair of each anchor),
// the triplets the miner picks for a triplet loss. seed drives
// RandomNegative: the same selection for the same seed.
func Mine(b *Batch, l loss.Loss, id MinerID, seed uint64, v Visitor) error {
	switch {
	case l.Anchor != nil:
		if id != AllPositives && id != AllPairs {
			return fmt.Errorf("%w: %s with %s", ErrStrategy, id, l.ID)
		}
		for a := range b.Labels {
			pos, neg := b.split(a)
			v.Anchor(a, pos, neg)
		}
		return nil
	case l.Kind == loss.OnPairs:
		if id != AllPairs {
			return fmt.Errorf("%w: %s with %s", ErrStrategy, id, l.ID)
		}
		for i := range b.Labels {
			v.Pairs(i, b.all[i+1:len(b.Labels)])
		}
		return nil
	}
	pick, ok := negativePicks[id]
	switch {
	case id == AllTriplets:
		for a := range b.Labels {
			pos, neg := b.split(a)
			for _, p := range pos {
				v.Triplets(a, p, neg)
			}
		}
	case id == BatchHard:
		mineBatchHard(b, v)
	case ok:
		var rng *rand.Rand
		if id == RandomNegative {
			rng = rand.New(rand.NewPCG(seed, 0x6c6f73736c6162)) // a fresh stream per call
		}
		for a := range b.Labels {
			row := b.row(a)
			pos, neg := b.split(a)
			for _, p := range pos {
				if k := pick(row, row[p], neg, rng); k >= 0 {
					v.Triplets(a, p, neg[k:k+1])
				}
			}
		}
	case id == AllPairs || id == AllPositives:
		return fmt.Errorf("%w: %s with %s", ErrStrategy, id, l.ID)
	default:
		return fmt.Errorf("unknown miner %q", id)
	}
	return nil
}

// mineBatchHard takes one triplet per anchor, its farthest positive and its
// nearest negative; ties go to the lowest index.
func mineBatchHard(b *Batch, v Visitor) {
	for a := range b.Labels {
		row := b.row(a)
		pos, neg := b.split(a)
		p, k := -1, -1
		for _, j := range pos {
			if p < 0 || row[j] > row[p] {
				p = j
			}
		}
		for i, j := range neg {
			if k < 0 || row[j] < row[neg[k]] {
				k = i
			}
		}
		if p >= 0 && k >= 0 {
			v.Triplets(a, p, neg[k:k+1])
		}
	}
}

// negativePicks choose, for an ordered positive pair at distance dp, one of
// the anchor's negatives neg (by its place in neg; −1 for none) from the
// anchor's row of distances.
var negativePicks = map[MinerID]func(row []float64, dp float64, neg []int, rng *rand.Rand) int{
	SemiHard:        semiHardNegative,
	HardestNegative: hardestNegative,
	RandomNegative:  randomNegative,
}

// semiHardNegative is TensorFlow Addons' rule: the nearest negative farther
// than the positive, else the farthest negative; ties go to the lowest index.
func semiHardNegative(row []float64, dp float64, neg []int, _ *rand.Rand) int {
	outside, farthest := -1, -1
	for i, q := range neg {
		dq := row[q]
		if dq > dp && (outside < 0 || dq < row[neg[outside]]) {
			outside = i
		}
		if farthest < 0 || dq > row[neg[farthest]] {
			farthest = i
		}
	}
	if outside >= 0 {
		return outside
	}
	return farthest
}

func hardestNegative(row []float64, _ float64, neg []int, _ *rand.Rand) int {
	best := -1
	for i, q := range neg {
		if best < 0 || row[q] < row[neg[best]] {
			best = i
		}
	}
	return best
}

// randomNegative draws one negative uniformly.
func randomNegative(_ []float64, _ float64, neg []int, rng *rand.Rand) int {
	if len(neg) == 0 {
		return -1
	}
	return rng.IntN(len(neg))
}

// PairLabel is the label of the pair (i, j): Same when they share a class.
func PairLabel(labels []int, i, j int) loss.Label {
	if labels[i] == labels[j] {
		return loss.Same
	}
	return loss.Different
}
