// Package tui is losslab's interactive front end: one shell (App) hosting
// four modes — the playground, where the keyboard changes d(a,p), d(a,n),
// the margin and the labels and core/loss evaluates every change; the batch
// view of a labelled data set; training (trainview); and the guided course.
// A shared Context (size, styles from the program's renderer, key maps, the
// message printer) is handed to every mode and component.
package tui

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/statestr"
)

// Options configure a new playground.
type Options struct {
	Scenario *scenarios.Scenario  // nil: the article's first example
	Dir      string               // where 'w' writes recordings; "" is the current directory
	Now      func() time.Time     // clock for recording names; nil is time.Now
	Color    bool                 // false draws the heatmap with a character ramp
	Restore  *statestr.Playground // a decoded state string to open on (its preset replaces Scenario)
}

// Model is the playground mode. It is composed of an editor (values, typing,
// undo), a player (scenario replay), a recorder (the session for 'w') and a
// chart set; their fields are promoted so that the view reads m.state,
// m.scenario, m.chart directly.
type Model struct {
	ctx      *Context
	opts     Options
	keys     KeyMap
	help     help.Model
	styles   Styles
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
}

// New returns a playground at the scenario's start, or at the article's
// first example, on lipgloss's default renderer (for tests and the plain
// render; the app builds its modes with NewPlayground).
func New(opts Options) Model {
	ctx := NewContext(lipgloss.DefaultRenderer(), i18n.New(i18n.English))
	ctx.Color = opts.Color
	return NewPlayground(ctx, opts)
}

// NewPlayground returns the playground mode on the shared context.
func NewPlayground(ctx *Context, opts Options) Model {
	if opts.Now == nil {
		opts.Now = ctx.Now
	}
	if opts.Dir == "" {
		opts.Dir = ctx.Dir
	}
	opts.Color = ctx.Color
	m := Model{
		ctx:      ctx,
		opts:     opts,
		keys:     ctx.Keys.Playground,
		help:     ctx.Styles.newHelp(),
		styles:   ctx.Styles,
		editor:   newEditor(ctx.Styles),
		chartSet: newChartSet(),
	}
	m.speed = defaultSpeed
	m.player.load(opts.Scenario.In(ctx.Printer.Lang()))
	m.change(m.snapshot(), m.restore(opts.Restore), "")
	m.selected = ctx.Share.Hide.nextFree(grid.NumFields-1, 1) // the first control the teacher left free
	m.keys.replay = m.scenario != nil && m.scenario.Len() > 1 // a one-state scenario (a lesson's state) has nothing to replay
	return m
}

// Init starts nothing: the first frame needs no work beyond View.
func (m Model) Init() tea.Cmd { return nil }

// SetSize lays the playground out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
}

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
		m.status = err.Error()
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
	if switched && m.scenario != nil && m.step == 0 && s == m.scenario.Start {
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

// Update handles keys, window sizes, replay ticks and written sessions.
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
		case tooManySessions(msg.err):
			m.status = p.T(i18n.ScenSessionTooMany, msg.name)
		case msg.err != nil:
			m.status = p.T(i18n.ScenSessionWriteFail, msg.err)
		default:
			m.status = p.N(i18n.ScenSessionWrote, int64(msg.steps), msg.path, numfmt.Count(int64(msg.steps)))
		}
	case figureWrittenMsg:
		if msg.mode == ModePlayground {
			m.status = figureStatus(m.ctx.Printer, msg)
		}
	case HiddenMsg:
		m.playing = false // a replay waits while another mode is on screen
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
	return m, cmd
}

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	m.status = ""
	k, p := m.keys, m.ctx.Printer
	if m.help.ShowAll {
		return m.updateHelp(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Mode):
		return switchMode(ModeBatch)
	case key.Matches(msg, k.Learn):
		return switchMode(ModeLearn)
	case key.Matches(msg, k.Conventions):
		m.conventions.next()
	case key.Matches(msg, k.Up):
		m.selected = m.ctx.Share.Hide.nextFree(m.selected, -1)
	case key.Matches(msg, k.Down):
		m.selected = m.ctx.Share.Hide.nextFree(m.selected, 1)
	case key.Matches(msg, k.Dec):
		m.nudge(-coarseStep)
	case key.Matches(msg, k.Inc):
		m.nudge(coarseStep)
	case key.Matches(msg, k.DecFine):
		m.nudge(-fineStep)
	case key.Matches(msg, k.IncFine):
		m.nudge(fineStep)
	case key.Matches(msg, k.Toggle):
		if m.selected.IsLabel() {
			m.byHand(m.toggled())
		} else {
			return m.togglePlay()
		}
	case key.Matches(msg, k.Play):
		return m.togglePlay()
	case key.Matches(msg, k.Edit):
		m.startTyping()
	case key.Matches(msg, k.Chart):
		if m.notes.open || m.conventions.showing() { // the chart is hidden: show it first
			m.notes, m.conventions = notesView{}, conventionsPanel{}
			break
		}
		m.nextChart()
	case key.Matches(msg, k.Undo):
		m.undoLast()
	case key.Matches(msg, k.Reset):
		before := m.snapshot()
		m.playing, m.step, m.owned = false, 0, false
		m.change(before, m.start, p.T(i18n.NoteReset))
	case key.Matches(msg, k.Next):
		m.playing = false
		m.stepBy(1)
	case key.Matches(msg, k.Prev):
		m.playing = false
		m.stepBy(-1)
	case key.Matches(msg, k.Faster):
		m.faster()
	case key.Matches(msg, k.Slower):
		m.slower()
	case key.Matches(msg, k.PrevScenario):
		m.switchPreset(-1)
	case key.Matches(msg, k.NextScene):
		m.switchPreset(1)
	case key.Matches(msg, k.Record) && m.ctx.Share.NoFiles:
		m.status = p.T(i18n.ShareNoRecording)
	case key.Matches(msg, k.Record):
		return writeSession(m.opts.Dir, m.session.Scenario(p, m.opts.Now()))
	case key.Matches(msg, k.Notes):
		m.notes = m.notes.next(m.notesText(), m.notesPageCount())
	case key.Matches(msg, k.Help):
		m.help.ShowAll, m.helpPage = true, 0
	case key.Matches(msg, k.State):
		return m.openShare()
	case key.Matches(msg, k.Figure):
		return m.writeFigure()
	}
	return nil
}

// updateHelp answers keys while the help screen is up: it pages and closes,
// and no other key acts unseen behind it.
func (m *Model) updateHelp(msg tea.KeyMsg) tea.Cmd {
	pages := helpPageCount(m.ctx.Printer, m.keys, m.width, m.height)
	switch {
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	case key.Matches(msg, m.keys.Cancel, m.keys.Help):
		m.help.ShowAll = false
	case key.Matches(msg, m.keys.Inc, m.keys.Toggle):
		m.helpPage = min(m.helpPage+1, pages-1)
	case key.Matches(msg, m.keys.Dec):
		m.helpPage = max(m.helpPage-1, 0)
	}
	return nil
}

// byHand applies a change the user made: it pauses any replay and the user
// owns the state from there.
func (m *Model) byHand(s grid.State) {
	if s == m.state {
		return
	}
	before := m.snapshot()
	m.playing = false
	if m.scenario != nil {
		m.owned = true
	}
	m.change(before, s, "")
}

// nudge moves the selected value by delta (a label toggles), or says that
// the value is at its limit.
func (m *Model) nudge(delta grid.Hundredths) {
	if m.selected.IsLabel() {
		m.byHand(m.toggled())
		return
	}
	s, limit := m.nudged(delta, m.ctx.Printer)
	if limit != "" {
		m.status = limit
		return
	}
	m.byHand(s)
}

func (m *Model) undoLast() {
	prev, ok := m.popUndo()
	if !ok {
		m.status = m.ctx.Printer.T(i18n.NothingToUndo)
		return
	}
	tick := m.tick
	m.player = prev.replay
	m.playing, m.tick = false, tick // a timer still running must not advance the restored step
	if err := m.evaluate(prev.state); err != nil {
		m.status = err.Error()
		return
	}
	m.noteFull(m.session.Record(prev.state, m.ctx.Printer.T(i18n.NoteUndo)))
}

// stepBy moves the replay by d steps, or says why it cannot.
func (m *Model) stepBy(d int) {
	p := m.ctx.Printer
	switch {
	case m.scenario == nil:
		m.status = p.T(i18n.NoScenario)
	case m.gotoStep(m.step + d):
	case d > 0: // at a limit the key says so
		m.status = p.T(i18n.AtLastStep, m.scenario.Len()-1)
	default:
		m.status = p.T(i18n.AtFirstStep)
	}
}

// gotoStep moves the replay to step i; it reports whether it could.
func (m *Model) gotoStep(i int) bool {
	if !m.has(i) {
		return false
	}
	before := m.snapshot()
	m.step, m.owned = i, false
	m.change(before, m.scenario.StateAt(i), m.scenario.NoteAt(i))
	return true
}

func (m *Model) togglePlay() tea.Cmd {
	p := m.ctx.Printer
	switch {
	case m.scenario == nil:
		m.status = p.T(i18n.NoScenario)
		return nil
	case m.scenario.Len() < 2:
		m.status = p.T(i18n.NoStepsToPlay)
		return nil
	}
	if m.playing {
		m.playing = false
		return nil
	}
	m.playing = true
	if m.step >= m.scenario.Len()-1 { // at the end: play from the start
		m.gotoStep(0)
	}
	return m.scheduleTick()
}

// switchPreset opens the preset dir steps away and records the switch.
func (m *Model) switchPreset(dir int) {
	before := m.snapshot()
	next := m.presetAfter(dir)
	m.player.load(next.In(m.ctx.Printer.Lang()))
	m.change(before, m.start, "")
}

// updateTyping handles keys while a value is typed: enter takes it, esc
// drops it, ctrl+c quits; every other key is text.
func (m *Model) updateTyping(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Interrupt):
		return tea.Quit
	case key.Matches(msg, k.Cancel):
		m.stopTyping()
		return nil
	case key.Matches(msg, k.Confirm):
		s, err := m.parseInput(m.input.Value(), m.ctx.Printer)
		var te typingError
		if errors.As(err, &te) {
			// The note quotes the refused text; the field starts empty again,
			// so a retry is typed afresh ("5" then "e-1" must not read 5e-1).
			m.inputErr = &te
			m.input.Reset()
			return nil
		}
		m.stopTyping()
		m.byHand(s)
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.inputErr = nil
	return cmd
}
