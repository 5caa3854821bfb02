package trainview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"losslab/core/train"
)

// The screens docs/train.md shows (its golden markers name these files):
// semi-hard beside batch-hard on moons with the mlp after 120 steps, then
// slow mode and one step more.
func TestGoldenDocsMoons(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Loss, cfg.Compare = train.Moons, train.MLP, train.SemiHard, train.BatchHard
	m := newMode(t, cfg, 80, 24)
	for range 120 {
		m, _ = press(m, "n")
	}
	t.Run("paused", func(t *testing.T) {
		if v := m.View(); !strings.Contains(v, "step 120") {
			t.Fatalf("not at step 120:\n%s", v)
		}
		golden.RequireEqual(t, []byte(m.View()))
	})
	m, _ = press(m, "w", "n")
	t.Run("slow", func(t *testing.T) {
		if v := m.View(); !strings.Contains(v, "step 121") || !strings.Contains(v, "Slow mode") {
			t.Fatalf("not in slow mode at step 121:\n%s", v)
		}
		golden.RequireEqual(t, []byte(m.View()))
	})
}

// The held-out screen docs/train.md and README.md show: semi-hard on
// digits with the mlp, three whole classes held out (the open set), run to
// step 300 with g.
func TestGoldenDocsHeldOut(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Loss, cfg.HoldoutClasses = train.Digits, train.MLP, train.SemiHard, 3
	m := newMode(t, cfg, 80, 24)
	m, _ = press(m, "g", "3", "0", "0", "enter")
	if v := m.View(); !strings.Contains(v, "step 300") || !strings.Contains(v, "held out: AUC") {
		t.Fatalf("not at step 300 with held-out figures:\n%s", v)
	}
	golden.RequireEqual(t, []byte(m.View()))
}
