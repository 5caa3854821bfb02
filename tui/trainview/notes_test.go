package trainview

import (
	"fmt"
	"strings"
	"testing"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/internal/tuitest"
)

// Each collapse note is shown exactly in the states its words are true of,
// on the grid of every loss × margin × model.
func TestCollapseNotesAreTrue(t *testing.T) {
	p := i18n.Printer{}
	for _, id := range train.LossIDs() {
		for _, margin := range []float64{0, 0.5} {
			for _, model := range train.ModelIDs() {
				s := noteState{run: "r", spec: train.RunSpec{Loss: id, Margin: margin}, model: model,
					m: train.Metrics{Step: 120, Loss: 0.25, MeanDistance: 0.004, GradNorm: 0.5, Collapsed: true}, started: 1}
				note := collapseNote(p, s)
				marginNote := strings.Contains(note, "with margin 0")
				hardNote := strings.Contains(note, "nearest negative")
				if marginNote != (id.UsesMargin() && margin == 0) {
					t.Errorf("%s m=%v %s: margin-0 note %v: %q", id, margin, model, marginNote, note)
				}
				if hardNote && !(id.MinesHardest() && model != train.Free) {
					t.Errorf("%s m=%v %s: hardest-negative note where it is not true: %q", id, margin, model, note)
				}
				if !marginNote && !hardNote && !strings.Contains(note, "below 1% of its start (1.0000)") {
					t.Errorf("%s m=%v %s: %q", id, margin, model, note)
				}
				if !strings.Contains(note, "step 120") || !strings.Contains(note, "|∂L/∂θ|=0.5000") {
					t.Errorf("%s: note without the measured numbers: %q", id, note)
				}
			}
		}
	}
}

// The numbers the notes quote hold in real runs: margin 0 collapses to a
// loss of (almost) nothing; hardest-negative mining with a shared map
// collapses with the distances shrunk together.
func TestCollapseNotesInRealRuns(t *testing.T) {
	for _, tc := range []struct {
		cfg  func(c *train.Config)
		want string
	}{
		{func(c *train.Config) { c.Data, c.Model, c.Margin = train.Overlap, train.Linear, 0 }, "costs nothing (loss now 0.0000)"},
		{func(c *train.Config) { c.Data, c.Model, c.Loss = train.Moons, train.MLP, train.BatchHard }, "pairs each anchor with its nearest negative"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			cfg := train.NewConfig()
			tc.cfg(&cfg)
			m := newMode(t, cfg, 120, 40)
			m, _ = press(m, "+", "+", "+", "+", " ")
			for m.Playing() && m.Trainer().StepCount() < 2000 {
				next, _ := frameOf(m)
				m = next.(Model)
			}
			met := m.Metrics()[0]
			if !met.Collapsed || met.MeanDistance >= train.CollapseRatio*m.Trainer().Runs()[0].StartMeanDistance() {
				t.Fatalf("%+v: no collapse in %d steps", cfg, m.Trainer().StepCount())
			}
			if !strings.Contains(strings.Join(strings.Fields(m.View()), " "), tc.want) {
				t.Errorf("%+v: the screen does not say %q:\n%s", cfg, tc.want, m.View())
			}
		})
	}
}

// "Playing stopped at the collapse" only when playing stopped there; a
// collapse reached by single steps says it is paused; a divergence names
// the learning rate.
func TestStatusSentencesAreTrue(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Margin = train.Overlap, train.Linear, 0
	stepped := newMode(t, cfg, 100, 30)
	for !stepped.Metrics()[0].Collapsed {
		stepped, _ = press(stepped, "n")
	}
	flat := func(m Model) string { return strings.Join(strings.Fields(m.View()), " ") }
	if strings.Contains(flat(stepped), "Playing stopped") || !strings.Contains(flat(stepped), "Paused at step") {
		t.Errorf("collapse by stepping:\n%s", stepped.View())
	}
	played := newMode(t, cfg, 100, 30)
	played, _ = press(played, " ")
	for played.Playing() {
		next, _ := frameOf(played)
		played = next.(Model)
	}
	if !strings.Contains(flat(played), "Playing stopped at the collapse") {
		t.Errorf("collapse while playing:\n%s", played.View())
	}
	played, _ = press(played, " ") // go on: the note no longer says it stopped
	if strings.Contains(flat(played), "Playing stopped") {
		t.Errorf("playing on after the collapse:\n%s", played.View())
	}
	wild := train.NewConfig()
	wild.Data, wild.Model, wild.LR = train.Overlap, train.Linear, train.MaxLR
	m := newMode(t, wild, 100, 30)
	for range 200 {
		m, _ = press(m, "n")
	}
	if !strings.Contains(flat(m), "Training diverged at step") || !strings.Contains(flat(m), "(now 100.00)") {
		t.Errorf("divergence:\n%s", m.View())
	}
}

// Trained on past a collapse, the note still names the step of the
// collapse, not the step on screen.
func TestCollapseNoteKeepsItsStep(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Margin = train.Overlap, train.Linear, 0
	m := newMode(t, cfg, 120, 40)
	for !m.Metrics()[0].Collapsed {
		m, _ = press(m, "n")
	}
	at := m.Trainer().StepCount()
	m, _ = press(m, "n", "n", "n")
	flat := strings.Join(strings.Fields(m.View()), " ")
	if want := fmt.Sprintf("collapsed at step %d:", at); !strings.Contains(flat, want) || m.Trainer().StepCount() != at+3 {
		t.Errorf("after %d steps the screen does not say %q:\n%s", m.Trainer().StepCount(), want, m.View())
	}
	m, _ = press(m, "r")
	for range at - 1 {
		m, _ = press(m, "n")
	}
	if strings.Contains(m.View(), "collapsed at") {
		t.Errorf("after a reset, a collapse before step %d:\n%s", at, m.View())
	}
}

// Slow mode after a collapse keeps its own lines (the hint, |Δx| and the
// angle at 80×24): the collapse is named in one sentence and w, which
// leaves slow mode, shows why. The long note took their room.
func TestSlowModeAfterACollapse(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Loss, cfg.Compare = train.Moons, train.MLP, train.BatchHard, train.SemiHard
	m := newMode(t, cfg, 80, 24)
	m, _ = press(m, "+", "+", "+", "+", " ")
	for m.Playing() && m.Trainer().StepCount() < 2000 {
		next, _ := frameOf(m)
		m = next.(Model)
	}
	if !m.Metrics()[0].Collapsed {
		t.Fatalf("batch-hard did not collapse in %d steps", m.Trainer().StepCount())
	}
	at := numfmt.Count(int64(m.collapsedAt[0]))
	m, _ = press(m, "w", "n")
	v := tuitest.Squeeze(m.View())
	for _, want := range []string{m.p.T(i18n.TrainCollapseInSlow, "batch-hard", at), "|Δx| A", "∠(Δx, −∂ℓ/∂x)", "Slow mode:"} {
		if !strings.Contains(v, tuitest.Squeeze(want)) {
			t.Errorf("slow mode after the collapse lacks %q:\n%s", want, m.View())
		}
	}
	why := tuitest.Squeeze("pairs each anchor with its nearest negative")
	if strings.Contains(v, why) {
		t.Errorf("slow mode shows the long collapse note:\n%s", m.View())
	}
	m, _ = press(m, "w")
	if !strings.Contains(tuitest.Squeeze(m.View()), why) {
		t.Errorf("w out of slow mode does not say why:\n%s", m.View())
	}
}
