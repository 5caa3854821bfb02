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
		Triplet: infoNCETriplet, Anchor: infoNCEAnchor})
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
	// s = Σ exp((nearest − d)/τ) ≥ 1. A term below e⁻³⁷ < 2⁻⁵³ is skipped:
	// it changes s by less than its last bit; all of them together by at
	// most (N−1)·2⁻⁵³ relative, far below any tolerance, and the exps saved
	// are most of a large batch.
	inv, far := 1/tau, nearest+skipBeyond*tau
	var s float64
	for _, d := range pos {
		if d <= far { // ≤: far may round to nearest itself
			s += tableExp((nearest - d) * inv)
		}
	}
	for _, d := range neg {
		if d <= far {
			s += tableExp((nearest - d) * inv)
		}
	}
	// Each term is (d_j − nearest)/τ + log s: no large values cancel.
	logS, sum := math.Log(s), 0.0
	for _, d := range pos {
		sum += (d-nearest)*inv + logS
	}
	if math.IsInf(sum, 0) {
		return AnchorValue{}, &InputError{Field: "temperature", Value: tau, Err: ErrOverflow}
	}
	if gpos != nil {
		infoNCEGrad(pos, neg, tau, gpos, gneg)
	}
	// Every term is −log of a probability < 1: active.
	return AnchorValue{Sum: sum, Terms: len(pos), Active: len(pos)}, nil
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
