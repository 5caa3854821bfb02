package train

import "math"

// infoNCEGrad is the derivative of the registry's InfoNCE for one anchor
// (core/loss, ID "infonce": per positive j, d_j/τ + log Σ_k e^(−d_k/τ), k over
// every other sample), which the registry computes without a gradient:
//
//	∂L/∂d_j = 1/τ − P·π_j/τ for a positive j,  ∂L/∂d_n = −P·π_n/τ for a negative n,
//
// with P the anchor's number of positives and π the softmax of −d/τ over
// all k. It writes the derivatives into gpos and gneg.
func infoNCEGrad(pos, neg []float64, tau float64, gpos, gneg []float64) {
	top := math.Inf(-1) // the largest exponent, for a stable log-sum-exp
	for _, d := range pos {
		top = math.Max(top, -d/tau)
	}
	for _, d := range neg {
		top = math.Max(top, -d/tau)
	}
	var sum float64
	for _, d := range pos {
		sum += math.Exp(-d/tau - top)
	}
	for _, d := range neg {
		sum += math.Exp(-d/tau - top)
	}
	lse, p := top+math.Log(sum), float64(len(pos))
	for i, d := range pos {
		gpos[i] = (1 - p*math.Exp(-d/tau-lse)) / tau
	}
	for i, d := range neg {
		gneg[i] = -p * math.Exp(-d/tau-lse) / tau
	}
}
