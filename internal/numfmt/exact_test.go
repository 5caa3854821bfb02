package numfmt

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestRoundAndTerm(t *testing.T) {
	rat := func(s string) *big.Rat {
		r, ok := Exact(s)
		if !ok {
			t.Fatalf("Exact(%q) failed", s)
		}
		return r
	}
	for _, c := range []struct{ got, want string }{
		{Round(rat("0.06125"), 4), "0.0613"}, // half away from zero, exactly
		{Round(rat("-0.06125"), 4), "-0.0613"},
		{Round(rat("0.140625"), 4), "0.1406"},
		{Round(rat("0.14065"), 4), "0.1407"},
		{Round(rat("-0.00004"), 4), "0.0000"}, // never -0.0000
		{Round(rat("2.5"), 0), "3"},
		{Round(rat("0.995"), 2), "1.00"},
		{Term(rat("0.28125")), "0.28125"}, // ½·0.75²: five decimals, shown in full
		{Term(rat("0.245")), "0.2450"},
		{Term(rat("0")), "0.0000"},
		{Term(rat("0.2715845")), "0.2716"}, // more than five: rounded as Loss
		{Term(rat("2e9")), "2e+09"},
		{Result(rat("0.140625")), "0.1406"},
		{Result(rat("−0.5")), "-0.5000"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if _, ok := Exact("NaN"); ok {
		t.Error("Exact took NaN for a number")
	}
}

// Round agrees with rounding done by hand on the decimal digits, on random
// decimals with up to 8 decimals rounded to 0..6.
func TestRoundProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		k := r.Int64N(2_000_000_000) - 1_000_000_000
		d := r.IntN(9)
		n := r.IntN(7)
		x := big.NewRat(k, int64(math.Pow10(d)))
		got := Round(x, n)
		// By hand: scale by 10ⁿ, add a half away from zero, truncate.
		scaled := new(big.Rat).Mul(x, new(big.Rat).SetInt64(int64(math.Pow10(n))))
		half := big.NewRat(1, 2)
		if scaled.Sign() < 0 {
			half.Neg(half)
		}
		scaled.Add(scaled, half)
		q := new(big.Int).Quo(scaled.Num(), scaled.Denom()) // truncates towards zero
		want := new(big.Rat).SetFrac(q, big.NewInt(int64(math.Pow10(n))))
		if back, ok := Exact(got); !ok || back.Cmp(want) != 0 || decimals(got) != n {
			t.Fatalf("Round(%s, %d) = %q, want %s", x.FloatString(d), n, got, want.FloatString(n))
		}
	}
}

// A float64 computed from decimals on the 0.01 grid by products rounds as
// the exact decimal does: ½·0.35² is 0.06124999999999999 in float64 and
// shows 0.0613. (A difference of two nearby inputs, m − d, loses more
// digits than 15 keep: formulas compute from their operands exactly.)
func TestFixedOnTheGrid(t *testing.T) {
	if got := Fixed(0.35*0.35/2, 4); got != "0.0613" {
		t.Errorf("½·0.35² = %q, want 0.0613", got)
	}
	for k := range int64(301) {
		d := float64(k) / 100
		for _, c := range []struct {
			x     float64
			exact *big.Rat
		}{
			{d * d / 2, big.NewRat(k*k, 20000)},
			{d * d, big.NewRat(k*k, 10000)},
			{d * 0.2, big.NewRat(k*20, 10000)},
		} {
			for n := 2; n <= 4; n++ {
				if got, want := Fixed(c.x, n), Round(c.exact, n); got != want {
					t.Fatalf("Fixed(%v, %d) = %q, the exact %s rounds to %q", c.x, n, got, c.exact.FloatString(6), want)
				}
			}
		}
	}
}

func TestShare(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Percent(144, 3_000_000), "<0.1%"}, // 144 active terms are not none
		{Percent(2_999_999, 3_000_000), ">99.9%"},
		{Percent(0, 3_000_000), "0.0%"},
		{Percent(3_000_000, 3_000_000), "100.0%"},
		{Percent(1, 1000), "0.1%"},
		{Share(0.0004), "<0.1%"}, {Share(0), "0.0%"}, {Share(1), "100.0%"}, {Share(0.9996), ">99.9%"}, {Share(0.5), "50.0%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
