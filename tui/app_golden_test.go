package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
	"losslab/tui/playground"
)

// Goldens of the whole window as a user sees it: the mode bar, the mode,
// the key bar. The README shows them.
func TestGoldenApp(t *testing.T) {
	readme := []string{"right", "down", "right", "right", "up"}
	moved := []string{"3", "left", "left"}
	for _, c := range []struct {
		name   string
		w, h   int
		ctx    *common.Context
		points bool
		keys   []string
	}{
		{"80x24-playground", 80, 24, tuitest.Context(), false, readme},
		{"80x24-points", 80, 24, tuitest.Context(), true, moved},
		{"120x40-points", 120, 40, tuitest.Context(), true, moved},
		{"80x24-playground-zh", 80, 24, tuitest.ChineseContext(), false, readme},
		{"80x24-points-zh", 80, 24, tuitest.ChineseContext(), true, moved},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.ctx.Now = tuitest.FixedNow
			a := NewApp(c.ctx, Config{Playground: playground.Options{Points: c.points}})
			tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(c.w, c.h))
			for _, k := range c.keys {
				tm.Send(tuitest.Key(k))
			}
			tm.Send(tuitest.Key("q"))
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
			v := final.View()
			tuitest.CheckWidths(t, c.name, v, c.w, c.h, true)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// The key bar at 80 columns lists undo, notes, conventions, the state
// string and the figure (the keys a new user missed), and the mode bar the
// places with the keys to them; in points mode the plane's keys come first.
func TestBarsListWhatMatters(t *testing.T) {
	a := newApp(t, common.ModePlayground, 80, 24)
	a = send(t, a, tuitest.Key("right"))
	lines := firstAndLast(a.View())
	for _, want := range []string{"u undo", "n notes", "v conventions", "s state", "f svg"} {
		if !contains(lines[1], want) {
			t.Errorf("key bar lacks %q: %q", want, lines[1])
		}
	}
	for _, want := range []string{"▸ playground", "x points", "tab batch", "g course", "? keys", "q quit"} {
		if !contains(lines[0], want) {
			t.Errorf("mode bar lacks %q: %q", want, lines[0])
		}
	}
	a = send(t, a, tuitest.Key("x"))
	lines = firstAndLast(a.View())
	for _, want := range []string{"1/2/3 select", "←↑↓→ move", "t step", "u undo", "n notes"} {
		if !contains(lines[1], want) {
			t.Errorf("points key bar lacks %q: %q", want, lines[1])
		}
	}
	if !contains(lines[0], "▸ points") || !contains(lines[0], "x playground") {
		t.Errorf("points mode bar: %q", lines[0])
	}
}

// esc is back everywhere: from points mode to the controls (the
// playground's own), from the batch view to the playground (the shell's,
// which the mode bar lists), and it never quits.
func TestEscGoesBack(t *testing.T) {
	a := newApp(t, common.ModePlayground, 80, 24)
	a = send(t, a, tuitest.Key("x"), tuitest.Key("esc"))
	if a.Place() != common.PlacePlayground {
		t.Fatalf("esc in points mode: at %v", a.Place())
	}
	a = pressTab(t, a)
	if a.Current() != common.ModeBatch || !contains(firstAndLast(a.View())[0], "esc back") {
		t.Fatalf("in the batch view: %v, %q", a.Current(), firstAndLast(a.View())[0])
	}
	next, cmd := a.Update(tuitest.Key("esc"))
	a = next.(App)
	for _, msg := range tuitest.Drain(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			t.Fatal("esc quit")
		}
	}
	if a.Current() != common.ModePlayground || contains(firstAndLast(a.View())[0], "esc back") {
		t.Errorf("esc from the batch view: at %v", a.Current())
	}
}
