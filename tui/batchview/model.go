// Package batchview is losslab's batch view: what every registered loss,
// under every miner and reducer, makes of a labelled data set, with the
// census of triplets, the separation of the two distance distributions and
// their histogram. It recomputes in the background (core/batch) when the
// margin or the distance changes; its histogram is also what `losslab
// batch` prints (the command's loss table is its own).
package batchview

import (
	"context"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	gplot "gonum.org/v1/plot"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/figure"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/tui/common"
)

// computeBatch is the view's one call into core/batch; the context cancels
// a computation that a newer request superseded.
func computeBatch(ctx context.Context, d *dataset.Dataset, opts batch.Options) (*batch.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := batch.Compute(ctx, d.X, d.Labels, len(d.Classes), opts)
	return res, d.Locate(err) // errors name file:line
}

// Model shows what the batch losses make of a data set and recomputes
// in the background when the margin or the distance changes; a new request
// cancels the one before it, and progress arrives as messages.
type Model struct {
	ctx       *common.Context
	raw       *dataset.Dataset // as opened
	data      *dataset.Dataset // what is computed: raw, or its rows L2-normalised
	normalize bool
	opts      batch.Options
	given     float64 // the margin the view opened with: its range never ends below it
	res       *batch.Result
	err       error
	computing bool
	done      float64       // share of the current computation done, for the bar
	note      string        // one-off message, e.g. the margin at a limit
	id        uint64        // this view, named by the figures it asks for (common.NewID)
	req       *batchRequest // the newest computation
	picker    picker        // opening another data set
	limits    dataset.Limits
	width     int
	height    int
	keys      KeyMap
	help      help.Model
	bar       progress.Model
	indent    lipgloss.Style // the histogram's left margin
}

// batchRequest is one computation: its identity (common.NewID), its
// cancel function, and the channels its progress and end arrive on.
type batchRequest struct {
	id       uint64
	ctx      context.Context
	cancel   context.CancelFunc
	progress chan float64  // latest share done; a full channel drops older news
	finished chan struct{} // closed when the computation returns
}

func newBatchRequest() *batchRequest {
	ctx, cancel := context.WithCancel(context.Background())
	return &batchRequest{id: common.NewID(), ctx: ctx, cancel: cancel, progress: make(chan float64, 1), finished: make(chan struct{})}
}

type batchResultMsg struct {
	id  uint64
	res *batch.Result
	err error
}

type batchProgressMsg struct {
	id   uint64
	done float64
}

// New returns the batch view for d on the shared context, its first
// computation ready for Init to start.
func New(ctx *common.Context, d *dataset.Dataset, opts batch.Options) *Model {
	return &Model{
		ctx: ctx, raw: d, data: d, opts: opts, given: opts.Margin, computing: true, req: newBatchRequest(), id: common.NewID(),
		keys: newKeyMap(ctx), help: ctx.Styles.NewHelp(), bar: ctx.Styles.NewProgress(),
		indent: ctx.Styles.Base.PaddingLeft(2), picker: newPicker(ctx),
	}
}

// Config is the batch view's data set and first options.
type Config struct {
	Data      *dataset.Dataset // nil: the iris demo, loaded when the view first opens
	Normalize bool             // compute on Data's rows L2-normalised (o toggles it)
	Options   batch.Options
	Limits    dataset.Limits // for a file opened from the view
}

// Open is the batch view as the app opens it: on the data set given on
// the command line, else on the iris demo.
func Open(ctx *common.Context, cfg Config) *Model {
	d, opts := cfg.Data, cfg.Options
	if d == nil {
		var err error
		if d, err = dataset.Demo("iris"); err != nil {
			m := New(ctx, &dataset.Dataset{}, opts)
			m.err, m.computing = err, false
			return m
		}
		if opts.Margin == 0 {
			opts.Margin = 0.2
		}
	}
	m := New(ctx, d, opts)
	m.limits = cfg.Limits
	if cfg.Normalize {
		m.normalize = true
		if m.data, m.err = d.Normalized(); m.err != nil {
			m.data, m.computing = d, false
		}
	}
	return m
}

// Init starts the first computation, prepared by New: Init cannot
// keep changes to the model, so it only launches what the model holds.
func (m Model) Init() tea.Cmd {
	if !m.computing {
		return nil
	}
	return m.start()
}

// InputError is the error the view shows, if any: quitting then exits 2.
func (m Model) InputError() error { return m.err }

// start runs the model's current request in the background and listens
// for its progress.
func (m Model) start() tea.Cmd {
	req, d, opts := m.req, m.data, m.opts
	opts.Progress = func(done, total int) {
		select {
		case req.progress <- float64(done) / float64(max(total, 1)):
		default: // the view has not read the last report yet: skip this one
		}
	}
	run := func() tea.Msg {
		defer close(req.finished)
		res, err := computeBatch(req.ctx, d, opts)
		return batchResultMsg{req.id, res, err}
	}
	return tea.Batch(run, req.listen())
}

// listen waits for the next progress report; it ends with the computation.
func (r *batchRequest) listen() tea.Cmd {
	return func() tea.Msg {
		select {
		case done := <-r.progress:
			return batchProgressMsg{r.id, done}
		case <-r.finished:
			return nil
		}
	}
}

// recompute cancels the running computation and starts one with the
// current options.
func (m *Model) recompute() tea.Cmd {
	m.req.cancel()
	m.req = newBatchRequest()
	m.computing, m.done = true, 0
	return m.start()
}

// ShortHelp is the help line's keys.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp is every key, as '?' shows them.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// TakesEsc reports whether esc is the view's own now: it closes the open
// help (a lesson hosting the view leaves it on esc otherwise).
func (m Model) TakesEsc() bool { return m.help.ShowAll }

// SetSize lays the view out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.bar.Width = max(10, w/3)
	// The file row: "▸ ", its label, a space, the prompt, the path, the cursor.
	m.picker.path.Width = max(10, w-2-lipgloss.Width(m.ctx.Printer.T(i18n.BatchOpenFile))-1-lipgloss.Width(m.picker.path.Prompt)-1)
}

// Update handles keys, sizes, results and progress; it returns the view
// changed (see common.Mode).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	return &next, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case batchResultMsg:
		if msg.id == m.req.id { // older results are for options no longer shown, others' for another view
			m.res, m.err, m.computing = msg.res, msg.err, false
		}
	case batchProgressMsg:
		if msg.id == m.req.id && m.computing {
			m.done = msg.done
			return m, m.req.listen()
		}
	case common.FigureWrittenMsg:
		if msg.By == m.id {
			m.note = common.FigureStatus(m.ctx.Printer, msg)
		}
	case loadedMsg:
		return m.loaded(msg)
	case tea.KeyMsg:
		if m.picker.open {
			return m.updatePicker(msg)
		}
		return m.updateKey(msg)
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	m.note = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Mode):
		return m, common.Tab(common.ModeBatch)
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.CloseHelp):
		m.help.ShowAll = false
	case key.Matches(msg, k.Open):
		m.help.ShowAll = false
		m.picker = m.picker.show()
	case m.data.X == nil: // no data: nothing to recompute
	case key.Matches(msg, k.MarginDown):
		return m.setMargin(-common.CoarseStep)
	case key.Matches(msg, k.MarginUp):
		return m.setMargin(common.CoarseStep)
	case key.Matches(msg, k.FineDown):
		return m.setMargin(-common.FineStep)
	case key.Matches(msg, k.FineUp):
		return m.setMargin(common.FineStep)
	case key.Matches(msg, k.Distance):
		m.opts.Metric = (m.opts.Metric + 1) % dist.Metric(dist.Count)
		return m, m.recompute()
	case key.Matches(msg, k.Normalize):
		return m.toggleNormalize()
	case key.Matches(msg, k.BinsMore):
		return m.setBins(1)
	case key.Matches(msg, k.BinsFewer):
		return m.setBins(-1)
	case key.Matches(msg, k.Figure):
		return m, m.writeFigure()
	}
	return m, nil
}

// writeFigure draws the batch view's distributions as an SVG in the
// current directory, once a result is shown.
func (m *Model) writeFigure() tea.Cmd {
	p := m.ctx.Printer
	switch {
	case m.ctx.Share.NoFiles:
		m.note = p.T(i18n.FigServed)
		return nil
	case m.res == nil || m.computing:
		m.note = p.T(i18n.ShareFigureWait)
		return nil
	}
	res, source := m.res, errtext.Source(p, m.data.Source, m.data.Demo)
	st := figure.Style{Printer: p}
	return common.SaveFigure(m.id, m.ctx.Dir, common.FigureName("batch", m.ctx.Now()), func() (*gplot.Plot, error) {
		return figure.Batch(res, source, st)
	})
}

var _ common.Mode = (*Model)(nil)
