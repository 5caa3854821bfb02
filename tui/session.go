package tui

import (
	"github.com/charmbracelet/lipgloss"

	"losslab/i18n"
	"losslab/tui/common"
	"losslab/tui/course"
)

// NewAppOn builds the app for one program on renderer r: the model both a
// local run (Run) and a served SSH session use. It installs nothing
// process-wide and touches no terminal; whoever runs the program owns
// the terminal, the signals and panics.
func NewAppOn(r *lipgloss.Renderer, p i18n.Printer, sh common.ShareContext, cfg Config) App {
	ctx := common.NewContext(r, p)
	ctx.Share = sh
	return NewApp(ctx, cfg)
}

// The names cli and serve start the app with, which the shared package
// defines so that every mode can use them.
type (
	ShareContext = common.ShareContext
	HideSet      = common.HideSet
	LearnConfig  = course.Config
)

// The modes an app can start in.
const (
	ModePlayground = common.ModePlayground
	ModeBatch      = common.ModeBatch
	ModeTrain      = common.ModeTrain
	ModeLearn      = common.ModeLearn
)
