package playground

import (
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/tui/common"
)

// What each key does: the keys of the key map (keys.go), each acting on the
// playground's values, its replay, its panels or the app.

// updateKey answers a key while no value is typed.
func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	m.status = ""
	k, p := m.keys, m.ctx.Printer
	if m.help.ShowAll {
		return m.updateHelp(msg)
	}
	if m.inPoints() {
		if cmd, ok := m.updatePointsKey(msg); ok {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Mode):
		return common.Tab(common.ModePlayground)
	case key.Matches(msg, k.Learn):
		return common.SwitchMode(common.ModeLearn)
	case msg.String() == "g" && ValuesHidden(m.ctx.Share.Hide):
		m.status = p.T(i18n.HideNoCourse)
	case key.Matches(msg, k.Conventions):
		m.conventions.next()
	case key.Matches(msg, k.Points):
		m.enterPoints()
	case key.Matches(msg, k.Cancel): // esc closes what covers the chart
		m.notes, m.conventions = notesView{}, conventionsPanel{}
	case key.Matches(msg, k.Up):
		m.selected = m.ctx.Share.Hide.NextFree(m.selected, -1)
	case key.Matches(msg, k.Down):
		m.selected = m.ctx.Share.Hide.NextFree(m.selected, 1)
	case key.Matches(msg, k.Dec):
		m.nudge(-common.CoarseStep)
	case key.Matches(msg, k.Inc):
		m.nudge(common.CoarseStep)
	case key.Matches(msg, k.DecFine):
		m.nudge(-common.FineStep)
	case key.Matches(msg, k.IncFine):
		m.nudge(common.FineStep)
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
		m.change(before, m.keepPlace(m.start, false), p.T(i18n.NoteReset))
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
		return writeSession(m.id, m.opts.Dir, m.session.Scenario(p, m.opts.Now()))
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
	pages := helpPageCount(m.ctx.Printer, m.helpKeys(), m.width, m.height)
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
	m.change(before, m.keepPlace(m.scenario.StateAt(i), m.stepSetsPoints(i)), m.scenario.NoteAt(i))
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
	m.change(before, m.keepPlace(m.start, false), "")
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
