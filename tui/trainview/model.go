// Package trainview is losslab's training mode: a self-contained Bubble Tea
// component (Init, Update, View, SetSize) that trains one run, or two side by
// side, with core/train and shows per run the embedding scatter, the two
// distance distributions with the margin, the loss curve, the AUC and the
// active fraction. Every number on screen comes from core/train. AppMode
// (app.go) is the component as the app hosts it.
package trainview

import (
	"slices"
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
	opts   Options
	cfg    train.Config
	data   *train.Data
	tr     *train.Trainer
	err    error // the last error (a diverged run); the screen says it
	p      i18n.Printer
	keys   KeyMap
	help   help.Model
	styles styles

	playing   bool
	speed     int // index into speeds
	tickSeq   int // identifies the current tick chain
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
}

type tickMsg struct{ seq int }

// New returns the mode on tr (its config and data), at step 0.
func New(tr *train.Trainer, opts Options) Model {
	m := Model{opts: opts, cfg: tr.Config(), data: tr.Data(), tr: tr, p: opts.Printer, keys: NewKeyMap(opts.Printer), styles: newStyles(opts.Base, opts.Color)}
	m.help = m.styles.newHelp()
	if opts.Hosted {
		m.keys.Mode = opts.Tab
	}
	m.keys.State.SetEnabled(opts.Hosted)
	m.restart()
	return m
}

// Init starts nothing: training waits for the play key.
func (m Model) Init() tea.Cmd { return nil }

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
		if m.playing {
			m.playing = false
			m.tickSeq++
			m.render()
		}
	case tickMsg:
		if !m.playing || msg.seq != m.tickSeq {
			return m, nil // a tick of a chain that was stopped
		}
		_, steps := m.frame()
		m.advanceWithin(steps)
		if m.playing {
			return m, m.tick()
		}
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			return m.updateRunes(msg.Runes)
		}
		return m.updateKey(msg)
	}
	return m, nil
}

// updateRunes handles keys typed faster than they were read, which arrive
// as one message, one at a time.
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
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case msg.Type == tea.KeyEsc && m.help.ShowAll: // esc closes what is open (TakesEsc)
		m.help.ShowAll = false
	case key.Matches(msg, k.Play):
		m.playing, m.stoppedAtCollapse = !m.playing && m.err == nil, false
		m.tickSeq++
		m.render()
		if m.playing {
			return m, m.tick()
		}
	case key.Matches(msg, k.Step):
		m.playing, m.stoppedAtCollapse = false, false
		m.tickSeq++
		m.advance(1)
	case key.Matches(msg, k.Slow):
		m.toggleSlow()
		if m.playing {
			m.render()
			return m, m.tick() // a new chain at the new pace
		}
	case key.Matches(msg, k.Anchor):
		m.nextAnchor()
	case key.Matches(msg, k.Faster):
		m.speed = min(m.speed+1, len(speeds)-1)
	case key.Matches(msg, k.Slower):
		m.speed = max(m.speed-1, 0)
	case key.Matches(msg, k.Reset):
		m.restart()
	case key.Matches(msg, k.Reseed):
		m.cfg.Seed++
		m.rebuild(true)
	case key.Matches(msg, k.Loss):
		m.cfg.Loss = next(train.LossIDs(), m.cfg.Loss)
		m.rebuild(false)
	case key.Matches(msg, k.Compare):
		m.cfg.Compare = nextCompare(m.cfg.Compare, m.cfg.Loss)
		m.rebuild(false)
	case key.Matches(msg, k.Model):
		m.cfg.Model = next(train.ModelIDs(), m.cfg.Model)
		m.rebuild(false)
	case key.Matches(msg, k.Data):
		m.cfg.Data = next(m.dataIDs(), m.cfg.Data)
		m.rebuild(true)
	case key.Matches(msg, k.Normalize):
		m.cfg.Normalize = !m.cfg.Normalize
		m.rebuild(false)
	case key.Matches(msg, k.MarginDown), key.Matches(msg, k.MarginUp):
		m.cfg.Margin = stepMargin(m.cfg.Margin, key.Matches(msg, k.MarginUp))
		m.rebuild(false)
	case key.Matches(msg, k.CompareMarginDown), key.Matches(msg, k.CompareMarginUp):
		if m.cfg.Compare != "" {
			m.cfg.CompareMargin = stepMargin(m.cfg.CompareMargin, key.Matches(msg, k.CompareMarginUp))
			m.rebuild(false)
		}
	case key.Matches(msg, k.LRDown), key.Matches(msg, k.LRUp):
		lr := m.cfg.LR / 2
		if key.Matches(msg, k.LRUp) {
			lr = m.cfg.LR * 2
		}
		if lr >= 1e-4 && lr <= train.MaxLR {
			m.cfg.LR = lr
			m.rebuild(false)
		}
	}
	m.render()
	return m, nil
}

// stepMargin moves a margin by 0.1 on a 0.1 grid within [0, 5].
func stepMargin(v float64, up bool) float64 {
	tenths := int(v*10 + 0.5)
	if up {
		tenths++
	} else {
		tenths--
	}
	return float64(min(max(tenths, 0), 50)) / 10
}

func next[T comparable](xs []T, x T) T {
	i := slices.Index(xs, x)
	return xs[(i+1)%len(xs)]
}

// nextCompare cycles off → each other loss → the run's own loss (to
// compare margins) → off, so the first press never compares a run with an
// identical copy of itself.
func nextCompare(c, own train.LossID) train.LossID {
	ids := []train.LossID{""}
	for _, id := range train.LossIDs() {
		if id != own {
			ids = append(ids, id)
		}
	}
	return next(append(ids, own), c)
}

func (m Model) dataIDs() []train.DataID {
	ids := train.DataIDs()
	if m.opts.File != nil {
		ids = append(ids, train.File)
	}
	return ids
}

// rebuild makes a new trainer for the changed config (new data when the
// data set or the seed changed) and shows its step 0.
func (m *Model) rebuild(newData bool) {
	m.playing = false
	m.tickSeq++
	if newData {
		d, err := m.loadData()
		if err != nil {
			m.err = err
			return
		}
		m.data = d
	}
	tr, err := train.New(m.cfg, m.data)
	if err != nil {
		m.err, m.cfg, m.data = err, m.tr.Config(), m.tr.Data() // keep showing the runs that work
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
	m.playing, m.collapsed, m.stoppedAtCollapse, m.err = false, false, false, nil
	m.tickSeq++
	m.tr.Reset()
	runs := m.tr.Runs()
	m.hist = make([]history, len(runs))
	m.boxes = make([]viewBox, len(runs))
	m.collapsedAt = make([]int, len(runs))
	m.measure()
}

// advance trains n steps (fewer after an error), then measures; a collapse
// stops playing.
func (m *Model) advance(n int) {
	for range n {
		if err := m.tr.Step(); err != nil {
			m.err, m.playing = err, false
			break
		}
	}
	m.measure()
}

func (m *Model) measure() {
	ms, err := m.tr.Metrics()
	if err != nil {
		m.err, m.playing = err, false
		m.render()
		return
	}
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
		m.tickSeq++
	}
	m.collapsed = collapsed
	m.render()
}

// View is the screen rendered at the last change.
func (m Model) View() string { return m.screen }
