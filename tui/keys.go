package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the playground answers to; help.Model renders it.
type KeyMap struct {
	Up, Down                key.Binding
	Dec, Inc                key.Binding
	DecFine, IncFine        key.Binding
	Toggle                  key.Binding
	Edit, Cancel            key.Binding
	Chart, Undo, Reset      key.Binding
	Play, Next, Prev        key.Binding
	Faster, Slower          key.Binding
	PrevScenario, NextScene key.Binding
	Record                  key.Binding
	Notes                   key.Binding
	Help, Quit              key.Binding
}

// DefaultKeyMap is the playground's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "select up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "select down")),
		Dec:          key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "−0.05")),
		Inc:          key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "+0.05")),
		DecFine:      key.NewBinding(key.WithKeys("shift+left", "H"), key.WithHelp("⇧←/H", "−0.01")),
		IncFine:      key.NewBinding(key.WithKeys("shift+right", "L"), key.WithHelp("⇧→/L", "+0.01")),
		Toggle:       key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "toggle label / play")),
		Edit:         key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "type a value")),
		Cancel:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel typing")),
		Chart:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "chart")),
		Undo:         key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Reset:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reset")),
		Play:         key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "play/pause")),
		Next:         key.NewBinding(key.WithKeys("."), key.WithHelp(".", "next step")),
		Prev:         key.NewBinding(key.WithKeys(","), key.WithHelp(",", "previous step")),
		Faster:       key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "faster")),
		Slower:       key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "slower")),
		PrevScenario: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous preset")),
		NextScene:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next preset")),
		Record:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write session")),
		Notes:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "notes: read the whole note and description; again for the next page")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the always-visible help line; it fits 80 columns, so it
// names key pairs together.
func (k KeyMap) ShortHelp() []key.Binding {
	pair := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
	}
	return []key.Binding{pair("↑↓", "pick"), pair("←→", "±0.05"), pair("space", "toggle"), pair("e", "type"),

		pair("c", "chart"), pair("u", "undo"), pair("?", "help"), pair("q", "quit")}
}

// FullHelp is shown by '?'.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Dec, k.Inc, k.DecFine, k.IncFine},
		{k.Toggle, k.Edit, k.Cancel, k.Undo, k.Reset, k.Chart},
		{k.Play, k.Next, k.Prev, k.Faster, k.Slower},
		{k.PrevScenario, k.NextScene, k.Notes, k.Record, k.Help, k.Quit},
	}
}
