package train

import (
	"errors"
	"testing"
)

// A loss that reads no margin compared with itself is two runs that would be
// one: Check refuses it for every caller (flags, state strings, lesson
// files), and lets a loss with a margin be compared with itself.
func TestCheckRefusesTheSameRunTwice(t *testing.T) {
	for _, id := range LossIDs() {
		cfg := NewConfig()
		cfg.Loss, cfg.Compare = id, id
		err := cfg.Check()
		var pe *ParamError
		switch {
		case id.UsesMargin() && err != nil:
			t.Errorf("%s against itself at another margin: %v", id, err)
		case !id.UsesMargin() && (!errors.As(err, &pe) || pe.Flag != "compare" || !errors.Is(err, ErrSameRun)):
			t.Errorf("%s, which reads no margin, against itself: %v, want --compare refused", id, err)
		}
	}
}
