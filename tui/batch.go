package tui

import (
	"context"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
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

// BatchModel shows what the batch losses make of a data set and recomputes
// in the background when the margin or the distance changes; a new request
// cancels the one before it, and progress arrives as messages.
type BatchModel struct {
	ctx       *Context
	data      *dataset.Dataset
	opts      batch.Options
	res       *batch.Result
	err       error
	computing bool
	done      float64       // share of the current computation done, for the bar
	note      string        // one-off message, e.g. the margin at a limit
	req       *batchRequest // the newest computation
	width     int
	height    int
	help      help.Model
	bar       progress.Model
	indent    lipgloss.Style // the histogram's left margin
}

// batchRequest is one computation: its sequence number, its cancel
// function, and the channels its progress and end arrive on.
type batchRequest struct {
	seq      int
	ctx      context.Context
	cancel   context.CancelFunc
	progress chan float64  // latest share done; a full channel drops older news
	finished chan struct{} // closed when the computation returns
}

func newBatchRequest(seq int) *batchRequest {
	ctx, cancel := context.WithCancel(context.Background())
	return &batchRequest{seq: seq, ctx: ctx, cancel: cancel, progress: make(chan float64, 1), finished: make(chan struct{})}
}

type batchResultMsg struct {
	seq int
	res *batch.Result
	err error
}

type batchProgressMsg struct {
	seq  int
	done float64
}

// NewBatch returns the batch view for d on lipgloss's default renderer, its
// first computation ready for Init to start.
func NewBatch(d *dataset.Dataset, opts batch.Options) BatchModel {
	return NewBatchMode(NewContext(lipgloss.DefaultRenderer(), i18n.New(i18n.English)), d, opts)
}

// NewBatchMode returns the batch view on the shared context.
func NewBatchMode(ctx *Context, d *dataset.Dataset, opts batch.Options) BatchModel {
	return BatchModel{
		ctx: ctx, data: d, opts: opts, computing: true, req: newBatchRequest(1),
		help: ctx.Styles.newHelp(), bar: ctx.Styles.newProgress(),
		indent: ctx.Styles.Base.PaddingLeft(2),
	}
}

// methodNotes says when the figures are a sample's estimates or binned.
func methodNotes(p i18n.Printer, r *batch.Result) []string {
	var out []string
	if r.Sample != nil {
		out = append(out, p.T(i18n.BatchViewSampled, numfmt.Count(int64(r.Sample.Anchors)), numfmt.Count(int64(r.Sample.Of)), r.Sample.Seed))
	}
	if s := r.Separation; s.Method == batch.MethodBinned && r.Sample == nil { // a sample is always binned
		out = append(out, p.T(i18n.BatchViewBinned, strconv.FormatFloat(s.AUCErrorBound, 'g', 2, 64)))
	}
	return out
}

// openBatch is the registry's constructor: the data set given on the
// command line, else the iris demo.
func openBatch(ctx *Context, cfg Config) tea.Model {
	d, opts := cfg.Batch.Data, cfg.Batch.Options
	if d == nil {
		var err error
		if d, err = dataset.Demo("iris"); err != nil {
			m := NewBatchMode(ctx, &dataset.Dataset{}, opts)
			m.err, m.computing = err, false
			return m
		}
		if opts.Margin == 0 {
			opts.Margin = 0.2
		}
	}
	return NewBatchMode(ctx, d, opts)
}

// Init starts the first computation, prepared by NewBatchMode: Init cannot
// keep changes to the model, so it only launches what the model holds.
func (m BatchModel) Init() tea.Cmd {
	if !m.computing {
		return nil
	}
	return m.start()
}

// InputError is the error the view shows, if any: quitting then exits 2.
func (m BatchModel) InputError() error { return m.err }

// start runs the model's current request in the background and listens
// for its progress.
func (m BatchModel) start() tea.Cmd {
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
		return batchResultMsg{req.seq, res, err}
	}
	return tea.Batch(run, req.listen())
}

// listen waits for the next progress report; it ends with the computation.
func (r *batchRequest) listen() tea.Cmd {
	return func() tea.Msg {
		select {
		case done := <-r.progress:
			return batchProgressMsg{r.seq, done}
		case <-r.finished:
			return nil
		}
	}
}

// recompute cancels the running computation and starts one with the
// current options.
func (m *BatchModel) recompute() tea.Cmd {
	m.req.cancel()
	m.req = newBatchRequest(m.req.seq + 1)
	m.computing, m.done = true, 0
	return m.start()
}

// SetSize lays the view out for w×h cells.
func (m *BatchModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.bar.Width = max(10, w/3)
}

func (m BatchModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case batchResultMsg:
		if msg.seq == m.req.seq { // older results are for options no longer shown
			m.res, m.err, m.computing = msg.res, msg.err, false
		}
	case batchProgressMsg:
		if msg.seq == m.req.seq && m.computing {
			m.done = msg.done
			return m, m.req.listen()
		}
	case figureWrittenMsg:
		if msg.mode == ModeBatch {
			m.note = figureStatus(m.ctx.Printer, msg)
		}
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m, nil
}

func (m BatchModel) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys.Batch
	m.note = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Mode):
		return m, switchMode(ModeTrain)
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.CloseHelp):
		m.help.ShowAll = false
	case m.data.X == nil: // no data: nothing to recompute
	case key.Matches(msg, k.MarginDown):
		return m.setMargin(-coarseStep)
	case key.Matches(msg, k.MarginUp):
		return m.setMargin(coarseStep)
	case key.Matches(msg, k.FineDown):
		return m.setMargin(-fineStep)
	case key.Matches(msg, k.FineUp):
		return m.setMargin(fineStep)
	case key.Matches(msg, k.Distance):
		m.opts.Metric = (m.opts.Metric + 1) % dist.Metric(dist.Count)
		return m, m.recompute()
	case key.Matches(msg, k.Figure):
		return m, m.writeFigure()
	}
	return m, nil
}

// setMargin moves the margin on the 0.01 grid within [0, 2], or says that it
// is at its limit.
func (m BatchModel) setMargin(delta grid.Hundredths) (tea.Model, tea.Cmd) {
	cur := grid.Hundredths(math.Round(m.opts.Margin * 100))
	next := min(max(cur+delta, 0), grid.MaxMargin)
	switch {
	case next == cur && delta > 0:
		m.note = m.ctx.Printer.T(i18n.AtMaximum, fieldLabel(m.ctx.Printer, grid.Margin), grid.MaxMargin)
		return m, nil
	case next == cur:
		m.note = m.ctx.Printer.T(i18n.AtMinimum, fieldLabel(m.ctx.Printer, grid.Margin), grid.Hundredths(0))
		return m, nil
	}
	m.opts.Margin = next.Float()
	return m, m.recompute()
}

func (m BatchModel) View() string {
	if m.width == 0 {
		return ""
	}
	st, p := m.ctx.Styles, m.ctx.Printer
	header := st.Title.Render("losslab batch")
	if m.data.X != nil {
		n, dim := m.data.X.Dims()
		header += " · " + p.T(i18n.BatchSource, termsafe.String(m.data.Source), numfmt.Count(int64(n)), numfmt.Count(int64(dim)), numfmt.Count(int64(len(m.data.Classes))))
	}
	status := ""
	if m.computing {
		status = "  " + st.Accent.Render(p.T(i18n.BatchComputing)) + " " + m.bar.ViewAs(m.done) + " " + numfmt.Fixed(100*m.done, 0) + "%"
	}
	options := p.T(i18n.BatchOptions, st.Bold.Render(m.opts.Metric.String()), st.Bold.Render(numfmt.Input(m.opts.Margin)))
	if m.res != nil && m.res.Method == batch.MethodExact { // methodNotes say when the figures are not
		options += " · " + p.T(i18n.BatchViewExact)
	}
	lines := []string{
		header,
		options + status,
		st.Accent.Render(m.note),
	}
	helpView := m.help.View(m.ctx.Keys.Batch)
	helpH := lipgloss.Height(helpView)
	room := m.height - len(lines) - helpH
	switch {
	case m.err != nil: // wrapped: the error names a file and line, and every word of it counts
		for _, l := range wrapWords("✗ "+termsafe.String(m.err.Error()), m.width) {
			lines = append(lines, st.Error.Render(l))
		}
		lines = append(lines, wrapWords(p.T(i18n.BatchErrorQuit), m.width)...)
	case m.res == nil:
		lines = append(lines, p.T(i18n.BatchFirstResult))
	default:
		body := m.resultLines()
		rows := max(1, (room-len(body)-1)/2)
		if HistogramGroup(len(m.res.Histogram.Positive), rows) > 1 { // a line for saying so
			rows = max(1, (room-len(body)-2)/2)
		}
		hist := HistogramLines(p, m.res.Histogram, m.width-m.indent.GetHorizontalFrameSize(), rows)
		body = append(body, HistogramHeading(p, m.res.Histogram, rows)...)
		for _, h := range hist {
			body = append(body, m.indent.Render(h))
		}
		lines = append(lines, body...)
	}
	return padLines(strings.Join(lines, "\n"), m.width, m.height-helpH) + "\n" + helpView
}

func (m BatchModel) resultLines() []string {
	p := m.ctx.Printer
	r := m.res
	l, t, s := r.Losses, r.Triplets, r.Separation
	easy, semi, hard := numfmt.Percent(t.Easy, t.Total), numfmt.Percent(t.SemiHard, t.Total), numfmt.Percent(t.Hard, t.Total)
	triplets := p.T(i18n.BatchTriplets, numfmt.Count(t.Total), easy, semi, hard, numfmt.Fixed(100*l.FractionActive, 1)+"%")
	if lipgloss.Width(triplets) > m.width { // say less rather than cut a number
		triplets = p.T(i18n.BatchTripletsShort, numfmt.Count(t.Total), easy, semi, hard)
	}
	return append(append(methodNotes(p, r), batchLossLines(p, r.ByLoss, m.width)...),
		triplets,
		p.T(i18n.BatchSeparation, numfmt.Loss(s.AUC), numfmt.Loss(s.Threshold), numfmt.Fixed(100*s.Accuracy, 1)+"%"),
		p.T(i18n.BatchInsideMargin, numfmt.Fixed(100*s.NegativesInsideMedianPlusMargin, 1)+"%"),
		"",
	)
}
