package loss

// Hinge names g in a triplet term max(g(d(a,p)) − g(d(a,n)) + m, 0): one
// of the increasing functions batch code's closed forms know. It is a
// value, not a func, so that its calls inline: batch code makes billions
// of them at 60,000 rows.
type Hinge uint8

const (
	NoHinge       Hinge = iota // the term is not such a hinge
	HingeDistance              // g(d) = d (triplet)
	HingeSquare                // g(d) = d² (squared triplet)
)

// Of is g(d); for NoHinge it is d, and means nothing.
func (h Hinge) Of(d float64) float64 {
	if h == HingeSquare {
		return d * d
	}
	return d
}
