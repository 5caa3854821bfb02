package tui

import "github.com/mattn/go-runewidth"

// go-runewidth (which bubbles' text input measures with) counts East Asian
// ambiguous glyphs such as ·, ─, ●, ½ and × as two cells when the locale is
// Chinese, Japanese or Korean, while lipgloss and ansi, which lay out every
// panel, count them as one, as tmux and most terminals draw them. One rule
// for the whole screen: narrow, whatever LANG says.
func init() {
	runewidth.DefaultCondition.EastAsianWidth = false
	runewidth.EastAsianWidth = false
}
