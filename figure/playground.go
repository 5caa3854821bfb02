package figure

import (
	"image/color"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// samples is how many points a curve is drawn through, besides its kinks.
const samples = 300

// grid returns samples+1 points over [0, top] plus the kinks, sorted, so
// that a hinge's corner is drawn exactly where it is.
func grid(top float64, kinks ...float64) []float64 {
	xs := make([]float64, 0, samples+1+len(kinks))
	for i := 0; i <= samples; i++ {
		xs = append(xs, top*float64(i)/samples)
	}
	for _, k := range kinks {
		if k > 0 && k < top {
			xs = append(xs, k)
		}
	}
	sort.Float64s(xs)
	return xs
}

// xTop is the right end of the distance axis: the playground's 3, or
// further when a value lies beyond it.
func xTop(s loss.Setting) float64 {
	return math.Max(3, math.Ceil(math.Max(math.Max(s.DAP+s.Margin, s.DAN), s.DAP)*1.1*2)/2)
}

// Triplet is the triplet loss against d(a,n) for the setting's d(a,p) and
// margin, over the hard, semi-hard and easy zones, with the setting marked.
func Triplet(s loss.Setting, st Style) (*plot.Plot, error) {
	pr := st.Printer
	now, err := loss.TripletLoss(s.DAP, s.DAN, s.Margin)
	if err != nil {
		return nil, err
	}
	top := xTop(s)
	var curve plotter.XYs
	for _, x := range grid(top, s.DAP, s.DAP+s.Margin) {
		t, err := loss.TripletLoss(s.DAP, x, s.Margin)
		if err != nil {
			return nil, err
		}
		curve = append(curve, plotter.XY{X: x, Y: t.Loss})
	}
	yTop := math.Max(curve[0].Y, now.Loss) * 1.15
	yTop = math.Max(yTop, 0.1)
	p := st.newPlot(pr.T(i18n.FigTripletTitle, numfmt.Input(s.DAP), numfmt.Input(s.Margin)), pr.T(i18n.FigAxisDAN), pr.T(i18n.FigAxisTripletLoss))
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, top, 0, yTop
	bounds := [4]float64{0, s.DAP, s.DAP + s.Margin, top}
	names := [3]string{pr.T(i18n.FigZoneHard), pr.T(i18n.FigZoneSemiHard), pr.T(i18n.FigZoneEasy)}
	for r := range 3 {
		if bounds[r+1] <= bounds[r] {
			continue // no semi-hard band without a margin
		}
		z, err := zone(bounds[r], bounds[r+1], yTop, zoneColors[r])
		if err != nil {
			return nil, err
		}
		p.Add(z)
		p.Legend.Add(names[r], z)
	}
	l, err := line(curve, colorAccent, vg.Points(1.5), nil)
	if err != nil {
		return nil, err
	}
	p.Add(l)
	p.Legend.Add(loss.TripletFormula, l)
	mark, err := st.marker(s.DAN, now.Loss, pr.T(i18n.FigStateMark, numfmt.Input(s.DAN), numfmt.Loss(now.Loss)), draw.CircleGlyph{}, colorMark)
	if err != nil {
		return nil, err
	}
	p.Add(mark...)
	return p, nil
}

// Contrastive is the contrastive loss of one pair against d, for a
// same-class and a different-class pair, with the two pairs of the setting
// marked.
func Contrastive(s loss.Setting, st Style) (*plot.Plot, error) {
	pr := st.Printer
	top := xTop(s)
	p := st.newPlot(pr.T(i18n.FigContrastiveTitle, numfmt.Input(s.Margin)), pr.T(i18n.FigAxisD), pr.T(i18n.FigAxisPairLoss))
	// The y range shows the pairs and the margin's corner; ½d² runs on above it.
	yTop := 0.5 * math.Pow(math.Max(math.Max(s.DAP, s.DAN), s.Margin), 2) * 1.3
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, top, 0, math.Max(0.5, math.Ceil(yTop*2)/2)
	for i, y := range []loss.Label{loss.Same, loss.Different} {
		var curve plotter.XYs
		for _, x := range grid(top, s.Margin) {
			pair, err := loss.ContrastivePair(x, s.Margin, y)
			if err != nil {
				return nil, err
			}
			curve = append(curve, plotter.XY{X: x, Y: pair.Loss})
		}
		c, dash, name := colorSame, []vg.Length(nil), pr.T(i18n.FigCurveSame)
		if i == 1 {
			c, dash, name = colorDifferent, dashed, pr.T(i18n.FigCurveDifferent)
		}
		l, err := line(curve, c, vg.Points(1.5), dash)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		p.Legend.Add(name, l)
	}
	for i, pair := range []struct {
		d float64
		y loss.Label
	}{{s.DAP, s.YAP}, {s.DAN, s.YAN}} {
		got, err := loss.ContrastivePair(pair.d, s.Margin, pair.y)
		if err != nil {
			return nil, err
		}
		shape, c := draw.GlyphDrawer(draw.CircleGlyph{}), colorSame
		if pair.y == loss.Different {
			c = colorDifferent
		}
		if i == 1 {
			shape = draw.SquareGlyph{}
		}
		mark, err := st.marker(pair.d, got.Loss, pr.T(i18n.FigPairMark, loss.PairID(i), numfmt.Input(pair.d), numfmt.Loss(got.Loss)), shape, c)
		if err != nil {
			return nil, err
		}
		p.Add(mark...)
	}
	return p, nil
}

// tripletGrid is the triplet loss over (d(a,p), d(a,n)) ∈ [0, 3]², each
// cell computed by loss.TripletLoss.
type tripletGrid struct {
	n      int
	top, m float64
	z      []float64
}

func newTripletGrid(n int, top, m float64) (*tripletGrid, error) {
	g := &tripletGrid{n: n, top: top, m: m, z: make([]float64, n*n)}
	for r := range n {
		for c := range n {
			t, err := loss.TripletLoss(g.X(c), g.Y(r), m)
			if err != nil {
				return nil, err
			}
			g.z[r*n+c] = t.Loss
		}
	}
	return g, nil
}

func (g *tripletGrid) Dims() (int, int)   { return g.n, g.n }
func (g *tripletGrid) Z(c, r int) float64 { return g.z[r*g.n+c] }
func (g *tripletGrid) X(c int) float64    { return g.top * (float64(c) + 0.5) / float64(g.n) }
func (g *tripletGrid) Y(r int) float64    { return g.top * (float64(r) + 0.5) / float64(g.n) }

// Heatmap is the triplet loss over d(a,p) (x) and d(a,n) (y) with the
// regime boundaries d(a,n) = d(a,p) and d(a,n) = d(a,p) + m and the
// setting marked.
func Heatmap(s loss.Setting, st Style) (*plot.Plot, error) {
	pr := st.Printer
	top := xTop(s)
	g, err := newTripletGrid(120, top, s.Margin)
	if err != nil {
		return nil, err
	}
	p := st.newPlot(pr.T(i18n.FigHeatmapTitle, numfmt.Input(s.Margin)), pr.T(i18n.FigAxisDAP), pr.T(i18n.FigAxisDAN))
	pal := moreland.SmoothBlueRed().Palette(64)
	h := plotter.NewHeatMap(g, pal)
	h.Rasterized = true // one embedded image, not 14,400 rectangles (1.3 MB of SVG)
	p.Add(h)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, top, 0, top
	hard, err := line(plotter.XYs{{X: 0, Y: 0}, {X: top, Y: top}}, colorMark, vg.Points(1), nil)
	if err != nil {
		return nil, err
	}
	edge, err := line(plotter.XYs{{X: 0, Y: s.Margin}, {X: top - s.Margin, Y: top}}, colorMark, vg.Points(1), dashed)
	if err != nil {
		return nil, err
	}
	p.Add(hard, edge)
	p.Legend.Add(pr.T(i18n.FigHardBoundary), hard)
	p.Legend.Add(pr.T(i18n.FigEasyBoundary), edge)
	now, err := loss.TripletLoss(s.DAP, s.DAN, s.Margin)
	if err != nil {
		return nil, err
	}
	mark, err := st.marker(s.DAP, s.DAN, pr.T(i18n.FigStateMark2, numfmt.Input(s.DAP), numfmt.Input(s.DAN), numfmt.Loss(now.Loss)), draw.PyramidGlyph{}, colorMark)
	if err != nil {
		return nil, err
	}
	p.Add(mark...)
	return p, nil
}

// Geometry places the anchor at the origin, the positive at d(a,p) on the
// x axis and the negative at d(a,n) in the direction the playground uses,
// with circles of radius d(a,p) and d(a,p) + m.
func Geometry(s loss.Setting, st Style) (*plot.Plot, error) {
	pr := st.Printer
	p := st.newPlot(pr.T(i18n.FigGeometryTitle, numfmt.Input(s.DAP), numfmt.Input(s.DAP+s.Margin)), "", "")
	r := math.Max(math.Max(s.DAP+s.Margin, s.DAN), 0.1) * 1.2
	// A figure 16:10 wide: the x range is wider so that circles stay round.
	rx := r * float64(Width) / float64(Height)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -rx, rx, -r, r
	circle := func(radius float64) plotter.XYs {
		pts := make(plotter.XYs, 181)
		for i := range pts {
			t := 2 * math.Pi * float64(i) / 180
			pts[i] = plotter.XY{X: radius * math.Cos(t), Y: radius * math.Sin(t)}
		}
		return pts
	}
	inner, err := line(circle(s.DAP), colorSame, vg.Points(1.2), nil)
	if err != nil {
		return nil, err
	}
	p.Add(inner)
	p.Legend.Add(pr.T(i18n.FigInnerCircle), inner)
	if s.Margin > 0 {
		outer, err := line(circle(s.DAP+s.Margin), colorMark, vg.Points(1), dashed)
		if err != nil {
			return nil, err
		}
		p.Add(outer)
		p.Legend.Add(pr.T(i18n.FigOuterCircle), outer)
	}
	const angle = 2.4 // radians: the negative sits up and to the left, as in the playground
	for _, pt := range []struct {
		x, y  float64
		label string
		shape draw.GlyphDrawer
		c     color.Color
	}{
		{0, 0, "A", draw.CrossGlyph{}, colorMark},
		{s.DAP, 0, "P", draw.CircleGlyph{}, colorSame},
		{s.DAN * math.Cos(angle), s.DAN * math.Sin(angle), "N", draw.SquareGlyph{}, colorDifferent},
	} {
		mark, err := st.marker(pt.x, pt.y, pt.label, pt.shape, pt.c)
		if err != nil {
			return nil, err
		}
		p.Add(mark...)
	}
	return p, nil
}

// HistoryPoint is one state's two losses, as the playground's history
// chart keeps them (each computed by core/loss when the state was shown).
type HistoryPoint struct{ Triplet, Contrastive float64 }

// History is both losses over the states shown so far, state i at x = i+1
// as the playground's chart numbers them: states are counted, so the axis
// has whole ticks only, and one state sits in the middle of [0.5, 1.5]
// rather than on gonum's default axis from −1 to 1.
func History(points []HistoryPoint, st Style) (*plot.Plot, error) {
	pr := st.Printer
	n := len(points)
	p := st.newPlot(pr.N(i18n.FigHistoryTitle, int64(n), numfmt.Count(int64(n))), pr.T(i18n.FigAxisState), pr.T(i18n.FigAxisLoss))
	p.Y.Min = 0
	p.X.Min, p.X.Max = 1, float64(max(n, 1))
	if n < 2 {
		p.X.Min, p.X.Max = 0.5, 1.5
	}
	p.X.Tick.Marker = wholeTicks{}
	trip, con := make(plotter.XYs, n), make(plotter.XYs, n)
	for i, h := range points {
		trip[i] = plotter.XY{X: float64(i + 1), Y: h.Triplet}
		con[i] = plotter.XY{X: float64(i + 1), Y: h.Contrastive}
	}
	for i, series := range []plotter.XYs{trip, con} {
		if len(series) == 0 {
			continue
		}
		c, dash, name := colorAccent, []vg.Length(nil), pr.T(i18n.FigCurveTriplet)
		if i == 1 {
			c, dash, name = colorSame, dotted, pr.T(i18n.FigCurveContrastive)
		}
		l, s, err := plotter.NewLinePoints(series)
		if err != nil {
			return nil, err
		}
		l.Color, l.Dashes, l.Width = c, dash, vg.Points(1.2)
		s.GlyphStyle.Color, s.GlyphStyle.Radius = c, vg.Points(2)
		p.Add(l, s)
		p.Legend.Add(name, l, s)
	}
	return p, nil
}

// wholeTicks are gonum's default ticks at whole numbers only, labelled
// without decimals: an axis that counts.
type wholeTicks struct{}

func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Value == math.Trunc(t.Value) {
			if t.Label != "" {
				t.Label = strconv.FormatFloat(t.Value, 'f', 0, 64)
			}
			out = append(out, t)
		}
	}
	if len(out) == 0 { // a span under one: its whole numbers
		for v := math.Ceil(lo); v <= hi; v++ {
			out = append(out, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', 0, 64)})
		}
	}
	return out
}
