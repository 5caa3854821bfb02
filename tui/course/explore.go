package course

import (
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/train"
	"losslab/internal/errtext"
	"losslab/scenarios"
	"losslab/tui/batchview"
	"losslab/tui/common"
	"losslab/tui/playground"
	"losslab/tui/trainview"
)

// explore opens the step's mode on its state.
func (m Model) explore() (Model, tea.Cmd) {
	l, st := m.lessons[m.lesson], m.currentStep()
	switch st.Mode.Kind {
	case scenarios.ModePlayground:
		s := &scenarios.Scenario{Name: l.Name, Title: l.Title, Start: m.shownState(), Source: scenarios.SourceLesson}
		m.child = playground.New(m.ctx.ForLesson(), playground.Options{Scenario: s})
	case scenarios.ModeBatch:
		d, err := dataset.Demo(st.Mode.Demo)
		if err != nil {
			m.status = errtext.Message(m.ctx.Printer, err)
			return m, nil
		}
		m.child = batchview.New(m.ctx.ForLesson(), d, batch.Options{Margin: m.shownState().Margin.Float()})
	case scenarios.ModeTrain:
		child, err := lessonTrain(m.ctx, st.Mode.Train)
		if err != nil {
			m.status = errtext.Message(m.ctx.Printer, err)
			return m, nil
		}
		m.child = child
	}
	m.screen = screenExploring
	init := m.child.Init()
	next, sizeCmd := m.toChild(m.childSize())
	return next, tea.Batch(init, sizeCmd)
}

// leaveChild returns from the hosted mode to the lesson; the mode is
// dropped, and a hidden batch computation's result is ignored.
func (m *Model) leaveChild() {
	if m.child != nil {
		m.child.Update(common.HiddenMsg{})
	}
	m.child, m.screen = nil, screenStep
}

// keepsHeader reports whether the hosted mode's first line carries data
// (the batch view's data set, size and classes; the training mode's data
// set, model, learning rate, seed and whether it plays), so that the banner
// goes above it instead of in its place; the playground's first line only
// repeats the lesson's title. The training mode needs all of an 80×24
// window, so there it gives its first line up.
func (m Model) keepsHeader() bool {
	switch m.child.(type) {
	case *batchview.Model:
		return true
	case trainview.Model:
		return m.height-1 >= trainview.MinHeight
	}
	return false
}

// childSize is the hosted mode's share of the window: all of it, less the
// banner's line when the mode keeps its own first line.
func (m Model) childSize() tea.WindowSizeMsg {
	if m.keepsHeader() {
		return tea.WindowSizeMsg{Width: m.width, Height: m.height - 1}
	}
	return tea.WindowSizeMsg{Width: m.width, Height: m.height}
}

// childTakesEsc reports whether esc belongs to the hosted mode: its
// playground is typing a value, or its help is open (esc closes it).
func (m Model) childTakesEsc() bool {
	c, ok := m.child.(interface{ TakesEsc() bool })
	return ok && c.TakesEsc()
}

// lessonTrain is the training mode opened by a lesson's train step: the
// step's settings, trained for its train_steps, then handed to the learner.
// It is not Hosted: tab would leave for the app's playground, while here esc
// (the lesson's key) is the way back.
func lessonTrain(ctx *common.Context, s scenarios.TrainSettings) (tea.Model, error) {
	data, err := train.Generate(s.Config.Data, s.Config.Seed)
	if err != nil {
		return nil, err
	}
	tr, err := train.New(s.Config, data)
	if err != nil {
		return nil, err
	}
	m := trainview.New(tr, trainview.Options{Base: ctx.Styles.Base, Color: ctx.Color, Printer: ctx.Printer, Budget: ctx.Share.Budget})
	if s.Steps > 0 {
		m = m.Advance(s.Steps)
	}
	return m, nil
}
