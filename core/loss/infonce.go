package loss

import "math"

// InfoNCE (van den Oord et al. 2018), in SupCon's supervised form: per
// positive pair (i, j),
//
//	−log( exp(s_ij/τ) / Σ_{k≠i} exp(s_ik/τ) ),
//
// averaged over positive pairs, with the similarity s = −d of the distance in
// use. On cosine distance s = cos − 1: the softmax ignores the constant, so
// this is the loss on cosine similarity, SupCon's (SimCLR's NT-Xent with one
// positive per anchor); only there is it named so. On one triplet it is
// softplus((d(a,p) − d(a,n))/τ): the soft-margin triplet at τ = 1.

// InfoNCEID is the InfoNCE loss's stable ID.
const InfoNCEID ID = "infonce"

// infoNCETemperature is SupCon's default τ.
const infoNCETemperature = 0.1

func init() {
	register(Loss{ID: InfoNCEID, Kind: OnTriplets, Family: TripletFamily, Rank: 3,
		UsesTemperature: true, DefaultTemperature: infoNCETemperature,
		Name: "InfoNCE", Short: "InfoNCE", Formula: "softplus((d(a,p) − d(a,n))/τ)",
		Equals:  Equivalence{ID: SoftMarginID, Params: Params{Temperature: 1}},
		Triplet: infoNCETriplet, Anchor: infoNCEAnchor, AnchorSorted: infoNCESorted})
}

func infoNCETriplet(dap, dan float64, p Params) (Term, error) {
	if err := checkDistance("d(a,p)", dap); err != nil {
		return Term{}, err
	}
	if err := checkDistance("d(a,n)", dan); err != nil {
		return Term{}, err
	}
	tau, err := temperature(p)
	if err != nil {
		return Term{}, err
	}
	x := (dap - dan) / tau
	if math.IsInf(x, 1) {
		return Term{}, &InputError{Field: "temperature", Value: tau, Err: ErrOverflow}
	}
	g := Sigmoid(x) / tau
	if math.IsInf(g, 0) {
		return Term{}, &InputError{Field: "temperature", Value: tau, Err: ErrOverflow}
	}
	// Like softplus, 0 only where float64 underflows.
	l := Softplus(x)
	return Term{Loss: l, Active: l > 0, Grad: [2]float64{g, -g}}, nil
}

// infoNCEAnchor sums, over the anchor's positives j, d_j/τ + log Σ_k exp(−d_k/τ)
// (k over positives and negatives), the log-sum-exp shifted by its largest
// exponent so that no exp overflows or every one underflows; with gpos and
// gneg it writes the derivatives (infoNCEGrad). An anchor without positives
// has no term.
func infoNCEAnchor(pos, neg []float64, p Params, gpos, gneg []float64) (AnchorValue, error) {
	tau, err := temperature(p)
	if err != nil || len(pos) == 0 {
		clear(gneg)
		return AnchorValue{}, err
	}
	nearest := math.Inf(1)
	for _, d := range pos {
		if err := checkDistance("d(a,p)", d); err != nil {
			return AnchorValue{}, err
		}
		if d < nearest {
			nearest = d
		}
	}
	for _, d := range neg {
		if err := checkDistance("d(a,n)", d); err != nil {
			return AnchorValue{}, err
		}
		if d < nearest {
			nearest = d
		}
	}
	v, err := infoNCESum(pos, neg, tau, nearest, false)
	if err == nil && gpos != nil {
		infoNCEGrad(pos, neg, tau, gpos, gneg)
	}
	return v, err
}

// infoNCESorted is infoNCEAnchor's value, bit for bit, on distances that
// batch code has checked and sorted in increasing order: no walk to check
// them or find the nearest, and each sum of exps stops at the first
// distance too far to count.
func infoNCESorted(pos, neg []float64, p Params) (AnchorValue, error) {
	tau, err := temperature(p)
	if err != nil || len(pos) == 0 {
		return AnchorValue{}, err
	}
	nearest := pos[0]
	if len(neg) > 0 && neg[0] < nearest {
		nearest = neg[0]
	}
	return infoNCESum(pos, neg, tau, nearest, true)
}

// infoNCESum is the anchor's InfoNCE sum given its nearest distance;
// increasing says pos and neg are each sorted.
func infoNCESum(pos, neg []float64, tau, nearest float64, increasing bool) (AnchorValue, error) {
	// s = Σ exp((nearest − d)/τ) ≥ 1. A term below e⁻³⁷ < 2⁻⁵³ is skipped:
	// it changes s by less than its last bit; all of them together by at
	// most (N−1)·2⁻⁵³ relative, far below any tolerance, and the exps saved
	// are most of a large batch.
	inv, far := 1/tau, nearest+skipBeyond*tau
	s := addExpsWithin(0, pos, nearest, inv, far, increasing)
	s = addExpsWithin(s, neg, nearest, inv, far, increasing)
	// Each term is (d_j − nearest)/τ + log s: no large values cancel.
	logS, sum := math.Log(s), 0.0
	for _, d := range pos {
		sum += (d-nearest)*inv + logS
	}
	if math.IsInf(sum, 0) {
		return AnchorValue{}, &InputError{Field: "temperature", Value: tau, Err: ErrOverflow}
	}
	// Every term is −log of a probability < 1: active.
	return AnchorValue{Sum: sum, Terms: len(pos), Active: len(pos)}, nil
}

// addExpsWithin adds exp((nearest − d)·inv) to s for each d of ds up to
// far, in order; increasing says ds is sorted, so that the first beyond
// far ends the sum.
func addExpsWithin(s float64, ds []float64, nearest, inv, far float64, increasing bool) float64 {
	// Each exponent is in [−37, 0] (d is at most far and at least nearest):
	// inTable.
	var xs [expChunk]float64
	n := 0
	for _, d := range ds {
		if d <= far { // ≤: far may round to nearest itself
			if n == len(xs) {
				s, n = addExps(s, xs[:]), 0
			}
			xs[n] = (nearest - d) * inv
			n++
		} else if increasing {
			break
		}
	}
	return addExps(s, xs[:n])
}

// infoNCEGrad writes the derivatives of infoNCEAnchor's sum into gpos and
// gneg:
//
//	∂L/∂d_j = 1/τ − P·π_j/τ for a positive j,  ∂L/∂d_n = −P·π_n/τ for a negative n,
//
// with P the anchor's number of positives and π the softmax of −d/τ over
// all k.
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

// skipBeyond is the exponent, in units of τ, past which exp(−x) < 2⁻⁵³.
const skipBeyond = 37

func temperature(p Params) (float64, error) {
	tau := p.Temperature
	if tau == 0 {
		tau = infoNCETemperature
	}
	if !(tau > 0) || math.IsInf(tau, 1) {
		return 0, &InputError{Field: "temperature", Value: p.Temperature, Err: ErrTemperature}
	}
	return tau, nil
}
