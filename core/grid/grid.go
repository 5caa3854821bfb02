// Package grid is the playground's state on its exact 0.01 grid: two
// distances and a margin as integer hundredths, and the two labels. Keeping
// integers makes twenty presses of +0.05 from 0.70 land exactly on 1.70.
// It has no I/O and no display text: scenario files, the TUI and the CLI
// all build on it.
package grid

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"losslab/core/loss"
)

// Hundredths is a distance or margin on the playground's 0.01 grid. Keeping
// integers makes twenty presses of +0.05 from 0.70 land exactly on 1.70.
type Hundredths int

// Float is the value as the float64 nearest to it (170 → 1.7 exactly as
// strconv would parse "1.7").
func (h Hundredths) Float() float64 { return float64(h) / 100 }

func (h Hundredths) String() string { return strconv.FormatFloat(h.Float(), 'f', 2, 64) }

// The reasons a number is not a field's value; a ValueError wraps one.
var (
	ErrOutOfRange = errors.New("out of range")
	ErrOffGrid    = errors.New("more than two decimals (losslab works on a 0.01 grid)")
)

// ValueError says why X is not a value of Field: Err is ErrOutOfRange or
// ErrOffGrid. Its Error is English for logs; screens render it from the
// catalogue (explain.ValueError) with the field's range.
type ValueError struct {
	Field Field
	X     float64
	Err   error
}

func (e *ValueError) Error() string {
	if e.Err == ErrOutOfRange {
		return fmt.Sprintf("%v is out of range [0, %s]", e.X, e.Field.Max())
	}
	return fmt.Sprintf("%v has %v", e.X, e.Err)
}

func (e *ValueError) Unwrap() error { return e.Err }

// toHundredths converts x to the grid; it fails with ErrOutOfRange when x is
// not finite or far outside any field, with ErrOffGrid when it has more than
// two decimals.
func toHundredths(x float64) (Hundredths, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e6 {
		return 0, ErrOutOfRange
	}
	r := math.Round(x * 100)
	if math.Abs(x*100-r) > 1e-6 {
		return 0, ErrOffGrid
	}
	return Hundredths(r), nil
}

// Limits of the playground's controls.
const (
	MaxDistance Hundredths = 300 // distances lie in [0, 3]
	MaxMargin   Hundredths = 200 // the margin lies in [0, 2]
)

// Field names one of the five controls, in the playground's order.
type Field int

const (
	DAP Field = iota
	DAN
	Margin
	YAP
	YAN
	NumFields
)

var fieldKeys = [NumFields]string{"dap", "dan", "margin", "y_ap", "y_an"}
var fieldLabels = [NumFields]string{"d(a,p)", "d(a,n)", "margin", "y(a,p)", "y(a,n)"}

// Key is the field's name in scenario files.
func (f Field) Key() string { return fieldKeys[f] }

// Label is the field's name on screen.
func (f Field) Label() string { return fieldLabels[f] }

// IsLabel tells the two label fields from the three numeric ones.
func (f Field) IsLabel() bool { return f == YAP || f == YAN }

// Value converts x to a value of numeric field f: on the 0.01 grid and
// within [0, f.Max()]; the error, a *ValueError, says which it is not.
func (f Field) Value(x float64) (Hundredths, error) {
	h, err := toHundredths(x)
	if err == nil && (h < 0 || h > f.Max()) {
		err = ErrOutOfRange
	}
	if err != nil {
		return 0, &ValueError{Field: f, X: x, Err: err}
	}
	return h, nil
}

// Max is the upper bound of a numeric field.
func (f Field) Max() Hundredths {
	if f == Margin {
		return MaxMargin
	}
	return MaxDistance
}

// State is what the playground shows: two distances, a margin, two labels,
// and in points mode the points the distances come from (points.go).
type State struct {
	DAP, DAN, Margin Hundredths
	YAP, YAN         loss.Label
	Points           Points
}

// Article is the source article's first example, the playground's default.
func Article() State {
	return State{DAP: 70, DAN: 50, Margin: 20, YAP: loss.Same, YAN: loss.Different}
}

// Setting is the state as the core packages take it: in points mode with
// the exact distances the points give.
func (s State) Setting() loss.Setting {
	out := loss.Setting{DAP: s.DAP.Float(), DAN: s.DAN.Float(), Margin: s.Margin.Float(), YAP: s.YAP, YAN: s.YAN}
	if s.Points.On {
		out.DAP, out.DAN = s.Points.Distances()
	}
	return out
}

// Value returns a numeric field's value.
func (s State) Value(f Field) Hundredths {
	switch f {
	case DAP:
		return s.DAP
	case DAN:
		return s.DAN
	}
	return s.Margin
}

// WithValue returns s with numeric field f set to v clamped into its range.
// In points mode a distance moves its point (the positive or the negative)
// to that distance from the anchor.
func (s State) WithValue(f Field, v Hundredths) State {
	v = min(max(v, 0), f.Max())
	if s.Points.On && (f == DAP || f == DAN) {
		w := P
		if f == DAN {
			w = N
		}
		if out, err := s.WithPoints(s.Points.placedAt(w, v.Float())); err == nil && s.Points.reaches(v.Float()) {
			return out
		}
		s.Points = Points{} // a distance the points cannot take: the controls' value
	}
	switch f {
	case DAP:
		s.DAP = v
	case DAN:
		s.DAN = v
	case Margin:
		s.Margin = v
	}
	return s
}

// Label returns a label field's value.
func (s State) Label(f Field) loss.Label {
	if f == YAP {
		return s.YAP
	}
	return s.YAN
}

// WithLabel returns s with label field f set to y.
func (s State) WithLabel(f Field, y loss.Label) State {
	if f == YAP {
		s.YAP = y
	} else {
		s.YAN = y
	}
	return s
}

// Diff lists the fields in which b differs from a, in control order.
func Diff(a, b State) []Field {
	var out []Field
	for f := DAP; f < NumFields; f++ {
		if f.IsLabel() && a.Label(f) != b.Label(f) || !f.IsLabel() && a.Value(f) != b.Value(f) {
			out = append(out, f)
		}
	}
	return out
}
