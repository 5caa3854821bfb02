package playground

import (
	"math"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/tui/common"
	"losslab/tui/points"
)

// Points mode, the playground's second place: the state's points (core/grid
// State.Points) are on, d(a,p) and d(a,n) come from them, and every panel,
// chart, hint and note recomputes from them as from the controls. Its keys
// and the mouse move the points; this file is what they do, and
// pointsview.go how the screen shows it.

// stepRate is the gradient step's learning rate: t moves each point by
// −stepRate·∂L/∂x.
const stepRate = 0.1

// pointsState is what points mode keeps beside the state: the selected
// point, the loss the step key follows, the plane's frame, the points last
// shown (points mode comes back to them), the chart shown in the plane's
// place where both do not fit, and a drag in progress.
type pointsState struct {
	selected  grid.Which
	follow    points.Loss
	frame     points.Frame
	last      grid.Points
	chartOver bool
	drag      *drag
}

// drag is a point the mouse holds: what the screen showed before, so that
// the whole drag is one change (one undo, one recorded step).
type drag struct {
	which  grid.Which
	before snapshot
}

// inPoints reports whether points mode is on.
func (m Model) inPoints() bool { return m.state.Points.On }

// Place is where the mode bar says the user is.
func (m Model) Place() common.Place {
	if m.inPoints() {
		return common.PlacePoints
	}
	return common.PlacePlayground
}

// WantsMouse is true in points mode, where the mouse drags the points.
func (m Model) WantsMouse() bool { return m.inPoints() }

// distanceFixed reports whether the teacher fixed a distance (serve
// --hide dap or dan), which moving points would change.
func (m Model) distanceFixed() bool {
	h := m.ctx.Share.Hide
	return h.Fixed(grid.DAP) || h.Fixed(grid.DAN)
}

// enterPoints turns points mode on at the points last shown (or the
// default ones), placed at the current distances.
func (m *Model) enterPoints() {
	if m.distanceFixed() {
		m.status = m.ctx.Printer.T(i18n.PointsFixedDistance)
		return
	}
	s := m.state.WithPointsFrom(m.pts.last)
	if back, err := m.state.WithPoints(m.pts.last); err == nil && m.pts.last.On && back.WithoutPoints() == m.state {
		s = back // nothing changed since leaving: the same points, not ones placed again
	}
	m.change(m.snapshot(), s, "")
	m.pts.chartOver = false
}

// leavePoints goes back to the distance controls, which keep the
// distances (on their 0.01 grid).
func (m *Model) leavePoints() {
	m.pts.last, m.pts.drag = m.state.Points, nil
	m.change(m.snapshot(), m.state.WithoutPoints(), "")
}

// keepPlace is s as points mode shows it: a state from a preset, a reset
// or a replay step that says nothing of points gets points placed at its
// distances while points mode is on (setsPoints: the step turns points
// mode on or off itself).
func (m Model) keepPlace(s grid.State, setsPoints bool) grid.State {
	if m.inPoints() && !s.Points.On && !setsPoints {
		return s.WithPointsFrom(m.state.Points)
	}
	return s
}

// stepSetsPoints reports whether replay step i turns points mode on or off.
func (m Model) stepSetsPoints(i int) bool {
	return m.scenario != nil && i > 0 && i <= len(m.scenario.Steps) && m.scenario.Steps[i-1].Points
}

// withPoints is the state with points ps, or a sentence saying why not.
func (m Model) withPoints(ps grid.Points) (grid.State, string) {
	s, err := m.state.WithPoints(ps)
	if err != nil {
		return m.state, (&errtext.PointsError{Err: err}).Text(m.ctx.Printer)
	}
	return s, ""
}

// movePoint puts point w at to, as a change of the user's.
func (m *Model) movePoint(w grid.Which, to grid.Point) {
	ps := m.state.Points
	ps.At[w] = to
	s, why := m.withPoints(ps)
	if why != "" {
		m.status = why
		return
	}
	m.byHand(s)
}

// onHundredths is x moved by d hundredths, on the 0.01 grid (a point moved
// by keys lands on it, whatever a gradient step left).
func onHundredths(x float64, d int) float64 { return math.Round(x*100+float64(d)) / 100 }

// losses are what core makes of the points: both losses and their
// gradients with respect to each point.
func (m Model) losses() loss.OnPoints {
	s := m.state
	out, _ := s.Points.Losses(s.Margin.Float(), s.YAP, s.YAN) // WithPoints checked them
	return out
}

// hiddenLosses are the losses whose panel the teacher hid: their arrows,
// lengths and steps stay out of sight.
func (m Model) hiddenLosses() [points.NumLosses]bool {
	h := m.ctx.Share.Hide
	return [points.NumLosses]bool{h[PanelTriplet], h[PanelContrastive]}
}

// gradientStep moves every point by −stepRate·∂L/∂x of the loss t follows,
// or says why nothing moves.
func (m *Model) gradientStep() {
	p, l := m.ctx.Printer, m.pts.follow
	if m.hiddenLosses()[l] {
		m.status = p.T(i18n.PointsStepHidden)
		return
	}
	out := m.losses()
	grad := out.TripletGrad
	if l == points.Contrastive {
		grad = out.ContrastiveGrad
	}
	if isZero(grad) {
		m.status = p.T(map[points.Loss]i18n.ID{points.Triplet: i18n.PointsStepNothingTriplet, points.Contrastive: i18n.PointsStepNothingContrastive}[l])
		return
	}
	s, why := m.withPoints(m.state.Points.Stepped(grad, stepRate))
	if why != "" {
		m.status = p.T(i18n.PointsStepRefused, why)
		return
	}
	m.byHand(s)
}

func isZero(grad [3][]float64) bool {
	for _, g := range grad {
		for _, x := range g {
			if x != 0 {
				return false
			}
		}
	}
	return true
}

// toggleMetric reads the points with the other distance.
func (m *Model) toggleMetric() {
	ps := m.state.Points
	ps.Metric = dist.Cosine
	if m.state.Points.Metric == dist.Cosine {
		ps.Metric = dist.Euclidean
	}
	s, why := m.withPoints(ps)
	if why != "" {
		m.status = why
		return
	}
	m.byHand(s)
}

// updatePointsKey answers the keys points mode gives a meaning of its own;
// it reports false for the playground's other keys.
func (m *Model) updatePointsKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys.points
	for w, b := range k.Select {
		if key.Matches(msg, b) {
			m.pts.selected = grid.Which(w)
			return nil, true
		}
	}
	for _, mv := range k.Moves() {
		if key.Matches(msg, mv.Key) {
			at := m.state.Points.At[m.pts.selected]
			m.movePoint(m.pts.selected, grid.Point{X: onHundredths(at.X, mv.DX), Y: onHundredths(at.Y, mv.DY)})
			return nil, true
		}
	}
	switch {
	case key.Matches(msg, k.Step):
		m.gradientStep()
	case key.Matches(msg, k.Follow):
		m.pts.follow = (m.pts.follow + 1) % points.NumLosses
	case key.Matches(msg, k.Metric):
		m.toggleMetric()
	case key.Matches(msg, k.Leave):
		m.leavePoints()
	case key.Matches(msg, m.keys.Cancel) && !m.notes.open && !m.conventions.showing():
		m.leavePoints()
	case key.Matches(msg, m.keys.Chart) && !m.notes.open && !m.conventions.showing() && !m.planeBesideChart():
		m.cyclePlaneAndCharts()
	case key.Matches(msg, m.keys.Toggle): // no label to toggle here: space plays the replay
		return m.togglePlay(), true
	case key.Matches(msg, m.keys.Edit):
		m.status = m.ctx.Printer.T(i18n.PointsNoTyping)
	default:
		return nil, false
	}
	return nil, true
}

// cyclePlaneAndCharts is c where the plane and a chart share one place:
// the plane, then each chart, then the plane again.
func (m *Model) cyclePlaneAndCharts() {
	switch {
	case !m.pts.chartOver:
		m.pts.chartOver = true
	case m.chart == len(charts)-1:
		m.pts.chartOver = false
		m.nextChart()
	default:
		m.nextChart()
	}
}

// updateMouse is points mode's mouse: a press on the plane picks the point
// under it (or moves the selected point there) and holds it, motion drags
// it, the release makes the drag one change.
func (m *Model) updateMouse(msg tea.MouseMsg) {
	if !m.inPoints() {
		return
	}
	r, shown := m.planeRect()
	x, y := msg.X-r.x, msg.Y-r.y
	inside := shown && x >= 0 && y >= 0 && x < r.w && y < r.h
	switch msg.Action {
	case tea.MouseActionPress:
		if !inside || msg.Button != tea.MouseButtonLeft {
			return
		}
		m.status = ""
		w, onPoint := m.pointAtCell(x, y)
		if onPoint {
			m.pts.selected = w
		}
		m.pts.drag = &drag{which: m.pts.selected, before: m.snapshot()}
		if !onPoint { // a press on empty plane puts the selected point there
			m.dragTo(x, y)
		}
	case tea.MouseActionMotion:
		if m.pts.drag != nil && shown {
			m.dragTo(min(max(x, 0), r.w-1), min(max(y, 0), r.h-1))
		}
	case tea.MouseActionRelease:
		if d := m.pts.drag; d != nil {
			m.pts.drag = nil
			m.playing = false
			if m.scenario != nil && m.state != d.before.state {
				m.owned = true
			}
			m.change(d.before, m.state, "")
		}
	}
}

// dragTo moves the held point to cell (x, y) of the plane, without
// recording: the release records the drag.
func (m *Model) dragTo(x, y int) {
	ps := m.state.Points
	ps.At[m.pts.drag.which] = m.pts.frame.At(x, y)
	s, why := m.withPoints(ps)
	if why != "" {
		m.status = why
		return
	}
	m.status = ""
	if err := m.evaluate(s); err != nil {
		m.status = err.Error()
	}
}

// pointAtCell is the point drawn at or next to cell (x, y), the nearest.
func (m Model) pointAtCell(x, y int) (grid.Which, bool) {
	best, bestD := grid.A, 3
	for w := range grid.NumPoints {
		cx, cy := m.pts.frame.Cell(m.state.Points.At[w])
		if d := max(abs(cx-x), abs(cy-y)); d < bestD {
			best, bestD = w, d
		}
	}
	return best, bestD <= 1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// refreshPlane keeps the plane's frame on what it shows, except while a
// drag holds it still under the pointer. A frame that still holds the
// scene stays without laying the screen out (the view fits a frame whose
// size the layout changed).
func (m *Model) refreshPlane() {
	if !m.inPoints() || m.pts.drag != nil {
		return
	}
	box := m.scene().Box()
	f := m.pts.frame
	if f.Unit > 0 && f.Follow(box, f.W, f.H) == f {
		return
	}
	if r, shown := m.planeRect(); shown {
		m.pts.frame = f.Follow(box, r.w, r.h)
	}
}

// scene is what the plane draws.
func (m Model) scene() points.Scene {
	return points.Scene{
		Points: m.state.Points, Margin: m.state.Margin.Float(), Losses: m.losses(),
		Selected: m.pts.selected, Hidden: m.hiddenLosses(), Styles: m.styles,
	}
}

// PlaceKeys are the keys to other places the mode bar shows: x between the
// distance controls and points mode, g to the course.
func (m Model) PlaceKeys() map[common.Place]string {
	out := map[common.Place]string{}
	if m.keys.Learn.Enabled() {
		out[common.PlaceCourse] = "g"
	}
	if m.inPoints() {
		out[common.PlacePlayground] = "x"
	} else if !m.distanceFixed() {
		out[common.PlacePoints] = "x"
	}
	return out
}

// helpKeys are the keys the help pages list: points mode's own where it is
// on (its arrows move a point, they edit no control).
func (m Model) helpKeys() [][]key.Binding {
	if m.inPoints() {
		return m.keys.PointsHelp()
	}
	return m.keys.FullHelp()
}
