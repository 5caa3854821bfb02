package playground

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// headerLine is the first line of the screen, without styling.
func headerLine(m *Model) string { return strings.Split(ansi.Strip(m.View()), "\n")[0] }

// The header says "edited" whenever the values shown are not the ones its
// source gives at this point: the article's example as presets, and not
// once the values are back.
func TestHeaderSaysEdited(t *testing.T) {
	for _, c := range []struct {
		name     string
		scenario *scenarios.Scenario
		shown    string
	}{
		{"article", nil, "the article's first example"},
		{"preset", mustPreset(t, "blog-case-2"), "A good network: the triplet is satisfied"},
		{"one state", &scenarios.Scenario{Name: "one", Title: "One state", Start: mustPreset(t, "collapse").Start}, "One state"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := sized(newModel(t, Options{Scenario: c.scenario}), 100, 30)
			if h := headerLine(m); !strings.Contains(h, c.shown) || strings.Contains(h, "edited") {
				t.Fatalf("at the start: %q", h)
			}
			m = press(t, m, "right")
			if h := headerLine(m); !strings.Contains(h, c.shown+" · edited") {
				t.Errorf("after → the header does not say edited: %q", h)
			}
			m = press(t, m, "left")
			if h := headerLine(m); strings.Contains(h, "edited") {
				t.Errorf("the values are back, yet: %q", h)
			}
			m = press(t, m, "right", "u")
			if h := headerLine(m); strings.Contains(h, "edited") {
				t.Errorf("undone, yet: %q", h)
			}
		})
	}
	// Points mode shows the article's values through points: not an edit
	// until a point moves a distance.
	m := press(t, sized(newModel(t, Options{}), 100, 30), "x")
	if h := headerLine(m); strings.Contains(h, "edited") {
		t.Errorf("points mode on, the values unchanged, yet: %q", h)
	}
	if h := headerLine(press(t, m, "right")); !strings.Contains(h, "edited") {
		t.Errorf("a point moved, yet: %q", h)
	}
	// A step of the replay shows the scenario's values again.
	m = press(t, newModel(t, Options{Scenario: mustPreset(t, "blog-case-1")}), "right", ".")
	if h := headerLine(m); strings.Contains(h, "edited") || !strings.Contains(h, "step 1/3") {
		t.Errorf("after a step: %q", h)
	}
	zh := sized(New(tuitest.ChineseContext(), testOptions(t, Options{})), 100, 30)
	if h := headerLine(press(t, zh, "right")); !strings.Contains(h, "原文的第一个例子 · 已修改") {
		t.Errorf("Chinese header: %q", h)
	}
}

// One rule names what is shown: a scenario's title, whole where it fits
// and else its first words and …, never its slug instead; the replay state
// says less before the title does. Checked for every preset, edited or
// not, from 80 columns up, in both languages.
func TestHeaderOneRuleForNames(t *testing.T) {
	for _, ctx := range []func() *common.Context{common.DefaultContext, tuitest.ChineseContext} {
		for _, s := range scenarios.Presets() {
			for _, w := range []int{80, 90, 100, 120} {
				for _, keys := range [][]string{nil, {"right"}} {
					m := sized(New(ctx(), testOptions(t, Options{Scenario: s})), w, 24)
					sc := m.scenario // in the context's language
					h := headerLine(press(t, m, keys...))
					if ansi.StringWidth(h) > w {
						t.Fatalf("%s at %d: %q is wider than the screen", s.Name, w, h)
					}
					name := strings.TrimPrefix(h, "losslab · ")
					if !strings.HasPrefix(name, sc.Title) {
						cut, _, ok := strings.Cut(name, "…")
						if !ok || cut == "" || !strings.HasPrefix(sc.Title, cut) {
							t.Errorf("%s at %d: %q names it by neither its title nor its first words", s.Name, w, h)
						}
					}
					if keys != nil && !strings.Contains(h, m.printer().T(i18n.HeaderEdited)) {
						t.Errorf("%s at %d: edited, yet %q", s.Name, w, h)
					}
				}
			}
		}
	}
}
