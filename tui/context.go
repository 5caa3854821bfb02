package tui

import (
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"losslab/i18n"
)

// Minimum terminal size of every mode.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Context is what every mode and component shares instead of threading it
// through constructors (gh-dash's ProgramContext): the window size, the
// styles built from the program's renderer, the key maps, the message
// printer and the options that hold for the whole program. The shell owns
// it; modes read it and never change it.
type Context struct {
	Width, Height int
	Styles        Styles
	Keys          Keys
	Printer       i18n.Printer
	Color         bool             // false under NO_COLOR or off a terminal: glyph ramps instead of colour
	Now           func() time.Time // clock for recording names
	Dir           string           // where recordings are written; "" is the current directory
	Share         ShareContext     // clipboard, whether files may be written, hidden panels
}

// NewContext builds a context on renderer r, whose colour profile decides
// Color: the Ascii profile (NO_COLOR, not a terminal) means no colour.
func NewContext(r *lipgloss.Renderer, p i18n.Printer) *Context {
	return &Context{
		Styles:  NewStyles(r),
		Keys:    NewKeys(p),
		Printer: p,
		Color:   r.ColorProfile() != termenv.Ascii,
		Now:     time.Now,
	}
}

// hosted is the context for a mode the course hosts on a step's state: the
// keys that would leave for another of the app's modes (tab, g) are
// disabled, so that they neither land in the app's own playground, away
// from the exploration, nor show in the hosted mode's help; esc returns to
// the lesson instead.
func (c *Context) hosted() *Context {
	h := *c
	h.Keys.Playground.Mode.SetEnabled(false)
	h.Keys.Playground.Learn.SetEnabled(false)
	h.Keys.Batch.Mode.SetEnabled(false)
	return &h
}

// tooSmall reports whether the window is below the minimum every mode needs.
func (c *Context) tooSmall() bool { return c.Width < MinWidth || c.Height < MinHeight }
