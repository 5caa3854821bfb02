package tui

// PlainSize is the size of the one-shot render used when stdout is not a
// terminal.
const (
	PlainWidth  = 100
	PlainHeight = 30
)

// Plain renders the starting state once, without the help bar, for output
// that is not a terminal. The caller chooses the colour profile.
func Plain(opts Options) string {
	m := New(opts)
	m.width, m.height, m.plain = PlainWidth, PlainHeight, true
	return m.View() + "\n"
}
