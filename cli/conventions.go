package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// ConventionReport is one convention in `eval --json`: the contrastive loss
// of the two pairs as that paper or library computes it. Its strings are
// notation from core/loss, the same in every language.
type ConventionReport struct {
	Loss         float64 `json:"loss"`
	Formula      string  `json:"formula"`
	LabelMeaning string  `json:"label_meaning"`
}

// EvalReport is what `eval --json` prints: the Report every command shares
// plus the conventions, keyed by convention ID.
type EvalReport struct {
	Report
	Conventions map[loss.ConventionID]ConventionReport `json:"conventions"`
}

// withConventions adds s's conventions to r.
func withConventions(r Report, s loss.Setting) (EvalReport, error) {
	cs, err := loss.Conventions(s)
	if err != nil {
		return EvalReport{}, err
	}
	out := EvalReport{Report: r, Conventions: map[loss.ConventionID]ConventionReport{}}
	for _, c := range cs {
		out.Conventions[c.ID] = ConventionReport{Loss: c.Loss, Formula: c.Formula, LabelMeaning: c.LabelMeaning}
	}
	return out, nil
}

// writeConventionsText is eval's short table of the conventions.
func writeConventionsText(w io.Writer, o IO, s loss.Setting) error {
	cs, err := loss.Conventions(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", o.T(i18n.ConvTextTitle))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, o.T(i18n.ConvTextHeader))
	defer fmt.Fprintf(w, "  %s\n", o.T(i18n.ConvTextNote))
	for _, c := range cs {
		fmt.Fprintf(tw, "  %s\t%s\t%s\ta-p %s, a-n %s\n", c.ID, numfmt.Loss(c.Loss), c.Formula, c.Labels[0], c.Labels[1])
	}
	return tw.Flush()
}
