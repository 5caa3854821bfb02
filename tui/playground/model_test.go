package playground

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

func TestMain(m *testing.M) {
	tuitest.Setup()
	os.Exit(m.Run())
}

func newModel(t testing.TB, opts Options) *Model {
	t.Helper()
	m, _ := standalone(testOptions(t, opts)).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m.(*Model)
}

// testOptions are opts with the tests' clock and, unless given, a
// directory of the test's own for recordings and figures.
func testOptions(t testing.TB, opts Options) Options {
	if opts.Now == nil {
		opts.Now = tuitest.FixedNow
	}
	if opts.Dir == "" {
		opts.Dir = t.TempDir()
	}
	return opts
}

// press sends keys by name ("right", "shift+left", "c", " ") and returns the model.
func press(t testing.TB, m *Model, keys ...string) *Model {
	t.Helper()
	for _, k := range keys {
		next, _ := m.Update(tuitest.Key(k))
		m = next.(*Model)
	}
	return m
}

// pressRun presses one key and delivers what its command reports (a
// written session), as the program would.
func pressRun(t testing.TB, m *Model, k string) *Model {
	t.Helper()
	next, cmd := m.Update(tuitest.Key(k))
	if cmd == nil {
		t.Fatalf("%q started nothing", k)
	}
	next, _ = next.Update(cmd())
	return next.(*Model)
}

func TestStartsOnArticleExample(t *testing.T) {
	m := newModel(t, Options{})
	e := m.Evaluation()
	if m.State() != grid.Article() || math.Abs(e.Triplet.Loss-0.4) > 1e-12 || math.Abs(e.Contrastive-0.1225) > 1e-12 {
		t.Errorf("start %+v triplet %v contrastive %v", m.State(), e.Triplet.Loss, e.Contrastive)
	}
	v := m.View()
	for _, want := range []string{"0.4000", "0.1225", "hard negative", "▸ d(a,p)", "max(0.70 − 0.50 + 0.20, 0)"} {
		t.Run(want, func(t *testing.T) {
			if !strings.Contains(v, want) {
				t.Errorf("view lacks %q", want)
			}
		})
	}
}

func TestSelectionKeys(t *testing.T) {
	m := newModel(t, Options{})
	for _, c := range []struct {
		key  string
		want grid.Field
	}{{"down", grid.DAN}, {"j", grid.Margin}, {"up", grid.DAN}, {"k", grid.DAP}, {"k", grid.YAN}, {"j", grid.DAP}} {
		m = press(t, m, c.key)
		if m.selected != c.want {
			t.Fatalf("after %q selected %v, want %v", c.key, m.selected, c.want)
		}
	}
}

func TestStepKeys(t *testing.T) {
	m := newModel(t, Options{})
	for _, c := range []struct {
		key  string
		want grid.Hundredths
	}{{"right", 75}, {"l", 80}, {"left", 75}, {"h", 70}, {"shift+right", 71}, {"L", 72}, {"shift+left", 71}, {"H", 70}} {
		m = press(t, m, c.key)
		if m.State().DAP != c.want {
			t.Fatalf("after %q d(a,p) = %v, want %v", c.key, m.State().DAP, c.want)
		}
	}
}

// Twenty presses of → from 0.70 show 1.70 and compute the losses of 1.70.
func TestTwentyRightPressesAreExact(t *testing.T) {
	m := press(t, newModel(t, Options{}), tuitest.Repeat("right", 20)...)
	e := m.Evaluation()
	dap, dan, margin := 1.7, 0.5, 0.2 // float64 arithmetic, as the core does it
	if e.DAP != dap || e.Triplet.Loss != dap-dan+margin {
		t.Errorf("d(a,p) = %.17g, triplet %.17g", e.DAP, e.Triplet.Loss)
	}
	if !strings.Contains(m.View(), "d(a,p)  1.70") || !strings.Contains(m.View(), "max(1.70 − 0.50 + 0.20, 0) = 1.4000") {
		t.Errorf("view does not show 1.70 exactly:\n%s", m.View())
	}
}

func TestLimits(t *testing.T) {
	m := press(t, newModel(t, Options{}), tuitest.Repeat("right", 100)...)
	if m.State().DAP != grid.MaxDistance {
		t.Errorf("d(a,p) went to %v", m.State().DAP)
	}
	m = press(t, m, tuitest.Repeat("left", 100)...)
	if m.State().DAP != 0 {
		t.Errorf("d(a,p) went to %v", m.State().DAP)
	}
	m = press(t, m, "down", "down")
	m = press(t, m, tuitest.Repeat("right", 100)...)
	if m.State().Margin != grid.MaxMargin {
		t.Errorf("margin went to %v", m.State().Margin)
	}
}

func TestLabelToggleMakesTripletInvalid(t *testing.T) {
	m := press(t, newModel(t, Options{}), "down", "down", "down", " ")
	if m.State().YAP != loss.Different || m.Evaluation().Valid {
		t.Fatalf("space on y(a,p): %+v valid=%v", m.State(), m.Evaluation().Valid)
	}
	v := m.View()
	if !strings.Contains(v, "not a triplet: the positive is labelled different") || !strings.Contains(v, "(invalid)") {
		t.Errorf("invalid triplet not explained:\n%s", v)
	}
	// ← and → toggle a label too; the triplet loss is still computed.
	m = press(t, m, "right")
	if m.State().YAP != loss.Same || !m.Evaluation().Valid || m.Evaluation().Triplet.Loss == 0 {
		t.Errorf("→ on a label: %+v", m.State())
	}
	m = press(t, m, "down", " ")
	if m.State().YAN != loss.Same || !strings.Contains(m.View(), "the negative is labelled same") {
		t.Errorf("y(a,n) toggle: %+v", m.State())
	}
}

func TestTypingAValue(t *testing.T) {
	m := press(t, newModel(t, Options{}), "down", "e")
	if !m.editing {
		t.Fatal("e did not start typing")
	}
	m = press(t, m, tuitest.Repeat("backspace", 6)...)
	m = press(t, m, "1", ".", "2", "5", "enter")
	if m.editing || m.State().DAN != 125 {
		t.Errorf("typed 1.25: editing=%v d(a,n)=%v", m.editing, m.State().DAN)
	}
	// Invalid values show an inline error and change nothing; q is text while typing.
	for _, bad := range []struct{ text, want string }{{"3.5", "out of range [0, 3.00]"}, {"q", `"q" is not a number`}, {"0.123", "more than two decimals"}, {"-1", "out of range"}, {"1e308", `"1e308" is not a number`}} {
		m = press(t, m, "enter")
		m = press(t, m, tuitest.Repeat("backspace", 6)...)
		m = press(t, m, strings.Split(bad.text, "")...)
		m = press(t, m, "enter")
		if !m.editing || m.State().DAN != 125 || !strings.Contains(m.View(), bad.want) {
			t.Errorf("typed %q: editing=%v d(a,n)=%v, view lacks %q", bad.text, m.editing, m.State().DAN, bad.want)
		}
		m = press(t, m, "esc")
		if m.editing || m.State().DAN != 125 {
			t.Errorf("esc after %q: editing=%v d(a,n)=%v", bad.text, m.editing, m.State().DAN)
		}
	}
	// A label takes same or different.
	m = press(t, m, "down", "down", "down", "enter")
	m = press(t, m, tuitest.Repeat("backspace", 12)...)
	m = press(t, m, strings.Split("same", "")...)
	m = press(t, m, "enter")
	if m.State().YAN != loss.Same {
		t.Errorf("typed same on y(a,n): %v", m.State().YAN)
	}
}

func TestUndoAndReset(t *testing.T) {
	m := press(t, newModel(t, Options{}), "right", "right", "down", "left")
	if m.State().DAP != 80 || m.State().DAN != 45 {
		t.Fatalf("setup %+v", m.State())
	}
	m = press(t, m, "u")
	if m.State().DAN != 50 || m.State().DAP != 80 {
		t.Errorf("undo: %+v", m.State())
	}
	m = press(t, m, "u", "u")
	if m.State() != grid.Article() {
		t.Errorf("undo all: %+v", m.State())
	}
	m = press(t, m, "u")
	if !strings.Contains(m.View(), "nothing to undo") {
		t.Error("undo on an empty stack says nothing")
	}
	m = press(t, m, "right", "down", "right", "r")
	if m.State() != grid.Article() {
		t.Errorf("reset: %+v", m.State())
	}
	m = press(t, m, "u") // reset itself can be undone
	if m.State().DAN != 55 {
		t.Errorf("undo reset: %+v", m.State())
	}
}

func TestChartCycleAndQuit(t *testing.T) {
	m := newModel(t, Options{})
	for i := 1; i <= len(charts); i++ {
		m = press(t, m, "c")
		if m.chart != i%len(charts) {
			t.Fatalf("after %d c: chart %d", i, m.chart)
		}
	}
	for _, k := range []string{"q", "ctrl+c"} {
		if _, cmd := m.Update(tuitest.Key(k)); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not quit", k)
		}
	}
	m = press(t, m, "?")
	if !m.help.ShowAll || !strings.Contains(m.View(), "previous preset") {
		t.Error("? does not show the full help")
	}
	m = press(t, m, "?")
	if m.help.ShowAll {
		t.Error("? does not close the help")
	}
}

func TestTooSmallAndResize(t *testing.T) {
	m := newModel(t, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 79, Height: 30})
	if v := next.(*Model).View(); v != "terminal too small: need 80×22 (now 79×30) · q quits" { // the mode's share of an 80×24 window
		t.Errorf("too small: %q", v)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {97, 31}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			next, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			lines := strings.Split(next.(*Model).View(), "\n")
			if len(lines) != size[1] {
				t.Errorf("%v: %d lines", size, len(lines))
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w > size[0] {
					t.Errorf("%v: line %d is %d wide", size, i, w)
				}
			}
		})
	}
}

// Moving only the marker must reuse the heatmap; a new margin rebuilds it.
func TestChartCache(t *testing.T) {
	m := press(t, newModel(t, Options{}), "c", "c") // the heatmap
	_ = m.View()
	builds := m.charts.builds
	m = press(t, m, "right", "down", "left")
	_ = m.View()
	if m.charts.builds != builds {
		t.Errorf("moving the marker rebuilt the heatmap (%d → %d builds)", builds, m.charts.builds)
	}
	m = press(t, m, "down", "right")
	_ = m.View()
	if m.charts.builds != builds+1 {
		t.Errorf("a new margin did not rebuild the heatmap once (%d → %d)", builds, m.charts.builds)
	}
}

func TestNoColorReadable(t *testing.T) {
	// The Ascii profile (as under NO_COLOR) keeps every state in glyphs and words.
	m := press(t, newModel(t, Options{}), "c", "c")
	v := m.View()
	for _, want := range []string{"▸ d(a,p)", "● hinge active", "hard negative", "○ inactive", "◆", "@"} {
		if !strings.Contains(v, want) {
			t.Errorf("NO_COLOR view lacks %q", want)
		}
	}
	if strings.Contains(v, "\x1b[") {
		t.Error("escape codes in the plain profile")
	}
}

func TestPlain(t *testing.T) {
	out := Plain(Options{}, i18n.New(i18n.English), 0)
	if !strings.Contains(out, "0.4000") || !strings.Contains(out, "0.1225") || strings.Contains(out, "\x1b") || strings.Contains(out, "q quit") {
		t.Errorf("plain render:\n%s", out)
	}
}

func TestHints(t *testing.T) {
	for _, c := range []struct {
		s    loss.Setting
		want string
	}{
		{loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "contrastive does not, since d(a,n) ≥ m"},
		{loss.Setting{DAP: 0.5, DAN: 0.6, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "inside the triplet margin but beyond the radius m"},
		{loss.Setting{Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "∂L/∂a = (0.00, 0.00), ∂L/∂p = (0.00, 0.00), ∂L/∂n = (0.00, 0.00)"},
		{loss.Setting{YAP: loss.Same, YAN: loss.Different}, "cost nothing"},
		{loss.Setting{DAP: 0.1, DAN: 0.15, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "both losses push"},
		{loss.Setting{DAP: 0.1, DAN: 0.6, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}, "easy triplet"},
		{loss.Setting{DAP: 0.1, DAN: 0.6, Margin: 0.2, YAP: loss.Different, YAN: loss.Different}, "a miner would never form this triplet"},
	} {
		t.Run(c.want, func(t *testing.T) {
			e, _ := loss.Evaluate(c.s)
			if h := explain.Hint(e); !strings.Contains(h, c.want) {
				t.Errorf("%+v: hint %q lacks %q", c.s, h, c.want)
			}
		})
	}
}

func TestReplay(t *testing.T) {
	s := scenarios.Preset("semi-hard-band")
	m := newModel(t, Options{Scenario: s})
	if m.State() != s.Start || !strings.Contains(m.View(), "step 0/6") {
		t.Fatalf("start %+v", m.State())
	}
	m = press(t, m, ".", ".")
	if m.State() != s.StateAt(2) || !strings.Contains(m.View(), "step 2/6") || !strings.Contains(m.View(), "hard wins the tie") {
		t.Errorf("after ..: %+v\n%s", m.State(), m.View())
	}
	m = press(t, m, ",")
	if m.State() != s.StateAt(1) {
		t.Errorf("after ,: %+v", m.State())
	}
	// p plays: the tick advances; a change by hand pauses and takes over.
	next, cmd := m.Update(tuitest.Key("p"))
	m = next.(*Model)
	if !m.playing || cmd == nil {
		t.Fatal("p does not play")
	}
	next, _ = m.Update(tickMsg{id: m.tick})
	m = next.(*Model)
	if m.step != 2 {
		t.Errorf("tick moved to step %d", m.step)
	}
	next, _ = m.Update(tickMsg{id: m.tick - 1}) // a stale timer does nothing
	if next.(*Model).step != 2 {
		t.Error("a stale tick advanced the replay")
	}
	m = press(t, m, "right")
	if m.playing || !m.owned || !strings.Contains(m.View(), "edited") {
		t.Errorf("a change by hand did not pause the replay: playing=%v owned=%v", m.playing, m.owned)
	}
	m = press(t, m, "+", "+", "+", "-")
	if speeds[m.speed] != 2 {
		t.Errorf("speed ×%v", speeds[m.speed])
	}
	// space plays when no label is selected.
	if _, cmd := m.Update(tuitest.Key(" ")); cmd == nil {
		t.Error("space does not play")
	}
	m = press(t, m, "]")
	if m.scenario.Name != "squared-vs-plain" || m.State() != m.scenario.Start {
		t.Errorf("] went to %s", m.scenario.Name)
	}
	m = press(t, m, "[", "[")
	if m.scenario.Name != "mislabeled-positive" {
		t.Errorf("[[ went to %s", m.scenario.Name)
	}
}

func TestReplayWithoutScenario(t *testing.T) {
	m := press(t, newModel(t, Options{}), "p")
	if m.playing || !strings.Contains(m.View(), "no scenario to replay") {
		t.Error("p without a scenario")
	}
}

// Record → load → replay reproduces the states seen, in order.
func TestRecord(t *testing.T) {
	dir := t.TempDir()
	m := newModel(t, Options{Dir: dir, Scenario: scenarios.Preset("blog-case-1")})
	var seen []grid.State
	seen = append(seen, m.State())
	for _, k := range []string{".", "right", "down", "down", "down", " ", "u", "r", "down", "shift+right"} {
		m = press(t, m, k)
		if m.State() != seen[len(seen)-1] {
			seen = append(seen, m.State())
		}
	}
	m = pressRun(t, m, "w")
	path := filepath.Join(dir, "session-20261128-150405.toml")
	if !strings.Contains(m.View(), "wrote "+path) {
		t.Fatalf("w: %s", m.View())
	}
	s, err := scenarios.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != len(seen) {
		t.Fatalf("recorded %d states, saw %d", s.Len(), len(seen))
	}
	for i, want := range seen {
		if s.StateAt(i) != want {
			t.Errorf("state %d: %+v, want %+v", i, s.StateAt(i), want)
		}
	}
	// A second recording in the same second does not overwrite the first.
	m = pressRun(t, m, "w")
	if !strings.Contains(m.View(), "session-20261128-150405-2.toml") {
		t.Errorf("second w: %s", m.View())
	}
	// An unwritable directory is reported, not a crash.
	m2 := newModel(t, Options{Dir: filepath.Join(dir, "missing", "dir")})
	m2 = pressRun(t, m2, "w")
	if !strings.Contains(m2.View(), "could not write the session") {
		t.Error("write error not reported")
	}
}

func mustPreset(t testing.TB, name string) *scenarios.Scenario {
	t.Helper()
	s := scenarios.Preset(name)
	if s == nil {
		t.Fatalf("no preset %s", name)
	}
	return s
}

// Typing replaces the value: the field starts empty, the value is only its
// placeholder; enter on an empty field keeps the value.
func TestTypingReplaces(t *testing.T) {
	m := press(t, newModel(t, Options{}), "e")
	if m.input.Value() != "" || m.input.Placeholder != "0.70" {
		t.Fatalf("field %q placeholder %q", m.input.Value(), m.input.Placeholder)
	}
	m = press(t, m, "1", ".", "2", "3", "enter")
	if m.editing || m.State().DAP != 123 {
		t.Errorf("typed 1.23 over 0.70: editing=%v d(a,p)=%v", m.editing, m.State().DAP)
	}
	m = press(t, m, "enter", "enter")
	if m.editing || m.State().DAP != 123 {
		t.Errorf("enter on an empty field: editing=%v d(a,p)=%v", m.editing, m.State().DAP)
	}
}

// At a limit a key says so instead of doing nothing.
func TestLimitSaysSo(t *testing.T) {
	m := press(t, newModel(t, Options{}), tuitest.Repeat("right", 100)...)
	if !strings.Contains(m.View(), "d(a,p) is at its maximum 3.00") {
		t.Errorf("no word at the maximum:\n%s", m.View())
	}
	m = press(t, m, "down", "down")
	m = press(t, m, tuitest.Repeat("shift+left", 30)...)
	if m.State().Margin != 0 || !strings.Contains(m.View(), "margin is at its minimum 0.00") {
		t.Errorf("no word at the minimum: margin %v", m.State().Margin)
	}
	m = press(t, m, "right")
	if strings.Contains(m.View(), "at its minimum") {
		t.Error("the limit message outlived the next key")
	}
}

// Undo after a step or a preset switch restores the whole view: values,
// scenario, step, header and note.
func TestUndoRestoresView(t *testing.T) {
	m := newModel(t, Options{Scenario: mustPreset(t, "blog-case-1")})
	m = press(t, m, ".", ".")
	if m.step != 2 || !strings.Contains(m.View(), "step 2/3") {
		t.Fatalf("setup: step %d", m.step)
	}
	m = press(t, m, "u")
	s := m.scenario
	if m.step != 1 || m.State() != s.StateAt(1) || !strings.Contains(m.View(), "step 1/3") {
		t.Errorf("undo a step: step %d state %+v", m.step, m.State())
	}
	m = press(t, m, "]")
	if m.scenario.Name == "blog-case-1" {
		t.Fatal("] did not switch")
	}
	m = press(t, m, "u")
	if m.scenario.Name != "blog-case-1" || m.step != 1 || m.State() != s.StateAt(1) ||
		!strings.Contains(m.View(), s.Title) || !strings.Contains(m.View(), "step 1/3") {
		t.Errorf("undo a preset switch: %s step %d %+v\n%s", m.scenario.Name, m.step, m.State(), m.View())
	}
	m = press(t, m, "right", "u")
	if m.owned || m.State() != s.StateAt(1) || strings.Contains(m.View(), "edited") {
		t.Errorf("undo a change by hand: owned %v", m.owned)
	}
}

// The key bar lists the replay keys while a scenario is loaded, the
// values' keys otherwise, and undo once there is something to undo.
func TestKeyBarReplayKeys(t *testing.T) {
	free := newModel(t, Options{})
	if l := tuitest.KeyLine(free); strings.Contains(l, "steps") || !strings.Contains(l, "↑↓←→ edit") || strings.Contains(l, "u undo") {
		t.Errorf("key bar without a scenario: %q", l)
	}
	if l := tuitest.KeyLine(press(t, free, "right")); !strings.Contains(l, "u undo") {
		t.Errorf("key bar after a change: %q", l)
	}
	replay := press(t, free, "]")
	for _, want := range []string{"p play/pause", ". , steps", "] next preset"} {
		if l := tuitest.KeyLine(replay); !strings.Contains(l, want) {
			t.Errorf("key bar with a scenario lacks %q: %q", want, l)
		}
	}
}

// A recording names the scenario in use when it started and notes switches.
func TestRecordNamesOriginAndSwitches(t *testing.T) {
	dir := t.TempDir()
	m := newModel(t, Options{Dir: dir, Scenario: mustPreset(t, "collapse")})
	m = pressRun(t, press(t, m, "]", "right"), "w")
	if !strings.Contains(m.View(), "(2 steps)") {
		t.Errorf("status after w:\n%s", m.View())
	}
	s, err := scenarios.LoadFile(filepath.Join(dir, "session-20261128-150405.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Recorded session (started from the preset collapse)" {
		t.Errorf("title %q", s.Title)
	}
	next := scenarios.Presets()
	var after string
	for i, p := range next {
		if p.Name == "collapse" {
			after = next[(i+1)%len(next)].Name
		}
	}
	if s.Len() != 3 || s.NoteAt(1) != "Switched to the preset "+after+": every value set to its start." || s.StateAt(1) != mustPreset(t, after).Start {
		t.Errorf("recorded %d states, note 1 %q", s.Len(), s.NoteAt(1))
	}
}

// A session stops recording at the loader's step limit and says so; what
// it writes can be loaded.
func TestRecordingStopsAtTheLimit(t *testing.T) {
	dir := t.TempDir()
	m := newModel(t, Options{Dir: dir})
	for i := 0; i < scenarios.MaxSteps; i++ {
		m = press(t, m, []string{"right", "left"}[i%2])
	}
	if strings.Contains(m.View(), "recording stopped") {
		t.Fatal("the limit was announced early")
	}
	m = press(t, m, "right")
	if !strings.Contains(m.View(), "recording stopped: a scenario holds at most 10,000 steps") {
		t.Errorf("the limit went unsaid:\n%s", m.View())
	}
	if m = pressRun(t, m, "w"); !strings.Contains(m.View(), "(10,000 steps)") {
		t.Errorf("status after w:\n%s", m.View())
	}
	s, err := scenarios.LoadFile(filepath.Join(dir, "session-20261128-150405.toml"))
	if err != nil || s.Len() != scenarios.MaxSteps+1 {
		t.Fatalf("load: %v", err)
	}
}

// "one margin, two meanings: contrastive wants d(a,n) ≥ m" is shown only
// while y(a,n) = different: labelled same, contrastive pulls a-n to 0. The
// notes, page by page, and the roomy contrastive panel say it or not.
func TestMarginMeaningOnlyWhenANIsDifferent(t *testing.T) {
	const sentence = "one margin, two meanings"
	allNotes := func(m *Model) string {
		var all strings.Builder
		all.WriteString(ansi.Strip(m.View()))
		for range m.notesPageCount() {
			m = press(t, m, "n")
			all.WriteString(ansi.Strip(m.View()))
		}
		return strings.Join(strings.Fields(all.String()), " ")
	}
	m := newModel(t, Options{})
	if !strings.Contains(allNotes(m), sentence) {
		t.Errorf("with y(a,n) = different the notes lack %q", sentence)
	}
	m = press(t, m, "up", " ") // y(a,n) = same
	if m.State().YAN != loss.Same {
		t.Fatalf("y(a,n) = %v", m.State().YAN)
	}
	if v := allNotes(m); strings.Contains(v, sentence) {
		t.Errorf("with y(a,n) = same the screen says %q:\n%s", sentence, v)
	}
}

// Keys have a visible effect: c over the notes (or the conventions) shows
// the chart instead of changing it unseen; . at the last step and , at the
// start say that they are at a limit.
func TestKeysAtLimitsAndBehindPanelsSaySo(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	chart := ansi.Strip(m.View())
	for _, open := range []string{"n", "v"} {
		t.Run(open, func(t *testing.T) {
			opened := press(t, m, open)
			if ansi.Strip(opened.View()) == chart {
				t.Fatalf("%s showed nothing", open)
			}
			if v := ansi.Strip(press(t, opened, "c").View()); v != chart {
				t.Errorf("c after %s does not show the chart:\n%s", open, v)
			}
		})
	}
	s, err := scenarios.Resolve("blog-case-1")
	if err != nil {
		t.Fatal(err)
	}
	m = sized(newModel(t, Options{Scenario: s}), 80, 24)
	if v := ansi.Strip(press(t, m, ",").View()); !strings.Contains(v, "at the start (step 0)") {
		t.Errorf(", at step 0 says nothing:\n%s", v)
	}
	for range s.Len() - 1 {
		m = press(t, m, ".")
	}
	last := fmt.Sprintf("at the last step (%d)", s.Len()-1)
	if v := ansi.Strip(m.View()); strings.Contains(v, last) {
		t.Fatalf("the limit is announced before it is reached:\n%s", v)
	}
	if v := ansi.Strip(press(t, m, ".").View()); !strings.Contains(v, last) {
		t.Errorf(". at the last step says nothing:\n%s", v)
	}
}

// standalone is the playground on its own, in English on lipgloss's default
// renderer (Ascii in these tests), as the golden screens show it.
func standalone(opts Options) *Model {
	return New(common.DefaultContext(), opts)
}
