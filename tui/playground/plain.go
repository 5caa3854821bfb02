package playground

import (
	"io"
	"losslab/internal/textwrap"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"losslab/i18n"
	"losslab/tui/common"
)

// PlainSize is the size of the one-shot render used when stdout is not a
// terminal.
const (
	PlainWidth  = 100
	PlainHeight = 30
)

// Plain renders the starting state once, without the help bar and without
// colour, for output that is not a terminal: width columns (PlainWidth when
// 0, at least common.MinWidth) and PlainHeight rows, plus what the note needs to be
// read whole, since no key can show the rest of it.
func Plain(opts Options, p i18n.Printer, width int) string {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	m := New(common.NewContext(r, p), opts)
	if width <= 0 {
		width = PlainWidth
	}
	width = max(width, common.MinWidth)
	m.SetSize(width, PlainHeight)
	// The lines the note needs beyond those a screen gives it come on top,
	// so that the charts keep their size.
	extra := max(len(textwrap.Wrap(m.noteLine(), width))-m.layout().noteH, 0)
	m.plain = true
	m.SetSize(width, PlainHeight+extra)
	lines := strings.Split(m.View(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ") // padding only matters on a screen
	}
	return strings.Join(lines, "\n") + "\n"
}
