package trainview

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// styles are the mode's looks. Classes have a colour each and, for NO_COLOR,
// a glyph each; everything else is said in words and glyphs too.
type styles struct {
	title, dim, accent, errorLine, curve lipgloss.Style
	classes                              []lipgloss.Style
	slow                                 lipgloss.Style // slow mode's A, P, N and strokes
	glyphs                               []string       // nil: braille dots in colour
}

// classGlyphs are distinct one-cell glyphs, one per class (digits has 10).
var classGlyphs = []string{"●", "▲", "■", "◆", "○", "△", "□", "◇", "+", "x"}

// newStyles builds the looks on base, an unstyled style bound to the
// program's renderer (a served session's own, not the server's).
func newStyles(base lipgloss.Style, color bool) styles {
	c := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	s := base
	st := styles{
		title:     s.Bold(true).Foreground(c("#5A3FC0", "#B59CFF")),
		dim:       s.Foreground(c("#6C6C6C", "#8A8A8A")),
		accent:    s.Foreground(c("#5A3FC0", "#B59CFF")),
		errorLine: s.Foreground(c("#B00020", "#FF6B6B")).Bold(true),
		curve:     s.Foreground(c("#0057B8", "#6CB6FF")),
	}
	for _, col := range []lipgloss.AdaptiveColor{c("#0057B8", "#6CB6FF"), c("#C2410C", "#FF9E64"), c("#1B7F3B", "#6BD68A"),
		c("#8E24AA", "#D18CFF"), c("#8A5A00", "#FFC857"), c("#00838F", "#5FE0E0"), c("#B00020", "#FF6B6B"),
		c("#5D4037", "#C8A27A"), c("#37474F", "#B0BEC5"), c("#AD1457", "#FF8AC4")} {
		st.classes = append(st.classes, s.Foreground(col))
	}
	st.slow = slowStyle(base, color)
	if !color {
		st.glyphs = classGlyphs
		for i := range st.classes {
			st.classes[i] = s
		}
	}
	return st
}

// newHelp is a help.Model styled on the renderer (bubbles builds its own on
// lipgloss's default renderer, which would colour the wrong terminal).
func (st styles) newHelp() help.Model {
	h := help.New()
	key, desc := st.dim.Bold(true), st.dim
	h.Styles = help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: desc, Ellipsis: desc, FullKey: key, FullDesc: desc, FullSeparator: desc}
	return h
}
