package batch

import (
	"math/rand/v2"
	"slices"

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

// Distances is a full n×n distance matrix, row-major, the input of every
// miner: D[i*N+j] is the distance between samples i and j.
type Distances struct {
	D []float64
	N int
}

// At is the distance between samples i and j.
func (d Distances) At(i, j int) float64 { return d.D[i*d.N+j] }

// Visitor receives a miner's selection one pair or triplet at a time, in
// the miner's fixed order, so that mining allocates nothing and the visitor
// (Compose here, the training objective in core/train) decides what to
// compute and keep. A visitor implements the method its loss needs.
type Visitor interface {
	Pair(i, j int)       // an unordered pair, i < j
	Triplet(a, p, n int) // a valid triplet: a ≠ p of one class, n of another
}

// AnchorVisitor receives every anchor of a batch with the indices of its
// positives and of its negatives: the selection of an anchor-wide loss
// (loss.Loss.Anchor), which takes every pair of each anchor. The slices are
// the caller's scratch, valid during the call.
type AnchorVisitor interface {
	Anchor(a int, pos, neg []int)
}

// Miner picks the pairs (Pairs) or the triplets a loss is computed on.
type Miner struct {
	ID    MinerID
	Pairs bool
	// Mine visits the selection of a batch with distances d and labels;
	// seed drives RandomNegative, the same selection for the same seed.
	Mine func(d Distances, labels []int, seed uint64, v Visitor)
}

var miners = [...]Miner{
	{AllPairs, true, mineAllPairs},
	{AllTriplets, false, mineAllTriplets},
	{BatchHard, false, mineBatchHard},
	{SemiHard, false, perPositive(semiHardNegative)},
	{HardestNegative, false, perPositive(hardestNegative)},
	{RandomNegative, false, mineRandom},
}

// Miners returns every miner of pairs or triplets; the slice is the caller's own.
func Miners() []Miner { return slices.Clone(miners[:]) }

// MinerByID returns the miner with id.
func MinerByID(id MinerID) (Miner, bool) {
	for _, m := range miners {
		if m.ID == id {
			return m, true
		}
	}
	return Miner{}, false
}

// TakesEveryPair says whether a strategy with miner id suits an anchor-wide
// loss: all-positives (a term per positive pair) and all-pairs (a term per
// anchor) both hand it every pair of each anchor.
func TakesEveryPair(id MinerID) bool { return id == AllPositives || id == AllPairs }

// VisitAnchors calls v.Anchor for every anchor in order with its positives
// (j ≠ a of its class) and its negatives, each in increasing index order;
// pos and neg are scratch of at least len(labels) entries.
func VisitAnchors(labels []int, pos, neg []int, v AnchorVisitor) {
	for a, ca := range labels {
		np, nn := 0, 0
		for j, c := range labels {
			switch {
			case j == a:
			case c == ca:
				pos[np] = j
				np++
			default:
				neg[nn] = j
				nn++
			}
		}
		v.Anchor(a, pos[:np], neg[:nn])
	}
}

// PairLabel is the label of the pair (i, j): Same when they share a class.
func PairLabel(labels []int, i, j int) loss.Label {
	if labels[i] == labels[j] {
		return loss.Same
	}
	return loss.Different
}

func mineAllPairs(d Distances, _ []int, _ uint64, v Visitor) {
	for i := range d.N {
		for j := i + 1; j < d.N; j++ {
			v.Pair(i, j)
		}
	}
}

func mineAllTriplets(_ Distances, labels []int, _ uint64, v Visitor) {
	for a, ca := range labels {
		for p, cp := range labels {
			if p == a || cp != ca {
				continue
			}
			for n, cn := range labels {
				if cn != ca {
					v.Triplet(a, p, n)
				}
			}
		}
	}
}

// mineBatchHard takes one triplet per anchor, its farthest positive and its
// nearest negative; ties go to the lowest index.
func mineBatchHard(d Distances, labels []int, _ uint64, v Visitor) {
	for a, ca := range labels {
		row := d.D[a*d.N : (a+1)*d.N]
		p, q := -1, -1
		for j, c := range labels {
			switch {
			case j == a:
			case c == ca:
				if p < 0 || row[j] > row[p] {
					p = j
				}
			default:
				if q < 0 || row[j] < row[q] {
					q = j
				}
			}
		}
		if p >= 0 && q >= 0 {
			v.Triplet(a, p, q)
		}
	}
}

// perPositive takes one negative per ordered positive pair (a, p), chosen
// by pick from the anchor's row (−1: none).
func perPositive(pick func(row []float64, labels []int, a, p int) int) func(Distances, []int, uint64, Visitor) {
	return func(d Distances, labels []int, _ uint64, v Visitor) {
		for a, ca := range labels {
			row := d.D[a*d.N : (a+1)*d.N]
			for p, cp := range labels {
				if p == a || cp != ca {
					continue
				}
				if q := pick(row, labels, a, p); q >= 0 {
					v.Triplet(a, p, q)
				}
			}
		}
	}
}

// semiHardNegative is TensorFlow Addons' rule: the nearest negative farther
// than the positive, else the farthest negative; ties go to the lowest index.
func semiHardNegative(row []float64, labels []int, a, p int) int {
	dp := row[p]
	outside, farthest := -1, -1
	for q, c := range labels {
		if c == labels[a] {
			continue
		}
		dq := row[q]
		if dq > dp && (outside < 0 || dq < row[outside]) {
			outside = q
		}
		if farthest < 0 || dq > row[farthest] {
			farthest = q
		}
	}
	if outside >= 0 {
		return outside
	}
	return farthest
}

func hardestNegative(row []float64, labels []int, a, _ int) int {
	best := -1
	for q, c := range labels {
		if c != labels[a] && (best < 0 || row[q] < row[best]) {
			best = q
		}
	}
	return best
}

// mineRandom draws, per ordered positive pair, one of the anchor's
// negatives uniformly, from a fresh stream per call: the same selection
// every time for one seed.
func mineRandom(_ Distances, labels []int, seed uint64, v Visitor) {
	src := rand.NewPCG(seed, 0x6c6f73736c6162)
	rng := rand.New(src)
	for a, ca := range labels {
		negatives := 0
		for _, c := range labels {
			if c != ca {
				negatives++
			}
		}
		if negatives == 0 {
			continue
		}
		for p, cp := range labels {
			if p == a || cp != ca {
				continue
			}
			v.Triplet(a, p, nthNegative(labels, ca, rng.IntN(negatives)))
		}
	}
}

// nthNegative is the index of the k-th sample (from 0) not of class c.
func nthNegative(labels []int, c, k int) int {
	for q, cq := range labels {
		if cq != c {
			if k == 0 {
				return q
			}
			k--
		}
	}
	return -1
}
