package cli

import (
	"errors"
	"fmt"

	"losslab/core/dist"
	"losslab/core/loss"
)

// Input is one triplet as given on the command line or by a scenario: the
// distances directly, or vectors under a metric (Anchor non-nil).
type Input struct {
	loss.Setting
	Metric                     dist.Metric
	Anchor, Positive, Negative []float64
}

// Report is the JSON form of an evaluation: `eval --json` prints it and
// `replay --json` prints one per state, so scripts see one schema.
type Report struct {
	Inputs      InputsReport      `json:"inputs"`
	Distances   DistancesReport   `json:"distances"`
	Contrastive ContrastiveReport `json:"contrastive"`
	Triplet     TripletReport     `json:"triplet"`
	Variants    VariantsReport    `json:"variants"`
	// Losses holds every registered loss by ID, generated from the registry.
	Losses map[loss.ID]LossReport `json:"losses"`
}

type InputsReport struct {
	Margin   float64   `json:"margin"`
	YAP      string    `json:"y_ap"`
	YAN      string    `json:"y_an"`
	Distance *string   `json:"distance"` // null when the distances were given
	DAP      *float64  `json:"dap,omitempty"`
	DAN      *float64  `json:"dan,omitempty"`
	Anchor   []float64 `json:"anchor,omitempty"`
	Positive []float64 `json:"positive,omitempty"`
	Negative []float64 `json:"negative,omitempty"`
}

type DistancesReport struct {
	AP float64 `json:"ap"`
	AN float64 `json:"an"`
}

type ContrastiveReport struct {
	Formula string       `json:"formula"`
	Loss    float64      `json:"loss"`
	Pairs   []PairReport `json:"pairs"`
}

type PairReport struct {
	Pair        string  `json:"pair"` // "a-p" or "a-n"
	Y           int     `json:"y"`    // 1 same, 0 different
	D           float64 `json:"d"`
	Branch      string  `json:"branch"`
	Loss        float64 `json:"loss"`
	Active      bool    `json:"active"`
	Grad        float64 `json:"grad"`
	Explanation string  `json:"explanation"`
}

type TripletReport struct {
	Formula     string    `json:"formula"`
	Loss        float64   `json:"loss"`
	Hinge       float64   `json:"hinge"`
	Regime      string    `json:"regime"`
	Active      bool      `json:"active"`
	Valid       bool      `json:"valid"`
	Problem     string    `json:"problem,omitempty"`
	GradDAP     float64   `json:"grad_dap"`
	GradDAN     float64   `json:"grad_dan"`
	GradAnchor  []float64 `json:"grad_anchor,omitempty"`
	GradPos     []float64 `json:"grad_positive,omitempty"`
	GradNeg     []float64 `json:"grad_negative,omitempty"`
	Explanation string    `json:"explanation"`
}

type VariantsReport struct {
	SoftMarginTriplet float64 `json:"soft_margin_triplet"`
	SquaredTriplet    float64 `json:"squared_triplet"`
	HingeContrastive  float64 `json:"hinge_contrastive"`
}

// Evaluate computes the distances of in (when given as vectors) and every
// loss. Errors name the flag that is wrong.
func Evaluate(in Input) (loss.Evaluation, error) {
	if in.Anchor != nil {
		var err error
		if in.DAP, err = in.Metric.Between(in.Anchor, in.Positive); err != nil {
			return loss.Evaluation{}, vectorFlagError(err, "--anchor", "--positive")
		}
		if in.DAN, err = in.Metric.Between(in.Anchor, in.Negative); err != nil {
			return loss.Evaluation{}, vectorFlagError(err, "--anchor", "--negative")
		}
	}
	ev, err := loss.Evaluate(in.Setting)
	var ie *loss.InputError
	if errors.As(err, &ie) {
		names := map[string]string{"d(a,p)": "--dap", "d(a,n)": "--dan", "margin": "--margin"}
		return ev, fmt.Errorf("%s: %w", names[ie.Field], err)
	}
	return ev, err
}

// vectorFlagError names the flag of the vector a dist error is about.
func vectorFlagError(err error, first, second string) error {
	var ve *dist.VectorError
	if errors.As(err, &ve) {
		return fmt.Errorf("%s: %w", [2]string{first, second}[ve.Arg&1], ve.Err)
	}
	return err
}

// NewReport builds the JSON report of an evaluation of in.
func NewReport(in Input, ev loss.Evaluation) Report {
	r := Report{
		Inputs:    InputsReport{Margin: in.Margin, YAP: in.YAP.String(), YAN: in.YAN.String()},
		Distances: DistancesReport{AP: ev.DAP, AN: ev.DAN},
		Contrastive: ContrastiveReport{
			Formula: loss.ContrastiveFormula,
			Loss:    ev.Contrastive,
		},
		Triplet: TripletReport{
			Formula: loss.TripletFormula, Loss: ev.Triplet.Loss, Hinge: ev.Triplet.Hinge,
			Regime: ev.Triplet.Regime.String(), Active: ev.Triplet.Active,
			Valid: ev.Valid, Problem: ev.TripletProblem(),
			GradDAP: ev.Triplet.GradDAP, GradDAN: ev.Triplet.GradDAN,
			Explanation: ev.Triplet.String(),
		},
		Variants: VariantsReport{
			SoftMarginTriplet: ev.SoftMargin.Loss,
			SquaredTriplet:    ev.Squared.Loss,
			HingeContrastive:  ev.HingeMean,
		},
		Losses: lossesReport(ev.Results),
	}
	if in.Anchor != nil {
		name := in.Metric.String()
		r.Inputs.Distance = &name
		r.Inputs.Anchor, r.Inputs.Positive, r.Inputs.Negative = in.Anchor, in.Positive, in.Negative
		// Inputs were validated by Evaluate; the chain rule cannot fail here.
		_, r.Triplet.GradAnchor, r.Triplet.GradPos, r.Triplet.GradNeg, _ = loss.TripletOnVectors(in.Metric, in.Anchor, in.Positive, in.Negative, in.Margin)
	} else {
		r.Inputs.DAP, r.Inputs.DAN = &in.DAP, &in.DAN
	}
	for i, p := range ev.Pairs {
		r.Contrastive.Pairs = append(r.Contrastive.Pairs, PairReport{
			Pair: loss.PairID(i), Y: int(p.Label), D: p.D, Branch: p.Branch.String(),
			Loss: p.Loss, Active: p.Active, Grad: p.Grad, Explanation: p.String(),
		})
	}
	return r
}
