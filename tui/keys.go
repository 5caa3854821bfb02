package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
	"losslab/tui/common"
)

// ShellKeyMap is what the shell itself answers to: only quitting, and only
// while the terminal is too small for any mode (every other key is a mode's).
type ShellKeyMap struct {
	Quit key.Binding
}

func newShellKeyMap(p i18n.Printer) ShellKeyMap {
	return ShellKeyMap{Quit: common.Binder(p)("q", i18n.KeyQuit, "q", "ctrl+c")}
}

// splitKeys turns keys typed faster than the terminal is read, which arrive
// as one message ("jj"), into one message per key; a paste stays whole.
// Every mode receives its keys through it (the shell calls it).
func splitKeys(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return []tea.KeyMsg{msg}
	}
	out := make([]tea.KeyMsg, len(msg.Runes))
	for i, r := range msg.Runes {
		out[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
	}
	return out
}
