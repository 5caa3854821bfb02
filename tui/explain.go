package tui

import (
	"math"

	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// Every explanatory sentence the playground shows sits in one of the tables
// below beside the condition under which it is true; the first rule whose
// condition holds speaks. TestSentencesTrueOnGrid walks a grid of states
// and checks each shown sentence's claim with its own arithmetic.

// sentence is one explanation in a long form and a short form for narrow
// panels; both say the same thing, the short one less of it.
type sentence struct{ long, short i18n.ID }

// rule pairs a sentence with the condition that makes it true.
type rule struct {
	when func(facts) bool
	say  sentence
}

// facts are the conditions the tables test, read from core's evaluation.
type facts struct {
	ev       loss.Evaluation
	tie      bool // d(a,n) = d(a,p)
	edge     bool // d(a,n) = d(a,p) + m
	collapse bool // d(a,p) = d(a,n) = 0
	push     bool // the a-n pair's contrastive term is active
	pull     bool // the a-p pair's contrastive term is active
	pushesAN bool // (a,n) is labelled different: contrastive pushes it
}

func factsOf(ev loss.Evaluation) facts {
	return facts{
		ev:       ev,
		tie:      math.Abs(ev.DAN-ev.DAP) <= loss.Tol,
		edge:     math.Abs(ev.DAN-ev.DAP-ev.Margin) <= loss.Tol,
		collapse: ev.DAP == 0 && ev.DAN == 0,
		push:     ev.Pairs[1].Active,
		pull:     ev.Pairs[0].Active,
		pushesAN: ev.YAN == loss.Different,
	}
}

func (f facts) regime() loss.Regime { return f.ev.Triplet.Regime }
func (f facts) active() bool        { return f.ev.Triplet.Active }

func same(id i18n.ID) sentence { return sentence{id, id} }

// meaningRules say what the triplet's regime means in this state.
var meaningRules = []rule{
	{func(f facts) bool { return f.ev.YAP != loss.Same && f.ev.YAN != loss.Different }, sentence{i18n.ExplainInvalidBoth, i18n.ExplainInvalidBothShort}},
	{func(f facts) bool { return f.ev.YAP != loss.Same }, sentence{i18n.ExplainInvalidPositive, i18n.ExplainInvalidPosShort}},
	{func(f facts) bool { return f.ev.YAN != loss.Different }, same(i18n.ExplainInvalidNegative)},
	// At collapse ∂L/∂d = ±1 is shown below, but d = 0 has no direction.
	{func(f facts) bool { return f.collapse && f.active() }, sentence{i18n.ExplainCollapse, i18n.ExplainCollapseShort}},
	{func(f facts) bool { return f.tie && f.active() }, sentence{i18n.ExplainTieActive, i18n.ExplainTieActiveShort}},
	{func(f facts) bool { return f.tie }, sentence{i18n.ExplainTieInactive, i18n.ExplainTieInactiveShort}},
	{func(f facts) bool { return f.regime() == loss.Hard }, sentence{i18n.ExplainHardStrict, i18n.ExplainHardStrictShort}},
	{func(f facts) bool { return f.regime() == loss.SemiHard }, sentence{i18n.ExplainSemiHard, i18n.ExplainSemiHardShort}},
	{func(f facts) bool { return f.edge }, sentence{i18n.ExplainEasyEdge, i18n.ExplainEasyEdgeShort}},
	{func(facts) bool { return true }, sentence{i18n.ExplainEasyBeyond, i18n.ExplainEasyBeyondShort}},
}

// hintRules say in one sentence what the state teaches.
var hintRules = []rule{
	{func(f facts) bool { return f.ev.YAP != loss.Same && f.ev.YAN != loss.Different }, same(i18n.HintInvalidBoth)},
	{func(f facts) bool { return f.ev.YAP != loss.Same }, same(i18n.HintInvalidPositive)},
	{func(f facts) bool { return f.ev.YAN != loss.Different }, same(i18n.HintInvalidNegative)},
	{func(f facts) bool { return f.collapse && f.ev.Margin == 0 }, same(i18n.HintCollapseNoMargin)},
	{func(f facts) bool { return f.collapse }, same(i18n.HintCollapse)},
	{func(f facts) bool { return f.tie && f.active() }, same(i18n.HintTieActive)},
	{func(f facts) bool { return f.tie }, same(i18n.HintTieInactive)},
	{func(f facts) bool { return f.ev.Margin == 0 && f.regime() == loss.Easy }, same(i18n.HintNoMarginEasy)},
	{func(f facts) bool { return f.regime() == loss.Hard && !f.push }, same(i18n.HintHardOnlyTriplet)},
	{func(f facts) bool { return f.regime() == loss.Hard }, same(i18n.HintHardBoth)},
	{func(f facts) bool { return f.regime() == loss.SemiHard && !f.push }, same(i18n.HintSemiOnlyTriplet)},
	{func(f facts) bool { return f.regime() == loss.SemiHard }, same(i18n.HintSemiBoth)},
	// An easy triplet never has its negative within the radius m: d(a,n) ≥ d(a,p) + m ≥ m.
	{func(f facts) bool { return f.pull }, same(i18n.HintEasyPulling)},
	{func(facts) bool { return true }, same(i18n.HintEasyNothing)},
}

// hingeRules and regimeRules name the triplet's state.
var hingeRules = []rule{
	{func(f facts) bool { return f.active() }, same(i18n.ExplainHingeActive)},
	{func(facts) bool { return true }, same(i18n.ExplainHingeInactive)},
}

var regimeRules = []rule{
	{func(f facts) bool { return f.regime() == loss.Hard }, same(i18n.ExplainRegimeHard)},
	{func(f facts) bool { return f.regime() == loss.SemiHard }, same(i18n.ExplainRegimeSemi)},
	{func(facts) bool { return true }, same(i18n.ExplainRegimeEasy)},
}

// pairRule explains one contrastive pair: its branch and whether it acts.
type pairRule struct {
	when   func(loss.Pair) bool
	branch i18n.ID
	state  i18n.ID
}

var pairRules = []pairRule{
	{func(p loss.Pair) bool { return p.Branch == loss.Pull && p.Active }, i18n.ExplainPull, i18n.ExplainPairActive},
	{func(p loss.Pair) bool { return p.Branch == loss.Pull }, i18n.ExplainPull, i18n.ExplainPairInactive},
	{func(p loss.Pair) bool { return p.Active }, i18n.ExplainPush, i18n.ExplainPairActive},
	{func(loss.Pair) bool { return true }, i18n.ExplainPush, i18n.ExplainPairInactive},
}

// explanation is every sentence shown for one evaluation, as message IDs.
type explanation struct {
	hinge, regime, meaning, hint sentence
	pairs                        [2]pairRule
}

func pick(rules []rule, f facts) sentence {
	for _, r := range rules {
		if r.when(f) {
			return r.say
		}
	}
	return sentence{} // unreachable: every table ends with an unconditional rule
}

func explain(ev loss.Evaluation) explanation {
	f := factsOf(ev)
	x := explanation{
		hinge:   pick(hingeRules, f),
		regime:  pick(regimeRules, f),
		meaning: pick(meaningRules, f),
		hint:    pick(hintRules, f),
	}
	for i, p := range ev.Pairs {
		for _, r := range pairRules {
			if r.when(p) {
				x.pairs[i] = r
				break
			}
		}
	}
	return x
}

// collapseGradient is the triplet loss's gradient with respect to the
// embeddings when a = p = n, computed by core: the Euclidean distance has
// no direction at d = 0, so every component is the subgradient 0.
func collapseGradient(m float64) (ga, gp, gn []float64, err error) {
	origin := []float64{0, 0}
	_, ga, gp, gn, err = loss.TripletOnVectors(dist.Euclidean, origin, origin, origin, m)
	return ga, gp, gn, err
}

// hintText renders the hint with its arguments.
func hintText(p i18n.Printer, ev loss.Evaluation, s sentence) string {
	if s.long != i18n.HintCollapse {
		return p.T(s.long)
	}
	ga, gp, gn, err := collapseGradient(ev.Margin)
	if err != nil {
		return p.T(i18n.HintTieActive)
	}
	return p.T(s.long, p.T(i18n.HintCollapseGrad, vector(ga), vector(gp), vector(gn)))
}

// vector writes a gradient vector by numfmt's rule.
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

// Hint says in one sentence what the current state teaches.
func Hint(ev loss.Evaluation) string {
	return hintText(i18n.New(i18n.English), ev, explain(ev).hint)
}
