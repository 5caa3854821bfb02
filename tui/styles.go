package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are the looks of every mode, built from one lipgloss.Renderer so
// that each program (and later each SSH client) has its own colour profile.
// Colours adapt to light and dark terminals; every state is also written in
// glyphs and words, so the Ascii profile (NO_COLOR, tests) loses nothing but
// colour.
type Styles struct {
	Base                            lipgloss.Style // unstyled, bound to the renderer
	Title, Dim, Bold, Error, Accent lipgloss.Style
	Regime                          [3]lipgloss.Style // hard, semi-hard, easy
	Positive, Negative              lipgloss.Style
	Selected                        lipgloss.Style
	Border                          lipgloss.Style // colour of panel borders
	Heat                            []lipgloss.Color
	profile                         termenv.Profile
}

// NewStyles builds the styles on renderer r.
func NewStyles(r *lipgloss.Renderer) Styles {
	c := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	s := r.NewStyle()
	return Styles{
		Base:     s,
		Title:    s.Bold(true).Foreground(c("#5A3FC0", "#B59CFF")),
		Dim:      s.Foreground(c("#8A8A8A", "#6C6C6C")),
		Bold:     s.Bold(true),
		Error:    s.Foreground(c("#B00020", "#FF6B6B")).Bold(true),
		Accent:   s.Foreground(c("#5A3FC0", "#B59CFF")),
		Regime:   [3]lipgloss.Style{s.Foreground(c("#B00020", "#FF6B6B")).Bold(true), s.Foreground(c("#8A5A00", "#FFC857")).Bold(true), s.Foreground(c("#1B7F3B", "#6BD68A")).Bold(true)},
		Positive: s.Foreground(c("#0057B8", "#6CB6FF")).Bold(true),
		Negative: s.Foreground(c("#C2410C", "#FF9E64")).Bold(true),
		Selected: s.Bold(true).Foreground(c("#5A3FC0", "#B59CFF")),
		Border:   s.Foreground(c("#9A9AB0", "#5C5C78")),
		Heat:     []lipgloss.Color{"#0b1a3a", "#1f2f6b", "#3b3f99", "#6a3fa8", "#9c3f9f", "#c8478a", "#e8606b", "#f8864b", "#fbb73e", "#f5e663"},
		profile:  r.ColorProfile(),
	}
}

// The bubbles components build their styles on lipgloss's default renderer,
// which would query and colour the wrong terminal; these build them on ours.

// newHelp is a help.Model styled on the renderer.
func (st Styles) newHelp() help.Model {
	h := help.New()
	key, desc, sep := st.Dim.Bold(true), st.Dim, st.Dim
	h.Styles = help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: sep, Ellipsis: sep, FullKey: key, FullDesc: desc, FullSeparator: sep}
	return h
}

// newTextInput is a textinput.Model styled on the renderer.
func (st Styles) newTextInput() textinput.Model {
	in := textinput.New()
	in.PromptStyle, in.TextStyle, in.Cursor.Style = st.Base, st.Base, st.Base
	in.PlaceholderStyle, in.CompletionStyle = st.Dim, st.Dim
	in.Cursor.TextStyle = st.Base
	return in
}

// newProgress is a progress bar in the renderer's colour profile.
func (st Styles) newProgress() progress.Model {
	return progress.New(progress.WithoutPercentage(), progress.WithSolidFill("#7D56F4"), progress.WithColorProfile(st.profile))
}

// DefaultStyles are the styles on lipgloss's default renderer (standalone
// models in tests and the plain render).
func DefaultStyles() Styles { return NewStyles(lipgloss.DefaultRenderer()) }
