package loss

import "math"

// Multi-Similarity loss (Wang, Han, Huang, Dong, Scott 2019, CVPR), as
// pytorch-metric-learning's MultiSimilarityLoss computes it with its
// defaults α = 2, β = 50, base λ = 0.5 and no miner: per anchor a,
//
//	(1/α)·log(1 + Σ_p e^(α(d(a,p) − λ))) + (1/β)·log(1 + Σ_n e^(β(λ − d(a,n))))
//
// over every positive p ≠ a and every negative n of the batch, and the
// mean over anchors (its MeanReducer on one element per anchor). The
// conventions, all pytorch-metric-learning's:
//   - On a distance d it uses d − λ and λ − d (BaseDistance.margin); its
//     default, cosine similarity S, uses λ − S and S − λ. On the cosine
//     distance d = 1 − S the two are the same loss, because λ = 0.5 = 1 − λ.
//   - The 1 inside each log is the add_one of its logsumexp: a part is
//     softplus of a log-sum-exp, ≥ 0, and 0 without pairs, as its mask
//     makes an anchor without positives (negatives) cost 0 on that side.
//   - Every anchor counts in the mean, one without positives too (with its
//     negative part); the term is never exactly 0 unless float64 underflows.
//
// On one triplet it is softplus(α(d(a,p) − λ))/α + softplus(β(λ − d(a,n)))/β.
// The gradient: ∂/∂d(a,p) = e^(α(d(a,p) − λ)) / (1 + Σ_p e^(α(d − λ))), the
// positive's softmax weight against the 1, and ∂/∂d(a,n) the negative's,
// with a minus sign.

// MultiSimilarityID is the Multi-Similarity loss's stable ID.
const MultiSimilarityID ID = "multi-similarity"

// The Multi-Similarity loss's fixed parameters (pytorch-metric-learning's defaults).
const (
	MultiSimilarityAlpha = 2.0
	MultiSimilarityBeta  = 50.0
	MultiSimilarityBase  = 0.5
)

func init() {
	register(Loss{ID: MultiSimilarityID, Kind: OnTriplets, Family: TripletFamily, Rank: 4,
		Name: "Multi-Similarity", Short: "multi-sim",
		Formula: "softplus(2(d(a,p) − ½))/2 + softplus(50(½ − d(a,n)))/50",
		Triplet: multiSimilarityTriplet, Anchor: multiSimilarityAnchor, AnchorSorted: multiSimilaritySorted, PerAnchor: true})
}

func multiSimilarityTriplet(dap, dan float64, p Params) (Term, error) {
	ds, g := [2]float64{dap, dan}, [2]float64{}
	v, err := multiSimilarityAnchor(ds[:1], ds[1:], p, g[:1], g[1:])
	return Term{Loss: v.Sum, Active: v.Active > 0, Grad: g}, err
}

// multiSimilarityAnchor is one anchor's term and, with gpos and gneg, its
// derivatives.
func multiSimilarityAnchor(pos, neg []float64, _ Params, gpos, gneg []float64) (AnchorValue, error) {
	pull, err := softLogSum(pos, MultiSimilarityAlpha, 1, "d(a,p)", gpos, 0)
	if err != nil {
		return AnchorValue{}, err
	}
	// The push may leave out what is below 2⁻⁶⁰ of the pull, less than
	// half the last bit of the sum: most far negatives' exps.
	push, err := softLogSum(neg, MultiSimilarityBeta, -1, "d(a,n)", gneg, pull*0x1p-60)
	if err != nil {
		return AnchorValue{}, err
	}
	return multiSimilarityValue(pull, push), nil
}

// multiSimilaritySorted is multiSimilarityAnchor's value, bit for bit, on
// distances that batch code has checked and sorted in increasing order: no
// walk to check them or find the largest exponent, and the push's sum
// stops at the first negative too far to count.
func multiSimilaritySorted(pos, neg []float64, _ Params) (AnchorValue, error) {
	pull := sortedLogSum(pos, MultiSimilarityAlpha, 1, 0)
	push := sortedLogSum(neg, MultiSimilarityBeta, -1, pull*0x1p-60)
	return multiSimilarityValue(pull, push), nil
}

func multiSimilarityValue(pull, push float64) AnchorValue {
	v := AnchorValue{Sum: pull + push, Terms: 1}
	if v.Sum > 0 {
		v.Active = 1
	}
	return v
}

// expIsZero is an exponent below which math.Exp is exactly 0 (e^−745.2 is
// already below half the smallest float64): softLogSum skips those terms,
// which adds nothing to its sum, bit for bit, and saves the exp of most
// far negatives of a batch in many dimensions (c = β = 50 at d ≥ 15.7).
const expIsZero = -760

// softLogSum is (1/c)·log(1 + Σ e^(c·u)) over ds, with u = sign·(d − λ), c > 0,
// and, when grad is not nil, writes each d's derivative sign·e^(c·u)/(1 + Σ)
// into it. It is computed as U + (1/c)·log(e^(−cU) + Σ e^(c(u − U))) with
// U = max(0, u…), so that no exponent overflows however far a distance,
// and with log1p while U = 0, so that a small sum keeps its digits.
//
// The terms e^(c(u − U)) below tol·c/len(ds) are left out: the log's
// argument is at least 1, so together they would add at most tol.
func softLogSum(ds []float64, c, sign float64, field string, grad []float64, tol float64) (float64, error) {
	top := 0.0 // U; the 1 is e^(c·0)
	for _, d := range ds {
		if err := checkDistance(field, d); err != nil {
			return 0, err
		}
		if u := sign * (d - MultiSimilarityBase); u > top { // d is not NaN: no need for max's care
			top = u
		}
	}
	return logSumFrom(ds, c, sign, top, grad, tol, false), nil
}

// sortedLogSum is softLogSum on checked distances in increasing order. u
// is monotonic in d, and so is its rounding: the distance at one end gives
// the largest.
func sortedLogSum(ds []float64, c, sign float64, tol float64) float64 {
	top := 0.0
	if len(ds) > 0 {
		end := ds[len(ds)-1]
		if sign < 0 {
			end = ds[0]
		}
		if u := sign * (end - MultiSimilarityBase); u > top {
			top = u
		}
	}
	return logSumFrom(ds, c, sign, top, nil, tol, true)
}

// logSumFrom is softLogSum given U (top); increasing says ds is sorted.
func logSumFrom(ds []float64, c, sign, top float64, grad []float64, tol float64, increasing bool) float64 {
	var t float64 // Σ e^(c(u − U))
	skip := float64(expIsZero)
	if tol > 0 {
		skip = max(skip, math.Log(tol*c/float64(len(ds))))
	}
	// With the distances increasing and sign < 0 the exponents decrease
	// (in floating point too): the first one skipped ends the sum.
	stop := increasing && sign < 0
	var xs [expChunk]float64 // exponents for addExps, in order
	n := 0
walk:
	for _, d := range ds {
		x := c * (sign*(d-MultiSimilarityBase) - top) // ≤ 0: U is the largest u
		switch {
		case x > skip && inTable(x):
			if n == len(xs) {
				t, n = addExps(t, xs[:]), 0
			}
			xs[n] = x
			n++
		case x > skip: // a subnormal exp, as tableExp gives it
			t, n = addExps(t, xs[:n]), 0
			t += math.Exp(x)
		case stop:
			break walk
		}
	}
	t = addExps(t, xs[:n])
	var logS float64 // log(e^(−cU) + t)
	if top == 0 {
		logS = math.Log1p(t)
	} else {
		logS = math.Log(math.Exp(-c*top) + t)
	}
	for i := range grad { // none when grad is nil
		grad[i] = sign * math.Exp(c*(sign*(ds[i]-MultiSimilarityBase)-top)-logS)
	}
	return top + logS/c
}
