// Package tui is the playground: a Bubble Tea model in which the keyboard
// changes d(a,p), d(a,n), the margin and the labels, and every change is
// evaluated by core/loss and shown with its explanation and charts.
package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/scenarios"
)

// Minimum terminal size.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Steps of the arrow keys, in hundredths.
const (
	coarseStep = 5
	fineStep   = 1
)

// maxHistory bounds the history chart and the undo stack.
const maxHistory = 5000

// Replay speeds: a step lasts baseStepTime divided by the multiplier.
var speeds = []float64{0.25, 0.5, 1, 2, 4}

const baseStepTime = 3 * time.Second

// Options configure a new playground.
type Options struct {
	Scenario *scenarios.Scenario // nil: the article's first example
	Dir      string              // where 'w' writes recordings; "" is the current directory
	Now      func() time.Time    // clock for recording names; nil is time.Now
	Color    bool                // false draws the heatmap with a character ramp
}

// Model is the playground's state. Values live on the 0.01 grid.
type Model struct {
	opts   Options
	keys   KeyMap
	help   help.Model
	styles Styles
	width  int
	height int

	state    grid.State
	start    grid.State // what 'r' returns to
	eval     loss.Evaluation
	selected grid.Field
	undo     []grid.State
	history  []historyPoint
	chart    chartKind
	charts   *chartCache

	editing  bool
	input    textinput.Model
	inputErr string

	scenario  *scenarios.Scenario
	step      int  // replay position in scenario
	playing   bool // replay running
	owned     bool // the user changed the state by hand since the last step
	speed     int  // index into speeds
	tick      int  // identifies the live replay timer
	sessionAt grid.State
	recording []scenarios.Step
	status    string // one-off message, e.g. the written file
	notes     notesView
	helpPage  int
	plain     bool // a one-shot render without the help bar
}

type historyPoint struct{ triplet, contrastive float64 }

// noScenario answers replay keys when the playground has no scenario.
const noScenario = "no scenario to replay: press ] for the presets"

// tickMsg advances a replay; id discards ticks of a stopped timer.
type tickMsg struct{ id int }

// New returns a playground at the scenario's start, or at the article's
// first example.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	in := textinput.New()
	in.Prompt = "✎ "
	in.CharLimit = 12
	in.Width = 9
	m := Model{
		opts:   opts,
		keys:   DefaultKeyMap(),
		help:   help.New(),
		styles: DefaultStyles(),
		input:  in,
		chart:  chartTriplet,
		charts: newChartCache(),
		speed:  2,
	}
	m.loadScenario(opts.Scenario)
	return m
}

// loadScenario starts over at s (nil: the article's example).
func (m *Model) loadScenario(s *scenarios.Scenario) {
	m.scenario, m.step, m.playing, m.owned = s, 0, false, false
	start := grid.Article()
	if s != nil {
		start = s.Start
	}
	m.start = start
	m.setState(start, "")
}

// Init starts nothing: the first frame needs no work beyond View.
func (m Model) Init() tea.Cmd { return nil }

// setState makes s current and undoable; see commit.
func (m *Model) setState(s grid.State, note string) { m.commit(s, note, true) }

// commit makes s current: it is evaluated and added to the history and the
// session recording (with note), and the old state to the undo stack when
// undoable.
func (m *Model) commit(s grid.State, note string, undoable bool) {
	ev, err := loss.Evaluate(s.Setting())
	if err != nil { // the grid keeps every state valid; keep the old one if not
		m.status = err.Error()
		return
	}
	if m.history != nil && s == m.state {
		return
	}
	if m.history == nil { // the session's first state
		m.sessionAt = s
	} else {
		if undoable {
			m.undo = appendBounded(m.undo, m.state)
		}
		m.recording = append(m.recording, scenarios.Step{State: s, Set: grid.Diff(m.state, s), Note: note})
	}
	m.state, m.eval = s, ev
	m.history = appendBounded(m.history, historyPoint{ev.Triplet.Loss, ev.Contrastive})
}

func appendBounded[T any](xs []T, x T) []T {
	if len(xs) >= maxHistory {
		xs = xs[1:]
	}
	return append(xs, x)
}

// State returns the current values (for tests and the plain render).
func (m Model) State() grid.State { return m.state }

// Evaluation returns what core/loss computed for the current state.
func (m Model) Evaluation() loss.Evaluation { return m.eval }

// Update handles keys, window sizes and replay ticks.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		return m, nil
	case tickMsg:
		if !m.playing || msg.id != m.tick {
			return m, nil
		}
		if !m.gotoStep(m.step + 1) {
			m.playing = false
			return m, nil
		}
		return m, m.scheduleTick()
	case tea.KeyMsg:
		if m.editing {
			return m.updateEditing(msg)
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			return m.updateRunes(msg.Runes)
		}
		return m.updateKey(msg)
	}
	return m, nil
}

// updateRunes handles keys typed faster than the terminal is read, which
// arrive as one message ("jj"), one key at a time; typing may start midway.
func (m Model) updateRunes(runes []rune) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	var next tea.Model = m
	for _, r := range runes {
		var cmd tea.Cmd
		next, cmd = next.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

func (m Model) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.status = ""
	k := m.keys
	if m.help.ShowAll {
		return m.updateHelp(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Up):
		m.selected = (m.selected + grid.NumFields - 1) % grid.NumFields
	case key.Matches(msg, k.Down):
		m.selected = (m.selected + 1) % grid.NumFields
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
			m.toggleLabel()
		} else {
			return m, m.togglePlay()
		}
	case key.Matches(msg, k.Play):
		return m, m.togglePlay()
	case key.Matches(msg, k.Edit):
		m.startEditing()
		return m, textinput.Blink
	case key.Matches(msg, k.Chart):
		m.chart = (m.chart + 1) % numCharts
	case key.Matches(msg, k.Undo):
		m.undoLast()
	case key.Matches(msg, k.Reset):
		m.playing, m.step, m.owned = false, 0, false
		m.setState(m.start, "reset")
	case key.Matches(msg, k.Next):
		m.playing = false
		m.gotoStep(m.step + 1)
	case key.Matches(msg, k.Prev):
		m.playing = false
		m.gotoStep(m.step - 1)
	case key.Matches(msg, k.Faster):
		m.speed = min(m.speed+1, len(speeds)-1)
	case key.Matches(msg, k.Slower):
		m.speed = max(m.speed-1, 0)
	case key.Matches(msg, k.PrevScenario):
		m.switchPreset(-1)
	case key.Matches(msg, k.NextScene):
		m.switchPreset(1)
	case key.Matches(msg, k.Record):
		m.record()
	case key.Matches(msg, k.Notes):
		m.notes = m.notes.next(m.notesText(), m.notesPageCount())
	case key.Matches(msg, k.Help):
		m.help.ShowAll, m.helpPage = true, 0
	}
	return m, nil
}

// updateHelp answers keys while the help screen is up: it pages and closes,
// and no other key acts unseen behind it.
func (m Model) updateHelp(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	pages := helpPageCount(m.printer(), m.keys, m.width, m.height)
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case msg.String() == "esc" || key.Matches(msg, m.keys.Help):
		m.help.ShowAll = false
	case key.Matches(msg, m.keys.Inc, m.keys.Toggle):
		m.helpPage = min(m.helpPage+1, pages-1)
	case key.Matches(msg, m.keys.Dec):
		m.helpPage = max(m.helpPage-1, 0)
	}
	return m, nil
}

// byHand applies a change the user made: it pauses any replay and the user
// owns the state from there.
func (m *Model) byHand(s grid.State) {
	if s == m.state {
		return
	}
	m.playing = false
	if m.scenario != nil {
		m.owned = true
	}
	m.setState(s, "")
}

func (m *Model) nudge(delta grid.Hundredths) {
	if m.selected.IsLabel() {
		m.toggleLabel()
		return
	}
	m.byHand(m.state.WithValue(m.selected, m.state.Value(m.selected)+delta))
}

func (m *Model) toggleLabel() {
	if !m.selected.IsLabel() {
		return
	}
	y := loss.Same
	if m.state.Label(m.selected) == loss.Same {
		y = loss.Different
	}
	m.byHand(m.state.WithLabel(m.selected, y))
}

func (m *Model) undoLast() {
	if len(m.undo) == 0 {
		m.status = "nothing to undo"
		return
	}
	prev := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	m.playing = false
	m.commit(prev, "undo", false)
}

// gotoStep moves the replay to step i; it reports whether it could.
func (m *Model) gotoStep(i int) bool {
	if m.scenario == nil || i < 0 || i >= m.scenario.Len() {
		if m.scenario == nil {
			m.status = noScenario
		}
		return false
	}
	m.step, m.owned = i, false
	m.setState(m.scenario.StateAt(i), m.scenario.NoteAt(i))
	return true
}

func (m *Model) togglePlay() tea.Cmd {
	switch {
	case m.scenario == nil:
		m.status = noScenario
		return nil
	case m.scenario.Len() < 2:
		m.status = "this scenario has no steps to play"
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

func (m *Model) scheduleTick() tea.Cmd {
	m.tick++
	id := m.tick
	d := time.Duration(float64(baseStepTime) / speeds[m.speed])
	return tea.Tick(d, func(time.Time) tea.Msg { return tickMsg{id} })
}

func (m *Model) switchPreset(dir int) {
	ps := scenarios.Presets()
	i := -1
	for j, p := range ps {
		if m.scenario != nil && p.Name == m.scenario.Name && m.scenario.Source == "preset" {
			i = j
		}
	}
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(ps) - 1
	default:
		i = (i + dir + len(ps)) % len(ps)
	}
	m.loadScenario(ps[i])
}

func (m *Model) startEditing() {
	m.editing, m.inputErr = true, ""
	m.input.Reset()
	if m.selected.IsLabel() {
		m.input.Placeholder = "same or different"
		m.input.SetValue(m.state.Label(m.selected).String())
	} else {
		m.input.Placeholder = fmt.Sprintf("0 to %s", m.selected.Max())
		m.input.SetValue(m.state.Value(m.selected).String())
	}
	m.input.CursorEnd()
	m.input.Focus()
}

func (m Model) updateEditing(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "ctrl+c":
		return m, tea.Quit
	case "esc":
		m.editing, m.inputErr = false, ""
		m.input.Blur()
		return m, nil
	case "enter":
		s, err := m.parseInput(m.input.Value())
		if err != nil {
			m.inputErr = err.Error()
			return m, nil
		}
		m.editing, m.inputErr = false, ""
		m.input.Blur()
		m.byHand(s)
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.inputErr = ""
	return m, cmd
}

// parseInput turns typed text into a new state, or says what is wrong.
func (m Model) parseInput(text string) (grid.State, error) {
	text = strings.TrimSpace(text)
	f := m.selected
	if f.IsLabel() {
		switch strings.ToLower(text) {
		case "same", "s", "1":
			return m.state.WithLabel(f, loss.Same), nil
		case "different", "diff", "d", "0":
			return m.state.WithLabel(f, loss.Different), nil
		}
		return m.state, fmt.Errorf("%q: type same or different", text)
	}
	x, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return m.state, fmt.Errorf("%q is not a number", text)
	}
	h, err := f.Value(x)
	if err != nil {
		return m.state, err
	}
	return m.state.WithValue(f, h), nil
}

// record writes the session as a scenario file: its first state plus every
// change as a step.
func (m *Model) record() {
	now := m.opts.Now()
	name := "session-" + now.Format("20060102-150405")
	title := "Recorded session"
	if m.scenario != nil {
		title += " (from " + m.scenario.Name + ")"
	}
	s := &scenarios.Scenario{
		Name: name, Title: title,
		Description: "Recorded with losslab on " + now.Format("2006-01-02 15:04") + ".",
		Start:       m.sessionAt, Steps: m.recording,
	}
	for i := 0; i < 100; i++ {
		file := name + ".toml"
		if i > 0 {
			file = fmt.Sprintf("%s-%d.toml", name, i+1)
		}
		path := filepath.Join(m.opts.Dir, file)
		err := scenarios.WriteNew(path, scenarios.Encode(s))
		if err == nil {
			m.status = fmt.Sprintf("wrote %s (%d steps)", path, len(s.Steps))
			return
		}
		if !errors.Is(err, scenarios.ErrExists) {
			m.status = "could not write the session: " + err.Error()
			return
		}
	}
	m.status = "could not write the session: too many files named " + name
}
