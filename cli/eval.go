package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/pflag"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// evalFlags parses eval's command line into an Input.
func evalFlags(args []string, io IO) (in Input, asJSON, done bool, status int) {
	in = Input{Setting: loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}}
	fs := newFlagSet("eval")
	fs.Var(nonNegative{&in.DAP}, "dap", io.T(i18n.CLIFlagDAP))
	fs.Var(nonNegative{&in.DAN}, "dan", io.T(i18n.CLIFlagDAN))
	fs.Var(nonNegative{&in.Margin}, "margin", io.T(i18n.CLIFlagMargin))
	fs.Var(positive{&in.Temperature}, "temperature", io.T(i18n.LossFlagTemperature))
	fs.Var(labelValue{&in.YAP}, "y-ap", io.T(i18n.CLIFlagYAP))
	fs.Var(labelValue{&in.YAN}, "y-an", io.T(i18n.CLIFlagYAN))
	fs.Var(vectorValue{&in.Anchor}, "anchor", io.T(i18n.CLIFlagAnchor))
	fs.Var(vectorValue{&in.Positive}, "positive", io.T(i18n.CLIFlagPositive))
	fs.Var(vectorValue{&in.Negative}, "negative", io.T(i18n.CLIFlagNegative))
	fs.Var(metricValue{&in.Metric}, "distance", io.T(i18n.CLIFlagDistance))
	fs.BoolVar(&asJSON, "json", false, io.T(i18n.CLIFlagEvalJSON))
	if done, status := parseFlags(fs, args, i18n.CLISynopsisEval, io); done {
		return in, false, true, status
	}
	if err := checkEvalFlags(fs); err != nil {
		return in, false, true, fail(io, "losslab eval", err)
	}
	return in, asJSON, false, ExitOK
}

// checkEvalFlags rejects combinations that cannot mean what the user wants.
func checkEvalFlags(fs *pflag.FlagSet) error {
	vectors := []string{"anchor", "positive", "negative"}
	for _, d := range []string{"dap", "dan"} {
		for _, v := range vectors {
			if fs.Changed(d) && fs.Changed(v) {
				return usagef(i18n.CLIErrDistancesVectors, "--"+d, "--"+v)
			}
		}
	}
	if slices.ContainsFunc(vectors, fs.Changed) {
		for _, v := range vectors {
			if !fs.Changed(v) {
				return usagef(i18n.CLIErrVectorMissing, "--"+v)
			}
		}
	} else if fs.Changed("distance") {
		return usagef(i18n.CLIErrDistanceNoVecs)
	}
	return nil
}

func runEval(args []string, io IO) int {
	in, asJSON, done, status := evalFlags(args, io)
	if done {
		return status
	}
	ev, err := Evaluate(in)
	if err != nil {
		return fail(io, "losslab eval", err)
	}
	var out bytes.Buffer // nothing reaches stdout unless all of it is ready
	if asJSON {
		if err := encodeJSON(&out, NewReport(in, ev), true); err != nil {
			return fail(io, "losslab eval", err)
		}
	} else {
		writeEvalText(&out, io.printer(), in, ev)
	}
	return write(io, "eval", out.Bytes())
}

func writeEvalText(w io.Writer, p i18n.Printer, in Input, ev loss.Evaluation) {
	line := func(id i18n.ID, args ...any) { fmt.Fprintln(w, p.T(id, args...)) }
	label := func(y loss.Label) string {
		if y == loss.Same {
			return p.T(i18n.ExplainLabelSame)
		}
		return p.T(i18n.ExplainLabelDiff)
	}
	line(i18n.EvalInputs, num(in.Margin), label(in.YAP), label(in.YAN))
	if in.Anchor != nil {
		line(i18n.EvalDistancesAP, in.Metric, num(ev.DAP))
		line(i18n.EvalDistancesAN, in.Metric, num(ev.DAN))
	} else {
		line(i18n.EvalDistances, num(ev.DAP), num(ev.DAN))
	}
	t := ev.Triplet
	fmt.Fprintln(w)
	line(i18n.EvalTriplet, loss.TripletFormula)
	line(i18n.EvalContinued, t)
	meaning := [...]i18n.ID{i18n.EvalMeaningHard, i18n.EvalMeaningSemi, i18n.EvalMeaningEasy}[t.Regime%3]
	line(i18n.EvalContinued, p.T(i18n.EvalHinge, activeWord(p, t.Active), regimeWord(p, t.Regime), p.T(meaning)))
	line(i18n.EvalContinued, p.T(i18n.ExplainTripletGrads, numfmt.Grad(t.GradDAP), numfmt.Grad(t.GradDAN)))
	if wrong := tripletProblem(in.Setting); wrong != "" {
		line(i18n.EvalContinued, p.T(i18n.EvalNotTriplet, p.T(wrong)))
	}
	fmt.Fprintln(w)
	contrastive, _ := loss.Lookup(loss.ContrastiveID)
	line(i18n.EvalContrastive, contrastive.Formula)
	labelW := max(lipgloss.Width(label(loss.Same)), lipgloss.Width(label(loss.Different)))
	branchW := max(lipgloss.Width(p.T(i18n.EvalPullTogether)), lipgloss.Width(p.T(i18n.EvalPushApart)))
	for i, pr := range ev.Pairs {
		branch := p.T(i18n.EvalPushApart)
		if pr.Branch == loss.Pull {
			branch = p.T(i18n.EvalPullTogether)
		}
		line(i18n.EvalPair, loss.PairID(i), padCells(label(pr.Label), labelW), padCells(branch, branchW), pr, activeWord(p, pr.Active), numfmt.Grad(pr.Grad))
	}
	line(i18n.EvalMean, numfmt.Loss(ev.Contrastive))
	fmt.Fprintln(w)
	writeEvalVariants(w, p, ev)
}

// tripletProblem says what makes the setting not a triplet, or "": the
// labels are the same conditions as loss.Setting.TripletProblem's.
func tripletProblem(s loss.Setting) i18n.ID {
	switch {
	case s.YAP != loss.Same && s.YAN != loss.Different:
		return i18n.EvalWrongBoth
	case s.YAP != loss.Same:
		return i18n.EvalWrongPos
	case s.YAN != loss.Different:
		return i18n.EvalWrongNeg
	}
	return ""
}

func activeWord(p i18n.Printer, active bool) string {
	if active {
		return p.T(i18n.EvalActive)
	}
	return p.T(i18n.EvalInactive)
}

// regimeWord is a regime's name: hard, semi-hard, easy.
func regimeWord(p i18n.Printer, r loss.Regime) string {
	return p.T([...]i18n.ID{i18n.ChartZoneHard, i18n.ChartZoneSemi, i18n.ChartZoneEasy}[r%3])
}

// num formats an input or gradient: at least two decimals, more only when
// the value has them (0.7 → 0.70, 0.737 → 0.737), at most six significant digits.
func num(x float64) string { return loss.FormatValue(x) }
