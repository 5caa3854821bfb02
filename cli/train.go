package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/pflag"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui"
	"losslab/tui/trainview"
)

// trainFlags is train's command line.
type trainFlags struct {
	cfg              train.Config
	in               string
	format, labelCol string
	steps, every     int
	asJSON, plain    bool
	compareMargin    float64
	given            map[string]bool // flags on the command line
}

// defineTrainFlags declares every flag of train in one place.
func defineTrainFlags(fs *pflag.FlagSet, f *trainFlags, io IO) {
	fs.Var(idValue[train.DataID]{&f.cfg.Data, train.DataIDs()}, "data", io.T(i18n.TrainFlagData))
	fs.StringVar(&f.in, "in", "", io.T(i18n.TrainFlagIn))
	fs.StringVar(&f.format, "format", "", io.T(i18n.TrainFlagFormat))
	fs.StringVar(&f.labelCol, "label-col", "", io.T(i18n.TrainFlagLabelCol))
	fs.Var(idValue[train.ModelID]{&f.cfg.Model, train.ModelIDs()}, "model", io.T(i18n.TrainFlagModel))
	fs.Var(idValue[train.LossID]{&f.cfg.Loss, train.LossIDs()}, "loss", io.T(i18n.TrainFlagLoss, strings.Join(idStrings(train.LossIDs()), ", ")))
	fs.Var(idValue[train.LossID]{&f.cfg.Compare, train.LossIDs()}, "compare", io.T(i18n.TrainFlagCompare))
	fs.Var(boundedNumber{&f.cfg.Margin, 0, train.MaxMargin, false}, "margin", io.T(i18n.TrainFlagMargin))
	fs.Var(boundedNumber{&f.compareMargin, 0, train.MaxMargin, false}, "compare-margin", io.T(i18n.TrainFlagCompareMargin))
	fs.Lookup("compare-margin").DefValue = "" // its default is --margin, which the description says
	fs.Var(boundedNumber{&f.cfg.LR, 0, train.MaxLR, true}, "lr", io.T(i18n.TrainFlagLR))
	fs.IntVar(&f.cfg.Batch, "batch", train.DefaultBatch, io.T(i18n.TrainFlagBatch))
	fs.Uint64Var(&f.cfg.Seed, "seed", train.DefaultSeed, io.T(i18n.TrainFlagSeed))
	fs.IntVar(&f.steps, "steps", defaultTrainSteps, io.T(i18n.TrainFlagSteps))
	fs.IntVar(&f.every, "every", 10, io.T(i18n.TrainFlagEvery))
	fs.BoolVar(&f.cfg.Normalize, "normalize", false, io.T(i18n.TrainFlagNormalize))
	fs.BoolVar(&f.asJSON, "json", false, io.T(i18n.TrainFlagJSON))
	fs.BoolVar(&f.plain, "plain", false, io.T(i18n.TrainFlagPlain))
}

const (
	defaultTrainSteps = 500
	maxTrainSteps     = 1_000_000
)

func runTrain(args []string, io IO) int {
	const cmd = "losslab train"
	f := trainFlags{cfg: train.NewConfig()}
	fs := newFlagSet("train")
	defineTrainFlags(fs, &f, io)
	pf := addPlotFlags(fs, io)
	stateStr := fs.String("state", "", io.T(i18n.CLIFlagTrainState))
	if done, status := parseFlags(fs, args, i18n.TrainSynopsis, io); done {
		return status
	}

	style, err := pf.style(io)
	if err != nil {
		return fail(io, cmd, err)
	}
	f.given = map[string]bool{}
	fs.Visit(func(fl *pflag.Flag) { f.given[fl.Name] = true })
	f.cfg.CompareMargin = f.cfg.Margin
	if f.given["compare-margin"] {
		f.cfg.CompareMargin = f.compareMargin
	}
	if f.in != "" {
		f.cfg.Data = train.File
	}
	startStep, err := applyTrainState(&f, *stateStr)
	if err != nil {
		return fail(io, cmd, err)
	}
	if err := checkTrainFlags(f); err != nil {
		return fail(io, cmd, err)
	}
	data, err := trainData(f, io.In)
	if err != nil {
		return fail(io, cmd, err)
	}
	tr, err := train.New(f.cfg, data)
	if err != nil {
		return fail(io, cmd, err)
	}
	for range startStep { // a state string's step
		if err := tr.Step(); err != nil {
			return fail(io, cmd, divergedError(err, f.cfg.LR))
		}
	}
	headless := f.asJSON || f.plain || f.given["steps"] || f.given["every"] || !io.OutIsTTY || pf.path != ""
	if !headless {
		cfg := tui.Config{Start: tui.ModeTrain, Train: trainview.Config{Trainer: tr}}
		if f.in != "" {
			cfg.Train.File = data
		}
		if status, fellBack := runApp(cfg, cmd, io); !fellBack {
			return status
		}
	}
	var out bytes.Buffer
	fig := newTrainFigure(tr)
	if err := trainHeadless(&out, tr, f, io.printer(), fig.observe); err != nil {
		return fail(io, cmd, err)
	}
	if pf.path != "" {
		if err := fig.write(io, pf, style); err != nil {
			return fail(io, cmd, err)
		}
	}
	return write(io, "train", out.Bytes())
}

func checkTrainFlags(f trainFlags) error {
	switch {
	case f.steps < 1 || f.steps > maxTrainSteps:
		return usagef(i18n.CLIErrBadValue, "steps", usagef(i18n.TrainErrCount, numfmt.Count(int64(f.steps)), "1", numfmt.Count(maxTrainSteps)))
	case f.every < 1 || f.every > maxTrainSteps:
		return usagef(i18n.CLIErrBadValue, "every", usagef(i18n.TrainErrCount, numfmt.Count(int64(f.every)), "1", numfmt.Count(maxTrainSteps)))
	case f.cfg.Batch < train.MinBatch || f.cfg.Batch > train.MaxBatch:
		return usagef(i18n.CLIErrBadValue, "batch", usagef(i18n.TrainErrCount, numfmt.Count(int64(f.cfg.Batch)), numfmt.Count(train.MinBatch), numfmt.Count(train.MaxBatch)))
	case f.in != "" && f.given["data"]:
		return usagef(i18n.CLIErrConflict, "--in", "--data")
	case f.in == "" && (f.format != "" || f.labelCol != ""):
		return usagef(i18n.TrainErrNeedsIn)
	case f.given["compare-margin"] && f.cfg.Compare == "":
		return usagef(i18n.TrainErrNeedsCompare)
	}
	return f.cfg.Check()
}

// trainData reads --in with the batch command's readers, or generates --data.
func trainData(f trainFlags, stdin io.Reader) (*train.Data, error) {
	if f.in == "" {
		return train.Generate(f.cfg.Data, f.cfg.Seed)
	}
	ds, err := loadDataset(batchFlags{in: f.in, format: f.format, labelCol: f.labelCol}, stdin)
	if err != nil {
		return nil, err
	}
	data, err := train.FromDataset(ds, train.File)
	if errors.Is(err, train.ErrIdenticalRows) {
		return nil, usagef(i18n.TrainErrIdenticalRows, ds.Source)
	}
	return data, err
}

// trainLine is one JSON line: a run's metrics at one step.
type trainLine struct {
	Run string `json:"run"`
	train.Metrics
}

// trainSummary is the last JSON line of each run.
type trainSummary struct {
	Summary     bool          `json:"summary"`
	Run         string        `json:"run"`
	Loss        train.LossID  `json:"loss"`
	Margin      float64       `json:"margin"`
	Steps       int           `json:"steps"`
	Initial     train.Metrics `json:"initial"`
	Final       train.Metrics `json:"final"`
	CollapsedAt *int          `json:"collapsed_at"`    // first printed step with collapsed true, else null
	State       string        `json:"state,omitempty"` // the state string of the final step (not for data from a file)
}

// trainHeadless trains f.steps steps, recording every f.every steps, and
// writes JSON Lines or a table to w.
// observe (if not nil) sees every recorded step's metrics, after the runs
// measured them.
func trainHeadless(w *bytes.Buffer, tr *train.Trainer, f trainFlags, p i18n.Printer, observe func([]train.Metrics)) error {
	runs := tr.Runs()
	var lines []trainLine
	summaries := make([]trainSummary, len(runs))
	for i, r := range runs {
		summaries[i] = trainSummary{Summary: true, Run: r.Name, Loss: r.Spec.Loss, Margin: r.Spec.Margin, Steps: f.steps}
	}
	record := func() error {
		ms, err := tr.Metrics()
		if err != nil {
			return err
		}
		if observe != nil {
			observe(ms)
		}
		for i, m := range ms {
			lines = append(lines, trainLine{Run: runs[i].Name, Metrics: m})
			s := &summaries[i]
			if m.Step == 0 {
				s.Initial = m
			}
			s.Final = m
			s.State = trainState(tr.Config(), m.Step)
			if m.Collapsed && s.CollapsedAt == nil {
				step := m.Step
				s.CollapsedAt = &step
			}
		}
		return nil
	}
	// Every step is checked (core/train), so the step a divergence names
	// does not depend on --every; the output is buffered, so a run that
	// diverges prints nothing but the error.
	for s := 0; ; s++ {
		if s%f.every == 0 || s == f.steps {
			if err := record(); err != nil {
				return divergedError(err, f.cfg.LR)
			}
		}
		if s == f.steps {
			break
		}
		if err := tr.Step(); err != nil {
			return divergedError(err, f.cfg.LR)
		}
	}
	if f.plain {
		writeTrainTable(w, lines, summaries, p)
		return nil
	}
	for _, l := range lines {
		if err := encodeJSON(w, l, false); err != nil {
			return err
		}
	}
	for _, s := range summaries {
		if err := encodeJSON(w, s, false); err != nil {
			return err
		}
	}
	return nil
}

func divergedError(err error, lr float64) error {
	if d := (*train.DivergedError)(nil); errors.As(err, &d) {
		return usagef(i18n.TrainDiverged, numfmt.Count(int64(d.Step)), numfmt.Input(train.MaxParam), numfmt.Input(lr))
	}
	return err
}

// writeTrainTable prints the recorded metrics as a table, then a summary
// per run, in the catalogue's words and the one number rule.
// summaryHead names a run and its loss, the loss once when it names the run.
func summaryHead(p i18n.Printer, s trainSummary) string {
	name, steps, n := p.TrainLossName(string(s.Loss)), numfmt.Count(int64(s.Steps)), int64(s.Steps)
	switch {
	case s.Run == string(s.Loss) && s.Loss.UsesMargin():
		return p.N(i18n.TrainSummaryHeadLoss, n, name, numfmt.Input(s.Margin), steps)
	case s.Run == string(s.Loss):
		return p.N(i18n.TrainSummaryHeadLossNoMargin, n, name, steps)
	case s.Loss.UsesMargin():
		return p.N(i18n.TrainSummaryHead, n, s.Run, name, numfmt.Input(s.Margin), steps)
	}
	return p.N(i18n.TrainSummaryHeadNoMargin, n, s.Run, name, steps)
}

func writeTrainTable(w io.Writer, lines []trainLine, summaries []trainSummary, p i18n.Printer) {
	yesNo := func(b bool) string {
		if b {
			return p.T(i18n.TrainYes)
		}
		return p.T(i18n.TrainNo)
	}
	rows := [][]string{{p.T(i18n.TrainRun), p.T(i18n.TrainStep), p.T(i18n.TrainLoss), p.T(i18n.TrainAUC), p.T(i18n.TrainActive),
		p.T(i18n.TrainMeanPos), p.T(i18n.TrainMeanNeg), p.T(i18n.TrainCollapsed)}}
	for _, l := range lines {
		m := l.Metrics
		rows = append(rows, []string{termsafe.String(l.Run), numfmt.Count(int64(m.Step)), numfmt.Loss(m.Loss), numfmt.Loss(m.AUC),
			numfmt.Share(m.ActiveFraction), numfmt.Loss(m.MeanPositive), numfmt.Loss(m.MeanNegative), yesNo(m.Collapsed)})
	}
	writeColumns(w, rows)
	for _, s := range summaries {
		fmt.Fprintf(w, "\n%s\n", summaryHead(p, s))
		for _, row := range []struct {
			id         i18n.ID
			from, to   float64
			percentage bool
		}{
			{i18n.TrainLoss, s.Initial.Loss, s.Final.Loss, false},
			{i18n.TrainAUC, s.Initial.AUC, s.Final.AUC, false},
			{i18n.TrainActive, s.Initial.ActiveFraction, s.Final.ActiveFraction, true},
			{i18n.TrainMeanPos, s.Initial.MeanPositive, s.Final.MeanPositive, false},
			{i18n.TrainMeanNeg, s.Initial.MeanNegative, s.Final.MeanNegative, false},
			{i18n.TrainMeanDist, s.Initial.MeanDistance, s.Final.MeanDistance, false},
			{i18n.TrainGradNorm, s.Initial.GradNorm, s.Final.GradNorm, false},
		} {
			from, to := numfmt.Loss(row.from), numfmt.Loss(row.to)
			if row.percentage {
				from, to = numfmt.Share(row.from), numfmt.Share(row.to)
			}
			fmt.Fprintf(w, "  %s\n", p.T(i18n.TrainSummaryRow, p.T(row.id), from, to))
		}
		if s.CollapsedAt != nil {
			fmt.Fprintln(w, p.T(i18n.TrainCollapsedAt, numfmt.Count(int64(*s.CollapsedAt))))
		} else {
			fmt.Fprintln(w, p.T(i18n.TrainNotCollapse))
		}
	}
}

// writeColumns writes rows as columns: the first left-aligned, the others
// right-aligned, widths in terminal cells.
func writeColumns(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			widths[j] = max(widths[j], lipgloss.Width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			pad := strings.Repeat(" ", widths[j]-lipgloss.Width(c))
			if j == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// idValue is a flag value holding one of a set of identifiers.
type idValue[T ~string] struct {
	v     *T
	known []T
}

func (f idValue[T]) String() string {
	if f.v == nil {
		return ""
	}
	return string(*f.v)
}

func (f idValue[T]) Set(s string) error {
	if !slices.Contains(f.known, T(s)) {
		return usagef(i18n.TrainErrUnknownID, termsafe.Echo(s), strings.Join(idStrings(f.known), ", "))
	}
	*f.v = T(s)
	return nil
}

func (f idValue[T]) Type() string { return "ID" }

// boundedNumber is a flag value holding a finite number in [lo, hi], or in
// (lo, hi] when openLow.
type boundedNumber struct {
	v       *float64
	lo, hi  float64
	openLow bool
}

func (f boundedNumber) Type() string { return "number" }

func (f boundedNumber) String() string {
	if f.v == nil {
		return ""
	}
	return formatNumber(*f.v)
}

func (f boundedNumber) Set(s string) error {
	v, err := parseNumber(s)
	switch {
	case err != nil:
		return err
	case f.openLow && v <= f.lo:
		return usagef(i18n.TrainErrAbove, termsafe.Echo(strings.TrimSpace(s)), formatNumber(f.lo), formatNumber(f.hi))
	case v < f.lo || v > f.hi:
		return usagef(i18n.TrainErrBetween, termsafe.Echo(strings.TrimSpace(s)), formatNumber(f.lo), formatNumber(f.hi))
	}
	*f.v = v
	return nil
}

func idStrings[T ~string](ids []T) []string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return s
}
