package loss

// Curve names a function of a distance that batch code evaluates billions
// of times at 60,000 rows: a value, not a func, so that its calls inline.
type Curve uint8

const (
	NoCurve         Curve = iota // not declared
	CurveDistance                // d
	CurveSquare                  // d²
	CurveHalfSquare              // d²/2
)

// Of is the curve at d; for NoCurve it is d, and means nothing.
func (c Curve) Of(d float64) float64 {
	switch c {
	case CurveSquare:
		return d * d
	case CurveHalfSquare:
		return d * d / 2
	}
	return d
}
