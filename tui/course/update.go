package course

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/scenarios"
	"losslab/tui/common"
)

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	if key.Matches(msg, k.Interrupt) {
		return m, tea.Quit
	}
	switch m.screen {
	case screenExploring:
		if key.Matches(msg, k.Back) && !m.childTakesEsc() {
			m.leaveChild()
			return m, nil
		}
		return m.toChild(msg)
	case screenList:
		return m.updateList(msg)
	}
	if m.asking() {
		return m.updateAnswering(msg)
	}
	m.status = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		m.screen, m.cursor = screenList, m.lesson
	case key.Matches(msg, k.Explore) && m.currentStep() != nil && m.currentStep().Mode.Kind != scenarios.ModeNone:
		return m.explore()
	case key.Matches(msg, k.NextLesson) && m.atEnd():
		if m.hasNextLesson() {
			m.openLesson(m.lesson+1, 0)
		} else {
			m.screen, m.cursor = screenList, m.lesson
		}
	case key.Matches(msg, k.Next):
		if !m.atEnd() {
			m.gotoStep(m.step + 1)
		}
	case key.Matches(msg, k.Prev):
		if m.step > 0 {
			m.gotoStep(m.step - 1)
		}
	case key.Matches(msg, k.Up):
		m.scroll = max(m.scroll-1, 0)
	case key.Matches(msg, k.Down):
		m.scroll = min(m.scroll+1, m.maxScroll())
	}
	return m, nil
}

func (m Model) updateList(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	m.status = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Playground):
		return m, common.Tab(common.ModeLearn)
	case key.Matches(msg, k.Up):
		m.cursor = (m.cursor + len(m.lessons) - 1) % len(m.lessons)
	case key.Matches(msg, k.Down):
		m.cursor = (m.cursor + 1) % len(m.lessons)
	case key.Matches(msg, k.Open) && len(m.lessons) > 0:
		step := 0
		if l := m.lessons[m.cursor]; l.Name == m.progress.Lesson && !m.progress.Done(l.Name) {
			step = min(m.progress.Step, l.Len()-1) // resume where the learner left
		}
		m.openLesson(m.cursor, step)
	}
	return m, nil
}

// updateAnswering handles a question: typing or picking, enter to check,
// tab to skip, esc to the list.
func (m Model) updateAnswering(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, q, p := m.keys, m.currentStep().Question, m.ctx.Printer
	switch {
	case key.Matches(msg, k.Back):
		m.screen, m.cursor = screenList, m.lesson
		return m, nil
	case key.Matches(msg, k.Skip):
		m.answer, m.verdict, m.right = skipped, p.T(verdictID(q, i18n.LearnSkipped, i18n.LearnSkippedChoice), q.RightAnswer()), false
		m.input.Blur()
		return m, nil
	case key.Matches(msg, k.Answer):
		if len(q.Choices) > 0 {
			m.right = m.choice == q.Correct
			m.reveal(q.Choices[m.choice])
			return m, nil
		}
		right, err := q.CheckNumber(m.input.Value())
		if errors.Is(err, scenarios.ErrNotANumber) {
			m.status = p.T(i18n.LearnNotANumber, m.input.Value())
			return m, nil
		}
		m.right = right
		m.reveal(strings.TrimSpace(m.input.Value()))
		return m, nil
	}
	if len(q.Choices) > 0 {
		switch {
		case key.Matches(msg, k.Up):
			m.choice = (m.choice + len(q.Choices) - 1) % len(q.Choices)
		case key.Matches(msg, k.Down):
			m.choice = (m.choice + 1) % len(q.Choices)
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '1' && int(msg.Runes[0]-'0') <= len(q.Choices):
			m.choice = int(msg.Runes[0] - '1')
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.status = ""
	return m, cmd
}

// reveal shows the state and the explanation after an answer.
func (m *Model) reveal(said string) {
	q, p := m.currentStep().Question, m.ctx.Printer
	m.answer = answered
	m.input.Blur()
	if m.right {
		m.verdict = p.T(verdictID(q, i18n.LearnRight, i18n.LearnRightChoice), q.RightAnswer())
	} else {
		m.verdict = p.T(verdictID(q, i18n.LearnWrong, i18n.LearnWrongChoice), said, q.RightAnswer())
	}
}

// verdictID is a verdict's message for q: number's for a number question,
// choice's for a choice (which Chinese quotes: “两者都有”).
func verdictID(q *scenarios.Question, number, choice i18n.ID) i18n.ID {
	if len(q.Choices) > 0 {
		return choice
	}
	return number
}

// openLesson opens lesson i at step.
func (m *Model) openLesson(i, step int) {
	m.screen, m.lesson, m.cursor = screenStep, i, i
	m.gotoStep(step)
}

// gotoStep shows step i of the open lesson, resets its question and saves
// the progress; reaching the last step finishes the lesson.
func (m *Model) gotoStep(i int) {
	m.step, m.scroll, m.status = i, 0, ""
	m.answer, m.choice, m.verdict, m.right = asking, 0, "", false
	m.input.Reset()
	if m.asking() {
		m.input.Focus()
	} else {
		m.input.Blur()
	}
	m.saveProgress()
}

// saveProgress records where the learner is, on disk when the course
// keeps progress (ProgressPath set), else for this session only.
func (m *Model) saveProgress() {
	l := m.lessons[m.lesson]
	m.progress.Lesson, m.progress.Step = l.Name, m.step
	if m.atEnd() {
		m.progress.Complete(l.Name)
	}
	if m.cfg.ProgressPath == "" {
		return
	}
	if err := m.progress.Save(m.cfg.ProgressPath); err != nil {
		m.status = m.ctx.Printer.T(i18n.LearnProgressNotSaved, errtext.Message(m.ctx.Printer, err))
	}
}

// currentStep is the open step, nil at a lesson's start.
func (m Model) currentStep() *scenarios.Step {
	if m.screen == screenList || m.step == 0 {
		return nil
	}
	return &m.lessons[m.lesson].Steps[m.step-1]
}

// asking reports whether a question waits for its answer.
func (m Model) asking() bool {
	st := m.currentStep()
	return st != nil && st.Question != nil && m.answer == asking
}

// atEnd reports whether the open lesson is at its last step.
func (m Model) atEnd() bool { return m.step == m.lessons[m.lesson].Len()-1 }

// shownState is the state the step shows: its own.
func (m Model) shownState() grid.State { return m.lessons[m.lesson].StateAt(m.step) }

// hasNextLesson says whether enter at the end of this lesson opens another
// one (else it goes to the list): the end note and the key line both ask it.
func (m Model) hasNextLesson() bool { return m.lesson+1 < len(m.lessons) }
