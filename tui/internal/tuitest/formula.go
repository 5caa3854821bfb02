package tuitest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"losslab/internal/textwrap"
)

// BrokenFormulas lists where screen v breaks a formula across lines
// (docs/glossary-zh.md: a formula, or a term with its value, is one unit
// for wrapping). Each panel's lines are read apart, between its borders: a
// line that leaves a formula's bracket open, ends with a relation, or ends
// with a term (d(a,p), ℓ(A,N)) whose value starts the panel's next line.
func BrokenFormulas(v string) []string {
	lines := panelLines(v)
	var out []string
	for i, segs := range lines {
		for col, text := range segs {
			f := strings.Fields(text)
			if len(f) == 0 {
				continue
			}
			last := f[len(f)-1]
			switch {
			case textwrap.LeavesFormulaOpen(text):
				out = append(out, fmt.Sprintf("line %d leaves a formula's bracket open: %q", i+1, strings.TrimSpace(text)))
			case textwrap.IsOperator(last):
				out = append(out, fmt.Sprintf("line %d ends with the relation %q: %q", i+1, last, strings.TrimSpace(text)))
			case i+1 < len(lines) && isTerm(last) && startsWithNumber(lines[i+1][col]):
				out = append(out, fmt.Sprintf("line %d parts the term %s from its value %q", i+1, last, strings.Fields(lines[i+1][col])[0]))
			}
		}
	}
	return out
}

// panelLines splits each line of v at the panels' vertical borders, each
// piece keyed by the cell it starts at.
func panelLines(v string) []map[int]string {
	var out []map[int]string
	for _, l := range strings.Split(ansi.Strip(v), "\n") {
		segs := map[int]string{}
		var cur strings.Builder
		start, col := 0, 0
		for _, r := range l {
			col += ansi.StringWidth(string(r))
			if strings.ContainsRune("│╭╮╰╯├┤┃", r) {
				segs[start] = cur.String()
				cur.Reset()
				start = col
				continue
			}
			cur.WriteRune(r)
		}
		segs[start] = cur.String()
		out = append(out, segs)
	}
	return out
}

// isTerm reports whether w is a term that takes a value: Latin, ending with
// its closing bracket or bar (d(a,p), ℓ(A,N), |∂ℓ/∂x|).
func isTerm(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return (r == ')' || r == '|') && strings.ContainsAny(w, "(|") && !strings.HasPrefix(w, "(") && !strings.ContainsFunc(w, textwrap.IsCJK)
}

func startsWithNumber(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	w := strings.TrimLeft(f[0], "−-+")
	return w != "" && w[0] >= '0' && w[0] <= '9'
}
