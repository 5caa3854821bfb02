package common

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Under LANG=zh_CN.UTF-8 go-runewidth measures ambiguous glyphs as two
// cells; after NarrowAmbiguousWidths the typing line agrees with lipgloss
// whatever the locale.
func TestAmbiguousGlyphsAreNarrow(t *testing.T) {
	runewidth.DefaultCondition.EastAsianWidth = true // as a Chinese locale sets it
	if runewidth.StringWidth("·") != 2 {
		t.Fatal("the wide rule is not in effect: this test would prove nothing")
	}
	NarrowAmbiguousWidths()
	for _, s := range []string{"·", "─", "●", "½", "×", "…", "≤", "▸", "✎ 0.70"} {
		t.Run(s, func(t *testing.T) {
			if rw, aw := runewidth.StringWidth(s), ansi.StringWidth(s); rw != aw {
				t.Errorf("%q: runewidth %d cells, ansi %d", s, rw, aw)
			}
		})
	}
	for _, s := range []string{"间隔", "三元组损失"} {
		t.Run(s, func(t *testing.T) {
			if rw, aw := runewidth.StringWidth(s), ansi.StringWidth(s); rw != aw || aw != 2*len([]rune(s)) {
				t.Errorf("%q: runewidth %d cells, ansi %d", s, rw, aw)
			}
		})
	}
}
