package playground

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/statestr"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// sharedModel is a playground on a test context with sharing set to sh.
func sharedModel(t *testing.T, opts Options, sh common.ShareContext, w, h int) *Model {
	t.Helper()
	ctx := tuitest.Context()
	ctx.Share = sh
	if opts.Dir == "" {
		opts.Dir = t.TempDir()
	}
	m, _ := New(ctx, opts).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m.(*Model)
}

// Whatever keys led to a state, its string reopens the same values,
// scenario, step, chart and "edited" mark, and spells itself again.
func TestStateStringReopensTheState(t *testing.T) {
	keys := []string{"up", "down", "left", "right", "shift+left", "shift+right", " ", "c", ".", ",", "[", "]", "u", "r"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		m := newModel(t, Options{})
		for range r.IntN(30) {
			m = press(t, m, keys[r.IntN(len(keys))])
		}
		s, named := m.StateString()
		if !named || s == "" {
			t.Fatalf("no state string for a preset or the article: %q %v", s, named)
		}
		d, err := statestr.Decode(s)
		if err != nil {
			t.Fatalf("Decode(%q): %v", s, err)
		}
		back := newModel(t, Options{Restore: &d.Playground})
		if back.state != m.state || back.chart != m.chart || back.step != m.step || (back.scenario == nil) != (m.scenario == nil) {
			t.Fatalf("%q reopened %+v chart %d step %d, want %+v chart %d step %d", s, back.state, back.chart, back.step, m.state, m.chart, m.step)
		}
		if m.scenario != nil && (back.scenario.Name != m.scenario.Name || back.owned != (m.state != m.scenario.StateAt(m.step))) {
			t.Fatalf("%q reopened scenario %s owned %v", s, back.scenario.Name, back.owned)
		}
		if again, _ := back.StateString(); again != s {
			t.Fatalf("reopened %q spells itself %q", s, again)
		}
	}
}

// s shows the string at 80×24 with only sentences that hold: no copy is
// claimed without a clipboard, and any key closes the panel.
func TestSharePanel(t *testing.T) {
	m := sharedModel(t, Options{}, common.ShareContext{}, 80, 24)
	m = press(t, m, "right", "c", "c")
	next, cmd := m.Update(tuitest.Key("s"))
	m = next.(*Model)
	if cmd != nil {
		t.Errorf("without a clipboard s started a command")
	}
	s, _ := m.StateString()
	v := m.View()
	for _, want := range []string{s, "Select the string above", "losslab --state STRING", "leaves out the undo history"} {
		if !strings.Contains(v, want) {
			t.Errorf("the panel lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "OSC 52") {
		t.Errorf("the panel claims a copy without a clipboard:\n%s", v)
	}
	m = press(t, m, "down")
	if strings.Contains(m.View(), s) || m.selected != 1 {
		t.Errorf("down did not close the panel and act")
	}
	m = press(t, m, "s", "esc")
	if strings.Contains(m.View(), s) {
		t.Errorf("esc did not close the panel")
	}
}

// With a clipboard, s sends exactly the string on screen in OSC 52.
func TestShareCopiesWithOSC52(t *testing.T) {
	var clip bytes.Buffer
	m := sharedModel(t, Options{Scenario: mustPreset(t, "blog-case-1")}, common.ShareContext{Clipboard: &clip}, 120, 40)
	m = press(t, m, ".", ".")
	next, cmd := m.Update(tuitest.Key("s"))
	m = next.(*Model)
	if cmd == nil {
		t.Fatal("s with a clipboard started nothing")
	}
	cmd()
	s, _ := m.StateString()
	if want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s)) + "\x07"; clip.String() != want {
		t.Errorf("clipboard got %q, want %q", clip.String(), want)
	}
	if !strings.Contains(s, "_sc-blog-case-1_st-2_") || !strings.Contains(m.View(), "OSC 52") {
		t.Errorf("string %q or panel wrong:\n%s", s, m.View())
	}
}

// A scenario from a file cannot be named: the string carries the values
// and the panel says so.
func TestShareFileScenario(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.toml")
	os.WriteFile(path, []byte("name = \"mine\"\ntitle = \"t\"\n[start]\ndap = 0.3\ndan = 0.4\nmargin = 0.5\ny_ap = \"same\"\ny_an = \"different\"\n"), 0o644)
	sc, err := scenarios.Resolve(path)
	if err != nil {
		t.Fatal(err)
	}
	m := sharedModel(t, Options{Scenario: sc}, common.ShareContext{}, 80, 24)
	m = press(t, m, "s")
	s, named := m.StateString()
	if named || strings.Contains(s, "sc-") {
		t.Errorf("a file scenario was named: %q", s)
	}
	if !strings.Contains(m.View(), "is not a preset, so the string leaves it out") {
		t.Errorf("the panel does not say the scenario is left out:\n%s", m.View())
	}
	d, err := statestr.Decode(s)
	if err != nil || d.Playground.Values != m.state {
		t.Errorf("%q decodes to %+v, %v; want the values %+v", s, d.Playground.Values, err, m.state)
	}
}

// f writes the chart on screen as a new SVG and names it; again, a new name.
func TestFigureKeyWritesSVG(t *testing.T) {
	dir := t.TempDir()
	m := sharedModel(t, Options{Dir: dir, Now: tuitest.FixedNow}, common.ShareContext{}, 120, 40)
	m = press(t, m, "c") // the contrastive chart
	m = pressRun(t, m, "f")
	m = pressRun(t, m, "f")
	files, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(files) != 2 {
		t.Fatalf("files %v, want two", files)
	}
	if !strings.Contains(m.View(), "wrote the figure "+files[1]) && !strings.Contains(m.View(), "wrote the figure "+files[0]) {
		t.Errorf("the status does not name the file:\n%s", m.View())
	}
	for _, f := range files {
		if !strings.Contains(f, "losslab-contrastive-") {
			t.Errorf("%s is not named after the chart", f)
		}
		data, _ := os.ReadFile(f)
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not XML: %v", f, err)
			}
		}
		if !bytes.Contains(data, []byte("a-p: d = 0.70, L = 0.2450")) {
			t.Errorf("%s lacks the a-p pair's mark", f)
		}
	}
}

// A served session writes no file: f and w say what to do instead.
func TestServedSessionWritesNothing(t *testing.T) {
	dir := t.TempDir()
	m := sharedModel(t, Options{Dir: dir}, common.ShareContext{NoFiles: true}, 80, 24)
	for _, k := range []string{"f", "w"} {
		t.Run(k, func(t *testing.T) {
			next, cmd := m.Update(tuitest.Key(k))
			m = next.(*Model)
			if cmd != nil {
				t.Errorf("%s started a command on a server", k)
			}
			if !strings.Contains(m.View(), "shared server") {
				t.Errorf("%s: no word on why nothing was written:\n%s", k, m.View())
			}
		})
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("a served session wrote %v", files)
	}
}

// A string wider than the panel is wrapped, and the panel says its lines
// are one string.
func TestShareLongStringWraps(t *testing.T) {
	m := sharedModel(t, Options{Scenario: mustPreset(t, "contrastive-vs-triplet")}, common.ShareContext{}, 80, 24)
	m = press(t, m, ".", "l", "j", "l", "j", "l", "j", " ", "j", " ", "c", "c", "c", "s")
	s, _ := m.StateString()
	if len(s) <= 76 {
		t.Fatalf("%q fits the panel; the test needs a longer one", s)
	}
	v := m.View()
	if !strings.Contains(v, "its 2 lines above are one string") || !strings.Contains(v, s[:76]) || !strings.Contains(v, s[76:]) {
		t.Errorf("the wrapped string or its sentence is missing:\n%s", v)
	}
}

// The panel in Chinese at 80×24: every sentence whole, no line wider than
// the screen.
func TestSharePanelChinese(t *testing.T) {
	ctx := tuitest.Context()
	ctx.Printer = i18n.New(i18n.Chinese)
	ctx.Share = common.ShareContext{Clipboard: io.Discard}
	path := filepath.Join(t.TempDir(), "mine.toml")
	os.WriteFile(path, []byte("name = \"mine\"\ntitle = \"t\"\n[start]\ndap = 0.3\ndan = 0.4\nmargin = 0.5\ny_ap = \"same\"\ny_an = \"different\"\n"), 0o644)
	sc, err := scenarios.Resolve(path)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := New(ctx, Options{Scenario: sc, Dir: t.TempDir()}).Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m := press(t, next.(*Model), "s")
	v := m.View()
	for _, want := range []string{"状态串 · 按任意键关闭", "已用 OSC 52 发送到终端的剪贴板", "这个场景不是预设", "不包含撤销记录和历史图表"} {
		if !strings.Contains(strings.ReplaceAll(v, "│", ""), want) {
			t.Errorf("the Chinese panel lacks %q:\n%s", want, v)
		}
	}
	for i, line := range strings.Split(v, "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("line %d is %d cells wide", i, w)
		}
	}
}

// Fixed controls cannot be selected, so no key changes them; the panel
// marks them; selection starts at the first free one.
func TestFixedControls(t *testing.T) {
	m := sharedModel(t, Options{}, common.ShareContext{Hide: common.HideSet{"dap": true, "margin": true}}, 80, 24)
	if m.selected != 1 {
		t.Fatalf("selection starts at %v, want d(a,n), the first free control", m.selected)
	}
	seen := map[int]bool{}
	for range 10 {
		m = press(t, m, "down")
		seen[int(m.selected)] = true
		m = press(t, m, "right", "left", "right")
	}
	for range 10 {
		m = press(t, m, "up")
		seen[int(m.selected)] = true
	}
	if seen[0] || seen[2] || !seen[1] || !seen[3] || !seen[4] {
		t.Errorf("selected controls %v: the fixed ones (0, 2) must never be, the free ones must", seen)
	}
	if m.state.DAP != 70 || m.state.Margin != 20 {
		t.Errorf("fixed values changed: d(a,p) %v, margin %v", m.state.DAP, m.state.Margin)
	}
	v := m.View()
	if strings.Count(v, "(fixed)") != 2 || !strings.Contains(v, "0.70 (fixed)") || !strings.Contains(v, "0.20 (fixed)") {
		t.Errorf("the controls panel does not mark the two fixed controls:\n%s", v)
	}
}
