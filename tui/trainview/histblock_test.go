package trainview

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/internal/tuitest"
)

// The held-out points' distances hang under the training histogram's
// axis, binned on that axis: it reaches the largest distance of either
// set, and each held-out distance v falls in column ⌊v/top·w⌋ (checked
// here from core/train's distances, not from the drawing code).
func TestHeldOutHistogramUnderTheAxis(t *testing.T) {
	for _, tc := range []struct {
		name    string
		classes int
		legend  string
	}{{"points", 0, "↑ training points · ↓ held-out points"}, {"classes", 3, "↑ training · ↓ held-out classes"}} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := train.NewConfig()
			cfg.Data, cfg.Model, cfg.Loss, cfg.Compare, cfg.HoldoutClasses = train.Digits, train.MLP, train.SemiHard, "", tc.classes
			m := newMode(t, cfg, 80, 24)
			m, _ = press(m, "n", "n", "n")
			r := m.tr.Runs()[0]
			pos, neg := r.Distances()
			hpos, hneg := r.HeldOutDistances()
			if len(hpos) == 0 || len(hneg) == 0 {
				t.Fatal("no held-out distances")
			}
			top := slices.Max([]float64{pos[len(pos)-1], neg[len(neg)-1], hpos[len(hpos)-1], hneg[len(hneg)-1]})
			lines := strings.Split(ansi.Strip(m.View()), "\n")
			const at, w = 41, 19 // the column right of the scatter; its distance half
			axis := -1
			for k, l := range lines {
				if c := []rune(l); len(c) >= at+w && string(c[at:at+w]) == "0"+strings.Repeat(" ", w-1-len(numfmt.Axis(top, 2)))+numfmt.Axis(top, 2) {
					axis = k
				}
			}
			if axis < 0 {
				t.Fatalf("no axis from 0 to %s:\n%s", numfmt.Axis(top, 2), m.View())
			}
			want := make([]bool, w)
			for _, v := range slices.Concat(hpos, hneg) {
				want[min(int(v/top*w), w-1)] = true
			}
			under := []rune(lines[axis+1])[at : at+w]
			for c := range w {
				if (under[c] != ' ') != want[c] {
					t.Errorf("column %d under the axis is %q; a held-out distance falls there: %v\n%s", c, under[c], want[c], m.View())
				}
			}
			if !strings.Contains(m.View(), tc.legend) || strings.Contains(m.View(), "no room") {
				t.Errorf("want the legend %q:\n%s", tc.legend, m.View())
			}
		})
	}
}

// Each pane draws the held-out histogram or, where the window has no room
// for it, says so on its held-out line; at 160×48 both panes draw it; the
// free model has none and says why; the screen fits, in both languages.
func TestHeldOutHistogramRoom(t *testing.T) {
	for _, tc := range []struct {
		name       string
		model      train.ModelID
		w, h       int
		shown      int // panes with the held-out legend, -1: either
		freeReason bool
		keys       []string
	}{
		{"two panes at 80x24", train.MLP, 80, 24, -1, false, []string{"n", "n"}},
		{"slow mode at 80x24", train.MLP, 80, 24, 0, false, []string{"w", "n"}},
		{"two panes at 160x48", train.MLP, 160, 48, 2, false, []string{"n", "n"}},
		{"free model", train.Free, 160, 48, 0, true, []string{"n", "n"}},
	} {
		for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
			t.Run(fmt.Sprintf("%s/%v", tc.name, lang), func(t *testing.T) {
				cfg := train.NewConfig()
				cfg.Data, cfg.Model, cfg.Loss, cfg.Compare = train.Moons, tc.model, train.SemiHard, train.Contrastive
				p := i18n.New(lang)
				m := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
				m.SetSize(tc.w, tc.h)
				m, _ = press(m, tc.keys...)
				v := strings.Join(paneTexts(m.View()), "\n")
				shown := strings.Count(v, tuitest.Squeeze(p.T(i18n.TrainLegendHeldOut)))
				if tc.shown >= 0 && shown != tc.shown {
					t.Errorf("%d panes with the held-out legend, want %d:\n%s", shown, tc.shown, m.View())
				}
				noRoom := strings.Count(v, tuitest.Squeeze(p.T(i18n.TrainPaneHeldOutNoRoom)))
				noCharts := strings.Count(v, tuitest.Squeeze(p.T(i18n.TrainPaneNoRoomCharts)))
				if tc.freeReason && shown+noRoom != 0 || !tc.freeReason && shown+noRoom+noCharts != 2 {
					t.Errorf("%d panes draw the held-out histogram, %d say it has no room, %d that no chart has:\n%s", shown, noRoom, noCharts, m.View())
				}
				if noCharts == 2 && strings.Contains(v, tuitest.Squeeze(p.T(i18n.TrainLegend))) {
					t.Errorf("charts drawn where the panes say they have no room:\n%s", m.View())
				}
				if got := strings.Contains(v, tuitest.Squeeze(p.T(i18n.TrainPaneHeldOutFree))); got != tc.freeReason {
					t.Errorf("the free model's reason shown: %v, want %v:\n%s", got, tc.freeReason, m.View())
				}
				tuitest.CheckWidths(t, tc.name, m.View(), tc.w, tc.h, false)
			})
		}
	}
}

// splitRows gives the held-out histogram rows only when two rows each and
// a row of curve fit, and never more rows than there are.
func TestSplitRows(t *testing.T) {
	for free := range 30 {
		for _, held := range []bool{false, true} {
			r := splitRows(free, held)
			if r.held > 0 != (held && free >= 5) {
				t.Errorf("free %d held %v: %+v", free, held, r)
			}
			if r.held > 0 && (r.train < 2 || r.held < 2 || r.curve < 1 || r.train+r.held+r.curve > free) {
				t.Errorf("free %d: %+v", free, r)
			}
			if math.Abs(float64(r.train-r.held)) > 1 && r.held > 0 {
				t.Errorf("free %d: unequal halves %+v", free, r)
			}
		}
	}
}

// paneTexts are the texts of two side-by-side panes, each squeezed
// (tuitest.Squeeze), so that a phrase wrapped within its pane reads whole.
func paneTexts(view string) []string {
	var left, right strings.Builder
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		if a, b, ok := strings.Cut(l, "│"); ok {
			left.WriteString(a + " ")
			right.WriteString(b + " ")
		}
	}
	return []string{tuitest.Squeeze(left.String()), tuitest.Squeeze(right.String())}
}

// The legend names m only where the axis shows it: contrastive with margin
// 1 marks m and says "m margin"; with margin 0 m would sit under 0, is not
// drawn, and the legend does not name it.
func TestLegendNamesMOnlyWhereDrawn(t *testing.T) {
	for _, tc := range []struct {
		margin float64
		want   bool
	}{{1, true}, {0, false}} {
		cfg := train.NewConfig()
		cfg.Margin = tc.margin
		m := newMode(t, cfg, 80, 24)
		m, _ = press(m, "n")
		screen := ansi.Strip(m.View())
		if got := strings.Contains(screen, "m margin"); got != tc.want {
			t.Errorf("margin %v: legend names m %v, want %v:\n%s", tc.margin, got, tc.want, screen)
		}
		axisM := regexp.MustCompile(`(?m)^.*\b0 +m +\d`).MatchString(screen)
		if axisM != tc.want {
			t.Errorf("margin %v: m on the axis %v, want %v:\n%s", tc.margin, axisM, tc.want, screen)
		}
	}
}

// With no point held out the note under the panes says why there are no
// held-out figures in a sentence of its own (it was the pane's line, a
// lowercase fragment: "… (░). held out: — no point is held out").
func TestNoHeldOutSaidInASentence(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		cfg := train.NewConfig()
		cfg.Model, cfg.Holdout = train.MLP, 0
		p := i18n.New(lang)
		m := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
		m.SetSize(80, 24)
		v := tuitest.Squeeze(m.View())
		if !strings.Contains(v, tuitest.Squeeze(p.T(i18n.TrainNoteHeldOutNone))) || strings.Contains(v, tuitest.Squeeze(p.T(i18n.TrainHeldOutNone))) {
			t.Errorf("%v: want the sentence, not the pane's line, under the panes:\n%s", lang, m.View())
		}
	}
}
