package tui

import tea "github.com/charmbracelet/bubbletea"

// The modes the app hosts. Adding one (training, lessons) is a file with
// its model plus a constant here and a line in modeRegistry.
const (
	ModePlayground ModeID = iota
	ModeBatch
	ModeTrain
	ModeLearn
)

type modeSpec struct {
	open func(ctx *Context, cfg Config) tea.Model
}

// modeRegistry is indexed by ModeID.
func modeRegistry() []modeSpec {
	return []modeSpec{
		ModePlayground: {open: func(ctx *Context, cfg Config) tea.Model { return NewPlayground(ctx, cfg.Playground) }},
		ModeBatch:      {open: openBatch},
		ModeTrain:      {open: openTrain},
		ModeLearn:      {open: openLearn},
	}
}
