package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Under LANG=zh_CN.UTF-8 go-runewidth would measure ambiguous glyphs as two
// cells; the typing line must agree with lipgloss whatever the locale.
func TestAmbiguousGlyphsAreNarrow(t *testing.T) {
	for _, s := range []string{"·", "─", "●", "½", "×", "…", "≤", "▸", "✎ 0.70"} {
		if rw, aw := runewidth.StringWidth(s), ansi.StringWidth(s); rw != aw {
			t.Errorf("%q: runewidth %d cells, ansi %d", s, rw, aw)
		}
	}
	for _, s := range []string{"间隔", "三元组损失"} {
		if rw, aw := runewidth.StringWidth(s), ansi.StringWidth(s); rw != aw || aw != 2*len([]rune(s)) {
			t.Errorf("%q: runewidth %d cells, ansi %d", s, rw, aw)
		}
	}
}
