package errtext

import (
	"errors"
	"strings"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// PointsError is a refused set of points of points mode, whether moved on
// screen, read from a state string or from a scenario file: one text for
// each reason, in the language of whoever shows it.
type PointsError struct{ Err error } // a *grid.PointsError

func (e *PointsError) Error() string { return e.Text(i18n.New(i18n.English)) }

func (e *PointsError) Unwrap() error { return e.Err }

// Text says which point (or distance) is at fault and the limit it breaks.
func (e *PointsError) Text(p i18n.Printer) string {
	var pe *grid.PointsError
	if !errors.As(e.Err, &pe) {
		return e.Err.Error()
	}
	name := strings.ToUpper(pe.Point.Key()) // as the plane and the points panel label it
	switch {
	case errors.Is(pe.Err, grid.ErrPointFar):
		return p.T(i18n.PointsFar, name, numfmt.Input(pe.Value), numfmt.Input(grid.MaxNorm))
	case errors.Is(pe.Err, grid.ErrPointOrigin):
		return p.T(i18n.PointsOrigin, name)
	case errors.Is(pe.Err, grid.ErrPointsApart):
		return p.T(i18n.PointsApart, pe.Point.Key(), // d(a,n): the distance keeps its letters
			numfmt.Input(pe.Value), grid.MaxDistance.String())
	}
	return p.T(i18n.PointsMetric)
}
