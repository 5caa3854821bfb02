package tui

import (
	"errors"
	"fmt"
	"io"
	"losslab/internal/atomicfile"
	"path/filepath"
	"strings"
	"time"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	gplot "gonum.org/v1/plot"

	"losslab/core/grid"
	"losslab/figure"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/scenarios"
	"losslab/statestr"
	"losslab/tui/trainview"
)

// ShareContext is what sharing may do in this program: copy to the
// terminal's clipboard, write files. Local runs may do both; a served
// session writes no file on the server.
type ShareContext struct {
	Clipboard io.Writer // where the OSC 52 sequence goes (the terminal); nil: no copying
	NoFiles   bool      // no file may be written (a session served over SSH)
	Hide      HideSet   // panels and controls the teacher removed
}

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
	m.chart = chartKind(r.Chart)
	return r.Values
}

// StateString is the state string of what the playground shows. named is
// false when the scenario is not a preset (a file, a lesson's state), which
// a string cannot carry: the string then holds the values and the chart only.
func (m Model) StateString() (s string, named bool) {
	p := statestr.Playground{Values: m.state, Chart: int(m.chart)}
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
	return func() tea.Msg {
		_, _ = io.WriteString(w, osc52.New(s).String()) // one write, between two frames
		return nil
	}
}

// sharePanel replaces the chart while the state string is shown. Every
// sentence in it holds for the state on screen: the panel closes on the
// next key and the replay is paused.
func (m Model) sharePanel(w, h int) string {
	p, st := m.ctx.Printer, m.styles
	iw := w - panelFrameW
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
		lines = append(lines, wrapWords(t, iw)...) // between Chinese characters too
	}
	return m.textPanel(p.T(i18n.ShareTitle), strings.Join(lines, "\n"), w, h)
}

// HideSet is the set of panels hidden and controls fixed by the teacher
// (serve --hide): panel names (Panels) and control keys (grid.Field.Key).
type HideSet map[string]bool

// fixed reports whether control f is fixed: it cannot be selected, so no
// key changes it (scenario steps and preset switches still set it).
func (h HideSet) fixed(f grid.Field) bool { return h[f.Key()] }

// nextFree is the first control after from in direction dir (±1) that is
// not fixed; from itself when every other one is (--hide keeps one free).
func (h HideSet) nextFree(from grid.Field, dir int) grid.Field {
	f := from
	for range grid.NumFields {
		f = (f + grid.Field(dir) + grid.NumFields) % grid.NumFields
		if !h.fixed(f) {
			return f
		}
	}
	return from
}

// Controls lists the control names --hide accepts, which fix a control.
func Controls() []string {
	out := make([]string, grid.NumFields)
	for f := range grid.NumFields {
		out[f] = f.Key()
	}
	return out
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

// figureWrittenMsg reports the outcome of writing a figure for mode.
type figureWrittenMsg struct {
	mode ModeID
	path string
	err  error
}

// saveFigure draws build's figure as an SVG in dir under name (or
// name-2 … name-100 when taken), never over a file, in a command so that
// Update does no I/O.
func saveFigure(mode ModeID, dir, name string, build func() (*gplot.Plot, error)) tea.Cmd {
	return func() tea.Msg {
		p, err := build()
		if err != nil {
			return figureWrittenMsg{mode: mode, err: err}
		}
		data, err := figure.Render(p, "svg")
		if err != nil {
			return figureWrittenMsg{mode: mode, err: err}
		}
		for i := 1; i <= 100; i++ {
			file := name + ".svg"
			if i > 1 {
				file = fmt.Sprintf("%s-%d.svg", name, i)
			}
			path := filepath.Join(dir, file)
			if err := atomicfile.WriteNew(path, data); !errors.Is(err, atomicfile.ErrExists) {
				return figureWrittenMsg{mode: mode, path: path, err: err}
			}
		}
		return figureWrittenMsg{mode: mode, err: atomicfile.ErrExists}
	}
}

// figureName is a figure's file name without extension: what it shows and when.
func figureName(what string, now time.Time) string {
	return "losslab-" + what + "-" + now.Format("20060102-150405")
}

// writeFigure draws the chart on screen as an SVG in the recordings'
// directory. A served session writes nothing and says how to get the
// figure instead.
func (m *Model) writeFigure() tea.Cmd {
	if m.ctx.Share.NoFiles {
		m.status = m.ctx.Printer.T(i18n.FigServed)
		return nil
	}
	s, kind := m.state.Setting(), m.chart
	st := figure.Style{Printer: m.ctx.Printer}
	history := make([]figure.HistoryPoint, len(m.history))
	for i, h := range m.history {
		history[i] = figure.HistoryPoint{Triplet: h.triplet, Contrastive: h.contrastive}
	}
	return saveFigure(ModePlayground, m.opts.Dir, figureName(statestr.Charts()[kind], m.opts.Now()), func() (*gplot.Plot, error) {
		switch kind {
		case chartTriplet:
			return figure.Triplet(s, st)
		case chartContrastive:
			return figure.Contrastive(s, st)
		case chartHeatmap:
			return figure.Heatmap(s, st)
		case chartGeometry:
			return figure.Geometry(s, st)
		}
		return figure.History(history, st)
	})
}

// figureStatus is the line that says where a figure went, or why it did not.
func figureStatus(p i18n.Printer, msg figureWrittenMsg) string {
	if msg.err != nil {
		return p.T(i18n.FigWriteFail, msg.err)
	}
	return p.T(i18n.FigWrote, msg.path)
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

// writeFigure draws the batch view's distributions as an SVG in the
// current directory, once a result is shown.
func (m *BatchModel) writeFigure() tea.Cmd {
	p := m.ctx.Printer
	switch {
	case m.ctx.Share.NoFiles:
		m.note = p.T(i18n.FigServed)
		return nil
	case m.res == nil || m.computing:
		m.note = p.T(i18n.ShareFigureWait)
		return nil
	}
	res, source := m.res, termsafe.String(m.data.Source)
	st := figure.Style{Printer: p}
	return saveFigure(ModeBatch, m.ctx.Dir, figureName("batch", m.ctx.Now()), func() (*gplot.Plot, error) {
		return figure.Batch(res, source, st)
	})
}

// trainSharing is the training mode's state-string screen.
type trainSharing struct {
	shown, copied bool
	width, height int
}

// trainStateString is the state string of the trainer on screen; named is
// false when its data came from a file, which a string cannot carry.
func (m trainMode) trainStateString() (s string, named bool) {
	tr := m.view.Trainer()
	s, err := statestr.EncodeTraining(statestr.Training{Config: tr.Config(), Step: tr.StepCount()})
	return s, err == nil
}

// openShare pauses training (so the string stays the state shown), shows
// the string and sends it to the clipboard where there is one.
func (m trainMode) openShare() (tea.Model, tea.Cmd) {
	next, _ := m.forward(trainview.PauseMsg{})
	m = next.(trainMode)
	m.share.shown, m.share.copied = true, false
	s, named := m.trainStateString()
	w := m.ctx.Share.Clipboard
	if w == nil || !named {
		return m, nil
	}
	m.share.copied = true
	return m, func() tea.Msg {
		_, _ = io.WriteString(w, osc52.New(s).String())
		return nil
	}
}

// shareView is the whole screen while the string is shown.
func (m trainMode) shareView() string {
	p, st := m.ctx.Printer, m.ctx.Styles
	w, h := max(m.share.width, MinWidth), max(m.share.height, MinHeight)
	iw := w - panelFrameW
	s, named := m.trainStateString()
	var lines []string
	if named {
		lines = strings.Split(ansi.Hardwrap(st.Bold.Render(s), iw, false), "\n")
		if m.share.copied {
			lines = append(lines, wrapWords(p.T(i18n.ShareCopied), iw)...)
		} else {
			lines = append(lines, wrapWords(p.T(i18n.ShareSelect), iw)...)
		}
		lines = append(lines, wrapWords(p.T(i18n.ShareTrainReopen), iw)...)
		lines = append(lines, wrapWords(p.T(i18n.ShareTrainCarried), iw)...)
	} else {
		lines = wrapWords(p.T(i18n.ShareTrainFile), iw)
	}
	return framePanel(st, p.T(i18n.ShareTitle), padLines(strings.Join(lines, "\n"), iw, h-panelFrameH), w)
}
