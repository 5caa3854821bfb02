package common

import (
	"io"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
)

// ShareContext is what sharing may do in this program: copy to the
// terminal's clipboard, write files, use the processors. Local runs may do
// all; a served session writes no file on the server and trains within
// its budget.
type ShareContext struct {
	Clipboard io.Writer // where the OSC 52 sequence goes (the terminal); nil: no copying
	NoFiles   bool      // no file may be written (a session served over SSH)
	Hide      HideSet   // panels and controls the teacher removed
	Budget    Budget    // paces training where sessions share the machine; nil: none
}

// Budget paces training where sessions share a machine (losslab serve,
// internal/budget): Take says how many of steps may run now (none: skip
// this frame), and done is called once they have run and the screen shows
// them, to charge the time they took.
type Budget interface {
	Take(steps int) (granted int, done func())
}

// HideSet is the set of panels hidden and controls fixed by the teacher
// (serve --hide): panel names (the playground's Panels) and control keys
// (grid.Field.Key).
type HideSet map[string]bool

// Fixed reports whether control f is fixed: it cannot be selected, so no
// key changes it (scenario steps and preset switches still set it).
func (h HideSet) Fixed(f grid.Field) bool { return h[f.Key()] }

// NextFree is the first control after from in direction dir (±1) that is
// not fixed; from itself when every other one is (--hide keeps one free).
func (h HideSet) NextFree(from grid.Field, dir int) grid.Field {
	f := from
	for range grid.NumFields {
		f = (f + grid.Field(dir) + grid.NumFields) % grid.NumFields
		if !h.Fixed(f) {
			return f
		}
	}
	return from
}

// Controls lists the control names --hide accepts, which fix a control.
func Controls() []string {
	out := make([]string, grid.NumFields)
	for f := range grid.NumFields {
		out[f] = f.Key()
	}
	return out
}

// CopyToClipboard sends s to the terminal's clipboard through w with an
// OSC 52 sequence, in one write between two frames (a command, outside
// Update).
func CopyToClipboard(w io.Writer, s string) tea.Cmd {
	return func() tea.Msg {
		_, _ = io.WriteString(w, osc52.New(s).String())
		return nil
	}
}
