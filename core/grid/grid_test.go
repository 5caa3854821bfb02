package grid

import (
	"math"
	"testing"
)

func TestHundredths(t *testing.T) {
	// Twenty presses of +0.05 from 0.70 land exactly on 1.70.
	h := Hundredths(70)
	for range 20 {
		h += 5
	}
	if h.Float() != 1.7 || h.String() != "1.70" {
		t.Errorf("0.70 + 20×0.05 = %v (%s), want exactly 1.7", h.Float(), h)
	}
	for _, c := range []struct {
		x    float64
		want Hundredths
		ok   bool
	}{{0.7, 70, true}, {1.7, 170, true}, {0.1 + 0.2, 30, true}, {0.737, 0, false}, {math.NaN(), 0, false}, {2, 200, true}} {
		got, err := ToHundredths(c.x)
		if (err == nil) != c.ok || c.ok && got != c.want {
			t.Errorf("ToHundredths(%v) = %v, %v", c.x, got, err)
		}
	}
}
