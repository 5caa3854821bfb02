// Package explain holds every explanatory Sentence losslab shows about one
// triplet setting, each beside the condition under which it is true: one
// table of {condition, message ID} per panel, the first Rule whose
// condition holds speaks. The playground and `losslab eval` both read it, so
// a Sentence is true in the same states wherever it appears; the grid test
// (explain_test.go) walks every 0.01 state and checks each Sentence's claim
// with its own integer arithmetic.
package explain

import (
	"math"

	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// Sentence is one Explanation in a long form and a short form for narrow
// panels; both say the same thing, the short one less of it.
type Sentence struct{ Long, Short i18n.ID }

// Rule pairs a Sentence with the condition that makes it true.
type Rule struct {
	When func(Facts) bool
	Say  Sentence
}

// Facts are the conditions the tables test, read from core's evaluation.
type Facts struct {
	ev       loss.Evaluation
	tie      bool // d(a,n) = d(a,p)
	edge     bool // d(a,n) = d(a,p) + m
	collapse bool // d(a,p) = d(a,n) = 0
	push     bool // the a-n pair's contrastive term is active
	pull     bool // the a-p pair's contrastive term is active
	pushesAN bool // (a,n) is labelled different: contrastive pushes it
}

func factsOf(ev loss.Evaluation) Facts {
	return Facts{
		ev:       ev,
		tie:      math.Abs(ev.DAN-ev.DAP) <= loss.Tol,
		edge:     math.Abs(ev.DAN-ev.DAP-ev.Margin) <= loss.Tol,
		collapse: ev.DAP == 0 && ev.DAN == 0,
		push:     ev.Pairs[1].Active,
		pull:     ev.Pairs[0].Active,
		pushesAN: ev.YAN == loss.Different,
	}
}

func (f Facts) regime() loss.Regime { return f.ev.Triplet.Regime }
func (f Facts) active() bool        { return f.ev.Triplet.Active }

func same(id i18n.ID) Sentence { return Sentence{id, id} }

// meaningRules say what the triplet's regime means in this state.
var meaningRules = []Rule{
	{func(f Facts) bool { return f.ev.YAP != loss.Same && f.ev.YAN != loss.Different }, Sentence{i18n.ExplainInvalidBoth, i18n.ExplainInvalidBothShort}},
	{func(f Facts) bool { return f.ev.YAP != loss.Same }, Sentence{i18n.ExplainInvalidPositive, i18n.ExplainInvalidPosShort}},
	{func(f Facts) bool { return f.ev.YAN != loss.Different }, same(i18n.ExplainInvalidNegative)},
	// At collapse ∂L/∂d = ±1 is shown below, but d = 0 has no direction.
	{func(f Facts) bool { return f.collapse && f.active() }, Sentence{i18n.ExplainCollapse, i18n.ExplainCollapseShort}},
	{func(f Facts) bool { return f.tie && f.active() }, Sentence{i18n.ExplainTieActive, i18n.ExplainTieActiveShort}},
	{func(f Facts) bool { return f.tie }, Sentence{i18n.ExplainTieInactive, i18n.ExplainTieInactiveShort}},
	{func(f Facts) bool { return f.regime() == loss.Hard }, Sentence{i18n.ExplainHardStrict, i18n.ExplainHardStrictShort}},
	{func(f Facts) bool { return f.regime() == loss.SemiHard }, Sentence{i18n.ExplainSemiHard, i18n.ExplainSemiHardShort}},
	{func(f Facts) bool { return f.edge }, Sentence{i18n.ExplainEasyEdge, i18n.ExplainEasyEdgeShort}},
	{func(Facts) bool { return true }, Sentence{i18n.ExplainEasyBeyond, i18n.ExplainEasyBeyondShort}},
}

// hintRules say in one Sentence what the state teaches.
var hintRules = []Rule{
	{func(f Facts) bool { return f.ev.YAP != loss.Same && f.ev.YAN != loss.Different }, same(i18n.HintInvalidBoth)},
	{func(f Facts) bool { return f.ev.YAP != loss.Same }, same(i18n.HintInvalidPositive)},
	{func(f Facts) bool { return f.ev.YAN != loss.Different }, same(i18n.HintInvalidNegative)},
	{func(f Facts) bool { return f.collapse && f.ev.Margin == 0 }, same(i18n.HintCollapseNoMargin)},
	{func(f Facts) bool { return f.collapse }, same(i18n.HintCollapse)},
	{func(f Facts) bool { return f.tie && f.active() }, same(i18n.HintTieActive)},
	{func(f Facts) bool { return f.tie }, same(i18n.HintTieInactive)},
	{func(f Facts) bool { return f.ev.Margin == 0 && f.regime() == loss.Easy }, same(i18n.HintNoMarginEasy)},
	{func(f Facts) bool { return f.regime() == loss.Hard && !f.push }, same(i18n.HintHardOnlyTriplet)},
	{func(f Facts) bool { return f.regime() == loss.Hard }, same(i18n.HintHardBoth)},
	{func(f Facts) bool { return f.regime() == loss.SemiHard && !f.push }, same(i18n.HintSemiOnlyTriplet)},
	{func(f Facts) bool { return f.regime() == loss.SemiHard }, same(i18n.HintSemiBoth)},
	// An easy triplet never has its negative within the radius m: d(a,n) ≥ d(a,p) + m ≥ m.
	{func(f Facts) bool { return f.pull }, same(i18n.HintEasyPulling)},
	{func(Facts) bool { return true }, same(i18n.HintEasyNothing)},
}

// marginRules compare the one margin's two meanings; the comparison holds
// only where the contrastive loss pushes the a-n pair (y(a,n) = different):
// labelled same, the pair is pulled to 0 and no radius m is wanted. The
// empty Sentence says nothing.
var marginRules = []Rule{
	{func(f Facts) bool { return f.pushesAN }, same(i18n.ExplainMarginMeaning)},
	{func(Facts) bool { return true }, Sentence{}},
}

// hingeRules and regimeRules name the triplet's state.
var hingeRules = []Rule{
	{func(f Facts) bool { return f.active() }, same(i18n.ExplainHingeActive)},
	{func(Facts) bool { return true }, same(i18n.ExplainHingeInactive)},
}

var regimeRules = []Rule{
	{func(f Facts) bool { return f.regime() == loss.Hard }, same(i18n.ExplainRegimeHard)},
	{func(f Facts) bool { return f.regime() == loss.SemiHard }, same(i18n.ExplainRegimeSemi)},
	{func(Facts) bool { return true }, same(i18n.ExplainRegimeEasy)},
}

// PairRule explains one contrastive pair: its branch and whether it acts.
type PairRule struct {
	when   func(loss.Pair) bool
	Branch i18n.ID // pull or push
	State  i18n.ID // active or inactive
}

var pairRules = []PairRule{
	{func(p loss.Pair) bool { return p.Branch == loss.Pull && p.Active }, i18n.ExplainPull, i18n.ExplainPairActive},
	{func(p loss.Pair) bool { return p.Branch == loss.Pull }, i18n.ExplainPull, i18n.ExplainPairInactive},
	{func(p loss.Pair) bool { return p.Active }, i18n.ExplainPush, i18n.ExplainPairActive},
	{func(loss.Pair) bool { return true }, i18n.ExplainPush, i18n.ExplainPairInactive},
}

// Explanation is every Sentence shown for one evaluation, as message IDs.
type Explanation struct {
	Hinge, Regime, Meaning, Hint Sentence
	MarginMeaning                Sentence // empty where it would be false
	Pairs                        [2]PairRule
}

func pick(rules []Rule, f Facts) Sentence {
	for _, r := range rules {
		if r.When(f) {
			return r.Say
		}
	}
	return Sentence{} // unreachable: every table ends with an unconditional Rule
}

// Explain picks every sentence for ev.
func Explain(ev loss.Evaluation) Explanation {
	f := factsOf(ev)
	x := Explanation{
		Hinge:   pick(hingeRules, f),
		Regime:  pick(regimeRules, f),
		Meaning: pick(meaningRules, f),
		Hint:    pick(hintRules, f),

		MarginMeaning: pick(marginRules, f),
	}
	for i, p := range ev.Pairs {
		for _, r := range pairRules {
			if r.when(p) {
				x.Pairs[i] = r
				break
			}
		}
	}
	return x
}

// CollapseGradient is the triplet loss's gradient with respect to the
// embeddings when a = p = n, computed by core: the Euclidean distance has
// no direction at d = 0, so every component is the subgradient 0.
func CollapseGradient(m float64) (ga, gp, gn []float64, err error) {
	origin := []float64{0, 0}
	_, ga, gp, gn, err = loss.TripletOnVectors(dist.Euclidean, origin, origin, origin, m)
	return ga, gp, gn, err
}

// HintText renders the hint with its arguments.
func HintText(p i18n.Printer, ev loss.Evaluation, s Sentence) string {
	if s.Long != i18n.HintCollapse {
		return p.T(s.Long)
	}
	ga, gp, gn, err := CollapseGradient(ev.Margin)
	if err != nil {
		return p.T(i18n.HintTieActive)
	}
	return p.T(s.Long, p.T(i18n.HintCollapseGrad, vector(ga), vector(gp), vector(gn)))
}

// vector writes a gradient vector by numfmt's Rule.
func vector(v []float64) string {
	s := "("
	for i, x := range v {
		if i > 0 {
			s += ", "
		}
		s += numfmt.Grad(x)
	}
	return s + ")"
}

// Hint says in one Sentence what the current state teaches.
func Hint(ev loss.Evaluation) string {
	return HintText(i18n.New(i18n.English), ev, Explain(ev).Hint)
}

// TripletPanelRules are the tables whose sentences the triplet panel shows
// (each has a short form for narrow panels).
func TripletPanelRules() [][]Rule { return [][]Rule{meaningRules, hingeRules, regimeRules} }

// AllRules are every table of sentences about a triplet.
func AllRules() [][]Rule {
	return [][]Rule{hingeRules, regimeRules, meaningRules, hintRules, marginRules}
}

// LabelID is the display text of a label (the identifier is Label.String).
func LabelID(y loss.Label) i18n.ID {
	if y == loss.Same {
		return i18n.ExplainLabelSame
	}
	return i18n.ExplainLabelDiff
}

// RegimeID is the display word of a regime ("hard", "semi-hard", "easy");
// the identifier is Regime.String.
func RegimeID(r loss.Regime) i18n.ID {
	return [...]i18n.ID{i18n.ChartZoneHard, i18n.ChartZoneSemi, i18n.ChartZoneEasy}[r%3]
}
