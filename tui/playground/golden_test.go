package playground

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/tui/internal/tuitest"
)

// finalView runs the model in a teatest program of size w×h, sends msgs,
// quits and returns the final model.
func finalView(t *testing.T, m *Model, w, h int, msgs ...tea.Msg) *Model {
	t.Helper()
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	for _, msg := range msgs {
		tm.Send(msg)
	}
	tm.Send(tuitest.Key("q"))
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
}

// Goldens of the whole screen for every chart at the minimum and a large size,
// after a few changes so that the history chart has a history.
func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for chart := range len(charts) {
			t.Run(fmt.Sprintf("%dx%d/chart%d", size[0], size[1], chart+1), func(t *testing.T) {
				msgs := []tea.Msg{tuitest.Key("right"), tuitest.Key("down"), tuitest.Key("right"), tuitest.Key("right"), tuitest.Key("up")}
				for range chart {
					msgs = append(msgs, tuitest.Key("c"))
				}
				fm := finalView(t, standalone(Options{Now: tuitest.FixedNow}), size[0], size[1], msgs...)
				golden.RequireEqual(t, []byte(fm.View()))
			})
		}
	}
}

func TestGoldenTooSmall(t *testing.T) {
	fm := finalView(t, standalone(Options{}), 60, 20)
	golden.RequireEqual(t, []byte(fm.View()))
}

func TestGoldenScenario(t *testing.T) {
	m := standalone(Options{Scenario: mustPreset(t, "collapse")})
	fm := finalView(t, m, 100, 30, tuitest.Key("."), tuitest.Key("."), tuitest.Key("."), tuitest.Key("."))
	golden.RequireEqual(t, []byte(fm.View()))
}

// Resizing re-lays the screen out at once, down to too small and back.
func TestResizeFlow(t *testing.T) {
	fm := finalView(t, standalone(Options{}), 120, 40,
		tea.WindowSizeMsg{Width: 50, Height: 10}, tea.WindowSizeMsg{Width: 90, Height: 28})
	v := fm.View()
	if lines := strings.Split(v, "\n"); len(lines) != 28 || strings.Contains(v, "too small") {
		t.Errorf("after resizing to 90×28: %d lines\n%s", len(lines), v)
	}
}

// The help's pages at the minimum size, the erratum of blog-case-3b read
// through the notes panel, and a hard-negative tie.
func TestGoldenReading(t *testing.T) {
	cases := []struct {
		name string
		opts Options
		msgs []tea.Msg
	}{
		{"help-page1", Options{}, []tea.Msg{tuitest.Key("?")}},
		{"help-page2", Options{}, []tea.Msg{tuitest.Key("?"), tuitest.Key("right")}},
		{"help-page3", Options{}, []tea.Msg{tuitest.Key("?"), tuitest.Key("right"), tuitest.Key("right")}},
		{"erratum-note-line", Options{Scenario: mustPreset(t, "blog-case-3b")}, nil},
		{"erratum-notes", Options{Scenario: mustPreset(t, "blog-case-3b")}, []tea.Msg{tuitest.Key("n")}},
		// d(a,n) from 0.50 up to 0.70 = d(a,p): a tie.
		{"tie", Options{}, []tea.Msg{tuitest.Key("down"), tuitest.Key("right"), tuitest.Key("right"), tuitest.Key("right"), tuitest.Key("right")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.opts.Now == nil {
				c.opts.Now = tuitest.FixedNow
			}
			fm := finalView(t, standalone(c.opts), 80, 24, c.msgs...)
			golden.RequireEqual(t, []byte(fm.View()))
		})
	}
}
