package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// FullHelpView is the full help of keys while h shows it, as lines to put
// under a mode's body ("\n" first), and how many rows they take; nothing
// otherwise: the shell's key bar shows the short help of every mode.
func FullHelpView(h help.Model, keys help.KeyMap) (string, int) {
	if !h.ShowAll {
		return "", 0
	}
	v := h.View(keys)
	return "\n" + v, lipgloss.Height(v)
}
