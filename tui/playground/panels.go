package playground

import (
	"strings"

	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// The two loss panels: the triplet panel beside the controls and the
// contrastive panel under them, each with the registered variants of its
// family (a new loss in core/loss appears here without being named).

// tripletBody is the triplet panel's lines, each fitted to width w.
func (m Model) tripletBody(w int, roomy bool) []string {
	st, ev, p := m.styles, m.eval, m.printer()
	x := explain.Explain(ev)
	t := ev.Triplet
	var lines []string
	value := "L = " + explain.TripletValue(t)
	if roomy {
		lines = append(lines, "L = "+loss.TripletFormula)
		value = "  = " + explain.TripletValue(t)
	}
	regime := st.Regime[t.Regime].Render(p.T(x.Regime.Long))
	if !ev.Valid { // the meaning line below says why; the mark goes first when room is short
		value = st.Dim.Render(common.FitFirst(w, value+"  "+p.T(i18n.ExplainInvalidMark), value))
	}
	meaning := common.FitFirst(w, p.T(x.Meaning.Long), p.T(x.Meaning.Short))
	if !ev.Valid {
		meaning = st.Error.Render(meaning)
	}
	lines = append(lines,
		value,
		p.T(x.Hinge.Long)+" · "+regime,
		meaning,
		p.T(i18n.ExplainTripletGrads, numfmt.Grad(t.GradDAP), numfmt.Grad(t.GradDAN)))
	return append(lines, m.variantLines(w, roomy, func(l loss.Loss) bool { return l.Family == loss.TripletFamily })...)
}

// variantTexts are the forms of every registered loss but the two classic
// ones that belongs to a panel (in): full "name formula: value", short
// "name value", and noted "name: value; what it equals" ("" if nothing).
func (m Model) variantTexts(in func(loss.Loss) bool) (full, short, noted []string) {
	p := m.printer()
	for _, r := range m.eval.Results {
		l := r.Loss
		if l.ID == loss.ContrastiveID || l.ID == loss.TripletID || !in(l) {
			continue
		}
		id := string(l.ID)
		name, shortName, formula := variantText(p, i18n.VariantName(id), p.LossName(id, l.Name)), variantText(p, i18n.VariantShort(id), p.LossShortName(id, l.Short)), variantText(p, i18n.VariantFormula(id), l.Formula)
		value := numfmt.Loss(r.Value)
		if l.UsesTemperature {
			name = p.T(i18n.LossWithParams, name, p.T(i18n.LossTemperature, numfmt.Input(r.Params.Temperature)))
		}
		// With a stated equivalence, the sentence replaces the formula.
		noted = append(noted, "")
		if note := variantNote(p, r); note != "" {
			noted[len(noted)-1] = p.T(i18n.LossValueNoted, name, value, note)
		}
		if l.HasRegime && len(r.Terms) == 1 {
			regime := regimeWord(p, r.Terms[0].Regime)
			full = append(full, p.T(i18n.VariantFullRegime, name, formula, value, regime))
			short = append(short, p.T(i18n.VariantValueRegime, shortName, value, regime))
		} else {
			full = append(full, p.T(i18n.VariantFull, name, formula, value))
			short = append(short, p.T(i18n.VariantValue, shortName, value))
		}
	}
	return full, short, noted
}

// variantNotes is every variant in full for the notes panel: its formula,
// its value, its parameters and what it equals under others.
func (m Model) variantNotes() []string {
	full, _, _ := m.variantTexts(func(loss.Loss) bool { return true })
	var out []string
	for i, r := range m.nonClassic() {
		if m.hiddenResult(r) { // its panel is hidden: so is its value here
			continue
		}
		line := full[i]
		if note := variantNote(m.printer(), r); note != "" {
			line = m.printer().T(i18n.VariantNoted, line, note)
		}
		out = append(out, "· "+line)
	}
	return out
}

// nonClassic are the results variantTexts lists when in takes every loss.
func (m Model) nonClassic() []loss.Result {
	var out []loss.Result
	for _, r := range m.eval.Results {
		if r.Loss.ID != loss.ContrastiveID && r.Loss.ID != loss.TripletID {
			out = append(out, r)
		}
	}
	return out
}

// variantLines shows the variants that belong to a panel (in): one line
// each when roomy, else one line for as many as fit whole, and the notes
// key for the rest (the notes list them all in full).
func (m Model) variantLines(w int, roomy bool, in func(loss.Loss) bool) []string {
	p, st := m.printer(), m.styles
	full, short, noted := m.variantTexts(in)
	if len(full) == 0 {
		return nil
	}
	if roomy {
		out := make([]string, len(full))
		for i := range full {
			out[i] = st.Dim.Render(common.FitFirst(w, full[i], short[i]))
			if noted[i] != "" {
				out[i] = st.Dim.Render(common.FitFirst(w, noted[i], full[i], short[i]))
			}
		}
		return out
	}
	// Fewer whole items rather than a name without its number; the rest
	// are one key away, in the notes.
	more := " · " + p.T(i18n.VariantsMore)
	if m.plain { // no key to press
		more = " · …"
	}
	fits := []string{strings.Join(short, " · ")}
	for k := len(short) - 1; k >= 1; k-- {
		fits = append(fits, strings.Join(short[:k], " · ")+more)
	}
	fits = append(fits, strings.TrimPrefix(more, " · "))
	return []string{st.Dim.Render(common.FitFirst(w, fits...))}
}

// variantNote is "at τ = 1.00 this is the soft-margin triplet" for a loss
// that states what it becomes under other parameters, else "".
func variantNote(p i18n.Printer, r loss.Result) string {
	e := r.Loss.Equals
	other, ok := loss.Lookup(e.ID)
	if e.ID == "" || !ok || e.Params.Temperature == 0 {
		return ""
	}
	return p.T(i18n.LossEquals, p.T(i18n.LossTemperature, numfmt.Input(e.Params.Temperature)), p.LossName(string(other.ID), other.Name))
}

// variantText is a loss's display text, or fallback (its name in the
// catalogue's loss names, else its registered name) when the variants'
// texts have none for it.
func variantText(p i18n.Printer, id i18n.ID, fallback string) string {
	if !i18n.Has(p.Lang(), id) && !i18n.Has(i18n.English, id) {
		return fallback
	}
	return p.T(id)
}

func regimeWord(p i18n.Printer, r loss.Regime) string { return p.T(explain.RegimeID(r)) }

// contrastiveBody is the contrastive panel's lines, fitted to width w.
func (m Model) contrastiveBody(w int, roomy bool) []string {
	st, ev, p := m.styles, m.eval, m.printer()
	x := explain.Explain(ev)
	var lines []string
	// Columns as wide as their widest word in this language, in cells.
	labelW := common.Widest(p.T(i18n.ExplainLabelSame), p.T(i18n.ExplainLabelDiff))
	branchW := common.Widest(p.T(i18n.ExplainPull), p.T(i18n.ExplainPush))
	stateW := common.Widest(p.T(i18n.ExplainPairActive), p.T(i18n.ExplainPairInactive))
	for i, pr := range ev.Pairs {
		style := st.Positive
		if i == 1 {
			style = st.Negative
		}
		name := style.Render(loss.PairID(i))
		label := textwrap.PadRight(m.labelText(pr.Label), labelW)
		branch := textwrap.PadRight(p.T(x.Pairs[i].Branch), branchW)
		state := textwrap.PadRight(p.T(x.Pairs[i].State), stateW)
		grad := p.T(i18n.ExplainPairGrad, numfmt.Grad(pr.Grad))
		formula := textwrap.PadRight(explain.PairValue(pr), 31)
		lines = append(lines, common.FitFirst(w,
			name+"  "+label+"  "+branch+"  "+formula+"  "+state+"  "+grad,
			name+" "+label+" "+branch+" "+formula+" "+state+" "+grad,
			name+" "+branch+" "+formula+" "+state+" "+grad))
	}
	ap, an, mean := explain.MeanTerms(ev)
	lines = append(lines, p.T(i18n.ExplainContrastMean, ap, an, st.Bold.Render(mean)))
	lines = append(lines, m.variantLines(w, roomy, func(l loss.Loss) bool { return l.Family != loss.TripletFamily })...)
	if roomy && x.MarginMeaning.Long != "" {
		for _, l := range textwrap.Wrap(p.T(x.MarginMeaning.Long), w) {
			lines = append(lines, st.Dim.Render(l))
		}
	}
	return lines
}
