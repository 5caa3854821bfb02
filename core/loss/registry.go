package loss

import (
	"cmp"
	"fmt"
	"slices"
)

// ID is a loss's stable identifier: the value JSON, files and flags use. It
// never changes with display text or language.
type ID string

// Kind says what one term of a loss acts on.
type Kind uint8

const (
	OnPairs    Kind = iota // a term per pair (d, y)
	OnTriplets             // a term per triplet (d(a,p), d(a,n))
)

// Family groups losses for display: the contrastive family works with an
// absolute radius around the anchor, the triplet family with a relative gap.
type Family uint8

const (
	ContrastiveFamily Family = iota
	TripletFamily
)

// Params are the hyper-parameters a loss may use.
type Params struct {
	Margin      float64 // m; ignored by losses that have none
	Temperature float64 // τ > 0 for losses that use one; 0 means the loss's default
}

// Term is one term of a loss with its derivative with respect to the
// distances it reads: Grad[0] = ∂L/∂d for a pair term; Grad[0] = ∂L/∂d(a,p)
// and Grad[1] = ∂L/∂d(a,n) for a triplet term.
type Term struct {
	Loss   float64
	Active bool // the term and its gradient are non-zero (beyond Tol)
	Grad   [2]float64
	// Regime is where the negative lies for this loss's own comparison
	// (triplet terms with a margin only; see HasRegime).
	Regime Regime
}

// Loss describes one loss of the registry. Exactly one of Pair and Triplet
// is set, according to Kind.
type Loss struct {
	ID     ID
	Kind   Kind
	Family Family
	// Rank orders losses within their family on screen (the classic form 0).
	Rank int
	// UsesMargin and UsesTemperature say which Params the loss reads.
	UsesMargin, UsesTemperature bool
	// HasRegime says the loss's terms carry an easy/semi-hard/hard Regime.
	HasRegime bool
	// DefaultTemperature is τ when Params.Temperature is 0.
	DefaultTemperature float64

	Pair    func(d float64, y Label, p Params) (Term, error)
	Triplet func(dap, dan float64, p Params) (Term, error)
}

// Temperature is the τ the loss uses under p.
func (l Loss) Temperature(p Params) float64 {
	if p.Temperature > 0 {
		return p.Temperature
	}
	return l.DefaultTemperature
}

// registered holds every loss, added by the init function of the loss's own
// file; it is only read after init.
var registered []Loss

func register(l Loss) {
	if (l.Kind == OnPairs) != (l.Pair != nil) || (l.Kind == OnTriplets) != (l.Triplet != nil) {
		panic(fmt.Sprintf("loss %s: term function does not match its kind", l.ID))
	}
	if _, dup := Lookup(l.ID); dup {
		panic(fmt.Sprintf("loss %s registered twice", l.ID))
	}
	registered = append(registered, l)
	slices.SortStableFunc(registered, func(a, b Loss) int {
		return cmp.Or(cmp.Compare(a.Family, b.Family), cmp.Compare(a.Rank, b.Rank))
	})
}

// Registry returns every loss in display order (by family, then rank). The
// slice is the caller's own.
func Registry() []Loss { return slices.Clone(registered) }

// Lookup finds a loss by ID.
func Lookup(id ID) (Loss, bool) {
	for _, l := range registered {
		if l.ID == id {
			return l, true
		}
	}
	return Loss{}, false
}

// IDs lists every loss ID in display order.
func IDs() []ID {
	ids := make([]ID, len(registered))
	for i, l := range registered {
		ids[i] = l.ID
	}
	return ids
}

// ParseID looks a loss up by its ID, with an error that lists the known IDs.
func ParseID(s string) (Loss, error) {
	if l, ok := Lookup(ID(s)); ok {
		return l, nil
	}
	return Loss{}, fmt.Errorf("unknown loss %q (known: %v)", s, IDs())
}
