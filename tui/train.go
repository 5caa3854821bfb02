package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/tui/trainview"
)

// TrainConfig is the training mode's trainer (nil: blobs with the defaults)
// and the user's data set, if one was given, to offer among the data sets.
type TrainConfig struct {
	Trainer *train.Trainer
	File    *train.Data
}

// trainMode hosts the training component (tui/trainview) in the app: tab
// goes to the playground, and hiding the mode pauses its training.
type trainMode struct {
	view  trainview.Model
	ctx   *Context
	share trainSharing
}

// openTrain is the registry's constructor.
func openTrain(ctx *Context, cfg Config) tea.Model {
	tr := cfg.Train.Trainer
	if tr == nil {
		c := train.NewConfig()
		data, err := train.Generate(c.Data, c.Seed)
		if err == nil {
			tr, err = train.New(c, data)
		}
		if err != nil {
			return errorView{err}
		}
	}
	return trainMode{ctx: ctx, view: trainview.New(tr, trainview.Options{Base: ctx.Styles.Base, Color: ctx.Color, File: cfg.Train.File, Printer: ctx.Printer, Hosted: true, Budget: ctx.Share.Budget})}
}

func (m trainMode) Init() tea.Cmd { return m.view.Init() }

func (m trainMode) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case HiddenMsg:
		return m.forward(trainview.PauseMsg{})
	case tea.KeyMsg:
		if m.share.shown { // any key closes the state string; S and esc only close it
			m.share.shown = false
			if msg.String() == "esc" || key.Matches(msg, m.view.StateKey()) {
				return m, nil
			}
		}
		if key.Matches(msg, m.view.ModeKey()) {
			return m, switchMode(ModePlayground) // the HiddenMsg that follows pauses training
		}
		if key.Matches(msg, m.view.StateKey()) {
			return m.openShare()
		}
	case tea.WindowSizeMsg:
		m.share.width, m.share.height = msg.Width, msg.Height
	}
	return m.forward(msg)
}

func (m trainMode) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.view.Update(msg)
	m.view = next.(trainview.Model)
	return m, cmd
}

func (m trainMode) View() string {
	if m.share.shown {
		return m.shareView()
	}
	return m.view.View()
}

// errorView shows an error that kept a mode from opening.
type errorView struct{ err error }

func (v errorView) Init() tea.Cmd { return nil }

func (v errorView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		return v, tea.Quit
	}
	return v, nil
}

func (v errorView) View() string { return "✗ " + v.err.Error() }
