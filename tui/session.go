package tui

import (
	"github.com/charmbracelet/lipgloss"

	"losslab/i18n"
)

// NewAppOn builds the app for one program on renderer r: the model both a
// local run (Run) and a served SSH session use. It installs nothing
// process-wide and touches no terminal; whoever runs the program owns
// the terminal, the signals and panics.
func NewAppOn(r *lipgloss.Renderer, p i18n.Printer, sh ShareContext, cfg Config) App {
	ctx := NewContext(r, p)
	ctx.Share = sh
	return NewApp(ctx, cfg)
}
