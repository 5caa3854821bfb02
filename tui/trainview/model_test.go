package trainview

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/internal/tuitest"
)

func TestMain(m *testing.M) {
	tuitest.Setup()
	os.Exit(m.Run())
}

func newTrainer(t testing.TB, cfg train.Config) *train.Trainer {
	t.Helper()
	data, err := train.Generate(cfg.Data, cfg.Seed)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := train.New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func newMode(t testing.TB, cfg train.Config, w, h int) Model {
	t.Helper()
	m := New(newTrainer(t, cfg), Options{Chunk: -1}) // screens that do not depend on the machine's speed
	m.SetSize(w, h)
	return m
}

// keyMsg turns a key name into the message Bubble Tea sends for it.
func keyMsg(k string) tea.KeyMsg {
	switch k {
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "shift+right":
		return tea.KeyMsg{Type: tea.KeyShiftRight}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func press(m Model, keys ...string) (Model, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range keys {
		var next tea.Model
		next, cmd = m.Update(keyMsg(k))
		m = next.(Model)
		m, cmd = settle(m, cmd)
	}
	return m, cmd
}

// settle runs the jobs a key or a frame started (the goroutine's work, here
// on the test's), until none runs; it returns the command that follows.
func settle(m Model, cmd tea.Cmd) (Model, tea.Cmd) {
	for m.Busy() && cmd != nil {
		next, c := m.Update(cmd())
		m, cmd = next.(Model), c
	}
	return m, cmd
}

func TestKeys(t *testing.T) {
	m := newMode(t, train.NewConfig(), 100, 30)
	start, stale := m.View(), m.tickSeq
	m, cmd := press(m, " ")
	if !m.Playing() || cmd == nil {
		t.Fatal("space did not start playing")
	}
	m, _ = press(m, "+", "+")
	if !strings.Contains(m.View(), "▶ 5/frame") {
		t.Errorf("two + did not give 5 steps a frame:\n%s", m.View())
	}
	// A frame of the current chain trains 5 steps; a stale one nothing.
	next, _ := frameOf(m)
	m = next.(Model)
	next, _ = m.Update(tickMsg{seq: stale})
	m = next.(Model)
	if got := m.Trainer().StepCount(); got != 5 {
		t.Fatalf("after one frame at 5 steps a frame: step %d", got)
	}
	m, _ = press(m, " ")
	if m.Playing() {
		t.Fatal("space did not pause")
	}
	m, _ = press(m, "n")
	if got := m.Trainer().StepCount(); got != 6 || !strings.Contains(m.View(), "Paused at step 6.") {
		t.Fatalf("n: step %d", got)
	}
	m, _ = press(m, "r")
	if m.View() != start {
		t.Fatalf("r did not return to the first screen:\n%s\nwant\n%s", m.View(), start)
	}
	for _, tc := range []struct {
		keys  []string
		check func(c train.Config) bool
	}{
		{[]string{"l"}, func(c train.Config) bool { return c.Loss == train.BatchAll }},
		{[]string{"c"}, func(c train.Config) bool { return c.Compare == train.BatchAll }}, // not the run's own contrastive
		{[]string{"c", "c"}, func(c train.Config) bool { return c.Compare == train.BatchHard }},
		{[]string{"m"}, func(c train.Config) bool { return c.Model == train.Linear }},
		{[]string{"d"}, func(c train.Config) bool { return c.Data == train.Overlap }},
		{[]string{"s"}, func(c train.Config) bool { return c.Seed == train.DefaultSeed+1 }},
		{[]string{"o"}, func(c train.Config) bool { return c.Normalize }},
		{[]string{"left"}, func(c train.Config) bool { return c.Margin == 0.9 }},
		{[]string{"right", "right"}, func(c train.Config) bool { return c.Margin == 1.2 }},
		{[]string{"c", "shift+right"}, func(c train.Config) bool { return c.CompareMargin == 1.1 && c.Margin == 1 }},
		{[]string{"up"}, func(c train.Config) bool { return c.LR == 0.4 }},
		{[]string{"down"}, func(c train.Config) bool { return c.LR == 0.1 }},
	} {
		t.Run(strings.Join(tc.keys, " "), func(t *testing.T) {
			got, _ := press(newMode(t, train.NewConfig(), 100, 30), tc.keys...)
			cfg := got.Trainer().Config()
			if !tc.check(cfg) || got.Trainer().StepCount() != 0 {
				t.Errorf("%v: config %+v at step %d", tc.keys, cfg, got.Trainer().StepCount())
			}
		})
	}
	two, _ := press(newMode(t, train.NewConfig(), 100, 30), "c")
	if len(two.Trainer().Runs()) != 2 || !strings.Contains(two.View(), "│") {
		t.Error("c did not add a second pane")
	}
	if _, cmd := press(m, "q"); cmd == nil {
		t.Error("q did not quit")
	}
}

// Every line of the screen fits the terminal, in every layout.
func TestLinesFit(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 48}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			for _, compare := range []train.LossID{"", train.BatchHard} {
				cfg := train.NewConfig()
				cfg.Compare = compare
				m := newMode(t, cfg, size[0], size[1])
				m, _ = press(m, "n", "n", "n", "?")
				lines := strings.Split(m.View(), "\n")
				if len(lines) > size[1] {
					t.Errorf("%v compare %q: %d lines", size, compare, len(lines))
				}
				for i, l := range lines {
					if w := lipgloss.Width(l); w > size[0] {
						t.Errorf("%v compare %q: line %d is %d cells: %q", size, compare, i+1, w, l)
					}
				}
			}
		})
	}
	small := newMode(t, train.NewConfig(), 79, 24)
	if !strings.Contains(small.View(), "terminal too small") {
		t.Errorf("79×24: %q", small.View())
	}
}

func TestGlyphsWithoutColourBrailleWithColour(t *testing.T) {
	tr := newTrainer(t, train.NewConfig())
	plain := New(tr, Options{})
	plain.SetSize(100, 30)
	if !strings.ContainsAny(plain.View(), "●▲■◆") || strings.ContainsRune(plain.View(), '⣿') {
		t.Error("without colour the scatter does not use class glyphs")
	}
	coloured := New(tr, Options{Color: true})
	coloured.SetSize(100, 30)
	scatterRows := strings.Split(coloured.View(), "\n")[2:10]
	if strings.ContainsAny(strings.Join(scatterRows, ""), "●▲■◆") {
		t.Error("with colour the scatter still uses glyphs")
	}
	if !slices.ContainsFunc(scatterRows, func(l string) bool {
		return strings.ContainsFunc(l, func(r rune) bool { return r > 0x2800 && r <= 0x28FF })
	}) {
		t.Error("with colour the scatter has no braille dots")
	}
}

// Keys typed faster than they are read arrive as one message of runes.
// The steps run off the event loop: the keys after the first wait for its
// job and then each have their effect, in order.
func TestBurstOfKeys(t *testing.T) {
	tm := teatest.NewTestModel(t, New(newTrainer(t, train.NewConfig()), Options{}), teatest.WithInitialTermSize(100, 30))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nnn++")})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Paused at step 3.")) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(keyMsg("q"))
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if m.Trainer().StepCount() != 3 || m.speed != 2 {
		t.Errorf("burst: step %d, speed %d; want 3 and 2", m.Trainer().StepCount(), m.speed)
	}
}

// The Chinese screen fits too: its notes wrap between characters.
func TestChineseScreenFits(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Margin, cfg.Compare = train.Overlap, train.Linear, 0, train.BatchHard
	m := New(newTrainer(t, cfg), Options{Printer: i18n.New(i18n.Chinese)})
	m.SetSize(80, 24)
	for !m.Metrics()[0].Collapsed {
		m, _ = press(m, "n")
	}
	m, _ = press(m, "?")
	view := m.View()
	if !strings.Contains(view, "坍缩") || !strings.Contains(view, "按键") {
		t.Fatalf("not in Chinese:\n%s", view)
	}
	lines := strings.Split(view, "\n")
	if len(lines) > 24 {
		t.Errorf("%d lines", len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d cells: %q", i+1, w, l)
		}
	}
}

// A run heading for divergence (lr 100, margin 100) shows figures of up to
// 1e+100: every one of them whole on screen, the axis label in exponent
// form, every line inside the terminal, at 80×24 and 160×48.
func TestLargeFiguresStayReadable(t *testing.T) {
	longDigits := regexp.MustCompile(`\d{13,}`)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			for _, compare := range []train.LossID{"", train.BatchHard} {
				cfg := train.NewConfig()
				cfg.LR, cfg.Margin, cfg.Compare = train.MaxLR, train.MaxMargin, compare
				m := newMode(t, cfg, size[0], size[1])
				for step := 1; step <= 100 && !strings.Contains(m.View(), "diverged"); step++ {
					m, _ = press(m, "n")
					view := m.View()
					lines := strings.Split(view, "\n")
					if len(lines) > size[1] {
						t.Fatalf("%v compare %q step %d: %d lines", size, compare, step, len(lines))
					}
					for i, l := range lines {
						if w := lipgloss.Width(l); w > size[0] {
							t.Fatalf("%v compare %q step %d: line %d is %d cells: %q", size, compare, step, i+1, w, l)
						}
					}
					if d := longDigits.FindString(view); d != "" {
						t.Fatalf("%v compare %q step %d: a figure of %d digits:\n%s", size, compare, step, len(d), view)
					}
					words := map[string]bool{}
					for _, w := range strings.FieldsFunc(view, func(r rune) bool { return r == ' ' || r == '\n' || r == '│' }) {
						words[w] = true
					}
					for _, met := range m.Metrics() {
						for _, v := range []float64{met.Loss, met.MeanPositive, met.MeanNegative, met.GradNorm} {
							if s := numfmt.Loss(v); !words[s] {
								t.Fatalf("%v compare %q step %d: %s is not whole on screen:\n%s", size, compare, step, s, view)
							}
						}
					}
				}
			}
		})
	}
}

// The first compare is another loss, never an identical copy of the run;
// the run's own loss comes last (to compare margins), then off; a loss
// without a margin (InfoNCE) never comes: its two runs would be one.
func TestNextCompareStartsWithAnotherLoss(t *testing.T) {
	for _, own := range train.LossIDs() {
		seen := map[train.LossID]bool{}
		c := nextCompare("", own)
		if c == own || c == "" {
			t.Errorf("own %s: the first compare is %q", own, c)
		}
		for c != "" {
			seen[c] = true
			last := c
			c = nextCompare(c, own)
			if c == "" && last != own && own.UsesMargin() {
				t.Errorf("own %s: the cycle ends after %s, not after the run's own loss", own, last)
			}
		}
		want := len(train.LossIDs())
		if !own.UsesMargin() {
			want--
			if seen[own] {
				t.Errorf("own %s has no margin, yet the cycle compares it with itself", own)
			}
		}
		if len(seen) != want {
			t.Errorf("own %s: the cycle visits %d losses, want %d", own, len(seen), want)
		}
	}
}

// frameOf sends the frame's tick and runs the job it starts.
func frameOf(m Model) (tea.Model, tea.Cmd) {
	next, cmd := m.Update(tickMsg{seq: m.tickSeq})
	return settle(next.(Model), cmd)
}

// fileMode is the mode on a file given with --in (emb.csv, moons' points
// standing for its data), at w×h.
func fileMode(t testing.TB, w, h int) (Model, *train.Data) {
	t.Helper()
	file, err := train.Generate(train.Moons, 3)
	if err != nil {
		t.Fatal(err)
	}
	file.ID, file.Source = train.File, "emb.csv"
	cfg := train.NewConfig()
	cfg.Data = train.File
	tr, err := train.New(cfg, file)
	if err != nil {
		t.Fatal(err)
	}
	m := New(tr, Options{File: file})
	m.SetSize(w, h)
	return m, file
}

// A file given with --in stays in the data cycle: d goes through the
// built-in sets and back to it (issue 18 item 9).
func TestDataCycleKeepsTheFile(t *testing.T) {
	m, file := fileMode(t, 100, 30)
	for range 2 {
		for range len(train.DataIDs()) {
			m, _ = press(m, "d")
			if m.cfg.Data == train.File {
				t.Fatal("back at the file too early")
			}
		}
		m, _ = press(m, "d")
		if m.cfg.Data != train.File || m.Trainer().Data() != file || !strings.Contains(m.View(), "emb.csv") {
			t.Fatalf("the file left the cycle: at %s", m.cfg.Data)
		}
	}
}

// t steps InfoNCE's τ up through 0.05, 0.1, 0.2, 0.5, 1 and around, as the
// pane title shows it; from a --temperature between two of them (0.3) it
// goes on to the next larger, 0.5, not back to 0.05.
func TestTemperatureKeyStepsUp(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss, cfg.Temperature = train.InfoNCE, 0.3
	m := newMode(t, cfg, 80, 24)
	for _, want := range []string{"τ 0.50", "τ 1.00", "τ 0.05", "τ 0.10", "τ 0.20", "τ 0.50"} {
		m, _ = press(m, "t")
		if title := strings.Split(ansi.Strip(m.View()), "\n")[1]; !strings.Contains(title, "infonce, "+want) {
			t.Fatalf("after t: title %q, want infonce, %s", title, want)
		}
	}
}

// The header's speed below a step a second is the seconds a step takes
// (batch-all at batch 1,024 on digits, two runs: about 0.5 steps a second,
// which read "0 steps/s" while it stepped).
func TestRateTextBelowOneStepASecond(t *testing.T) {
	en, zh := i18n.New(i18n.English), i18n.New(i18n.Chinese)
	for _, tc := range []struct {
		perSecond float64
		en, zh    string
	}{
		{0.4, "2.5 s a step", "每步 2.5 秒"},
		{0.9, "1.1 s a step", "每步 1.1 秒"},
		{1, "1 step/s", "每秒 1 步"},
		{234.4, "234 steps/s", "每秒 234 步"},
	} {
		if got := rateText(en, tc.perSecond); got != tc.en {
			t.Errorf("%v a second: %q, want %q", tc.perSecond, got, tc.en)
		}
		if got := rateText(zh, tc.perSecond); got != tc.zh {
			t.Errorf("%v a second: %q, want %q", tc.perSecond, got, tc.zh)
		}
	}
}

// A pane's title names what its loss reads: the margin, τ, Multi-Similarity's
// fixed threshold λ (a threshold on the distances, not "no margin"), and
// "no margin" only for the soft-margin triplet, which has none.
func TestPaneTitleNamesWhatTheLossReads(t *testing.T) {
	for _, tc := range []struct {
		loss     train.LossID
		en, zh   string
		notTitle string
	}{
		{train.BatchAll, "batch-all, margin 1.00", "间隔 1.00", "no margin"},
		{train.LossID(loss.MultiSimilarityID), "multi-similarity, fixed λ = 0.50", "固定 λ = 0.50", "no margin"},
		{train.BatchHardSoft, "batch-hard-soft, no margin", "无间隔", "λ"},
	} {
		cfg := train.NewConfig()
		cfg.Loss = tc.loss
		m := newMode(t, cfg, 80, 24)
		if title := strings.Split(ansi.Strip(m.View()), "\n")[1]; !strings.Contains(title, tc.en) || strings.Contains(title, tc.notTitle) {
			t.Errorf("%s: title %q, want %q", tc.loss, title, tc.en)
		}
		m = New(newTrainer(t, cfg), Options{Chunk: -1, Printer: i18n.New(i18n.Chinese)})
		m.SetSize(80, 24)
		if title := strings.Split(ansi.Strip(m.View()), "\n")[1]; !strings.Contains(title, tc.zh) {
			t.Errorf("%s in Chinese: title %q, want %q", tc.loss, title, tc.zh)
		}
	}
}
