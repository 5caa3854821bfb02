package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/scenarios"
	"losslab/scenarios/course"
	"losslab/tui/trainview"
)

// LearnConfig is what the guided course starts with.
type LearnConfig struct {
	// Lessons is the course in order; nil is the embedded course.
	Lessons []*scenarios.Scenario
	// ProgressPath is where progress is kept; "" keeps none (a user's own
	// lesson file, tests).
	ProgressPath string
	// Open starts in the first lesson instead of the list (a user's file).
	Open bool
	// OpenLesson, if set, starts in the lesson of that ID instead of the list.
	OpenLesson string
}

// LearnKeyMap is every key the course answers to. Which ones act depends on
// the screen (list, step, question, exploring); the help line shows those.
type LearnKeyMap struct {
	Up, Down, Open       key.Binding // the list
	Next, Prev, Explore  key.Binding // a lesson's steps
	NextLesson, ToList   key.Binding // enter at a lesson's end: the next one, or after the last the list
	Answer, Skip         key.Binding // a question
	Back                 key.Binding // to the list, or from exploring to the lesson
	Return, Scroll, Pick key.Binding // help entries only: esc while exploring, ↑/↓ in long text and in choices
	Playground           key.Binding
	Quit, Interrupt      key.Binding
}

func newLearnKeys(b func(string, i18n.ID, ...string) key.Binding) LearnKeyMap {
	return LearnKeyMap{
		Up:         b("↑/k", i18n.KeyUp, "up", "k"),
		Down:       b("↓/j", i18n.KeyDown, "down", "j"),
		Open:       b("enter", i18n.LearnKeyOpen, "enter"),
		Next:       b("→/space", i18n.LearnKeyNext, "right", "l", " ", "enter"),
		Prev:       b("←", i18n.LearnKeyPrev, "left", "h"),
		Explore:    b("e", i18n.LearnKeyExplore, "e"),
		NextLesson: b("enter", i18n.LearnKeyNextLesson, "enter"),
		ToList:     b("enter", i18n.LearnKeyBack, "enter"),
		Answer:     b("enter", i18n.LearnKeyAnswer, "enter"),
		Skip:       b("tab", i18n.LearnKeySkip, "tab"),
		Back:       b("esc", i18n.LearnKeyBack, "esc"),
		Return:     b("esc", i18n.LearnKeyReturn, "esc"),
		Scroll:     b("↑/↓", i18n.LearnKeyScroll, "up", "down"),
		Pick:       b("↑/↓/1-9", i18n.LearnKeyPick, "up", "down"),
		Playground: b("tab", i18n.KeyToPlayground, "tab"),
		Quit:       b("q", i18n.KeyQuit, "q", "ctrl+c"),
		Interrupt:  b("ctrl+c", i18n.KeyQuit, "ctrl+c"),
	}
}

// learnScreen is what the course shows.
type learnScreen int

const (
	screenList      learnScreen = iota // the lessons with their marks
	screenStep                         // a lesson's step (its state, note, question)
	screenExploring                    // another mode on the step's state
)

// answerState is where a question step is.
type answerState int

const (
	asking   answerState = iota // the state's results are hidden
	answered                    // right or wrong, the explanation shows
	skipped
)

// LearnModel is the guided course: a list of lessons with progress marks,
// lessons stepped through in order, questions asked before a state is
// revealed, and steps that open the playground or the batch view on their
// state (hosted here, so that esc comes back to the lesson).
type LearnModel struct {
	ctx     *Context
	cfg     LearnConfig
	lessons []*scenarios.Scenario
	keys    LearnKeyMap
	help    help.Model

	screen   learnScreen
	cursor   int // the list's selection
	lesson   int // the open lesson
	step     int // its step: 0 is the start (the description)
	progress course.Progress
	status   string // one line: a saving problem, a typing error

	answer  answerState
	input   textinput.Model
	choice  int    // the selected choice
	verdict string // what was said of the learner's answer
	right   bool
	scroll  int // first line of the text area shown

	child tea.Model // the mode a step opened, while exploring

	width, height int
}

// openLearn opens the course for the app.
func openLearn(ctx *Context, cfg Config) tea.Model { return NewLearn(ctx, cfg.Learn) }

// NewLearn returns the course on the shared context.
func NewLearn(ctx *Context, cfg LearnConfig) LearnModel {
	m := LearnModel{ctx: ctx, cfg: cfg, lessons: cfg.Lessons, keys: ctx.Keys.Learn, help: ctx.Styles.newHelp()}
	if m.lessons == nil {
		m.lessons = course.Lessons()
	}
	// Lessons in the interface's language where the file has it (title_zh,
	// description_zh, note_zh, question_zh, choices_zh, explain_zh); a
	// choice is checked by its index, so the language never changes what
	// is right.
	shown := make([]*scenarios.Scenario, len(m.lessons))
	for i, l := range m.lessons {
		shown[i] = l.In(ctx.Printer.Lang())
	}
	m.lessons = shown
	in := ctx.Styles.newTextInput()
	in.Prompt = "✎ "
	in.CharLimit = 16
	in.Width = 12
	in.Placeholder = ctx.Printer.T(i18n.LearnPlaceholder)
	m.input = in
	if cfg.ProgressPath != "" {
		p, err := course.LoadProgress(cfg.ProgressPath)
		if err != nil {
			m.status = ctx.Printer.T(i18n.LearnProgressUnreadable, err)
		}
		m.progress = p
	}
	m.cursor = m.resumeLesson()
	if cfg.Open && len(m.lessons) > 0 {
		m.openLesson(0, 0)
	}
	for i, l := range m.lessons {
		if cfg.OpenLesson != "" && l.Name == cfg.OpenLesson {
			m.cursor = i
			m.openLesson(i, 0)
		}
	}
	return m
}

// resumeLesson is the lesson the list selects first: the one last open,
// else the first not finished.
func (m LearnModel) resumeLesson() int {
	for i, l := range m.lessons {
		if l.Name == m.progress.Lesson && !m.progress.Done(l.Name) {
			return i
		}
	}
	for i, l := range m.lessons {
		if !m.progress.Done(l.Name) {
			return i
		}
	}
	return 0
}

// Init starts nothing.
func (m LearnModel) Init() tea.Cmd { return nil }

// Lesson returns the open lesson and step (for tests).
func (m LearnModel) Lesson() (name string, step int) {
	if m.screen == screenList {
		return "", 0
	}
	return m.lessons[m.lesson].Name, m.step
}

// Progress returns the course progress as saved (for tests).
func (m LearnModel) Progress() course.Progress { return m.progress }

// SetSize lays the course out for w×h cells.
func (m *LearnModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
}

// Update handles keys, sizes and, while exploring, everything the hosted
// mode needs.
func (m LearnModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
		if m.child != nil {
			return m.toChild(m.childSize())
		}
		return m, nil
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	if m.child != nil { // results and ticks of the hosted mode
		return m.toChild(msg)
	}
	return m, nil
}

func (m LearnModel) toChild(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.child.Update(msg)
	m.child = next
	return m, cmd
}

func (m LearnModel) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
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

func (m LearnModel) updateList(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	m.status = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Playground):
		return m, switchMode(ModePlayground)
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
func (m LearnModel) updateAnswering(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k, q, p := m.keys, m.currentStep().Question, m.ctx.Printer
	switch {
	case key.Matches(msg, k.Back):
		m.screen, m.cursor = screenList, m.lesson
		return m, nil
	case key.Matches(msg, k.Skip):
		m.answer, m.verdict, m.right = skipped, p.T(i18n.LearnSkipped, q.RightAnswer()), false
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
func (m *LearnModel) reveal(said string) {
	q, p := m.currentStep().Question, m.ctx.Printer
	m.answer = answered
	m.input.Blur()
	if m.right {
		m.verdict = p.T(i18n.LearnRight, q.RightAnswer())
	} else {
		m.verdict = p.T(i18n.LearnWrong, said, q.RightAnswer())
	}
}

// openLesson opens lesson i at step.
func (m *LearnModel) openLesson(i, step int) {
	m.screen, m.lesson, m.cursor = screenStep, i, i
	m.gotoStep(step)
}

// gotoStep shows step i of the open lesson, resets its question and saves
// the progress; reaching the last step finishes the lesson.
func (m *LearnModel) gotoStep(i int) {
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
func (m *LearnModel) saveProgress() {
	l := m.lessons[m.lesson]
	m.progress.Lesson, m.progress.Step = l.Name, m.step
	if m.atEnd() {
		m.progress.Complete(l.Name)
	}
	if m.cfg.ProgressPath == "" {
		return
	}
	if err := m.progress.Save(m.cfg.ProgressPath); err != nil {
		m.status = m.ctx.Printer.T(i18n.LearnProgressNotSaved, err)
	}
}

// currentStep is the open step, nil at a lesson's start.
func (m LearnModel) currentStep() *scenarios.Step {
	if m.screen == screenList || m.step == 0 {
		return nil
	}
	return &m.lessons[m.lesson].Steps[m.step-1]
}

// asking reports whether a question waits for its answer.
func (m LearnModel) asking() bool {
	st := m.currentStep()
	return st != nil && st.Question != nil && m.answer == asking
}

// atEnd reports whether the open lesson is at its last step.
func (m LearnModel) atEnd() bool { return m.step == m.lessons[m.lesson].Len()-1 }

// shownState is the state the step shows: its own.
func (m LearnModel) shownState() grid.State { return m.lessons[m.lesson].StateAt(m.step) }

// explore opens the step's mode on its state.
func (m LearnModel) explore() (tea.Model, tea.Cmd) {
	l, st := m.lessons[m.lesson], m.currentStep()
	switch st.Mode.Kind {
	case scenarios.ModePlayground:
		s := &scenarios.Scenario{Name: l.Name, Title: l.Title, Start: m.shownState(), Source: scenarios.SourceLesson}
		m.child = NewPlayground(m.ctx.hosted(), Options{Scenario: s})
	case scenarios.ModeBatch:
		d, err := dataset.Demo(st.Mode.Demo)
		if err != nil {
			m.status = err.Error()
			return m, nil
		}
		m.child = NewBatchMode(m.ctx.hosted(), d, batch.Options{Margin: m.shownState().Margin.Float()})
	case scenarios.ModeTrain:
		child, err := lessonTrain(m.ctx, st.Mode.Train)
		if err != nil {
			m.status = err.Error()
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
func (m *LearnModel) leaveChild() {
	if m.child != nil {
		m.child.Update(HiddenMsg{})
	}
	m.child, m.screen = nil, screenStep
}

// keepsHeader reports whether the hosted mode's first line carries data
// (the batch view's data set, size and classes; the training mode's data
// set, model, learning rate, seed and whether it plays), so that the banner
// goes above it instead of in its place; the playground's first line only
// repeats the lesson's title. The training mode needs all of an 80×24
// window, so there it gives its first line up.
func (m LearnModel) keepsHeader() bool {
	switch m.child.(type) {
	case BatchModel:
		return true
	case trainview.Model:
		return m.height-1 >= trainview.MinHeight
	}
	return false
}

// childSize is the hosted mode's share of the window: all of it, less the
// banner's line when the mode keeps its own first line.
func (m LearnModel) childSize() tea.WindowSizeMsg {
	if m.keepsHeader() {
		return tea.WindowSizeMsg{Width: m.width, Height: m.height - 1}
	}
	return tea.WindowSizeMsg{Width: m.width, Height: m.height}
}

// childTakesEsc reports whether esc belongs to the hosted mode: its
// playground is typing a value, or its help is open (esc closes it).
func (m LearnModel) childTakesEsc() bool {
	switch c := m.child.(type) {
	case Model:
		return c.editing || c.help.ShowAll
	case BatchModel:
		return c.help.ShowAll
	}
	return false
}

// evaluation is what core/loss computes for the shown state.
func (m LearnModel) evaluation() (loss.Evaluation, error) {
	return loss.Evaluate(m.shownState().Setting())
}
