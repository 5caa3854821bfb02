package trainview

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/internal/tuitest"
)

// The flow: slow mode on, one step, and the legend of the anchor appears
// with the step; playing then goes one step a tick.
func TestSlowModeFlow(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss = train.BatchHard
	tm := teatest.NewTestModel(t, New(newTrainer(t, cfg), Options{}), teatest.WithInitialTermSize(80, 24))
	waitFor := func(want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	tm.Send(keyMsg("w"))
	waitFor("Slow mode: A is an anchor")
	tm.Send(keyMsg("n"))
	waitFor("|∂ℓ/∂x| A ")
	tm.Send(keyMsg("a"))
	waitFor("A anchor 2/64")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if got := final.Trainer().StepCount(); got != 1 {
		t.Errorf("step %d after one step, want 1", got)
	}
	in, err := final.Trainer().Inspect(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("ℓ(A,P,N) %s", numfmt.Loss(in.Term))
	if !strings.Contains(final.View(), want) {
		t.Errorf("the legend does not say core's term %q:\n%s", want, final.View())
	}
}

// helpAnchor is the a key's line in the full help (the slow note names the
// key too, followed by a comma).
var helpAnchor = regexp.MustCompile(`a +next anchor {2,}`)

// Keys through Update: w toggles slow mode and a's help, a moves the
// anchor, play ticks once a second with one step, and w off is the
// ordinary screen again.
func TestSlowModeKeys(t *testing.T) {
	m := newMode(t, train.NewConfig(), 100, 30)
	plain := m.View()
	if m, _ := press(m, "?"); helpAnchor.MatchString(m.View()) {
		t.Error("a is listed outside slow mode")
	}
	m, _ = press(m, "w")
	if !m.slow || !strings.Contains(m.View(), "A anchor 1/64") || !strings.Contains(m.View(), "⏸ slow mode") {
		t.Fatalf("w did not turn slow mode on:\n%s", m.View())
	}
	m, _ = press(m, "?")
	if full := m.View(); !regexp.MustCompile(`w +slow mode: one anchor`).MatchString(full) || !helpAnchor.MatchString(full) {
		t.Errorf("the full help lacks w or a:\n%s", full)
	}
	m, _ = press(m, "?")
	if short := m.help.View(m.keys); !strings.Contains(short, "w slow") || !strings.Contains(short, "q quit") {
		t.Errorf("short help %q", short)
	}
	m, _ = press(m, "a", "a")
	if !strings.Contains(m.View(), "A anchor 3/64") {
		t.Errorf("two a did not reach anchor 3:\n%s", m.View())
	}
	m, cmd := press(m, " ")
	if !m.Playing() || cmd == nil || !strings.Contains(m.View(), "▶ 1 step/s") {
		t.Fatalf("space did not play slowly:\n%s", m.View())
	}
	if every, steps := m.frame(); every != SlowFrame || steps != 1 {
		t.Errorf("slow frame %v × %d steps", every, steps)
	}
	next, _ := frameOf(m)
	m = next.(Model)
	if got := m.Trainer().StepCount(); got != 1 {
		t.Errorf("one slow tick took %d steps", got)
	}
	m, _ = press(m, " ", "r", "w")
	if m.slow || m.View() != plain {
		t.Errorf("w off, at step 0, is not the first screen:\n%s\nwant\n%s", m.View(), plain)
	}
}

// Every objective shows its picks in both panes, at both sizes, under
// NO_COLOR: the letters and, for a term with a gradient, a braille stroke.
func TestSlowModeMarksEveryLoss(t *testing.T) {
	for _, id := range train.LossIDs() {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", id, size[0], size[1]), func(t *testing.T) {
				cfg := train.NewConfig()
				cfg.Loss, cfg.Compare, cfg.CompareMargin = id, train.SemiHard, 0.5 // semi-hard beside itself: another margin
				m := newMode(t, cfg, size[0], size[1])
				m, _ = press(m, "n", "n", "n", "w")
				v := m.View()
				for _, mark := range []string{"A", "P", "N"} {
					if c := strings.Count(v, mark+" ") + strings.Count(v, mark); c < 2 {
						t.Errorf("%s missing:\n%s", mark, v)
					}
				}
				if strings.Count(v, "|∂ℓ/∂x|") != 2 {
					t.Errorf("not one legend per pane:\n%s", v)
				}
				// The legend names the terms the objective's inspection shows.
				in, err := m.Trainer().Inspect(0, 0)
				if err != nil {
					t.Fatal(err)
				}
				term := map[train.TermShape]*regexp.Regexp{
					train.PairTerms:    regexp.MustCompile(`ℓ\(A,P\) \S+ \+ ℓ\(A,N\)`),
					train.TripletTerm:  regexp.MustCompile(`ℓ\(A,P,N\) `),
					train.PositiveTerm: regexp.MustCompile(`ℓ\(A,P\) \S+($|\s{2}|\s*│)`),
					train.AnchorTerm:   regexp.MustCompile(`ℓ\(A\) `),
				}[in.Shape]
				if !term.MatchString(strings.Split(v, "|∂ℓ/∂x|")[0]) {
					t.Errorf("%s shows %v terms; its pane's legend does not match %s:\n%s", id, in.Shape, term, v)
				}
				for _, line := range strings.Split(v, "\n") {
					if w := lipgloss.Width(line); w > size[0] {
						t.Errorf("line of %d cells: %q", w, line)
					}
				}
				if n := strings.Count(v, "\n") + 1; n != size[1] {
					t.Errorf("%d lines, want %d", n, size[1])
				}
			})
		}
	}
}

// In Chinese the legend and the note are Chinese and fit 80×24.
func TestSlowModeChinese(t *testing.T) {
	m := New(newTrainer(t, train.NewConfig()), Options{Printer: i18n.New(i18n.Chinese)})
	m.SetSize(80, 24)
	m, _ = press(m, "n", "w")
	v := m.View()
	for _, want := range []string{"A 锚点 1/64", "慢速模式："} {
		if !strings.Contains(v, want) {
			t.Errorf("%q missing:\n%s", want, v)
		}
	}
	for _, want := range []string{"w 慢速", "q 退出"} { // the shell's key bar
		if keys := tuitest.KeyLine(m.keys); !strings.Contains(keys, want) {
			t.Errorf("%q missing from the key bar: %s", want, keys)
		}
	}
	for _, line := range strings.Split(v, "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("line of %d cells: %q", w, line)
		}
	}
}

// Goldens of slow mode at 80×24 and 160×48, one run and two, after 40
// steps, on the third anchor.
// Slow mode in Chinese at 80×24 keeps each term with its value
// (ℓ(A,N) 0.4463) and says its names in Chinese.
func TestSlowScreenChinese(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Loss, cfg.Compare = train.BatchHard, train.Contrastive
	m := New(newTrainer(t, cfg), Options{Printer: i18n.New(i18n.Chinese)})
	m.SetSize(80, 24)
	m, _ = press(m, "n", "w", "a", "a") // a step: the panes' terms have values
	v := m.View()
	for _, b := range tuitest.BrokenFormulas(v) {
		t.Errorf("%s\n%s", b, v)
	}
	for _, want := range []string{"batch-hard 三元组损失", "对比损失", "短线", "ℓ(A,N)"} {
		if !strings.Contains(tuitest.Squeeze(v), tuitest.Squeeze(want)) {
			t.Errorf("the slow screen lacks %q:\n%s", want, v)
		}
	}
}

func TestGoldenSlowScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, compare := range []train.LossID{"", train.Contrastive} {
			t.Run(fmt.Sprintf("%dx%d/compare=%s", size[0], size[1], compare), func(t *testing.T) {
				cfg := train.NewConfig()
				cfg.Loss, cfg.Compare = train.BatchHard, compare
				m := newMode(t, cfg, size[0], size[1])
				for range 40 {
					m, _ = press(m, "n")
				}
				m, _ = press(m, "w", "a", "a")
				for _, b := range tuitest.BrokenFormulas(m.View()) {
					t.Error(b)
				}
				golden.RequireEqual(t, []byte(m.View()))
			})
		}
	}
}

// Slow mode's |Δx| and ∠ are core's Inspect, and the sentence under the
// panes says why Δx differs from −∂ℓ/∂x by the model: the free model's own
// gradient, or a shared map, where a point with no push of its own still
// moves (found here among semi-hard's easy anchors, which have no term).
func TestSlowModeMoved(t *testing.T) {
	for _, model := range []train.ModelID{train.Free, train.Linear, train.MLP} {
		t.Run(string(model), func(t *testing.T) {
			cfg := train.NewConfig()
			cfg.Model, cfg.Loss, cfg.Data = model, train.SemiHard, train.Blobs
			m := newMode(t, cfg, 160, 48)
			m, _ = press(m, "w", "n", "n", "n", "n", "n")
			why, other := i18n.TrainSlowWhyShared, i18n.TrainSlowWhyFree
			if model == train.Free {
				why, other = other, why
			}
			v := tuitest.Squeeze(m.View())
			if !strings.Contains(v, tuitest.Squeeze(m.p.T(why))) || strings.Contains(v, tuitest.Squeeze(m.p.T(other))) {
				t.Errorf("want %s's sentence:\n%s", model, m.View())
			}
			stillPushed := false
			for k := range 64 {
				in, err := m.Trainer().Inspect(0, k)
				if err != nil {
					t.Fatal(err)
				}
				for row := range 3 {
					if in.TermGradNorm(row) == 0 && in.MovedNorm(row) > 1e-9 {
						stillPushed = true
					}
				}
			}
			if model != train.Free && !stillPushed {
				t.Error("no point without a push of its own moved: the sentence's claim has no example here")
			}
			in, err := m.Trainer().Inspect(0, m.anchor)
			if err != nil {
				t.Fatal(err)
			}
			want := m.p.T(i18n.TrainSlowMoved, numfmt.Loss(in.MovedNorm(0)), numfmt.Loss(in.MovedNorm(1)), numfmt.Loss(in.MovedNorm(2)))
			if !strings.Contains(m.View(), want) {
				t.Errorf("want core's displacements %q:\n%s", want, m.View())
			}
			angle := "A —" // no push or no move: no angle
			if a := in.MovedAngle(0); !math.IsNaN(a) {
				angle = "A " + numfmt.Count(int64(math.Round(a))) + "°"
			}
			if !strings.Contains(m.View(), "∠(Δx, −∂ℓ/∂x) "+angle) {
				t.Errorf("want the anchor's angle %q:\n%s", angle, m.View())
			}
		})
	}
}

// The free model's sentence says a step ends back on the unit circle only
// where a run is on it: with --normalize, not without.
func TestSlowFreeSentenceNamesTheCircleOnlyOnIt(t *testing.T) {
	for _, normalize := range []bool{false, true} {
		cfg := train.NewConfig()
		cfg.Model, cfg.Loss, cfg.Normalize = train.Free, train.SemiHard, normalize
		m := newMode(t, cfg, 160, 48)
		m, _ = press(m, "w", "n")
		v := tuitest.Squeeze(m.View())
		circle := strings.Contains(v, tuitest.Squeeze(m.p.T(i18n.TrainSlowWhyFreeCircle)))
		plain := strings.Contains(v, tuitest.Squeeze(m.p.T(i18n.TrainSlowWhyFree)))
		if circle != normalize || plain == normalize {
			t.Errorf("normalize %v: the circle's sentence %v, the plain one %v:\n%s", normalize, circle, plain, m.View())
		}
	}
}
