package trainview

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The header is one line at 80 columns whatever the state: a small rate,
// a fast play, slow mode, the unit circle, in both languages (it wrapped,
// pushing the panes down a row).
func TestHeaderIsOneLine(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		for _, keys := range [][]string{nil, {"down", "down", "down", "down", "m"}, {"down", "down", "down", "down", "m", " ", "+", "+", "+"},
			{"down", "down", "down", "down", "m", "w"}, {"o", "down", "down", "down", "down", "m", "m"}} {
			t.Run(fmt.Sprintf("%v/%v", lang, keys), func(t *testing.T) {
				cfg := train.NewConfig()
				cfg.Seed = 12345
				m := New(newTrainer(t, cfg), Options{Printer: i18n.New(lang)})
				m.SetSize(80, 24)
				m, _ = press(m, keys...)
				h := m.header()
				if strings.Contains(h, "\n") || lipgloss.Width(h) > 80 {
					t.Errorf("the header takes %d lines, %d cells: %q", strings.Count(h, "\n")+1, lipgloss.Width(h), ansi.Strip(h))
				}
				if first := strings.Split(ansi.Strip(m.View()), "\n")[0]; !strings.HasSuffix(strings.TrimSpace(first), ansi.Strip(m.stateWord())) {
					t.Errorf("the state is not whole at the header's end: %q", first)
				}
			})
		}
	}
}

// ? draws every key over the panes' lower rows, whole, and the panes keep
// the layout they have without it: the rows above the box are the same
// (the open help squeezed the panes and cut their lower lines).
func TestHelpOverlaysThePanes(t *testing.T) {
	for _, keys := range [][]string{nil, {"c", "w"}} {
		m := newMode(t, train.NewConfig(), 80, 24)
		m, _ = press(m, keys...)
		without := strings.Split(m.View(), "\n")
		m, _ = press(m, "?")
		with := strings.Split(m.View(), "\n")
		if len(with) != 24 || len(without) != 24 {
			t.Fatalf("%d and %d lines", len(with), len(without))
		}
		box := -1
		for i, l := range with {
			if strings.Contains(l, "keys · ? closes") {
				box = i
				break
			}
		}
		if box < 2 {
			t.Fatalf("%v: no key box:\n%s", keys, m.View())
		}
		for i := range box {
			if with[i] != without[i] {
				t.Errorf("%v: row %d changed under the open help:\n%q\n%q", keys, i, without[i], with[i])
			}
		}
		text := tuitest.Squeeze(m.View())
		for _, col := range m.keys.FullHelp() {
			for _, b := range col {
				if b.Enabled() && !strings.Contains(text, tuitest.Squeeze(b.Help().Key+b.Help().Desc)) {
					t.Errorf("%v: the box lacks %s %s", keys, b.Help().Key, b.Help().Desc)
				}
			}
		}
		tuitest.CheckWidths(t, "training help", m.View(), 80, 24, false)
		if m, _ = press(m, "?"); strings.Join(strings.Split(m.View(), "\n"), "\n") != strings.Join(without, "\n") {
			t.Errorf("%v: ? again did not give the screen back", keys)
		}
	}
}

// S shows the state string in a panel as tall as its text, over the bottom
// of the training screen, which stays in view (it filled the screen with
// empty rows).
func TestStatePanelFitsItsText(t *testing.T) {
	ctx := tuitest.Context()
	ctx.Share = common.ShareContext{Clipboard: &tuitest.LockedBuffer{}}
	var m tea.Model = Open(ctx, Config{})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(tuitest.Key("S"))
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if len(lines) != 24 || !strings.HasPrefix(lines[0], "losslab train") {
		t.Fatalf("the training screen is not above the panel:\n%s", m.View())
	}
	top := -1
	for i, l := range lines {
		if strings.Contains(l, "state string · any key closes") {
			top = i
		}
		if top >= 0 && i > top && strings.TrimSpace(strings.Trim(l, "│")) == "" {
			t.Errorf("an empty row in the panel: line %d\n%s", i+1, m.View())
		}
	}
	if top < 0 || !strings.HasPrefix(lines[23], "╰") {
		t.Errorf("the panel does not end the screen:\n%s", m.View())
	}
	tuitest.CheckWidths(t, "state panel", m.View(), 80, 24, false)
}

// Semi-hard on overlap with the mlp grows twentyfold by step 1,000 (issue
// 18's growth run): its means have two digits before the point, and the
// line at 80×24 keeps each name with its value.
func TestGrowthMeansKeepNamesWithValues(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Loss = train.Overlap, train.MLP, train.SemiHard
	m := newMode(t, cfg, 80, 24)
	m, _ = press(m, "g", "1", "0", "0", "0", "enter")
	screen := ansi.Strip(m.View())
	if !strings.Contains(screen, "is growing") {
		t.Fatalf("not growing at step 1,000:\n%s", screen)
	}
	if regexp.MustCompile(`(same|different) *\n`).MatchString(screen) {
		t.Errorf("a mean's name ends a line, its value on the next:\n%s", screen)
	}
}

// x fixes the distance axis where it was at step 0; a run that grows past
// it piles its distances into the last column, and the pane says how many
// are past the end (semi-hard on overlap with the mlp: twentyfold by step
// 1,000). A run that shrinks inside the axis says only that it is fixed.
func TestFixedAxisSaysWhatIsPastItsEnd(t *testing.T) {
	grow := train.NewConfig()
	grow.Data, grow.Model, grow.Loss = train.Overlap, train.MLP, train.SemiHard
	shrink := train.NewConfig()
	shrink.Data, shrink.Model, shrink.Margin = train.Overlap, train.Linear, 0
	for _, tc := range []struct {
		cfg  train.Config
		past bool
	}{{grow, true}, {shrink, false}} {
		m := newMode(t, tc.cfg, 80, 24)
		m, _ = press(m, "x", "g", "1", "0", "0", "0", "enter")
		screen := ansi.Strip(m.View())
		if !strings.Contains(screen, "axis fixed") {
			t.Fatalf("%s: no axis fixed:\n%s", tc.cfg.Loss, screen)
		}
		past := regexp.MustCompile(`axis fixed,\s*\n[^\n]*?(\d+\.\d)% of distances past its end`).FindStringSubmatch(screen)
		if (past != nil) != tc.past {
			t.Errorf("%s %s: says %q past the end, want %v:\n%s", tc.cfg.Loss, tc.cfg.Model, past, tc.past, ansi.Strip(m.View()))
		}
		if past != nil {
			r := m.tr.Runs()[0]
			pos, neg := r.Distances()
			n := 0
			for _, d := range append(slices.Clone(pos), neg...) {
				if d > m.axisTop[0] {
					n++
				}
			}
			if want := numfmt.Share(float64(n) / float64(len(pos)+len(neg))); want != past[1]+"%" {
				t.Errorf("says %s%% past the end, brute force %s", past[1], want)
			}
		}
	}
}

// Hosted (tab and S in the help) at 80×24, every key of the help is
// whole in both languages, with both margins' keys and with InfoNCE's:
// the third column lost "−0.1" and then "−" as the first grew.
func TestHostedHelpKeepsEveryKey(t *testing.T) {
	for _, ctx := range []*common.Context{tuitest.Context(), tuitest.ChineseContext()} {
		for _, loss := range []train.LossID{train.BatchHard, train.InfoNCE} {
			cfg := train.NewConfig()
			cfg.Data, cfg.Model, cfg.Loss, cfg.Compare = train.Moons, train.MLP, loss, train.SemiHard
			m := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: ctx.Printer, Hosted: true, Tab: ctx.TabKey(common.ModeTrain)})
			m.SetSize(80, 24)
			m, _ = press(m, "?")
			text := tuitest.Squeeze(m.View())
			for _, col := range m.keys.FullHelp() {
				for _, b := range col {
					if b.Enabled() && !strings.Contains(text, tuitest.Squeeze(b.Help().Key+b.Help().Desc)) {
						t.Errorf("%s: the box lacks %s %s:\n%s", loss, b.Help().Key, b.Help().Desc, m.View())
					}
				}
			}
			tuitest.CheckWidths(t, "hosted help", m.View(), 80, 24, false)
			// Beside the right pane's margin keys, ←/→ say they are the left's.
			if left := ctx.Printer.T(i18n.TrainKeyLeftMarginDown); (loss == train.BatchHard) != strings.Contains(text, tuitest.Squeeze(left)) {
				t.Errorf("%s beside semi-hard: %q shown %v:\n%s", loss, left, loss != train.BatchHard, m.View())
			}
		}
	}
}

// Two panes' rows line up: their figures, the histograms' axis, the
// legends' first line, the caption and curve. One pane's figures wrapped
// to more lines ("axis fixed, …% of distances past its end"), or its
// legends took more (a triplet loss's gap legend), and its rows sat one
// above the other's: step beside a blank line, AUC beside step.
func TestPanesRowsLineUp(t *testing.T) {
	mm := train.LossID(loss.MultiSimilarityID)
	for _, tc := range []struct {
		data          train.DataID
		model         train.ModelID
		loss, compare train.LossID
		w, h          int
		keys          []string
		step          string
	}{
		{train.Moons, train.MLP, train.BatchHard, train.SemiHard, 120, 40, []string{"x", "g", "3", "0", "0", "enter"}, "step 300 · loss"},
		{train.Overlap, train.Linear, train.Contrastive, train.SemiHard, 120, 40, []string{"x", "g", "3", "0", "0", "enter"}, "step 300 · loss"},
		{train.Overlap, train.Linear, train.Contrastive, train.SemiHard, 80, 24, nil, "step 0 · loss"},
		{train.Blobs, train.MLP, train.InfoNCE, train.BatchHard, 80, 24, nil, "step 0 · loss"},
		{train.Blobs, train.MLP, mm, train.BatchHard, 80, 24, nil, "step 0 · loss"},
	} {
		cfg := train.NewConfig()
		cfg.Data, cfg.Model, cfg.Loss, cfg.Compare = tc.data, tc.model, tc.loss, tc.compare
		m := newMode(t, cfg, tc.w, tc.h)
		m, _ = press(m, tc.keys...)
		rowOf := func(side int, text string) int {
			for k, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				if halves := strings.SplitN(l, "│", 2); len(halves) == 2 && strings.Contains(halves[side], text) {
					return k
				}
			}
			return -1
		}
		for _, text := range []string{tc.step, "█ same ░ different", "loss (top"} {
			if l, r := rowOf(0, text), rowOf(1, text); l < 0 || l != r {
				t.Errorf("%s beside %s on %s at %dx%d: %q on row %d left, %d right:\n%s", tc.loss, tc.compare, tc.data, tc.w, tc.h, text, l, r, m.View())
			}
		}
	}
}
