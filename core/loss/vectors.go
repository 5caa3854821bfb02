package loss

import "losslab/core/dist"

// TripletOnVectors computes the triplet loss of embeddings a, p, n under a
// distance, and ∂L/∂a, ∂L/∂p, ∂L/∂n by the chain rule through the distances
// (with dist's subgradient 0 where a distance has a kink).
func TripletOnVectors(metric dist.Metric, a, p, n []float64, m float64) (t Triplet, ga, gp, gn []float64, err error) {
	k := len(a)
	buf := make([]float64, 4*k)
	dapA, dapP, danA, danN := buf[:k], buf[k:2*k], buf[2*k:3*k], buf[3*k:]
	dap, err := metric.Grad(a, p, dapA, dapP)
	if err != nil {
		return Triplet{}, nil, nil, nil, err
	}
	dan, err := metric.Grad(a, n, danA, danN)
	if err != nil {
		return Triplet{}, nil, nil, nil, err
	}
	if t, err = TripletLoss(dap, dan, m); err != nil {
		return Triplet{}, nil, nil, nil, err
	}
	ga, gp, gn = make([]float64, k), make([]float64, k), make([]float64, k)
	for i := range k {
		ga[i] = unsignedZero(t.GradDAP*dapA[i] + t.GradDAN*danA[i])
		gp[i] = unsignedZero(t.GradDAP * dapP[i])
		gn[i] = unsignedZero(t.GradDAN * danN[i])
	}
	return t, ga, gp, gn, nil
}

// ContrastiveOnVectors computes the contrastive loss of the pair (u, v) with
// label y under a distance, and ∂L/∂u, ∂L/∂v through the distance.
func ContrastiveOnVectors(metric dist.Metric, u, v []float64, m float64, y Label) (p Pair, gu, gv []float64, err error) {
	gu, gv = make([]float64, len(u)), make([]float64, len(v))
	d, err := metric.Grad(u, v, gu, gv)
	if err != nil {
		return Pair{}, nil, nil, err
	}
	if p, err = ContrastivePair(d, m, y); err != nil {
		return Pair{}, nil, nil, err
	}
	for i := range gu {
		gu[i] = unsignedZero(gu[i] * p.Grad)
		gv[i] = unsignedZero(gv[i] * p.Grad)
	}
	return p, gu, gv, nil
}

// unsignedZero turns -0 (a 0 times a negative factor) into 0, so that no
// report shows a sign on a zero gradient.
func unsignedZero(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x
}
