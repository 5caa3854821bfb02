package figure

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"losslab/core/batch"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// Batch overlays the distance distributions of same-class and
// different-class pairs, each normalised to its own number of pairs (the
// share of that kind of pair per bin), and marks the margin, the best
// threshold and the median positive distance. data names the data set in
// the title.
func Batch(res *batch.Result, data string, st Style) (*plot.Plot, error) {
	pr := st.Printer
	h := res.Histogram
	sep := res.Separation
	p := st.newPlot(pr.T(i18n.FigBatchTitle, data, pr.MetricName(res.Distance), numfmt.Input(res.Margin), numfmt.Loss(sep.AUC)),
		pr.T(i18n.FigAxisPairDistance, pr.MetricName(res.Distance)), pr.T(i18n.FigAxisShare))
	top := 0.0
	for i, counts := range [][]int64{h.Positive, h.Negative} {
		total := sep.PositivePairs
		if i == 1 {
			total = sep.NegativePairs
		}
		bins := make([]plotter.HistogramBin, len(counts))
		for j, n := range counts {
			share := 0.0
			if total > 0 {
				share = float64(n) / float64(total)
			}
			bins[j] = plotter.HistogramBin{Min: h.Edges[j], Max: h.Edges[j+1], Weight: share}
			top = math.Max(top, share)
		}
		hist := &plotter.Histogram{Bins: bins, Width: h.Edges[1] - h.Edges[0]}
		hist.LineStyle.Width = vg.Points(1)
		name := pr.N(i18n.FigSamePairs, sep.PositivePairs, numfmt.Count(sep.PositivePairs))
		if i == 0 {
			hist.FillColor, hist.LineStyle.Color = withAlpha(colorSame, 0x60), colorSame
		} else {
			hist.FillColor, hist.LineStyle.Color = withAlpha(colorDifferent, 0x50), colorDifferent
			hist.LineStyle.Dashes = dashed
			name = pr.N(i18n.FigDifferentPairs, sep.NegativePairs, numfmt.Count(sep.NegativePairs))
		}
		p.Add(hist)
		p.Legend.Add(name, hist)
	}
	top *= 1.1
	p.Y.Min, p.Y.Max = 0, top
	for _, m := range []struct {
		x      float64
		name   string
		dashes []vg.Length
	}{
		{res.Margin, pr.T(i18n.FigMarkMargin, numfmt.Input(res.Margin)), dotted},
		{sep.Threshold, pr.T(i18n.FigMarkThreshold, numfmt.Loss(sep.Threshold), numfmt.Share(sep.Accuracy)), nil},
		{sep.MedianPositive, pr.T(i18n.FigMarkMedian, numfmt.Input(sep.MedianPositive)), dashed},
	} {
		l, err := vline(m.x, 0, top, colorMark, m.dashes)
		if err != nil {
			return nil, err
		}
		if m.dashes == nil {
			l.Width = vg.Points(1.5)
		}
		p.Add(l)
		p.Legend.Add(m.name, l)
	}
	return p, nil
}

// withAlpha is c made translucent, so that overlaid bars show through.
func withAlpha(c color.RGBA, a uint8) color.Color {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: a}
}
