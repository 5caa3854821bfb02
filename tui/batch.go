package tui

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// batchKeys are the batch view's keys.
type batchKeys struct {
	MarginDown, MarginUp, FineDown, FineUp, Distance, Help, Quit key.Binding
}

func (k batchKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.MarginDown, k.MarginUp, k.Distance, k.Help, k.Quit}
}

func (k batchKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.MarginDown, k.MarginUp, k.FineDown, k.FineUp}, {k.Distance, k.Help, k.Quit}}
}

func defaultBatchKeys() batchKeys {
	return batchKeys{
		MarginDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "margin −0.05")),
		MarginUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "margin +0.05")),
		FineDown:   key.NewBinding(key.WithKeys("shift+left", "H"), key.WithHelp("H", "margin −0.01")),
		FineUp:     key.NewBinding(key.WithKeys("shift+right", "L"), key.WithHelp("L", "margin +0.01")),
		Distance:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "next distance")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c", "esc"), key.WithHelp("q", "quit")),
	}
}

// BatchModel shows what the batch losses make of a data set and recomputes
// in the background when the margin or the distance changes.
type BatchModel struct {
	data          *dataset.Dataset
	opts          batch.Options
	res           *batch.Result
	err           error
	computing     bool
	seq           int // identifies the newest computation
	width, height int
	styles        Styles
	keys          batchKeys
	help          help.Model
}

type batchResultMsg struct {
	seq int
	res *batch.Result
	err error
}

// NewBatch returns the batch view for d, starting with opts.
func NewBatch(d *dataset.Dataset, opts batch.Options) BatchModel {
	return BatchModel{data: d, opts: opts, styles: DefaultStyles(), keys: defaultBatchKeys(), help: help.New()}
}

// RunBatch runs the batch view on a terminal.
func RunBatch(d *dataset.Dataset, opts batch.Options, in io.Reader, out io.Writer) error {
	_, err := tea.NewProgram(NewBatch(d, opts), tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(out)).Run()
	return err
}

func (m BatchModel) Init() tea.Cmd { return m.compute() }

// compute starts a computation with the current options.
func (m *BatchModel) compute() tea.Cmd {
	m.seq++
	m.computing = true
	seq, d, opts := m.seq, m.data, m.opts
	return func() tea.Msg {
		res, err := batch.Compute(context.Background(), d.X, d.Labels, len(d.Classes), opts)
		return batchResultMsg{seq, res, d.Locate(err)} // errors name file:line
	}
}

func (m BatchModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height, m.help.Width = msg.Width, msg.Height, msg.Width
	case batchResultMsg:
		if msg.seq == m.seq { // older results are for options no longer shown
			m.res, m.err, m.computing = msg.res, msg.err, false
		}
	case tea.KeyMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Help):
			m.help.ShowAll = !m.help.ShowAll
		case key.Matches(msg, k.MarginDown):
			return m.setMargin(-0.05)
		case key.Matches(msg, k.MarginUp):
			return m.setMargin(0.05)
		case key.Matches(msg, k.FineDown):
			return m.setMargin(-0.01)
		case key.Matches(msg, k.FineUp):
			return m.setMargin(0.01)
		case key.Matches(msg, k.Distance):
			m.opts.Metric = (m.opts.Metric + 1) % dist.Metric(len(dist.Names()))
			return m, m.compute()
		}
	}
	return m, nil
}

// setMargin moves the margin on the 0.01 grid within [0, 2].
func (m BatchModel) setMargin(delta float64) (tea.Model, tea.Cmd) {
	next := math.Round((m.opts.Margin+delta)*100) / 100
	next = math.Min(math.Max(next, 0), grid.MaxMargin.Float())
	if next == m.opts.Margin {
		return m, nil
	}
	m.opts.Margin = next
	return m, m.compute()
}

func (m BatchModel) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		return fmt.Sprintf("terminal too small: need %d×%d (now %d×%d)", MinWidth, MinHeight, m.width, m.height)
	}
	st := m.styles
	n, dim := m.data.X.Dims()
	status := ""
	if m.computing {
		status = st.Accent.Render("  ⟳ computing…")
	}
	lines := []string{
		st.Title.Render("losslab batch") + fmt.Sprintf(" · %s · %d × %d · %d classes", m.data.Source, n, dim, len(m.data.Classes)),
		fmt.Sprintf("distance %s · margin %s%s", st.Bold.Render(m.opts.Metric.String()), st.Bold.Render(fmt.Sprintf("%.2f", m.opts.Margin)), status),
		"",
	}
	helpView := m.help.View(m.keys)
	room := m.height - len(lines) - strings.Count(helpView, "\n") - 1
	switch {
	case m.err != nil:
		lines = append(lines, st.Error.Render("✗ "+m.err.Error()))
	case m.res == nil:
		lines = append(lines, "computing the first result…")
	default:
		body := m.resultLines()
		hist := HistogramLines(m.res.Histogram, m.width-2, max(1, (room-len(body)-1)/2))
		body = append(body, "distance distributions (share of each kind of pair per bin)")
		for _, h := range hist {
			body = append(body, "  "+h)
		}
		lines = append(lines, body...)
	}
	return padLines(strings.Join(lines, "\n"), m.width, m.height-1-strings.Count(helpView, "\n")) + "\n" + helpView
}

func (m BatchModel) resultLines() []string {
	r := m.res
	l, t, s := r.Losses, r.Triplets, r.Separation
	pct := func(k int64) float64 { return 100 * share(k, t.Total) }
	return append(methodNotes(r), []string{
		fmt.Sprintf("losses      contrastive %.4f · batch-all %.4f (non-zero %.4f, %.1f%% active)", l.Contrastive, l.BatchAll, l.BatchAllNonzero, 100*l.FractionActive),
		fmt.Sprintf("            batch-hard %.4f (soft-margin %.4f) · semi-hard %.4f", l.BatchHard, l.BatchHardSoft, l.SemiHard),
		fmt.Sprintf("triplets    easy %.1f%% · semi-hard %.1f%% · hard %.1f%% of %d", pct(t.Easy), pct(t.SemiHard), pct(t.Hard), t.Total),
		fmt.Sprintf("separation  AUC %.4f · d ≤ %s means same: %.1f%% accurate", s.AUC, loss.FormatValue(s.Threshold), 100*s.Accuracy),
		fmt.Sprintf("            negatives closer than median positive + m: %.1f%%", 100*s.NegativesInsideMedianPlusMargin),
		"",
	}...)
}

// methodNotes says when the figures are a sample's estimates or binned.
func methodNotes(r *batch.Result) []string {
	var p i18n.Printer
	var out []string
	if r.Sample != nil {
		out = append(out, p.T(i18n.BatchViewSampled, numfmt.Count(int64(r.Sample.Anchors)), numfmt.Count(int64(r.Sample.Of)), r.Sample.Seed))
	}
	if s := r.Separation; s.Method == batch.MethodBinned && r.Sample == nil { // a sample is always binned
		out = append(out, p.T(i18n.BatchViewBinned, strconv.FormatFloat(s.AUCErrorBound, 'g', 2, 64)))
	}
	return out
}
