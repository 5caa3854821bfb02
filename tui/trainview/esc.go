package trainview

import "github.com/charmbracelet/bubbles/key"

// What the shell (or the course hosting a training step) asks of the
// training mode as of any mode.

// TakesEsc reports whether esc is the training mode's own: it closes the
// state string or the full help. Otherwise it is the shell's, back to the
// place before.
func (m AppMode) TakesEsc() bool { return m.share.shown || m.view.TakesEsc() }

// TakesEsc reports whether esc closes what a training mode shows (the
// full help, the step prompt, the picker); else a lesson hosting it takes
// esc back to the lesson.
func (m Model) TakesEsc() bool { return m.help.ShowAll || m.prompt.open || m.pick.open }

// ShortHelp is the keys of a training mode a lesson hosts, for the key bar.
func (m Model) ShortHelp() []key.Binding {
	if m.pick.open {
		return m.keys.PickerHelp()
	}
	return m.keys.ShortHelp()
}

// FullHelp is every key of a training mode a lesson hosts.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }
