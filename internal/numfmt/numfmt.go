// Package numfmt is losslab's one rule for writing numbers, shared by the
// TUI, eval, replay and batch so that the same value always reads the same:
//
//   - inputs (distances, margins, labels' values) with 2 decimals, more only
//     when the value has them (0.737), at most 6 significant digits;
//   - a lesson's answers in their shortest form (0.4), as lessons write them;
//   - losses and statistics with 4 decimals;
//   - gradients signed (+1.00, -0.55), 2 to 4 decimals, zero unsigned;
//   - rounding half away from zero on the value's decimal form to 15
//     significant digits, as a person rounds: ½·0.75² = 0.28125 shows 0.2813,
//     and so does ½·0.35² = 0.06125, though float64 holds it as
//     0.06124999999999999 (its last digits are the noise of binary
//     arithmetic, which 15 digits leave out);
//   - a formula's result computed from its operands as they are shown
//     (exact.go), so that every formula on screen adds up;
//   - a share that is neither none nor all never reads 0.0% or 100.0%;
//   - never "-0.00": a value that rounds to zero prints unsigned;
//   - the ASCII minus sign, so a printed number can be pasted into a flag;
//   - counts with a comma every three digits (12,345), everywhere;
//   - magnitudes of a billion and more in exponent form (1e+150), since a
//     301-digit figure is correct but unreadable.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Input writes a distance, margin or similarity: 2 decimals, more only when
// the value has them, at most 6 significant digits.
func Input(x float64) string {
	if s, ok := huge(x); ok {
		return s
	}
	if s := Fixed(x, 2); mustParse(s) == x {
		return s
	}
	s := strconv.FormatFloat(x, 'g', 6, 64)
	if strings.ContainsAny(s, "e") {
		return s
	}
	if d := decimals(s); d < 2 {
		return Fixed(mustParse(s), 2)
	}
	return s
}

// Shortest writes x in its shortest decimal form (0.4, 0.1225, 0), as a
// lesson file and the explanation beside an answer write it.
func Shortest(x float64) string {
	if s, ok := huge(x); ok {
		return s
	}
	if x == 0 {
		return "0" // unsigned, as Fixed writes a zero
	}
	return strconv.FormatFloat(x, 'f', -1, 64) // the shortest form that reads back
}

// Loss writes a loss or statistic with 4 decimals.
func Loss(x float64) string {
	if s, ok := huge(x); ok {
		return s
	}
	return Fixed(x, 4)
}

// huge writes magnitudes ≥ Huge (and NaN, ±Inf) in exponent form.
func huge(x float64) (string, bool) {
	if s, ok := special(x); ok {
		return s, true
	}
	if math.Abs(x) >= Huge {
		return strconv.FormatFloat(x, 'g', 6, 64), true
	}
	return "", false
}

// Grad writes a gradient: always signed unless it rounds to zero, 2 decimals,
// up to 4 when the value has them.
func Grad(x float64) string {
	if s, ok := huge(x); ok {
		if x >= Huge {
			s = "+" + s
		}
		return s
	}
	s := Fixed(x, 4)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		if d := decimals(s); d < 2 {
			s += strings.Repeat("0", 2-d)
		}
	}
	if mustParse(s) > 0 {
		s = "+" + s
	}
	return s
}

// Axis writes a chart's axis label: n decimals (Fixed), or from Huge on the
// exponent form with n+1 significant digits (8.98e+95), short enough for
// the edge of a chart where Fixed would write a hundred digits.
func Axis(x float64, n int) string {
	if s, ok := special(x); ok {
		return s
	}
	if math.Abs(x) >= Huge {
		return strconv.FormatFloat(x, 'e', n, 64)
	}
	return Fixed(x, n)
}

// Percent writes 100·k/total with one decimal and a % sign.
func Percent(k, total int64) string {
	if total == 0 {
		return "0.0%"
	}
	switch {
	case k > 0 && k < total:
		return Share(float64(k) / float64(total))
	case k == total:
		return "100.0%"
	}
	return Fixed(100*float64(k)/float64(total), 1) + "%"
}

// Share writes a fraction in [0, 1] as a percentage with one decimal; a
// fraction strictly between 0 and 1 that would round to 0.0% or 100.0%
// reads "<0.1%" or ">99.9%" (144 active terms of a million are not none).
func Share(frac float64) string {
	s := Fixed(100*frac, 1)
	switch {
	case frac > 0 && frac < 1 && s == "0.0":
		return "<0.1%"
	case frac > 0 && frac < 1 && s == "100.0":
		return ">99.9%"
	}
	return s + "%"
}

// Count writes n with a comma every three digits.
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Fixed writes x with exactly n decimals, rounding the decimal form of x to
// 15 significant digits half away from zero; a result of zero is unsigned.
func Fixed(x float64, n int) string {
	if s, ok := special(x); ok {
		return s
	}
	neg := x < 0
	digits, exp := decimalDigits(math.Abs(x)) // value = 0.digits × 10^exp
	// Keep exp+n digits of the significand; round on the next one.
	keep := exp + n
	var intDigits []byte
	switch {
	case keep < 0:
		intDigits = nil
	case keep >= len(digits):
		intDigits = append([]byte(digits), strings.Repeat("0", keep-len(digits))...)
	default:
		intDigits = []byte(digits[:keep])
		if digits[keep] >= '5' {
			intDigits = increment(intDigits)
		}
	}
	// intDigits is round(|x|·10^n) in decimal; place the point.
	s := string(intDigits)
	if len(s) <= n {
		s = strings.Repeat("0", n-len(s)+1) + s
	}
	if n > 0 {
		s = s[:len(s)-n] + "." + s[len(s)-n:]
	}
	s = strings.TrimLeft(s, "0")
	if s == "" || s[0] == '.' {
		s = "0" + s
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// significantDigits is how many significant digits of a float64 Fixed
// trusts: every decimal of 15 digits survives the trip through float64 and
// back, and a few operations' rounding errors (a few units in the 17th
// digit) do not reach the 15th.
const significantDigits = 15

// decimalDigits returns the significant digits of x > 0 (or "" for 0) and
// the exponent e with x = 0.d₁d₂… × 10^e, from x rounded to
// significantDigits digits, trailing zeros dropped.
func decimalDigits(x float64) (string, int) {
	if x == 0 {
		return "", 0
	}
	s := strconv.FormatFloat(x, 'e', significantDigits-1, 64) // d.ddddde±XX
	mant, expStr, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(expStr)
	return strings.TrimRight(strings.Replace(mant, ".", "", 1), "0"), e + 1
}

// increment adds one to a decimal digit string, growing it on a carry.
func increment(d []byte) []byte {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] < '9' {
			d[i]++
			return d
		}
		d[i] = '0'
	}
	return append([]byte{'1'}, d...)
}

func decimals(s string) int {
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

// Huge is the magnitude from which Input, Loss and Grad use exponent form.
const Huge = 1e9

func special(x float64) (string, bool) {
	switch {
	case math.IsNaN(x):
		return "NaN", true
	case math.IsInf(x, 1):
		return "+Inf", true
	case math.IsInf(x, -1):
		return "-Inf", true
	}
	return "", false
}

func mustParse(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
