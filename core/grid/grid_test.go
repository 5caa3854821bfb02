package grid

import (
	"errors"
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
		got, err := toHundredths(c.x)
		if (err == nil) != c.ok || c.ok && got != c.want {
			t.Errorf("toHundredths(%v) = %v, %v", c.x, got, err)
		}
	}
}

// Every refusal names its reason, so that a screen can say the field's
// range: a huge or non-finite number is out of range, not "unusable".
func TestValueErrors(t *testing.T) {
	for _, c := range []struct {
		f    Field
		x    float64
		want error
	}{{DAN, 1e308, ErrOutOfRange}, {DAN, math.Inf(1), ErrOutOfRange}, {Margin, 2.01, ErrOutOfRange}, {DAP, -0.01, ErrOutOfRange}, {DAP, 3.001, ErrOffGrid}} {
		_, err := c.f.Value(c.x)
		var ve *ValueError
		if !errors.Is(err, c.want) || !errors.As(err, &ve) || ve.Field != c.f {
			t.Errorf("%s.Value(%v) = %v, want %v", c.f.Key(), c.x, err, c.want)
		}
	}
}
