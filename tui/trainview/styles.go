package trainview

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"losslab/tui/common"
)

// styles are the mode's looks, from the app's one palette. Classes have a
// colour each and, for NO_COLOR, a glyph each; everything else is said in
// words and glyphs too.
type styles struct {
	app                                  common.Styles // the app's, for panels
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
	app := common.StylesOn(base)
	st := styles{
		app:       app,
		title:     app.Title,
		dim:       app.Dim,
		accent:    app.Accent,
		errorLine: app.Error,
		curve:     app.Curve,
		classes:   app.Classes,
		slow:      slowStyle(app, color),
	}
	if !color {
		st.glyphs = classGlyphs
		st.classes = make([]lipgloss.Style, len(app.Classes))
		for i := range st.classes {
			st.classes[i] = base
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
	h.FullSeparator = "  " // three columns of keys fit 80 cells, the picker's DMLCNI among them
	return h
}
