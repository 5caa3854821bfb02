package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/scenarios/course"
)

func newLearn(t testing.TB, cfg LearnConfig, w, h int) LearnModel {
	t.Helper()
	return newLearnIn(t, testContext(), cfg, w, h)
}

// newLearnIn is newLearn on ctx (a language, a renderer).
func newLearnIn(t testing.TB, ctx *Context, cfg LearnConfig, w, h int) LearnModel {
	t.Helper()
	next, _ := NewLearn(ctx, cfg).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(LearnModel)
}

func pressLearn(t testing.TB, m LearnModel, keys ...string) LearnModel {
	t.Helper()
	for _, k := range keys {
		next, _ := m.Update(keyMsg(k))
		m = next.(LearnModel)
	}
	return m
}

// A learner's flow through the app: the list, a lesson's description, a
// question typed and checked, the explanation, a skipped question; the
// progress is on disk when the program ends.
func TestLearnFlowWithQuestion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "losslab", "progress.json")
	tm := teatest.NewTestModel(t, NewApp(testContext(), Config{Start: ModeLearn, Learn: LearnConfig{ProgressPath: path}}),
		teatest.WithInitialTermSize(80, 24))
	waitText(t, tm, "1. The article's two examples")
	tm.Send(keyMsg("enter"))
	waitText(t, tm, "Here is its first")
	tm.Send(keyMsg("right"))
	waitText(t, tm, "what is the triplet loss")
	tm.Type("0.4")
	tm.Send(keyMsg("enter"))
	waitAll(t, tm, "Right: 0.40.", "the triplet loss is 0.4.")
	tm.Send(keyMsg("right"))
	waitText(t, tm, "What is the triplet loss now?")
	tm.Send(keyMsg("tab"))
	waitAll(t, tm, "Skipped. The answer is 0.00.", "triplet loss 0 (easy)")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	if name, step := final.modes[ModeLearn].(LearnModel).Lesson(); name != "article-cases" || step != 2 {
		t.Errorf("ended at %s step %d", name, step)
	}
	p, err := course.LoadProgress(path)
	if err != nil || p.Lesson != "article-cases" || p.Step != 2 || p.Done("article-cases") {
		t.Errorf("saved progress %+v, %v", p, err)
	}
}

// waitAll waits until one frame's output holds every text: waitText
// consumes what it reads, so two waits cannot look at one frame.
func waitAll(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, text := range texts {
			if !strings.Contains(string(b), text) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// A wrong choice says what was chosen and what is right, and the
// explanation follows either way. A choice is checked by its index, so the
// same keys give the same verdicts in English and in Chinese (半困难 is
// right exactly where semi-hard is).
func TestLearnChoiceQuestion(t *testing.T) {
	for _, c := range []struct {
		ctx             *Context
		question, right string
		wrong, asked    []string
	}{
		{testContext(), "▸ 1. hard", "✓ Right: semi-hard.",
			[]string{"✗ You said semi-hard; the answer is hard.", "the triplet is hard, triplet loss 0.3.", "= 0.3000 · hard"},
			[]string{"losses hidden until you answer"}},
		{chineseContext(), "▸ 1. 困难", "✓ 正确：半困难。",
			[]string{"✗ 你的答案是 半困难；正确答案是 困难。", "三元组是困难的，三元组损失为 0.3。", "= 0.3000 · 困难"},
			[]string{"这个三元组属于哪种难度？"}},
	} {
		m := newLearnIn(t, c.ctx, LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("regimes")}, Open: true}, 80, 24)
		m = pressLearn(t, m, "right")
		v := m.View()
		if !strings.Contains(v, c.question) || strings.Contains(v, "0.3000") {
			t.Fatalf("question screen:\n%s", v)
		}
		for _, want := range c.asked {
			if !strings.Contains(v, want) {
				t.Errorf("the question screen lacks %q:\n%s", want, v)
			}
		}
		m = pressLearn(t, m, "down", "enter")
		v = m.View()
		for _, want := range c.wrong {
			if !strings.Contains(v, want) {
				t.Errorf("after a wrong choice the screen lacks %q:\n%s", want, v)
			}
		}
		m = pressLearn(t, m, "right", "2", "enter")
		if v := m.View(); !strings.Contains(v, c.right) {
			t.Errorf("a digit picks the choice:\n%s", v)
		}
	}
}

// Typing something that is not a number says so and keeps the question.
func TestLearnNotANumber(t *testing.T) {
	m := newLearn(t, LearnConfig{}, 80, 24)
	m = pressLearn(t, m, "enter", "right", "a", "b", "enter")
	if v := m.View(); !strings.Contains(v, `"ab" is not a number`) || !strings.Contains(v, "losses hidden until you answer") {
		t.Errorf("not a number:\n%s", v)
	}
	m = pressLearn(t, m, "backspace", "backspace", "0", ".", "4", "0", "1", "enter")
	if v := m.View(); !strings.Contains(v, "✓ Right: 0.40.") {
		t.Errorf("0.401 is within the tolerance:\n%s", v)
	}
}

// Progress survives a restart: the list selects the lesson last open and
// enter resumes at its step; reaching a lesson's end marks it done.
func TestLearnResumes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	p := course.Progress{Completed: []string{"article-cases"}, Lesson: "regimes", Step: 3}
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	m := newLearn(t, LearnConfig{ProgressPath: path}, 80, 24)
	v := m.View()
	if !strings.Contains(v, "▸  · 4. Easy, semi-hard, hard") || !strings.Contains(v, "✓ 1. The article's two examples") || !strings.Contains(v, "1 of 8 lessons done") {
		t.Fatalf("list:\n%s", v)
	}
	m = pressLearn(t, m, "enter")
	if name, step := m.Lesson(); name != "regimes" || step != 3 {
		t.Fatalf("resumed at %s %d", name, step)
	}
	for range 10 {
		m = pressLearn(t, m, "tab", "right")
	}
	if !m.Progress().Done("regimes") {
		t.Error("the lesson's end did not mark it done")
	}
	back, _ := course.LoadProgress(path)
	if !back.Done("regimes") {
		t.Error("done is not saved")
	}
	m = pressLearn(t, m, "enter")
	if name, step := m.Lesson(); name != "why-margin" || step != 0 {
		t.Errorf("the end's enter opened %s %d, want the next lesson", name, step)
	}
}

// A mode step hosts the playground on its state; esc comes back to the
// lesson, keys in between act on the playground.
func TestLearnExploreAndReturn(t *testing.T) {
	m := newLearn(t, LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("article-cases")}, Open: true}, 80, 24)
	m = pressLearn(t, m, "right", "tab", "right", "tab", "right")
	if v := m.View(); !strings.Contains(v, "Press e to explore") || !strings.Contains(v, "e explore") {
		t.Fatalf("mode step:\n%s", v)
	}
	m = pressLearn(t, m, "e")
	v := m.View()
	if !strings.Contains(v, "exploring · esc returns to the lesson") || !strings.Contains(v, "max(0.10 − 0.60 + 0.20, 0)") {
		t.Fatalf("exploring:\n%s", v)
	}
	if got := len(strings.Split(v, "\n")); got != 24 {
		t.Errorf("the hosted playground has %d lines at 80×24", got)
	}
	m = pressLearn(t, m, "down", "left")
	if v := m.View(); !strings.Contains(v, "max(0.10 − 0.55 + 0.20, 0)") {
		t.Errorf("keys do not reach the playground:\n%s", v)
	}
	m = pressLearn(t, m, "esc")
	if v := m.View(); !strings.Contains(v, "lesson 1/1 · step 4/4") || strings.Contains(v, "exploring") {
		t.Errorf("esc did not come back:\n%s", v)
	}
}

// In a lesson's hosted mode the keys that would leave for another of the
// app's modes do nothing and are not offered: tab stays in the exploration
// (it used to land in the app's own playground, where esc did nothing), and
// neither the help line nor the full help lists tab or g.
func TestLearnHostedModesStayInTheLesson(t *testing.T) {
	a := NewApp(testContext(), Config{Start: ModeLearn, Learn: LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("article-cases"), course.Lesson("batches")}}})
	a = send(t, a, tea.WindowSizeMsg{Width: 80, Height: 24})
	deliver := func(k string) {
		t.Helper()
		next, cmd := a.Update(keyMsg(k))
		a = next.(App)
		for _, msg := range drain(cmd) {
			if sw, ok := msg.(SwitchModeMsg); ok {
				next, _ = a.Update(sw)
				a = next.(App)
			}
		}
	}
	noLeaving := func(what string) {
		t.Helper()
		v := a.View()
		if !strings.Contains(v, "exploring · esc returns to the lesson") {
			t.Fatalf("%s: not exploring:\n%s", what, v)
		}
		last := v[strings.LastIndex(v, "\n")+1:]
		if strings.Contains(last, "tab ") || strings.Contains(last, "g ") {
			t.Errorf("%s: the help line offers a key that leaves: %q", what, last)
		}
	}
	for _, k := range []string{"enter", "right", "tab", "right", "tab", "right", "e"} {
		deliver(k)
	}
	noLeaving("playground")
	deliver("tab")
	noLeaving("playground after tab")
	deliver("?")
	if v := a.View(); strings.Contains(v, "tab ") || strings.Contains(v, " learn") {
		t.Errorf("the hosted playground's full help offers tab or g:\n%s", v)
	}
	deliver("esc")
	deliver("esc")
	if v := a.View(); a.Current() != ModeLearn || !strings.Contains(v, "step 4/4") || strings.Contains(v, "exploring") {
		t.Fatalf("esc did not come back to the lesson:\n%s", v)
	}
	// The batch lesson's explore step hosts the batch view: tab stays too.
	deliver("esc")
	for _, k := range []string{"down", "enter", "right", "tab", "right", "e"} {
		deliver(k)
	}
	noLeaving("batch view")
	// Its first line (the data set) stays under the banner.
	if v := a.View(); !strings.Contains(v, "iris · 150 × 4 · 3 classes") || len(strings.Split(v, "\n")) != 24 {
		t.Errorf("the hosted batch view lost its data line or its size:\n%s", v)
	}
	deliver("tab")
	noLeaving("batch view after tab")
}

// Every screen of the course, answered right, fits 80×24 and 120×40
// exactly, says "Right" after each answer, and ends each lesson by
// offering the next; under NO_COLOR too (the test context is Ascii).
func TestEveryLessonWalksAndFits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		walkCourse(t, testContext(), size, func(what, v string) {
			t.Helper()
			checkFits(t, v, size)
		})
	}
}

// walkCourse goes through every lesson in order with the keys a learner
// presses, hands every screen to check, and asserts what the course says
// in the context's language: at each question the screens after a wrong
// answer and after a skip (then the right answer is given), the next
// lesson offered at each lesson's end, the whole course done at the end.
func walkCourse(t *testing.T, ctx *Context, size [2]int, check func(what, view string)) {
	t.Helper()
	p := ctx.Printer
	var lessons []*scenarios.Scenario
	for _, l := range course.Lessons() {
		lessons = append(lessons, l.In(p.Lang()))
	}
	m := newLearnIn(t, ctx, LearnConfig{}, size[0], size[1])
	check(fmt.Sprintf("%v list", size), m.View())
	m = pressLearn(t, m, "enter")
	says := func(what, v, text string) {
		t.Helper()
		if !strings.Contains(squeeze(v), squeeze(text)) {
			t.Errorf("%s: the screen does not say %q:\n%s", what, text, v)
		}
	}
	for li, l := range lessons {
		for i := 0; i < l.Len(); i++ {
			what := fmt.Sprintf("%v %s step %d", size, l.Name, i)
			if name, step := m.Lesson(); name != l.Name || step != i {
				t.Fatalf("%s: at %s %d", what, name, step)
			}
			check(what, m.View())
			if q := questionAt(l, i); q != nil {
				wrong, said := answerWrong(t, m, q)
				check(what+" answered wrong", wrong.View())
				says(what+" answered wrong", wrong.View(), p.T(i18n.LearnWrong, said, q.RightAnswer()))
				says(what+" answered wrong", wrong.View(), q.Explain)
				skipped := pressLearn(t, m, "tab")
				check(what+" skipped", skipped.View())
				says(what+" skipped", skipped.View(), p.T(i18n.LearnSkipped, q.RightAnswer()))
				m = answerRight(t, m, q)
				check(what+" answered", m.View())
				says(what+" answered", m.View(), p.T(i18n.LearnRight, q.RightAnswer()))
			}
			if i < l.Len()-1 {
				m = pressLearn(t, m, "right")
			}
		}
		if li+1 < len(lessons) {
			says(fmt.Sprintf("%v %s end", size, l.Name), m.View(), p.T(i18n.LearnEndNext, lessons[li+1].Title))
		}
		m = pressLearn(t, m, "enter")
	}
	check(fmt.Sprintf("%v list after the course", size), m.View())
	says(fmt.Sprintf("%v after the course", size), m.View(), p.T(i18n.LearnListDone, len(lessons), len(lessons)))
}

// questionAt is the question of lesson l's state i, nil if it asks none.
func questionAt(l *scenarios.Scenario, i int) *scenarios.Question {
	if i == 0 {
		return nil
	}
	return l.Steps[i-1].Question
}

// squeeze drops styling and every space, so that a text wrapped over lines
// (between words, or between Chinese characters) still matches.
func squeeze(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), "") }

// answerWrong gives a wrong answer to q: the next choice, or the answer
// plus 1; it returns the model and what was said as the verdict quotes it.
func answerWrong(t *testing.T, m LearnModel, q *scenarios.Question) (LearnModel, string) {
	t.Helper()
	if len(q.Choices) > 0 {
		pick := (q.Correct + 1) % len(q.Choices)
		return pressLearn(t, m, string(rune('1'+pick)), "enter"), q.Choices[pick]
	}
	said := numfmt.Input(q.Answer + 1)
	return pressLearn(t, m, said, "enter"), said
}

func answerRight(t *testing.T, m LearnModel, q *scenarios.Question) LearnModel {
	t.Helper()
	if len(q.Choices) > 0 {
		return pressLearn(t, m, string(rune('1'+q.Correct)), "enter")
	}
	return pressLearn(t, m, numfmt.Input(q.Answer), "enter")
}

func checkFits(t *testing.T, v string, size [2]int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != size[1] {
		t.Errorf("%v: %d lines", size, len(lines))
	}
	for _, l := range lines {
		if lipgloss.Width(l) > size[0] {
			t.Errorf("%v: line wider than the window: %q", size, l)
		}
		if strings.Contains(l, "…") && !strings.Contains(l, "↓ more") {
			t.Errorf("%v: a cut line: %q", size, l)
		}
	}
}

// v cycles the playground's conventions panel: five conventions with
// core/loss's values, then the margin under three measures, then the chart.
func TestConventionsPanel(t *testing.T) {
	m := newModel(t, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(t, next.(Model), "v")
	v := m.View()
	for _, want := range []string{"article     0.1225", "hadsell     0.2450", "tfa         0.2450", "pml         0.7000", "torch_hinge 0.3500", "Y=0 similar"} {
		if !strings.Contains(v, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "v")
	v = m.View()
	for _, want := range []string{"m = 0.20 under three measures", "d(a,n) − d(a,p) = -0.20", "triplet loss 0.4000", "loss 0.4400", "= 0.24", "s(a,p) = 0.755", "s(a,n) = 0.875", "loss 0.3200", "more similar, by m"} {
		if !strings.Contains(v, want) {
			t.Errorf("page 2 lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "v")
	if v := m.View(); !strings.Contains(v, "chart 1/5") {
		t.Errorf("a third v does not bring the chart back:\n%s", v)
	}
	// Beyond 2 no two unit vectors reach: the cosine line says so.
	far := press(t, m, append(repeat("right", 50), "v", "v")...)
	if v := far.View(); !strings.Contains(v, "no two unit vectors are more than 2 apart") {
		t.Errorf("d(a,p) = 2.70:\n%s", v)
	}
}

// Target: a keystroke in a lesson (Update and View at 120×40, the state
// evaluated and the text wrapped) under 1 ms (measured 0.14 ms).
func BenchmarkLearnKeystroke(b *testing.B) {
	m := newLearn(b, LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("regimes")}, Open: true}, 120, 40)
	keys := []string{"right", "1", "enter", "right", "left"}
	i := 0
	for b.Loop() {
		next, _ := m.Update(keyMsg(keys[i%len(keys)]))
		m = next.(LearnModel)
		_ = m.View()
		i++
	}
}

// drain runs cmd and every command it batches, returning their messages.
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, drain(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// The lesson's contrastive line lists the two pair terms and their mean;
// "½·0.70² = 0.2450 + ½·max(…)² = 0.0000, mean 0.1225" read as a false
// equation.
func TestLearnContrastiveLineIsAList(t *testing.T) {
	m := newLearn(t, LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("article-cases")}, Open: true}, 120, 40)
	m = pressLearn(t, m, "right", "tab") // the first question skipped: the state shows
	v := squeeze(ansi.Strip(m.View()))
	want := squeeze("contrastive a-p ½·0.70² = 0.2450 · a-n ½·max(0.20 − 0.50, 0)² = 0.0000 · mean 0.1225")
	if !strings.Contains(v, want) || strings.Contains(v, "= 0.2450 +") {
		t.Errorf("the contrastive line is not the list %q:\n%s", want, m.View())
	} // At 80 columns it wraps between items, indented to the label column:
	// "mean" stays with its number.
	m = newLearn(t, LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("article-cases")}, Open: true}, 80, 24)
	m = pressLearn(t, m, "right", "tab")
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	found := false
	for i, l := range lines {
		if strings.HasPrefix(l, "contrastive      a-p") && i+1 < len(lines) {
			found = strings.HasPrefix(lines[i+1], strings.Repeat(" ", 17)+"mean 0.1225")
		}
	}
	if !found {
		t.Errorf("at 80 columns the contrastive line does not wrap by items under its column:\n%s", m.View())
	}
}

// The lesson list shows every lesson's covers at 80×24, in English too
// (lesson 8's title left no room, and its covers were dropped silently),
// and still every lesson.
func TestLearnListShowsEveryCoversAt80x24(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		ctx := testContext()
		ctx.Printer = i18n.New(lang)
		ctx.Keys = NewKeys(ctx.Printer)
		m := newLearnIn(t, ctx, LearnConfig{}, 80, 24)
		v := m.View()
		checkFits(t, v, [2]int{80, 24})
		for i, l := range course.Lessons() {
			for _, c := range l.Covers {
				if !strings.Contains(v, c) {
					t.Errorf("%v: lesson %d's covers lack %q:\n%s", lang, i+1, c, v)
				}
			}
			if !strings.Contains(v, fmt.Sprintf("%d. %s", i+1, l.In(lang).Title)) {
				t.Errorf("%v: the list lacks lesson %d:\n%s", lang, i+1, v)
			}
		}
	}
}

// Once a question is answered (or skipped) its state's losses show, unless
// they would answer the next step's question about the same state; then
// the line says exactly that. Lesson 7 asks four questions on one state:
// after the first the losses show (0.125, the next answer, is not among
// them); after the third they stay hidden (the triplet's 0.7000 is
// pytorch-metric-learning's 0.7, the fourth answer).
func TestLearnLossesShowOnceAnswered(t *testing.T) {
	m := newLearn(t, LearnConfig{Lessons: []*scenarios.Scenario{course.Lesson("half-and-mean")}, Open: true}, 80, 24)
	for _, answer := range []string{"enter", "tab"} {
		s := pressLearn(t, m, "right")
		if answer == "enter" {
			s = pressLearn(t, s, "0", ".", "0", "6", "2", "5", "enter")
		} else {
			s = pressLearn(t, s, "tab")
		}
		v := squeeze(ansi.Strip(s.View()))
		if strings.Contains(v, "losses hidden") || !strings.Contains(v, squeeze("mean 0.0625")) {
			t.Errorf("after %s the losses do not show:\n%s", answer, s.View())
		}
	}
	m = pressLearn(t, m, "right", "tab", "right", "tab", "right", "tab")
	if name, step := m.Lesson(); step != 3 {
		t.Fatalf("at %s %d", name, step)
	}
	v := squeeze(ansi.Strip(m.View()))
	if !strings.Contains(v, squeeze("losses hidden: they would answer the next step's question")) || strings.Contains(v, "0.7000") {
		t.Errorf("before the pytorch-metric-learning question the losses show:\n%s", m.View())
	}
}

// The margin panel's rows are aligned in cells: each text, and each of its
// continuation lines, starts in the same column after the labels, in
// English and in Chinese, wherever it wraps.
func TestMarginRowsAligned(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		p := i18n.New(lang)
		labels := []string{p.T(i18n.MarginLabelPlain), p.T(i18n.MarginLabelSquared), p.T(i18n.MarginLabelCosine)}
		for _, s := range []loss.Setting{
			{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different},
			{DAP: 0.7, DAN: 2.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different},
		} {
			for _, w := range []int{40, 76, 116} {
				col := -1
				for _, line := range marginLines(p, s, w) {
					if ansi.StringWidth(line) > w {
						t.Errorf("%v at %d: %q is wider", lang, w, line)
					}
					text := strings.TrimLeft(line, " ")
					for _, l := range labels {
						if strings.HasPrefix(line, l+" ") {
							text = strings.TrimLeft(strings.TrimPrefix(line, l), " ")
						}
					}
					at := ansi.StringWidth(line) - ansi.StringWidth(text)
					if at == 0 { // the cosine note spans the width
						continue
					}
					if col == -1 {
						col = at
					}
					if at != col {
						t.Errorf("%v at %d cells: %q starts its text at column %d, not %d", lang, w, line, at, col)
					}
				}
			}
		}
	}
}
