package trainview

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/i18n"
	"losslab/tui/internal/tuitest"
)

// The picker as a user meets it, at 80×24 and 160×48, in English and in
// Chinese: L opens the loss list (the run's loss marked ●), a digit takes
// batch-hard and the pane says so; C then esc closes the compare list and
// nothing changed; C, ↓ and enter compare with contrastive.
func TestPickerFlow(t *testing.T) {
	type texts struct{ list, taken, compared string }
	langs := map[i18n.Lang]texts{
		i18n.English: {"[loss]", "batch-hard, margin", "contrastive, margin"},
		i18n.Chinese: {"[损失]", "batch-hard 三元组损失，间隔", "对比损失，间隔"},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for lang, want := range langs {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], lang.Code()), func(t *testing.T) {
				p := i18n.New(lang)
				tm := teatest.NewTestModel(t, New(newTrainer(t, train.NewConfig()), Options{Printer: p}), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor := func(texts ...string) { // all in one frame
					t.Helper()
					teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
						for _, s := range texts {
							if !bytes.Contains(b, []byte(s)) {
								return false
							}
						}
						return true
					},
						teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
				}
				tm.Send(keyMsg("L"))
				waitFor(want.list, "● "+p.TrainLossName("contrastive"))
				tm.Send(keyMsg("3")) // batch-hard, the third loss
				waitFor(want.taken)
				tm.Send(keyMsg("C"))
				waitFor(p.T(i18n.TrainPickOff))
				tm.Send(keyMsg("esc"))
				tm.Send(keyMsg("C"))
				tm.Send(keyMsg("down")) // from off to contrastive
				tm.Send(keyMsg("enter"))
				waitFor(want.compared)
				tm.Send(keyMsg("q"))
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
				c := final.tr.Config()
				if c.Loss != train.BatchHard || c.Compare != train.Contrastive || final.pick.open {
					t.Errorf("loss %s, compare %q, picker open %v; want batch-hard, contrastive, closed", c.Loss, c.Compare, final.pick.open)
				}
			})
		}
	}
}

// esc closes the picker on every list without changing anything: the
// screen is the one before it opened, the run at its step (opened over
// the full help, it closed the help).
func TestPickerEscChangesNothing(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss = train.InfoNCE
	for _, open := range []string{"D", "M", "L", "C", "I", "? D"} {
		t.Run(open, func(t *testing.T) {
			m := newMode(t, cfg, 80, 24)
			m, _ = press(m, "n", "n")
			before := m.View()
			if keys := strings.Fields(open); len(keys) > 1 { // the full help open: the picker takes its place
				m, _ = press(m, keys[0])
				open = keys[1]
			}
			m, _ = press(m, open, "down", "down", "right", "down", "esc")
			if m.pick.open || m.View() != before || m.tr.StepCount() != 2 || m.tr.Config() != cfg {
				t.Errorf("after %s … esc: open %v, step %d, config %+v, screen\n%s\nwant\n%s", open, m.pick.open, m.tr.StepCount(), m.tr.Config(), m.View(), before)
			}
		})
	}
}

// Every row a list offers is the value the cycling key reaches, marked ●
// where it is in use; taking a row sets it as cycling does, restarting at
// step 0; taking the row in use keeps the run where it is.
func TestPickerTakesWhatCyclingReaches(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss = train.InfoNCE
	cases := []struct {
		open, cycle string
		get         func(train.Config) string
	}{
		{"D", "d", func(c train.Config) string { return string(c.Data) }},
		{"M", "m", func(c train.Config) string { return string(c.Model) }},
		{"L", "l", func(c train.Config) string { return string(c.Loss) }},
		{"C", "c", func(c train.Config) string { return string(c.Compare) }},
		{"I", "i", func(c train.Config) string { return string(c.Similarity) }},
	}
	for _, c := range cases {
		t.Run(c.open, func(t *testing.T) {
			base := newMode(t, cfg, 80, 24)
			cycled := map[string]bool{}
			m := base
			for range 12 {
				cycled[c.get(m.tr.Config())] = true
				m, _ = press(m, c.cycle)
			}
			m, _ = press(base, "n", c.open)
			rows := m.options(m.pick.list)
			if len(rows) != len(cycled) {
				t.Fatalf("%d rows, cycling reaches %d values", len(rows), len(cycled))
			}
			screen := ansi.Strip(m.View())
			for i, o := range rows {
				if !cycled[o.value] {
					t.Errorf("row %q: cycling never reaches it", o.value)
				}
				mark := "○ "
				if o.value == c.get(cfg) {
					mark = "● "
				}
				if !strings.Contains(screen, fmt.Sprintf("%d %s%s", (i+1)%10, mark, firstLine(o.label))) {
					t.Errorf("row %d %q is not on screen as %q:\n%s", i+1, o.value, mark, screen)
				}
				taken, _ := press(m, fmt.Sprint((i+1)%10))
				step := 0
				if o.value == c.get(cfg) {
					step = 1 // the setting in use: nothing restarts
				}
				if got := c.get(taken.tr.Config()); got != o.value || taken.tr.StepCount() != step || taken.pick.open {
					t.Errorf("digit %d: %q at step %d (open %v), want %q at step %d", (i+1)%10, got, taken.tr.StepCount(), taken.pick.open, o.value, step)
				}
			}
		})
	}
}

func firstLine(s string) string { return strings.Fields(s)[0] }

// The similarity applies to InfoNCE alone: without it, I and i do
// nothing, the lists skip it and the help does not offer it.
func TestSimilarityOnlyForInfoNCE(t *testing.T) {
	m := newMode(t, train.NewConfig(), 80, 24)
	before := m.View()
	m, _ = press(m, "i", "I")
	if m.pick.open || m.View() != before {
		t.Fatalf("i and I changed a contrastive run:\n%s", m.View())
	}
	m, _ = press(m, "D", "left")
	if m.pick.list != listNoise {
		t.Errorf("left of the data sets is list %d, want the label noise (the similarity skipped)", m.pick.list)
	}
	if strings.Contains(m.View(), "InfoNCE similarity") {
		t.Errorf("the similarity is listed for contrastive:\n%s", m.View())
	}
	m, _ = press(m, "esc", "?")
	if v := m.View(); strings.Contains(v, "DMLCNI") || !strings.Contains(v, "DMLCN") || strings.Contains(v, "cosine / −d") {
		t.Errorf("the help offers the similarity to contrastive:\n%s", v)
	}
	m, _ = press(m, "esc", "C", "7") // compare with InfoNCE
	if m.tr.Config().Compare != train.InfoNCE {
		t.Fatalf("compare is %q", m.tr.Config().Compare)
	}
	m, _ = press(m, "i")
	if got := m.tr.Config().Similarity; got != train.NegDistance {
		t.Errorf("i with InfoNCE compared: similarity %s, want neg-distance", got)
	}
}

// With whole classes held out, a data set with too few classes is shown
// with ✗ and why, and neither a digit nor enter takes it.
func TestPickerRefusesTooFewClasses(t *testing.T) {
	cfg := train.NewConfig()
	cfg.HoldoutClasses = 2 // blobs has 4: 2 held out, 2 train
	m := newMode(t, cfg, 80, 24)
	m, _ = press(m, "D")
	v := ansi.Strip(m.View())
	for _, want := range []string{"✗ moons: 2 classes", "✗ rings: 3 classes", "● blobs: 4 classes", "○ digits", "· too few classes to hold out 2"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q:\n%s", want, v)
		}
	}
	for _, o := range m.options(listData) {
		if want := o.value == "overlap" || o.value == "rings" || o.value == "moons" || o.value == "iris"; (o.why != "") != want {
			t.Errorf("%s: why %q", o.value, o.why)
		}
	}
	for _, keys := range [][]string{{"4"}, {"down", "down", "down", "enter"}} {
		got, _ := press(m, keys...)
		if got.tr.Config().Data != train.Blobs || !got.pick.open || got.err != nil {
			t.Errorf("%v took moons: data %s, open %v, err %v", keys, got.tr.Config().Data, got.pick.open, got.err)
		}
	}
}

// A served session has no file of the user's: the data list is the demos,
// and no row asks for a path. A file given with --in is its last row.
func TestPickerDataIsTheDemosAndTheFile(t *testing.T) {
	m := newMode(t, train.NewConfig(), 80, 24)
	m, _ = press(m, "D")
	if got := m.values(listData); strings.Join(got, ",") != "blobs,overlap,rings,moons,iris,digits" {
		t.Errorf("without a file the data sets are %v", got)
	}
	f, file := fileMode(t, 80, 24)
	f, _ = press(f, "D", "1")
	if f.tr.Config().Data != train.Blobs {
		t.Fatalf("1 took %s", f.tr.Config().Data)
	}
	f, _ = press(f, "D")
	if !strings.Contains(ansi.Strip(f.View()), "7 ○ file emb.csv: 2 classes") {
		t.Errorf("the file is not the last row:\n%s", f.View())
	}
	f, _ = press(f, "7")
	if f.tr.Config().Data != train.File || f.data != file {
		t.Errorf("7 took %s", f.tr.Config().Data)
	}
}

// The open picker fits the screen at the smallest size and a large one,
// in both languages, every list: each line within the width, the screen
// its height, every row whole (the last row's text ends inside the box).
func TestPickerFits(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss, cfg.Compare = train.InfoNCE, train.BatchHard
	for _, size := range [][2]int{{80, 22}, {80, 24}, {160, 48}} {
		for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
			for _, open := range []string{"D", "M", "L", "C", "I"} {
				t.Run(fmt.Sprintf("%dx%d/%s/%s", size[0], size[1], lang.Code(), open), func(t *testing.T) {
					m := New(newTrainer(t, cfg), Options{Printer: i18n.New(lang)})
					m.SetSize(size[0], size[1])
					m, _ = press(m, open)
					lines := strings.Split(m.View(), "\n")
					if len(lines) != size[1] {
						t.Errorf("%d lines, want %d", len(lines), size[1])
					}
					for i, l := range lines {
						if w := lipgloss.Width(l); w > size[0] {
							t.Errorf("line %d is %d cells wide: %q", i, w, l)
						}
					}
					last := m.options(m.pick.list)
					if tail := firstLine(last[len(last)-1].label); !strings.Contains(m.View(), tail) {
						t.Errorf("the last row %q is not shown:\n%s", tail, m.View())
					}
				})
			}
		}
	}
}

// The picker open at 80×24 as docs/train.md shows it, with NO_COLOR.
func TestGoldenPicker(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		t.Run(lang.Code(), func(t *testing.T) {
			cfg := train.NewConfig()
			cfg.Data, cfg.Model, cfg.Loss = train.Moons, train.MLP, train.SemiHard
			m := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: i18n.New(lang)})
			m.SetSize(80, 24)
			m, _ = press(m, "C", "down")
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// A loss without a margin is never compared with itself, as a user would
// try it: the compare list of an InfoNCE run has no "infonce, again" row,
// and choosing InfoNCE as the loss while comparing with InfoNCE stops
// comparing (the two runs would be one run, identical on screen).
func TestNoMarginLossIsNotComparedWithItself(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Compare = train.InfoNCE
	tm := teatest.NewTestModel(t, New(newTrainer(t, cfg), Options{}), teatest.WithInitialTermSize(80, 24))
	waitFor := func(cond func(string) bool) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return cond(string(b)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	has := func(s string) func(string) bool { return func(b string) bool { return strings.Contains(b, s) } }
	waitFor(has("infonce, τ"))
	tm.Send(keyMsg("L"))
	waitFor(has("[loss]"))
	tm.Send(keyMsg("6"))          // infonce, the sixth loss
	waitFor(func(b string) bool { // the title line redrawn: one InfoNCE pane, or a: and b: before the fix
		return strings.Contains(b, "infonce, τ 0.10") && !strings.Contains(b, "[loss]")
	})
	tm.Send(keyMsg("C"))
	waitFor(has("[compare with]"))
	tm.Send(keyMsg("esc"))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if c := final.tr.Config(); c.Loss != train.InfoNCE || c.Compare != "" {
		t.Errorf("loss %s, compare %q; want infonce, no compare", c.Loss, c.Compare)
	}
	m := newMode(t, final.tr.Config(), 80, 24)
	m, _ = press(m, "C")
	if screen := ansi.Strip(m.View()); strings.Contains(screen, "again") {
		t.Errorf("the compare list of an InfoNCE run offers InfoNCE again:\n%s", screen)
	}
	for range len(train.LossIDs()) + 1 {
		m, _ = press(m, "c")
		if c := m.tr.Config(); c.Compare == c.Loss {
			t.Fatalf("c compares InfoNCE with itself:\n%s", ansi.Strip(m.View()))
		}
	}
}

// d skips the data sets the picker marks ✗: with 2 classes held out, from
// blobs (4 classes) past overlap, rings, moons and iris (2 or 3) to
// digits, and back; with 3 held out only digits can, so d says why it
// stays.
func TestDataKeySkipsTooFewClasses(t *testing.T) {
	cfg := train.NewConfig()
	cfg.HoldoutClasses = 2
	m := newMode(t, cfg, 80, 24)
	for _, want := range []train.DataID{train.Digits, train.Blobs} {
		m, _ = press(m, "d")
		if got := m.tr.Config().Data; got != want || strings.Contains(m.View(), "✗") {
			t.Errorf("d took %s, want %s:\n%s", got, want, m.View())
		}
	}
	cfg.Data, cfg.Model, cfg.HoldoutClasses = train.Digits, train.MLP, 3
	m = newMode(t, cfg, 80, 24)
	m, _ = press(m, "d")
	want := m.p.T(i18n.TrainNoOtherData, "3", "2")
	if v := tuitest.Squeeze(ansi.Strip(m.View())); m.tr.Config().Data != train.Digits || !strings.Contains(v, tuitest.Squeeze(want)) {
		t.Errorf("d with 3 classes held out: data %s, want digits and %q:\n%s", m.tr.Config().Data, want, m.View())
	}
	// The refusal stops nothing: the run it leaves steps, and the next key
	// clears it (it froze n and space until r).
	m, _ = press(m, "n")
	if v := tuitest.Squeeze(ansi.Strip(m.View())); m.tr.StepCount() != 1 || strings.Contains(v, tuitest.Squeeze(want)) {
		t.Errorf("n after the refusal: step %d, want 1 and the refusal gone:\n%s", m.tr.StepCount(), m.View())
	}
}

// Comparing the run's loss with itself starts the second run at margin 0
// beside the first's (two panes at one margin were one run twice), and a
// margin key that would make the two margins one is refused in words, the
// runs going on.
func TestSameLossComparesTwoMargins(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss = train.BatchHard
	m := newMode(t, cfg, 120, 40)
	m, _ = press(m, "C", "4") // off, contrastive, batch-all, batch-hard again
	got := m.tr.Config()
	if got.Compare != train.BatchHard || got.Margin != 1 || got.CompareMargin != 0 {
		t.Fatalf("compare %s at margins %v and %v, want batch-hard at 1 and 0", got.Compare, got.Margin, got.CompareMargin)
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"a: batch-hard, margin 1.00", "b: batch-hard, margin 0.00"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q:\n%s", want, v)
		}
	}
	for range 10 {
		m, _ = press(m, "left")
	}
	want := tuitest.Squeeze(m.p.T(i18n.TrainErrCompareSameMargin, "batch-hard", "0.00"))
	if got := m.tr.Config(); got.Margin != 0.1 || !strings.Contains(tuitest.Squeeze(ansi.Strip(m.View())), want) {
		t.Errorf("← down to b's margin: margin %v, want 0.1 kept and %q:\n%s", got.Margin, want, m.View())
	}
	m, _ = press(m, "right")
	if got := m.tr.Config(); got.Margin != 0.2 || got.CompareMargin != 0 || strings.Contains(m.View(), "✗") {
		t.Errorf("then →: margins %v and %v, want 0.2 and 0, the refusal gone:\n%s", got.Margin, got.CompareMargin, m.View())
	}
}

// The margin keys move a margin the flags set anywhere in [0, 100] by 0.1
// (7 became 5), a key at the end of the range restarts nothing (at margin
// 0, ← threw the steps away), and on a loss that reads no margin ← says so.
func TestMarginKeysKeepTheRange(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss, cfg.Margin = train.BatchHard, 7
	m := newMode(t, cfg, 80, 24)
	if m, _ = press(m, "left"); m.tr.Config().Margin != 6.9 {
		t.Errorf("← from 7: margin %v, want 6.9", m.tr.Config().Margin)
	}
	cfg.Margin = 0
	m = newMode(t, cfg, 80, 24)
	m, _ = press(m, "n", "n", "left")
	if got := m.tr.StepCount(); got != 2 || m.tr.Config().Margin != 0 {
		t.Errorf("← at margin 0: step %d, margin %v; want step 2 kept at 0", got, m.tr.Config().Margin)
	}
	cfg.Loss = train.LossID(loss.MultiSimilarityID)
	m = newMode(t, cfg, 80, 24)
	m, _ = press(m, "left")
	want := tuitest.Squeeze(m.p.T(i18n.TrainNoMarginKeys, "multi-similarity", "←/→"))
	if !strings.Contains(tuitest.Squeeze(m.View()), want) {
		t.Errorf("← on multi-similarity says nothing:\n%s", m.View())
	}
}
