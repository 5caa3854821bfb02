package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

const evalSynopsis = `Usage: losslab eval [flags]

Computes the contrastive and triplet losses, their variants and gradients for
one anchor, positive and negative, from two distances (--dap, --dan) or from
three vectors (--anchor, --positive, --negative) under --distance.

Examples:
  losslab eval                                  # the article's 0.7 / 0.5 / 0.2
  losslab eval --dap 0.1 --dan 0.6 --margin 0
  losslab eval --anchor 0,0 --positive 0.7,0 --negative 0.5,0 --json`

// evalFlags parses eval's command line into an Input.
func evalFlags(args []string, io IO) (in Input, asJSON, done bool, status int) {
	in = Input{Setting: loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}}
	fs := newFlagSet("eval")
	fs.Var(nonNegative{&in.DAP}, "dap", "distance d(a,p) between anchor and positive")
	fs.Var(nonNegative{&in.DAN}, "dan", "distance d(a,n) between anchor and negative")
	fs.Var(nonNegative{&in.Margin}, "margin", "margin m ≥ 0")
	fs.Var(labelValue{&in.YAP}, "y-ap", "label of the pair (a,p): same|different")
	fs.Var(labelValue{&in.YAN}, "y-an", "label of the pair (a,n): same|different")
	fs.Var(vectorValue{&in.Anchor}, "anchor", "anchor vector, comma-separated (instead of --dap/--dan)")
	fs.Var(vectorValue{&in.Positive}, "positive", "positive vector, comma-separated")
	fs.Var(vectorValue{&in.Negative}, "negative", "negative vector, comma-separated")
	fs.Var(metricValue{&in.Metric}, "distance", "distance between vectors: euclidean|sqeuclidean|manhattan|cosine")
	fs.BoolVar(&asJSON, "json", false, "print one JSON object instead of text")
	if done, status := parseFlags(fs, args, evalSynopsis, io); done {
		return in, false, true, status
	}
	if err := checkEvalFlags(fs); err != nil {
		return in, false, true, fail(io, "losslab eval", err)
	}
	return in, asJSON, false, ExitOK
}

// checkEvalFlags rejects combinations that cannot mean what the user wants.
func checkEvalFlags(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	vectors := set["anchor"] || set["positive"] || set["negative"]
	for _, d := range []string{"dap", "dan"} {
		for _, v := range []string{"anchor", "positive", "negative"} {
			if set[d] && set[v] {
				return fmt.Errorf("--%s conflicts with --%s: give distances or vectors, not both", d, v)
			}
		}
	}
	if vectors {
		for _, v := range []string{"anchor", "positive", "negative"} {
			if !set[v] {
				return fmt.Errorf("--%s is missing: vectors need --anchor, --positive and --negative", v)
			}
		}
	} else if set["distance"] {
		return errors.New("--distance applies to vectors: give --anchor, --positive and --negative")
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
		enc := newJSONEncoder(&out, true)
		if err := enc.Encode(NewReport(in, ev)); err != nil {
			return fail(io, "losslab eval", err)
		}
	} else {
		writeEvalText(&out, in, ev)
	}
	return write(io, "eval", out.Bytes())
}

func writeEvalText(w io.Writer, in Input, ev loss.Evaluation) {
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
	fmt.Fprintf(w, "             ∂L/∂d(a,p) = %s   ∂L/∂d(a,n) = %s\n", num(t.GradDAP), num(t.GradDAN))
	if p := ev.TripletProblem(); p != "" {
		fmt.Fprintf(w, "             %s (the value above is computed from the distances anyway)\n", p)
	}
	fmt.Fprintf(w, "\ncontrastive  %s\n", loss.ContrastiveFormula)
	for i, p := range ev.Pairs {
		fmt.Fprintf(w, "  %s %-9s  %-13s  %s   %s, ∂L/∂d = %s\n", loss.PairID(i), p.Label, p.Branch, p, activeWord(p.Active), num(p.Grad))
	}
	fmt.Fprintf(w, "             mean = %s\n\n", numfmt.Loss(ev.Contrastive))
	writeEvalVariants(w, i18n.Printer{}, ev)
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
