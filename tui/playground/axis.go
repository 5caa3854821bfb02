package playground

import (
	"math"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/canvas/graph"

	"losslab/internal/numfmt"
)

// Axes are ticked at round values (0, 0.5, 1.0 or 0.25 steps, integers for
// counts), each label on the row or column where a point of that value is
// drawn, so a marker and the label of its value share a row. Labels are
// ASCII: ntcharts measures them in bytes.

// tickSteps are the candidate distances between ticks, smallest first.
var tickSteps = []float64{0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000}

// ticks are the round values an axis labels, and their label decimals.
type ticks struct {
	values   []float64
	decimals int
}

func (t ticks) label(v float64) string { return numfmt.Fixed(v, t.decimals) }

func (t ticks) width() int {
	w := 1
	for _, v := range t.values {
		w = max(w, len(t.label(v)))
	}
	return w
}

// decimalsOf is how many decimals a step needs (at least one for fractions
// of the axis, none for integer steps when whole is set).
func decimalsOf(step float64, whole bool) int {
	for d := 0; d < 4; d++ {
		if math.Abs(step*math.Pow10(d)-math.Round(step*math.Pow10(d))) < 1e-9 {
			if d == 0 && !whole {
				return 1
			}
			return d
		}
	}
	return 4
}

// multiples lists the multiples of step within [lo, hi].
func multiples(lo, hi, step float64) []float64 {
	var out []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+1e-9*step; k++ {
		out = append(out, k*step)
	}
	return out
}

// yTicks picks the smallest round step whose ticks land on rows at least
// gap rows apart in a graph of rows rows (gap 2 once there is room).
func yTicks(lo, hi float64, rows int) ticks {
	gap := 1
	if rows >= 8 {
		gap = 2
	}
	dots := float64(4*rows - 1)
	row := func(v float64) int {
		return (4*rows - 1 - int(math.Round(math.Round((v-lo)*dots/(hi-lo)*1e6)/1e6))) / 4
	}
	var first *ticks
	for _, step := range tickSteps {
		vs := multiples(lo, hi, step)
		if len(vs) < 2 || len(vs) > max(2, rows/gap+1) {
			continue
		}
		ok := true
		for i := 1; i < len(vs); i++ {
			if row(vs[i-1])-row(vs[i]) < gap {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		t := ticks{vs, decimalsOf(step, false)}
		// In a graph of a few rows an unlabelled top row is a third of the
		// axis with no value: prefer ticks that label it, if any do.
		if rows > 4 || row(vs[len(vs)-1]) == 0 {
			return t
		}
		if first == nil {
			first = &t
		}
	}
	if first != nil {
		return *first
	}
	return ticks{[]float64{lo, hi}, 2}
}

// drawAxes draws both axes with the y ticks yt and x ticks that fit the
// graph's width.
func (p *plot) drawAxes(yt ticks) {
	lc := &p.lc
	o := lc.Origin()
	graph.DrawXYAxis(&lc.Canvas, o, lc.AxisStyle)
	for _, v := range yt.values {
		at := p.cell(lc.ViewMinX(), v)
		s := yt.label(v)
		lc.Canvas.SetStringWithStyle(canvas.Point{X: o.X - len(s), Y: at.Y}, s, lc.LabelStyle)
		if at.Y < o.Y {
			lc.Canvas.SetCell(canvas.Point{X: o.X, Y: at.Y}, canvas.NewCellWithStyle('┤', lc.AxisStyle))
		}
	}
	xt := p.xTicks()
	next := 0 // first free column of the label row
	for _, v := range xt.values {
		x := p.cell(v, lc.ViewMinY()).X
		s := xt.label(v)
		if x < next || x+len(s) > lc.Canvas.Width() {
			continue
		}
		lc.Canvas.SetStringWithStyle(canvas.Point{X: x, Y: o.Y + 1}, s, lc.LabelStyle)
		lc.Canvas.SetCell(canvas.Point{X: x, Y: o.Y}, canvas.NewCellWithStyle('┬', lc.AxisStyle))
		next = x + len(s) + 1
	}
}

// xTicks picks the smallest round step whose labels do not touch.
func (p *plot) xTicks() ticks {
	lo, hi := p.lc.ViewMinX(), p.lc.ViewMaxX()
	cols := float64(p.lc.GraphWidth())
	for _, step := range tickSteps {
		if p.intX && step < 1 || isQuarter(step) {
			continue // x labels are wider than rows are tall: 1-2-5 steps read best
		}
		t := ticks{multiples(lo, hi, step), decimalsOf(step, p.intX)}
		if len(t.values) < 2 && step < hi-lo {
			continue
		}
		if step*cols/(hi-lo) >= float64(t.width()+3) {
			return t
		}
	}
	return ticks{[]float64{lo}, 1}
}

// isQuarter tells the 2.5·10^k steps apart from the 1-2-5 series.
func isQuarter(step float64) bool {
	k := step / math.Pow10(int(math.Floor(math.Log10(step))))
	return math.Abs(k-2.5) < 1e-9
}
