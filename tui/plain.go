package tui

import "strings"

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
	lines := strings.Split(m.View(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ") // padding only matters on a screen
	}
	return strings.Join(lines, "\n") + "\n"
}
