package course

import (
	"fmt"
	"losslab/scenarios/curriculum"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
	"losslab/tui/trainview"
)

// walkTo opens lesson l and walks with a learner's keys to its state i:
// → between steps, tab to skip a question on the way.
func walkTo(t *testing.T, m *Model, l *scenarios.Scenario, i int) *Model {
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
	for lang, ctx := range []*common.Context{tuitest.Context(), tuitest.ChineseContext()} {
		p, warm := ctx.Printer, 0
		for _, l := range curriculum.Lessons() {
			for i := 1; i < l.Len(); i++ {
				st := l.Steps[i-1]
				if st.Mode.Kind != scenarios.ModeTrain {
					continue
				}
				found++
				sizes := [][2]int{{80, 24}, {120, 40}}
				if st.Mode.Train.Steps > 0 {
					// Opening trains to the step with a hundred
					// measurements of the curve: each such step opens
					// once, at the tightest size, the languages taking
					// turns.
					warm++
					if warm%2 != lang {
						continue
					}
					sizes = sizes[:1]
				}
				for _, size := range sizes {
					t.Run(fmt.Sprintf("%v %s step %d %dx%d", p.Lang(), l.Name, i, size[0], size[1]), func(t *testing.T) {
						what := fmt.Sprintf("%v %v %s step %d", p.Lang(), size, l.Name, i)
						m := walkTo(t, newLearnIn(t, ctx, Config{Lessons: []*scenarios.Scenario{l}, Open: true}, size[0], size[1]), l, i)
						if v := m.View(); !strings.Contains(tuitest.Squeeze(v), tuitest.Squeeze(p.T(i18n.LearnExploreTrain))) {
							t.Errorf("%s: the step does not say how to open it:\n%s", what, v)
						}
						m = pressLearn(t, m, "e")
						v := m.View()
						tuitest.CheckWidths(t, what+" training", v, size[0], size[1], false) // the training mode pads no line
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
					})
				}
			}
		}
	}
	if found < 4 { // two train steps, two languages
		t.Errorf("%d train steps in the course", found)
	}
}

// trainLesson is a one-step lesson whose step trains with the given keys.
func trainLesson(t *testing.T, keys string) *scenarios.Scenario {
	t.Helper()
	l, err := scenarios.Parse("train.toml", []byte(`name = "train"
title = "Train"
[start]
dap = 0.5
dan = 0.5
margin = 0.2
y_ap = "same"
y_an = "different"
[[step]]
mode = "train"
`+keys+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// A train step's train_steps are trained before the learner takes over.
func TestLessonTrainStepWarmsUp(t *testing.T) {
	l := trainLesson(t, "train_loss = \"batch-hard\"\ntrain_steps = 150")
	m := pressLearn(t, newLearn(t, Config{Lessons: []*scenarios.Scenario{l}, Open: true}, 80, 24), "right", "e")
	tr := m.child.(trainview.Model)
	if got := tr.Trainer().StepCount(); got != 150 || tr.Metrics()[0].Step != 150 {
		t.Errorf("opened at step %d (metrics at %d), want 150", got, tr.Metrics()[0].Step)
	}
	if v := m.View(); !strings.Contains(v, "step 150") {
		t.Errorf("the screen does not show step 150:\n%s", v)
	}
}

// In a lesson's training step esc first closes the training mode's picker
// (the run unchanged), and only then goes back to the lesson.
func TestLessonTrainPickerEsc(t *testing.T) {
	l := trainLesson(t, "train_loss = \"batch-hard\"")
	m := pressLearn(t, newLearn(t, Config{Lessons: []*scenarios.Scenario{l}, Open: true}, 80, 24), "right", "e", "L")
	if v := m.View(); !strings.Contains(v, "[loss]") || !strings.Contains(v, "● batch-hard") {
		t.Fatalf("L did not open the loss list:\n%s", v)
	}
	m = pressLearn(t, m, "esc")
	tr, ok := m.child.(trainview.Model)
	if !ok || strings.Contains(m.View(), "[loss]") || tr.Trainer().Config().Loss != "batch-hard" {
		t.Fatalf("esc left the training step or changed it (child %T):\n%s", m.child, m.View())
	}
	m = pressLearn(t, m, "esc")
	if m.child != nil || m.screen != screenStep {
		t.Errorf("the second esc did not go back to the lesson (screen %d)", m.screen)
	}
}

// A step about a training run (a train step, or the question just before
// it) shows the run's settings as the run has them, not the playground
// state it never reads: what is held out, the step it opens at, each run's
// margin or InfoNCE's τ and similarity, in both languages.
func TestTrainStepShowsTheRunsSettings(t *testing.T) {
	for _, c := range []struct {
		lesson string
		want   map[i18n.Lang][]string
	}{
		{"why-margin", map[i18n.Lang][]string{
			i18n.English: {"training run · overlap · model linear · lr 0.20 · batch 64 · seed 1 · 0.25 of each class held out · a: contrastive, margin 0.00 | b: contrastive, margin 1.00"}}},
		{"metrics", map[i18n.Lang][]string{
			i18n.English: {"digits · model mlp", "0.25 of each class held out", "opens at step 300", "semi-hard, margin 1.00", "3 whole classes held out"},
			i18n.Chinese: {"digits · 模型 mlp", "每类留出比例 0.25", "打开时在第 300 步", "留出 3 个完整的类"}}},
		{"temperature", map[i18n.Lang][]string{
			i18n.English: {"nothing held out", "τ 0.50, s = −d"},
			i18n.Chinese: {"不留出", "τ 0.50，s = −d"}}},
		{"mining", map[i18n.Lang][]string{
			i18n.English: {"blobs · model mlp", "0.25 of each class held out", "batch-all, margin 1.00"}}},
	} {
		for _, ctx := range []*common.Context{tuitest.Context(), tuitest.ChineseContext()} {
			p := ctx.Printer
			l := curriculum.Lesson(c.lesson)
			var seen strings.Builder
			for i := 1; i < l.Len(); i++ {
				if l.TrainingAt(i) == nil {
					continue
				}
				m := walkTo(t, newLearnIn(t, ctx, Config{Lessons: []*scenarios.Scenario{l}, Open: true}, 120, 40), l, i)
				if v := m.View(); strings.Contains(v, "d(a,p) ") {
					t.Errorf("%v %s step %d shows a playground state:\n%s", p.Lang(), l.Name, i, v)
				}
				seen.WriteString(tuitest.Squeeze(m.View()))
			}
			for _, w := range c.want[p.Lang()] {
				if !strings.Contains(seen.String(), tuitest.Squeeze(w)) {
					t.Errorf("%v %s: no train step says %q", p.Lang(), c.lesson, w)
				}
			}
		}
	}
}

// containsWord finds a choice as a whole word, never inside a longer one.
func TestContainsWord(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"triplet 0.3000 · hard", "hard", true},
		{"triplet 0.3000 · semi-hard", "hard", false},
		{"semi-hard, then hard", "hard", true},
		{"hardest", "hard", false},
		{"hard", "hard", true},
		{"困难", "困难", true},
		{"半困难", "困难", false},
		{"(easy)", "easy", true},
		{"anything", "", false},
	} {
		if got := containsWord(c.text, c.word); got != c.want {
			t.Errorf("containsWord(%q, %q) = %v", c.text, c.word, got)
		}
	}
}

// A run's settings break between their " · " items, never inside one that
// fits a line: at 80×24 lesson 13's "opens at step 300" was split over two
// lines, the line before it one " ·" too wide for the window.
func TestTrainSettingsKeepEachItemWhole(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 24}} {
		for _, ctx := range []*common.Context{tuitest.Context(), tuitest.ChineseContext()} {
			p := ctx.Printer
			for _, l := range curriculum.Lessons() {
				for i := 1; i < l.Len(); i++ {
					tr := l.TrainingAt(i)
					if tr == nil {
						continue
					}
					m := walkTo(t, newLearnIn(t, ctx, Config{Lessons: []*scenarios.Scenario{l}, Open: true}, size[0], size[1]), l, i)
					lines := strings.Split(ansi.Strip(m.View()), "\n")[2:] // under the header: the settings, then a blank line
					for j, line := range lines {
						if strings.TrimSpace(line) == "" {
							lines = lines[:j]
							break
						}
					}
					for _, item := range strings.Split(p.T(i18n.LearnTrainRun, m.trainSettings(tr)), " · ") {
						if lipgloss.Width(item)+2 > size[0] {
							continue // wider than a line: it must break
						}
						if !slices.ContainsFunc(lines, func(line string) bool { return strings.Contains(line, item) }) {
							t.Errorf("%v %s %s step %d: %q is split:\n%s", size, p.Lang().Code(), l.Name, i, item, strings.Join(lines, "\n"))
						}
					}
				}
			}
		}
	}
}
