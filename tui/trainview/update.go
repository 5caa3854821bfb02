package trainview

import (
	"errors"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// updateBusy answers a key while a job trains: q quits and space stops at
// once; every other key waits for the job (it would touch the trainer).
func (m Model) updateBusy(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.stop.Store(true)
		return m, tea.Quit
	case key.Matches(msg, k.Play) && (m.playing || m.target > 0):
		m.playing, m.target = false, 0
		m.stop.Store(true)
		m.tickSeq = common.NewID()
	default:
		m.pending = append(m.pending, msg)
	}
	return m, nil
}

// DeferKey keeps a key the host would act on (the state string reads the
// trainer) until the running job is back; false when none runs.
func (m *Model) DeferKey(msg tea.KeyMsg) bool {
	if !m.busy {
		return false
	}
	m.pending = append(m.pending, msg)
	return true
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
	if m.refused != nil { // said until this key
		m.refused = nil
		m.render()
	}
	if m.prompt.open {
		return m.updatePrompt(msg)
	}
	if m.pick.open {
		return m.updatePicker(msg)
	}
	k := m.keys
	if l := slices.IndexFunc(k.Pick[:], func(b key.Binding) bool { return key.Matches(msg, b) }); l >= 0 {
		m.openPicker(list(l))
		m.render()
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Goto):
		m.openPrompt()
	case key.Matches(msg, k.FixAxis):
		m.fixAxis = !m.fixAxis
	case key.Matches(msg, k.Temperature):
		if m.cfg.ReadsTemperature() {
			m.cfg.Temperature = nextTemperature(m.cfg.Temperature)
			m.rebuild(false)
		}
	case key.Matches(msg, k.Similarity):
		if m.cfg.ReadsTemperature() {
			m.set(listSimilarity, string(next(train.Similarities(), m.cfg.Similarity)))
		}
	case key.Matches(msg, k.Quit):
		m.stop.Store(true)
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case msg.Type == tea.KeyEsc && m.help.ShowAll: // esc closes what is open (TakesEsc)
		m.help.ShowAll = false
	case key.Matches(msg, k.Play) && m.target > 0: // a run to a step waiting for its budget
		m.target = 0
		m.tickSeq = common.NewID()
	case key.Matches(msg, k.Play):
		m.playing, m.stoppedAtCollapse = !m.playing && m.err == nil, false
		m.tickSeq = common.NewID()
		m.render()
		if m.playing {
			return m, m.tick()
		}
	case key.Matches(msg, k.Step):
		m.playing, m.stoppedAtCollapse, m.target = false, false, 0
		m.tickSeq = common.NewID()
		if m.err == nil {
			return m, m.startJob(1, nil)
		}
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
		m.set(listLoss, string(next(train.LossIDs(), m.cfg.Loss)))
	case key.Matches(msg, k.Compare):
		m.set(listCompare, string(nextCompare(m.cfg.Compare, m.cfg.Loss)))
	case key.Matches(msg, k.Model):
		m.set(listModel, string(next(train.ModelIDs(), m.cfg.Model)))
	case key.Matches(msg, k.Data):
		m.nextData()
	case key.Matches(msg, k.Normalize):
		m.cfg.Normalize = !m.cfg.Normalize
		m.rebuild(false)
	case key.Matches(msg, k.MarginDown), key.Matches(msg, k.MarginUp):
		cfg := m.cfg
		cfg.Margin = stepMargin(cfg.Margin, key.Matches(msg, k.MarginUp))
		m.setMargins(cfg)
	case key.Matches(msg, k.CompareMarginDown), key.Matches(msg, k.CompareMarginUp):
		if m.cfg.Compare != "" {
			cfg := m.cfg
			cfg.CompareMargin = stepMargin(cfg.CompareMargin, key.Matches(msg, k.CompareMarginUp))
			m.setMargins(cfg)
		}
	case msg.Type == tea.KeyLeft || msg.Type == tea.KeyRight: // the margin's keys, off: the loss reads none
		m.refused = errors.New(m.p.T(i18n.TrainNoMarginKeys, string(m.cfg.Loss), "←/→"))
	case (msg.String() == "<" || msg.String() == ">") && m.cfg.Compare != "":
		m.refused = errors.New(m.p.T(i18n.TrainNoMarginKeys, string(m.cfg.Compare), "</>"))
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

// setMargins restarts the runs at cfg's margins, unless they are the
// margins already (a key at the end of the range) or two runs of one loss
// would then share one: they would be one run twice.
func (m *Model) setMargins(cfg train.Config) {
	if cfg == m.cfg { // at the end of the range: nothing to restart
		return
	}
	if cfg.ComparesOneRun() {
		m.refused = errors.New(m.p.T(i18n.TrainErrCompareSameMargin, string(cfg.Loss), numfmt.Input(cfg.Margin)))
		return
	}
	m.cfg = cfg
	m.rebuild(false)
}

// otherMargin is the margin a second run of the run's own loss starts at:
// 0 beside a margin (what the margin does is the comparison), else the
// default.
func otherMargin(margin float64) float64 {
	if margin > 0 {
		return 0
	}
	return train.NewConfig().Margin
}

// stepMargin moves a margin by 0.1 on a 0.1 grid within [0, MaxMargin],
// the margins the flags take.
func stepMargin(v float64, up bool) float64 {
	tenths := int(v*10 + 0.5)
	if up {
		tenths++
	} else {
		tenths--
	}
	return float64(min(max(tenths, 0), int(train.MaxMargin*10))) / 10
}

func next[T comparable](xs []T, x T) T {
	i := slices.Index(xs, x)
	return xs[(i+1)%len(xs)]
}

// nextCompare cycles off → each other loss → the run's own loss (to
// compare margins) → off, so the first press never compares a run with an
// identical copy of itself; a loss without a margin (InfoNCE) is never
// compared with itself: the two runs would be one.
func nextCompare(c, own train.LossID) train.LossID {
	ids := []train.LossID{""}
	for _, id := range train.LossIDs() {
		if id != own {
			ids = append(ids, id)
		}
	}
	if own.ComparesWith(own) {
		ids = append(ids, own)
	}
	return next(ids, c)
}

func (m Model) dataIDs() []train.DataID {
	ids := train.DataIDs()
	if m.opts.File != nil {
		ids = append(ids, train.File)
	}
	return ids
}
