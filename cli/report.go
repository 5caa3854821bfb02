package cli

import (
	"errors"
	"math"
	"slices"

	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
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
	State       string            `json:"state,omitempty"` // the state string that reopens these inputs, when they are a playground state
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
// loss. Errors are usage errors that name the flags at fault: the distance
// flag, or the two vectors whose distance is wrong.
func Evaluate(in Input) (loss.Evaluation, error) {
	flags := [2][2]string{{"--dap"}, {"--dan"}}
	if in.Anchor != nil {
		flags = [2][2]string{{"--anchor", "--positive"}, {"--anchor", "--negative"}}
		ds := [2]*float64{&in.DAP, &in.DAN}
		for i, other := range [2][]float64{in.Positive, in.Negative} {
			d, err := in.Metric.Between(in.Anchor, other)
			switch {
			case errors.Is(err, dist.ErrNotRepresentable):
				return loss.Evaluation{}, usagef(i18n.CLIErrPairOverflow, flags[i][0], flags[i][1], metricName(in.Metric))
			case err != nil:
				return loss.Evaluation{}, vectorFlagError(err, flags[i][0], flags[i][1], in.Anchor, other)
			case math.IsNaN(d) || math.IsInf(d, 0):
				return loss.Evaluation{}, usagef(i18n.CLIErrPairOverflow, flags[i][0], flags[i][1], metricName(in.Metric))
			case d > maxInput:
				return loss.Evaluation{}, usagef(i18n.CLIErrPairTooFar, flags[i][0], flags[i][1], metricName(in.Metric), formatNumber(d), formatNumber(maxInput))
			}
			*ds[i] = d
		}
	}
	ev, err := loss.Evaluate(in.Setting)
	var ie *loss.InputError
	if errors.As(err, &ie) {
		names := map[string]string{"d(a,p)": join(flags[0]), "d(a,n)": join(flags[1]), "margin": "--margin", "temperature": "--temperature"}
		return ev, usagef(i18n.CLIErrFlagProblem, names[ie.Field], err.Error())
	}
	if err != nil {
		return ev, err
	}
	// Inputs within maxInput keep every loss finite; this is the net under
	// that argument, so that no command prints a non-finite figure.
	for _, r := range ev.Results {
		if !finite(r) {
			return ev, usagef(i18n.CLIErrLossNotFinite, lossName(r.Loss))
		}
	}
	return ev, nil
}

// join names one flag, or two as "--anchor, --positive".
func join(flags [2]string) string {
	if flags[1] == "" {
		return flags[0]
	}
	return flags[0] + ", " + flags[1]
}

// finite reports whether a result's value, terms and gradients are all finite.
func finite(r loss.Result) bool {
	ok := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	if !ok(r.Value) {
		return false
	}
	for _, t := range r.Terms {
		if !ok(t.Loss) || !ok(t.Grad[0]) || !ok(t.Grad[1]) {
			return false
		}
	}
	return true
}

// vectorFlagError names the flag of the vector a dist error is about; u and
// v are the vectors of flags first and second.
func vectorFlagError(err error, first, second string, u, v []float64) error {
	var ve *dist.VectorError
	if !errors.As(err, &ve) {
		return err
	}
	flag := [2]string{first, second}[ve.Arg&1]
	switch {
	case errors.Is(err, dist.ErrZeroVector):
		bad := [2][]float64{u, v}[ve.Arg&1]
		if slices.ContainsFunc(bad, func(x float64) bool { return x != 0 }) {
			return usagef(i18n.CLIErrFlagProblem, flag, usagef(i18n.CLIErrVectorUnderflow))
		}
		return usagef(i18n.CLIErrFlagProblem, flag, usagef(i18n.CLIErrZeroVector))
	case errors.Is(err, dist.ErrLength):
		return usagef(i18n.CLIErrFlagProblem, second, usageCountf(i18n.CLIErrLengths, int64(len(v)), len(v), first, len(u)))
	}
	return usagef(i18n.CLIErrFlagProblem, flag, ve.Err.Error())
}

// resultValue is the value of loss id, for the keys kept from before the
// registry ("variants").
func resultValue(ev loss.Evaluation, id loss.ID) float64 {
	r, _ := ev.Result(id)
	return r.Value
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
			Valid: ev.Valid, Problem: ev.Problem().String(),
			GradDAP: ev.Triplet.GradDAP, GradDAN: ev.Triplet.GradDAN,
			Explanation: explain.TripletValue(ev.Triplet),
		},
		Variants: VariantsReport{
			SoftMarginTriplet: resultValue(ev, loss.SoftMarginID),
			SquaredTriplet:    resultValue(ev, loss.SquaredTripletID),
			HingeContrastive:  resultValue(ev, loss.HingeContrastiveID),
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
			Loss: p.Loss, Active: p.Active, Grad: p.Grad, Explanation: explain.PairValue(p),
		})
	}
	return r
}
