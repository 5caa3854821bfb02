package course

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/scenarios/curriculum"
)

// answerView is where a question step is: asking (with the wrong answer
// of a first try, if any), or answered, skipped, with what was said.
type answerView struct {
	answer    answerState
	tries     int     // wrong answers so far: the first earns one retry
	said      string  // the last wrong answer, as typed or picked
	firstPick int     // the first wrong answer: the choice picked,
	firstX    float64 // or the number typed, as parsed
	diagnosis string  // what a listed mistake says about it (before the retry, without the answer)
	first     string  // the first wrong answer's whole diagnosis, for the reveal
	verdict   string  // what was said of the final answer
	right     bool
	choice    int // the selected choice
}

// stepKey names a step of a lesson.
type stepKey struct{ lesson, step int }

// updateAnswering handles a question: typing or picking, enter to check
// (a first wrong answer earns one retry), tab to skip, ← to the step
// before, esc to the list.
func (m Model) updateAnswering(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, q, p := m.keys, m.currentStep().Question, m.ctx.Printer
	switch {
	case key.Matches(msg, k.Back):
		m.toList()
		return m, nil
	case m.goesBack(msg):
		prev, _ := m.prevStep()
		m.gotoStep(prev)
		return m, nil
	case key.Matches(msg, k.Skip):
		m.answer, m.verdict, m.right = skipped, p.T(verdictID(q, i18n.LearnSkipped, i18n.LearnSkippedChoice), q.RightAnswer()), false
		m.diagnosis = "" // a first try's diagnosis would read as the skip's
		m.finish(curriculum.Skipped)
		return m, nil
	case key.Matches(msg, k.Answer):
		return m.check(q)
	}
	if len(q.Choices) > 0 {
		m.status = ""
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

// backKey reports whether ← (h on a choice) goes to the step before from
// the open question: always on a choice, on a number only while nothing is
// typed, since the input's cursor needs ← once there is text to move in.
func (m Model) backKey() bool {
	if _, ok := m.prevStep(); !ok {
		return false
	}
	return len(m.currentStep().Question.Choices) > 0 || m.input.Value() == ""
}

// goesBack reports whether msg leaves the open question for the step
// before (see backKey): h types into a number's input, so only ← there.
func (m Model) goesBack(msg tea.KeyMsg) bool {
	if !key.Matches(msg, m.keys.Prev) || !m.backKey() {
		return false
	}
	return len(m.currentStep().Question.Choices) > 0 || msg.Type == tea.KeyLeft
}

// check judges the answer given: right, a first wrong answer (diagnosed
// where the lesson lists the mistake, and one more try unless the question
// has two choices), or a second.
func (m Model) check(q *scenarios.Question) (Model, tea.Cmd) {
	var said, diagnosis string
	var x float64
	p := m.ctx.Printer
	if len(q.Choices) > 0 {
		if m.tries > 0 && m.choice == m.firstPick { // the retry is for another answer
			m.status = p.T(i18n.LearnRetrySameChoice)
			return m, nil
		}
		m.right = m.choice == q.Correct
		said, diagnosis = q.Choices[m.choice], q.DiagnoseChoice(m.choice)
	} else {
		typed := m.input.Value()
		var err error
		x, err = scenarios.ParseNumber(typed)
		if errors.Is(err, scenarios.ErrNotANumber) {
			m.status = p.T(i18n.LearnNotANumber, strings.TrimSpace(typed))
			return m, nil
		}
		if m.tries > 0 && x == m.firstX { // 1.0 after 1: the same answer
			m.status = p.T(i18n.LearnRetrySame, m.said)
			m.input.Reset()
			return m, nil
		}
		m.right, _ = q.CheckNumber(typed)
		said, diagnosis = strings.TrimSpace(typed), q.DiagnoseNumber(x)
	}
	m.status = ""
	if !m.right && m.tries == 0 && q.Retries() {
		// The diagnosis, but not the answer it may work out: that waits
		// for the reveal.
		m.tries, m.said, m.diagnosis, m.first = 1, said, q.FirstTry(diagnosis), diagnosis
		m.firstPick, m.firstX = m.choice, x
		m.input.Reset()
		m.answers[stepKey{m.lesson, m.step}] = m.answerView
		return m, nil
	}
	m.reveal(said, diagnosis)
	return m, nil
}

// reveal shows the state and the explanation after the final answer.
func (m *Model) reveal(said, diagnosis string) {
	q, p := m.currentStep().Question, m.ctx.Printer
	m.answer, m.diagnosis = answered, ""
	switch {
	case m.right && m.tries == 0:
		m.verdict = p.T(verdictID(q, i18n.LearnRight, i18n.LearnRightChoice), q.RightAnswer())
		m.finish(curriculum.Right)
	case m.right:
		m.verdict = p.T(verdictID(q, i18n.LearnRightRetry, i18n.LearnRightRetryChoice), q.RightAnswer())
		m.finish(curriculum.RightRetry)
	default:
		if diagnosis == "" { // the second answer is not a listed mistake: the first one's, in full
			diagnosis = m.first
		}
		m.verdict, m.diagnosis = p.T(verdictID(q, i18n.LearnWrong, i18n.LearnWrongChoice), said, q.RightAnswer()), diagnosis
		m.finish(curriculum.Wrong)
	}
}

// finish records the question's outcome, in the session (going back shows
// it again) and in the progress.
func (m *Model) finish(o curriculum.Outcome) {
	m.input.Blur()
	m.answers[stepKey{m.lesson, m.step}] = m.answerView
	m.progress.Record(m.lessons[m.lesson].Name, m.questionIndex(m.step), o)
	m.saveProgress()
}

// questionIndex is the 0-based place among the lesson's questions of the
// question at step.
func (m Model) questionIndex(step int) int {
	n := 0
	for _, st := range m.lessons[m.lesson].Steps[:step-1] {
		if st.Question != nil {
			n++
		}
	}
	return n
}

// questionSteps are the steps of lesson i that ask a question, in order.
func (m Model) questionSteps(i int) []int {
	var out []int
	for s, st := range m.lessons[i].Steps {
		if st.Question != nil {
			out = append(out, s+1)
		}
	}
	return out
}

// missedSteps are the steps of the open lesson's questions not answered
// right in the saved progress.
func (m Model) missedSteps() []int {
	steps := m.questionSteps(m.lesson)
	var out []int
	for _, q := range m.progress.Missed(m.lessons[m.lesson].Name, len(steps)) {
		out = append(out, steps[q])
	}
	return out
}

// startReview retries the open lesson's missed questions, one after the
// other, each asked afresh; after the last the lesson's end shows its score.
func (m *Model) startReview() {
	m.review = m.missedSteps()
	for _, s := range m.review {
		delete(m.answers, stepKey{m.lesson, s})
	}
	m.screen = screenStep
	m.gotoStep(m.review[0])
}

// nextStep is the step → goes to: the next one, or, while retrying, the
// next missed question and after the last the lesson's end.
func (m *Model) nextStep() (int, bool) {
	if m.review == nil {
		return m.step + 1, !m.atEnd()
	}
	for _, s := range m.review {
		if s > m.step {
			return s, true
		}
	}
	m.review = nil
	return m.lessons[m.lesson].Len() - 1, true
}

// prevStep is the step ← goes to: the one before, or, while retrying, the
// missed question before.
func (m Model) prevStep() (int, bool) {
	if m.review == nil {
		return m.step - 1, m.step > 0
	}
	for i := len(m.review) - 1; i >= 0; i-- {
		if m.review[i] < m.step {
			return m.review[i], true
		}
	}
	return 0, false
}

// reviewPosition is "k/n" of the question being retried, 0 when not retrying.
func (m Model) reviewPosition() (int, int) {
	for i, s := range m.review {
		if s == m.step {
			return i + 1, len(m.review)
		}
	}
	return 0, 0
}

// verdictID is a verdict's message for q: number's for a number question,
// choice's for a choice (which Chinese quotes: “两者都有”).
func verdictID(q *scenarios.Question, number, choice i18n.ID) i18n.ID {
	if len(q.Choices) > 0 {
		return choice
	}
	return number
}
