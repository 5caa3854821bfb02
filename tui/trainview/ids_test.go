package trainview

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
)

// Two training modes in one program (the app's and a lesson's) both hear
// every message the shell hands on: a frame's tick, a job's end or a
// resumed run to a step of one is never the other's, though both were
// driven by the same keys.
func TestTwoModesTakeOnlyTheirOwnMessages(t *testing.T) {
	cfg := train.NewConfig()
	pair := func() (Model, Model) { return newMode(t, cfg, 80, 24), newMode(t, cfg, 80, 24) }
	cases := []struct {
		name  string
		drive func(Model) (Model, tea.Cmd) // what both receive; its command is the message that leaks
	}{
		{"a job's end", func(m Model) (Model, tea.Cmd) { next, cmd := m.Update(keyMsg("n")); return next.(Model), cmd }},
		{"a frame's tick", func(m Model) (Model, tea.Cmd) { next, cmd := m.Update(keyMsg(" ")); return next.(Model), cmd }},
		{"a resumed run to a step", func(m Model) (Model, tea.Cmd) { m = m.RunTo(5); return m, m.Init() }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := pair()
			_, cmdA := c.drive(a)
			b, _ = c.drive(b)
			if cmdA == nil {
				t.Fatal("the first mode started nothing")
			}
			stepsBefore, busyBefore := b.Trainer().StepCount(), b.busy
			next, cmd := b.Update(cmdA())
			b = next.(Model)
			b, _ = settle(b, cmd)
			if b.busy != busyBefore || b.Trainer().StepCount() != stepsBefore {
				t.Errorf("the second mode took the first's message: busy %v → %v, step %d → %d", busyBefore, b.busy, stepsBefore, b.Trainer().StepCount())
			}
		})
	}
}
