package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

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

// The training mode's picker in the app (a served session's: no files):
// while it is open tab moves to its next list instead of the next mode,
// the key bar lists its keys, esc closes it and stays in training, and
// the data list holds the demos, no file and no path.
func TestAppTrainingPicker(t *testing.T) {
	ctx := tuitest.Context()
	ctx.Share = common.ShareContext{NoFiles: true}
	a := NewApp(ctx, Config{Start: common.ModeTrain})
	a = send(t, a, tea.WindowSizeMsg{Width: 80, Height: 24}, tuitest.Key("D"))
	v := a.View()
	for _, want := range []string{"[data set]", "● blobs", "↑/↓ move", "esc close, no change"} {
		if !strings.Contains(v, want) {
			t.Errorf("D: no %q:\n%s", want, v)
		}
	}
	for _, never := range []string{"file", "path"} {
		if strings.Contains(v, never) {
			t.Errorf("a served session's data list offers a %s:\n%s", never, v)
		}
	}
	a = send(t, a, tuitest.Key("tab"))
	if a.Current() != common.ModeTrain || !strings.Contains(a.View(), "[model]") {
		t.Fatalf("tab in the picker: mode %d\n%s", a.Current(), a.View())
	}
	if !takesEsc(a.modes[a.Current()]) {
		t.Error("the open picker does not take esc")
	}
	a = send(t, a, tuitest.Key("esc"))
	if v := a.View(); a.Current() != common.ModeTrain || strings.Contains(v, "[model]") || !strings.Contains(v, "Press space to train.") {
		t.Fatalf("esc: mode %d\n%s", a.Current(), v)
	}
}
