package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"

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
	fmt.Fprintf(w, "inputs       margin m = %s   y(a,p) = %s   y(a,n) = %s\n", num(in.Margin), in.YAP, in.YAN)
	if in.Anchor != nil {
		fmt.Fprintf(w, "distances    d(a,p) = %s(anchor, positive) = %s\n", in.Metric, num(ev.DAP))
		fmt.Fprintf(w, "             d(a,n) = %s(anchor, negative) = %s\n", in.Metric, num(ev.DAN))
	} else {
		fmt.Fprintf(w, "distances    d(a,p) = %s   d(a,n) = %s\n", num(ev.DAP), num(ev.DAN))
	}
	t := ev.Triplet
	fmt.Fprintf(w, "\ntriplet      %s\n", loss.TripletFormula)
	fmt.Fprintf(w, "             %s\n", t)
	fmt.Fprintf(w, "             hinge %s, %s negative: %s\n", activeWord(t.Active), t.Regime, t.Regime.Meaning())
	fmt.Fprintf(w, "             ∂L/∂d(a,p) = %s   ∂L/∂d(a,n) = %s\n", numfmt.Grad(t.GradDAP), numfmt.Grad(t.GradDAN))
	if p := ev.TripletProblem(); p != "" {
		fmt.Fprintf(w, "             %s (the value above is computed from the distances anyway)\n", p)
	}
	fmt.Fprintf(w, "\ncontrastive  %s\n", loss.ContrastiveFormula)
	for i, p := range ev.Pairs {
		fmt.Fprintf(w, "  %s %-9s  %-13s  %s   %s, ∂L/∂d = %s\n", loss.PairID(i), p.Label, p.Branch, p, activeWord(p.Active), numfmt.Grad(p.Grad))
	}
	fmt.Fprintf(w, "             mean = %s\n\n", numfmt.Loss(ev.Contrastive))
	writeEvalVariants(w, p, ev)
}

func activeWord(active bool) string {
	if active {
		return "active"
	}
	return "inactive"
}

// num formats an input or gradient: at least two decimals, more only when
// the value has them (0.7 → 0.70, 0.737 → 0.737), at most six significant digits.
func num(x float64) string { return loss.FormatValue(x) }
