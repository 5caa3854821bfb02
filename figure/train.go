package figure

import (
	"image/color"
	"maps"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"losslab/i18n"
	"losslab/internal/numfmt"
)

// TrainRun is what a training figure shows of one run: its name, its loss
// at each recorded step (core/train's Metrics), and the sorted same-class
// and different-class distances at the start and at the end (its
// Distances()), with the final embeddings (x, y pairs) and their classes.
type TrainRun struct {
	Name               string
	Steps              []int
	Loss               []float64
	StartPos, StartNeg []float64
	EndPos, EndNeg     []float64
	Embeddings         []float64
	Labels             []int
	Classes            []string // class names by label, for the scatter's legend
	StartAUC, EndAUC   float64
	// HeldOutPos and HeldOutNeg are the held-out points' sorted distances
	// at the end (none for the free model or without held-out points),
	// HeldOutAUC their AUC; HeldOutClasses says whole classes were held out.
	HeldOutPos, HeldOutNeg []float64
	HeldOutAUC             float64
	HeldOutClasses         bool
}

// Train is three figures side by side: the loss curve of each run, the
// first run's distance distributions at the start and at the end, and its
// final embeddings coloured by class; with held-out distances a fourth
// before the embeddings, the held-out points' at the end on the same
// distance axis. data names the data set.
func Train(runs []TrainRun, data string, st Style) ([]*plot.Plot, error) {
	pr := st.Printer
	curves := st.newPlot(pr.T(i18n.FigTrainLossTitle, data), pr.T(i18n.FigAxisStep), pr.T(i18n.FigAxisLoss))
	for i, r := range runs {
		pts := make(plotter.XYs, len(r.Steps))
		for j := range r.Steps {
			pts[j] = plotter.XY{X: float64(r.Steps[j]), Y: r.Loss[j]}
		}
		dash := []vg.Length(nil)
		if i > 0 {
			dash = dashed
		}
		l, err := line(pts, runColors[i%len(runColors)], vg.Points(1.5), dash)
		if err != nil {
			return nil, err
		}
		curves.Add(l)
		curves.Legend.Add(r.Name, l)
	}
	r := runs[0]
	dists := st.newPlot(pr.T(i18n.FigTrainDistTitle, r.Name, numfmt.Loss(r.StartAUC), numfmt.Loss(r.EndAUC)), pr.T(i18n.FigAxisD), pr.T(i18n.FigAxisShare))
	top := 0.0
	for _, v := range [][]float64{r.StartPos, r.StartNeg, r.EndPos, r.EndNeg, r.HeldOutPos, r.HeldOutNeg} {
		if len(v) > 0 {
			top = math.Max(top, v[len(v)-1]) // sorted
		}
	}
	const bins = 30
	for _, s := range []struct {
		v      []float64
		name   i18n.ID
		c      color.RGBA
		fill   bool
		dashes []vg.Length
	}{
		{r.StartPos, i18n.FigTrainStartSame, colorSame, false, dotted},
		{r.StartNeg, i18n.FigTrainStartDiff, colorDifferent, false, dotted},
		{r.EndPos, i18n.FigTrainEndSame, colorSame, true, nil},
		{r.EndNeg, i18n.FigTrainEndDiff, colorDifferent, true, dashed},
	} {
		h := shareHistogram(s.v, top, bins)
		h.LineStyle.Color, h.LineStyle.Width, h.LineStyle.Dashes = s.c, vg.Points(1), s.dashes
		if s.fill {
			h.FillColor = withAlpha(s.c, 0x50)
		}
		dists.Add(h)
		dists.Legend.Add(pr.T(s.name), h)
	}
	dists.Y.Min = 0
	plots := []*plot.Plot{curves, dists}
	if len(r.HeldOutPos)+len(r.HeldOutNeg) > 0 {
		plots = append(plots, heldOutDistances(st, r, top, bins))
		// One distance axis for both panels, so that they read on one scale.
		for _, p := range plots[1:] {
			p.X.Min, p.X.Max = 0, math.Max(top, 1e-12)
		}
	}
	scatter, err := classScatter(st, pr.T(i18n.FigTrainScatterTitle, r.Name), r)
	if err != nil {
		return nil, err
	}
	return append(plots, scatter), nil
}

// heldOutDistances is the held-out points' distances at the end over
// [0, top] in bins bars, drawn as the training points' end distributions.
func heldOutDistances(st Style, r TrainRun, top float64, bins int) *plot.Plot {
	pr := st.Printer
	title := i18n.FigTrainHeldOutTitle
	if r.HeldOutClasses {
		title = i18n.FigTrainHeldOutClassesTitle
	}
	p := st.newPlot(pr.T(title, r.Name, numfmt.Loss(r.HeldOutAUC)), pr.T(i18n.FigAxisD), pr.T(i18n.FigAxisShare))
	for _, s := range []struct {
		v      []float64
		name   i18n.ID
		c      color.RGBA
		dashes []vg.Length
	}{{r.HeldOutPos, i18n.FigTrainHeldOutSame, colorSame, nil}, {r.HeldOutNeg, i18n.FigTrainHeldOutDiff, colorDifferent, dashed}} {
		h := shareHistogram(s.v, top, bins)
		h.LineStyle.Color, h.LineStyle.Width, h.LineStyle.Dashes = s.c, vg.Points(1), s.dashes
		h.FillColor = withAlpha(s.c, 0x50)
		p.Add(h)
		p.Legend.Add(pr.T(s.name), h)
	}
	p.Y.Min = 0
	return p
}

// classScatter is r's final embeddings, a glyph and colour per class, with
// a legend naming the classes. Its ranges hold every glyph whole (gonum's
// own end at the outermost centres, which cut those glyphs in half) and
// leave a band on the right for the legend, clear of the points.
func classScatter(st Style, title string, r TrainRun) (*plot.Plot, error) {
	p := st.newPlot(title, "", "")
	byClass := map[int]plotter.XYs{}
	lo, hi := plotter.XY{X: math.Inf(1), Y: math.Inf(1)}, plotter.XY{X: math.Inf(-1), Y: math.Inf(-1)}
	for i, c := range r.Labels {
		pt := plotter.XY{X: r.Embeddings[2*i], Y: r.Embeddings[2*i+1]}
		byClass[c] = append(byClass[c], pt)
		lo.X, lo.Y, hi.X, hi.Y = math.Min(lo.X, pt.X), math.Min(lo.Y, pt.Y), math.Max(hi.X, pt.X), math.Max(hi.Y, pt.Y)
	}
	classes := slices.Sorted(maps.Keys(byClass))
	for _, c := range classes {
		s, err := plotter.NewScatter(byClass[c])
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: classColors[c%len(classColors)], Radius: vg.Points(2), Shape: classShapes[c%len(classShapes)]}
		p.Add(s)
		name := strconv.Itoa(c)
		if c < len(r.Classes) {
			name = r.Classes[c]
		}
		p.Legend.Add(name, s)
	}
	if len(classes) == 0 {
		return p, nil
	}
	// A twentieth of each span (a glyph is a few points of a plot some
	// 250 wide), and a band of a third of the width on the right.
	w, h := math.Max(hi.X-lo.X, 1e-9), math.Max(hi.Y-lo.Y, 1e-9)
	p.X.Min, p.X.Max = lo.X-w/20, hi.X+w/20+w/3
	p.Y.Min, p.Y.Max = lo.Y-h/20, hi.Y+h/20
	return p, nil
}

// shareHistogram bins sorted values v over [0, top] into bins bars whose
// heights are each bin's share of v.
func shareHistogram(v []float64, top float64, bins int) *plotter.Histogram {
	width := math.Max(top, 1e-12) / float64(bins)
	out := make([]plotter.HistogramBin, bins)
	for i := range out {
		out[i] = plotter.HistogramBin{Min: float64(i) * width, Max: float64(i+1) * width}
	}
	for _, x := range v {
		i := min(int(x/width), bins-1)
		out[i].Weight++
	}
	if n := float64(len(v)); n > 0 {
		for i := range out {
			out[i].Weight /= n
		}
	}
	return &plotter.Histogram{Bins: out, Width: width}
}

// Colours of runs and classes; classes also differ in glyph shape.
var (
	runColors   = []color.Color{colorAccent, colorDifferent, colorSame}
	classColors = []color.Color{
		color.RGBA{0x00, 0x57, 0xB8, 0xff}, color.RGBA{0xC2, 0x41, 0x0C, 0xff}, color.RGBA{0x1B, 0x7F, 0x3B, 0xff},
		color.RGBA{0x8A, 0x5A, 0x00, 0xff}, color.RGBA{0x5A, 0x3F, 0xC0, 0xff}, color.RGBA{0xB0, 0x00, 0x20, 0xff},
		color.RGBA{0x30, 0x30, 0x30, 0xff}, color.RGBA{0x00, 0x8B, 0x8B, 0xff}, color.RGBA{0xC7, 0x15, 0x85, 0xff},
		color.RGBA{0x55, 0x6B, 0x2F, 0xff},
	}
	classShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}}
)
