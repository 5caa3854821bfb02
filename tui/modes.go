package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"losslab/tui/batchview"
	"losslab/tui/common"
	"losslab/tui/course"
	"losslab/tui/playground"
)

type modeSpec struct {
	open func(ctx *common.Context, cfg Config) tea.Model
}

// modeRegistry is indexed by common.ModeID.
func modeRegistry() []modeSpec {
	return []modeSpec{
		common.ModePlayground: {open: func(ctx *common.Context, cfg Config) tea.Model { return playground.New(ctx, cfg.Playground) }},
		common.ModeBatch:      {open: func(ctx *common.Context, cfg Config) tea.Model { return batchview.Open(ctx, cfg.Batch) }},
		common.ModeTrain:      {open: openTrain},
		common.ModeLearn:      {open: func(ctx *common.Context, cfg Config) tea.Model { return course.New(ctx, cfg.Learn) }},
	}
}
