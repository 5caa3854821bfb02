package batchview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/batch"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
)

// The batch view's loss lines, generated from the registry: a new loss in
// core/loss appears here without being named.

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
			lead = textwrap.PadRight(label, labelW)
		}
		line := lead + textwrap.PadRight(name, nameW) + "  "
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
