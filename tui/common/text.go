package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/internal/textwrap"
)

// Text on screen is fitted to its room in whole words: a line that is too
// long says less (a shorter form, fewer words) rather than being cut inside
// a word or a number. Widths are terminal cells.

// FitFirst returns the first candidate that fits in w cells; when none
// does, the last one's leading words that fit, marked with "…".
func FitFirst(w int, candidates ...string) string {
	for _, c := range candidates {
		if ansi.StringWidth(c) <= w {
			return c
		}
	}
	return textwrap.Clip(candidates[len(candidates)-1], w, 1, " …")
}

// FitLines wraps text into at most lines lines of width w (textwrap.Clip)
// and renders each line in style.
func FitLines(text string, w, lines int, style lipgloss.Style) string {
	out := strings.Split(textwrap.Clip(text, w, lines, " …"), "\n")
	for i, l := range out {
		out[i] = style.Render(l)
	}
	return strings.Join(out, "\n")
}

// Widest is the width in cells of the widest of texts.
func Widest(texts ...string) int {
	w := 0
	for _, t := range texts {
		w = max(w, ansi.StringWidth(t))
	}
	return w
}

// PadLines makes s exactly w×h cells: lines padded, rows added or dropped.
// Callers fit their text first; a line still too wide is clipped at a cell
// as a last resort so that the layout holds.
func PadLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, h)
	for i := range out {
		line := ""
		if i < len(lines) {
			line = ansi.Truncate(lines[i], w, "")
		}
		out[i] = textwrap.PadRight(line, w)
	}
	return strings.Join(out, "\n")
}
