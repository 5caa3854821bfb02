package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/pflag"

	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
)

// evalFlags parses eval's command line into an Input.
func evalFlags(args []string, io IO) (in Input, asJSON bool, pf *plotFlags, done bool, status int) {
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
	pf = addPlotFlags(fs, io)
	if done, status := parseFlags(fs, args, i18n.CLISynopsisEval, io); done {
		return in, false, pf, true, status
	}
	if err := checkEvalFlags(fs); err != nil {
		return in, false, pf, true, fail(io, "losslab eval", err)
	}
	return in, asJSON, pf, false, ExitOK
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
	in, asJSON, pf, done, status := evalFlags(args, io)
	if done {
		return status
	}
	style, err := pf.style(io)
	if err != nil {
		return fail(io, "losslab eval", err)
	}
	ev, err := Evaluate(in)
	if err != nil {
		return fail(io, "losslab eval", err)
	}
	if pf.path != "" {
		if err := writeEvalFigure(io, pf, style, in, ev); err != nil {
			return fail(io, "losslab eval", err)
		}
	}
	var out bytes.Buffer // nothing reaches stdout unless all of it is ready
	if asJSON {
		rep, err := withConventions(withState(NewReport(in, ev), evalState(in)), ev.Setting)
		if err != nil {
			return fail(io, "losslab eval", err)
		}
		if err := encodeJSON(&out, rep, true); err != nil {
			return fail(io, "losslab eval", err)
		}
	} else {
		writeEvalText(&out, io.printer(), in, ev)
		if err := writeConventionsText(&out, io, ev.Setting); err != nil {
			return fail(io, "losslab eval", err)
		}
	}
	return write(io, "eval", out.Bytes())
}

func writeEvalText(w io.Writer, p i18n.Printer, in Input, ev loss.Evaluation) {
	line := func(id i18n.ID, args ...any) { fmt.Fprintln(w, p.T(id, args...)) }
	line(i18n.EvalInputs, num(in.Margin), p.T(explain.LabelID(in.YAP)), p.T(explain.LabelID(in.YAN)))
	if in.Anchor != nil {
		line(i18n.EvalDistancesAP, p.MetricName(in.Metric.String()), num(ev.DAP))
		line(i18n.EvalDistancesAN, p.MetricName(in.Metric.String()), num(ev.DAN))
	} else {
		line(i18n.EvalDistances, num(ev.DAP), num(ev.DAN))
	}
	t, x := ev.Triplet, explain.Explain(ev)
	fmt.Fprintln(w)
	line(i18n.EvalTriplet, loss.TripletFormula)
	line(i18n.EvalContinued, explain.TripletValue(t))
	line(i18n.EvalContinued, p.T(x.Hinge.Long)+" · "+p.T(x.Regime.Long))
	line(i18n.EvalContinued, p.T(x.Meaning.Long))
	if !ev.Valid {
		line(i18n.EvalContinued, p.T(i18n.CLIEvalInvalidAnyway))
	}
	line(i18n.EvalContinued, p.T(i18n.ExplainTripletGrads, numfmt.Grad(t.GradDAP), numfmt.Grad(t.GradDAN)))
	fmt.Fprintln(w)
	contrastive, _ := loss.Lookup(loss.ContrastiveID)
	line(i18n.EvalContrastive, contrastive.Formula)
	labelW, branchW, stateW, termW := 0, 0, 0, 0
	for i, pr := range ev.Pairs {
		labelW = max(labelW, ansi.StringWidth(p.T(explain.LabelID(pr.Label))))
		branchW = max(branchW, ansi.StringWidth(p.T(x.Pairs[i].Branch)))
		stateW = max(stateW, ansi.StringWidth(p.T(x.Pairs[i].State)))
		termW = max(termW, ansi.StringWidth(explain.PairValue(pr)))
	}
	for i, pr := range ev.Pairs {
		fmt.Fprintf(w, "  %s %s  %s  %s  %s  %s\n", loss.PairID(i), textwrap.PadRight(p.T(explain.LabelID(pr.Label)), labelW),
			textwrap.PadRight(p.T(x.Pairs[i].Branch), branchW), textwrap.PadRight(explain.PairValue(pr), termW), textwrap.PadRight(p.T(x.Pairs[i].State), stateW),
			p.T(i18n.ExplainPairGrad, numfmt.Grad(pr.Grad)))
	}
	_, _, mean := explain.MeanTerms(ev) // the mean of the terms as printed above
	line(i18n.EvalMean, mean)
	fmt.Fprintln(w)
	writeEvalVariants(w, p, ev)
	fmt.Fprintf(w, "\n%s\n", p.T(i18n.HintPrefix, explain.HintText(p, ev, x.Hint)))
}

// num formats an input or gradient: at least two decimals, more only when
// the value has them (0.7 → 0.70, 0.737 → 0.737), at most six significant digits.
func num(x float64) string { return numfmt.Input(x) }
