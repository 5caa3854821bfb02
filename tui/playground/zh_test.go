package playground

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"losslab/core/loss"
	"losslab/scenarios"
	"losslab/tui/internal/tuitest"
)

// newChinese is newModel in Chinese.
func newChinese(t testing.TB, opts Options) *Model {
	return New(tuitest.ChineseContext(), testOptions(t, opts))
}

// Goldens of the main screens in Chinese: every chart at both sizes, the
// help's pages, the erratum through the notes, a typing error and a preset
// in the middle of its replay.
func TestGoldenChinese(t *testing.T) {
	type screen struct {
		name string
		opts Options
		msgs []tea.Msg
	}
	var screens []screen
	for chart := range len(charts) {
		msgs := []tea.Msg{tuitest.Key("right"), tuitest.Key("down"), tuitest.Key("right"), tuitest.Key("right"), tuitest.Key("up")}
		for range chart {
			msgs = append(msgs, tuitest.Key("c"))
		}
		screens = append(screens, screen{fmt.Sprintf("chart%d", chart+1), Options{}, msgs})
	}
	screens = append(screens,
		screen{"help-page1", Options{}, []tea.Msg{tuitest.Key("?")}},
		screen{"help-page2", Options{}, []tea.Msg{tuitest.Key("?"), tuitest.Key("right")}},
		screen{"help-page3", Options{}, []tea.Msg{tuitest.Key("?"), tuitest.Key("right"), tuitest.Key("right")}},
		screen{"erratum-notes", Options{Scenario: scenarios.Preset("blog-case-3b")}, []tea.Msg{tuitest.Key("n")}},
		screen{"collapse-step4", Options{Scenario: scenarios.Preset("collapse")}, []tea.Msg{tuitest.Key("."), tuitest.Key("."), tuitest.Key("."), tuitest.Key(".")}},
	)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], s.name), func(t *testing.T) {
				fm := finalView(t, newChinese(t, s.opts), size[0], size[1], s.msgs...)
				v := fm.View()
				checkChineseScreen(t, s.name, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
		// Typing keeps q for the field, so this one is driven by Update.
		t.Run(fmt.Sprintf("%dx%d/typing-error", size[0], size[1]), func(t *testing.T) {
			v := press(t, sized(newChinese(t, Options{}), size[0], size[1]), "e", "x", "enter").View()
			if !strings.Contains(v, "不是数字") {
				t.Errorf("no typing error:\n%s", v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// Every preset at every step, every chart, every notes page and every help
// page in Chinese, at 80×24 and 120×40: each line exactly as wide as the
// terminal, and no English word but formulas and identifiers.
func TestEveryChineseScreen(t *testing.T) {
	open := func(o Options) *Model { return newChinese(t, o) }
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w, h := size[0], size[1]
			walkScreens(t, open, w, h, func(sc walkedScreen) { checkChineseScreen(t, sc.name, sc.m.View(), w, h) })
			// The status lines of the editor and the replay.
			for _, keys := range [][]string{{"up", "up", "up", "right"}, {"u", "u"}, {"p"}, {"e", "x", "enter"}} {
				m := press(t, sized(newChinese(t, Options{}), w, h), keys...)
				checkChineseScreen(t, fmt.Sprintf("%dx%d keys %v", w, h, keys), m.View(), w, h)
			}
			// Typing a label: same and different are what the field takes
			// (loss.ParseLabel's words), so they are the only English shown.
			for _, keys := range [][]string{{"down", "down", "down", "e"}, {"down", "down", "down", "e", "x", "enter"}} {
				v := press(t, sized(newChinese(t, Options{}), w, h), keys...).View()
				tuitest.CheckWidths(t, fmt.Sprintf("%dx%d keys %v", w, h, keys), v, w, h, true)
				if words := tuitest.EnglishWords(v, append([]string{"same", "different"}, loss.LabelSpellings(loss.Different)...)); len(words) > 0 {
					t.Errorf("%dx%d keys %v: English words on a Chinese screen: %q\n%s", w, h, keys, words, ansi.Strip(v))
				}
			}
		})
	}
}

// checkChineseScreen asserts the screen is exactly w×h cells (so every
// border lines up) and shows no English word beyond the allowed ones.
func checkChineseScreen(t *testing.T, what, v string, w, h int) {
	t.Helper()
	tuitest.CheckWidths(t, what, v, w, h, true)
	if words := tuitest.EnglishWords(v, nil); len(words) > 0 {
		t.Errorf("%s: English words on a Chinese screen: %q\n%s", what, words, ansi.Strip(v))
	}
}
