package points

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/tui/common"
)

// The frame maps the plane to cells and back: a cell's centre lies in that
// cell, what the frame fits it holds, and dots are square (one unit on both
// axes keeps a circle round).
func TestFrame(t *testing.T) {
	b := Box{MinX: -0.5, MaxX: 2, MinY: -1, MaxY: 0.9}
	for _, size := range [][2]int{{48, 5}, {60, 20}, {10, 10}} {
		f := Fit(b, size[0], size[1])
		if !f.Holds(b) {
			t.Errorf("%v: the fit does not hold the box", size)
		}
		if f.Follow(b, size[0], size[1]) != f {
			t.Errorf("%v: a frame that holds its box moved", size)
		}
		for x := 0; x < f.W; x += 3 {
			for y := 0; y < f.H; y++ {
				if cx, cy := f.Cell(f.At(x, y)); abs(cx-x) > 1 || abs(cy-y) > 1 {
					t.Fatalf("%v: cell (%d, %d) → %v → cell (%d, %d)", size, x, y, f.At(x, y), cx, cy)
				}
			}
		}
	}
	f := Fit(b, 48, 5)
	if g := f.Follow(Box{MinX: 3, MaxX: 4, MinY: 3, MaxY: 4}, 48, 5); g == f || !g.Holds(Box{MinX: 3, MaxX: 4, MinY: 3, MaxY: 4}) {
		t.Error("the frame did not follow a scene that left it")
	}
}

// An arrow's tip points the way descent moves the point: a single arrow
// for the triplet loss, a double one for the contrastive loss.
func TestArrowTips(t *testing.T) {
	for _, c := range []struct {
		dx, dy float64
		l      Loss
		tip    string
	}{{1, 0, Triplet, "→"}, {-1, 1, Triplet, "↖"}, {0, -1, Contrastive, "⇓"}, {1, 1, Contrastive, "⇗"}, {-0.9, -0.1, Triplet, "←"}} {
		a := Arrow{Loss: c.l, To: grid.Point{X: c.dx, Y: c.dy}}
		if a.Tip() != c.tip {
			t.Errorf("(%v, %v) %v: %s, want %s", c.dx, c.dy, c.l, a.Tip(), c.tip)
		}
	}
}

func scene(t *testing.T, metric dist.Metric, at [grid.NumPoints]grid.Point, m float64) Scene {
	t.Helper()
	ps := grid.Points{On: true, Metric: metric, At: at}
	out, err := ps.Losses(m, loss.Same, loss.Different)
	if err != nil {
		t.Fatal(err)
	}
	return Scene{Points: ps, Margin: m, Losses: out, Styles: common.DefaultStyles()}
}

// Each zero in the legend says why, and only a zero does: the hinge is
// off, a point sits on the anchor, cosine is flat along the anchor's
// direction, the anchor's terms cancel; a hidden loss says hidden and
// draws no arrow.
func TestLegendSaysWhyZero(t *testing.T) {
	p := i18n.New(i18n.English)
	row := func(s Scene, w grid.Which) string {
		return ansi.Strip(s.Legend(p, 60, 4)[int(w)+1])
	}
	easy := scene(t, dist.Euclidean, [grid.NumPoints]grid.Point{{X: 0}, {X: 0.3}, {X: -1}}, 0.2)
	if r := row(easy, grid.N); strings.Count(r, "hinge off") != 2 {
		t.Errorf("an easy triplet with the push off: %q", r)
	}
	onA := scene(t, dist.Euclidean, [grid.NumPoints]grid.Point{{X: 0}, {X: 0}, {X: 0.1}}, 0.5)
	if r := row(onA, grid.P); strings.Count(r, "on a") != 2 {
		t.Errorf("p on a: %q", r)
	}
	// p and n on one side of a: the triplet's terms on a cancel.
	cancel := scene(t, dist.Euclidean, [grid.NumPoints]grid.Point{{X: 0}, {X: 0.5}, {X: 0.6}}, 0.5)
	if r := row(cancel, grid.A); !strings.Contains(r, "cancels") {
		t.Errorf("a's terms cancel: %q", r)
	}
	aligned := scene(t, dist.Cosine, [grid.NumPoints]grid.Point{{X: 1}, {X: 2}, {X: 0, Y: 1}}, 1.5)
	if r := row(aligned, grid.P); !strings.Contains(r, "aligned") {
		t.Errorf("cosine with p along a: %q", r)
	}
	moving := scene(t, dist.Euclidean, [grid.NumPoints]grid.Point{{X: 1}, {X: 1.7}, {X: 0.7, Y: 0.4}}, 0.2)
	if r := row(moving, grid.P); !strings.Contains(r, "1.0000 ←") || !strings.Contains(r, "0.3500 ⇐") {
		t.Errorf("p's lengths: %q", r)
	}
	moving.Hidden[Triplet] = true
	if r := row(moving, grid.P); !strings.Contains(r, "hidden") || strings.Contains(r, "1.0000") {
		t.Errorf("hidden triplet: %q", r)
	}
	for _, a := range moving.Arrows() {
		if a.Loss == Triplet {
			t.Errorf("a hidden loss's arrow: %+v", a)
		}
		if want := math.Hypot(a.To.X-a.From.X, a.To.Y-a.From.Y) / ArrowScale; math.Abs(a.Length-want) > 1e-12 {
			t.Errorf("arrow drawn %v long for a gradient of %v", want, a.Length)
		}
	}
}

// The scene draws exactly its frame's cells, the letters A P N included,
// and under cosine the unit circle.
func TestDraw(t *testing.T) {
	for _, metric := range []dist.Metric{dist.Euclidean, dist.Cosine} {
		s := scene(t, metric, [grid.NumPoints]grid.Point{{X: 1}, {X: 1.7}, {X: 0.7, Y: 0.4}}, 0.2)
		f := Fit(s.Box(), 40, 8)
		v := ansi.Strip(s.Draw(f))
		lines := strings.Split(v, "\n")
		if len(lines) != 8 {
			t.Fatalf("%v: %d lines", metric, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w != 40 {
				t.Fatalf("%v: a line of %d cells: %q", metric, w, l)
			}
		}
		for _, letter := range []string{"A", "P", "N"} {
			if !strings.Contains(v, letter) {
				t.Errorf("%v: %s not drawn:\n%s", metric, letter, v)
			}
		}
	}
}
