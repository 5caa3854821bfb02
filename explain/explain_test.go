package explain

import (
	"fmt"
	"strings"
	"testing"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
)

// gridState is one state of the walk, in integer hundredths so that the
// claims below are checked with exact arithmetic, independently of core.
type gridState struct {
	a, n, m  int // d(a,p), d(a,n), margin in hundredths
	yap, yan loss.Label
	ev       loss.Evaluation
}

func (s gridState) valid() bool { return s.yap == loss.Same && s.yan == loss.Different }

// l is the triplet loss max(d(a,p) − d(a,n) + m, 0) in hundredths.
func (s gridState) l() int { return max(s.a-s.n+s.m, 0) }

// pushOn says whether a contrastive push on a pair at distance d acts: d < m.
func (s gridState) pushOn(d int) bool { return d < s.m }

// gradsPM1 says the triplet gradients are the active ±1; grads0 that both are 0.
func (s gridState) gradsPM1() bool { return s.ev.Triplet.GradDAP == 1 && s.ev.Triplet.GradDAN == -1 }
func (s gridState) grads0() bool   { return s.ev.Triplet.GradDAP == 0 && s.ev.Triplet.GradDAN == 0 }

// claims is what each Sentence asserts about the state it is shown in,
// written from the Sentence's words, not from the tables' conditions.
var claims = map[i18n.ID]func(s gridState) bool{
	i18n.ExplainHingeActive:   func(s gridState) bool { return s.l() > 0 && s.gradsPM1() },
	i18n.ExplainHingeInactive: func(s gridState) bool { return s.l() == 0 && s.grads0() },
	i18n.ExplainRegimeHard:    func(s gridState) bool { return s.n <= s.a },
	i18n.ExplainRegimeSemi:    func(s gridState) bool { return s.a < s.n && s.n < s.a+s.m },
	i18n.ExplainRegimeEasy:    func(s gridState) bool { return s.n >= s.a+s.m && s.n > s.a },

	i18n.ExplainInvalidBoth:     func(s gridState) bool { return s.yap == loss.Different && s.yan == loss.Same },
	i18n.ExplainInvalidPositive: func(s gridState) bool { return s.yap == loss.Different },
	i18n.ExplainInvalidNegative: func(s gridState) bool { return s.yan == loss.Same },
	// "as near as the positive (a tie): L = m exactly, the same ±1 push"
	i18n.ExplainTieActive: func(s gridState) bool { return s.valid() && s.n == s.a && s.l() == s.m && s.m > 0 && s.gradsPM1() },
	// "a tie with m = 0: L = 0 and nothing pushes"
	i18n.ExplainTieInactive: func(s gridState) bool { return s.valid() && s.n == s.a && s.m == 0 && s.l() == 0 && s.grads0() },
	// "nearer than the positive, so L > m; the same ±1 push"
	i18n.ExplainHardStrict: func(s gridState) bool { return s.valid() && s.n < s.a && s.l() > s.m && s.gradsPM1() },
	// "farther than the positive but inside the margin: 0 < L < m, the same ±1 push"
	i18n.ExplainSemiHard: func(s gridState) bool {
		return s.valid() && s.a < s.n && s.n < s.a+s.m && s.l() > 0 && s.l() < s.m && s.gradsPM1()
	},
	// "exactly on the margin's edge, d(a,n) = d(a,p) + m: L = 0, no gradient"
	i18n.ExplainEasyEdge: func(s gridState) bool { return s.valid() && s.n == s.a+s.m && s.l() == 0 && s.grads0() },
	// "beyond the margin, d(a,n) > d(a,p) + m: L = 0, no gradient"
	i18n.ExplainEasyBeyond: func(s gridState) bool { return s.valid() && s.n > s.a+s.m && s.l() == 0 && s.grads0() },

	// "one margin, two meanings: contrastive wants d(a,n) ≥ m, an absolute
	// radius around the anchor; triplet wants d(a,n) ≥ d(a,p) + m"
	i18n.ExplainMarginMeaning: func(s gridState) bool {
		return s.yan == loss.Different && s.ev.Pairs[1].Branch == loss.Push && s.ev.Pairs[1].Active == s.pushOn(s.n)
	},

	i18n.HintInvalidBoth:     func(s gridState) bool { return s.yap == loss.Different && s.yan == loss.Same },
	i18n.HintInvalidPositive: func(s gridState) bool { return s.yap == loss.Different },
	i18n.HintInvalidNegative: func(s gridState) bool { return s.yan == loss.Same },
	// "a, p and n at one point cost nothing"
	i18n.HintCollapseNoMargin: func(s gridState) bool {
		return s.valid() && s.a == 0 && s.n == 0 && s.m == 0 && s.l() == 0 && s.ev.Contrastive == 0
	},
	// "the triplet loss is exactly m … the gradient with respect to the embeddings is 0"
	i18n.HintCollapse: collapseClaim,
	// "collapse, a = p = n: L = m exactly, yet the gradient with respect to the embeddings is 0"
	i18n.ExplainCollapse: func(s gridState) bool {
		return collapseClaim(s) && s.gradsPM1()
	},
	// "a tie: d(a,n) = d(a,p), so the triplet loss is exactly m"
	i18n.HintTieActive: func(s gridState) bool { return s.valid() && s.n == s.a && s.m > 0 && s.l() == s.m },
	// "a tie with no margin: the triplet loss is 0 and nothing pushes the negative away"
	i18n.HintTieInactive: func(s gridState) bool {
		return s.valid() && s.n == s.a && s.m == 0 && s.l() == 0 && s.grads0() && !s.pushOn(s.n)
	},
	// "no margin: satisfied as soon as d(a,n) ≥ d(a,p)"
	i18n.HintNoMarginEasy: func(s gridState) bool { return s.valid() && s.m == 0 && s.n >= s.a && s.l() == 0 },
	// "nearer than the positive: the triplet loss pushes it; contrastive does not, since d(a,n) ≥ m"
	i18n.HintHardOnlyTriplet: func(s gridState) bool { return s.valid() && s.n < s.a && s.l() > 0 && s.n >= s.m && !s.pushOn(s.n) },
	// "nearer than the positive and within the radius m: both losses push it away"
	i18n.HintHardBoth: func(s gridState) bool { return s.valid() && s.n < s.a && s.l() > 0 && s.pushOn(s.n) },
	// "inside the triplet margin but beyond the radius m: only the triplet loss pushes it"
	i18n.HintSemiOnlyTriplet: func(s gridState) bool {
		return s.valid() && s.a < s.n && s.n < s.a+s.m && s.l() > 0 && s.n >= s.m
	},
	// "inside the triplet margin and within the radius m: both losses push it away"
	i18n.HintSemiBoth: func(s gridState) bool { return s.valid() && s.a < s.n && s.n < s.a+s.m && s.l() > 0 && s.pushOn(s.n) },
	// "no triplet loss, no gradient. Contrastive still pulls the positive in"
	i18n.HintEasyPulling: func(s gridState) bool {
		return s.valid() && s.l() == 0 && s.grads0() && s.a > 0 && s.ev.Pairs[0].Grad > 0
	},
	// "the positive on the anchor: neither loss has anything left to do"
	i18n.HintEasyNothing: func(s gridState) bool {
		return s.valid() && s.a == 0 && s.l() == 0 && !s.pushOn(s.n) && s.ev.Contrastive == 0
	},
}

// collapseClaim: a, p and n at one point, the triplet loss exactly m > 0,
// and core's gradient with respect to every embedding 0.
func collapseClaim(s gridState) bool {
	ga, gp, gn, err := CollapseGradient(float64(s.m) / 100)
	zero := err == nil
	for _, g := range [][]float64{ga, gp, gn} {
		for _, x := range g {
			zero = zero && x == 0
		}
	}
	return s.valid() && s.a == 0 && s.n == 0 && s.m > 0 && s.l() == s.m && zero
}

// pairClaims check a contrastive row: its branch, its activity and its ∂L/∂d.
func pairClaim(s gridState, i int, r PairRule) error {
	d, y := s.a, s.yap
	if i == 1 {
		d, y = s.n, s.yan
	}
	p := s.ev.Pairs[i]
	wantGrad := 0.0
	switch {
	case r.Branch == i18n.ExplainPull && y != loss.Same, r.Branch == i18n.ExplainPush && y != loss.Different:
		return fmt.Errorf("pair %d says %s with label %v", i, r.Branch, y)
	case r.Branch == i18n.ExplainPull:
		if (r.State == i18n.ExplainPairActive) != (d > 0) {
			return fmt.Errorf("pull at d = %d says %s", d, r.State)
		}
		wantGrad = float64(d) / 100
	default:
		if (r.State == i18n.ExplainPairActive) != s.pushOn(d) {
			return fmt.Errorf("push at d = %d, m = %d says %s", d, s.m, r.State)
		}
		if s.pushOn(d) {
			wantGrad = -float64(s.m-d) / 100
		}
	}
	if diff := p.Grad - wantGrad; diff > 1e-12 || diff < -1e-12 {
		return fmt.Errorf("pair %d shows ∂L/∂d = %v, want %v", i, p.Grad, wantGrad)
	}
	return nil
}

// walk calls f on every state of the grid the issue names: every 0.01 of
// d(a,p) and d(a,n) in [0, 1.5], m in {0, 0.2, 1}, both labels of each pair.
func walk(t *testing.T, f func(gridState)) {
	t.Helper()
	labels := []loss.Label{loss.Same, loss.Different}
	for _, m := range []int{0, 20, 100} {
		for a := 0; a <= 150; a++ {
			for n := 0; n <= 150; n++ {
				for _, yap := range labels {
					for _, yan := range labels {
						st := grid.State{DAP: grid.Hundredths(a), DAN: grid.Hundredths(n), Margin: grid.Hundredths(m), YAP: yap, YAN: yan}
						ev, err := loss.Evaluate(st.Setting())
						if err != nil {
							t.Fatal(err)
						}
						f(gridState{a, n, m, yap, yan, ev})
					}
				}
			}
		}
	}
}

// Every Sentence the panels show is true in the state where it is shown,
// and every Sentence of the tables is shown somewhere on the grid.
func TestSentencesTrueOnGrid(t *testing.T) {
	shown := map[i18n.ID]int{}
	failures := 0
	walk(t, func(s gridState) {
		x := Explain(s.ev)
		for _, sn := range []Sentence{x.Hinge, x.Regime, x.Meaning, x.Hint, x.MarginMeaning} {
			if sn.Long == "" { // nothing said
				continue
			}
			shown[sn.Long]++
			claim, ok := claims[sn.Long]
			if !ok {
				t.Fatalf("no claim written for %s", sn.Long)
			}
			if !claim(s) && failures < 20 {
				failures++
				t.Errorf("d(a,p)=%d d(a,n)=%d m=%d y=%v/%v: %q is false", s.a, s.n, s.m, s.yap, s.yan, english(sn.Long))
			}
		}
		for i, r := range x.Pairs {
			if err := pairClaim(s, i, r); err != nil && failures < 20 {
				failures++
				t.Errorf("d(a,p)=%d d(a,n)=%d m=%d y=%v/%v: %v", s.a, s.n, s.m, s.yap, s.yan, err)
			}
		}
	})
	for _, table := range AllRules() {
		for _, r := range table {
			if r.Say.Long != "" && shown[r.Say.Long] == 0 {
				t.Errorf("%s (%q) is never shown on the grid", r.Say.Long, english(r.Say.Long))
			}
		}
	}
}

// The hints name the sentences' key words; a few by hand.
func TestExplanationsByHand(t *testing.T) {
	for _, c := range []struct {
		s       loss.Setting
		meaning string
	}{
		{loss.Setting{DAP: 0.5, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "a tie"},
		{loss.Setting{DAP: 0.5, DAN: 0.5, Margin: 0, YAP: loss.Same, YAN: loss.Different}, "nothing pushes"},
		{loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "L > m"},
		{loss.Setting{DAP: 0.1, DAN: 0.3, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "edge"},
	} {
		ev, _ := loss.Evaluate(c.s)
		if got := english(Explain(ev).Meaning.Long); !strings.Contains(got, c.meaning) {
			t.Errorf("%+v: meaning %q lacks %q", c.s, got, c.meaning)
		}
	}
}

func english(id i18n.ID) string { return i18n.New(i18n.English).T(id) }
