package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// border is the panels' frame.
var border = lipgloss.RoundedBorder()

// Panel geometry: one border cell and one cell of padding on each side
// (TestPanelFrameIsTheBorder measures it on the border); the title sits in
// the top border.
const (
	PanelFrameW = 4
	PanelFrameH = 2
)

// Panel frames body in a rounded border with title in the top edge; the
// result is exactly w×h cells. body must already be (w−PanelFrameW) ×
// (h−PanelFrameH) cells: text panels pass it through PadLines (TextPanel),
// charts are drawn to size, which spares measuring every braille cell again.
func (st Styles) Panel(title, body string, w int) string {
	bs := st.Border
	label := " " + title + " "
	fill := max(0, w-2-ansi.StringWidth(border.Top)-ansi.StringWidth(label))
	left, right := bs.Render(border.Left)+" ", " "+bs.Render(border.Right)
	var b strings.Builder
	b.WriteString(bs.Render(border.TopLeft+border.Top) + st.Title.Render(label) + bs.Render(strings.Repeat(border.Top, fill)+border.TopRight))
	for _, line := range strings.Split(body, "\n") {
		b.WriteString("\n" + left + line + right)
	}
	b.WriteString("\n" + bs.Render(border.BottomLeft+strings.Repeat(border.Bottom, w-2)+border.BottomRight))
	return b.String()
}

// TextPanel is a panel around text already fitted to its width, padded to
// its height.
func (st Styles) TextPanel(title, body string, w, h int) string {
	return st.Panel(title, PadLines(body, w-PanelFrameW, h-PanelFrameH), w)
}
