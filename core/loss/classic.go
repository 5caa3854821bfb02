package loss

// The classic losses as registry entries; each wraps its function in
// contrastive.go or triplet.go so that formulas are written once.

// Stable IDs of the built-in losses.
const (
	ContrastiveID      ID = "contrastive"
	HingeContrastiveID ID = "hinge-contrastive"
	TripletID          ID = "triplet"
	SoftMarginID       ID = "soft-margin-triplet"
	SquaredTripletID   ID = "squared-triplet"
)

func init() {
	register(Loss{ID: ContrastiveID, Kind: OnPairs, Family: ContrastiveFamily, Rank: 0, UsesMargin: true,
		Name: "contrastive", Short: "contrastive", Formula: contrastivePairFormula,
		Reach: marginReach, Pull: CurveHalfSquare,
		Pair: func(d float64, y Label, p Params) (Term, error) {
			r, err := ContrastivePair(d, p.Margin, y)
			return Term{Loss: r.Loss, Active: r.Active, Grad: [2]float64{r.Grad}}, err
		}})
	register(Loss{ID: HingeContrastiveID, Kind: OnPairs, Family: ContrastiveFamily, Rank: 1, UsesMargin: true,
		Name: "hinge contrastive", Short: "hinge", Formula: "y·d + (1−y)·max(m − d, 0)",
		Reach: marginReach, Pull: CurveDistance,
		Pair: func(d float64, y Label, p Params) (Term, error) {
			l, g, err := HingePair(d, p.Margin, y)
			// Active is the term's, not the gradient's: a same-class pair at
			// d = 0 costs 0 although ∂L/∂d is 1 there.
			return Term{Loss: l, Active: l > 0, Grad: [2]float64{g}}, err
		}})
	register(Loss{ID: TripletID, Kind: OnTriplets, Family: TripletFamily, Rank: 0, UsesMargin: true, HasRegime: true,
		Name: "triplet", Short: "triplet", Formula: TripletFormula,
		Hinge: CurveDistance,
		Triplet: func(dap, dan float64, p Params) (Term, error) {
			t, err := TripletLoss(dap, dan, p.Margin)
			return term(t), err
		},
		Row: func(dap float64, dans []float64, p Params, out []Term) error {
			if err := checkRow(dap, dans, p.Margin); err != nil {
				return err
			}
			for i, dan := range dans {
				out[i].setHinge(dap, dan, 1, 1, p.Margin)
			}
			return nil
		}})
	register(Loss{ID: SquaredTripletID, Kind: OnTriplets, Family: TripletFamily, Rank: 1, UsesMargin: true, HasRegime: true,
		Name: "squared triplet", Short: "squared", Formula: "max(d(a,p)² − d(a,n)² + m, 0)",
		Hinge: CurveSquare,
		Triplet: func(dap, dan float64, p Params) (Term, error) {
			t, err := SquaredTripletLoss(dap, dan, p.Margin)
			return term(t), err
		},
		Row: func(dap float64, dans []float64, p Params, out []Term) error {
			if err := checkRow(dap, dans, p.Margin); err != nil {
				return err
			}
			gp, dgp := dap*dap, 2*dap
			for i, dan := range dans {
				out[i].setHinge(gp, dan*dan, dgp, 2*dan, p.Margin)
			}
			return nil
		}})
	register(Loss{ID: SoftMarginID, Kind: OnTriplets, Family: TripletFamily, Rank: 2,
		Name: "soft-margin triplet", Short: "soft-margin", Formula: "softplus(d(a,p) − d(a,n))",
		GapOf: SoftplusNearZero,
		Triplet: func(dap, dan float64, _ Params) (Term, error) {
			s, err := SoftMarginTripletLoss(dap, dan)
			// Softplus is 0 only where float64 underflows (d(a,p) − d(a,n) < −745).
			return Term{Loss: s.Loss, Active: s.Loss > 0, Grad: [2]float64{s.GradDAP, s.GradDAN}}, err
		}})
}

// marginReach: a push term max(m − d, 0) is 0 from d = m on.
func marginReach(p Params) float64 { return p.Margin }

// checkRow checks a row's inputs: d(a,p), the margin, then each d(a,n).
func checkRow(dap float64, dans []float64, m float64) error {
	if err := checkDistance("d(a,p)", dap); err != nil {
		return err
	}
	if err := checkMargin(m); err != nil {
		return err
	}
	for _, dan := range dans {
		if err := checkDistance("d(a,n)", dan); err != nil {
			return err
		}
	}
	return nil
}

// term is the registry's Term of an explained triplet.
func term(t Triplet) Term {
	return Term{Loss: t.Loss, Active: t.Active, Grad: [2]float64{t.GradDAP, t.GradDAN}, Regime: t.Regime}
}
