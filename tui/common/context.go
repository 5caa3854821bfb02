// Package common holds what every mode of losslab's interface shares: the
// Context handed to each mode (size, styles on the program's renderer, the
// message printer, what sharing may do), the palette, the Mode interface
// and the tab order, the panel frame and the text fitting. The shell (tui)
// imports every mode and every mode imports this package, so nothing here
// may import a mode or the shell (soft-serve's pkg/ui/common plays the same
// part).
package common

import (
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"losslab/i18n"
)

// Minimum terminal size of the app.
const (
	MinWidth  = 80
	MinHeight = 24
)

// BarRows are the rows the shell's mode bar and key bar take from every
// window; a mode gets the rest, at least MinModeHeight.
const (
	BarRows       = 2
	MinModeHeight = MinHeight - BarRows
)

// Context is what every mode and component shares instead of threading it
// through constructors (gh-dash's ProgramContext): the window size, the
// styles built from the program's renderer, the message printer and the
// options that hold for the whole program. The shell owns it; modes read it
// and never change it.
type Context struct {
	Width, Height int
	Styles        Styles
	Printer       i18n.Printer
	Color         bool             // false under NO_COLOR or off a terminal: glyph ramps instead of colour
	Now           func() time.Time // clock for recording names
	Dir           string           // where recordings are written; "" is the current directory
	Share         ShareContext     // clipboard, whether files may be written, hidden panels
	// InLesson is set on the context of a mode the course hosts on a
	// step's state: the keys that would leave for another of the app's
	// modes (tab, g) are off, so that they neither land in the app's own
	// playground, away from the exploration, nor show in the hosted mode's
	// help; esc returns to the lesson instead.
	InLesson bool
}

// NewContext builds a context on renderer r, whose colour profile decides
// Color: the Ascii profile (NO_COLOR, not a terminal) means no colour.
func NewContext(r *lipgloss.Renderer, p i18n.Printer) *Context {
	return &Context{
		Styles:  NewStyles(r),
		Printer: p,
		Color:   r.ColorProfile() != termenv.Ascii,
		Now:     time.Now,
	}
}

// DefaultContext is a context in English on lipgloss's default renderer,
// for a mode on its own (tests, the plain render).
func DefaultContext() *Context { return NewContext(lipgloss.DefaultRenderer(), i18n.New(i18n.English)) }

// ForLesson is the context for a mode the course hosts (see InLesson).
func (c *Context) ForLesson() *Context {
	h := *c
	h.InLesson = true
	return &h
}

// TooSmall reports whether the window is below the minimum every mode needs.
func (c *Context) TooSmall() bool { return c.Width < MinWidth || c.Height < MinHeight }
