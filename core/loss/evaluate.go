package loss

// Setting is one anchor with one positive and one negative: the two distances,
// the margin and the labels of the pairs (a,p) and (a,n). It is the state the
// playground shows and what `losslab eval` takes.
type Setting struct {
	DAP, DAN, Margin float64
	YAP, YAN         Label
	// Temperature is τ for the losses that use one; 0 means each one's default.
	Temperature float64
}

// Evaluation is everything losslab shows for a Setting, computed in one place
// so that every front end prints the same numbers.
type Evaluation struct {
	Setting
	// Pairs are the contrastive terms of (a,p) and (a,n), with labels YAP, YAN.
	Pairs       [2]Pair
	Contrastive float64 // mean of the two pair losses
	Triplet     Triplet
	// Valid is false when the labels do not make (a,p,n) a triplet; the
	// triplet loss is still computed from the distances.
	Valid bool

	// Results holds every registered loss on this setting, in registry
	// order: front ends iterate it instead of naming losses.
	Results []Result
}

// Result is one registered loss evaluated on a Setting: a pair loss has two
// terms, (a,p) and (a,n), and its value is their mean; a triplet loss has
// one term, which is its value.
type Result struct {
	Loss   Loss
	Params Params // as used: defaults filled in, unused ones 0
	Value  float64
	Terms  []Term
}

// Result returns the result of loss id.
func (e Evaluation) Result(id ID) (Result, bool) {
	for _, r := range e.Results {
		if r.Loss.ID == id {
			return r, true
		}
	}
	return Result{}, false
}

// The pairs of a Setting, as JSON and files name them, in Evaluation order.
const (
	PairAP = "a-p"
	PairAN = "a-n"
)

// PairID names pair i (0 or 1) of a Setting.
func PairID(i int) string {
	if i == 0 {
		return PairAP
	}
	return PairAN
}

// Evaluate computes every loss of s.
func Evaluate(s Setting) (Evaluation, error) {
	e := Evaluation{Setting: s, Valid: s.YAP == Same && s.YAN == Different}
	var err error
	if e.Triplet, err = TripletLoss(s.DAP, s.DAN, s.Margin); err != nil {
		return Evaluation{}, err
	}
	ds, ys := [2]float64{s.DAP, s.DAN}, [2]Label{s.YAP, s.YAN}
	for i := range ds {
		if e.Pairs[i], err = ContrastivePair(ds[i], s.Margin, ys[i]); err != nil {
			return Evaluation{}, err
		}
	}
	e.Contrastive = (e.Pairs[0].Loss + e.Pairs[1].Loss) / 2
	if e.Results, err = EvaluateAll(s, Params{Margin: s.Margin, Temperature: s.Temperature}); err != nil {
		return Evaluation{}, err
	}
	return e, nil
}

// LabelProblem says why the labels do not make (a,p,n) a triplet. Its
// String is an identifier (eval's JSON); the words on screen come from the
// explain package.
type LabelProblem uint8

const (
	NoProblem         LabelProblem = iota
	PositiveDifferent              // y(a,p) is different
	NegativeSame                   // y(a,n) is same
	BothSwapped                    // both
)

func (p LabelProblem) String() string {
	return [...]string{"", "positive-labelled-different", "negative-labelled-same", "both-labels-swapped"}[p%4]
}

// Problem is what keeps s's labels from forming a triplet, if anything.
func (s Setting) Problem() LabelProblem {
	switch {
	case s.YAP != Same && s.YAN != Different:
		return BothSwapped
	case s.YAP != Same:
		return PositiveDifferent
	case s.YAN != Different:
		return NegativeSame
	}
	return NoProblem
}

// EvaluateAll evaluates every registered loss on s under p.
func EvaluateAll(s Setting, p Params) ([]Result, error) {
	reg := registered // read only: each Result gets its own copy of its Loss
	out := make([]Result, len(reg))
	terms := make([]Term, 0, 2*len(reg))
	for i, l := range reg {
		lp, err := l.Resolve(p)
		if err != nil {
			return nil, err
		}
		r := Result{Loss: l, Params: lp}
		switch l.Kind {
		case OnPairs:
			start := len(terms)
			for _, pr := range [2]struct {
				d float64
				y Label
			}{{s.DAP, s.YAP}, {s.DAN, s.YAN}} {
				t, err := l.Pair(pr.d, pr.y, lp)
				if err != nil {
					return nil, err
				}
				terms = append(terms, t)
				r.Value += t.Loss / 2
			}
			r.Terms = terms[start:len(terms):len(terms)]
		case OnTriplets:
			t, err := l.Triplet(s.DAP, s.DAN, lp)
			if err != nil {
				return nil, err
			}
			terms = append(terms, t)
			r.Terms, r.Value = terms[len(terms)-1:len(terms):len(terms)], t.Loss
		}
		out[i] = r
	}
	return out, nil
}
