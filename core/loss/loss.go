// Package loss computes contrastive and triplet losses, their variants and
// InfoNCE, with their gradients, from distances; and keeps them in a
// registry (Registry, Lookup, EvaluateAll) so that front ends iterate the
// losses instead of naming them. Adding a loss is one file that registers
// it in its init function, plus its test (see infonce.go).
//
// Conventions (see docs/conventions.md):
//   - Label Same (y = 1) marks a same-class pair, Different (y = 0) the others
//     (Hadsell et al. 2006 use the opposite).
//   - Contrastive loss per pair is ½[y·d² + (1−y)·[m−d]+²], with the ½; over
//     several pairs it is the mean of the per-pair values (the source
//     article's 1/(2N) Σ).
//   - Triplet loss is [d(a,p) − d(a,n) + m]+.
//   - InfoNCE uses the similarity s = −d and a temperature τ > 0 (default
//     0.1): on one triplet softplus((d(a,p) − d(a,n))/τ).
//   - Distances and margins are in the units of the distance in use; losses
//     are in those units (squared for the squared forms), τ in units of d.
//   - Hinges and regime boundaries are decided with the tolerance Tol = 1e-9,
//     so that 0.1 / 0.3 / 0.2 is on the boundary (loss 0, easy) although
//     0.1 − 0.3 + 0.2 is 2.8e-17 in float64.
//   - At a kink the gradient is that of the inactive side (0), as relu does.
//
// Distances must be finite and ≥ 0, margins finite and ≥ 0 (m = 0 is legal);
// anything else is an *InputError naming the input.
package loss

import (
	"errors"
	"fmt"
	"math"
)

// The formulas in losslab's notation, the same in every language; the
// registry's entries use it too (contrastivePairFormula is one pair's term).
// Front ends substitute values into them (explain's PairValue, TripletValue).
const (
	TripletFormula         = "max(d(a,p) − d(a,n) + m, 0)"
	contrastivePairFormula = "½[y·d² + (1−y)·max(m − d, 0)²]"
	ContrastiveFormula     = contrastivePairFormula + " per pair, mean over pairs"
)

// Tol is the tolerance for hinge activity and regime boundaries.
const Tol = 1e-9

// Label says whether a pair shares a class.
type Label uint8

const (
	Different Label = 0 // y = 0
	Same      Label = 1 // y = 1
)

func (y Label) String() string {
	if y == Same {
		return "same"
	}
	return "different"
}

// Y is the label as the number in the formulas.
func (y Label) Y() float64 { return float64(y) }

// Sentinel errors a caller can tell apart with errors.Is.
var (
	ErrDistance = errors.New("distance must be finite and ≥ 0")
	ErrMargin   = errors.New("margin must be finite and ≥ 0")
	ErrLabel    = errors.New("invalid label")
)

// InputError names the offending input of a loss call.
type InputError struct {
	Field string // "d", "d(a,p)", "d(a,n)", "margin"
	Value float64
	Err   error
}

func (e *InputError) Error() string {
	return fmt.Sprintf("%s = %v: %v", e.Field, e.Value, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

func checkDistance(field string, d float64) error {
	if !(d >= 0) || math.IsInf(d, 1) { // !(d >= 0) also catches NaN
		return &InputError{Field: field, Value: d, Err: ErrDistance}
	}
	return nil
}

func checkMargin(m float64) error {
	if !(m >= 0) || math.IsInf(m, 1) {
		return &InputError{Field: "margin", Value: m, Err: ErrMargin}
	}
	return nil
}

// Regime classifies a triplet by where the negative lies (FaceNet's terms).
type Regime uint8

const (
	Hard     Regime = iota // d(a,n) ≤ d(a,p)
	SemiHard               // d(a,p) < d(a,n) < d(a,p) + m
	Easy                   // d(a,n) ≥ d(a,p) + m
)

var regimeNames = [...]string{"hard", "semi-hard", "easy"}

func (r Regime) String() string { return regimeNames[r%3] }

// ClassifyRegime places d(a,n) relative to d(a,p) and d(a,p) + m. Hard wins
// a tie, so with m = 0 a collapsed triplet (0, 0) is hard though its loss is 0.
func ClassifyRegime(dap, dan, m float64) Regime {
	switch {
	case dan <= dap+Tol:
		return Hard
	case dan >= dap+m-Tol:
		return Easy
	}
	return SemiHard
}
