package tui

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/loss"
	"losslab/explain"
	"losslab/internal/numfmt"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
	"losslab/tui/playground"
)

// A hidden panel's values (serve --hide) are reachable through no key: no
// panel, overlay, page of the notes, the conventions or the help, points
// mode's legend, a step, the course, the state string, a figure. The table
// is every part a teacher can hide (and all of them) against every key of
// the playground and of points mode, and the sequences that open pages.
func TestHiddenValuesStayHidden(t *testing.T) {
	parts := [][]string{
		{playground.PanelTriplet}, {playground.PanelContrastive}, {playground.PanelChart}, {playground.PanelNotes},
		{playground.PanelTriplet, playground.PanelContrastive, playground.PanelChart, playground.PanelNotes},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, hidden := range parts {
			for _, keys := range hideKeySequences(t) {
				name := fmt.Sprintf("%dx%d/%s/%s", size[0], size[1], strings.Join(hidden, "+"), strings.Join(keys, " "))
				t.Run(name, func(t *testing.T) {
					hide := common.HideSet{}
					for _, h := range hidden {
						hide[h] = true
					}
					ctx := tuitest.Context()
					ctx.Share = common.ShareContext{NoFiles: true, Hide: hide}
					a := NewApp(ctx, Config{})
					a = send(t, a, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					for _, k := range keys {
						a = pressKey(t, a, k)
					}
					checkHidden(t, a, hide)
				})
			}
		}
	}
}

// hideKeySequences are the first key of every binding the playground's
// full help lists (points mode's too), the sequences that open the pages
// behind them, and the training mode's picker.
func hideKeySequences(t *testing.T) [][]string {
	t.Helper()
	var out [][]string
	for _, col := range playground.DefaultKeyMap().FullHelp() {
		for _, b := range col {
			out = append(out, []string{b.Keys()[0]})
		}
	}
	return append(out,
		[]string{"v", "v"}, []string{"n", "n"}, []string{"n", "n", "n"},
		[]string{"?", " "}, []string{"?", " ", " "}, []string{"?", " ", " ", " "},
		[]string{"x", "t"}, []string{"x", "o", "t"}, []string{"x", "3", "left", "t"}, []string{"x", "c"}, []string{"x", "c", "c", "c"},
		[]string{"x", "d"}, []string{"x", "v"}, []string{"x", "v", "v"}, []string{"x", "n"},
		[]string{"]", "."}, []string{"]", "n"}, []string{"c", "c", "c", "c"},
		[]string{"g", "enter"}, []string{"g", "enter", "right"}, []string{"g", "enter", "right", "right"},
		// the training mode's picker, every list, and a row taken
		[]string{"tab", "tab", "D"}, []string{"tab", "tab", "M", "tab"}, []string{"tab", "tab", "L", "down", "enter"},
		[]string{"tab", "tab", "C", "7", "I"}, []string{"tab", "tab", "C", "7", "I", "2"},
	)
}

// pressKey presses k and delivers the switch between modes it asks for.
func pressKey(t testing.TB, a App, k string) App {
	t.Helper()
	next, cmd := a.Update(tuitest.Key(k))
	a = next.(App)
	for _, msg := range tuitest.Drain(cmd) {
		if sw, ok := msg.(common.SwitchModeMsg); ok {
			next, _ = a.Update(sw)
			a = next.(App)
		}
	}
	return a
}

// checkHidden fails if the screen shows a value of a hidden part: the
// losses of the triplet panel (every triplet loss of the registry, the
// triplet under the other margin measures), of the contrastive panel
// (every pair loss, every pair's term, the contrastive loss under the
// other conventions), the hint, which speaks of both (notes, triplet,
// contrastive), a chart's drawing (chart).
func checkHidden(t *testing.T, a App, hide common.HideSet) {
	t.Helper()
	v := ansi.Strip(a.View())
	pg, ok := a.modes[common.ModePlayground].(*playground.Model)
	if !ok {
		t.Fatal("no playground")
	}
	ev := pg.Evaluation()
	secrets := map[string][]string{}
	add := func(part string, x float64) {
		if s := numfmt.Loss(x); x != 0 && s != "0.0000" {
			secrets[part] = append(secrets[part], s)
		}
	}
	for _, r := range ev.Results {
		part := playground.PanelContrastive
		if r.Loss.Kind == loss.OnTriplets {
			part = playground.PanelTriplet
		}
		add(part, r.Value)
		for _, term := range r.Terms {
			add(part, term.Loss)
		}
	}
	if cs, err := loss.Conventions(ev.Setting); err == nil {
		for _, c := range cs {
			add(playground.PanelContrastive, c.Loss)
		}
	}
	if ms, err := loss.MarginScales(ev.Setting); err == nil {
		add(playground.PanelTriplet, ms.CosineTriplet)
	}
	// The hint says what each loss does here ("the triplet loss pushes
	// it"): a hidden loss hides it, as hidden notes do.
	p := tuitest.Context().Printer
	hint := firstWords(explain.HintText(p, ev, explain.Explain(ev).Hint))
	if playground.ValuesHidden(hide) && strings.Contains(v, hint) {
		t.Errorf("a loss or the notes are hidden, but the hint is on screen:\n%s", v)
	}
	// A hidden value may equal one a visible panel shows for its own reason
	// (a pair's gradient m − d equals the triplet loss when d(a,p) = 0).
	shown := map[string]bool{}
	for part, values := range secrets {
		for _, s := range values {
			shown[s] = shown[s] || !hide[part]
		}
	}
	if !hide[playground.PanelContrastive] {
		for _, pr := range ev.Pairs {
			shown[numfmt.Loss(math.Abs(pr.Grad))] = true
		}
	}
	for part, values := range secrets {
		if !hide[part] {
			continue
		}
		for _, s := range values {
			if shown[s] {
				continue
			}
			if regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(s) + `($|[^0-9])`).MatchString(v) {
				t.Errorf("%s is hidden, but %q is on screen:\n%s", part, s, v)
			}
		}
	}
	if hide[playground.PanelTriplet] || hide[playground.PanelContrastive] || hide[playground.PanelNotes] {
		if a.Current() == common.ModeLearn { // lessons quote the losses and explain them
			t.Errorf("the course opened though values are hidden:\n%s", v)
		}
	}
	// The training mode draws its own run in braille (its loss curve, its
	// scatter in colour), never the playground's chart.
	if hide[playground.PanelChart] && a.Current() != common.ModeTrain && !strings.Contains(v, "─ help ") { // the help's glyph legend shows a braille dot
		plane := strings.Contains(v, "plane ·")
		for _, r := range v {
			if r == '┤' || !plane && r >= 0x2801 && r <= 0x28ff {
				t.Errorf("the chart is hidden, but a chart is drawn:\n%s", v)
				break
			}
		}
	}
}

// firstWords is the start of a sentence, enough to know it on screen.
func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(len(f), 6)], " ")
}
