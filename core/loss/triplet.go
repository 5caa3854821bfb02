package loss

import (
	"math"
)

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
	t := Triplet{DAP: dap, DAN: dan, Margin: m, Hinge: dap - dan + m, Regime: ClassifyRegime(dap, dan, m)}
	if t.Hinge > Tol {
		t.Loss, t.Active, t.GradDAP, t.GradDAN = t.Hinge, true, 1, -1
	}
	return t, nil
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
// distances; its gradients are 2d(a,p) and −2d(a,n) while active.
func SquaredTripletLoss(dap, dan, m float64) (Triplet, error) {
	if err := checkTriplet(dap, dan, m); err != nil {
		return Triplet{}, err
	}
	// The regime is that of the squared distances, which the hinge compares.
	t := Triplet{DAP: dap, DAN: dan, Margin: m, Hinge: dap*dap - dan*dan + m, Regime: ClassifyRegime(dap*dap, dan*dan, m)}
	if t.Hinge > Tol {
		t.Loss, t.Active, t.GradDAP, t.GradDAN = t.Hinge, true, 2*dap, -2*dan
	}
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

// Sigmoid is 1/(1 + e⁻ˣ), computed without overflow for any x.
func Sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
