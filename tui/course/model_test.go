package course

import (
	"fmt"
	"losslab/scenarios/curriculum"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
	"losslab/tui/trainview"
)

func TestMain(m *testing.M) {
	tuitest.Setup()
	os.Exit(m.Run())
}

func newLearn(t testing.TB, cfg Config, w, h int) *Model {
	t.Helper()
	return newLearnIn(t, tuitest.Context(), cfg, w, h)
}

// newLearnIn is newLearn on ctx (a language, a renderer).
func newLearnIn(t testing.TB, ctx *common.Context, cfg Config, w, h int) *Model {
	t.Helper()
	next, _ := New(ctx, cfg).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(*Model)
}

func pressLearn(t testing.TB, m *Model, keys ...string) *Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(tuitest.Key(k))
		m = tuitest.Settle(next, cmd, childTraining).(*Model)
	}
	return m
}

// childTraining says whether the hosted training mode trains off the event
// loop (a step's train_steps, n).
func childTraining(m tea.Model) bool {
	tr, ok := m.(*Model).child.(trainview.Model)
	return ok && tr.Busy()
}

// A wrong choice says what was chosen and what is right, and the
// explanation follows either way. A choice is checked by its index, so the
// same keys give the same verdicts in English and in Chinese (半困难 is
// right exactly where semi-hard is).
func TestLearnChoiceQuestion(t *testing.T) {
	for _, c := range []struct {
		ctx             *common.Context
		question, right string
		wrong, asked    []string
	}{
		{tuitest.Context(), "▸ 1. hard", "✓ Right: semi-hard.",
			[]string{"✗ You said semi-hard; the answer is hard.", "the triplet is hard, triplet loss 0.3.", "= 0.3000 · hard"},
			[]string{"losses hidden until you answer"}},
		{tuitest.ChineseContext(), "▸ 1. 困难", "✓ 正确：“半困难”。",
			[]string{"✗ 你的答案是“半困难”；正确答案是“困难”。", "三元组是困难的，三元组损失为 0.3。", "= 0.3000 · 困难"},
			[]string{"这个三元组属于哪种难度？"}},
	} {
		t.Run(c.ctx.Printer.Lang().Code(), func(t *testing.T) {
			m := newLearnIn(t, c.ctx, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("regimes")}, Open: true}, 80, 24)
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
			m = pressLearn(t, m, "down", "down", "enter", "up", "enter") // wrong, and wrong again on the retry
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
		})
	}
}

// Typing something that is not a number says so and keeps the question.
func TestLearnNotANumber(t *testing.T) {
	m := newLearn(t, Config{}, 80, 24)
	m = pressLearn(t, m, "enter", "right", "a", "b", "enter")
	if v := m.View(); !strings.Contains(v, `"ab" is not a number`) || !strings.Contains(v, "losses hidden until you answer") {
		t.Errorf("not a number:\n%s", v)
	}
	m = pressLearn(t, m, "backspace", "backspace", "0", ".", "4", "0", "1", "enter")
	if v := m.View(); !strings.Contains(v, "✓ Right: 0.4.") { // as the explanation writes it
		t.Errorf("0.401 is within the tolerance:\n%s", v)
	}
}

// Progress survives a restart: the list selects the lesson last open and
// enter resumes at its step; reaching a lesson's end marks it done.
func TestLearnResumes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	p := curriculum.Progress{Completed: []string{"article-cases"}, Lesson: "regimes", Step: 3}
	p.Record("article-cases", 0, curriculum.Right)
	p.Record("article-cases", 1, curriculum.RightRetry)
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	m := newLearn(t, Config{ProgressPath: path}, 80, 24)
	v := m.View()
	if !strings.Contains(v, "▸  ·  4. Easy, semi-hard, hard") || !strings.Contains(v, "✓  1. The article's two examples") || !strings.Contains(v, "✓ 1 of 13 lessons") {
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
	back, _ := curriculum.LoadProgress(path)
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
	m := newLearn(t, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("article-cases")}, Open: true}, 80, 24)
	m = pressLearn(t, m, "right", "tab", "right", "tab", "right")
	if v := m.View(); !strings.Contains(v, "Press e to explore") || !strings.Contains(tuitest.KeyLine(m), "e explore") {
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

// Every screen of the course, answered right, fits 80×24 and 120×40
// exactly, says "Right" after each answer, and ends each lesson by
// offering the next; under NO_COLOR too (the test context is Ascii).
func TestEveryLessonWalksAndFits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			walkCourse(t, tuitest.Context(), size, func(what, v string) {
				t.Helper()
				checkFits(t, v, size)
			})
		})
	}
}

// walkCourse goes through every lesson in order with the keys a learner
// presses, hands every screen to check, and asserts what the course says
// in the context's language: at each question the screens after a wrong
// answer and after a skip (then the right answer is given), the next
// lesson offered at each lesson's end, the whole course done at the end.
func walkCourse(t *testing.T, ctx *common.Context, size [2]int, check func(what, view string)) {
	t.Helper()
	p := ctx.Printer
	var course []*scenarios.Scenario
	for _, l := range curriculum.Lessons() {
		course = append(course, l.In(p.Lang()))
	}
	m := newLearnIn(t, ctx, Config{}, size[0], size[1])
	check(fmt.Sprintf("%v list", size), m.View())
	m = pressLearn(t, m, "enter")
	says := func(what, v, text string) {
		t.Helper()
		if !strings.Contains(tuitest.Squeeze(v), tuitest.Squeeze(text)) {
			t.Errorf("%s: the screen does not say %q:\n%s", what, text, v)
		}
	}
	for li, l := range course {
		for i := 0; i < l.Len(); i++ {
			what := fmt.Sprintf("%v %s step %d", size, l.Name, i)
			if name, step := m.Lesson(); name != l.Name || step != i {
				t.Fatalf("%s: at %s %d", what, name, step)
			}
			check(what, m.View())
			if q := questionAt(l, i); q != nil {
				if q.Retries() {
					checkRetry(t, m, q, what, check, says)
				} else { // two choices: after a wrong pick the other is a sure hit, so no retry
					wrong, said := answerWrong(t, m, q)
					check(what+" answered wrong", wrong.View())
					if wrong.asking() {
						t.Errorf("%s: a wrong pick of two left a retry", what)
					}
					says(what+" answered wrong", wrong.View(), p.T(i18n.LearnWrongChoice, said, q.RightAnswer()))
					says(what+" answered wrong", wrong.View(), q.Explain)
					if d := q.DiagnoseChoice(wrong.choice); d != "" {
						says(what+" answered wrong", wrong.View(), d)
					}
					if strings.Contains(tuitest.Squeeze(wrong.View()), tuitest.Squeeze(p.T(i18n.LearnRetryHintChoice))) {
						t.Errorf("%s: a question of two choices promises one more try:\n%s", what, wrong.View())
					}
				}
				skipped := pressLearn(t, m, "tab")
				check(what+" skipped", skipped.View())
				says(what+" skipped", skipped.View(), p.T(verdictID(q, i18n.LearnSkipped, i18n.LearnSkippedChoice), q.RightAnswer()))
				m = answerRight(t, m, q)
				check(what+" answered", m.View())
				says(what+" answered", m.View(), p.T(verdictID(q, i18n.LearnRight, i18n.LearnRightChoice), q.RightAnswer()))
			}
			if i < l.Len()-1 {
				m = pressLearn(t, m, "right")
			}
		}
		if li+1 < len(course) {
			says(fmt.Sprintf("%v %s end", size, l.Name), m.View(), p.T(i18n.LearnEndNext, course[li+1].Title))
		}
		m = pressLearn(t, m, "enter")
	}
	check(fmt.Sprintf("%v list after the course", size), m.View())
	says(fmt.Sprintf("%v after the course", size), m.View(), p.T(i18n.LearnListDone, len(course), len(course)))
}

// checkRetry checks a question that earns a retry, from m where it is
// asked: a first wrong answer (diagnosed, one more try), the same answer
// again (not taken), right on the retry, wrong again, and every diagnosed
// mistake, first try and after another wrong answer.
func checkRetry(t *testing.T, m *Model, q *scenarios.Question, what string, check func(what, view string), says func(what, v, text string)) {
	t.Helper()
	p := m.ctx.Printer
	once, said := answerWrong(t, m, q)
	check(what+" answered wrong once", once.View())
	says(what+" answered wrong once", once.View(), p.T(verdictID(q, i18n.LearnRetry, i18n.LearnRetryChoice), said))
	says(what+" answered wrong once", once.View(), p.T(verdictID(q, i18n.LearnRetryHint, i18n.LearnRetryHintChoice)))
	if !once.asking() || strings.Contains(once.View(), q.Explain) {
		t.Errorf("%s: the first wrong answer revealed the answer", what)
	}
	same := answerSame(t, once, q, said) // the first answer again is not taken
	check(what+" the same answer again", same.View())
	sameText := p.T(i18n.LearnRetrySame, said)
	if len(q.Choices) > 0 {
		sameText = p.T(i18n.LearnRetrySameChoice)
	}
	says(what+" the same answer again", same.View(), sameText)
	if !same.asking() {
		t.Errorf("%s: the first answer again used up the retry", what)
	}
	retried := answerRight(t, same, q)
	says(what+" right on the retry", retried.View(), p.T(verdictID(q, i18n.LearnRightRetry, i18n.LearnRightRetryChoice), q.RightAnswer()))
	wrong, said2 := answerWrongOther(t, once, q)
	check(what+" answered wrong", wrong.View())
	says(what+" answered wrong", wrong.View(), p.T(verdictID(q, i18n.LearnWrong, i18n.LearnWrongChoice), said2, q.RightAnswer()))
	says(what+" answered wrong", wrong.View(), q.Explain)
	for _, mk := range q.Mistakes { // every diagnosed mistake is diagnosed, first try and second
		said := mk.Choice
		var diagnosed *Model
		if len(q.Choices) > 0 {
			diagnosed = pressLearn(t, m, string(rune('1'+said)), "enter")
		} else {
			diagnosed = pressLearn(t, m, numfmt.Input(mk.Answer), "enter")
		}
		says(what+" mistake", diagnosed.View(), q.FirstTry(mk.Diagnosis))
		if !diagnosed.asking() {
			t.Errorf("%s: a first mistake did not leave a retry", what)
		}
		// Then another wrong answer: the reveal gives the whole
		// diagnosis, the second's if the lesson lists it.
		again, _ := answerWrongOther(t, diagnosed, q)
		whole := mk.Diagnosis
		if len(q.Choices) > 0 && q.DiagnoseChoice(again.choice) != "" {
			whole = q.DiagnoseChoice(again.choice)
		}
		says(what+" mistake, then wrong again", again.View(), whole)
	}
}

// questionAt is the question of lesson l's state i, nil if it asks none.
func questionAt(l *scenarios.Scenario, i int) *scenarios.Question {
	if i == 0 {
		return nil
	}
	return l.Steps[i-1].Question
}

// answerWrong gives a wrong answer to q: the next choice, or the answer
// plus 1; it returns the model and what was said as the verdict quotes it.
func answerWrong(t *testing.T, m *Model, q *scenarios.Question) (*Model, string) {
	t.Helper()
	if len(q.Choices) > 0 {
		pick := (q.Correct + 1) % len(q.Choices)
		return pressLearn(t, m, string(rune('1'+pick)), "enter"), q.Choices[pick]
	}
	said := numfmt.Input(q.Answer + 1.37) // no lesson's typical mistake
	return pressLearn(t, m, said, "enter"), said
}

// answerSame gives q's first wrong answer, said, again: the same choice,
// or the same number written another way (0.20 for 0.2).
func answerSame(t *testing.T, m *Model, q *scenarios.Question, said string) *Model {
	t.Helper()
	if len(q.Choices) > 0 {
		return pressLearn(t, m, "enter") // the choice stays selected
	}
	if !strings.Contains(said, ".") {
		said += "."
	}
	return pressLearn(t, m, said+"0", "enter")
}

// answerWrongOther gives a wrong answer to q other than the first: a wrong
// choice not picked yet (the last one), or the answer plus 2.41.
func answerWrongOther(t *testing.T, m *Model, q *scenarios.Question) (*Model, string) {
	t.Helper()
	if len(q.Choices) > 0 {
		for i := len(q.Choices) - 1; i >= 0; i-- {
			if i != q.Correct && i != m.choice {
				return pressLearn(t, m, string(rune('1'+i)), "enter"), q.Choices[i]
			}
		}
		t.Fatalf("%q: no other wrong choice", q.Text)
	}
	said := numfmt.Input(q.Answer + 2.41) // no lesson's typical mistake
	return pressLearn(t, m, said, "enter"), said
}

func answerRight(t *testing.T, m *Model, q *scenarios.Question) *Model {
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

// Target: a keystroke in a lesson (Update and View at 120×40, the state
// evaluated and the text wrapped) under 1 ms (measured 0.14 ms).
func BenchmarkLearnKeystroke(b *testing.B) { benchKeystroke(b, tuitest.Context()) }

// benchKeystroke steps through the regimes lesson on ctx, a key at a time.
func benchKeystroke(b *testing.B, ctx *common.Context) {
	m := newLearnIn(b, ctx, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("regimes")}, Open: true}, 120, 40)
	keys := []string{"right", "1", "enter", "right", "left"}
	i := 0
	for b.Loop() {
		next, _ := m.Update(tuitest.Key(keys[i%len(keys)]))
		m = next.(*Model)
		_ = m.View()
		i++
	}
}

// The lesson's contrastive line lists the two pair terms and their mean;
// "½·0.70² = 0.2450 + ½·max(…)² = 0.0000, mean 0.1225" read as a false
// equation.
func TestLearnContrastiveLineIsAList(t *testing.T) {
	m := newLearn(t, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("article-cases")}, Open: true}, 120, 40)
	m = pressLearn(t, m, "right", "tab") // the first question skipped: the state shows
	v := tuitest.Squeeze(ansi.Strip(m.View()))
	want := tuitest.Squeeze("contrastive a-p ½·0.70² = 0.2450 · a-n ½·max(0.20 − 0.50, 0)² = 0.0000 · mean 0.1225")
	if !strings.Contains(v, want) || strings.Contains(v, "= 0.2450 +") {
		t.Errorf("the contrastive line is not the list %q:\n%s", want, m.View())
	} // At 80 columns it wraps between items, indented to the label column:
	// "mean" stays with its number.
	m = newLearn(t, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("article-cases")}, Open: true}, 80, 24)
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
		t.Run(lang.Code(), func(t *testing.T) {
			ctx := tuitest.Context()
			ctx.Printer = i18n.New(lang)
			m := newLearnIn(t, ctx, Config{}, 80, 24)
			v := m.View()
			checkFits(t, v, [2]int{80, 24})
			for i, l := range curriculum.Lessons() {
				for _, c := range l.Covers {
					if !strings.Contains(v, c) {
						t.Errorf("%v: lesson %d's covers lack %q:\n%s", lang, i+1, c, v)
					}
				}
				if !strings.Contains(v, fmt.Sprintf("%d. %s", i+1, l.In(lang).Title)) {
					t.Errorf("%v: the list lacks lesson %d:\n%s", lang, i+1, v)
				}
			}
		})
	}
}

// Once a question is answered (or skipped) its state's losses show, unless
// they would answer the next step's question about the same state; then
// the line says exactly that. Lesson 7 asks four questions on one state:
// after the first the losses show (0.125, the next answer, is not among
// them); after the third they stay hidden (the triplet's 0.7000 is
// pytorch-metric-learning's 0.7, the fourth answer).
func TestLearnLossesShowOnceAnswered(t *testing.T) {
	m := newLearn(t, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("half-and-mean")}, Open: true}, 80, 24)
	for _, answer := range []string{"enter", "tab"} {
		t.Run(answer, func(t *testing.T) {
			s := pressLearn(t, m, "right")
			if answer == "enter" {
				s = pressLearn(t, s, "0", ".", "0", "6", "2", "5", "enter")
			} else {
				s = pressLearn(t, s, "tab")
			}
			v := tuitest.Squeeze(ansi.Strip(s.View()))
			if strings.Contains(v, "losses hidden") || !strings.Contains(v, tuitest.Squeeze("mean 0.0625")) {
				t.Errorf("after %s the losses do not show:\n%s", answer, s.View())
			}
		})
	}
	m = pressLearn(t, m, "right", "tab", "right", "tab", "right", "tab")
	if name, step := m.Lesson(); step != 3 {
		t.Fatalf("at %s %d", name, step)
	}
	v := tuitest.Squeeze(ansi.Strip(m.View()))
	if !strings.Contains(v, tuitest.Squeeze("losses hidden: they would answer the next step's question")) || strings.Contains(v, "0.7000") {
		t.Errorf("before the pytorch-metric-learning question the losses show:\n%s", m.View())
	}
}

// Config.OpenLesson (losslab learn ID) starts in that lesson.
func TestLearnOpensLessonByID(t *testing.T) {
	m := newLearn(t, Config{OpenLesson: "regimes"}, 80, 24)
	if v := m.View(); !strings.Contains(v, "Easy, semi-hard, hard") || !strings.Contains(v, "lesson 4/13") {
		t.Errorf("learn regimes did not open lesson 4:\n%s", v)
	}
}

// After the last step of the last lesson, enter goes to the list, and the
// key line says so (not "next lesson").
func TestLastLessonKeyLine(t *testing.T) {
	last := curriculum.Lessons()[len(curriculum.Lessons())-1].Name
	m := newLearn(t, Config{OpenLesson: last}, 80, 24)
	for i := 0; i < 40 && !strings.Contains(m.View(), "That was the last lesson"); i++ {
		m = pressLearn(t, m, "tab", "right") // skip a question, go on
	}
	v := m.View()
	if !strings.Contains(v, "That was the last lesson") {
		t.Fatalf("never reached the end:\n%s", v)
	}
	if keys := tuitest.KeyLine(m); strings.Contains(keys, "enter next lesson") || !strings.Contains(keys, "enter lesson list") {
		t.Errorf("key line after the last lesson: %s", keys)
	}
	m = pressLearn(t, m, "enter")
	if v := m.View(); !strings.Contains(v, "of 13 lessons") {
		t.Errorf("enter did not go to the list:\n%s", v)
	}
}

// A question about ideas (show_state = false) shows no triplet above it,
// asked or answered, in either language; a question about the triplet
// still shows its inputs.
func TestQuestionAboutIdeasShowsNoState(t *testing.T) {
	for _, ctx := range []*common.Context{tuitest.Context(), tuitest.ChineseContext()} {
		t.Run(ctx.Printer.Lang().Code(), func(t *testing.T) {
			m := newLearnIn(t, ctx, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("metrics")}, Open: true}, 80, 24)
			m = pressLearn(t, m, "right")
			hidden := ctx.Printer.T(i18n.LearnStateHidden)
			if v := m.View(); !strings.Contains(v, "Recall@1") || strings.Contains(v, "d(a,p)") || strings.Contains(v, hidden) {
				t.Errorf("the question on Recall@1 and the AUC shows a triplet:\n%s", v)
			}
			if v := pressLearn(t, m, "enter").View(); strings.Contains(v, "d(a,p)") {
				t.Errorf("its answer shows a triplet:\n%s", v)
			}
			m = newLearnIn(t, ctx, Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("regimes")}, Open: true}, 80, 24)
			if v := pressLearn(t, m, "right").View(); !strings.Contains(v, "d(a,p)") || !strings.Contains(v, hidden) {
				t.Errorf("a question on the triplet lost its inputs:\n%s", v)
			}
		})
	}
}
