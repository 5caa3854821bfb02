package explain

import (
	"fmt"
	"math/big"

	"losslab/core/loss"
	"losslab/internal/numfmt"
)

// The classic losses' formulas with the values substituted, as the
// playground, the course and `losslab eval` show them: distances and the
// margin by the input rule (internal/numfmt). Core computes; the words and
// numbers on screen are made here. Each result is computed from its
// operands exactly as they are written (numfmt's exact arithmetic), so that
// a reader who redoes a formula by hand finds the number printed:
// ½·0.35² = 0.06125, and the mean of the terms shown is the mean printed.

// TripletValue is max(d(a,p) − d(a,n) + m, 0) = L with t's values.
func TripletValue(t loss.Triplet) string {
	dap, dan, m := numfmt.Input(t.DAP), numfmt.Input(t.DAN), numfmt.Input(t.Margin)
	hinge := new(big.Rat).Sub(exact(dap), exact(dan))
	hinge.Add(hinge, exact(m))
	return fmt.Sprintf("max(%s − %s + %s, 0) = %s", dap, dan, m, numfmt.Result(positivePart(hinge)))
}

// PairValue is the contrastive term of p's branch with its values:
// ½·d² = L when pulling, ½·max(m − d, 0)² = L when pushing.
func PairValue(p loss.Pair) string {
	d := numfmt.Input(p.D)
	if p.Branch == loss.Pull {
		return fmt.Sprintf("½·%s² = %s", d, pairTerm(p))
	}
	return fmt.Sprintf("½·max(%s − %s, 0)² = %s", numfmt.Input(p.Margin), d, pairTerm(p))
}

// pairTerm is the pair's loss as its formula writes it: ½·d² or
// ½·max(m − d, 0)² of the operands shown, exact on the 0.01 grid
// (numfmt.Term).
func pairTerm(p loss.Pair) string {
	base := exact(numfmt.Input(p.D))
	if p.Branch == loss.Push {
		base = positivePart(new(big.Rat).Sub(exact(numfmt.Input(p.Margin)), base))
	}
	half := new(big.Rat).Mul(base, base)
	return numfmt.Term(half.Quo(half, big.NewRat(2, 1)))
}

// MeanTerms is the contrastive mean as the panels write it: the two terms
// as the pairs' formulas show them, and their mean computed from those. On
// the 0.01 grid the terms are exact, so the mean is e.Contrastive rounded.
func MeanTerms(e loss.Evaluation) (ap, an, mean string) {
	ap, an = pairTerm(e.Pairs[0]), pairTerm(e.Pairs[1])
	sum := new(big.Rat).Add(exact(ap), exact(an))
	return ap, an, numfmt.Result(sum.Quo(sum, big.NewRat(2, 1)))
}

// exact is the value of a number numfmt wrote; it writes finite numbers
// only for the finite inputs every loss checks.
func exact(s string) *big.Rat {
	r, ok := numfmt.Exact(s)
	if !ok {
		return new(big.Rat)
	}
	return r
}

// positivePart is max(r, 0).
func positivePart(r *big.Rat) *big.Rat {
	if r.Sign() < 0 {
		return new(big.Rat)
	}
	return r
}
