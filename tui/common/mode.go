package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
)

// Mode is one screen of the app, which the shell hosts (soft-serve's
// common.Component): a Bubble Tea model that the shell lays out with
// SetSize and whose keys a help.Model renders (help.KeyMap: the keys that
// act now, and all of them).
//
// A mode is a value that Update copies: Update works on a copy and returns
// a pointer to it, so that a mode once handed out never changes under its
// holder (a test, a lesson), while SetSize, which lays the mode out in
// place, is reachable through the interface.
type Mode interface {
	tea.Model
	help.KeyMap
	SetSize(w, h int)
}

// ModeID names one mode of the app. The shell's registry (tui/modes.go)
// opens each one; a mode names another only to switch to it.
type ModeID int

// The app's modes.
const (
	ModePlayground ModeID = iota
	ModeBatch
	ModeTrain
	ModeLearn
)

// tabOrder is the order in which tab goes through the modes, after the last
// to the first; from a mode outside it (the course) tab goes to the first.
// It is the one place that says which mode tab leads to.
var tabOrder = []ModeID{ModePlayground, ModeBatch, ModeTrain}

// tabNames name the modes of tabOrder in the tab key's help.
var tabNames = map[ModeID]i18n.ID{
	ModePlayground: i18n.KeyToPlayground,
	ModeBatch:      i18n.KeyToBatch,
	ModeTrain:      i18n.KeyToTrain,
}

// NextMode is the mode tab leads to from mode id.
func NextMode(id ModeID) ModeID {
	for i, m := range tabOrder {
		if m == id {
			return tabOrder[(i+1)%len(tabOrder)]
		}
	}
	return tabOrder[0]
}

// TabKey is mode id's key to the next mode, its help naming that mode; off
// in a lesson, where esc is the way back.
func (c *Context) TabKey(id ModeID) key.Binding {
	b := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.Printer.T(tabNames[NextMode(id)])))
	b.SetEnabled(!c.InLesson)
	return b
}

// SwitchModeMsg asks the shell to show another mode (tetrigo's starter
// switches its screens the same way). The mode keeps its state while
// hidden and gets the current size again when shown.
type SwitchModeMsg struct{ To ModeID }

// SwitchMode asks the shell to show mode to.
func SwitchMode(to ModeID) tea.Cmd { return func() tea.Msg { return SwitchModeMsg{to} } }

// Tab asks the shell to show the mode tab leads to from mode from.
func Tab(from ModeID) tea.Cmd { return SwitchMode(NextMode(from)) }

// HiddenMsg tells a mode that another mode took the screen.
type HiddenMsg struct{}

// Binder makes the key bindings of a key map in p's language: bind(help,
// id, keys...) answers to keys, and its help shows help and the text of id.
func Binder(p i18n.Printer) func(help string, id i18n.ID, keys ...string) key.Binding {
	return func(help string, id i18n.ID, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, p.T(id)))
	}
}
