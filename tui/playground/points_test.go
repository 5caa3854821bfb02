package playground

import (
	"math"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/statestr"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
	"losslab/tui/points"
)

// pointsModel is the playground opened in points mode (losslab --points)
// at w×h.
func pointsModel(t testing.TB, opts Options, w, h int) *Model {
	t.Helper()
	opts.Points = true
	return sized(standalone(testOptions(t, opts)), w, h)
}

// near compares a shown value with the one core computes.
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }

// arrowAt is the arrow of loss l at point w, if one is drawn.
func arrowAt(m *Model, l points.Loss, w grid.Which) (points.Arrow, bool) {
	for _, a := range m.scene().Arrows() {
		if a.Loss == l && a.Point == w {
			return a, true
		}
	}
	return points.Arrow{}, false
}

// Select the negative, move it by keys: the distances are the points' own,
// and every panel recomputes from them through core/loss, as a typed
// distance would; the arrows point the way descent moves each point.
func TestPointsSelectAndMoveByKeys(t *testing.T) {
	tm := teatest.NewTestModel(t, pointsModel(t, Options{}, 80, 22), teatest.WithInitialTermSize(80, 22))
	tm.Send(tuitest.Key("3"))
	tm.Send(tuitest.Key("left"))
	tm.Send(tuitest.Key("left"))
	// n = (0.6, 0.4), a = (1, 0): d(a,n) = √0.32 = 0.565685…
	tuitest.WaitAll(t, tm, "▸ N (0.60, 0.40)", "d(a,n) 0.565685", "max(0.70 − 0.565685 + 0.20, 0) = 0.3343")
	tm.Send(tuitest.Key("q"))
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	dan := math.Sqrt(0.32)
	ev := m.Evaluation()
	want, _ := loss.Evaluate(loss.Setting{DAP: 0.7, DAN: dan, Margin: 0.2, YAP: loss.Same, YAN: loss.Different})
	if !near(ev.DAN, dan) || !near(ev.Triplet.Loss, want.Triplet.Loss) || !near(ev.Contrastive, want.Contrastive) || ev.Triplet.Regime != loss.Hard {
		t.Errorf("evaluation %+v, want %+v", ev.Triplet, want.Triplet)
	}
	if m.state.DAN != 57 {
		t.Errorf("the controls hold d(a,n) = %v, want 0.57", m.state.DAN)
	}
	// −∂L/∂n pushes the negative straight away from the anchor: up and left.
	ar, ok := arrowAt(m, points.Triplet, grid.N)
	if !ok || ar.Direction() != 3 || ar.Tip() != "↖" || !near(ar.Length, 1) {
		t.Errorf("triplet arrow at n: %+v", ar)
	}
	// −∂L/∂p pulls the positive toward the anchor: left.
	if ar, ok := arrowAt(m, points.Triplet, grid.P); !ok || ar.Tip() != "←" {
		t.Errorf("triplet arrow at p: %+v", ar)
	}
	// The contrastive push on n is off (d(a,n) ≥ m): no arrow, the legend says why.
	if _, ok := arrowAt(m, points.Contrastive, grid.N); ok || !strings.Contains(m.View(), "0 · hinge off") {
		t.Errorf("a contrastive arrow at n, or no reason:\n%s", m.View())
	}
}

// Press on the positive, drag it, release, as a program receives them:
// the point follows the pointer on the 0.01 grid, the panels recompute at
// every motion, and the whole drag is one change to undo and one recorded
// step.
func TestPointsMouseDrag(t *testing.T) {
	m := pointsModel(t, Options{}, 80, 22)
	r, shown := m.planeRect()
	if !shown {
		t.Fatal("the plane is not shown")
	}
	px, py := m.pts.frame.Cell(m.state.Points.At[grid.P])
	to := m.pts.frame.At(px, py-2)
	undos, steps := len(m.undo), m.session.Len()
	mouse := func(x, y int, a tea.MouseAction) tea.MouseMsg {
		return tea.MouseMsg{X: r.x + x, Y: r.y + y, Action: a, Button: tea.MouseButtonLeft}
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 22))
	tm.Send(mouse(px, py, tea.MouseActionPress))
	tuitest.WaitText(t, tm, "▸ P (1.70, 0.00)") // the press selects the point under it
	tm.Send(mouse(px, py-2, tea.MouseActionMotion))
	a := grid.Point{X: 1}
	dap := math.Hypot(to.X-a.X, to.Y-a.Y)
	tuitest.WaitAll(t, tm, "▸ P ("+numfmt.Fixed(to.X, 2)+", "+numfmt.Fixed(to.Y, 2)+")", "d(a,p) "+numfmt.Input(dap))
	tm.Send(mouse(px, py-2, tea.MouseActionRelease))
	tm.Send(tuitest.Key("q"))
	m = tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if m.state.Points.At[grid.P] != to || !near(m.Evaluation().DAP, dap) {
		t.Errorf("p at %v, d(a,p) %v; want %v, %v", m.state.Points.At[grid.P], m.Evaluation().DAP, to, dap)
	}
	if len(m.undo) != undos+1 || m.session.Len() != steps+1 {
		t.Errorf("after the release: %d undos (want %d), %d steps (want %d)", len(m.undo), undos+1, m.session.Len(), steps+1)
	}
	if m = press(t, m, "u"); m.state.Points.At[grid.P] != (grid.Point{X: 1.7}) {
		t.Errorf("undo put p at %v", m.state.Points.At[grid.P])
	}
	send := func(x, y int, a tea.MouseAction) {
		next, _ := m.Update(mouse(x, y, a))
		m = next.(*Model)
	}
	// A press away from every point moves the selected point there.
	px, py = m.pts.frame.Cell(m.state.Points.At[grid.P])
	to = m.pts.frame.At(px+3, py) // the frame may follow the point after the release
	send(px+3, py, tea.MouseActionPress)
	send(px+3, py, tea.MouseActionRelease)
	if m.state.Points.At[grid.P] != to {
		t.Errorf("a press on empty plane: p at %v, want %v", m.state.Points.At[grid.P], to)
	}
	// Beyond the plane's limit the move is refused and said.
	far := m.pts.frame.At(0, 0)
	send(0, 0, tea.MouseActionPress)
	if m.state.Points.At[grid.P] == far || !strings.Contains(m.status, "from the origin") {
		t.Errorf("a press beyond the plane: p at %v, status %q", m.state.Points.At[grid.P], m.status)
	}
	send(0, 0, tea.MouseActionRelease)
}

// t takes one gradient step: every point moves by −0.1·∂L/∂x of the
// triplet loss (core's gradient); held (repeated), it plays until the
// hinge is off, and then says a step moves nothing.
func TestPointsGradientStepAndPlay(t *testing.T) {
	m := pointsModel(t, Options{}, 80, 22)
	before := m.state.Points
	out, err := before.Losses(0.2, loss.Same, loss.Different)
	if err != nil {
		t.Fatal(err)
	}
	m = press(t, m, "t")
	for w := range grid.NumPoints {
		want := grid.Point{X: before.At[w].X - stepRate*out.TripletGrad[w][0], Y: before.At[w].Y - stepRate*out.TripletGrad[w][1]}.Snapped()
		if m.state.Points.At[w] != want {
			t.Errorf("%s after a step: %v, want %v", w.Key(), m.state.Points.At[w], want)
		}
	}
	if m.Evaluation().Triplet.Loss >= 0.4 {
		t.Errorf("the step did not lower the triplet loss: %v", m.Evaluation().Triplet.Loss)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 22))
	for range 10 {
		tm.Send(tuitest.Key("t"))
	}
	tuitest.WaitText(t, tm, "a step moves nothing")
	tm.Send(tuitest.Key("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if ev := final.Evaluation(); ev.Triplet.Active || ev.Triplet.Regime != loss.Easy {
		t.Errorf("after playing: %+v", ev.Triplet)
	}
	if len(final.scene().Arrows()) == 0 {
		t.Error("the contrastive arrows went with the triplet's")
	}
	for _, a := range final.scene().Arrows() {
		if a.Loss == points.Triplet {
			t.Errorf("a triplet arrow with the hinge off: %+v", a)
		}
	}
	// o makes t follow the contrastive loss, which still pulls p.
	next := press(t, final, "o", "t")
	if next.state.Points == final.state.Points || next.Evaluation().Contrastive >= final.Evaluation().Contrastive {
		t.Errorf("a contrastive step: %v then %v", final.Evaluation().Contrastive, next.Evaluation().Contrastive)
	}
}

// x goes back to the distance controls, which keep the distances (on the
// 0.01 grid); x again, with nothing changed, comes back to the same points.
func TestPointsSwitchBackKeepsDistances(t *testing.T) {
	m := press(t, pointsModel(t, Options{}, 80, 22), "3", "left", "left")
	shown := m.state.Points
	m = press(t, m, "x")
	if m.inPoints() || m.state.DAN != 57 || m.state.DAP != 70 || m.Place() != common.PlacePlayground {
		t.Errorf("back at the controls: %+v", m.state)
	}
	if e := m.Evaluation(); e.DAN != 0.57 {
		t.Errorf("d(a,n) = %v after leaving, want the controls' 0.57", e.DAN)
	}
	m = press(t, m, "x")
	if !m.inPoints() || m.Place() != common.PlacePoints {
		t.Fatal("x did not come back")
	}
	if m.state.Points != shown || !near(m.Evaluation().DAN, math.Sqrt(0.32)) {
		t.Errorf("came back to %+v (from %+v), d(a,n) %v", m.state.Points.At, shown.At, m.Evaluation().DAN)
	}
	if m = press(t, m, "esc"); m.inPoints() {
		t.Error("esc did not leave points mode")
	}
}

// d reads the points as directions: cosine distances, the unit circle.
func TestPointsCosine(t *testing.T) {
	m := press(t, pointsModel(t, Options{}, 80, 22), "d")
	if m.state.Points.Metric != dist.Cosine {
		t.Fatal("d did not switch to cosine")
	}
	// a = (1, 0), p = (1.7, 0), n = (0.7, 0.4): d(a,p) = 0, d(a,n) = 1 − 0.7/√0.65.
	if e := m.Evaluation(); e.DAP != 0 || !near(e.DAN, 1-0.7/math.Sqrt(0.65)) {
		t.Errorf("cosine distances %v, %v", e.DAP, e.DAN)
	}
	if v := m.View(); !strings.Contains(v, "cosine") || !strings.Contains(v, "0 · aligned") {
		t.Errorf("cosine screen:\n%s", v)
	}
	// The anchor onto the origin has no direction: refused, said.
	m = press(t, m, "1", "H", "H", "H", "H", "H", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h")
	if m.state.Points.At[grid.A].Norm() == 0 || !strings.Contains(m.View(), "point A is at the origin") {
		t.Errorf("the anchor at %v:\n%s", m.state.Points.At[grid.A], m.View())
	}
}

// Presets and replay keep working in points mode: a preset's distances
// move the points there, exactly enough that every loss is the preset's.
func TestPointsPresetsAndReplay(t *testing.T) {
	m := press(t, pointsModel(t, Options{}, 80, 22), "]")
	if !m.inPoints() || m.scenario == nil {
		t.Fatal("] left points mode or loaded nothing")
	}
	for i := range m.scenario.Len() {
		want, err := loss.Evaluate(m.scenario.StateAt(i).Setting())
		if err != nil {
			t.Fatal(err)
		}
		got := m.Evaluation()
		if math.Abs(got.DAP-want.DAP) > 1e-12 || math.Abs(got.DAN-want.DAN) > 1e-12 || got.Triplet.Regime != want.Triplet.Regime || got.Triplet.Active != want.Triplet.Active {
			t.Errorf("step %d: %+v, want %+v", i, got.Triplet, want.Triplet)
		}
		m = press(t, m, ".")
	}
}

// A state string in points mode carries the points and reopens them; the
// session written in points mode replays them.
func TestPointsStateStringAndRecording(t *testing.T) {
	m := press(t, pointsModel(t, Options{}, 80, 22), "2", "up", "up")
	s, _ := m.StateString()
	if !strings.Contains(s, "_pts-e_") || !strings.Contains(s, "_py-0.1_") {
		t.Fatalf("state string %q", s)
	}
	d, err := statestr.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	back := sized(standalone(testOptions(t, Options{Restore: &d.Playground})), 80, 22)
	if !back.inPoints() || back.state != m.state {
		t.Errorf("reopened %+v, want %+v", back.state, m.state)
	}
	dir := t.TempDir()
	rec := pressRun(t, press(t, pointsModel(t, Options{Dir: dir}, 80, 22), "3", "left", "t"), "w")
	if !strings.Contains(rec.status, "(2 steps)") {
		t.Fatalf("after writing: %s", rec.status)
	}
	sc, err := scenarios.LoadFile(dir + "/session-20261128-150405.toml")
	if err != nil {
		t.Fatal(err)
	}
	if sc.StateAt(sc.Len()-1) != rec.state || !sc.StateAt(0).Points.On {
		t.Errorf("replayed %+v, want %+v", sc.StateAt(sc.Len()-1), rec.state)
	}
}

// Goldens of points mode at the smallest mode size (80×24 less the shell's
// bars) and at 120×40, in the plain profile NO_COLOR gives, and one in
// colour: after moving the negative, a step, and with the chart beside the
// plane at 120 columns.
func TestGoldenPoints(t *testing.T) {
	msgs := []tea.Msg{tuitest.Key("3"), tuitest.Key("left"), tuitest.Key("left"), tuitest.Key("t")}
	for _, c := range []struct {
		name string
		w, h int
		msgs []tea.Msg
	}{
		{"80x22", 80, 22, msgs},
		{"80x22-chart", 80, 22, append(append([]tea.Msg{}, msgs...), tuitest.Key("c"))},
		{"120x38", 120, 38, msgs},
		{"120x38-cosine", 120, 38, append(append([]tea.Msg{}, msgs...), tuitest.Key("d"))},
	} {
		t.Run(c.name, func(t *testing.T) {
			fm := finalView(t, standalone(testOptions(t, Options{Points: true})), c.w, c.h, c.msgs...)
			golden.RequireEqual(t, []byte(fm.View()))
		})
	}
	t.Run("80x22-colour", func(t *testing.T) {
		r := lipgloss.NewRenderer(nil)
		r.SetColorProfile(termenv.TrueColor)
		r.SetHasDarkBackground(true)
		ctx := common.NewContext(r, i18n.New(i18n.English))
		m := sized(New(ctx, testOptions(t, Options{Points: true})), 80, 22)
		golden.RequireEqual(t, []byte(press(t, m, "3", "left", "left").View()))
	})
}

// Target: a keystroke that moves a point and redraws the whole screen
// (the chart beside the plane at 120 columns, which the move redraws too)
// in under 2 ms; the median per keystroke is reported as well, since a
// shared machine's mean carries other processes' time.
func BenchmarkPointsKeystroke(b *testing.B) {
	m := pointsModel(b, Options{}, 120, 38)
	_ = m.View()
	keys := []tea.KeyMsg{tuitest.Key("left"), tuitest.Key("right")}
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		var took time.Duration
		m, took = timeKeystroke(m, keys[i&1])
		times = append(times, took)
	}
	reportMedian(b, times)
}

// Under serve --hide: a fixed distance keeps points mode off (moving a
// point would change it); a hidden loss draws no arrow, shows no length,
// and t will not step along it.
func TestPointsUnderHide(t *testing.T) {
	served := func(hide common.HideSet) *Model {
		ctx := common.DefaultContext()
		ctx.Share = common.ShareContext{NoFiles: true, Hide: hide}
		return sized(New(ctx, testOptions(t, Options{})), 80, 22)
	}
	m := press(t, served(common.HideSet{"dan": true}), "x")
	if m.inPoints() || !strings.Contains(m.status, "fixed a distance") {
		t.Errorf("points mode with d(a,n) fixed: on %v, status %q", m.inPoints(), m.status)
	}
	m = press(t, served(common.HideSet{PanelTriplet: true}), "x")
	for _, a := range m.scene().Arrows() {
		if a.Loss == points.Triplet {
			t.Errorf("a triplet arrow with the triplet hidden: %+v", a)
		}
	}
	if v := m.View(); strings.Contains(v, "1.7889") || !strings.Contains(v, "A  hidden") {
		t.Errorf("the legend with the triplet hidden:\n%s", v)
	}
	before := m.state
	if m = press(t, m, "t"); m.state != before || !strings.Contains(m.status, "hid this loss") {
		t.Errorf("t along a hidden loss: moved %v, status %q", m.state != before, m.status)
	}
}

// In points mode the help lists what the keys do there: the arrows move a
// point, so the controls' "−0.05" and typing are not offered.
func TestPointsHelpListsItsKeys(t *testing.T) {
	v := press(t, pointsModel(t, Options{}, 100, 30), "?").View()
	for _, want := range []string{"1/2/3", "select", "move", "euclidean/cosine", "undo"} {
		if !strings.Contains(v, want) {
			t.Errorf("points mode's help lacks %q:\n%s", want, v)
		}
	}
	for _, not := range []string{"−0.05", "+0.05", "stop typing"} {
		if strings.Contains(v, not) {
			t.Errorf("points mode's help offers the controls' %q:\n%s", not, v)
		}
	}
}
