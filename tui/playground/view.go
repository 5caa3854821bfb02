package playground

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui/common"
)

// controlsW is the controls panel's width; roomyHeight is the height from
// which the panels show the long forms of their lines (one per variant).
const (
	controlsW   = 28
	roomyHeight = 32
)

// printer is the playground's message printer.
func (m Model) printer() i18n.Printer { return m.ctx.Printer }

// layout is the height of each part of the screen, from the window size.
type layout struct {
	roomy                         bool
	topH, contrastiveH, chartH    int // panel heights, frames included
	noteH, helpH                  int
	tripletLines, contrastiveText []string
}

func (m Model) layout() layout {
	l := layout{roomy: m.height >= roomyHeight, noteH: 1, helpH: 1}
	if l.roomy {
		l.noteH = 2
	}
	if m.plain {
		l.helpH = 0
		l.noteH = max(l.noteH, len(common.WrapWords(m.noteLine(), m.width)))
	}
	l.tripletLines = m.unlessHidden(PanelTriplet, m.tripletBody(m.width-controlsW-common.PanelFrameW, l.roomy))
	l.contrastiveText = m.unlessHidden(PanelContrastive, m.contrastiveBody(m.width-common.PanelFrameW, l.roomy))
	l.topH = max(int(grid.NumFields), len(l.tripletLines)) + common.PanelFrameH
	l.contrastiveH = len(l.contrastiveText) + common.PanelFrameH
	l.chartH = m.height - 1 - l.topH - l.contrastiveH - l.noteH - l.helpH
	return l
}

// View lays the screen out to the exact window size.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return "" // no size yet: Bubble Tea sends one before the first real frame
	}
	p := m.printer()
	if m.width < common.MinWidth || m.height < common.MinHeight {
		return p.T(i18n.TooSmall, common.MinWidth, common.MinHeight, m.width, m.height)
	}
	w, h := m.width, m.height
	if m.help.ShowAll {
		return helpScreen(p, m.keys, w, h, m.helpPage, m.styles)
	}
	l := m.layout()
	top := sideBySide(
		m.textPanel(p.T(i18n.PanelControls), m.controlsBody(controlsW-common.PanelFrameW), controlsW, l.topH),
		m.textPanel(p.T(i18n.PanelTriplet), strings.Join(l.tripletLines, "\n"), w-controlsW, l.topH))
	var slot string
	if m.notes.open {
		slot = m.notesPanel(w, l.chartH)
	} else {
		slot = m.chartPanel(w, l.chartH)
	}
	parts := []string{
		m.header(w),
		top,
		m.textPanel(p.T(i18n.PanelContrastive), strings.Join(l.contrastiveText, "\n"), w, l.contrastiveH),
		slot,
		common.PadLines(m.note(w, l.noteH), w, l.noteH),
	}
	if !m.plain {
		parts = append(parts, common.PadLines(m.help.ShortHelpView(m.ShortHelp()), w, 1))
	}
	return strings.Join(parts, "\n")
}

// panel frames body (see common.Styles.Panel).
func (m Model) panel(title, body string, w int) string { return m.styles.Panel(title, body, w) }

// textPanel is a panel around text already fitted to its width, padded to
// its height.
func (m Model) textPanel(title, body string, w, h int) string {
	return m.styles.TextPanel(title, body, w, h)
}

// sideBySide joins two blocks of equal height line by line.
func sideBySide(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range al {
		al[i] += bl[i]
	}
	return strings.Join(al, "\n")
}

func (m Model) header(w int) string {
	p := m.printer()
	brand := m.styles.Title.Render("losslab") + " · "
	var names []string // what the left side may say, longest first
	if m.scenario != nil {
		name := termsafe.String(m.scenario.Name)
		title := termsafe.String(m.scenario.Title)
		names = []string{p.T(i18n.ScenReplayTitle, name, title), title, name} // the title says more than the slug
		if title == "" {
			names = []string{name}
		}
	} else {
		names = []string{p.T(i18n.HeaderArticle)}
	}
	var rights []string
	switch {
	case m.scenario != nil && m.scenario.Len() > 1:
		state := p.T(i18n.HeaderPaused)
		if m.playing {
			state = p.T(i18n.HeaderPlaying)
		}
		format := i18n.HeaderReplay
		if m.owned {
			format = i18n.HeaderReplayEdit
		}
		rights = []string{p.T(format, state, m.step, m.scenario.Len()-1, strconv.FormatFloat(speeds[m.speed], 'g', -1, 64))}
	case m.scenario == nil:
		rights = []string{p.T(i18n.HeaderStartLesson), p.T(i18n.HeaderStartShort)}
	default:
		rights = []string{""}
	}
	room := w - ansi.StringWidth(brand)
	for _, right := range rights {
		for _, left := range names {
			if gap := room - ansi.StringWidth(left) - ansi.StringWidth(right); gap >= 1 {
				return brand + left + strings.Repeat(" ", gap) + right
			}
		}
	}
	right := rights[len(rights)-1]
	return brand + strings.Repeat(" ", max(1, room-ansi.StringWidth(right))) + right
}

func (m Model) controlsBody(iw int) string {
	st := m.styles
	var lines []string
	for f := grid.Field(0); f < grid.NumFields; f++ {
		sel := "  "
		name := common.PadRight(common.FieldLabel(m.printer(), f), 7)
		if f == m.selected {
			sel = st.Selected.Render("▸ ")
			name = st.Selected.Render(name)
		}
		var value string
		switch {
		case f == m.selected && m.editing:
			value = m.input.View()
		case f.IsLabel():
			value = m.labelText(m.state.Label(f))
		default:
			v := m.state.Value(f)
			value = numfmt.Input(v.Float()) + " " + gauge(v, f.Max(), iw-ansi.StringWidth("▸ ")-8-5)
		}
		if m.ctx.Share.Hide.Fixed(f) {
			value = m.fixedValue(f, value)
		}
		lines = append(lines, sel+name+" "+value)
	}
	return strings.Join(lines, "\n")
}

// labelText is a label as the playground writes it.
func (m Model) labelText(y loss.Label) string {
	if y == loss.Same {
		return m.printer().T(i18n.ExplainLabelSame)
	}
	return m.printer().T(i18n.ExplainLabelDiff)
}

// gauge is a bar of width cells filled in proportion to v/max; its glyphs
// read without colour.
func gauge(v, max grid.Hundredths, width int) string {
	if width <= 0 {
		return ""
	}
	filled := int(float64(width)*float64(v)/float64(max) + 0.5)
	return strings.Repeat("━", filled) + strings.Repeat("─", width-filled)
}

func (m Model) chartPanel(w, h int) string {
	iw, ih := w-common.PanelFrameW, h-common.PanelFrameH
	if m.conventions.showing() {
		return m.conventions.view(m, m.state.Setting(), w, h)
	}
	p := m.printer()
	if m.sharing.shown {
		return m.sharePanel(w, h)
	}
	name := p.T(charts[m.chart].title)
	title := p.T(i18n.ChartPanelTitle, m.chart+1, len(charts), name)
	if m.ctx.Share.Hide[PanelChart] {
		return m.textPanel(common.FitFirst(w-6, title, name), m.unlessHidden(PanelChart, nil)[0], w, h)
	}
	return m.panel(common.FitFirst(w-6, title, name), m.renderChart(iw, ih), w)
}

// note is the text under the charts: a message, a typing error, the
// scenario's note, or a hint about the current state. A scenario note that
// does not fit shows its first words and the key that shows all of it.
func (m Model) note(w, lines int) string {
	st, p := m.styles, m.printer()
	switch {
	case m.inputErr != nil:
		text := p.T(i18n.NoteTypeError, m.inputErr.long)
		if len(common.WrapWords(text, w)) > lines {
			text = p.T(i18n.NoteTypeError, m.inputErr.short)
		}
		return common.FitLines(text, w, lines, st.Error)
	case m.editing:
		return common.FitLines(p.T(i18n.NoteTyping, common.FieldLabel(p, m.selected)), w, lines, st.Dim)
	case m.status != "":
		return common.FitLines(m.status, w, lines, st.Accent)
	case m.ctx.Share.Hide[PanelNotes]:
		return common.FitLines(m.unlessHidden(PanelNotes, nil)[0], w, lines, st.Dim)
	}
	text := m.noteLine()
	if m.plain { // no key can show more: the layout gave the note its lines
		return strings.Join(common.WrapWords(text, w), "\n")
	}
	more := " … " + p.T(i18n.NotesMore)
	if m.notes.open { // the panel is showing it all
		more = " …"
	}
	return common.ClipWords(text, w, lines, more)
}

// noteLine is the text under the charts when nothing more urgent is there:
// the scenario's note, or the hint about the current state.
func (m Model) noteLine() string {
	p := m.printer()
	if m.hasNote() && !m.notes.open {
		return "✎ " + m.noteText()
	}
	return p.T(i18n.HintPrefix, explain.HintText(p, m.eval, explain.Explain(m.eval).Hint))
}
