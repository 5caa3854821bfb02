package trainview

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/train"
)

// The flow: play at least 50 steps, pause, one step, reset: the
// screen is the first screen again.
func TestPlayPauseStepReset(t *testing.T) {
	cfg := train.NewConfig()
	first := newMode(t, cfg, 80, 24).View()
	tm := teatest.NewTestModel(t, New(newTrainer(t, cfg), Options{}), teatest.WithInitialTermSize(80, 24))
	waitFor := func(what string, cond func([]byte) bool) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), cond, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	tm.Send(keyMsg("+"))
	tm.Send(keyMsg(" "))
	beyond50 := regexp.MustCompile(`step ([5-9]\d|\d{3,})\b`)
	waitFor("step 50", func(b []byte) bool { return beyond50.Match(b) })
	tm.Send(keyMsg(" "))
	paused := regexp.MustCompile(`Paused at step (\d+)\.`)
	var at int
	waitFor("paused", func(b []byte) bool {
		if m := paused.FindSubmatch(b); m != nil {
			at, _ = strconv.Atoi(string(m[1]))
			return true
		}
		return false
	})
	if at < 50 {
		t.Fatalf("paused at step %d, want ≥ 50", at)
	}
	tm.Send(keyMsg("n"))
	want := fmt.Sprintf("Paused at step %d.", at+1)
	waitFor(want, func(b []byte) bool { return bytes.Contains(b, []byte(want)) })
	tm.Send(keyMsg("r"))
	waitFor("the start", func(b []byte) bool { return bytes.Contains(b, []byte("Press space to train.")) })
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.Trainer().StepCount() != 0 || final.View() != first {
		t.Fatalf("after reset: step %d, screen\n%s\nwant\n%s", final.Trainer().StepCount(), final.View(), first)
	}
}

// Goldens of the screen at 80×24 and 160×48, one run and two, after 40
// single steps; and the moment of a collapse.
func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, compare := range []train.LossID{"", train.Contrastive} {
			t.Run(fmt.Sprintf("%dx%d/compare=%s", size[0], size[1], compare), func(t *testing.T) {
				cfg := train.NewConfig()
				cfg.Loss, cfg.Compare = train.BatchHard, compare
				m := newMode(t, cfg, size[0], size[1])
				for range 40 {
					m, _ = press(m, "n")
				}
				golden.RequireEqual(t, []byte(m.View()))
			})
		}
	}
}

func TestGoldenCollapse(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Data, cfg.Model, cfg.Margin = train.Overlap, train.Linear, 0
	m := newMode(t, cfg, 80, 24)
	m, _ = press(m, "+", "+", "+", " ")
	for m.Playing() {
		next, _ := frameOf(m)
		m = next.(Model)
	}
	if !m.Metrics()[0].Collapsed {
		t.Fatalf("stopped playing without a collapse:\n%s", m.View())
	}
	golden.RequireEqual(t, []byte(m.View()))
}

// A divergence stops playing and names the step the CLI names, whether the
// mode steps one at a time or 50 a frame.
func TestDivergenceNamesTheStep(t *testing.T) {
	cfg := train.NewConfig()
	cfg.LR, cfg.Margin = train.MaxLR, train.MaxMargin
	const want = "diverged at step 80:" // as `losslab train --lr 100 --margin 100` says
	m := newMode(t, cfg, 80, 24)
	for range 120 {
		m, _ = press(m, "n")
	}
	if !strings.Contains(strings.Join(strings.Fields(m.View()), " "), want) {
		t.Errorf("stepping one at a time:\n%s\nwant %q", m.View(), want)
	}
	tm := teatest.NewTestModel(t, New(newTrainer(t, cfg), Options{}), teatest.WithInitialTermSize(80, 24))
	tm.Send(keyMsg("+"))
	tm.Send(keyMsg("+"))
	tm.Send(keyMsg("+"))
	tm.Send(keyMsg("+"))
	tm.Send(keyMsg("+"))
	tm.Send(keyMsg(" "))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("diverged at step")) },
		teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.Playing() || !strings.Contains(strings.Join(strings.Fields(final.View()), " "), want) {
		t.Errorf("playing 50 steps a frame: playing %v,\n%s\nwant %q", final.Playing(), final.View(), want)
	}
}

var _ tea.Model = Model{}
