package course

import (
	tea "github.com/charmbracelet/bubbletea"

	"losslab/tui/common"
)

// What the shell asks of the course as of any mode: whether esc is its
// own, and whether the mouse is wanted (by a mode a step opened, points
// mode).

// TakesEsc reports whether esc is the course's own: back from a lesson to
// the list, or from the mode a step opened to the lesson. On the list esc
// is the shell's, back to the place the course was opened from.
func (m Model) TakesEsc() bool { return m.screen != screenList }

// WantsMouse reports whether the mode a step opened reads the mouse.
func (m Model) WantsMouse() bool {
	c, ok := m.child.(common.MouseUser)
	return m.screen == screenExploring && ok && c.WantsMouse()
}

// toChildMouse hands the hosted mode a mouse event in its own rows: below
// the banner when the mode keeps its first line.
func (m Model) toChildMouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	if m.screen != screenExploring || m.child == nil {
		return m, nil
	}
	if m.keepsHeader() {
		msg.Y--
	}
	return m.toChild(msg)
}
