package explain

import (
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"losslab/core/loss"
	"losslab/internal/numfmt"
)

// number is a decimal as the formulas print it.
var number = regexp.MustCompile(`-?\d+\.\d+`)

// numbers are the decimals of a formula, operands then result, as exact
// rationals, and the decimals of the last one.
func numbers(t *testing.T, s string) ([]*big.Rat, int) {
	t.Helper()
	var out []*big.Rat
	texts := number.FindAllString(s, -1)
	for _, x := range texts {
		r, ok := new(big.Rat).SetString(x)
		if !ok {
			t.Fatalf("%q: %q is not a number", s, x)
		}
		out = append(out, r)
	}
	if len(texts) == 0 {
		t.Fatalf("%q has no numbers", s)
	}
	last := texts[len(texts)-1]
	return out, len(last) - strings.Index(last, ".") - 1
}

// roundsTo reports whether printed is exact rounded half away from zero to
// the printed decimals (big.Rat's FloatString rounds so: an implementation
// of its own, not numfmt's).
func roundsTo(exact, printed *big.Rat, decimals int) bool {
	return exact.FloatString(decimals) == printed.FloatString(decimals)
}

func half(r *big.Rat) *big.Rat { return new(big.Rat).Quo(r, big.NewRat(2, 1)) }

// On the whole 0.01 grid every formula the panels print adds up: its
// result is its operands, as printed, computed exactly and rounded half
// away from zero. ½·0.35² is 0.06125, not 0.0612 (float64's
// 0.06124999999999999), and the mean of the terms printed is the mean
// printed.
func TestFormulasAddUpOnTheGrid(t *testing.T) {
	for m := range 201 {
		for d := range 301 {
			dist, margin := float64(d)/100, float64(m)/100
			for _, y := range []loss.Label{loss.Same, loss.Different} {
				if y == loss.Same && m > 0 {
					continue // the pull term does not depend on m
				}
				p, err := loss.ContrastivePair(dist, margin, y)
				if err != nil {
					t.Fatal(err)
				}
				s := PairValue(p)
				xs, n := numbers(t, s)
				want := new(big.Rat).Mul(xs[0], xs[0])
				if y == loss.Different {
					want.Sub(xs[0], xs[1])
					if want.Sign() < 0 {
						want.SetInt64(0)
					}
					want.Mul(want, want)
				}
				want = half(want)
				if got := xs[len(xs)-1]; got.Cmp(want) != 0 {
					// On the grid a term has at most five decimals: shown in full.
					t.Fatalf("%s: the exact term is %s (printed to %d decimals)", s, want.FloatString(6), n)
				}
			}
		}
	}
}

func TestTripletFormulaAddsUp(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	check := func(dap, dan, m int) {
		tr, err := loss.TripletLoss(float64(dap)/100, float64(dan)/100, float64(m)/100)
		if err != nil {
			t.Fatal(err)
		}
		s := TripletValue(tr)
		xs, n := numbers(t, s)
		want := new(big.Rat).Sub(xs[0], xs[1])
		want.Add(want, xs[2])
		if want.Sign() < 0 {
			want.SetInt64(0)
		}
		if !roundsTo(want, xs[3], n) || n != 4 {
			t.Fatalf("%s: the operands give %s", s, want.FloatString(6))
		}
	}
	for dap := range 301 {
		for dan := range 301 {
			check(dap, dan, 20)
		}
	}
	for range 20000 {
		check(r.IntN(301), r.IntN(301), r.IntN(201))
	}
}

// The mean line: its operands are the terms the pair lines print, its
// result their exact mean rounded, and on the grid that is the contrastive
// loss as Loss prints it elsewhere (the conventions panel, eval's JSON
// rounded): (0.28125 + 0.0000) / 2 = 0.1406.
func TestMeanTermsAddUp(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	check := func(s loss.Setting) {
		ev, err := loss.Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		ap, an, mean := MeanTerms(ev)
		for i, term := range []string{ap, an} {
			if !strings.HasSuffix(PairValue(ev.Pairs[i]), "= "+term) {
				t.Fatalf("term %q is not what pair %d prints: %s", term, i, PairValue(ev.Pairs[i]))
			}
		}
		xs, n := numbers(t, ap+" "+an+" "+mean)
		want := half(new(big.Rat).Add(xs[0], xs[1]))
		if !roundsTo(want, xs[2], n) || n != 4 {
			t.Fatalf("mean = (%s + %s) / 2 = %s: the operands give %s", ap, an, mean, want.FloatString(6))
		}
		if exact := numfmt.Loss(ev.Contrastive); exact != mean && math.Abs(ev.Contrastive*1e4-math.Round(ev.Contrastive*1e4)) < 0.49 {
			t.Fatalf("mean %s, contrastive loss %s away from a tie", mean, exact)
		}
	}
	check(loss.Setting{DAP: 0.75, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different})
	for range 20000 {
		check(loss.Setting{DAP: float64(r.IntN(301)) / 100, DAN: float64(r.IntN(301)) / 100, Margin: float64(r.IntN(201)) / 100,
			YAP: loss.Label(r.IntN(2)), YAN: loss.Label(r.IntN(2))})
	}
}

// The two cases, as a person reads them.
func TestFormulaExamples(t *testing.T) {
	p, _ := loss.ContrastivePair(0.35, 0.2, loss.Same)
	ev, _ := loss.Evaluate(loss.Setting{DAP: 0.75, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different})
	ap, an, mean := MeanTerms(ev)
	for _, c := range []struct{ got, want string }{
		{PairValue(p), "½·0.35² = 0.06125"},
		{PairValue(ev.Pairs[0]), "½·0.75² = 0.28125"},
		{ap + " " + an + " " + mean, "0.28125 0.0000 0.1406"},
		{TripletValue(ev.Triplet), "max(0.75 − 0.50 + 0.20, 0) = 0.4500"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// Off the grid a term shows four decimals, and the mean is that of
	// the terms shown: ½·0.737² = 0.2715845 shows 0.2716.
	q, _ := loss.ContrastivePair(0.737, 0.2, loss.Same)
	if got := PairValue(q); got != "½·0.737² = 0.2716" {
		t.Errorf("off the grid: %q", got)
	}
}
