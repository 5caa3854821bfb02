package loss

import (
	"math"
	"math/big"
)

// tableExp is e^x as the anchor-wide losses' sums take it: addExps's where
// inTable, math.Exp's elsewhere. It is what TestExpWithinTwoUlp checks.
func tableExp(x float64) float64 {
	if !inTable(x) {
		return math.Exp(x)
	}
	return addExps(0, []float64{x})
}

// inTable reports whether addExps computes e^x: not for subnormal or
// overflowing results, nor NaN.
func inTable(x float64) bool { return x >= -708 && x <= 709 }

// addExps adds e^x to s for each x of xs, in order; every x must be
// inTable. The anchor-wide losses' sums take an exp per pair of a batch
// (3.6 × 10⁹ of them at 60,000 rows), and math.Exp's assembly costs about
// 7 ns each on the CI machine. This one is within 2 ulp of math.Exp
// (TestExpWithinTwoUlp): e^x = 2^k · 2^(j/256) · e^r with |r| ≤ ln 2/512,
// the middle factor from a table and e^r from its Taylor polynomial
// through r⁵ (the first omitted term is below 2⁻⁶⁵). The sums gather their
// exponents a chunk at a time (expChunk) and add them here, in a loop
// that makes no call and keeps its values in registers. With AVX2,
// addExps4 (assembly) computes the exps four at a time and adds them in
// the same order: the same bits (TestAddExpsAsmIsPortable), 2.5 times as
// fast (BenchmarkExp).
func addExps(s float64, xs []float64) float64 {
	if n4 := len(xs) &^ 3; haveAVX2 && n4 > 0 {
		s, xs = addExps4(s, &xs[0], n4), xs[n4:]
	}
	const (
		shifter = 0x1.8p52 // adding it rounds to an integer in the low bits
		invLn2N = 256 / math.Ln2
		ln2NHi  = 6.93147180369123816490e-01 / 256 // math's Ln2Hi and Ln2Lo, exact over 256
		ln2NLo  = 1.90821492927058770002e-10 / 256
	)
	// Each product is converted to float64 before it is added: the Go spec
	// then rounds it, so that no GOAMD64 level fuses it into a multiply-add
	// and the bits are the same on every build, and addExps4's.
	for _, x := range xs {
		t := float64(x*invLn2N) + shifter
		k := int64(math.Float64bits(t) - math.Float64bits(shifter)) // round(x·256/ln 2)
		kf := t - shifter
		r := (x - float64(kf*ln2NHi)) - float64(kf*ln2NLo)
		q := r * (1 + float64(r*(1.0/2+float64(r*(1.0/6+float64(r*(1.0/24+float64(r*(1.0/120))))))))) // e^r − 1, small: T + T·q rounds once
		tj := expTable[k&255]
		v := tj + float64(tj*q) // in [1, 2) but for rounding: adding k>>8 to its exponent scales it
		s += math.Float64frombits(math.Float64bits(v) + uint64(k>>8)<<52)
	}
	return s
}

// expChunk is how many exponents a sum gathers before addExps adds their
// exps: a stack array, 2 KiB.
const expChunk = 256

// expTable[j] is 2^(j/256), correctly rounded: the product of the roots
// 2^(2^i/256) for the bits i of j, each a chain of square roots of 2,
// worked in 256 bits.
var expTable = func() (t [256]float64) {
	const prec = 256
	var roots [8]*big.Float // roots[i] = 2^(2^i/256)
	r := new(big.Float).SetPrec(prec).SetInt64(2)
	for i := 7; i >= 0; i-- {
		r = new(big.Float).SetPrec(prec).Sqrt(r)
		roots[i] = r
	}
	for j := range t {
		v := new(big.Float).SetPrec(prec).SetInt64(1)
		for i, root := range roots {
			if j>>i&1 == 1 {
				v.Mul(v, root)
			}
		}
		t[j], _ = v.Float64()
	}
	return t
}()
