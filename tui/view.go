package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
)

// Panel geometry, from the border the panels use: one border cell and one
// cell of padding on each side; the title sits in the top border.
var (
	border      = lipgloss.RoundedBorder()
	panelFrameW = ansi.StringWidth(border.Left) + ansi.StringWidth(border.Right) + 2
	panelFrameH = 2
)

// Fixed panel heights (frame included) and the controls' width.
const (
	topPanelH         = 5 + 2 // five controls / five triplet lines
	contrastivePanelH = 4 + 2
	controlsW         = 28
)

// View lays the screen out to the exact window size.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return "" // no size yet: Bubble Tea sends one before the first real frame
	}
	if m.width < MinWidth || m.height < MinHeight {
		return fmt.Sprintf("terminal too small: need %d×%d (now %d×%d)", MinWidth, MinHeight, m.width, m.height)
	}
	w, h := m.width, m.height
	noteH := 1
	if h >= 32 {
		noteH = 2
	}
	helpH := 1
	if m.plain {
		helpH = 0
	}
	chartH := h - 1 - topPanelH - contrastivePanelH - noteH - helpH

	top := sideBySide(
		m.textPanel("controls", m.controlsBody(controlsW-panelFrameW), controlsW, topPanelH),
		m.textPanel("triplet", m.tripletBody(), w-controlsW, topPanelH))
	parts := []string{
		m.header(w),
		top,
		m.textPanel("contrastive", m.contrastiveBody(), w, contrastivePanelH),
		m.chartPanel(w, chartH),
		padLines(m.note(w, noteH), w, noteH),
	}
	if !m.plain {
		parts = append(parts, padLines(m.help.ShortHelpView(m.keys.ShortHelp()), w, 1))
	}
	return strings.Join(parts, "\n")
}

// panel frames body in a rounded border with title in the top edge; the
// result is exactly w×h cells. body must already be (w−panelFrameW) ×
// (h−panelFrameH) cells: text panels pass it through padLines, charts are
// drawn to size, which spares measuring every braille cell again.
func (m Model) panel(title, body string, w int) string {
	bs := m.styles.Border
	label := " " + title + " "
	fill := max(0, w-2-ansi.StringWidth(border.Top)-ansi.StringWidth(label))
	left, right := bs.Render(border.Left)+" ", " "+bs.Render(border.Right)
	var b strings.Builder
	b.WriteString(bs.Render(border.TopLeft+border.Top) + m.styles.Title.Render(label) + bs.Render(strings.Repeat(border.Top, fill)+border.TopRight))
	for _, line := range strings.Split(body, "\n") {
		b.WriteString("\n" + left + line + right)
	}
	b.WriteString("\n" + bs.Render(border.BottomLeft+strings.Repeat(border.Bottom, w-2)+border.BottomRight))
	return b.String()
}

// textPanel is a panel around free text, cut or padded to fit.
func (m Model) textPanel(title, body string, w, h int) string {
	return m.panel(title, padLines(body, w-panelFrameW, h-panelFrameH), w)
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
	left := m.styles.Title.Render("losslab") + " · "
	if m.scenario != nil {
		left += m.scenario.Name + ": " + m.scenario.Title
	} else {
		left += "the article's first example"
	}
	right := ""
	if m.scenario != nil && m.scenario.Len() > 1 {
		state := "⏸ paused"
		if m.playing {
			state = "▶ playing"
		}
		right = fmt.Sprintf("%s · step %d/%d · speed ×%g", state, m.step, m.scenario.Len()-1, speeds[m.speed])
		if m.owned {
			right += " · edited"
		}
	}
	room := w - ansi.StringWidth(right) - 1
	left = ansi.Truncate(left, max(room, 0), "…")
	return left + strings.Repeat(" ", max(1, w-ansi.StringWidth(left)-ansi.StringWidth(right))) + right
}

func (m Model) controlsBody(iw int) string {
	st := m.styles
	var lines []string
	for f := grid.Field(0); f < grid.NumFields; f++ {
		sel := "  "
		name := fmt.Sprintf("%-7s", f.Label())
		if f == m.selected {
			sel = st.Selected.Render("▸ ")
			name = st.Selected.Render(name)
		}
		var value string
		switch {
		case f == m.selected && m.editing:
			value = m.input.View()
		case f.IsLabel():
			value = m.state.Label(f).String()
		default:
			v := m.state.Value(f)
			value = v.String() + " " + gauge(v, f.Max(), iw-len("▸ ")-8-5)
		}
		lines = append(lines, sel+name+" "+value)
	}
	return strings.Join(lines, "\n")
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

func (m Model) tripletBody() string {
	st, ev := m.styles, m.eval
	t := ev.Triplet
	value := "  = " + t.String()
	state := "○ hinge inactive"
	if t.Active {
		state = "● hinge active"
	}
	regime := st.Regime[t.Regime].Render(t.Regime.String()) + " negative"
	meaning := t.Regime.Meaning()
	if !ev.Valid {
		value = st.Dim.Render(value + "  (invalid)")
		meaning = st.Error.Render("✗ " + ev.TripletProblem())
	}
	return strings.Join([]string{
		"L = " + loss.TripletFormula,
		value,
		state + " · " + regime,
		meaning,
		fmt.Sprintf("∂L/∂d(a,p) = %s   ∂L/∂d(a,n) = %s", signed(t.GradDAP), signed(t.GradDAN)),
	}, "\n")
}

func signed(x float64) string {
	if x > 0 {
		return "+" + loss.FormatValue(x)
	}
	return loss.FormatValue(x)
}

func (m Model) contrastiveBody() string {
	st, ev := m.styles, m.eval
	var lines []string
	for i, p := range ev.Pairs {
		active := "○ inactive"
		if p.Active {
			active = "● active"
		}
		style := st.Positive
		if i == 1 {
			style = st.Negative
		}
		lines = append(lines, fmt.Sprintf("%s  %-9s  %-13s  %-34s %s",
			style.Render(loss.PairNames[i]), p.Label, p.Branch, p.String(), active))
	}
	lines = append(lines,
		fmt.Sprintf("mean = (%.4f + %.4f) / 2 = %s", ev.Pairs[0].Loss, ev.Pairs[1].Loss, st.Bold.Render(fmt.Sprintf("%.4f", ev.Contrastive))),
		st.Dim.Render(fmt.Sprintf("variants: soft-margin %.4f · squared %.4f · hinge contrastive %.4f",
			ev.SoftMargin.Loss, ev.Squared.Loss, ev.HingeMean)))
	return strings.Join(lines, "\n")
}

func (m Model) chartPanel(w, h int) string {
	iw, ih := w-panelFrameW, h-panelFrameH
	if m.help.ShowAll {
		return m.textPanel("keys (? to close)", m.help.FullHelpView(m.keys.FullHelp()), w, h)
	}
	if m.conventions.showing() {
		return m.conventions.view(m, m.state.Setting(), w, h)
	}
	title := fmt.Sprintf("chart %d/%d: %s · c next", m.chart+1, numCharts, chartTitles[m.chart])
	return m.panel(title, m.renderChart(iw, ih), w)
}

// note is the line under the charts: a message, a typing error, the
// scenario's note, or a hint about the current state.
func (m Model) note(w, lines int) string {
	st := m.styles
	var text string
	switch {
	case m.inputErr != "":
		text = st.Error.Render("✗ "+m.inputErr) + st.Dim.Render(" · enter to retry, esc to cancel")
	case m.editing:
		text = st.Dim.Render(fmt.Sprintf("type a value for %s and press enter · esc cancels", m.selected.Label()))
	case m.status != "":
		text = st.Accent.Render(m.status)
	case m.scenario != nil && !m.owned && m.scenario.NoteAt(m.step) != "":
		text = "✎ " + m.scenario.NoteAt(m.step)
	default:
		text = "hint: " + Hint(m.eval)
	}
	return wrap(text, w, lines)
}

// wrap breaks text into at most lines lines of width w, cutting the last.
func wrap(text string, w, lines int) string {
	out := strings.Split(ansi.Wordwrap(text, w, " "), "\n")
	if len(out) > lines {
		out = out[:lines]
		out[lines-1] = ansi.Truncate(out[lines-1]+" …", w, "…")
	}
	return strings.Join(out, "\n")
}

// Hint says in one sentence what the current state teaches.
func Hint(ev loss.Evaluation) string {
	t, push := ev.Triplet, ev.Pairs[1]
	switch {
	case !ev.Valid:
		return ev.TripletProblem() + ": a miner would never form this triplet, yet contrastive still uses each pair's label."
	case ev.DAP == 0 && ev.DAN == 0 && ev.Margin == 0:
		return "collapse with no margin: every point in one place costs nothing. This is why the margin matters."
	case ev.DAP == 0 && ev.DAN == 0:
		return "collapse: every point in one place. The triplet loss is stuck at exactly m: that is the signature of collapse."
	case ev.Margin == 0 && t.Regime == loss.Easy:
		return "no margin: satisfied as soon as d(a,n) > d(a,p) by any amount; the collapsed state would cost nothing."
	case t.Regime == loss.Hard && !push.Active:
		return "the negative is closer than the positive: the triplet loss pushes it; contrastive ignores it (d(a,n) ≥ m)."
	case t.Regime == loss.SemiHard && !push.Active:
		return "the negative is inside the margin: the triplet loss pushes it out; contrastive does not see it."
	case push.Active:
		return "the negative is within the contrastive margin too: both losses push it away."
	default:
		return "easy triplet: no triplet loss, no gradient. Contrastive still pulls the positive in (½d²)."
	}
}
