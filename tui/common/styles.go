package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are the looks of every mode, built from one lipgloss.Renderer so
// that each program (and each SSH client) has its own colour profile. The
// colours come from the palette (palette.go).
type Styles struct {
	Base                            lipgloss.Style // unstyled, bound to the renderer
	Title, Dim, Bold, Error, Accent lipgloss.Style
	Regime                          [3]lipgloss.Style // hard, semi-hard, easy
	Positive, Negative              lipgloss.Style
	Selected                        lipgloss.Style
	Border                          lipgloss.Style // colour of panel borders
	Heat                            []lipgloss.Color
	HeatLine                        lipgloss.Color   // the regime lines drawn over the heatmap's shades
	Curve                           lipgloss.Style   // a data curve: the positive colour, not bold
	Strong                          lipgloss.Style   // bold in the text colour, apart from every class colour
	Classes                         []lipgloss.Style // one colour per class of a data set
	profile                         termenv.Profile
}

// NewStyles builds the styles on renderer r.
func NewStyles(r *lipgloss.Renderer) Styles {
	st := StylesOn(r.NewStyle())
	st.profile = r.ColorProfile()
	return st
}

// StylesOn builds the styles on base, an unstyled style bound to the
// program's renderer (the zero Style is bound to lipgloss's default one).
// Only NewStyles knows the renderer's colour profile, which NewProgress
// needs; these styles' progress bars assume true colour.
func StylesOn(s lipgloss.Style) Styles {
	st := Styles{
		Base:     s,
		Title:    s.Bold(true).Foreground(colorAccent),
		Dim:      s.Foreground(colorDim),
		Bold:     s.Bold(true),
		Error:    s.Foreground(colorError).Bold(true),
		Accent:   s.Foreground(colorAccent),
		Regime:   [3]lipgloss.Style{s.Foreground(colorError).Bold(true), s.Foreground(colorSemiHard).Bold(true), s.Foreground(colorEasy).Bold(true)},
		Positive: s.Foreground(colorPositive).Bold(true),
		Negative: s.Foreground(colorNegative).Bold(true),
		Selected: s.Bold(true).Foreground(colorAccent),
		Border:   s.Foreground(colorBorder),
		Heat:     heatColors,
		HeatLine: heatLine,
		Curve:    s.Foreground(colorPositive),
		Strong:   s.Bold(true).Foreground(colorStrong),
	}
	for _, c := range classColors {
		st.Classes = append(st.Classes, s.Foreground(c))
	}
	return st
}

// The bubbles components build their styles on lipgloss's default renderer,
// which would query and colour the wrong terminal; these build them on ours.

// NewHelp is a help.Model styled on the renderer.
func (st Styles) NewHelp() help.Model {
	h := help.New()
	key, desc, sep := st.Dim.Bold(true), st.Dim, st.Dim
	h.Styles = help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: sep, Ellipsis: sep, FullKey: key, FullDesc: desc, FullSeparator: sep}
	return h
}

// NewTextInput is a textinput.Model styled on the renderer.
func (st Styles) NewTextInput() textinput.Model {
	in := textinput.New()
	in.PromptStyle, in.TextStyle, in.Cursor.Style = st.Base, st.Base, st.Base
	in.PlaceholderStyle, in.CompletionStyle = st.Dim, st.Dim
	in.Cursor.TextStyle = st.Base
	return in
}

// NewProgress is a progress bar in the renderer's colour profile.
func (st Styles) NewProgress() progress.Model {
	return progress.New(progress.WithoutPercentage(), progress.WithSolidFill(progressColor), progress.WithColorProfile(st.profile))
}

// DefaultStyles are the styles on lipgloss's default renderer (standalone
// models in tests and the plain render).
func DefaultStyles() Styles { return NewStyles(lipgloss.DefaultRenderer()) }
