package numfmt

import (
	"errors"
	"math"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0.25", 0.25, true}, {" 3 ", 3, true}, {".5", 0.5, true}, {"3.", 3, true}, {"-0.5", -0.5, true},
		{"−0.5", -0.5, true}, {"+1", 1, true}, {"007.10", 7.1, true},
		{"nan", 0, false}, {"NaN", 0, false}, {"inf", 0, false}, {"-Inf", 0, false}, {"0x1p-1", 0, false},
		{"1e-1", 0, false}, {"1_0", 0, false}, {"", 0, false}, {".", 0, false}, {"-", 0, false},
		{"+-5", 0, false}, {"1.2.3", 0, false}, {"0,5", 0, false}, {"½", 0, false}, {"--1", 0, false},
	} {
		got, err := ParseDecimal(c.in)
		if c.ok && (err != nil || got != c.want) || !c.ok && !errors.Is(err, ErrNotDecimal) {
			t.Errorf("ParseDecimal(%q) = %v, %v", c.in, got, err)
		}
	}
}

// What ParseDecimal accepts, strconv reads as the same finite number, and
// every number Fixed writes is accepted back.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0.25", "nan", "0x1p-1", "1e5", "−3.", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseDecimal(s)
		if err != nil {
			if !errors.Is(err, ErrNotDecimal) {
				t.Fatalf("ParseDecimal(%q): %v", s, err)
			}
			return
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("ParseDecimal(%q) = %v", s, x)
		}
		if back, err := ParseDecimal(Fixed(x, 3)); err != nil || math.Abs(back-x) > 0.0005+1e-9*math.Abs(x) {
			t.Fatalf("Fixed(%v, 3) = %q is not read back: %v %v", x, Fixed(x, 3), back, err)
		}
	})
}
