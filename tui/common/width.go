package common

import "github.com/mattn/go-runewidth"

// NarrowAmbiguousWidths sets one width rule for the whole screen, once, at
// the program's start (main calls it; importing this package sets nothing).
// go-runewidth, which bubbles' text input measures with, counts East Asian
// ambiguous glyphs such as ·, ─, ●, ½ and × as two cells when the locale is
// Chinese, Japanese or Korean, while lipgloss and ansi, which lay out every
// panel, count them as one, as tmux and most terminals draw them: narrow,
// whatever LANG says.
func NarrowAmbiguousWidths() {
	runewidth.DefaultCondition.EastAsianWidth = false
	runewidth.EastAsianWidth = false
}
