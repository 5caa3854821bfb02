package course

import (
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
	case screenReopen:
		return m.updateReopen(msg)
	}
	if m.asking() {
		return m.updateAnswering(msg)
	}
	m.status = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		m.toList()
	case key.Matches(msg, k.RetryMissed) && m.atEnd() && m.review == nil && len(m.missedSteps()) > 0:
		m.startReview()
	case key.Matches(msg, k.Explore) && m.currentStep() != nil && m.currentStep().Mode.Kind != scenarios.ModeNone:
		return m.explore()
	case key.Matches(msg, k.NextLesson) && m.atEnd():
		if m.hasNextLesson() {
			m.openLesson(m.lesson+1, 0)
		} else {
			m.toList()
		}
	case key.Matches(msg, k.Next):
		if next, ok := m.nextStep(); ok {
			m.gotoStep(next)
		}
	case key.Matches(msg, k.Prev):
		if prev, ok := m.prevStep(); ok {
			m.gotoStep(prev)
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
	case key.Matches(msg, k.Playground), key.Matches(msg, k.Back) && k.Playground.Enabled():
		// esc goes up one level: from the list, out of the course
		return m, common.Tab(common.ModeLearn)
	case key.Matches(msg, k.Up):
		m.cursor = (m.cursor + len(m.lessons) - 1) % len(m.lessons)
	case key.Matches(msg, k.Down):
		m.cursor = (m.cursor + 1) % len(m.lessons)
	case key.Matches(msg, k.Open) && len(m.lessons) > 0:
		l := m.lessons[m.cursor]
		if m.progress.Done(l.Name) { // the learner chooses where a finished lesson reopens
			m.screen, m.reopenChoice = screenReopen, 0
			return m, nil
		}
		step := 0
		if l.Name == m.progress.Lesson {
			step = min(m.progress.Step, l.Len()-1) // resume where the learner left
		}
		m.openLesson(m.cursor, step)
	}
	return m, nil
}

// openLesson opens lesson i at step.
func (m *Model) openLesson(i, step int) {
	m.screen, m.lesson, m.cursor, m.review = screenStep, i, i, nil
	m.gotoStep(step)
}

// toList goes back to the list, on the lesson that was open.
func (m *Model) toList() {
	m.screen, m.cursor, m.review = screenList, m.lesson, nil
}

// gotoStep shows step i of the open lesson and saves the progress;
// reaching the last step finishes the lesson. A question answered before
// in this session shows its answer again (going back keeps answers); any
// other starts afresh.
func (m *Model) gotoStep(i int) {
	m.step, m.scroll, m.status = i, 0, ""
	m.answerView = m.answers[stepKey{m.lesson, i}]
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
