package numfmt

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestFixed(t *testing.T) {
	for _, c := range []struct {
		x    float64
		n    int
		want string
	}{
		{0.28125, 4, "0.2813"}, // ½·0.75², exactly representable: half away from zero
		{0.1225, 3, "0.123"},   // the shortest form is 0.1225, though the binary value is below it
		{0.4, 4, "0.4000"},
		{-0.004, 2, "0.00"}, // never -0.00
		{math.Copysign(0, -1), 4, "0.0000"},
		{-0.005, 2, "-0.01"},
		{9.9996, 3, "10.000"},
		{0.99995, 4, "1.0000"},
		{123456.789, 1, "123456.8"},
		{1e-9, 4, "0.0000"},
		{2.5, 0, "3"},
		{-2.5, 0, "-3"},
		{1e21, 2, "1000000000000000000000.00"},
		{math.NaN(), 4, "NaN"},
		{math.Inf(-1), 2, "-Inf"},
	} {
		if got := Fixed(c.x, c.n); got != c.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", c.x, c.n, got, c.want)
		}
	}
}

func TestInputLossGrad(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Input(0.7), "0.70"}, {Input(0.2), "0.20"}, {Input(3), "3.00"}, {Input(0.737), "0.737"},
		{Input(math.Sqrt(0.5)), "0.707107"}, {Input(0), "0.00"}, {Input(1.5e-7), "1.5e-07"},
		{Loss(0.1225), "0.1225"}, {Loss(0.245), "0.2450"}, {Loss(0), "0.0000"},
		{Grad(1), "+1.00"}, {Grad(-1), "-1.00"}, {Grad(0), "0.00"}, {Grad(math.Copysign(0, -1)), "0.00"},
		{Grad(0.549834), "+0.5498"}, {Grad(-0.3), "-0.30"}, {Grad(-0.00001), "0.00"},
		{Input(1e150), "1e+150"}, {Loss(-2.5e12), "-2.5e+12"}, {Grad(1e10), "+1e+10"}, {Loss(999999999.5), "999999999.5000"},
		{Count(0), "0"}, {Count(999), "999"}, {Count(1000), "1,000"}, {Count(-1234567), "-1,234,567"},
		{Percent(1, 8), "12.5%"}, {Percent(0, 0), "0.0%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Fixed agrees with correct decimal rounding of the shortest form: the
// printed value is within half a unit of the last place of x, and strconv's
// round-half-even differs only on exact ties.
func TestFixedProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		x := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(8)-3))
		n := r.IntN(6)
		s := Fixed(x, n)
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("Fixed(%v, %d) = %q does not parse", x, n, s)
		}
		if math.Abs(v-x) > 0.5*math.Pow(10, -float64(n))*(1+1e-9) {
			t.Fatalf("Fixed(%v, %d) = %q is more than half a unit away", x, n, s)
		}
		if strings.HasPrefix(s, "-") && v == 0 {
			t.Fatalf("Fixed(%v, %d) = %q is a negative zero", x, n, s)
		}
		if d := decimals(s); d != n {
			t.Fatalf("Fixed(%v, %d) = %q has %d decimals", x, n, s, d)
		}
	}
}

func FuzzFixed(f *testing.F) {
	f.Add(0.28125, 4)
	f.Add(-0.005, 2)
	f.Fuzz(func(t *testing.T, x float64, n int) {
		n = ((n % 8) + 8) % 8
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e15 {
			return
		}
		s := Fixed(x, n)
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(v-x) > 0.5*math.Pow(10, -float64(n))*(1+1e-9)+math.Abs(x)*1e-15 {
			t.Fatalf("Fixed(%v, %d) = %q", x, n, s)
		}
	})
}

func TestAxis(t *testing.T) {
	for _, c := range []struct {
		x    float64
		n    int
		want string
	}{
		{5.8234, 2, "5.82"}, {0, 2, "0.00"}, {999999999.4, 0, "999999999"},
		{1.9e97, 2, "1.90e+97"}, {-8.978566911658690e95, 2, "-8.98e+95"}, {1e9, 1, "1.0e+09"},
		{math.Inf(1), 2, "+Inf"},
	} {
		if got := Axis(c.x, c.n); got != c.want {
			t.Errorf("Axis(%v, %d) = %q, want %q", c.x, c.n, got, c.want)
		}
	}
}

func TestShortest(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 0.4: "0.4", 0.1225: "0.1225", 0.00125: "0.00125", 0.7: "0.7", 2: "2", -0.3: "-0.3", 12.5: "12.5", 1e-7: "0.0000001", 2e9: "2e+09"} {
		if got := Shortest(x); got != want {
			t.Errorf("Shortest(%v) = %q, want %q", x, got, want)
		}
	}
	for _, x := range []float64{0.1, 0.0875, 1.0 / 3, 123.456} {
		if back, _ := strconv.ParseFloat(Shortest(x), 64); back != x {
			t.Errorf("Shortest(%v) = %q does not read back", x, Shortest(x))
		}
	}
}
