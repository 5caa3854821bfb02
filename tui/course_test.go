package tui

import (
	"losslab/scenarios/curriculum"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/scenarios"
	"losslab/tui/common"
	"losslab/tui/course"
	"losslab/tui/internal/tuitest"
)

// The course as the app hosts it: its flows through the shell.

// firstQuestion starts the app on the course at 80×24 with progress kept at
// path, and opens the first lesson's first question as a learner does.
func firstQuestion(t *testing.T, path string) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, NewApp(tuitest.Context(), Config{Start: common.ModeLearn, Learn: course.Config{ProgressPath: path}}),
		teatest.WithInitialTermSize(80, 24))
	tuitest.WaitText(t, tm, "1. The article's two examples")
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitText(t, tm, "Here is its first")
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "what is the triplet loss")
	return tm
}

// A learner's flow through the app: the list, a lesson's description, a
// question typed and checked, the explanation, a skipped question; the
// progress is on disk when the program ends.
func TestLearnFlowWithQuestion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "losslab", "progress.json")
	tm := firstQuestion(t, path)
	tm.Type("0.4")
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitAll(t, tm, "Right: 0.4.", "the triplet loss is 0.4.")
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "What is the triplet loss now?")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitAll(t, tm, "Skipped. The answer is 0.", "triplet loss 0 (easy)")
	tm.Send(tuitest.Key("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	if name, step := final.modes[common.ModeLearn].(*course.Model).Lesson(); name != "article-cases" || step != 2 {
		t.Errorf("ended at %s step %d", name, step)
	}
	p, err := curriculum.LoadProgress(path)
	if err != nil || p.Lesson != "article-cases" || p.Step != 2 || p.Done("article-cases") {
		t.Errorf("saved progress %+v, %v", p, err)
	}
}

// In a lesson's hosted mode the keys that would leave for another of the
// app's modes do nothing and are not offered: tab stays in the exploration
// (it used to land in the app's own playground, where esc did nothing), and
// neither the help line nor the full help lists tab or g.
func TestLearnHostedModesStayInTheLesson(t *testing.T) {
	a := NewApp(tuitest.Context(), Config{Start: common.ModeLearn, Learn: course.Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("article-cases"), curriculum.Lesson("batches")}}})
	a = send(t, a, tea.WindowSizeMsg{Width: 80, Height: 24})
	deliver := func(k string) {
		t.Helper()
		a = pressKey(t, a, k)
	}
	noLeaving := func(what string) {
		t.Helper()
		v := a.View()
		if !strings.Contains(v, "exploring · esc returns to the lesson") {
			t.Fatalf("%s: not exploring:\n%s", what, v)
		}
		last := v[strings.LastIndex(v, "\n")+1:]
		if strings.Contains(last, "tab ") || strings.Contains(last, "g learn") || strings.Contains(last, "g course") {
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
	if v := a.View(); a.Current() != common.ModeLearn || !strings.Contains(v, "step 4/4") || strings.Contains(v, "exploring") {
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

// The live collapse: from the course, the why-margin lesson's
// prediction answered, its train step opened, space pressed; the mode
// trains, stops at the collapse and explains it; esc comes back to the
// lesson.
func TestLessonCollapseFlow(t *testing.T) {
	l := curriculum.Lesson("why-margin")
	tm := teatest.NewTestModel(t, NewApp(tuitest.Context(), Config{Start: common.ModeLearn, Learn: course.Config{Lessons: []*scenarios.Scenario{l}, Open: true}}),
		teatest.WithInitialTermSize(120, 40))
	tuitest.WaitText(t, tm, "lesson 1/1 · step 1/9")
	for _, k := range []string{"right", "tab", "right", "tab", "right", "right", "right"} {
		tm.Send(tuitest.Key(k))
	}
	tuitest.WaitText(t, tm, "Will the embeddings collapse?")
	tm.Send(tuitest.Key("2")) // "yes", the second choice
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitText(t, tm, "Right: yes.")
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "Press e to open the training mode")
	tm.Send(tuitest.Key("e"))
	tuitest.WaitText(t, tm, "exploring · esc returns to the lesson")
	tm.Send(tuitest.Key(" "))
	// A hang guard, not a speed target: under -race on a loaded machine the
	// live run takes tens of seconds to reach its collapse.
	collapsed := regexp.MustCompile(`a collapsed at step (\d+): with margin 0`)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return collapsed.Match(b) && strings.Contains(string(b), "Playing stopped at") },
		teatest.WithDuration(2*time.Minute), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(tuitest.Key("esc"))
	tuitest.WaitText(t, tm, "lesson 1/1 · step 7/9")
	tm.Send(tuitest.Key("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	if name, step := final.modes[common.ModeLearn].(*course.Model).Lesson(); name != "why-margin" || step != 6 {
		t.Errorf("ended at %s step %d", name, step)
	}
}

// A learner's mistake through the app: a first wrong answer is diagnosed
// and earns one more try, a word typed as a number gets its line, the
// retry is right, and the saved progress records "right on the retry"; at
// the lesson's end the score says what is left to retry.
func TestLearnFlowWithAMistake(t *testing.T) {
	path := filepath.Join(t.TempDir(), "losslab", "progress.json")
	tm := firstQuestion(t, path)
	tm.Type("0.2")
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitAll(t, tm, "✗ Not 0.2.", "leaves out the margin", "One more try")
	tm.Type("ab")
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitText(t, tm, `"ab" is not a number`)
	tm.Send(tuitest.Key("backspace"))
	tm.Send(tuitest.Key("backspace"))
	tm.Type("0.4")
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitText(t, tm, "Right on the second try: 0.4.")
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "What is the triplet loss now?")
	tm.Send(tuitest.Key("tab"))
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "This lesson: 1 of 2 questions right. Press r to retry")
	tm.Send(tuitest.Key("q"))
	tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	p, err := curriculum.LoadProgress(path)
	if err != nil || p.Outcome("article-cases", 0) != curriculum.RightRetry || p.Outcome("article-cases", 1) != curriculum.Skipped || !p.Done("article-cases") || p.Mastered("article-cases", 2) {
		t.Errorf("saved progress %+v, %v", p, err)
	}
}

// Two batch views at once, the app's and a lesson's, each keep their own
// results: the app's at margin 0.25, the lesson's changed to 0.15, and back
// in the app's the header and the numbers are both 0.25's. Before, the
// lesson's computation carried the same sequence number as the app's and
// the hidden app view took its results (the triplet loss of 0.15 under a
// header saying 0.25).
func TestTwoBatchViewsKeepTheirResults(t *testing.T) {
	tm := teatest.NewTestModel(t, NewApp(tuitest.Context(), Config{Learn: course.Config{Lessons: []*scenarios.Scenario{curriculum.Lesson("batches")}}}),
		teatest.WithInitialTermSize(100, 34))
	tuitest.WaitText(t, tm, "losslab · the article's first example")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitAll(t, tm, "margin 0.20", "all 0.0519")
	tm.Send(tuitest.Key("right"))
	tuitest.WaitAll(t, tm, "margin 0.25", "all 0.0568")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "Press space to train")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "press g for the guided course")
	tm.Send(tuitest.Key("g"))
	tuitest.WaitText(t, tm, "Batches: averaging and two distributions")
	for _, k := range []string{"enter", "right", "tab", "right", "e"} {
		tm.Send(tuitest.Key(k))
	}
	tuitest.WaitAll(t, tm, "exploring", "margin 0.20", "all 0.0519")
	tm.Send(tuitest.Key("left"))
	tuitest.WaitAll(t, tm, "margin 0.15", "all 0.0474")
	for _, k := range []string{"esc", "esc", "esc"} {
		tm.Send(tuitest.Key(k))
	}
	tuitest.WaitText(t, tm, "press g for the guided course")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "margin 0.25")
	tm.Send(tuitest.Key("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	if v := final.View(); !strings.Contains(v, "margin 0.25") || !strings.Contains(v, "all 0.0568") {
		t.Errorf("the app's batch view at margin 0.25 shows other numbers:\n%s", v)
	}
}

// While a question waits, tab skips it: the mode bar does not offer tab
// to the playground (it did, from the skip key's "tab"), and the key bar
// says what tab does.
func TestLearnQuestionTabIsSkipNotPlayground(t *testing.T) {
	tm := firstQuestion(t, filepath.Join(t.TempDir(), "progress.json"))
	tm.Send(tuitest.Key("ctrl+c"))
	v := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
	lines := strings.Split(v, "\n")
	if strings.Contains(lines[0], "tab") || !strings.Contains(lines[len(lines)-1], "tab skip") {
		t.Errorf("a question's bars:\n%s", v)
	}
}
