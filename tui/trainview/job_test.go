package trainview

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/train"
	"losslab/tui/internal/tuitest"
)

func waitText(t *testing.T, tm *teatest.TestModel, text string, d time.Duration) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(d), teatest.WithCheckInterval(10*time.Millisecond))
}

// A state string's step: the mode opens training to it, off the event
// loop, and shows that step (issue 18 item 8).
func TestOpensAtTheStatesStep(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Model = train.Linear
	mode := Open(tuitest.Context(), Config{Trainer: newTrainer(t, cfg), Step: 120})
	tm := teatest.NewTestModel(t, mode, teatest.WithInitialTermSize(80, 24))
	waitText(t, tm, "Paused at step 120.", 3*time.Minute) // under the race detector on a loaded machine too
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*AppMode)
	if got := final.Trainer().StepCount(); got != 120 || final.view.Metrics()[0].Step != 120 {
		t.Errorf("at step %d (metrics at %d), want 120", got, final.view.Metrics()[0].Step)
	}
}

// A long run (the lesson's digits, batch-all, a large batch, 2,000 steps)
// shows its progress and stops at once on q (issue 17 item 13).
func TestLongTrainingStopsAtOnce(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Loss, cfg.Batch = train.Digits, train.MLP, train.BatchAll, 512
	m := New(newTrainer(t, cfg), Options{}).RunTo(2000)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitText(t, tm, "Training to step 2,000", 3*time.Minute) // under the race detector on a loaded machine too
	start := time.Now()
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if got := final.Trainer().StepCount(); got >= 2000 {
		t.Errorf("q waited for the whole run: step %d", got)
	}
	t.Logf("q ended the program %v after it was sent, at step %d", time.Since(start), final.Trainer().StepCount())
}

// space stops a run to a step; keys pressed meanwhile act once the job is
// back, in order.
func TestRunToStepPrompt(t *testing.T) {
	cfg := train.NewConfig()
	m := New(newTrainer(t, cfg), Options{})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	for _, k := range []string{"g", "2", "5"} {
		tm.Send(keyMsg(k))
	}
	waitText(t, tm, "Run to step: 25", 5*time.Second)
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitText(t, tm, "Paused at step 25.", 3*time.Minute)
	tm.Send(keyMsg("g"))
	tm.Send(keyMsg("9"))
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) // 9 is behind step 25: the range is said
	waitText(t, tm, "Type a step from 26 to 100,000.", 5*time.Second)
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.prompt.open || final.Trainer().StepCount() != 25 {
		t.Errorf("prompt open %v at step %d, want closed at 25", final.prompt.open, final.Trainer().StepCount())
	}
	if v := final.View(); strings.Contains(v, "Run to step") {
		t.Errorf("the prompt still shows:\n%s", v)
	}
}
