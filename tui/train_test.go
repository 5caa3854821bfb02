package tui

import (
	"strings"
	"testing"

	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The app hosts the training mode: it opens on it, the mode's keys work,
// tab goes to the playground, and hiding the mode stops its training.
func TestAppHostsTraining(t *testing.T) {
	a := newApp(t, common.ModeTrain, 80, 24)
	if !strings.Contains(a.View(), "losslab train") || !strings.Contains(a.View(), "Press space to train.") {
		t.Fatalf("the app does not show the training mode:\n%s", a.View())
	}
	a = send(t, a, tuitest.Key("n"), tuitest.Key("n"))
	if !strings.Contains(a.View(), "Paused at step 2.") {
		t.Fatalf("n did not step:\n%s", a.View())
	}
	if !strings.Contains(a.View(), "tab") && !strings.Contains(send(t, a, tuitest.Key("?")).View(), "tab") {
		t.Error("the help does not list tab")
	}
	a = send(t, a, tuitest.Key(" "))
	if v := a.View(); !strings.Contains(v, "▶ 1/frame") {
		t.Fatalf("space did not start playing:\n%s", v)
	}
	a = pressTab(t, a)
	if a.Current() != common.ModePlayground {
		t.Fatalf("tab went to mode %d", a.Current())
	}
	if v := a.modes[common.ModeTrain].View(); !strings.Contains(v, "⏸ paused") {
		t.Errorf("the hidden training mode is still playing:\n%s", v)
	}
}
