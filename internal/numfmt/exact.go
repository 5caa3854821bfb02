package numfmt

import (
	"math/big"
	"strings"
)

// Formulas on screen are computed from their operands as shown, in exact
// decimal arithmetic, so that a reader who redoes one by hand finds the
// result printed: on the playground's 0.01 grid the operands are the exact
// inputs, and elsewhere a formula rounds the exact value of the decimals
// the screen shows, never the float64 behind them.

// termDecimals is how many decimals a term shows in full: on the 0.01 grid
// ½·d² and ½·(m − d)² have at most five, so such a term is never rounded and
// a mean of terms agrees with the same mean computed from the inputs.
const termDecimals = 5

// Exact is the exact value of s, a number as this package writes it (Input,
// Loss, Term, Round; the minus sign − too); ok is false for text that is
// not a finite number.
func Exact(s string) (*big.Rat, bool) {
	r, ok := new(big.Rat).SetString(strings.Replace(s, "−", "-", 1))
	return r, ok
}

// Term writes r, the exact result of a formula, as a term that another
// formula may take as an operand: in full when it has at most five
// decimals (½·0.75² = 0.28125), else rounded half away from zero to four,
// as Loss writes it; at least four decimals; from Huge on in exponent form.
func Term(r *big.Rat) string {
	f, _ := r.Float64()
	if s, ok := huge(f); ok {
		return s
	}
	for n := 4; n <= termDecimals; n++ {
		if hasDecimals(r, n) {
			return Round(r, n)
		}
	}
	return Round(r, 4)
}

// Result writes r, the exact result of a formula that nothing takes as an
// operand (a mean, a loss), as Loss writes a loss: four decimals, rounded
// half away from zero; from Huge on in exponent form.
func Result(r *big.Rat) string {
	f, _ := r.Float64()
	if s, ok := huge(f); ok {
		return s
	}
	return Round(r, 4)
}

// Round writes r with n ≥ 0 decimals, rounding half away from zero; a
// result of zero is unsigned.
func Round(r *big.Rat, n int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	abs := new(big.Rat).Abs(r)
	num := new(big.Int).Mul(abs.Num(), scale)
	num.Mul(num, big.NewInt(2))
	num.Add(num, abs.Denom()) // 2·|r|·10ⁿ + 1 over 2: floor rounds half up
	q := num.Quo(num, new(big.Int).Mul(abs.Denom(), big.NewInt(2)))
	s := q.String()
	if len(s) <= n {
		s = strings.Repeat("0", n-len(s)+1) + s
	}
	if n > 0 {
		s = s[:len(s)-n] + "." + s[len(s)-n:]
	}
	if r.Sign() < 0 && q.Sign() != 0 {
		s = "-" + s
	}
	return s
}

// hasDecimals reports whether r·10ⁿ is a whole number.
func hasDecimals(r *big.Rat, n int) bool {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	return new(big.Rat).Mul(r, new(big.Rat).SetInt(scale)).IsInt()
}
