package batch

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// MinerID is a miner's stable identifier (JSON and flags use it).
type MinerID string

// The miners, after pytorch-metric-learning's split: a miner picks which
// pairs or triplets of a batch a loss is computed on.
const (
	AllPairs        MinerID = "all-pairs"        // every unordered pair i < j
	AllTriplets     MinerID = "all-triplets"     // every valid (a, p, n)
	BatchHard       MinerID = "batch-hard"       // per anchor: farthest positive, nearest negative (Hermans 2017)
	SemiHard        MinerID = "semi-hard"        // per ordered positive pair: TF Addons' rule
	HardestNegative MinerID = "hardest-negative" // per ordered positive pair: the nearest negative
	RandomNegative  MinerID = "random-negative"  // per ordered positive pair: a uniformly random negative (seeded)
	AllPositives    MinerID = "all-positives"    // per ordered positive pair against every other sample (softmax losses)
)

// Triplet is a mined triplet of row indices.
type Triplet struct{ A, P, N int }

// Pair is an unordered pair of row indices, I < J.
type Pair struct{ I, J int }

// Selection is what a miner returns: pairs for pair losses, triplets for
// triplet losses (anchor-wide losses take every positive pair and need none).
type Selection struct {
	Pairs    []Pair
	Triplets []Triplet
}

// Miner picks a selection from a full distance matrix and the labels. The
// composable path uses it on batches small enough to hold N×N distances.
type Miner struct {
	ID   MinerID
	Mine func(d *mat.Dense, labels []int) Selection
}

// Miners returns every miner; RandomNegative draws with seed.
func Miners(seed uint64) []Miner {
	return []Miner{
		{AllPairs, mineAllPairs},
		{AllTriplets, mineAllTriplets},
		{BatchHard, mineBatchHard},
		{SemiHard, minePerPositive(semiHardNegative)},
		{HardestNegative, minePerPositive(hardestNegative)},
		{RandomNegative, mineRandom(seed)},
	}
}

// MinerByID returns the miner with id (RandomNegative seeded with seed).
func MinerByID(id MinerID, seed uint64) (Miner, bool) {
	for _, m := range Miners(seed) {
		if m.ID == id {
			return m, true
		}
	}
	return Miner{}, false
}

func mineAllPairs(d *mat.Dense, _ []int) Selection {
	n, _ := d.Dims()
	var s Selection
	for i := range n {
		for j := i + 1; j < n; j++ {
			s.Pairs = append(s.Pairs, Pair{i, j})
		}
	}
	return s
}

func mineAllTriplets(d *mat.Dense, labels []int) Selection {
	var s Selection
	forPositives(labels, func(a, p int) {
		for q, c := range labels {
			if c != labels[a] {
				s.Triplets = append(s.Triplets, Triplet{a, p, q})
			}
		}
	})
	return s
}

// forPositives calls f for every ordered positive pair (a, p), a ≠ p.
func forPositives(labels []int, f func(a, p int)) {
	for a, ca := range labels {
		for p, cp := range labels {
			if p != a && cp == ca {
				f(a, p)
			}
		}
	}
}

// mineBatchHard takes one triplet per anchor; ties go to the lowest index.
func mineBatchHard(d *mat.Dense, labels []int) Selection {
	var s Selection
	for a, ca := range labels {
		p, q := -1, -1
		for j, c := range labels {
			switch {
			case j == a:
			case c == ca && (p < 0 || d.At(a, j) > d.At(a, p)):
				p = j
			case c != ca && (q < 0 || d.At(a, j) < d.At(a, q)):
				q = j
			}
		}
		if p >= 0 && q >= 0 {
			s.Triplets = append(s.Triplets, Triplet{a, p, q})
		}
	}
	return s
}

// minePerPositive takes one negative per ordered positive pair, chosen by pick.
func minePerPositive(pick func(d *mat.Dense, labels []int, a, p int) int) func(*mat.Dense, []int) Selection {
	return func(d *mat.Dense, labels []int) Selection {
		var s Selection
		forPositives(labels, func(a, p int) {
			if q := pick(d, labels, a, p); q >= 0 {
				s.Triplets = append(s.Triplets, Triplet{a, p, q})
			}
		})
		return s
	}
}

// semiHardNegative is TensorFlow Addons' rule: the nearest negative farther
// than the positive, else the farthest negative.
func semiHardNegative(d *mat.Dense, labels []int, a, p int) int {
	dp := d.At(a, p)
	outside, farthest := -1, -1
	for q, c := range labels {
		if c == labels[a] {
			continue
		}
		dq := d.At(a, q)
		if dq > dp && (outside < 0 || dq < d.At(a, outside)) {
			outside = q
		}
		if farthest < 0 || dq > d.At(a, farthest) {
			farthest = q
		}
	}
	if outside >= 0 {
		return outside
	}
	return farthest
}

func hardestNegative(d *mat.Dense, labels []int, a, _ int) int {
	best := -1
	for q, c := range labels {
		if c != labels[a] && (best < 0 || d.At(a, q) < d.At(a, best)) {
			best = q
		}
	}
	return best
}

func mineRandom(seed uint64) func(*mat.Dense, []int) Selection {
	return func(d *mat.Dense, labels []int) Selection {
		rng := rand.New(rand.NewPCG(seed, 0x6c6f73736c6162)) // a fresh stream per call: the same selection every time
		var s Selection
		forPositives(labels, func(a, p int) {
			var negs []int
			for q, c := range labels {
				if c != labels[a] {
					negs = append(negs, q)
				}
			}
			if len(negs) > 0 {
				s.Triplets = append(s.Triplets, Triplet{a, p, negs[rng.IntN(len(negs))]})
			}
		})
		return s
	}
}
