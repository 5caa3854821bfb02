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
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// controlsW is the controls panel's width; roomyHeight is the height from
// which the panels show the long forms of their lines (one per variant).
const (
	controlsW   = 28
	roomyHeight = 32
)

// controlPrefixW is the width of a control's line before its value: "▸ ",
// the label in 7 cells, a space.
const controlPrefixW = 10

// printer is the playground's message printer.
func (m Model) printer() i18n.Printer { return m.ctx.Printer }

// layout is the height of each part of the screen, from the window size.
type layout struct {
	roomy                         bool
	topH, contrastiveH, chartH    int // panel heights, frames included
	noteH                         int
	tripletLines, contrastiveText []string
}

func (m Model) layout() layout {
	l := layout{roomy: m.height >= roomyHeight, noteH: 1}
	if l.roomy {
		l.noteH = 2
	}
	if m.plain {
		l.noteH = max(l.noteH, len(textwrap.Wrap(m.noteLine(), m.width)))
	}
	l.tripletLines = m.unlessHidden(PanelTriplet, m.tripletBody(m.width-controlsW-common.PanelFrameW, l.roomy))
	l.contrastiveText = m.unlessHidden(PanelContrastive, m.contrastiveBody(m.width-common.PanelFrameW, l.roomy))
	l.topH = max(int(grid.NumFields), len(l.tripletLines)) + common.PanelFrameH
	l.contrastiveH = len(l.contrastiveText) + common.PanelFrameH
	l.chartH = m.height - 1 - l.topH - l.contrastiveH - l.noteH
	return l
}

// View lays the screen out to the exact window size.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return "" // no size yet: Bubble Tea sends one before the first real frame
	}
	p := m.printer()
	if m.width < common.MinWidth || m.height < common.MinModeHeight {
		return p.T(i18n.TooSmall, common.MinWidth, common.MinModeHeight, m.width, m.height)
	}
	w, h := m.width, m.height
	if m.help.ShowAll {
		return helpScreen(p, m.helpKeys(), w, h, m.helpPage, m.styles)
	}
	l := m.layout()
	controls := m.textPanel(p.T(i18n.PanelControls), m.controlsBody(controlsW-common.PanelFrameW), controlsW, l.topH)
	if m.inPoints() {
		controls = m.pointsPanel(l.topH)
	}
	top := sideBySide(controls, m.textPanel(p.T(i18n.PanelTriplet), strings.Join(l.tripletLines, "\n"), w-controlsW, l.topH))
	var slot string
	switch {
	case m.notes.open:
		slot = m.notesPanel(w, l.chartH)
	case m.inPoints():
		slot = m.pointsSlot(l, w, l.chartH)
	default:
		slot = m.chartPanel(w, l.chartH)
	}
	parts := []string{
		m.header(w),
		top,
		m.textPanel(p.T(i18n.PanelContrastive), strings.Join(l.contrastiveText, "\n"), w, l.contrastiveH),
		slot,
		common.PadLines(m.note(w, l.noteH), w, l.noteH),
	}
	return strings.Join(parts, "\n") // the shell's key bar lists the keys below

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

// header names what is shown, by one rule: a scenario's title (its name
// when it has none) or the article's example, marked edited when the values
// differ from the ones it gives at this step; on the right the replay's
// state or the way to the lessons. When they do not fit, the right side
// says less first, then the title ends in … at a word.
func (m Model) header(w int) string {
	p := m.printer()
	brand := m.styles.Title.Render("losslab") + " · "
	name := p.T(i18n.HeaderArticle)
	if m.scenario != nil {
		name = termsafe.String(m.scenario.Title)
		if name == "" {
			name = termsafe.String(m.scenario.Name)
		}
	}
	mark := ""
	if m.edited() {
		mark = p.T(i18n.HeaderEdited)
	}
	var rights []string // what the right side may say, longest first
	switch {
	case m.scenario != nil && m.scenario.Len() > 1:
		state, glyph := p.T(i18n.HeaderPaused), "⏸"
		if m.playing {
			state, glyph = p.T(i18n.HeaderPlaying), "▶"
		}
		speed := strconv.FormatFloat(speeds[m.speed], 'g', -1, 64)
		rights = []string{p.T(i18n.HeaderReplay, state, m.step, m.scenario.Len()-1, speed),
			p.T(i18n.HeaderReplayShort, glyph, m.step, m.scenario.Len()-1, speed)}
	case m.scenario == nil && m.keys.Learn.Enabled():
		rights = []string{p.T(i18n.HeaderStartLesson), p.T(i18n.HeaderStartShort)}
	case m.scenario == nil: // the course is closed here (a lesson, --hide)
		rights = []string{p.T(i18n.HeaderPresets), p.T(i18n.HeaderPresetsShort)}
	default:
		rights = []string{""}
	}
	room := w - ansi.StringWidth(brand)
	for _, right := range rights {
		if gap := room - ansi.StringWidth(name+mark) - ansi.StringWidth(right); gap >= 1 {
			return brand + name + mark + strings.Repeat(" ", gap) + right
		}
	}
	right := rights[len(rights)-1]
	left := textwrap.Clip(name, room-ansi.StringWidth(mark+right)-1, 1, "…") + mark
	return brand + left + strings.Repeat(" ", max(1, room-ansi.StringWidth(left+right))) + right
}

// edited reports whether the values shown differ from the ones the
// scenario gives at this step (the article's example: its values). Points
// mode shows the same values through points: turning it on edits nothing,
// moving a point edits what its distances change.
func (m Model) edited() bool {
	want := m.start
	if m.scenario != nil && m.has(m.step) {
		want = m.scenario.StateAt(m.step)
	}
	return m.state.WithoutPoints() != want.WithoutPoints()
}

func (m Model) controlsBody(iw int) string {
	st := m.styles
	var lines []string
	for f := grid.Field(0); f < grid.NumFields; f++ {
		sel := "  "
		name := textwrap.PadRight(common.FieldLabel(m.printer(), f), controlPrefixW-len(sel)-1)
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
			value = numfmt.Input(v.Float()) + " " + gauge(v, f.Max(), iw-controlPrefixW-5)
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
		if len(textwrap.Wrap(text, w)) > lines {
			text = p.T(i18n.NoteTypeError, m.inputErr.short)
		}
		return common.FitLines(text, w, lines, st.Error)
	case m.editing:
		return common.FitLines(p.T(i18n.NoteTyping, common.FieldLabel(p, m.selected)), w, lines, st.Dim)
	case m.status != "":
		return common.FitLines(m.status, w, lines, st.Accent)
	case m.notesHidden():
		return common.FitLines(p.T(i18n.ShareHidden), w, lines, st.Dim)
	}
	text := m.noteLine()
	if m.plain { // no key can show more: the layout gave the note its lines
		return strings.Join(textwrap.Wrap(text, w), "\n")
	}
	more := " … " + p.T(i18n.NotesMore)
	if m.notes.open { // the panel is showing it all
		more = " …"
	}
	return textwrap.Clip(text, w, lines, more)
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
