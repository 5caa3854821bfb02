package cli

import (
	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
)

// named is an identifier an error names, which each language writes its
// own way when the error is printed (a localizedError argument).
type named struct {
	id   string
	name func(i18n.Printer) string
}

func (n named) Error() string              { return n.id }
func (n named) Text(p i18n.Printer) string { return n.name(p) }

// metricName is a distance in an error: "euclidean", 欧氏距离.
func metricName(m dist.Metric) named {
	return named{m.String(), func(p i18n.Printer) string { return p.MetricName(m.String()) }}
}

// lossName is a loss in an error, by its name.
func lossName(l loss.Loss) named {
	return named{string(l.ID), func(p i18n.Printer) string { return p.LossName(string(l.ID), l.Name) }}
}
