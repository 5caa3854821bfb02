package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/scenarios"
	"losslab/tui/trainview"
)

// lessonTrain is the training mode opened by a lesson's train step: the
// step's settings, trained for its train_steps, then handed to the learner.
// It is not Hosted: tab would leave for the app's playground, while here esc
// (the lesson's key) is the way back.
func lessonTrain(ctx *Context, s scenarios.TrainSettings) (tea.Model, error) {
	data, err := train.Generate(s.Config.Data, s.Config.Seed)
	if err != nil {
		return nil, err
	}
	tr, err := train.New(s.Config, data)
	if err != nil {
		return nil, err
	}
	m := trainview.New(tr, trainview.Options{Color: ctx.Color, Printer: ctx.Printer, Budget: ctx.Share.Budget})
	if s.Steps > 0 {
		m = m.Advance(s.Steps)
	}
	return m, nil
}
