package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
	"losslab/tui/common"
)

// ShellKeyMap is what the shell itself answers to: quitting while the
// terminal is too small for any mode, and esc back to the mode before when
// the mode on screen has no use for it (every other key is a mode's).
type ShellKeyMap struct {
	Quit, Back key.Binding
}

func newShellKeyMap(p i18n.Printer) ShellKeyMap {
	b := common.Binder(p)
	return ShellKeyMap{Quit: b("q", i18n.KeyQuit, "q", "ctrl+c"), Back: b("esc", i18n.KeyBack, "esc")}
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
