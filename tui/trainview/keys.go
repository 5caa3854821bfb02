package trainview

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the training mode answers to; help.Model renders it.
type KeyMap struct {
	Play, Step, Faster, Slower, Reset, Reseed key.Binding
	Loss, Compare, Model, Data, Normalize     key.Binding
	MarginDown, MarginUp                      key.Binding
	CompareMarginDown, CompareMarginUp        key.Binding
	LRDown, LRUp                              key.Binding
	Help, Quit                                key.Binding
}

// DefaultKeyMap is the training mode's key map.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Play:              b([]string{" ", "p"}, "space", "play/pause"),
		Step:              b([]string{"n", "."}, "n", "one step"),
		Faster:            b([]string{"+", "="}, "+", "more steps/frame"),
		Slower:            b([]string{"-"}, "-", "fewer steps/frame"),
		Reset:             b([]string{"r"}, "r", "back to step 0"),
		Reseed:            b([]string{"s"}, "s", "new seed"),
		Loss:              b([]string{"l"}, "l", "next loss"),
		Compare:           b([]string{"c"}, "c", "compare: next/off"),
		Model:             b([]string{"m"}, "m", "next model"),
		Data:              b([]string{"d"}, "d", "next data set"),
		Normalize:         b([]string{"o"}, "o", "unit circle"),
		MarginDown:        b([]string{"left"}, "←", "margin −0.1"),
		MarginUp:          b([]string{"right"}, "→", "margin +0.1"),
		CompareMarginDown: b([]string{"shift+left", "<"}, "<", "right margin −"),
		CompareMarginUp:   b([]string{"shift+right", ">"}, ">", "right margin +"),
		LRDown:            b([]string{"down"}, "↓", "lr ÷2"),
		LRUp:              b([]string{"up"}, "↑", "lr ×2"),
		Help:              b([]string{"?"}, "?", "all keys"),
		Quit:              b([]string{"q", "ctrl+c"}, "q", "quit"),
	}
}

// ShortHelp is the always-visible line; it fits 80 columns.
func (k KeyMap) ShortHelp() []key.Binding {
	short := func(b key.Binding, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	return []key.Binding{short(k.Play, "play"), short(k.Step, "step"), short(k.Reset, "reset"), short(k.Loss, "loss"),
		short(k.Compare, "compare"), short(k.Help, "all keys"), short(k.Quit, "quit")}
}

// FullHelp is shown by '?'.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Play, k.Step, k.Faster, k.Slower, k.Reset, k.Reseed},
		{k.Loss, k.Compare, k.Model, k.Data, k.Normalize, k.Help},
		{k.MarginDown, k.MarginUp, k.CompareMarginDown, k.CompareMarginUp, k.LRDown, k.LRUp, k.Quit},
	}
}
