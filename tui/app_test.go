package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/scenarios"
	"losslab/tui/batchview"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
	"losslab/tui/playground"
)

func TestMain(m *testing.M) {
	if os.Getenv(workerPanicEnv) == "1" { // the test binary as a crashing program
		workerPanicMain()
	}
	tuitest.Setup()
	code := m.Run()
	if binary != "" { // built by the subprocess tests
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

func newApp(t testing.TB, start common.ModeID, w, h int) App {
	t.Helper()
	a := NewApp(tuitest.Context(), Config{Start: start, Batch: batchview.Config{Options: batch.Options{Metric: dist.Euclidean, Margin: 0.2}}})
	next, _ := a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(App)
}

func send(t testing.TB, a App, msgs ...tea.Msg) App {
	t.Helper()
	for _, msg := range msgs {
		next, cmd := a.Update(msg)
		a = tuitest.Settle(next, cmd, training).(App)
	}
	return a
}

// training says whether the app's training mode trains off the event loop.
func training(a tea.Model) bool {
	tr, ok := a.(App).modes[common.ModeTrain].(interface{ Busy() bool })
	return ok && tr.Busy()
}

// pressTab presses tab and delivers the switch the mode asks for.
func pressTab(t testing.TB, a App) App {
	t.Helper()
	next, cmd := a.Update(tuitest.Key("tab"))
	if cmd == nil {
		t.Fatal("tab started nothing")
	}
	sw, ok := cmd().(common.SwitchModeMsg)
	if !ok {
		t.Fatal("tab did not ask for a switch")
	}
	next, _ = next.Update(sw)
	return next.(App)
}

// Switching with tab around the cycle (playground → batch → training →
// playground) keeps each mode's state: the playground's values and the
// batch view's margin and result.
func TestAppSwitchKeepsState(t *testing.T) {
	tm := teatest.NewTestModel(t, NewApp(tuitest.Context(), Config{}), teatest.WithInitialTermSize(100, 34))
	tm.Send(tuitest.Key("right"))
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "max(0.80 − 0.50 + 0.20, 0)")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "AUC 0.9397") // the iris demo, computed when the view first opens
	tm.Send(tuitest.Key("right"))
	tuitest.WaitText(t, tm, "margin 0.25")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "blobs") // the training mode, on its default data set
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "d(a,p)  0.80")
	tm.Send(tuitest.Key("tab"))
	tuitest.WaitText(t, tm, "margin 0.25")
	tm.Send(tuitest.Key("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	pg, bv := final.modes[common.ModePlayground].View(), final.View()
	if final.Current() != common.ModeBatch || !strings.Contains(pg, "d(a,p)  0.80") || !strings.Contains(bv, "margin 0.25") {
		t.Errorf("mode %v; the playground or the batch view lost its state:\n%s\n%s", final.Current(), pg, bv)
	}
	// The app is the window; the playground, hidden, keeps its share of it
	// (the window less the shell's bars).
	for name, c := range map[string]struct {
		v string
		h int
	}{"app": {bv, 34}, "playground": {pg, 34 - common.BarRows}} {
		if lines := strings.Split(c.v, "\n"); len(lines) != c.h || ansi.StringWidth(lines[1]) != 100 {
			t.Errorf("the size was not passed on a switch: the %s is %d lines of %d cells", name, len(lines), ansi.StringWidth(lines[1]))
		}
	}
}

// Below the minimum size one line says so and no key but quit acts.
func TestAppTooSmallDropsKeys(t *testing.T) {
	a := newApp(t, common.ModePlayground, 60, 20)
	if v := a.View(); v != "terminal too small: need 80×24 (now 60×20) · q quits" {
		t.Errorf("view %q", v)
	}
	for _, k := range []string{"right", "tab", "down", "w"} {
		next, cmd := a.Update(tuitest.Key(k))
		if a = next.(App); cmd != nil {
			t.Errorf("%s started something behind the too-small screen", k)
		}
	}
	grown, fresh := send(t, a, tea.WindowSizeMsg{Width: 120, Height: 40}), newApp(t, common.ModePlayground, 120, 40)
	if grown.Current() != common.ModePlayground || grown.View() != fresh.View() {
		t.Errorf("keys acted behind the too-small screen: mode %v\n%s", grown.Current(), grown.View())
	}
	if _, cmd := a.Update(tuitest.Key("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit on the too-small screen")
	}
	// Narrower than the line: it wraps, every word whole.
	for lang, ctx := range map[string]*common.Context{"en": tuitest.Context(), "zh": tuitest.ChineseContext()} {
		next, _ := NewApp(ctx, Config{Start: common.ModePlayground}).Update(tea.WindowSizeMsg{Width: 30, Height: 12})
		v := next.(App).View()
		for _, line := range strings.Split(v, "\n") {
			if ansi.StringWidth(line) > 30 {
				t.Errorf("%s: line %q is wider than the 30-column terminal", lang, line)
			}
		}
		if !strings.HasSuffix(v, map[string]string{"en": "q quits", "zh": "按 q 退出"}[lang]) {
			t.Errorf("%s: the too-small line lost its end:\n%s", lang, v)
		}
	}
}

// Keys typed faster than they are read arrive together ("jjl"); every
// mode gets them one by one, and typing may start midway.
func TestAppSplitsFastKeys(t *testing.T) {
	one := send(t, newApp(t, common.ModePlayground, 120, 40), tuitest.Key("j"), tuitest.Key("j"), tuitest.Key("l"))
	a := send(t, newApp(t, common.ModePlayground, 120, 40), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjl")})
	if v := a.View(); v != one.View() || !strings.Contains(v, "▸ margin  0.25") {
		t.Errorf("jjl did not act as j, j, l:\n%s", v)
	}
	one = send(t, one, tuitest.Key("e"), tuitest.Key("1"))
	a = send(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("e1")})
	if v := a.View(); v != one.View() || !strings.Contains(v, "✎ 1") {
		t.Errorf("e1 did not start typing 1:\n%s", v)
	}
	b := send(t, newApp(t, common.ModeBatch, 120, 40), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ll")})
	if v := b.View(); !strings.Contains(v, "margin 0.30") {
		t.Errorf("ll in the batch view did not move the margin twice:\n%s", v)
	}
	paste := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj"), Paste: true}
	if got := splitKeys(paste); len(got) != 1 {
		t.Errorf("a paste was split into %d keys", len(got))
	}
}

// Messages of a hidden mode still reach it: a result computed while the
// training mode shows is there when the batch view comes back.
func TestAppHiddenModeGetsItsResults(t *testing.T) {
	a := newApp(t, common.ModeBatch, 100, 34)
	cmd := a.Init()
	a = pressTab(t, a)
	for _, msg := range tuitest.Drain(cmd) {
		a = send(t, a, msg)
	}
	a = pressTab(t, pressTab(t, a)) // training → playground → batch
	if v := a.View(); !strings.Contains(v, "AUC 0.9397") {
		t.Errorf("result computed while hidden not shown:\n%s", v)
	}
}

// A panic in a command arrives in the event loop as a message, where Run
// restores the terminal; a panic inside a batch of commands too.
func TestGuardCatchesPanics(t *testing.T) {
	boom := func() tea.Msg { panic("boom") }
	if msg, ok := guard(boom)().(panicMsg); !ok || msg.value != "boom" || !strings.Contains(string(msg.stack), "goroutine") {
		t.Errorf("guard gave %#v", msg)
	}
	b, ok := guard(tea.Batch(boom, func() tea.Msg { return nil }))().(tea.BatchMsg)
	if !ok {
		t.Fatal("a batch lost its shape")
	}
	if _, ok := b[0]().(panicMsg); !ok {
		t.Error("a panic inside a batch escaped")
	}
	if guard(nil) != nil {
		t.Error("guard(nil) is not nil")
	}
	defer func() {
		if v := recover(); v == nil {
			t.Error("the app did not re-raise a command's panic in Update")
		}
	}()
	newApp(t, common.ModePlayground, 80, 24).Update(panicMsg{value: "boom"})
}

// A replay pauses when the playground is hidden, so it does not move on
// where nobody sees it.
func TestAppHidingPausesReplay(t *testing.T) {
	a := NewApp(tuitest.Context(), Config{Playground: playground.Options{Scenario: scenarios.Preset("semi-hard-band")}})
	a = send(t, a, tea.WindowSizeMsg{Width: 100, Height: 34}, tuitest.Key("+"), tuitest.Key("+")) // ×4: a step in 0.75 s
	next, play := a.Update(tuitest.Key("p"))
	if a = next.(App); !strings.Contains(a.View(), "▶ playing · step 0/") {
		t.Fatalf("p did not play:\n%s", a.View())
	}
	a = pressTab(t, a)
	if a.Current() != common.ModeBatch {
		t.Fatalf("tab went to mode %v", a.Current())
	}
	a = send(t, a, tuitest.Drain(play)...) // the replay's next step falls due behind the batch view
	a = pressTab(t, pressTab(t, a))        // training, then the playground
	if v := a.View(); a.Current() != common.ModePlayground || !strings.Contains(v, "⏸ paused · step 0/") {
		t.Errorf("the replay moved on or played on while hidden:\n%s", v)
	}
}

// esc in the batch view closes its help and otherwise does nothing: it
// never quits the app (and loses the playground's state); q quits.
func TestBatchEscNeverQuits(t *testing.T) {
	a := newApp(t, common.ModeBatch, 100, 34)
	a = send(t, a, tuitest.Key("?"))
	if !strings.Contains(a.View(), "close the keys") {
		t.Fatalf("the full help does not offer esc:\n%s", a.View())
	}
	for i := 0; i < 2; i++ {
		next, cmd := a.Update(tuitest.Key("esc"))
		a = next.(App)
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("esc %d quit the app", i+1)
			}
		}
	}
	if strings.Contains(a.View(), "close the keys") || a.Current() != common.ModeBatch {
		t.Errorf("esc did not close the help:\n%s", a.View())
	}
	if _, cmd := a.Update(tuitest.Key("q")); cmd == nil {
		t.Error("q no longer quits")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("q no longer quits")
	}
}

// BenchmarkAppKeystroke is a keystroke through the shell (split, size
// check, routing, guarded command) on the triplet chart at 120×40; target:
// within 10% of BenchmarkKeystrokeTripletChart, the same keystroke
// without the shell.
func BenchmarkAppKeystroke(b *testing.B) {
	a := newApp(b, common.ModePlayground, 120, 40)
	_ = a.View()
	keys := []tea.KeyMsg{tuitest.Key("right"), tuitest.Key("left")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		next, _ := a.Update(keys[i&1])
		a = next.(App)
		_ = a.View()
	}
}

// Every mode of the registry opens on the default configuration, lays out
// to the window, names its keys and stays a Mode through Update.
func TestRegistryOpensEveryMode(t *testing.T) {
	for id, open := range registry {
		t.Run(fmt.Sprint(id), func(t *testing.T) {
			if open == nil {
				t.Fatalf("mode %d has no line in the registry", id)
			}
			m := open(tuitest.Context(), Config{})
			m.SetSize(80, 24)
			if v := m.View(); len(strings.Split(v, "\n")) != 24 {
				t.Errorf("mode %d is not laid out for 80×24:\n%s", id, v)
			}
			if len(m.ShortHelp()) == 0 || len(m.FullHelp()) == 0 {
				t.Errorf("mode %d names no keys", id)
			}
			next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			if _, ok := next.(common.Mode); !ok {
				t.Errorf("mode %d's Update returned %T, not a Mode", id, next)
			}
		})
	}
}

// firstAndLast are a screen's first line (the mode bar) and last (the key
// bar).
func firstAndLast(v string) [2]string {
	lines := strings.Split(ansi.Strip(v), "\n")
	return [2]string{lines[0], lines[len(lines)-1]}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
