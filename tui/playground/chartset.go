package playground

// chartSet is which chart the playground shows (an index into the chart
// table) and the cache of their pictures; charts.go draws them.
type chartSet struct {
	chart  int
	charts *chartCache
}

func newChartSet() chartSet { return chartSet{charts: newChartCache()} }

// nextChart shows the next chart, after the last the first.
func (c *chartSet) nextChart() { c.chart = (c.chart + 1) % len(charts) }
