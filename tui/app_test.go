package tui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/tui/batchview"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// testContext is a context on an Ascii renderer of its own, as under NO_COLOR.
func testContext() *common.Context {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	ctx := common.NewContext(r, i18n.New(i18n.English))
	ctx.Now = fixedNow
	return ctx
}

func newApp(t testing.TB, start common.ModeID, w, h int) App {
	t.Helper()
	a := NewApp(testContext(), Config{Start: start, Batch: batchview.Config{Options: batch.Options{Metric: dist.Euclidean, Margin: 0.2}}})
	next, _ := a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(App)
}

func send(t testing.TB, a App, msgs ...tea.Msg) App {
	t.Helper()
	for _, msg := range msgs {
		next, _ := a.Update(msg)
		a = next.(App)
	}
	return a
}

// pressTab presses tab and delivers the switch the mode asks for.
func pressTab(t testing.TB, a App) App {
	t.Helper()
	next, cmd := a.Update(keyMsg("tab"))
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

func waitText(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), text) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// Switching with tab around the cycle (playground → batch → training →
// playground) keeps each mode's state: the playground's values and the
// batch view's margin and result.
func TestAppSwitchKeepsState(t *testing.T) {
	tm := teatest.NewTestModel(t, NewApp(testContext(), Config{}), teatest.WithInitialTermSize(100, 34))
	tm.Send(keyMsg("right"))
	tm.Send(keyMsg("right"))
	waitText(t, tm, "max(0.80 − 0.50 + 0.20, 0)")
	tm.Send(keyMsg("tab"))
	waitText(t, tm, "AUC 0.9397") // the iris demo, computed when the view first opens
	tm.Send(keyMsg("right"))
	waitText(t, tm, "margin 0.25")
	tm.Send(keyMsg("tab"))
	waitText(t, tm, "blobs") // the training mode, on its default data set
	tm.Send(keyMsg("tab"))
	waitText(t, tm, "d(a,p)  0.80")
	tm.Send(keyMsg("tab"))
	waitText(t, tm, "margin 0.25")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(App)
	pg, bv := final.modes[common.ModePlayground].View(), final.View()
	if final.Current() != common.ModeBatch || !strings.Contains(pg, "d(a,p)  0.80") || !strings.Contains(bv, "margin 0.25") {
		t.Errorf("mode %v; the playground or the batch view lost its state:\n%s\n%s", final.Current(), pg, bv)
	}
	for name, v := range map[string]string{"batch view": bv, "playground": pg} {
		if lines := strings.Split(v, "\n"); len(lines) != 34 || ansi.StringWidth(lines[1]) != 100 {
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
		next, cmd := a.Update(keyMsg(k))
		if a = next.(App); cmd != nil {
			t.Errorf("%s started something behind the too-small screen", k)
		}
	}
	pg := a.modes[common.ModePlayground].(Model)
	if a.Current() != common.ModePlayground || pg.State() != grid.Article() || pg.selected != grid.DAP {
		t.Errorf("keys acted behind the too-small screen: mode %v %+v", a.Current(), pg.State())
	}
	if _, cmd := a.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit on the too-small screen")
	}
}

// Keys typed faster than they are read arrive together ("jjl"); every
// mode gets them one by one, and typing may start midway.
func TestAppSplitsFastKeys(t *testing.T) {
	a := send(t, newApp(t, common.ModePlayground, 120, 40), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjl")})
	pg := a.modes[common.ModePlayground].(Model)
	if pg.selected != grid.Margin || pg.State().Margin != 25 {
		t.Errorf("jjl: selected %v margin %v", pg.selected, pg.State().Margin)
	}
	a = send(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("e1")})
	if pg = a.modes[common.ModePlayground].(Model); !pg.editing || pg.input.Value() != "1" {
		t.Errorf("e1: editing=%v value %q", pg.editing, pg.input.Value())
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
	a := NewApp(testContext(), Config{Playground: Options{Scenario: mustPreset(t, "semi-hard-band")}})
	a = send(t, a, tea.WindowSizeMsg{Width: 100, Height: 34}, keyMsg("p"))
	if !a.modes[common.ModePlayground].(Model).playing {
		t.Fatal("p did not play")
	}
	a = pressTab(t, a)
	pg := a.modes[common.ModePlayground].(Model)
	if a.Current() != common.ModeBatch || pg.playing {
		t.Error("the replay plays on behind the batch view")
	}
	a = pressTab(t, send(t, a, tickMsg{id: pg.tick}))
	if pg := a.modes[common.ModePlayground].(Model); pg.step != 0 || pg.playing {
		t.Errorf("back in the playground: step %d playing %v", pg.step, pg.playing)
	}
}

// esc in the batch view closes its help and otherwise does nothing: it
// never quits the app (and loses the playground's state); q quits.
func TestBatchEscNeverQuits(t *testing.T) {
	a := newApp(t, common.ModeBatch, 100, 34)
	a = send(t, a, keyMsg("?"))
	if !strings.Contains(a.View(), "close the keys") {
		t.Fatalf("the full help does not offer esc:\n%s", a.View())
	}
	for i := 0; i < 2; i++ {
		next, cmd := a.Update(keyMsg("esc"))
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
	if _, cmd := a.Update(keyMsg("q")); cmd == nil {
		t.Error("q no longer quits")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("q no longer quits")
	}
}
