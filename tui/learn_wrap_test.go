package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// Wrapped lesson text never ends a line with an operator, never starts one
// with a number cut from its sign, and fits its width.
func TestWrapTextKeepsOperatorsWithOperands(t *testing.T) {
	text := "What is the triplet loss max(0.7 − 0.5 + 0, 0) = 0.2 for −0.5 and ½·0.7² at the end?"
	for w := 12; w <= 80; w++ {
		for _, line := range wrapText(text, w) {
			if lipgloss.Width(line) > w {
				t.Fatalf("width %d: %q is wider", w, line)
			}
			trimmed := strings.TrimRight(line, " ")
			for _, op := range []string{"−", "+", "=", "·"} {
				if strings.HasSuffix(trimmed, op) {
					t.Errorf("width %d: %q ends with %s", w, line, op)
				}
			}
			if strings.Contains(line, "\u00a0") {
				t.Errorf("a no-break space reached the screen: %q", line)
			}
		}
		if got := strings.Join(wrapText(text, w), " "); strings.Join(strings.Fields(got), " ") != text {
			t.Errorf("width %d changed the words: %q", w, got)
		}
	}
}
