package explain

import (
	"testing"

	"losslab/core/loss"
)

// The article's first example with its values substituted, by the one
// number rule: distances and the margin with two decimals, the loss with four.
func TestFormulaValues(t *testing.T) {
	e, err := loss.Evaluate(loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ got, want string }{
		{TripletValue(e.Triplet), "max(0.70 − 0.50 + 0.20, 0) = 0.4000"},
		{PairValue(e.Pairs[0]), "½·0.70² = 0.2450"},
		{PairValue(e.Pairs[1]), "½·max(0.20 − 0.50, 0)² = 0.0000"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
