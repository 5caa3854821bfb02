package playground

import (
	"losslab/internal/textwrap"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	gplot "gonum.org/v1/plot"

	"losslab/core/grid"
	"losslab/figure"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/statestr"
	"losslab/tui/common"
)

// sharing is the playground's state-string panel.
type sharing struct {
	shown  bool
	copied bool // the OSC 52 sequence was sent when the panel opened
}

// restore applies a decoded state string on top of the loaded player: its
// preset and step, its values and its chart. It returns the values to
// show; without a string they are the start.
func (m *Model) restore(r *statestr.Playground) grid.State {
	if r == nil {
		return m.start
	}
	if r.Scenario != "" {
		m.player.load(scenarios.Preset(r.Scenario).In(m.ctx.Printer.Lang()))
	}
	m.step = r.Step
	if m.scenario != nil {
		m.owned = r.Values != m.scenario.StateAt(r.Step)
	}
	m.chart, _ = chartIndex(r.Chart) // statestr decodes only the IDs of Charts(), which the table has (TestChartTable)
	return r.Values
}

// StateString is the state string of what the playground shows. named is
// false when the scenario is not a preset (a file, a lesson's state), which
// a string cannot carry: the string then holds the values and the chart only.
func (m Model) StateString() (s string, named bool) {
	p := statestr.Playground{Values: m.state, Chart: charts[m.chart].id}
	named = m.scenario == nil || m.scenario.Source == "preset"
	if m.scenario != nil && named {
		p.Scenario, p.Step = m.scenario.Name, m.step
	}
	s, err := statestr.Encode(p)
	if err != nil { // the grid and the presets keep every shown state encodable
		return "", named
	}
	return s, named
}

// openShare shows the panel and sends the string to the clipboard where
// the terminal can take it. The replay pauses, so the string shown stays
// the one sent.
func (m *Model) openShare() tea.Cmd {
	m.playing = false
	m.sharing = sharing{shown: true}
	w := m.ctx.Share.Clipboard
	s, _ := m.StateString()
	if w == nil || s == "" {
		return nil
	}
	m.sharing.copied = true
	return common.CopyToClipboard(w, s)
}

// sharePanel replaces the chart while the state string is shown. Every
// sentence in it holds for the state on screen: the panel closes on the
// next key and the replay is paused.
func (m Model) sharePanel(w, h int) string {
	p, st := m.ctx.Printer, m.styles
	iw := w - common.PanelFrameW
	s, named := m.StateString()
	lines := strings.Split(ansi.Hardwrap(st.Bold.Render(s), iw, false), "\n")
	var text []string
	if len(lines) > 1 {
		text = append(text, p.T(i18n.ShareWrapped, len(lines)))
	}
	if m.sharing.copied {
		text = append(text, p.T(i18n.ShareCopied))
	} else {
		text = append(text, p.T(i18n.ShareSelect))
	}
	text = append(text, p.T(i18n.ShareReopen))
	if !named {
		text = append(text, p.T(i18n.ShareFileScenario))
	}
	text = append(text, p.T(i18n.ShareNotCarried))
	for _, t := range text {
		lines = append(lines, textwrap.Wrap(t, iw)...) // between Chinese characters too
	}
	return m.textPanel(p.T(i18n.ShareTitle), strings.Join(lines, "\n"), w, h)
}

// fixedValue is a fixed control's value with the mark that says so: the
// value itself when there is room, the gauge's place taken by the mark.
func (m Model) fixedValue(f grid.Field, value string) string {
	mark := m.ctx.Printer.T(i18n.ShareFixed)
	if f.IsLabel() {
		return value + " " + mark
	}
	return numfmt.Input(m.state.Value(f).Float()) + " " + mark
}

// writeFigure draws the chart on screen as an SVG in the recordings'
// directory. A served session writes nothing and says how to get the
// figure instead.
func (m *Model) writeFigure() tea.Cmd {
	if m.ctx.Share.NoFiles {
		m.status = m.ctx.Printer.T(i18n.FigServed)
		return nil
	}
	c, in, st := charts[m.chart], m.figureInput(), figure.Style{Printer: m.ctx.Printer}
	return common.SaveFigure(m.id, m.opts.Dir, common.FigureName(c.id, m.opts.Now()), func() (*gplot.Plot, error) {
		return c.figure(in, st)
	})
}

// The panels a teacher can hide (serve --hide), so that students predict
// what they would show.
const (
	PanelTriplet     = "triplet"
	PanelContrastive = "contrastive"
	PanelChart       = "chart"
	PanelNotes       = "notes" // the hint and the scenario's notes, which quote values
)

// Panels lists the names --hide accepts.
func Panels() []string { return []string{PanelTriplet, PanelContrastive, PanelChart, PanelNotes} }

// unlessHidden is the panel's lines unless it is hidden, else one line
// saying so.
func (m Model) unlessHidden(panel string, lines []string) []string {
	if m.ctx.Share.Hide[panel] {
		return []string{m.ctx.Printer.T(i18n.ShareHidden)}
	}
	return lines
}
