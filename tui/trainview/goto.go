package trainview

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// Run to step N: g opens a prompt under the panes, digits type N, enter
// trains to it off the event loop (RunTo), esc closes it.

// maxStepDigits bounds what the prompt takes: train.MaxSteps has 6.
const maxStepDigits = 6

// stepPrompt is the prompt's state.
type stepPrompt struct {
	open   bool
	digits string
	bad    bool // enter was pressed on a step out of range
}

// openPrompt opens the prompt, stopping playing.
func (m *Model) openPrompt() {
	m.playing = false
	m.tickSeq = common.NewID()
	m.prompt = stepPrompt{open: true}
}

// updatePrompt answers a key while the prompt is open.
func (m Model) updatePrompt(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	p := &m.prompt
	switch {
	case msg.Type == tea.KeyEsc:
		m.prompt = stepPrompt{}
	case msg.Type == tea.KeyEnter:
		n, err := strconv.Atoi(p.digits)
		if err != nil || n <= m.tr.StepCount() || n > train.MaxSteps {
			p.bad = true
			break
		}
		m.prompt = stepPrompt{}
		m = m.RunTo(n)
		return m, m.resume()
	case msg.Type == tea.KeyBackspace && p.digits != "":
		p.digits, p.bad = p.digits[:len(p.digits)-1], false
	case msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '0' && msg.Runes[0] <= '9' && len(p.digits) < maxStepDigits:
		p.digits, p.bad = p.digits+string(msg.Runes), false
	case msg.Type == tea.KeyCtrlC:
		m.stop.Store(true)
		return m, tea.Quit
	}
	m.render()
	return m, nil
}

// promptText is the prompt's line: what is typed, and the range when
// enter met a step outside it.
func (m *Model) promptText() string {
	text := m.p.T(i18n.TrainPromptStep, m.prompt.digits)
	if m.prompt.bad {
		text += " " + m.p.T(i18n.TrainPromptRange, numfmt.Count(int64(m.tr.StepCount()+1)), numfmt.Count(train.MaxSteps))
	}
	return text
}
