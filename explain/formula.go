package explain

import (
	"fmt"

	"losslab/core/loss"
	"losslab/internal/numfmt"
)

// The classic losses' formulas with the values substituted, as the
// playground, the course and `losslab eval` show them: distances and the
// margin by the input rule, the loss by the loss rule (internal/numfmt).
// Core computes; the words and numbers on screen are made here.

// TripletValue is max(d(a,p) − d(a,n) + m, 0) = L with t's values.
func TripletValue(t loss.Triplet) string {
	return fmt.Sprintf("max(%s − %s + %s, 0) = %s", numfmt.Input(t.DAP), numfmt.Input(t.DAN), numfmt.Input(t.Margin), numfmt.Loss(t.Loss))
}

// PairValue is the contrastive term of p's branch with its values:
// ½·d² = L when pulling, ½·max(m − d, 0)² = L when pushing.
func PairValue(p loss.Pair) string {
	if p.Branch == loss.Pull {
		return fmt.Sprintf("½·%s² = %s", numfmt.Input(p.D), numfmt.Loss(p.Loss))
	}
	return fmt.Sprintf("½·max(%s − %s, 0)² = %s", numfmt.Input(p.Margin), numfmt.Input(p.D), numfmt.Loss(p.Loss))
}
