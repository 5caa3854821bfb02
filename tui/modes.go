package tui

import (
	"losslab/tui/batchview"
	"losslab/tui/common"
	"losslab/tui/course"
	"losslab/tui/playground"
	"losslab/tui/trainview"
)

// Config is what the app starts with: the mode on screen first and each
// mode's own configuration.
type Config struct {
	Start      common.ModeID
	Playground playground.Options
	Batch      batchview.Config
	Train      trainview.Config
	Learn      course.Config
}

// registry opens each mode of the app, indexed by its ID; a mode opens the
// first time it is shown and keeps its state after. Adding a mode is its
// package, its ID (and, if tab reaches it, its place in the tab order) in
// tui/common, its field in Config and its line here.
var registry = [...]func(ctx *common.Context, cfg Config) common.Mode{
	common.ModePlayground: func(ctx *common.Context, cfg Config) common.Mode { return playground.New(ctx, cfg.Playground) },
	common.ModeBatch:      func(ctx *common.Context, cfg Config) common.Mode { return batchview.Open(ctx, cfg.Batch) },
	common.ModeTrain:      func(ctx *common.Context, cfg Config) common.Mode { return trainview.Open(ctx, cfg.Train) },
	common.ModeLearn:      func(ctx *common.Context, cfg Config) common.Mode { return course.New(ctx, cfg.Learn) },
}
