// Package course is losslab's guided course: the lesson list with progress
// marks, lessons stepped through in order, questions asked before a state
// is revealed, and steps that open the playground, the batch view or the
// training mode on their state, hosted here so that esc comes back to the
// lesson. Lessons are scenarios files (package scenarios).
package course

import (
	"losslab/internal/errtext"
	"losslab/scenarios/curriculum"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/common"
)

// Config is what the guided course starts with.
type Config struct {
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

// courseScreen is what the course shows.
type courseScreen int

const (
	screenList      courseScreen = iota // the lessons with their marks
	screenStep                          // a lesson's step (its state, note, question)
	screenExploring                     // another mode on the step's state
	screenReopen                        // where a finished lesson reopens
)

// answerState is where a question step is.
type answerState int

const (
	asking   answerState = iota // the state's results are hidden
	answered                    // right or wrong, the explanation shows
	skipped
)

// Model is the guided course: a list of lessons with progress marks,
// lessons stepped through in order, questions asked before a state is
// revealed, and steps that open the playground or the batch view on their
// state (hosted here, so that esc comes back to the lesson).
type Model struct {
	ctx     *common.Context
	cfg     Config
	lessons []*scenarios.Scenario
	keys    KeyMap

	screen   courseScreen
	cursor   int // the list's selection
	lesson   int // the open lesson
	step     int // its step: 0 is the start (the description)
	progress curriculum.Progress
	status   string // one line: a saving problem, a typing error

	answerView                          // the open question's answer
	answers      map[stepKey]answerView // questions answered this session, kept when the learner steps back
	input        textinput.Model
	scroll       int   // first line of the text area shown
	review       []int // the steps of missed questions being retried, nil when not retrying
	reopenChoice int   // the choice on the reopen screen

	child tea.Model // the mode a step opened, while exploring

	width, height int
}

// New returns the course on the shared context.
func New(ctx *common.Context, cfg Config) *Model {
	m := Model{ctx: ctx, cfg: cfg, lessons: cfg.Lessons, keys: newKeyMap(ctx), answers: map[stepKey]answerView{}}
	if m.lessons == nil {
		m.lessons = curriculum.Lessons()
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
	in := ctx.Styles.NewTextInput()
	in.Prompt = "✎ "
	in.CharLimit = 16
	in.Width = 12
	in.Placeholder = ctx.Printer.T(i18n.LearnPlaceholder)
	m.input = in
	if cfg.ProgressPath != "" {
		p, err := curriculum.LoadProgress(cfg.ProgressPath)
		if err != nil {
			m.status = ctx.Printer.T(i18n.LearnProgressUnreadable, errtext.Message(ctx.Printer, err))
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
	return &m
}

// resumeLesson is the lesson the list selects first: the one last open,
// finished or not, else the first not finished.
func (m Model) resumeLesson() int {
	for i, l := range m.lessons {
		if l.Name == m.progress.Lesson {
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
func (m Model) Init() tea.Cmd { return nil }

// Lesson returns the open lesson and step (for tests).
func (m Model) Lesson() (name string, step int) {
	if m.screen == screenList {
		return "", 0
	}
	return m.lessons[m.lesson].Name, m.step
}

// Progress returns the course progress as saved (for tests).
func (m Model) Progress() curriculum.Progress { return m.progress }

// SetSize lays the course out for w×h cells, and the mode it hosts in its
// share of them (a mode starts nothing when resized).
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.child != nil {
		m.child, _ = m.child.Update(m.childSize())
	}
}

// ShortHelp is the keys that act on the screen shown: the list's, the
// step's, or those of the mode a step opened.
func (m Model) ShortHelp() []key.Binding {
	switch m.screen {
	case screenExploring:
		if c, ok := m.child.(help.KeyMap); ok {
			return c.ShortHelp()
		}
		return nil
	case screenList:
		return m.listKeys()
	case screenReopen:
		return m.reopenKeys()
	}
	return m.stepKeys(len(m.stepText(m.width)) > m.stepRows())
}

// FullHelp is the same keys: the key bar shows them all.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Update handles keys, sizes and, while exploring, everything the hosted
// mode needs; it returns the course changed (see common.Mode).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	return &next, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		return m.toChildMouse(msg)
	}
	if m.child != nil { // results and ticks of the hosted mode
		return m.toChild(msg)
	}
	return m, nil
}

func (m Model) toChild(msg tea.Msg) (Model, tea.Cmd) {
	next, cmd := m.child.Update(msg)
	m.child = next
	return m, cmd
}

var _ common.Mode = (*Model)(nil)
