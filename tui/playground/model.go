// Package playground is losslab's first mode: the keyboard changes d(a,p),
// d(a,n), the margin and the two labels on the 0.01 grid, core/loss
// evaluates every change, and the panels show the triplet and contrastive
// losses, every registered variant, a chart from the chart table
// (charttable.go), notes, conventions and the state string. Every number on
// screen comes from core/loss.
package playground

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/statestr"
	"losslab/tui/common"
)

// Options configure a new playground.
type Options struct {
	Scenario *scenarios.Scenario  // nil: the article's first example
	Dir      string               // where 'w' writes recordings; "" is the current directory
	Now      func() time.Time     // clock for recording names; nil is time.Now
	Restore  *statestr.Playground // a decoded state string to open on (its preset replaces Scenario)
	Points   bool                 // open in points mode (losslab --points)
}

// Model is the playground mode. It is composed of an editor (values, typing,
// undo), a player (scenario replay), a recorder (the session for 'w') and a
// chart set; their fields are promoted so that the view reads m.state,
// m.scenario, m.chart directly.
type Model struct {
	id       uint64 // this playground, named by the files it asks for (common.NewID)
	ctx      *common.Context
	opts     Options
	keys     KeyMap
	help     help.Model
	styles   common.Styles
	width    int
	height   int
	status   string // one-off message, e.g. the written file
	fullSaid bool   // the session's limit was announced
	plain    bool   // a one-shot render without the help bar
	notes    notesView
	helpPage int
	sharing  sharing

	editor
	player
	recorder
	chartSet
	conventions conventionsPanel
	pts         pointsState
}

// New returns the playground on the shared context, at the scenario's
// start, or at the article's first example.
func New(ctx *common.Context, opts Options) *Model {
	if opts.Now == nil {
		opts.Now = ctx.Now
	}
	if opts.Dir == "" {
		opts.Dir = ctx.Dir
	}
	m := Model{
		id:       common.NewID(),
		ctx:      ctx,
		opts:     opts,
		keys:     newKeyMap(ctx),
		help:     ctx.Styles.NewHelp(),
		styles:   ctx.Styles,
		editor:   newEditor(ctx.Styles),
		chartSet: newChartSet(),
	}
	m.speed = defaultSpeed
	m.player.load(opts.Scenario.In(ctx.Printer.Lang()))
	start := m.restore(opts.Restore)
	if opts.Points && !m.distanceFixed() {
		start = start.WithPointsFrom(grid.Points{})
	}
	m.change(m.snapshot(), start, "")
	m.selected = ctx.Share.Hide.NextFree(grid.NumFields-1, 1) // the first control the teacher left free
	m.keys.replay = m.scenario != nil && m.scenario.Len() > 1 // a one-state scenario (a lesson's state) has nothing to replay
	return &m
}

// Init starts nothing: the first frame needs no work beyond View.
func (m Model) Init() tea.Cmd { return nil }

// SetSize lays the playground out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.refreshPlane()
}

// ShortHelp is the help line's keys: the replay keys while a scenario is
// loaded, what the arrows do to the selected control, the typing keys while
// a value is typed.
func (m Model) ShortHelp() []key.Binding {
	if m.editing {
		return m.keys.TypingHelp()
	}
	if m.inPoints() {
		return m.keys.pointsHelp(m.canUndo())
	}
	return m.keys.withUndo(m.canUndo()).ShortHelp()
}

// FullHelp is every key, as '?' shows them.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// TakesEsc reports whether esc is the playground's own now: it cancels the
// value being typed, closes the help, the notes or the conventions, or
// leaves points mode (a lesson hosting the playground, or the shell, takes
// the user back on esc otherwise).
func (m Model) TakesEsc() bool {
	return m.editing || m.help.ShowAll || m.notes.open || m.conventions.showing() || m.inPoints()
}

// canUndo reports whether u has something to undo.
func (m Model) canUndo() bool { return len(m.undo) > 0 }

// State returns the current values (for tests and the plain render).
func (m Model) State() grid.State { return m.state }

// Evaluation returns what core/loss computed for the current state.
func (m Model) Evaluation() loss.Evaluation { return m.eval }

func (m Model) snapshot() snapshot { return snapshot{state: m.state, replay: m.player} }

// change makes s current after the user's view was at before: s is
// evaluated, recorded with note, and before becomes undoable when the state
// or the scenario position moved.
func (m *Model) change(before snapshot, s grid.State, note string) {
	if err := m.evaluate(s); err != nil { // the grid keeps every state valid; keep the old one if not
		m.status = errtext.Message(m.ctx.Printer, err)
		return
	}
	if !m.recorder.started() { // the session's first state
		m.begin(s, m.scenario)
		return
	}
	switched := before.replay.scenario != m.scenario
	if before.state == s && !switched && before.replay.step == m.step && before.replay.owned == m.owned {
		return
	}
	m.pushUndo(before)
	if switched && m.scenario != nil && m.step == 0 && s.WithoutPoints() == m.scenario.Start.WithoutPoints() {
		m.noteFull(m.session.RecordPresetSwitch(m.scenario.Name, s))
		return
	}
	m.noteFull(m.session.Record(s, note))
}

// noteFull says once that the session stopped recording at the loader's
// limits.
func (m *Model) noteFull(err error) {
	if errors.Is(err, scenarios.ErrSessionFull) && !m.fullSaid {
		m.status, m.fullSaid = m.ctx.Printer.T(i18n.ScenSessionFull, numfmt.Count(scenarios.MaxSteps)), true
	}
}

// Update handles keys, window sizes, replay ticks and written sessions; it
// returns the playground changed (see common.Mode).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case tickMsg:
		if m.playing && msg.id == m.tick {
			if m.gotoStep(m.step + 1) {
				cmd = m.scheduleTick()
			} else {
				m.playing = false
			}
		}
	case sessionWrittenMsg:
		p := m.ctx.Printer
		switch {
		case msg.by != m.id:
		case tooManySessions(msg.err):
			m.status = p.T(i18n.ScenSessionTooMany, msg.name)
		case msg.err != nil:
			m.status = p.T(i18n.ScenSessionWriteFail, errtext.Message(p, msg.err))
		default:
			m.status = p.N(i18n.ScenSessionWrote, int64(msg.steps), msg.path, numfmt.Count(int64(msg.steps)))
		}
	case common.FigureWrittenMsg:
		if msg.By == m.id {
			m.status = common.FigureStatus(m.ctx.Printer, msg)
		}
	case common.HiddenMsg:
		m.playing = false // a replay waits while another mode is on screen
	case tea.MouseMsg:
		m.updateMouse(msg)
	case tea.KeyMsg:
		if m.sharing.shown { // any key closes the panel; s and esc only close it
			m.sharing.shown = false
			if key.Matches(msg, m.keys.State, m.keys.Cancel) {
				break
			}
		}
		if m.editing {
			cmd = m.updateTyping(msg)
		} else {
			cmd = m.updateKey(msg)
		}
	}
	m.keys.replay = m.scenario != nil && m.scenario.Len() > 1 // a one-state scenario (a lesson's state) has nothing to replay
	m.refreshPlane()
	return &m, cmd
}

var _ common.Mode = (*Model)(nil)
