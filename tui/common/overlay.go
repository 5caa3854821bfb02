package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Overlay draws box over base with its top-left cell at line row, column
// col: the cells it covers are replaced, base's cells left and right of it
// stay, styled as they were. A wide character cut by the box's edge becomes
// spaces, so every line keeps its width. Lines of box beyond base's last
// are dropped; base keeps its layout (a menu does not squeeze the panes).
func Overlay(base, box string, row, col int) string {
	lines, over := strings.Split(base, "\n"), strings.Split(box, "\n")
	row, col = max(row, 0), max(col, 0)
	for i, b := range over {
		at := row + i
		if at >= len(lines) {
			break
		}
		line, bw := lines[at], ansi.StringWidth(b)
		left := ansi.Truncate(line, col, "")
		left += strings.Repeat(" ", col-ansi.StringWidth(left))
		want := max(ansi.StringWidth(line)-col-bw, 0) // cells right of the box
		right := ansi.TruncateLeft(line, col+bw, "")
		for cut := col + bw + 1; ansi.StringWidth(right) > want; cut++ {
			right = ansi.TruncateLeft(line, cut, "") // a wide character under the right edge
		}
		right = strings.Repeat(" ", want-ansi.StringWidth(right)) + right
		lines[at] = left + b + right
	}
	return strings.Join(lines, "\n")
}

// Cursor is the mark in front of a list's row: ▸ on the selected one, so
// that the selection shows without colour (NO_COLOR), blank on the others.
func (st Styles) Cursor(selected bool) string {
	if selected {
		return st.Selected.Render("▸ ")
	}
	return "  "
}
