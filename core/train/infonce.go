package train

import "math"

// infoNCETerm is InfoNCE on distances for one anchor: the positive at dap
// against the negatives at dans, with logits −d/τ:
//
//	L = −log( e^(−dap/τ) / (e^(−dap/τ) + Σₙ e^(−dₙ/τ)) ) = dap/τ + log Σⱼ e^(−dⱼ/τ),
//	∂L/∂dap = (1 − πₚ)/τ,  ∂L/∂dₙ = −πₙ/τ,  π the softmax of the logits.
//
// It writes ∂L/∂dₙ into gdans and returns L and ∂L/∂dap. Local to training
// until core/loss registers InfoNCE (ID "infonce"); then this folds into it.
func infoNCETerm(dap float64, dans []float64, tau float64, gdans []float64) (l, gdap float64) {
	top := -dap / tau // the largest logit, for a stable log-sum-exp
	for _, d := range dans {
		top = math.Max(top, -d/tau)
	}
	sum := math.Exp(-dap/tau - top)
	for _, d := range dans {
		sum += math.Exp(-d/tau - top)
	}
	lse := top + math.Log(sum)
	for i, d := range dans {
		gdans[i] = -math.Exp(-d/tau-lse) / tau
	}
	return dap/tau + lse, (1 - math.Exp(-dap/tau-lse)) / tau
}
