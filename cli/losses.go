package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/batch"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
)

// The loss sections of eval and batch, generated from the registry: a new
// loss in core/loss appears here without a line of this file naming it.

// lossTitle is a loss's display name with the parameters only it uses.
func lossTitle(p i18n.Printer, l loss.Loss, params loss.Params) string {
	name := p.LossName(string(l.ID), l.Name)
	if l.UsesTemperature {
		return p.T(i18n.LossWithParams, name, p.T(i18n.LossTemperature, numfmt.Input(params.Temperature)))
	}
	return name
}

// lossFormula is the term's formula; a pair loss's value is the mean of its two terms.
func lossFormula(p i18n.Printer, l loss.Loss) string {
	if l.Kind == loss.OnPairs {
		return p.T(i18n.LossPairMean, l.Formula)
	}
	return l.Formula
}

// equivalenceNote says which loss this one becomes, or "".
func equivalenceNote(p i18n.Printer, l loss.Loss) string {
	if l.Equals.ID == "" {
		return ""
	}
	other, ok := loss.Lookup(l.Equals.ID)
	if !ok {
		return ""
	}
	var params []string
	if t := l.Equals.Params.Temperature; t != 0 {
		params = append(params, p.T(i18n.LossTemperature, numfmt.Input(t)))
	}
	return p.T(i18n.LossEquals, strings.Join(params, ", "), p.LossName(string(other.ID), other.Name))
}

// writeEvalVariants writes every loss without a section of its own as
// "name  formula  = value", columns measured in terminal cells.
func writeEvalVariants(w io.Writer, p i18n.Printer, ev loss.Evaluation) {
	type row struct{ name, formula, value, note string }
	var rows []row
	nameW, formulaW := 0, 0
	for _, r := range ev.Results {
		if r.Loss.Classic() { // explained term by term in its own section
			continue
		}
		rw := row{lossTitle(p, r.Loss, r.Params), lossFormula(p, r.Loss), numfmt.Loss(r.Value), equivalenceNote(p, r.Loss)}
		nameW, formulaW = max(nameW, ansi.StringWidth(rw.name)), max(formulaW, ansi.StringWidth(rw.formula))
		rows = append(rows, rw)
	}
	label := textwrap.PadRight(p.T(i18n.LossVariantsHeading), 12) + " "
	indent := strings.Repeat(" ", ansi.StringWidth(label))
	for i, rw := range rows {
		lead := indent
		if i == 0 {
			lead = label
		}
		fmt.Fprintf(w, "%s%s  %s  = %s\n", lead, textwrap.PadRight(rw.name, nameW), textwrap.PadRight(rw.formula, formulaW), rw.value)
		if rw.note != "" {
			fmt.Fprintf(w, "%s%s  %s\n", indent, strings.Repeat(" ", nameW), rw.note)
		}
	}
}

// LossReport is one registered loss in `eval --json`'s "losses" object,
// keyed by the loss's ID.
type LossReport struct {
	Kind        string        `json:"kind"` // "pairs": value is the mean of the two terms; "triplets": the one term
	Value       float64       `json:"value"`
	Margin      *float64      `json:"margin,omitempty"`
	Temperature *float64      `json:"temperature,omitempty"`
	Terms       []TermReport  `json:"terms"`
	Equals      *EqualsReport `json:"equals,omitempty"`
}

// TermReport is one term: a pair's (grad = ∂L/∂d) or the triplet's
// (grad_dap, grad_dan; regime for losses that have one).
type TermReport struct {
	Pair    string   `json:"pair,omitempty"`
	Loss    float64  `json:"loss"`
	Active  bool     `json:"active"`
	Grad    *float64 `json:"grad,omitempty"`
	GradDAP *float64 `json:"grad_dap,omitempty"`
	GradDAN *float64 `json:"grad_dan,omitempty"`
	Regime  string   `json:"regime,omitempty"`
}

// EqualsReport names the loss this one becomes under other parameters.
type EqualsReport struct {
	Loss        loss.ID  `json:"loss"`
	Temperature *float64 `json:"temperature,omitempty"`
}

func lossesReport(results []loss.Result) map[loss.ID]LossReport {
	out := make(map[loss.ID]LossReport, len(results))
	for _, r := range results {
		lr := LossReport{Kind: r.Loss.Kind.String(), Value: r.Value}
		params := r.Params
		if r.Loss.UsesMargin {
			lr.Margin = &params.Margin
		}
		if r.Loss.UsesTemperature {
			lr.Temperature = &params.Temperature
		}
		for i, t := range r.Terms {
			tr := TermReport{Loss: t.Loss, Active: t.Active}
			if r.Loss.Kind == loss.OnPairs {
				tr.Pair, tr.Grad = loss.PairID(i), &t.Grad[0]
			} else {
				tr.GradDAP, tr.GradDAN = &t.Grad[0], &t.Grad[1]
				if r.Loss.HasRegime {
					tr.Regime = t.Regime.String()
				}
			}
			lr.Terms = append(lr.Terms, tr)
		}
		if e := r.Loss.Equals; e.ID != "" {
			lr.Equals = &EqualsReport{Loss: e.ID}
			if e.Params.Temperature != 0 {
				lr.Equals.Temperature = &e.Params.Temperature
			}
		}
		out[r.Loss.ID] = lr
	}
	return out
}

// writeBatchLosses writes every registered loss under each strategy the
// batch computed, in registry order: name, strategy, value, and the share
// of its terms that are active, on every line (a column missing from some
// lines would leave the reader to guess why: a soft-margin term is never
// 0, so all of them are active). ci gives the text after a value (a
// sample's interval, keyed by batch.IntervalKey).
func writeBatchLosses(w io.Writer, p i18n.Printer, values []batch.LossValue, ci func(key string, format func(float64) string) string) {
	type row struct{ name, strategy, value, extra string }
	var rows []row
	nameW, strategyW, valueW := 0, 0, 0
	var last loss.ID
	for _, v := range values {
		l, ok := loss.Lookup(v.Loss)
		if !ok {
			continue
		}
		rw := row{strategy: p.T(i18n.LossStrategy, p.MinerName(string(v.Miner)), p.ReducerName(string(v.Reducer))), value: numfmt.Loss(v.Value.Value)}
		rw.value += ci(batch.IntervalKey(v), numfmt.Loss)
		if v.Loss != last {
			params := loss.Params{}
			if v.Temperature != nil {
				params.Temperature = *v.Temperature
			}
			rw.name = lossTitle(p, l, params)
		}
		last = v.Loss
		rw.extra = p.N(i18n.LossActiveShare, v.Terms, numfmt.Percent(v.Active, v.Terms), numfmt.Count(v.Terms))
		nameW, strategyW = max(nameW, ansi.StringWidth(rw.name)), max(strategyW, ansi.StringWidth(rw.strategy))
		valueW = max(valueW, ansi.StringWidth(rw.value))
		rows = append(rows, rw)
	}
	fmt.Fprintln(w, p.T(i18n.LossBatchHeading))
	for _, rw := range rows {
		fmt.Fprintf(w, "  %s  %s  %s   %s\n", textwrap.PadRight(rw.name, nameW), textwrap.PadRight(rw.strategy, strategyW), textwrap.PadRight(rw.value, valueW), rw.extra)
	}
}
