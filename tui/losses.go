package tui

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/batch"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// The loss lines of the playground and the batch view, generated from the
// registry: a new loss in core/loss appears here without being named.

// variantsLine lists every loss that has no panel of its own (the
// non-classic ones) with its value, fitted to w cells without cutting a
// number: the first of these that fits, from the most to the least said —
// the label "variants:", the items with their parameters, the losses'
// stated equivalences (InfoNCE at τ = 1 is the soft-margin triplet) — and
// at last as many whole items as fit.
func variantsLine(p i18n.Printer, ev loss.Evaluation, w int) string {
	var full, bare, notes []string
	for _, r := range ev.Results {
		if r.Loss.Classic() {
			continue
		}
		short := p.LossShortName(string(r.Loss.ID), r.Loss.Short)
		value := numfmt.Loss(r.Value)
		bare = append(bare, p.T(i18n.LossValue, short, value))
		name := short
		if r.Loss.UsesTemperature {
			name = p.T(i18n.LossWithParams, short, p.T(i18n.LossTemperature, numfmt.Input(r.Params.Temperature)))
		}
		full = append(full, p.T(i18n.LossValue, name, value))
		if e := r.Loss.Equals; e.ID != "" {
			if other, ok := loss.Lookup(e.ID); ok {
				notes = append(notes, p.T(i18n.LossEqualsShort, short,
					p.T(i18n.LossTemperature, numfmt.Input(e.Params.Temperature)), p.LossShortName(string(other.ID), other.Short)))
			}
		}
	}
	sep := p.T(i18n.LossListSeparator)
	items := strings.Join(full, sep)
	labelled := func(s string) string { return p.T(i18n.LossVariantsLine, s) }
	withNotes := strings.Join(append(slices.Clone(full), notes...), sep)
	for _, c := range []string{labelled(withNotes), withNotes, labelled(items), items, strings.Join(bare, sep)} {
		if ansi.StringWidth(c) <= w {
			return c
		}
	}
	line := ""
	for _, it := range bare {
		next := it
		if line != "" {
			next = line + sep + it
		}
		if ansi.StringWidth(next+sep+"…") > w {
			return line + sep + "…"
		}
		line = next
	}
	return line
}

// batchLossLines lists every loss of a batch result, one loss per line
// (continued on the next when its strategies do not fit w cells): its
// short name, then "strategy value" for each strategy.
func batchLossLines(p i18n.Printer, values []batch.LossValue, w int) []string {
	type group struct {
		id    loss.ID
		name  string
		items []string
	}
	var groups []group
	nameW := 0
	for _, v := range values {
		l, ok := loss.Lookup(v.Loss)
		if !ok {
			continue
		}
		if len(groups) == 0 || groups[len(groups)-1].id != v.Loss {
			name := p.LossShortName(string(l.ID), l.Short)
			if v.Temperature != nil {
				name = p.T(i18n.LossWithParams, name, p.T(i18n.LossTemperature, numfmt.Input(*v.Temperature)))
			}
			groups = append(groups, group{id: v.Loss, name: name})
			nameW = max(nameW, ansi.StringWidth(name))
		}
		g := &groups[len(groups)-1]
		g.items = append(g.items, p.T(i18n.LossValue, p.StrategyShortName(string(v.Miner), string(v.Reducer)), numfmt.Loss(v.Value.Value)))
	}
	label := p.T(i18n.LossBatchLabel)
	labelW := max(ansi.StringWidth(label)+1, 12) // the view's other rows indent their values by 12 cells
	sep := p.T(i18n.LossListSeparator)
	var lines []string
	for i, g := range groups {
		name := g.name
		lead := strings.Repeat(" ", labelW)
		if i == 0 {
			lead = label + strings.Repeat(" ", labelW-ansi.StringWidth(label))
		}
		line := lead + name + strings.Repeat(" ", nameW-ansi.StringWidth(name)) + "  "
		indent := strings.Repeat(" ", ansi.StringWidth(line))
		for j, it := range g.items {
			switch {
			case j == 0:
				line += it
			case ansi.StringWidth(line+sep+it) <= w:
				line += sep + it
			default:
				lines = append(lines, line)
				line = indent + it
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// tripletAt and contrastiveAt are the curves the charts draw, computed by
// core/loss so that no formula is written twice. Charts only ask for points
// inside the grid's ranges, where the losses cannot fail; a failure would
// draw nothing (NaN), never a made-up value.
func tripletAt(dap, dan, m float64) float64 {
	t, err := loss.TripletLoss(dap, dan, m)
	if err != nil {
		return math.NaN()
	}
	return t.Loss
}

func contrastiveAt(d, m float64, y loss.Label) float64 {
	p, err := loss.ContrastivePair(d, m, y)
	if err != nil {
		return math.NaN()
	}
	return p.Loss
}
