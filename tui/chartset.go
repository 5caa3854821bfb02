package tui

// chartSet is which chart the playground shows and the cache of their
// pictures; charts.go draws them.
type chartSet struct {
	chart  chartKind
	charts *chartCache
}

func newChartSet() chartSet { return chartSet{chart: chartTriplet, charts: newChartCache()} }

// nextChart shows the next chart, after the last the first.
func (c *chartSet) nextChart() { c.chart = (c.chart + 1) % numCharts }
