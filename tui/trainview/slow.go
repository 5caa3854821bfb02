package trainview

import (
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// Slow mode: playing goes one step a second, and each pane marks one anchor
// of the batch the next step trains on (A), the positive (P) and negative
// (N) its loss picked, with a braille stroke from each along −∂ℓ/∂x, ℓ
// the term they make (the step's gradient is its share ∂ℓ/∂x over the
// batch's number of terms, too small to read for batch-all). Every
// number is core/train's Inspect.

// SlowFrame is the time between two steps while playing in slow mode.
const SlowFrame = time.Second

// The marks of the three points; ASCII letters, as the playground's
// geometry chart draws them, so they read under NO_COLOR.
var slowMarks = [3]string{"A", "P", "N"}

// frame is the time to the next tick and the steps it takes.
func (m Model) frame() (time.Duration, int) {
	if m.slow {
		return SlowFrame, 1
	}
	return Frame, speeds[m.speed]
}

// toggleSlow turns slow mode on or off; playing goes on at the new pace.
func (m *Model) toggleSlow() {
	m.slow = !m.slow
	m.keys.Anchor.SetEnabled(m.slow)
	m.tickSeq = common.NewID() // the running tick chain had the old pace
	m.inspect()
}

// nextAnchor moves to the next sample of the batch.
func (m *Model) nextAnchor() {
	if !m.slow {
		return
	}
	m.anchor++
	m.inspect()
}

// inspect asks core for the anchor in every run (nothing outside slow
// mode), and widens the views to hold its points.
func (m *Model) inspect() {
	m.insp = m.insp[:0]
	if !m.slow {
		return
	}
	for i := range m.tr.Runs() {
		in, err := m.tr.Inspect(i, m.anchor)
		if err != nil {
			m.insp = m.insp[:0]
			return // the error shows where every error does, with the next measure
		}
		m.anchor = in.Position
		m.insp = append(m.insp, in)
		var pts []float64
		for row, pt := range []int{in.Anchor, in.Positive, in.Negative} {
			if pt >= 0 {
				pts = append(pts, in.Z[row][0], in.Z[row][1])
			}
		}
		m.boxes[i].include(pts)
	}
}

// scatterOf draws run i's scatter, with the anchor's marks in slow mode.
func (m *Model) scatterOf(i int, emb []float64, labels []int, w, h int) []string {
	if !m.slow || i >= len(m.insp) {
		return scatter(emb, labels, len(m.data.Classes), m.boxes[i], w, h, m.styles.classes, m.styles.glyphs)
	}
	c, pl := scatterCanvas(emb, labels, len(m.data.Classes), m.boxes[i], w, h)
	return slowScatter(c, pl, m.insp[i], m.styles)
}

// slowScatter draws over the class canvas c the strokes (braille) and the
// letters A, P, N: the letters win a cell, then the strokes, then classes.
// Under NO_COLOR the classes are glyphs, so braille is only ever a stroke.
func slowScatter(c *dotCanvas, pl plane, in train.Inspection, st styles) []string {
	strokes := newDotCanvas(c.w, c.h, 1)
	marks := make(map[int]string, 3)
	rows := []int{in.Anchor, in.Positive, in.Negative}
	top := 0.0
	for row := range rows {
		top = math.Max(top, in.TermGradNorm(row))
	}
	// The longest stroke is a sixth of the canvas's shorter side; shorter
	// ones in proportion, but long enough (5 dots) to leave the letter's cell.
	longest := math.Max(6, float64(min(2*c.w, 4*c.h))/6)
	for row, pt := range rows {
		if pt < 0 {
			continue
		}
		x, y, ok := pl.dot(in.Z[row][0], in.Z[row][1])
		if !ok {
			continue
		}
		cx, cy := min(max(x/2, 0), c.w-1), min(max(y/4, 0), c.h-1)
		// A letter whose cell is taken goes beside it, so that all three
		// show; its stroke then starts from the letter, not from under
		// another one.
		for _, off := range [][2]int{{0, 0}, {1, 0}, {-1, 0}, {0, -1}, {0, 1}, {2, 0}, {-2, 0}} {
			lx, ly := cx+off[0], cy+off[1]
			if lx < 0 || ly < 0 || lx >= c.w || ly >= c.h {
				continue
			}
			if _, taken := marks[ly*c.w+lx]; !taken {
				marks[ly*c.w+lx] = slowMarks[row]
				if off != [2]int{0, 0} {
					x, y = 2*lx, 4*ly+1
				}
				break
			}
		}
		// A push under a tenth of the largest gets no stroke: drawn at the
		// shortest visible length it would look as strong as the others.
		if g := in.TermGradNorm(row); g > 0 && g >= top/10 {
			n := math.Max(5, longest*g/top)
			// −∂ℓ/∂x; the canvas's y grows downwards.
			ex := x + int(math.Round(-in.TermGrad[row][0]/g*n))
			ey := y + int(math.Round(in.TermGrad[row][1]/g*n))
			strokes.line(x, y, ex, ey, 0)
		}
	}
	mark := st.slow
	lines := make([]string, c.h)
	var b strings.Builder
	for y := range c.h {
		b.Reset()
		for x := range c.w {
			cell := y*c.w + x
			switch letter, ok := marks[cell]; {
			case ok:
				b.WriteString(mark.Render(letter))
			case strokes.bits[cell] != 0:
				b.WriteString(mark.Render(string(rune(0x2800 + int(strokes.bits[cell])))))
			default:
				b.WriteString(c.cell(cell, st.classes, st.glyphs))
			}
		}
		lines[y] = b.String()
	}
	return lines
}

// slowLegend is run i's legend in w cells: the shown term(s), then |∂ℓ/∂x|
// of A, P and N, how far the step moves each (|Δx|) and at what angle to
// −∂ℓ/∂x. Empty outside slow mode.
func (m *Model) slowLegend(i, w int) []string {
	if !m.slow || i >= len(m.insp) {
		return nil
	}
	in := m.insp[i]
	pos, size := numfmt.Count(int64(in.Position+1)), numfmt.Count(int64(in.BatchSize))
	var head, grad, moved, angle string
	switch {
	case in.Positive < 0 || in.Negative < 0:
		head = m.p.T(i18n.TrainSlowNoPick, pos, size)
		grad = m.p.T(i18n.TrainSlowGradAnchor, numfmt.Loss(in.TermGradNorm(train.RowAnchor)))
		moved = m.p.T(i18n.TrainSlowMovedAnchor, numfmt.Loss(in.MovedNorm(train.RowAnchor)))
		angle = m.p.T(i18n.TrainSlowAngleAnchor, m.degrees(in.MovedAngle(train.RowAnchor)))
	case in.Shape == train.PairTerms:
		head = m.p.T(i18n.TrainSlowPairs, pos, size, numfmt.Loss(in.PairTerms[0]), numfmt.Loss(in.PairTerms[1]))
	case in.Shape == train.PositiveTerm:
		head = m.p.T(i18n.TrainSlowInfoNCE, pos, size, numfmt.Loss(in.Term))
	case in.Shape == train.AnchorTerm:
		head = m.p.T(i18n.TrainSlowAnchor, pos, size, numfmt.Loss(in.Term))
	default:
		head = m.p.T(i18n.TrainSlowTriplet, pos, size, numfmt.Loss(in.Term))
	}
	if grad == "" {
		grad = m.p.T(i18n.TrainSlowGrad, numfmt.Loss(in.TermGradNorm(train.RowAnchor)),
			numfmt.Loss(in.TermGradNorm(train.RowPositive)), numfmt.Loss(in.TermGradNorm(train.RowNegative)))
		moved = m.p.T(i18n.TrainSlowMoved, numfmt.Loss(in.MovedNorm(train.RowAnchor)),
			numfmt.Loss(in.MovedNorm(train.RowPositive)), numfmt.Loss(in.MovedNorm(train.RowNegative)))
		angle = m.p.T(i18n.TrainSlowAngle, m.degrees(in.MovedAngle(train.RowAnchor)),
			m.degrees(in.MovedAngle(train.RowPositive)), m.degrees(in.MovedAngle(train.RowNegative)))
	}
	var lines []string
	for _, text := range []string{head, grad, moved, angle} {
		lines = append(lines, wrap(text, w)...)
	}
	for k, l := range lines {
		lines[k] = m.styles.slow.Render(l)
	}
	return lines
}

// degrees is an angle in whole degrees, or — where it has none (NaN).
func (m *Model) degrees(a float64) string {
	if math.IsNaN(a) {
		return "—"
	}
	return m.p.T(i18n.TrainSlowDegrees, numfmt.Count(int64(math.Round(a))))
}

// slowHint is the note in slow mode: what the marks are, and why a point's
// move Δx differs from its push (the free model's own gradient, or a
// shared map's weights).
func (m *Model) slowHint() string {
	why := i18n.TrainSlowWhyShared
	if m.cfg.Model == train.Free {
		why = i18n.TrainSlowWhyFree
		for _, r := range m.tr.Runs() {
			if r.OnCircle() {
				why = i18n.TrainSlowWhyFreeCircle // "if the run is on it": one of a comparison may not be
			}
		}
	}
	return m.p.T(i18n.TrainHintSlow, m.p.T(why))
}

// slowState is the header's word for slow mode, playing or paused.
func (m *Model) slowState() string {
	if m.playing {
		return m.p.T(i18n.TrainModeSlowPlay)
	}
	return m.p.T(i18n.TrainModeSlowPause)
}

// slowStyle marks A, P, N and the strokes: bold in the text colour, apart
// from every class colour; plain under NO_COLOR, where glyphs tell them apart.
func slowStyle(st common.Styles, color bool) lipgloss.Style {
	if !color {
		return st.Base
	}
	return st.Strong
}
