package loss

import (
	"fmt"
	"math/big"

	"losslab/internal/numfmt"
)

// The formulas the panels show with their values substituted. Each result
// is computed from its operands exactly as they are written (numfmt's exact
// arithmetic), so that a reader who redoes a formula by hand finds the
// number printed: ½·0.35² = 0.06125, and the mean of the terms shown is the
// mean printed.

// String shows the triplet loss with the values substituted.
func (t Triplet) String() string {
	dap, dan, m := FormatValue(t.DAP), FormatValue(t.DAN), FormatValue(t.Margin)
	hinge := new(big.Rat).Sub(exact(dap), exact(dan))
	hinge.Add(hinge, exact(m))
	return fmt.Sprintf("max(%s − %s + %s, 0) = %s", dap, dan, m, numfmt.Result(positivePart(hinge)))
}

// String shows the pair's branch with the values substituted.
func (p Pair) String() string {
	d := FormatValue(p.D)
	if p.Branch == Pull {
		return fmt.Sprintf("½·%s² = %s", d, p.term())
	}
	return fmt.Sprintf("½·max(%s − %s, 0)² = %s", FormatValue(p.Margin), d, p.term())
}

// term is the pair's loss as its formula writes it: ½·d² or ½·max(m − d, 0)²
// of the operands shown, exact on the 0.01 grid (numfmt.Term).
func (p Pair) term() string {
	base := exact(FormatValue(p.D))
	if p.Branch == Push {
		base = positivePart(new(big.Rat).Sub(exact(FormatValue(p.Margin)), base))
	}
	half := new(big.Rat).Mul(base, base)
	return numfmt.Term(half.Quo(half, big.NewRat(2, 1)))
}

// MeanTerms is the contrastive mean as the panels write it: the two terms
// as the pairs' formulas show them, and their mean computed from those. On
// the 0.01 grid the terms are exact, so the mean is Contrastive rounded.
func (e Evaluation) MeanTerms() (ap, an, mean string) {
	ap, an = e.Pairs[0].term(), e.Pairs[1].term()
	sum := new(big.Rat).Add(exact(ap), exact(an))
	return ap, an, numfmt.Result(sum.Quo(sum, big.NewRat(2, 1)))
}

// exact is the value of a number this package wrote; numfmt writes finite
// numbers only for the finite inputs every loss checks.
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
