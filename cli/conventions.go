package cli

import (
	"fmt"
	"io"
	"strings"

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
	rows := [][]string{strings.Split(o.T(i18n.ConvTextHeader), "\t")}
	for _, c := range cs {
		rows = append(rows, []string{"  " + string(c.ID), numfmt.Loss(c.Loss), c.Formula, o.T(i18n.ConvPairs, o.printer().ConventionLabel(c.Labels[0]), o.printer().ConventionLabel(c.Labels[1]))})
	}
	_, err = fmt.Fprintf(w, "\n%s\n%s  %s\n", o.T(i18n.ConvTextTitle), alignLeft(rows), o.T(i18n.ConvTextNote))
	return err
}
