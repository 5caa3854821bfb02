// Package trainview is losslab's training mode: a self-contained Bubble Tea
// component (Init, Update, View, SetSize) that trains one run, or two side by
// side, with core/train and shows per run the embedding scatter, the two
// distance distributions with the margin, the loss curve, the AUC and the
// active fraction. Every number on screen comes from core/train. AppMode
// (app.go) is the component as the app hosts it.
package trainview

import (
	"slices"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/tui/common"
)

// Minimum size: the app's smallest window less the shell's bars.
const (
	MinWidth  = common.MinWidth
	MinHeight = common.MinModeHeight
)

// Frame is the time between two frames while playing (30 frames a second).
const Frame = time.Second / 30

// speeds are the steps a frame the speed keys step through.
var speeds = []int{1, 2, 5, 10, 20, 50}

// historyCap bounds the points kept per curve; beyond it every other point
// is dropped, so the curve keeps its shape at any length.
const historyCap = 1024

// Options configure the mode.
type Options struct {
	// Color draws classes in colours (braille dots); without it each class
	// has its own glyph, as NO_COLOR asks.
	Color bool
	// File is the user's data set (--in), offered among the data sets.
	File *train.Data
	// Printer is the language of the screen (the zero value is English).
	Printer i18n.Printer
	// Base is an unstyled style bound to the program's renderer; the zero
	// value uses lipgloss's default renderer (a program of its own).
	Base lipgloss.Style
	// Hosted says an app hosts the mode: the Mode key (Tab) and the State
	// key are then live and the host acts on them; on its own the mode has
	// no other mode.
	Hosted bool
	// Tab is the host's key to its next mode, which the help lists.
	Tab key.Binding
	// Budget, if set, paces playing (budget.go); nil trains every step.
	Budget common.Budget
	// Chunk is the longest a job trains before it shows progress (job.go):
	// 0 is DefaultChunk; below 0 a job takes all its steps, so that what
	// is measured when does not depend on the machine's speed (goldens).
	Chunk time.Duration
}

// PauseMsg stops playing (the host sends it when the mode is hidden, so
// that training does not go on where nobody sees it).
type PauseMsg struct{}

// history is one run's curve: the loss and AUC at the measured steps.
type history struct {
	steps     []int
	loss, auc []float64
}

func (h *history) add(m train.Metrics) {
	if n := len(h.steps); n > 0 && h.steps[n-1] == m.Step {
		return
	}
	if len(h.steps) == historyCap {
		h.steps, h.loss, h.auc = halve(h.steps), halve(h.loss), halve(h.auc)
	}
	h.steps, h.loss, h.auc = append(h.steps, m.Step), append(h.loss, m.Loss), append(h.auc, m.AUC)
}

func halve[T any](xs []T) []T {
	out := xs[:0]
	for i := 0; i < len(xs); i += 2 {
		out = append(out, xs[i])
	}
	return out
}

// Model is the training mode.
type Model struct {
	opts Options
	cfg  train.Config
	data *train.Data
	tr   *train.Trainer
	err  error // the last error (a diverged run); the screen says it
	// refused is a change the runs could not take (a data set with too
	// few classes, a setting core/train refuses): the screen says it until
	// the next key, and the runs it leaves go on as before.
	refused error
	p       i18n.Printer
	keys    KeyMap
	help    help.Model
	styles  styles

	playing   bool
	speed     int    // index into speeds
	tickSeq   uint64 // the current tick chain (common.NewID: another mode's ticks are not its)
	collapsed bool
	// stoppedAtCollapse: playing stopped because a run collapsed (not
	// because the user paused or stepped), which the note then says.
	stoppedAtCollapse bool
	collapsedAt       []int // per run, the step it was first seen collapsed (0: not yet)
	cur               []train.Metrics
	// slow mode (slow.go): one step a second, one anchor shown per run.
	slow   bool
	anchor int // the anchor's position in the batch
	insp   []train.Inspection
	hist   []history
	boxes  []viewBox

	width, height int
	screen        string // the rendered screen, rebuilt when something changes
	paced         int    // frames left to say that the budget held training back (budget.go)

	// Training off the event loop (job.go): a job is running (busy), the
	// keys that came meanwhile, the flag that stops it, the step a run
	// goes to (0: none) from runFrom, and how fast it trains.
	busy            bool
	jobSeq          uint64 // the running job (common.NewID)
	stop            stopFlag
	pending         []tea.KeyMsg
	target, runFrom int
	rate            speedometer
	prompt          stepPrompt // run to step N (goto.go)
	pick            picker     // the menus of settings (picker.go)
	// fixAxis holds each distance histogram at the range it had when the
	// mode opened (axisTop), so that a shrink is seen as one.
	fixAxis bool
	axisTop []float64
}

type tickMsg struct{ seq uint64 }

// New returns the mode on tr (its config and data), at step 0.
func New(tr *train.Trainer, opts Options) Model {
	m := Model{opts: opts, cfg: tr.Config(), data: tr.Data(), tr: tr, p: opts.Printer, keys: NewKeyMap(opts.Printer), styles: newStyles(opts.Base, opts.Color)}
	m.help = m.styles.newHelp()
	if opts.Hosted {
		m.keys.Mode = opts.Tab
	}
	m.keys.State.SetEnabled(opts.Hosted)
	m.stop = new(atomic.Bool)
	m.start()
	return m
}

// Init starts a run to a step (RunTo), if one was set; otherwise training
// waits for the play key.
func (m Model) Init() tea.Cmd {
	if m.target == 0 {
		return nil
	}
	return m.resume()
}

// SetSize lays the mode out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height, m.help.Width = w, h, w
	m.render()
}

// Trainer is the trainer the mode shows.
func (m Model) Trainer() *train.Trainer { return m.tr }

// Playing says whether the mode is training on its own.
func (m Model) Playing() bool { return m.playing }

// Metrics are the runs' metrics on screen.
func (m Model) Metrics() []train.Metrics { return slices.Clone(m.cur) }

func (m Model) tick() tea.Cmd {
	seq := m.tickSeq
	every, _ := m.frame()
	return tea.Tick(every, func(time.Time) tea.Msg { return tickMsg{seq} })
}

// Update handles keys, sizes and frames.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case PauseMsg:
		if m.playing || m.target > 0 {
			m.playing, m.target = false, 0
			m.stop.Store(true)
			m.tickSeq = common.NewID()
			m.render()
		}
	case jobMsg:
		return m.finishJob(msg)
	case resumeMsg:
		if msg.seq != m.tickSeq || m.busy {
			return m, nil
		}
		if m.target > 0 {
			return m.runChunk()
		}
		if m.playing {
			return m, m.tick()
		}
	case tickMsg:
		if msg.seq != m.tickSeq || m.busy {
			return m, nil // a tick of a chain that was stopped
		}
		if m.target > 0 {
			return m.runChunk()
		}
		if !m.playing {
			return m, nil
		}
		_, steps := m.frame()
		return m.playFrame(steps)
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			return m.updateRunes(msg.Runes)
		}
		if m.busy {
			return m.updateBusy(msg)
		}
		return m.updateKey(msg)
	}
	return m, nil
}

// rebuild makes a new trainer for the changed config (new data when the
// data set or the seed changed) and shows its step 0.
func (m *Model) rebuild(newData bool) {
	m.playing = false
	m.tickSeq = common.NewID()
	if newData {
		d, err := m.loadData()
		if err != nil {
			m.refused, m.cfg = err, m.tr.Config() // keep showing the runs that work
			return
		}
		m.data = d
	}
	tr, err := train.New(m.cfg, m.data)
	if err != nil {
		m.refused, m.cfg, m.data = err, m.tr.Config(), m.tr.Data() // keep showing the runs that work
		return
	}
	m.tr = tr
	m.restart()
}

func (m *Model) loadData() (*train.Data, error) {
	if m.cfg.Data == train.File {
		return m.opts.File, nil
	}
	return train.Generate(m.cfg.Data, m.cfg.Seed)
}

// restart returns the trainer to its initial state and measures it.
func (m *Model) restart() {
	m.tr.Reset()
	m.start()
}

// start shows the trainer at the step it is at (a state string's, or 0),
// with empty curves.
func (m *Model) start() {
	m.playing, m.collapsed, m.stoppedAtCollapse, m.err, m.target = false, false, false, nil, 0
	m.tickSeq = common.NewID()
	runs := m.tr.Runs()
	m.hist = make([]history, len(runs))
	m.boxes = make([]viewBox, len(runs))
	m.collapsedAt = make([]int, len(runs))
	m.measure()
	m.syncKeys()
	m.syncPickKeys()
	m.axisTop = make([]float64, len(runs))
	for i, r := range runs {
		m.axisTop[i] = axisTop(r)
	}
}

// measure measures the runs on the event loop (after a change of
// settings: one measurement, no steps).
func (m *Model) measure() {
	ms, err := m.tr.Metrics()
	if err != nil {
		m.err, m.playing = err, false
		m.render()
		return
	}
	m.accept(ms)
}

// accept shows the runs' metrics: the curves, the views, a collapse (which
// stops playing, not a run to a step).
func (m *Model) accept(ms []train.Metrics) {
	m.cur = ms
	collapsed := false
	for i, r := range m.tr.Runs() {
		m.hist[i].add(ms[i])
		m.boxes[i].include(r.Embeddings())
		collapsed = collapsed || ms[i].Collapsed
		if ms[i].Collapsed && m.collapsedAt[i] == 0 {
			m.collapsedAt[i] = ms[i].Step
		}
	}
	m.inspect()
	if collapsed && !m.collapsed && m.playing {
		m.playing, m.stoppedAtCollapse = false, true // stop at the collapse so that the note can be read
		m.tickSeq = common.NewID()
	}
	m.collapsed = collapsed
	m.render()
}

// View is the screen rendered at the last change.
func (m Model) View() string { return m.screen }
