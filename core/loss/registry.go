package loss

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// ID is a loss's stable identifier: the value JSON, files and flags use. It
// never changes with display text or language.
type ID string

// Kind says what one term of a loss acts on in a Setting.
type Kind uint8

const (
	OnPairs    Kind = iota // a term per pair (d, y)
	OnTriplets             // a term per triplet (d(a,p), d(a,n))
)

// String is the kind's identifier in JSON: "pairs" or "triplets".
func (k Kind) String() string {
	if k == OnPairs {
		return "pairs"
	}
	return "triplets"
}

// Family groups losses for display: the contrastive family works with an
// absolute radius around the anchor, the triplet family with a relative gap.
type Family uint8

const (
	ContrastiveFamily Family = iota
	TripletFamily
)

// Params are the hyper-parameters a loss may use.
type Params struct {
	Margin      float64 // m ≥ 0; ignored by losses that have none
	Temperature float64 // τ > 0 for losses that use one; 0 means the loss's default
}

// Causes of an *InputError about τ.
var (
	ErrTemperature = errors.New("temperature must be finite and > 0")
	// ErrOverflow: the distances divided by τ exceed float64's range.
	ErrOverflow = errors.New("the loss at this temperature is too large for float64")
)

// Term is one term of a loss with its derivative with respect to the
// distances it reads: Grad[0] = ∂L/∂d for a pair term; Grad[0] = ∂L/∂d(a,p)
// and Grad[1] = ∂L/∂d(a,n) for a triplet term.
type Term struct {
	Loss float64
	// Active says the term is non-zero (a hinge within Tol of its kink is
	// 0), for every loss alike; Grad keeps the documented subgradient, which
	// can be non-zero where the term is 0 (hinge contrastive, same class, d = 0).
	Active bool
	Grad   [2]float64
	// Regime is where the negative lies for this loss's own comparison
	// (triplet terms with a margin only; see HasRegime).
	Regime Regime
}

// PairTerm is the term of a pair loss: d is the pair's distance, y its label.
type PairTerm func(d float64, y Label, p Params) (Term, error)

// TripletTerm is the term of a triplet loss on d(a,p), d(a,n).
type TripletTerm func(dap, dan float64, p Params) (Term, error)

// TripletRow is a triplet loss's terms for one positive against several
// negatives: out[i] is the term of (d(a,p), dans[i]), as TripletTerm gives
// it.
type TripletRow func(dap float64, dans []float64, p Params, out []Term) error

// AnchorTerms is a loss that compares one anchor with every other sample at
// once: given the anchor's distances to its positives and to its negatives,
// it returns the sum of its terms, one per positive (InfoNCE) or one for the
// anchor (Loss.PerAnchor). When gpos and gneg are not nil (as long as pos
// and neg) it writes ∂Sum/∂d of every distance into them: the gradient sits
// beside the terms, as Term.Grad does. Batch code uses it in place of mining.
type AnchorTerms func(pos, neg []float64, p Params, gpos, gneg []float64) (AnchorValue, error)

// AnchorValue is an anchor-wide loss on one anchor: the Sum of its Terms
// terms, Active of them non-zero.
type AnchorValue struct {
	Sum           float64
	Terms, Active int
}

// Equivalence states that a loss equals another under some parameters: a
// fact the front ends can show and the tests check.
type Equivalence struct {
	ID     ID     // the loss this one becomes
	Params Params // under these parameters (zero fields: the defaults)
}

// Loss describes one loss of the registry. Exactly one of Pair and Triplet
// is set, according to Kind.
type Loss struct {
	ID     ID
	Kind   Kind
	Family Family
	// Rank orders losses within their family on screen (the classic form 0).
	Rank int
	// Name and Short are the English names, the source texts a message
	// catalogue translates (keyed by ID); Formula is the per-term formula in
	// notation, the same in every language.
	Name, Short, Formula string
	// UsesMargin and UsesTemperature say which Params the loss reads.
	UsesMargin, UsesTemperature bool
	// HasRegime says the loss's terms carry an easy/semi-hard/hard Regime.
	HasRegime bool
	// DefaultTemperature is τ when Params.Temperature is 0.
	DefaultTemperature float64
	// Equals names the loss this one becomes under other Params (a value,
	// so that no caller can change the registry's copy; ID "" for none).
	Equals Equivalence

	Pair    PairTerm
	Triplet TripletTerm
	// Row is Triplet for one positive against many negatives, so that a
	// batch that visits every triplet makes a call per positive rather
	// than per triplet; register makes it from Triplet for a loss that
	// gives none.
	Row TripletRow
	// Anchor is set for losses with a batch form of their own (InfoNCE,
	// Multi-Similarity), which take every pair of each anchor; triplet
	// losses without it are batched through a miner.
	Anchor AnchorTerms
	// AnchorSorted, when set, is Anchor's value, bit for bit
	// (TestAnchorSortedIsAnchor), for distances that batch code has
	// checked and sorted in increasing order: without a walk to check
	// them, and with sums that stop at the first distance too far to
	// count.
	AnchorSorted func(pos, neg []float64, p Params) (AnchorValue, error)
	// PerAnchor says Anchor's sum is one term per anchor, averaged over
	// anchors (Multi-Similarity), rather than one term per positive pair
	// (InfoNCE).
	PerAnchor bool
	// Reach, when set, says where a pair loss stops pushing: the term of a
	// different-class pair at d ≥ Reach(p) is exactly 0, inactive, with zero
	// gradient. Batch code skips those pairs, which are most of a batch.
	Reach func(p Params) float64
	// Pull, when set, is a pair loss's same-class term as a function of
	// d alone, bit for bit Pair's value (TestPullMatchesTerm) and active
	// where positive: batch code sums the positive pairs, most of a
	// batch's terms, without the explanation and gradient Pair builds.
	Pull Curve
	// Hinge is set when the triplet term is max(g(d(a,p)) − g(d(a,n)) + m, 0)
	// with g = Hinge.Of increasing: batch code can then sum every triplet's
	// term in closed form (sorted g(d(a,n)) and prefix sums), not one by one.
	Hinge Curve
	// GapOf is set when the triplet term depends on d(a,p) − d(a,n) alone
	// and is active where positive (soft-margin: a softplus): batch code
	// computes a mined term from it, without the gradient Triplet builds.
	// It may differ from Triplet's value by at most GapTolerance.
	GapOf func(x float64) float64
}

// GapTolerance bounds |GapOf(d(a,p) − d(a,n)) − Triplet(d(a,p), d(a,n)).Loss|
// for every loss that declares GapOf (TestGapOfMatchesTerm).
const GapTolerance = 1e-15

// Classic reports whether l is its family's classic form (Rank 0), the one
// front ends explain term by term; the others are shown as variants.
func (l Loss) Classic() bool { return l.Rank == 0 }

// Resolve returns p with the loss's defaults filled in and checks it.
func (l Loss) Resolve(p Params) (Params, error) {
	if l.UsesTemperature {
		if p.Temperature == 0 {
			p.Temperature = l.DefaultTemperature
		}
		if !(p.Temperature > 0) || math.IsInf(p.Temperature, 1) {
			return p, &InputError{Field: "temperature", Value: p.Temperature, Err: ErrTemperature}
		}
	} else {
		p.Temperature = 0
	}
	if !l.UsesMargin {
		p.Margin = 0
	}
	return p, checkMargin(p.Margin)
}

// registered holds every loss, added by the init function of the loss's own
// file; it is only read after init.
var registered []Loss

func register(l Loss) {
	if (l.Kind == OnPairs) != (l.Pair != nil) || (l.Kind == OnTriplets) != (l.Triplet != nil) {
		panic(fmt.Sprintf("loss %s: term function does not match its kind", l.ID))
	}
	if l.AnchorSorted != nil && l.Anchor == nil {
		panic(fmt.Sprintf("loss %s: AnchorSorted without an Anchor form", l.ID))
	}
	if l.PerAnchor && l.Anchor == nil {
		panic(fmt.Sprintf("loss %s: PerAnchor without an Anchor form", l.ID))
	}
	if l.Triplet != nil && l.Row == nil {
		l.Row = rowOf(l.Triplet)
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

// ErrUnknownLoss is the cause of ParseID's error.
var ErrUnknownLoss = errors.New("unknown loss")

// ParseID looks a loss up by its ID, with an error that lists the known IDs.
func ParseID(s string) (Loss, error) {
	if l, ok := Lookup(ID(s)); ok {
		return l, nil
	}
	return Loss{}, fmt.Errorf("%w %q (known: %v)", ErrUnknownLoss, s, IDs())
}

// rowOf is the row form of a triplet term: one call of it per negative.
func rowOf(term TripletTerm) TripletRow {
	return func(dap float64, dans []float64, p Params, out []Term) error {
		for i, dan := range dans {
			t, err := term(dap, dan, p)
			if err != nil {
				return err
			}
			out[i] = t
		}
		return nil
	}
}
