package cli

import (
	"losslab/internal/textwrap"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Tables are laid out in terminal cells: text/tabwriter counts runes, and a
// Chinese heading such as 名称 is two runes but four cells.

// tableGap is the space between columns.
const tableGap = 2

// alignLeft lays rows out in left-aligned columns separated by tableGap
// spaces; the last cell of a row is free text and is not padded.
func alignLeft(rows [][]string) string {
	widths := columnWidths(rows, true)
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			if i == len(row)-1 {
				b.WriteString(cell)
				break
			}
			b.WriteString(textwrap.PadRight(cell, widths[i]+tableGap))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// alignRight lays rows out in right-aligned columns, each cell after
// tableGap spaces at least.
func alignRight(rows [][]string) string {
	widths := columnWidths(rows, false)
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			b.WriteString(strings.Repeat(" ", widths[i]-lipgloss.Width(cell)+tableGap) + cell)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// columnWidths is the widest cell of each column, in cells; with freeLast
// a row's last cell does not count.
func columnWidths(rows [][]string, freeLast bool) []int {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if freeLast && i == len(row)-1 {
				break
			}
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], lipgloss.Width(cell))
		}
	}
	return widths
}
