package trainview

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui/common"
)

// The picker is a menu over the panes, as TensorFlow Playground's
// selectors are: it lists one of the settings the cycling keys step
// through blind (the data set, the model, the loss, the loss compared,
// InfoNCE's similarity), and the label noise, which no key cycles, with
// the one in use marked. D, M, L, C, N and I open it on theirs; ↑/↓ (k/j)
// move, ←/→ (tab) go to the next list, enter or a row's digit takes a
// row, esc closes it unchanged. It offers only what the
// cycling keys reach: the demo sets and a file given with --in, never a
// path (a served session's files are the server's).

// list is one setting the picker lists.
type list int

const (
	listData list = iota
	listModel
	listLoss
	listCompare
	listNoise
	listSimilarity // last: where no run uses InfoNCE the lists before it are all there are
	numLists
)

var listNames = [numLists]i18n.ID{i18n.TrainPickData, i18n.TrainPickModel, i18n.TrainPickLoss, i18n.TrainPickCompare, i18n.TrainPickNoise, i18n.TrainPickSimilarity}

// labelNoises are the label noise list's shares; a --label-noise between
// them joins the list in its place.
var labelNoises = []float64{0, 0.05, 0.1, 0.2, 0.3}

// picker is the menu's state: open, on which list, at which row.
type picker struct {
	open   bool
	list   list
	cursor int
	// shapes are the data sets' sizes, read when the data list first
	// opens (each built-in set is generated once, not at every frame).
	shapes map[train.DataID]shape
}

// shape is a data set's size: classes, points, inputs.
type shape struct{ classes, n, d int }

// option is a row of a list: the value it sets and whether it may.
type option struct {
	value string // the setting's ID ("" is compare off)
	label string
	why   string // why it cannot be taken now; "" when it can
}

// live says whether list l applies now: the similarity only to InfoNCE.
func (m *Model) live(l list) bool { return l != listSimilarity || m.cfg.ReadsTemperature() }

// current is list l's value in use.
func (m *Model) current(l list) string {
	switch l {
	case listData:
		return string(m.cfg.Data)
	case listModel:
		return string(m.cfg.Model)
	case listLoss:
		return string(m.cfg.Loss)
	case listCompare:
		return string(m.cfg.Compare)
	case listNoise:
		return noiseValue(m.cfg.LabelNoise)
	}
	return string(m.cfg.Similarity)
}

// values are list l's settings in the cycling keys' order, but for
// compare's: off, then the losses in the registry's order, where nextCompare
// (c) takes the run's own loss last.
func (m *Model) values(l list) []string {
	var out []string
	add := func(ids ...string) { out = append(out, ids...) }
	switch l {
	case listData:
		for _, id := range m.dataIDs() {
			add(string(id))
		}
	case listModel:
		for _, id := range train.ModelIDs() {
			add(string(id))
		}
	case listLoss, listCompare:
		if l == listCompare {
			add("")
		}
		for _, id := range train.LossIDs() {
			if l == listCompare && !m.cfg.Loss.ComparesWith(id) {
				continue
			}
			add(string(id))
		}
	case listNoise:
		shares := labelNoises
		if !slices.Contains(shares, m.cfg.LabelNoise) {
			shares = append(slices.Clone(shares), m.cfg.LabelNoise)
			slices.Sort(shares)
		}
		for _, s := range shares {
			add(noiseValue(s))
		}
	case listSimilarity:
		for _, s := range train.Similarities() {
			add(string(s))
		}
	}
	return out
}

// noiseValue is a label noise share as the list's values spell it.
func noiseValue(share float64) string { return strconv.FormatFloat(share, 'f', -1, 64) }

// options are list l's rows.
func (m *Model) options(l list) []option {
	vals := m.values(l)
	out := make([]option, len(vals))
	for i, v := range vals {
		out[i] = option{value: v, label: m.optionLabel(l, v), why: m.unavailable(l, v)}
	}
	return out
}

// optionLabel is what a row says: the name the screen uses for the value
// and what it is.
func (m *Model) optionLabel(l list, v string) string {
	p := m.p
	switch l {
	case listData:
		name := v
		if train.DataID(v) == train.File {
			name = p.T(i18n.TrainPickFile, termsafe.String(m.opts.File.Source))
		}
		if s, ok := m.pick.shapes[train.DataID(v)]; ok {
			return p.T(i18n.TrainPickDataShape, name, numfmt.Count(int64(s.classes)), numfmt.Count(int64(s.n)), numfmt.Count(int64(s.d)))
		}
		return name
	case listModel:
		switch train.ModelID(v) {
		case train.Free:
			return p.T(i18n.TrainPickModelFree, v)
		case train.Linear:
			return p.T(i18n.TrainPickModelLin, v)
		}
		return p.T(i18n.TrainPickModelMLP, v, numfmt.Count(train.Hidden))
	case listCompare:
		switch train.LossID(v) {
		case "":
			return p.T(i18n.TrainPickOff)
		case m.cfg.Loss:
			return p.T(i18n.TrainPickSame, p.TrainLossName(v))
		}
	case listNoise:
		share, _ := strconv.ParseFloat(v, 64)
		if share == 0 {
			return p.T(i18n.TrainPickNoiseNone)
		}
		return p.T(i18n.TrainLabelNoise, numfmt.Share(share))
	case listSimilarity:
		if train.Similarity(v) == train.Cosine {
			return p.T(i18n.TrainPickSimCosine, v)
		}
		return p.T(i18n.TrainPickSimNegDist, v)
	}
	return p.TrainLossName(v)
}

// dataOf is data set id as training would use it, for its shape: the one
// on screen, the file, or a built-in set generated with the run's seed
// (nil if it cannot be).
func (m *Model) dataOf(id train.DataID) *train.Data {
	switch {
	case id == m.cfg.Data:
		return m.data
	case id == train.File:
		return m.opts.File
	}
	d, err := train.Generate(id, m.cfg.Seed)
	if err != nil {
		return nil
	}
	return d
}

// unavailable says why value v of list l cannot be taken now: a data set
// with too few classes to hold out as many as the run does.
func (m *Model) unavailable(l list, v string) string {
	k := m.cfg.HoldoutClasses
	if l != listData || k == 0 {
		return ""
	}
	s, ok := m.pick.shapes[train.DataID(v)]
	if !ok || s.classes-k >= train.MinHoldoutClasses {
		return ""
	}
	return m.p.T(i18n.TrainPickFewClasses, numfmt.Count(int64(k)), numfmt.Count(train.MinHoldoutClasses))
}

// openPicker opens the picker on list l at the row in use, stopping
// playing as the step prompt does and closing the full help; a list that
// does not apply opens none.
func (m *Model) openPicker(l list) {
	if !m.live(l) {
		return
	}
	m.playing, m.help.ShowAll = false, false // one box at a time
	m.tickSeq = common.NewID()               // a tick still on its way is stale
	m.pick.open = true
	m.showList(l)
}

// loadShapes learns each data set's shape once, for the ✗ rows.
func (m *Model) loadShapes() {
	if m.pick.shapes != nil {
		return
	}
	m.pick.shapes = map[train.DataID]shape{}
	for _, id := range m.dataIDs() {
		if d := m.dataOf(id); d != nil {
			m.pick.shapes[id] = shape{len(d.Classes), d.N, d.D}
		}
	}
}

// nextData moves to the next data set the run can train on, skipping
// those the picker marks ✗ (too few classes to hold out as many as the run
// does); where there is none, it says so.
func (m *Model) nextData() {
	m.loadShapes()
	ids := m.dataIDs()
	for id := next(ids, m.cfg.Data); id != m.cfg.Data; id = next(ids, id) {
		if m.unavailable(listData, string(id)) == "" {
			m.set(listData, string(id))
			return
		}
	}
	m.refused = errors.New(m.p.T(i18n.TrainNoOtherData, numfmt.Count(int64(m.cfg.HoldoutClasses)), numfmt.Count(train.MinHoldoutClasses)))
}

// showList moves the picker to list l, its cursor on the value in use.
func (m *Model) showList(l list) {
	m.pick.list = l
	if l == listData {
		m.loadShapes()
	}
	m.pick.cursor = max(0, slices.Index(m.values(l), m.current(l)))
}

// updatePicker answers a key while the picker is open.
func (m Model) updatePicker(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k, pk := m.keys, &m.pick
	n := len(m.values(pk.list))
	switch {
	case msg.Type == tea.KeyCtrlC:
		m.stop.Store(true)
		return m, tea.Quit
	case key.Matches(msg, k.PickClose):
		pk.open = false
	case key.Matches(msg, k.PickMove):
		step := 1
		if s := msg.String(); s == "up" || s == "k" {
			step = n - 1
		}
		pk.cursor = (pk.cursor + step) % n
	case key.Matches(msg, k.PickList):
		step := 1
		if s := msg.String(); s == "left" || s == "shift+tab" || s == "h" {
			step = int(numLists) - 1
		}
		l := pk.list
		for {
			l = (l + list(step)) % numLists
			if m.live(l) {
				break
			}
		}
		m.showList(l)
	case key.Matches(msg, k.PickTake):
		m.take(pk.cursor)
	case msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '0' && msg.Runes[0] <= '9':
		if i := rowOfDigit(msg.Runes[0]); i < n {
			m.take(i)
		}
	}
	m.render()
	return m, nil
}

// rowOfDigit is the row a digit takes: 1 the first, 9 the ninth, 0 the
// tenth (compare's list has ten rows).
func rowOfDigit(r rune) int {
	if r == '0' {
		return 9
	}
	return int(r - '1')
}

// take sets row i of the open list, unless it cannot be taken now, and
// closes the picker; the row in use closes it without restarting the run.
func (m *Model) take(i int) {
	o := m.options(m.pick.list)[i]
	if o.why != "" {
		m.pick.cursor = i // the reason is on its row
		return
	}
	m.pick.open = false
	if o.value != m.current(m.pick.list) {
		m.set(m.pick.list, o.value)
	}
}

// set puts value v in list l's setting and restarts the runs on it, as the
// cycling keys do.
func (m *Model) set(l list, v string) {
	switch l {
	case listData:
		m.cfg.Data = train.DataID(v)
		m.rebuild(true)
		return
	case listModel:
		m.cfg.Model = train.ModelID(v)
	case listLoss:
		m.cfg.Loss = train.LossID(v)
		if !m.cfg.Loss.ComparesWith(m.cfg.Compare) {
			m.cfg.Compare = "" // two runs of a loss without a margin would be one run
		}
	case listCompare:
		m.cfg.Compare = train.LossID(v)
	case listNoise:
		m.cfg.LabelNoise, _ = strconv.ParseFloat(v, 64) // a value of values: always a number
	case listSimilarity:
		m.cfg.Similarity = train.Similarity(v)
	}
	if m.cfg.ComparesOneRun() { // the run's own loss at its own margin: two margins are the point
		m.cfg.CompareMargin = otherMargin(m.cfg.Margin)
	}
	m.rebuild(false)
}

// syncPickKeys hides the similarity's keys where no run uses InfoNCE, as
// syncKeys hides τ's.
func (m *Model) syncPickKeys() {
	k, live := &m.keys, m.cfg.ReadsTemperature()
	k.Similarity.SetEnabled(live)
	k.Pick[listSimilarity].SetEnabled(live)
	keys := pickKeys[:]
	if !live {
		keys = pickKeys[:listSimilarity]
	}
	label := strings.Join(keys, "")
	k.Picks.SetKeys(keys...)
	k.Picks.SetHelp(label, k.Picks.Help().Desc)
	k.short = slices.Clone(k.short) // the copies of the model share the old one
	i := slices.IndexFunc(k.short, func(b key.Binding) bool { return b.Keys()[0] == pickKeys[0] })
	k.short[i] = key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, k.short[i].Help().Desc))
}
