package tui

import (
	"strings"
	"testing"
)

// A typing error that does not fit the note's line says less rather than
// cut a word: at 80×24 the off-grid refusal is its short form, whole.
func TestTypingErrorShortFormAt80(t *testing.T) {
	m := sized(newModel(t, Options{}), 80, 24)
	m = press(t, m, "e")
	m = press(t, m, repeat("backspace", 6)...)
	m = press(t, m, strings.Split("3.001", "")...)
	m = press(t, m, "enter")
	v := m.View()
	if !strings.Contains(v, "✗ 3.001: two decimals at most · enter to retry, esc to cancel") {
		t.Errorf("80×24 typing error is not the short form, whole:\n%s", v)
	}
	if strings.Contains(v, "…") && strings.Contains(v, "✗") && strings.Contains(v, "enter to …") {
		t.Errorf("typing error cut:\n%s", v)
	}
	// Where the full text fits, it is shown.
	m = sized(m, 120, 40)
	if v := m.View(); !strings.Contains(v, "3.001 has more than two decimals (losslab works on a 0.01 grid)") {
		t.Errorf("120×40 typing error is not the full form:\n%s", v)
	}
}
