package playground

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/internal/tuitest"
)

// v cycles the playground's conventions panel: five conventions with
// core/loss's values, then the margin under three measures, then the chart.
func TestConventionsPanel(t *testing.T) {
	m := newModel(t, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(t, next.(*Model), "v")
	v := m.View()
	for _, want := range []string{"article      0.1225", "hadsell      0.2450", "tfa          0.2450", "pml          0.7000", "torch_hinge  0.3500", "Y=0 similar"} {
		if !strings.Contains(v, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "v")
	v = m.View()
	for _, want := range []string{"m = 0.20 under three measures", "d(a,n) − d(a,p) = -0.20", "triplet loss 0.4000", "loss 0.4400", "= -0.24", "m·(2d(a,p) + m) = 0.32 puts the boundary at d(a,p) + m", "s(a,p) = 0.755", "s(a,n) = 0.875", "loss 0.3200", "more similar, by m"} {
		if !strings.Contains(v, want) {
			t.Errorf("page 2 lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "v")
	if v := m.View(); !strings.Contains(v, "chart 1/5") {
		t.Errorf("a third v does not bring the chart back:\n%s", v)
	}
	// Beyond 2 no two unit vectors reach: the cosine line says so.
	far := press(t, m, append(tuitest.Repeat("right", 50), "v", "v")...)
	if v := far.View(); !strings.Contains(v, "no two unit vectors are more than 2 apart") {
		t.Errorf("d(a,p) = 2.70:\n%s", v)
	}
}

// The margin panel's rows are aligned in cells: each text, and each of its
// continuation lines, starts in the same column after the labels, in
// English and in Chinese, wherever it wraps.
func TestMarginRowsAligned(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		t.Run(lang.Code(), func(t *testing.T) {
			p := i18n.New(lang)
			labels := []string{p.T(i18n.MarginLabelPlain), p.T(i18n.MarginLabelSquared), p.T(i18n.MarginLabelCosine)}
			for _, s := range []loss.Setting{
				{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different},
				{DAP: 0.7, DAN: 2.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different},
			} {
				for _, w := range []int{40, 76, 116} {
					col := -1
					for _, line := range marginLines(p, s, w) {
						if ansi.StringWidth(line) > w {
							t.Errorf("%v at %d: %q is wider", lang, w, line)
						}
						text := strings.TrimLeft(line, " ")
						for _, l := range labels {
							if strings.HasPrefix(line, l+" ") {
								text = strings.TrimLeft(strings.TrimPrefix(line, l), " ")
							}
						}
						at := ansi.StringWidth(line) - ansi.StringWidth(text)
						if at == 0 { // the cosine note spans the width
							continue
						}
						if col == -1 {
							col = at
						}
						if at != col {
							t.Errorf("%v at %d cells: %q starts its text at column %d, not %d", lang, w, line, at, col)
						}
					}
				}
			}
		})
	}
}

// The conventions' table is in columns in both languages: each row's label
// meaning, and its pair labels where they fit, start in the same cell, and
// no row is cut (issue 21: y=±1，1 为相似 overflowed its column).
func TestConventionColumnsAligned(t *testing.T) {
	s := loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		p := i18n.New(lang)
		for _, w := range []int{76, 116, 160} {
			lines := conventionLines(p, s, w)[1:]
			cs, _ := loss.Conventions(s)
			for _, col := range []func(loss.Convention) string{
				func(c loss.Convention) string { return p.T(conventionLabelIDs[c.ID]) },
				func(c loss.Convention) string {
					return p.T(i18n.ConvPairs, p.ConventionLabel(c.Labels[0]), p.ConventionLabel(c.Labels[1]))
				},
			} {
				start := -1
				for i, c := range cs {
					l := lines[i]
					if ansi.StringWidth(l) > w || strings.Contains(l, "…") {
						t.Errorf("%s at %d: %q is cut or wider", lang.Code(), w, l)
					}
					at := strings.Index(l, col(c))
					if at < 0 {
						start = -2 // the column is left out: on every row
						continue
					}
					if start == -2 {
						t.Errorf("%s at %d: %q has a column other rows leave out", lang.Code(), w, l)
					}
					if cell := ansi.StringWidth(l[:at]); start == -1 {
						start = cell
					} else if cell != start {
						t.Errorf("%s at %d: %q starts a column at cell %d, not %d", lang.Code(), w, l, cell, start)
					}
				}
			}
		}
	}
	if lines := conventionLines(i18n.New(i18n.Chinese), s, 160); !strings.Contains(strings.Join(lines, "\n"), "a-p 正样本对，a-n 负样本对") {
		t.Errorf("the pair labels are not in Chinese:\n%s", strings.Join(lines, "\n"))
	}
}

// A scenario without a description (a lesson's playground step) shows no
// empty "About this scenario:" line in the notes; one with a description
// shows it after the label (issue 19, claim 10).
func TestNotesOmitAnEmptyDescription(t *testing.T) {
	for _, c := range []struct {
		desc string
		want bool
	}{{"", false}, {"Two examples.", true}} {
		s := &scenarios.Scenario{Name: "l", Title: "L", Description: c.desc, Start: scenarios.Presets()[0].Start}
		m := newModel(t, Options{Scenario: s})
		got := strings.Contains(m.notesText(), "About this scenario:")
		if got != c.want || c.want && !strings.Contains(m.notesText(), "About this scenario: Two examples.") {
			t.Errorf("description %q: notes say %q", c.desc, m.notesText())
		}
	}
}
