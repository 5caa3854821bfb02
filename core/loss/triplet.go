package loss

import "math"

// Triplet is the result of the triplet loss [d(a,p) − d(a,n) + m]+ with its
// explanation: the inputs, the hinge argument, and the gradients.
type Triplet struct {
	DAP, DAN, Margin float64
	Hinge            float64 // d(a,p) − d(a,n) + m, before the max
	Loss             float64
	Active           bool // Hinge > Tol: the loss and its gradient are non-zero
	Regime           Regime
	GradDAP, GradDAN float64 // ∂L/∂d(a,p), ∂L/∂d(a,n)
}

// TripletLoss computes the hinge triplet loss.
func TripletLoss(dap, dan, m float64) (Triplet, error) {
	if err := checkTriplet(dap, dan, m); err != nil {
		return Triplet{}, err
	}
	t := Triplet{DAP: dap, DAN: dan, Margin: m, Hinge: dap - dan + m}
	t.Loss, t.Active, t.Regime, t.GradDAP, t.GradDAN = hinge(dap, dan, 1, 1, m)
	return t, nil
}

// hinge is the term max(gp − gn + m, 0) of a triplet whose distances g
// maps to gp and gn (g increasing, with derivatives dgp and dgn there):
// active above Tol, with the gradients dgp and −dgn then and 0 otherwise,
// its regime by gp and gn. It is the one hinge rule of the triplet and
// squared triplet losses, their Triplet and their Row.
func hinge(gp, gn, dgp, dgn, m float64) (loss float64, active bool, r Regime, gradP, gradN float64) {
	r = ClassifyRegime(gp, gn, m)
	if h := gp - gn + m; h > Tol {
		return h, true, r, dgp, -dgn
	}
	return 0, false, r, 0, 0
}

// setHinge makes t the hinge term (hinge), in place.
func (t *Term) setHinge(gp, gn, dgp, dgn, m float64) {
	t.Loss, t.Active, t.Regime, t.Grad[0], t.Grad[1] = hinge(gp, gn, dgp, dgn, m)
}

func checkTriplet(dap, dan, m float64) error {
	if err := checkDistance("d(a,p)", dap); err != nil {
		return err
	}
	if err := checkDistance("d(a,n)", dan); err != nil {
		return err
	}
	return checkMargin(m)
}

// SquaredTripletLoss is FaceNet's [d(a,p)² − d(a,n)² + m]+ on plain
// distances; its gradients are 2d(a,p) and −2d(a,n) while active, and its
// regime is that of the squared distances, which the hinge compares.
func SquaredTripletLoss(dap, dan, m float64) (Triplet, error) {
	if err := checkTriplet(dap, dan, m); err != nil {
		return Triplet{}, err
	}
	t := Triplet{DAP: dap, DAN: dan, Margin: m, Hinge: dap*dap - dan*dan + m}
	t.Loss, t.Active, t.Regime, t.GradDAP, t.GradDAN = hinge(dap*dap, dan*dan, 2*dap, 2*dan, m)
	return t, nil
}

// SoftMargin is the soft-margin triplet softplus(d(a,p) − d(a,n)) (Hermans
// et al. 2017): no margin, never exactly zero.
type SoftMargin struct {
	Loss             float64
	GradDAP, GradDAN float64 // σ(x), −σ(x)
}

// SoftMarginTripletLoss computes softplus(d(a,p) − d(a,n)) without overflow.
func SoftMarginTripletLoss(dap, dan float64) (SoftMargin, error) {
	if err := checkDistance("d(a,p)", dap); err != nil {
		return SoftMargin{}, err
	}
	if err := checkDistance("d(a,n)", dan); err != nil {
		return SoftMargin{}, err
	}
	x := dap - dan
	s := Sigmoid(x)
	return SoftMargin{Loss: Softplus(x), GradDAP: s, GradDAN: -s}, nil
}

// Softplus is ln(1 + eˣ), computed without overflow for any x.
func Softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

// SoftplusNearZero is Softplus by its Taylor series about 0 where |x| ≤ 1/8,
//
//	ln 2 + x/2 + x²/8 − x⁴/192 + x⁶/2880 − 17x⁸/645120 + 31x¹⁰/14515200,
//
// whose first omitted term is below 3e-18 there (an alternating series of
// shrinking terms: the error is below it), and Softplus elsewhere. With the
// rounding of the sum it stays within GapTolerance of Softplus, and costs a
// few multiplications instead of an exp and a log1p: a semi-hard negative
// lies just beyond its positive, so that mining puts most soft-margin terms
// near 0.
func SoftplusNearZero(x float64) float64 {
	if !(math.Abs(x) <= 0.125) {
		return Softplus(x)
	}
	z := x * x
	return math.Ln2 + x/2 + z*(1.0/8+z*(-1.0/192+z*(1.0/2880+z*(-17.0/645120+z*(31.0/14515200)))))
}

// Sigmoid is 1/(1 + e⁻ˣ), computed without overflow for any x.
func Sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
