package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/scenarios/course"
	"losslab/tui/trainview"
)

// walkTo opens lesson l and walks with a learner's keys to its state i:
// → between steps, tab to skip a question on the way.
func walkTo(t *testing.T, m LearnModel, l *scenarios.Scenario, i int) LearnModel {
	t.Helper()
	for s := 0; s < i; s++ {
		if s > 0 && l.Steps[s-1].Question != nil {
			m = pressLearn(t, m, "tab")
		}
		m = pressLearn(t, m, "right")
	}
	if name, step := m.Lesson(); name != l.Name || step != i {
		t.Fatalf("walked to %s %d, want %s %d", name, step, l.Name, i)
	}
	return m
}

// Every train step of the course, in both languages at 80×24 and 120×40:
// the step says how to open it, e opens the training mode on the step's
// settings in exactly the window, its keys reach it, and esc comes back to
// the same step.
func TestLessonTrainStepsOpenAndReturn(t *testing.T) {
	found := 0
	for _, ctx := range []*Context{testContext(), chineseContext()} {
		p := ctx.Printer
		for _, l := range course.Lessons() {
			for i := 1; i < l.Len(); i++ {
				st := l.Steps[i-1]
				if st.Mode.Kind != scenarios.ModeTrain {
					continue
				}
				found++
				for _, size := range [][2]int{{80, 24}, {120, 40}} {
					what := fmt.Sprintf("%v %v %s step %d", p.Lang(), size, l.Name, i)
					m := walkTo(t, newLearnIn(t, ctx, LearnConfig{Lessons: []*scenarios.Scenario{l}, Open: true}, size[0], size[1]), l, i)
					if v := m.View(); !strings.Contains(squeeze(v), squeeze(p.T(i18n.LearnExploreTrain))) {
						t.Errorf("%s: the step does not say how to open it:\n%s", what, v)
					}
					m = pressLearn(t, m, "e")
					v := m.View()
					checkWidths(t, what+" training", v, size[0], size[1], false) // the training mode pads no line
					tr, ok := m.child.(trainview.Model)
					if !ok || tr.Trainer().Config() != st.Mode.Train.Config || tr.Trainer().StepCount() != st.Mode.Train.Steps {
						t.Fatalf("%s: the hosted mode is %T, not the step's settings", what, m.child)
					}
					if !strings.Contains(v, p.T(i18n.LearnExploring, m.position())) {
						t.Errorf("%s: no way back shown:\n%s", what, v)
					}
					// With room to spare the mode keeps its header: which data, which model.
					if header := string(st.Mode.Train.Config.Data) + " · "; size[1] > trainview.MinHeight && !strings.Contains(v, header) {
						t.Errorf("%s: the training mode's header is gone:\n%s", what, v)
					}
					m = pressLearn(t, m, "n", "n")
					if got := m.child.(trainview.Model).Trainer().StepCount(); got != st.Mode.Train.Steps+2 {
						t.Errorf("%s: n trained %d steps, want 2", what, got-st.Mode.Train.Steps)
					}
					m = pressLearn(t, m, "esc")
					if name, step := m.Lesson(); name != l.Name || step != i || m.screen != screenStep || m.child != nil {
						t.Errorf("%s: esc went to %s %d (screen %d)", what, name, step, m.screen)
					}
				}
			}
		}
	}
	if found < 4 { // two train steps, two languages
		t.Errorf("%d train steps in the course", found)
	}
}

// A train step's train_steps are trained before the learner takes over.
func TestLessonTrainStepWarmsUp(t *testing.T) {
	l, err := scenarios.Parse("warm.toml", []byte(`name = "warm"
title = "Warm"
[start]
dap = 0.5
dan = 0.5
margin = 0.2
y_ap = "same"
y_an = "different"
[[step]]
mode = "train"
train_loss = "batch-hard"
train_steps = 150
`))
	if err != nil {
		t.Fatal(err)
	}
	m := pressLearn(t, newLearn(t, LearnConfig{Lessons: []*scenarios.Scenario{l}, Open: true}, 80, 24), "right", "e")
	tr := m.child.(trainview.Model)
	if got := tr.Trainer().StepCount(); got != 150 || tr.Metrics()[0].Step != 150 {
		t.Errorf("opened at step %d (metrics at %d), want 150", got, tr.Metrics()[0].Step)
	}
	if v := m.View(); !strings.Contains(v, "step 150") {
		t.Errorf("the screen does not show step 150:\n%s", v)
	}
}

// The live collapse: from the course, the why-margin lesson's
// prediction answered, its train step opened, space pressed; the mode
// trains, stops at the collapse and explains it; esc comes back to the
// lesson.
func TestLessonCollapseFlow(t *testing.T) {
	l := course.Lesson("why-margin")
	tm := teatest.NewTestModel(t, NewApp(testContext(), Config{Start: ModeLearn, Learn: LearnConfig{Lessons: []*scenarios.Scenario{l}, Open: true}}),
		teatest.WithInitialTermSize(120, 40))
	waitText(t, tm, "lesson 1/1 · step 1/7")
	for _, k := range []string{"right", "tab", "right", "tab", "right", "right", "right"} {
		tm.Send(keyMsg(k))
	}
	waitText(t, tm, "Will the embeddings collapse?")
	tm.Send(keyMsg("1"))
	tm.Send(keyMsg("enter"))
	waitText(t, tm, "Right: yes.")
	tm.Send(keyMsg("right"))
	waitText(t, tm, "Press e to open the training mode")
	tm.Send(keyMsg("e"))
	waitText(t, tm, "exploring · esc returns to the lesson")
	tm.Send(keyMsg(" "))
	collapsed := regexp.MustCompile(`a collapsed at step (\d+): with margin 0`)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return collapsed.Match(b) && strings.Contains(string(b), "Playing stopped at") },
		teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(keyMsg("esc"))
	waitText(t, tm, "lesson 1/1 · step 7/7")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	if name, step := final.modes[ModeLearn].(LearnModel).Lesson(); name != "why-margin" || step != 6 {
		t.Errorf("ended at %s step %d", name, step)
	}
}
