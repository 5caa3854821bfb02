package loss

import "losslab/core/dist"

// OnPoints is what the playground's two losses make of an anchor, a
// positive and a negative given as points (vectors) under a distance: the
// triplet loss [d(a,p) − d(a,n) + m]+ and the contrastive loss as the
// playground reports it, the mean of the pair terms of (a,p) and (a,n) with
// labels y(a,p), y(a,n); and the gradient of each with respect to every
// point, indexed by the points' order a, p, n.
//
// Where two points coincide the direction between them is undefined and
// the gradient through their distance is the subgradient 0 (dist.Grad's
// guard at zero distance; PyTorch's vector_norm takes the same value), so
// that no point ever gets a NaN.
type OnPoints struct {
	Triplet         Triplet
	Pairs           [2]Pair
	Contrastive     float64 // (ℓ(a,p) + ℓ(a,n)) / 2
	TripletGrad     [3][]float64
	ContrastiveGrad [3][]float64
}

// LossesOnPoints computes OnPoints for a, p, n (vectors of one length)
// under metric with margin m, reusing the vector gradients of
// TripletOnVectors and ContrastiveOnVectors.
func LossesOnPoints(metric dist.Metric, a, p, n []float64, m float64, yap, yan Label) (OnPoints, error) {
	var out OnPoints
	t, ga, gp, gn, err := TripletOnVectors(metric, a, p, n, m)
	if err != nil {
		return OnPoints{}, err
	}
	out.Triplet, out.TripletGrad = t, [3][]float64{ga, gp, gn}
	ap, gaAP, gpAP, err := ContrastiveOnVectors(metric, a, p, m, yap)
	if err != nil {
		return OnPoints{}, err
	}
	an, gaAN, gnAN, err := ContrastiveOnVectors(metric, a, n, m, yan)
	if err != nil {
		return OnPoints{}, err
	}
	out.Pairs, out.Contrastive = [2]Pair{ap, an}, (ap.Loss+an.Loss)/2
	ca, cp, cn := make([]float64, len(a)), make([]float64, len(a)), make([]float64, len(a))
	for i := range a {
		ca[i] = unsignedZero((gaAP[i] + gaAN[i]) / 2)
		cp[i] = unsignedZero(gpAP[i] / 2)
		cn[i] = unsignedZero(gnAN[i] / 2)
	}
	out.ContrastiveGrad = [3][]float64{ca, cp, cn}
	return out, nil
}
