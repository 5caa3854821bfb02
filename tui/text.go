package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Text on screen is fitted to its room in whole words: a line that is too
// long says less (a shorter form, fewer words) rather than being cut inside
// a word or a number. Widths are terminal cells.

// fitFirst returns the first candidate that fits in w cells; when none
// does, the last one's leading words that fit, marked with "…".
func fitFirst(w int, candidates ...string) string {
	for _, c := range candidates {
		if ansi.StringWidth(c) <= w {
			return c
		}
	}
	return clipWords(candidates[len(candidates)-1], w, 1, " …")
}

// wrapWords breaks text into lines of at most w cells at spaces (and at the
// text's own line breaks). Only a single word wider than w is broken.
func wrapWords(text string, w int) []string {
	var out []string
	text = strings.ToValidUTF8(text, "\uFFFD") // widths are only defined for valid text
	for _, para := range strings.Split(text, "\n") {
		line, lineW := "", 0
		for _, word := range glueOperators(strings.Fields(para)) {
			ww := ansi.StringWidth(word)
			switch {
			case lineW == 0:
			case lineW+1+ww <= w:
				line, lineW = line+" "+word, lineW+1+ww
				continue
			default:
				out = append(out, line)
			}
			for ww > w { // a word wider than the line: the only place text is cut
				out = append(out, ansi.Truncate(word, w, ""))
				word = ansi.TruncateLeft(word, w, "")
				ww = ansi.StringWidth(word)
			}
			line, lineW = word, ww
		}
		out = append(out, line)
	}
	return out
}

// clipWords wraps text into at most lines lines of w cells and, when it does
// not all fit, ends the last line with suffix after the last whole word that
// leaves room for it.
func clipWords(text string, w, lines int, suffix string) string {
	all := wrapWords(text, w)
	if len(all) <= lines {
		return strings.Join(all, "\n")
	}
	all = all[:lines]
	room := w - ansi.StringWidth(suffix)
	last := strings.Fields(all[lines-1])
	for len(last) > 0 && ansi.StringWidth(strings.Join(last, " ")) > room {
		last = last[:len(last)-1]
	}
	all[lines-1] = strings.TrimSpace(strings.Join(last, " ") + suffix)
	return strings.Join(all, "\n")
}

// fitLines wraps text into at most lines lines of width w (see clipWords)
// and renders each line in style.
func fitLines(text string, w, lines int, style lipgloss.Style) string {
	out := strings.Split(clipWords(text, w, lines, " …"), "\n")
	for i, l := range out {
		out[i] = style.Render(l)
	}
	return strings.Join(out, "\n")
}

// padLines makes s exactly w×h cells: lines padded, rows added or dropped.
// Callers fit their text first; a line still too wide is clipped at a cell
// as a last resort so that the layout holds.
func padLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, h)
	for i := range out {
		line := ""
		if i < len(lines) {
			line = ansi.Truncate(lines[i], w, "")
		}
		out[i] = line + strings.Repeat(" ", max(0, w-ansi.StringWidth(line)))
	}
	return strings.Join(out, "\n")
}

// operators never start or end a line: "d(a,n) > d(a,p)" and "= -0.5"
// wrap as one unit, so no value is left apart from its relation.
var operators = map[string]bool{"=": true, "−": true, "-": true, "+": true, "·": true, "×": true, "<": true, ">": true, "≤": true, "≥": true}

func glueOperators(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if operators[w] && len(out) > 0 {
			w = out[len(out)-1] + " " + w
			out = out[:len(out)-1]
		}
		for operators[words[i]] && i+1 < len(words) {
			i++
			w += " " + words[i]
		}
		out = append(out, w)
	}
	return out
}
