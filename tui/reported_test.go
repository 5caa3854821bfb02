// Defects a demanding new user reported in the playground, the course and
// the plain output, each pinned by the test that failed before its fix.
package tui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/scenarios"
)

// LearnConfig.OpenLesson (losslab learn ID) starts in that lesson.
func TestLearnOpensLessonByID(t *testing.T) {
	m := newLearn(t, LearnConfig{OpenLesson: "regimes"}, 80, 24)
	if v := m.View(); !strings.Contains(v, "Easy, semi-hard, hard") || !strings.Contains(v, "lesson 4/8") {
		t.Errorf("learn regimes did not open lesson 4:\n%s", v)
	}
}

// After the last step of the last lesson, enter goes to the list, and the
// key line says so (not "next lesson").
func TestLastLessonKeyLine(t *testing.T) {
	last := scenarios.Lessons()[len(scenarios.Lessons())-1].Name
	m := newLearn(t, LearnConfig{OpenLesson: last}, 80, 24)
	for i := 0; i < 40 && !strings.Contains(m.View(), "That was the last lesson"); i++ {
		m = pressLearn(t, m, "tab", "right") // skip a question, go on
	}
	v := m.View()
	if !strings.Contains(v, "That was the last lesson") {
		t.Fatalf("never reached the end:\n%s", v)
	}
	if strings.Contains(v, "enter next lesson") || !strings.Contains(v, "enter lesson list") {
		t.Errorf("key line after the last lesson:\n%s", v)
	}
	m = pressLearn(t, m, "enter")
	if v := m.View(); !strings.Contains(v, "lessons done") {
		t.Errorf("enter did not go to the list:\n%s", v)
	}
}

// With no terminal to read keys from but stdout an 80-column terminal
// (setsid -w losslab </dev/null), the plain frame is 80 columns wide.
func TestNoTerminalPlainTakesTerminalWidth(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r := startOnPty(t, null, false)
	if got := r.wait(t); got != 0 {
		t.Errorf("exit %d", got)
	}
	r.out.waitFor(t, "since d(a,n) ≥ m.")
	frame := false
	for _, l := range strings.Split(r.out.String(), "\n") {
		l = strings.TrimRight(l, "\r")
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d cells on an 80-column terminal: %q", w, l)
		}
		if strings.HasPrefix(l, "╭─ controls") {
			frame = true
		}
	}
	if !frame {
		t.Errorf("no frame:\n%s", r.out.String())
	}
}
