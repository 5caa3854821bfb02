package scenarios

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
)

// A scenario in points mode: a start given by its points, a step that
// moves one coordinate, a step that sets d(a,n) (the negative moves to
// it), one that turns cosine on, one that leaves points mode.
const withPoints = `name = "moving"
title = "Moving points"

[start]
margin = 0.2
y_ap = "same"
y_an = "different"
points = "euclidean"
ax = 1
px = 1.7
nx = 0.7
ny = 0.4

[[step]]
px = 1.5
py = 0.5
note = "the positive moves off the axis"

[[step]]
dan = 1.2

[[step]]
points = "cosine"

[[step]]
points = "off"
dap = 0.3
`

func TestParsePoints(t *testing.T) {
	s, err := Parse("moving.toml", []byte(withPoints))
	if err != nil {
		t.Fatal(err)
	}
	start := s.StateAt(0)
	if !start.Points.On || start.Points.At != [grid.NumPoints]grid.Point{{X: 1}, {X: 1.7}, {X: 0.7, Y: 0.4}} || start.DAP != 70 || start.DAN != 50 {
		t.Fatalf("start %+v", start)
	}
	moved := s.StateAt(1)
	if d := moved.Setting().DAP; math.Abs(d-math.Sqrt(0.5)) > 1e-15 || moved.DAP != 71 || !s.Steps[0].Points {
		t.Errorf("step 1: d(a,p) %v, control %v", d, moved.DAP)
	}
	farther := s.StateAt(2)
	if d := farther.Setting().DAN; math.Abs(d-1.2) > 1e-10 || farther.Points.At[grid.P] != moved.Points.At[grid.P] {
		t.Errorf("step 2: d(a,n) %v, points %v", d, farther.Points.At)
	}
	if cos := s.StateAt(3); cos.Points.Metric != dist.Cosine || cos.Points.At != farther.Points.At {
		t.Errorf("step 3: %+v", cos.Points)
	}
	if off := s.StateAt(4); off.Points.On || off.DAP != 30 {
		t.Errorf("step 4: %+v", off)
	}
}

func TestPointsValidationErrors(t *testing.T) {
	// A step added while points mode is on (before the last step leaves it).
	base, _, _ := strings.Cut(withPoints, "[[step]]\npoints = \"off\"")
	step := func(body string) string { return base + "[[step]]\n" + body + "\n" }
	stepLine := strings.Count(base, "\n") + 2 // the line after the added [[step]] header
	for _, c := range []struct {
		name, text string
		line       int
		want       string
	}{
		{"start without distances or points", strings.Replace(withPoints, "points = \"euclidean\"\nax = 1\npx = 1.7\nnx = 0.7\nny = 0.4\n", "", 1), 4, "[start] is missing dap"},
		{"start with coordinates only", strings.Replace(withPoints, "points = \"euclidean\"\n", "", 1), 8, "ax needs points mode"},
		{"distance with points", step("points = \"euclidean\"\ndap = 0.5"), stepLine + 1, "dap comes from the points"},
		{"unknown distance", step(`points = "manhattan"`), stepLine, `points is "euclidean", "cosine" or "off", not "manhattan"`},
		{"points not a string", step("points = 1"), stepLine, "points must be a string"},
		{"coordinates with off", step("points = \"off\"\nax = 1"), stepLine, "cannot be set with it"},
		{"coordinate out of points mode", step("points = \"off\"") + "\n[[step]]\nax = 0.5\n", stepLine + 3, "ax needs points mode"},
		{"coordinate beyond the plane", step("ax = 6"), stepLine, "ax must be a number from -5 to 5"},
		{"coordinate off the lattice", step("ax = 0.1234567890123"), stepLine, "at most twelve decimals"},
		{"coordinate type", step(`ax = "left"`), stepLine, "ax must be a number"},
		{"points too far apart", step("points = \"euclidean\"\nnx = -2.5\nny = 0"), stepLine, "d(a,n) = 3.50 is above the playground's 3.00"},
		{"cosine at the origin", step("points = \"cosine\"\nax = 0"), stepLine, "point A is at the origin"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("case.toml", []byte(c.text))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FileError", err)
			}
			if fe.Line != c.line || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%q (line %d), want line %d containing %q", err, fe.Line, c.line, c.want)
			}
		})
	}
}

// Property: a session that moves points, turns points mode on and off,
// switches its distance and presets round-trips exactly.
func TestSessionWithPointsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for range 200 {
		cur := randomState(r)
		s := NewSession(cur, "")
		for range r.IntN(30) {
			switch r.IntN(6) {
			case 0:
				cur = cur.WithPointsFrom(grid.Points{})
			case 1:
				cur = cur.WithoutPoints()
			case 2: // a point moved on the 0.01 grid or by a gradient step
				if cur.Points.On {
					ps := cur.Points
					ps.At[r.IntN(3)] = grid.Point{X: grid.Snap(4*r.Float64() - 2), Y: float64(r.IntN(400)-200) / 100}
					if next, err := cur.WithPoints(ps); err == nil {
						cur = next
					}
				}
			case 3:
				cur = cur.WithValue(grid.Field(r.IntN(3)), grid.Hundredths(r.IntN(201)))
			case 4:
				if cur.Points.On {
					ps := cur.Points
					ps.Metric = dist.Metric(3 - int(ps.Metric)) // euclidean ↔ cosine
					if next, err := cur.WithPoints(ps); err == nil {
						cur = next
					}
				}
			case 5:
				cur = randomState(r).WithPointsFrom(cur.Points)
				if err := s.RecordPresetSwitch("collapse", cur); err != nil {
					t.Fatal(err)
				}
				continue
			}
			cur.YAN = loss.Label(r.IntN(2))
			if err := s.Record(cur, randomNote(r)); err != nil {
				t.Fatal(err)
			}
		}
		roundTrip(t, s)
	}
}
