package tui

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"losslab/i18n"
)

// PlainSize is the size of the one-shot render used when stdout is not a
// terminal.
const (
	PlainWidth  = 100
	PlainHeight = 30
)

// Plain renders the starting state once, without the help bar and without
// colour, for output that is not a terminal.
func Plain(opts Options, p i18n.Printer) string {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	m := NewPlayground(NewContext(r, p), opts)
	m.SetSize(PlainWidth, PlainHeight)
	m.plain = true
	lines := strings.Split(m.View(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ") // padding only matters on a screen
	}
	return strings.Join(lines, "\n") + "\n"
}
