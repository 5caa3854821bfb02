package train

import (
	"errors"
	"testing"
)

// A loss compared with itself where it reads no margin, or at its own
// margin, is two runs that would be one: Check refuses it for every caller
// (flags, state strings, lesson files), and lets a loss with a margin be
// compared with itself at another margin.
func TestCheckRefusesTheSameRunTwice(t *testing.T) {
	for _, id := range LossIDs() {
		cfg := NewConfig()
		cfg.Loss, cfg.Compare, cfg.CompareMargin = id, id, cfg.Margin/2
		err := cfg.Check()
		var pe *ParamError
		switch {
		case id.UsesMargin() && err != nil:
			t.Errorf("%s against itself at another margin: %v", id, err)
		case !id.UsesMargin() && (!errors.As(err, &pe) || pe.Flag != "compare" || !errors.Is(err, ErrSameRun)):
			t.Errorf("%s, which reads no margin, against itself: %v, want --compare refused", id, err)
		}
		cfg.CompareMargin = cfg.Margin
		if err := cfg.Check(); !errors.Is(err, ErrSameRun) {
			t.Errorf("%s against itself at its own margin: %v, want refused", id, err)
		}
	}
}
